//! Where long work says how far it has come: a background job's row (`services::jobs`), a
//! progress bar on the command line, or nobody. Reporting is cheap and synchronous (it only
//! notes the latest figures); whoever listens decides how often to pass them on.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use beredd_domain::job::JobStep;

/// Told, now and then, what the work is doing and how far through that step it is (`total` 0
/// when the step cannot count).
pub trait Progress: Send + Sync {
    fn report(&self, step: JobStep, done: u64, total: u64);
}

/// Progress nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _: JobStep, _: u64, _: u64) {}
}

/// The latest report, kept for whoever reads it (a job writes it to the database every few
/// seconds, never per row).
#[derive(Debug)]
pub struct Latest(Mutex<(JobStep, u64, u64)>);

impl Default for Latest {
    fn default() -> Self {
        Latest(Mutex::new((JobStep::Waiting, 0, 0)))
    }
}

impl Latest {
    pub fn get(&self) -> (JobStep, u64, u64) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Progress for Latest {
    fn report(&self, step: JobStep, done: u64, total: u64) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = (step, done, total);
    }
}

/// The latest progress of the jobs this process runs, by job id. This process's job pages read it
/// before the job's row: a job whose own transaction holds SQLite's write lock (a large import)
/// cannot write its row until it ends, yet shows how far it has come and is not taken to have
/// stopped.
#[derive(Debug, Default)]
pub struct Running(Mutex<HashMap<i64, Arc<Latest>>>);

impl Running {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Arc<Latest>>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Notes that job `id` runs here, reporting to `latest`.
    pub fn add(&self, id: i64, latest: Arc<Latest>) {
        self.map().insert(id, latest);
    }

    /// Notes that job `id` has ended here.
    pub fn remove(&self, id: i64) {
        self.map().remove(&id);
    }

    /// Job `id`'s latest report, if it runs here.
    pub fn get(&self, id: i64) -> Option<(JobStep, u64, u64)> {
        self.map().get(&id).map(|l| l.get())
    }
}
