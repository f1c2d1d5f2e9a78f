//! Governance: the record of processing activities (GDPR art. 30), and the steering documents
//! staff confirm they have read.

pub mod documents;
pub mod processing;
pub mod reading;
pub mod review;
