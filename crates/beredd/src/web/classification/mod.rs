//! Classification and requirements: classifying information, the requirement catalogue and the
//! organisation's own requirements, self-assessment with evidence, the overview and reports.

pub mod assessment;
pub mod assessment_area;
pub mod assessment_removal;
pub mod classify;
pub mod evidence;
pub mod klassa;
pub mod local_requirements;
pub mod overview;
pub mod reports;
pub mod requirements;
