//! Continuity: business impact (BIA), outage scenarios and analysis, plan templates, continuity
//! plans and the binder, and the offline crisis kit.

pub mod bia;
pub mod kit;
pub mod outage;
pub mod outage_export;
pub mod outage_graph;
pub mod plan_templates;
pub mod plans;
pub mod scenarios;
