//! Beredd's application: storage, web interface and command line.

pub mod binder;
pub mod bundle;
pub mod catalogue;
pub mod frameworks;
pub mod plan_templates;
pub mod plans;
pub mod cli;
pub mod db;
pub mod demo;
pub mod kit;
pub mod kit_import;
pub mod mail;
pub mod outage;
pub mod server;
pub mod store;
pub mod web;
