//! Governance (navigation group "Uppföljning"): the steering documents staff confirm they have
//! read, the record of processing activities (GDPR art. 30), and the management review.

pub mod documents;
pub mod processing;
pub mod reading;
pub mod review;
pub mod review_view;
pub mod versions;
