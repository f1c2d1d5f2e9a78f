//! Use cases: what a page handler or a command asks for, built from the store, the domain, the
//! content and the platform. Nothing here knows of HTTP, templates or `web`.

pub mod accounts;
pub mod actions;
pub mod archive;
pub mod attention;
pub mod batch;
pub mod catalogue;
pub mod classification;
pub mod continuity;
pub mod crisis;
pub mod cycle;
pub mod frameworks;
pub mod governance;
pub mod hosting;
pub mod invalid;
pub mod jobs;
pub mod organisation;
pub mod registers;
pub mod risks;
pub mod setup;
pub mod sharing;

use crate::platform::db::DbError;

pub use invalid::Invalid;

/// Why a use case did not go through: what it was given, a record that is not there, or the
/// database.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("invalid input: {0:?}")]
    Invalid(Invalid),
    #[error("not found")]
    NotFound,
    /// The server is at a limit it keeps on purpose (password hashing); the message id says so.
    #[error("busy: {0}")]
    Busy(&'static str),
    #[error("internal: {0}")]
    Internal(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for Failure {
    fn from(e: sqlx::Error) -> Self {
        Failure::Db(DbError::from(e))
    }
}

impl From<Invalid> for Failure {
    fn from(e: Invalid) -> Self {
        Failure::Invalid(e)
    }
}
