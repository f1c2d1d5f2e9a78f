//! Continuity: outage analysis, continuity plans, the printed binder and the offline kit.

pub mod binder;
pub mod kit;
pub mod outage;
pub mod plans;
