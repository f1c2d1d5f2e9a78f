//! A number of blocking jobs run at once, with a bounded queue: what keeps heavy work (typesetting
//! a PDF, hashing a password) from taking all the memory and CPU when many ask at once. Beyond
//! the queue, or after waiting too long, a request is refused as busy instead of waiting without
//! end (security review F3, F9).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    /// The queue is full, or no place came free in time: try again shortly.
    #[error("too many requests are waiting")]
    Busy,
    #[error("the job failed: {0}")]
    Failed(String),
}

/// `at_once` jobs run at the same time, at most `max_waiting` more wait for a place.
pub struct Limit {
    permits: Arc<Semaphore>,
    inside: Arc<AtomicUsize>,
    max_inside: usize,
    max_wait: Option<Duration>,
    /// Jobs started, ever (for the log and for tests).
    started: AtomicUsize,
}

/// Leaves the count of those running or waiting when dropped.
struct Inside(Arc<AtomicUsize>);

impl Drop for Inside {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limit {
    pub fn new(at_once: usize, max_waiting: usize) -> Limit {
        Limit {
            permits: Arc::new(Semaphore::new(at_once)),
            inside: Arc::new(AtomicUsize::new(0)),
            max_inside: at_once + max_waiting,
            max_wait: None,
            started: AtomicUsize::new(0),
        }
    }

    /// A request that has waited this long for a place is refused as busy.
    pub fn max_wait(mut self, wait: Duration) -> Limit {
        self.max_wait = Some(wait);
        self
    }

    /// How many jobs have been started since the limit was made.
    pub fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    /// How many jobs are running or waiting now.
    pub fn inside(&self) -> usize {
        self.inside.load(Ordering::SeqCst)
    }

    /// Runs `work` on the blocking pool once a place is free, or refuses at once when the queue is
    /// full. The place is held by the job itself, so a request given up by its client does not
    /// free it while the job still runs.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, LimitError> {
        if self.inside.fetch_add(1, Ordering::SeqCst) >= self.max_inside {
            self.inside.fetch_sub(1, Ordering::SeqCst);
            return Err(LimitError::Busy);
        }
        let inside = Inside(self.inside.clone());
        let acquire = self.permits.clone().acquire_owned();
        let permit = match self.max_wait {
            Some(wait) => tokio::time::timeout(wait, acquire).await.map_err(|_| LimitError::Busy)?,
            None => acquire.await,
        }
        .map_err(|e| LimitError::Failed(e.to_string()))?;
        self.started.fetch_add(1, Ordering::SeqCst);
        tokio::task::spawn_blocking(move || {
            let _held = (permit, inside);
            work()
        })
        .await
        .map_err(|e| LimitError::Failed(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;

    /// Jobs that run until `open` is set, counting how many run at once.
    struct Probe {
        open: Arc<AtomicBool>,
        running: Arc<AtomicUsize>,
        peak: Arc<AtomicUsize>,
    }

    impl Probe {
        fn new() -> Probe {
            Probe {
                open: Arc::new(AtomicBool::new(false)),
                running: Arc::new(AtomicUsize::new(0)),
                peak: Arc::new(AtomicUsize::new(0)),
            }
        }

        fn job(&self) -> impl FnOnce() + Send + 'static {
            let (open, running, peak) = (self.open.clone(), self.running.clone(), self.peak.clone());
            move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                while !open.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(1));
                }
                running.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_run_at_once_a_few_wait_and_the_next_is_refused() {
        let limit = Arc::new(Limit::new(2, 1));
        let probe = Probe::new();
        let mut jobs = Vec::new();
        for _ in 0..3 {
            let (limit, job) = (limit.clone(), probe.job());
            jobs.push(tokio::spawn(async move { limit.run(job).await }));
        }
        // Two run, the third waits: a fourth is refused at once.
        while probe.running.load(Ordering::SeqCst) < 2 || limit.inside() < 3 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(matches!(limit.run(|| ()).await, Err(LimitError::Busy)));
        probe.open.store(true, Ordering::SeqCst);
        for job in jobs {
            job.await.unwrap().unwrap();
        }
        assert_eq!(probe.peak.load(Ordering::SeqCst), 2, "never more than two at once");
        assert!(limit.run(|| ()).await.is_ok(), "room again once they are done");
        assert_eq!(limit.inside(), 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_that_waits_too_long_is_refused_and_leaves_the_queue() {
        let limit = Arc::new(Limit::new(1, 5).max_wait(Duration::from_millis(50)));
        let probe = Probe::new();
        let running = {
            let (limit, job) = (limit.clone(), probe.job());
            tokio::spawn(async move { limit.run(job).await })
        };
        while probe.running.load(Ordering::SeqCst) < 1 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(matches!(limit.run(|| ()).await, Err(LimitError::Busy)), "no place within 50 ms");
        assert_eq!(limit.inside(), 1, "the refused request no longer counts as waiting");
        probe.open.store(true, Ordering::SeqCst);
        running.await.unwrap().unwrap();
    }
}
