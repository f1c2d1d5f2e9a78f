//! Governance (navigation group "Uppföljning"): the steering documents staff confirm they have
//! read, the training staff must take, the record of processing activities (GDPR art. 30), the
//! management review, the impact assessment of the offline kit, and the thinning (gallring) of
//! closed incidents.

pub mod documents;
pub mod kit_note;
pub mod processing;
pub mod reading;
pub mod retention;
pub mod review;
pub mod review_view;
pub mod training;
pub mod training_course;
pub mod training_form;
pub mod training_units;
pub mod versions;
