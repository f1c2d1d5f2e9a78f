//! Values a server builds from an organisation's registers and keeps between requests (the
//! names every page shows, the dependency graph), each stored with the register version it was
//! built at (`store::versions`) and used only while the database still has that version.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type Entry = (i64, Arc<dyn Any + Send + Sync>);
/// Held while one value is built.
type Gate = Arc<tokio::sync::Mutex<()>>;

#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<(TypeId, i64), Entry>>,
    /// One lock per value being built, so that requests that all find it stale at once (after
    /// a write) wait for one build instead of each building it.
    gates: Mutex<HashMap<(TypeId, i64), Gate>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

impl Cache {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<(TypeId, i64), Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The organisation's value of type `T`, if it was built at `version`.
    pub fn get<T: Send + Sync + 'static>(&self, org: i64, version: i64) -> Option<Arc<T>> {
        let entries = self.entries();
        let (built_at, value) = entries.get(&(TypeId::of::<T>(), org))?;
        if *built_at != version {
            return None;
        }
        value.clone().downcast::<T>().ok()
    }

    /// The lock held while the organisation's value of type `T` is built.
    pub fn gate<T: Send + Sync + 'static>(&self, org: i64) -> Gate {
        let mut gates = self.gates.lock().unwrap_or_else(|e| e.into_inner());
        gates.entry((TypeId::of::<T>(), org)).or_default().clone()
    }

    /// Keeps `value`, built at `version`, in place of the organisation's earlier one.
    pub fn put<T: Send + Sync + 'static>(&self, org: i64, version: i64, value: Arc<T>) {
        self.entries().insert((TypeId::of::<T>(), org), (version, value));
    }
}
