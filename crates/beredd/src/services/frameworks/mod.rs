//! Frameworks for gap analysis: the library of shipped and imported frameworks, assessments
//! against them, one requirement's answer, a chapter answered at once, the summary the overview
//! and the exports show, and evidence files. One file per use case; every change is written with
//! its entry in the audit trail in the same transaction.

pub mod answers;
pub mod assessments;
pub mod chapters;
pub mod evidence;
pub mod library;
pub mod summary;

pub use library::{Known, Library};

use crate::platform::db::DbError;

/// A use case that could not finish: the database failed, or reading a file stopped.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("reading a framework file stopped: {0}")]
    Stopped(String),
}
