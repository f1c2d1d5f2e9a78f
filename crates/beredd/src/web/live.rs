//! Live updates: one broadcast channel per incident. A change is published after its transaction
//! commits; every open board page receives it as a server-sent event. On PostgreSQL the change
//! also goes to the other processes serving the database (`platform::relay`, LISTEN/NOTIFY),
//! which deliver it to the boards open with them.
//!
//! When the server stops, every open stream is told with a last `shutdown` event, so that the
//! page can say the server is restarting while its `EventSource` connects again.
//!
//! Open streams are counted: each holds memory for as long as the page is open, so one user may
//! hold a few and the server a bounded number in total (security review F8).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::broadcast;

/// (event name, JSON data).
pub type Message = (String, String);

/// Streams one user may hold open at once (a few tabs and screens in the crisis room).
pub const MAX_STREAMS_PER_USER: usize = 5;
/// Streams the server holds open at once, unless `--max-live-streams` says otherwise.
pub const MAX_STREAMS_TOTAL: usize = crate::platform::net::MAX_LIVE_STREAMS;
/// How often an open stream checks that its session is still valid (it also checks at each event).
pub const SESSION_CHECK: Duration = Duration::from_secs(30);

pub struct Live {
    channels: Mutex<HashMap<i64, broadcast::Sender<Message>>>,
    streams: Arc<Mutex<Streams>>,
    /// Streams held open at once in all.
    max_streams: usize,
    /// Becomes true when the server stops.
    closing: tokio::sync::watch::Sender<bool>,
    /// The way to the other processes, on PostgreSQL.
    relay: std::sync::OnceLock<crate::platform::relay::Relay>,
}

#[derive(Default)]
struct Streams {
    total: usize,
    per_user: HashMap<i64, usize>,
}

/// One open stream's place in the count, given back when the stream ends.
pub struct Slot {
    streams: Arc<Mutex<Streams>>,
    user: i64,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut s = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        s.total = s.total.saturating_sub(1);
        if let Some(n) = s.per_user.get_mut(&self.user) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                s.per_user.remove(&self.user);
            }
        }
    }
}

impl Default for Live {
    fn default() -> Live {
        Live::with_max_streams(MAX_STREAMS_TOTAL)
    }
}

impl Live {
    /// Room for `max_streams` open streams in all.
    pub fn with_max_streams(max_streams: usize) -> Live {
        Live {
            channels: Mutex::default(),
            streams: Arc::default(),
            max_streams,
            closing: tokio::sync::watch::Sender::default(),
            relay: std::sync::OnceLock::new(),
        }
    }

    /// The channel of an incident, made on first use.
    pub fn sender(&self, incident: i64) -> broadcast::Sender<Message> {
        let mut map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(incident).or_insert_with(|| broadcast::channel(1024).0).clone()
    }

    /// Sends to whoever listens, here and in the other processes; nobody listening is fine.
    pub fn publish(&self, incident: i64, event: &str, data: String) {
        if let Some(relay) = self.relay.get() {
            relay.send(crate::platform::relay::Note { incident, event: event.to_owned(), data: data.clone() });
        }
        self.deliver(incident, event, data);
    }

    /// Sends to the boards open in this process only (a message from another process).
    pub fn deliver(&self, incident: i64, event: &str, data: String) {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(channel) = map.get(&incident) {
            let _ = channel.send((event.to_owned(), data));
        }
    }

    /// Tells every board open in this process to load itself again (messages may have been lost).
    pub fn reload_all(&self) {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        for channel in map.values() {
            let _ = channel.send(("reload".to_owned(), String::new()));
        }
    }

    /// Sends what is published to the other processes through `relay` from now on.
    pub fn relay_through(&self, relay: crate::platform::relay::Relay) {
        let _ = self.relay.set(relay);
    }

    /// How many streams are open now.
    pub fn connections(&self) -> usize {
        self.streams.lock().unwrap_or_else(|p| p.into_inner()).total
    }

    /// Tells every open stream, and any opened from now on, that the server is stopping.
    pub fn shut_down(&self) {
        self.closing.send_replace(true);
    }

    /// What an open stream watches to know that the server is stopping.
    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// A place for one more stream of `user`, or `None` when the user or the server is full.
    pub fn open_stream(&self, user: i64) -> Option<Slot> {
        let mut s = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        let mine = s.per_user.get(&user).copied().unwrap_or(0);
        if mine >= MAX_STREAMS_PER_USER || s.total >= self.max_streams {
            return None;
        }
        s.total += 1;
        s.per_user.insert(user, mine + 1);
        Some(Slot { streams: self.streams.clone(), user })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_holds_a_few_streams_and_a_closed_one_frees_its_place() {
        let live = Live::default();
        let slots: Vec<Slot> = (0..MAX_STREAMS_PER_USER).map(|_| live.open_stream(1).expect("room")).collect();
        assert!(live.open_stream(1).is_none());
        assert!(live.open_stream(2).is_some(), "another user is not affected");
        drop(slots);
        assert!(live.open_stream(1).is_some());
    }
}
