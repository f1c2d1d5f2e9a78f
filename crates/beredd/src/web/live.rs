//! Live updates: one broadcast channel per incident. A change is published after its transaction
//! commits; every open board page receives it as a server-sent event.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::broadcast;

/// (event name, JSON data).
pub type Message = (String, String);

#[derive(Default)]
pub struct Live {
    channels: Mutex<HashMap<i64, broadcast::Sender<Message>>>,
}

impl Live {
    /// The channel of an incident, made on first use.
    pub fn sender(&self, incident: i64) -> broadcast::Sender<Message> {
        let mut map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(incident).or_insert_with(|| broadcast::channel(1024).0).clone()
    }

    /// Sends to whoever listens; nobody listening is fine.
    pub fn publish(&self, incident: i64, event: &str, data: String) {
        let _ = self.sender(incident).send((event.to_owned(), data));
    }
}
