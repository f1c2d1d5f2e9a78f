//! Pages that are not registers: login, start page, account, users, organisation, audit.

pub mod account;
pub mod assessment;
pub mod audit;
pub mod evidence;
pub mod bia;
pub mod classify;
pub mod cycle;
pub mod home;
pub mod incident_comms;
pub mod incidents;
pub mod kit;
pub mod local_requirements;
pub mod lessons;
pub mod login;
pub mod meetings;
pub mod organisation;
pub mod overview;
pub mod plan_templates;
pub mod plans;
pub mod outage;
pub mod outage_graph;
pub mod recovery;
pub mod reports;
pub mod requirements;
pub mod setup;
pub mod users;
