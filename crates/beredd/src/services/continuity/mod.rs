//! Continuity: outage analysis and saved scenarios, continuity plans and where they overlap, the
//! printed binder and the offline kit.

pub mod bia;
pub mod binder;
pub mod forms;
pub mod kit;
pub mod outage;
pub mod overlap;
pub mod plans;
pub mod scenarios;
