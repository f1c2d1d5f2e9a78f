//! Governance (navigation group "Uppföljning"): the steering documents staff confirm they have
//! read, and the record of processing activities (GDPR art. 30).

pub mod documents;
pub mod processing;
pub mod reading;
pub mod versions;
