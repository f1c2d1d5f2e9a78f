//! Governance (navigation group "Uppföljning"): the record of processing activities (GDPR art. 30).

pub mod processing;
