//! Typesetting PDFs (binder, reports, protocols) off the async workers, a few at a time.
//!
//! One document can take seconds of CPU and a hundred MB of memory, and any logged-in user may ask
//! for one, so every PDF goes through one process-wide limit: `AT_ONCE` are typeset at a time and
//! at most `MAX_WAITING` more wait; beyond that the request is refused as busy (security review F9).
//! A binder counts as one document, though inside its place it typesets its missing plan
//! sections on every core before joining them ([`run`]).

use std::sync::LazyLock;

use super::limit::{Limit, LimitError};

/// Documents typeset at the same time.
pub const AT_ONCE: usize = 2;
/// Documents that may wait for a free place; the next one is refused.
pub const MAX_WAITING: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error("too many documents are being typeset")]
    Busy,
    #[error("typesetting failed: {0}")]
    Failed(String),
}

static PDFS: LazyLock<Limit> = LazyLock::new(|| Limit::new(AT_ONCE, MAX_WAITING));

/// Typesets a document: the one way to a PDF.
pub async fn pdf(document: beredd_render::Document, data: serde_json::Value) -> Result<Vec<u8>, TypesetError> {
    run(move || beredd_render::pdf(document, &data)).await
}

/// Runs typesetting work that makes one document, perhaps from several parts typeset at once
/// (the binder: its missing plan sections on every core, then the whole), in one place of the
/// limit.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, beredd_render::RenderError> + Send + 'static,
) -> Result<T, TypesetError> {
    match PDFS.run(work).await {
        Ok(done) => done.map_err(|e| TypesetError::Failed(e.to_string())),
        Err(LimitError::Busy) => Err(TypesetError::Busy),
        Err(LimitError::Failed(e)) => Err(TypesetError::Failed(e)),
    }
}
