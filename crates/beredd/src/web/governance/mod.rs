//! Governance (navigation group "Uppföljning"): the steering documents staff confirm they have
//! read, the training staff must take, and the record of processing activities (GDPR art. 30).

pub mod documents;
pub mod processing;
pub mod reading;
pub mod training;
pub mod training_course;
pub mod training_form;
pub mod training_units;
pub mod versions;
