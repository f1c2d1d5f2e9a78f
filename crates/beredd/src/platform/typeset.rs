//! Typesetting PDFs (binder, reports, protocols) off the async workers, a few at a time.
//!
//! One document can take seconds of CPU and a hundred MB of memory, and any logged-in user may ask
//! for one, so every PDF goes through one process-wide limit: `AT_ONCE` are typeset at a time and
//! at most `MAX_WAITING` more wait; beyond that the request is refused as busy (security review F9).

use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Semaphore;

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

/// A number of blocking jobs run at once, with a bounded queue.
pub struct Limit {
    permits: Semaphore,
    inside: AtomicUsize,
    max_inside: usize,
}

/// Leaves the count of those running or waiting when dropped.
struct Inside(&'static AtomicUsize);

impl Drop for Inside {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limit {
    pub const fn new(at_once: usize, max_waiting: usize) -> Limit {
        Limit { permits: Semaphore::const_new(at_once), inside: AtomicUsize::new(0), max_inside: at_once + max_waiting }
    }

    /// Runs `work` on the blocking pool once a place is free, or refuses at once when the queue is
    /// full. The place is held by the job itself, so a request given up by its client does not
    /// free it while the job still runs.
    pub async fn run<T: Send + 'static>(
        &'static self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, TypesetError> {
        if self.inside.fetch_add(1, Ordering::SeqCst) >= self.max_inside {
            self.inside.fetch_sub(1, Ordering::SeqCst);
            return Err(TypesetError::Busy);
        }
        let inside = Inside(&self.inside);
        let permit = self.permits.acquire().await.map_err(|e| TypesetError::Failed(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let _held = (permit, inside);
            work()
        })
        .await
        .map_err(|e| TypesetError::Failed(e.to_string()))
    }
}

static PDFS: Limit = Limit::new(AT_ONCE, MAX_WAITING);

/// Typesets a document: the one way to a PDF.
pub async fn pdf(document: beredd_render::Document, data: serde_json::Value) -> Result<Vec<u8>, TypesetError> {
    PDFS.run(move || beredd_render::pdf(document, &data)).await?.map_err(|e| TypesetError::Failed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_run_at_once_a_few_wait_and_the_next_is_refused() {
        let limit: &'static Limit = Box::leak(Box::new(Limit::new(2, 1)));
        let open = Arc::new(AtomicBool::new(false));
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let mut jobs = Vec::new();
        for _ in 0..3 {
            let (open, running, peak) = (open.clone(), running.clone(), peak.clone());
            jobs.push(tokio::spawn(limit.run(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                while !open.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(1));
                }
                running.fetch_sub(1, Ordering::SeqCst);
            })));
        }
        // Two run, the third waits: a fourth is refused at once.
        while running.load(Ordering::SeqCst) < 2 || limit.inside.load(Ordering::SeqCst) < 3 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(matches!(limit.run(|| ()).await, Err(TypesetError::Busy)));
        open.store(true, Ordering::SeqCst);
        for job in jobs {
            job.await.unwrap().unwrap();
        }
        assert_eq!(peak.load(Ordering::SeqCst), 2, "never more than two at once");
        assert!(limit.run(|| ()).await.is_ok(), "room again once they are done");
    }
}
