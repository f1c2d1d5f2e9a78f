//! Use cases: what a page handler or a command asks for, built from the store, the domain, the
//! content and the platform. Nothing here knows of HTTP, templates or `web`.

pub mod accounts;
pub mod attention;
pub mod batch;
pub mod catalogue;
pub mod classification;
pub mod continuity;
pub mod crisis;
pub mod cycle;
pub mod frameworks;
pub mod invalid;
pub mod organisation;
pub mod risks;
pub mod setup;

use beredd_domain::FieldError;

use crate::platform::db::DbError;

/// What a use case found wrong with what it was given: (form field, error) in the order found,
/// the first one per field counting. The page shows each beside its field.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Invalid(pub Vec<(String, FieldError)>);

impl Invalid {
    pub fn add(&mut self, field: impl Into<String>, e: FieldError) {
        let field = field.into();
        if !self.has(&field) {
            self.0.push((field, e));
        }
    }
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| f == field)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Keeps the value, or records the error and returns the default.
    pub fn take<T: Default>(&mut self, field: &str, r: Result<T, FieldError>) -> T {
        r.unwrap_or_else(|e| {
            self.add(field, e);
            T::default()
        })
    }
    /// `value` when nothing was found wrong.
    pub fn or<T>(self, value: T) -> Result<T, Failure> {
        if self.is_empty() { Ok(value) } else { Err(Failure::Invalid(self)) }
    }
}

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
