//! Governance: the record of processing activities (GDPR art. 30), the steering documents staff
//! confirm they have read, the training staff must take, the impact assessment of the offline
//! kit, and the thinning (gallring) of closed incidents.

pub mod courses;
pub mod documents;
pub mod kit_note;
pub mod processing;
pub mod reading;
pub mod retention;
pub mod review;
pub mod training;
