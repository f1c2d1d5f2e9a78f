//! Governance: the record of processing activities (GDPR art. 30), the steering documents staff
//! confirm they have read, and the training staff must take.

pub mod courses;
pub mod documents;
pub mod processing;
pub mod reading;
pub mod training;
