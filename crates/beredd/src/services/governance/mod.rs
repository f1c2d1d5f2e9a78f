//! Governance: the record of processing activities (GDPR art. 30).

pub mod processing;
