//! Classification and requirements: classifying information, the requirements it yields, the
//! organisation's own requirements, a system's self-assessment with its evidence, the overview
//! and the printed reports. One file per use case; each reads and writes through the store and
//! records every change in the audit trail in the same transaction.

pub mod answer;
pub mod area;
pub mod classify;
pub mod evidence;
pub mod klassa;
pub mod local_requirements;
pub mod overview;
pub mod removal;
pub mod reports;
pub mod required;
pub mod requirements;
pub mod self_assessment;
pub mod standing;
