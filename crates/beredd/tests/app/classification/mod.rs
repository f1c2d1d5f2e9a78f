//! Classification and requirements: information classified in versions, the requirement
//! catalogue and the municipality's own requirements, the self-assessment with its evidence, and
//! the overview and printed reports.

mod assessment;
mod assessment_area;
mod classify;
mod klassa;
mod reports;
mod requirements;
