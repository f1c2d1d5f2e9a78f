//! Messages between the processes that serve one PostgreSQL database (issue 22), through
//! PostgreSQL's own LISTEN/NOTIFY: a live board written through one process reaches the
//! browsers connected to another. Each process listens on one connection of its own and sends
//! through the pool; a message carries the sending process's mark so that it is not delivered
//! twice to the process that sent it (which has delivered it already, in memory). SQLite has one
//! process and does not use this.
//!
//! A notification holds at most 8,000 bytes: a larger message is sent as `reload` (the page
//! loads itself again). While the listening connection is down, messages are lost: when it is
//! back, every channel of this process is told `reload`.

use std::sync::Arc;

use sqlx::postgres::PgListener;
use tokio::sync::mpsc;

/// The PostgreSQL channel the processes talk on.
pub const CHANNEL: &str = "beredd_live";
/// The longest message sent as it is (PostgreSQL's limit is 8,000 bytes).
const MAX_PAYLOAD: usize = 7_500;

/// One message: which incident, and the event with its data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub incident: i64,
    pub event: String,
    pub data: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    from: String,
    #[serde(flatten)]
    note: Note,
}

/// What a process does with a message from another, and with "you may have missed some"
/// (`None`, after the listening connection was lost and is back).
pub type Deliver = Arc<dyn Fn(Option<Note>) + Send + Sync>;

/// This process's end: sends its messages to the others.
#[derive(Clone)]
pub struct Relay {
    out: mpsc::UnboundedSender<Note>,
}

impl Relay {
    /// Sends `note` to the other processes, after the ones sent before it; never waits.
    pub fn send(&self, note: Note) {
        let _ = self.out.send(note);
    }
}

/// The text sent for `note` from the process marked `from`.
fn payload(from: &str, note: Note) -> String {
    let text = serde_json::to_string(&Wire { from: from.to_owned(), note: note.clone() }).unwrap_or_default();
    if text.len() <= MAX_PAYLOAD {
        return text;
    }
    let reload = Note { incident: note.incident, event: "reload".into(), data: String::new() };
    serde_json::to_string(&Wire { from: from.to_owned(), note: reload }).unwrap_or_default()
}

/// A message from another process, or `None` for this process's own or for a text that is not one.
fn received(me: &str, text: &str) -> Option<Note> {
    let wire: Wire = serde_json::from_str(text).ok()?;
    (wire.from != me).then_some(wire.note)
}

/// Starts listening (on a connection of its own to `url`) and sending (through `pool`). Fails
/// only when the first connection cannot be made; later losses are retried.
pub async fn start(url: &str, pool: sqlx::AnyPool, deliver: Deliver) -> Result<Relay, sqlx::Error> {
    let me = format!("{:016x}", rand::random::<u64>());
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    let (out, mut queue) = mpsc::unbounded_channel::<Note>();
    let mark = me.clone();
    tokio::spawn(async move {
        while let Some(note) = queue.recv().await {
            let text = payload(&mark, note);
            if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(text).execute(&pool).await {
                tracing::warn!(error = %e, "a live update could not be sent to the other processes");
            }
        }
    });
    tokio::spawn(async move {
        loop {
            match listener.try_recv().await {
                Ok(Some(n)) => {
                    if let Some(note) = received(&me, n.payload()) {
                        deliver(Some(note));
                    }
                }
                // The connection was lost; the next call connects again and listens anew.
                Ok(None) => {
                    tracing::warn!("the connection that listens to the other processes was lost; connecting again");
                    deliver(None);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "listening to the other processes failed; trying again shortly");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(Relay { out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reaches_the_others_not_its_sender_and_a_long_one_becomes_reload() {
        let note = Note { incident: 7, event: "board".into(), data: r#"{"item":3}"#.into() };
        let text = payload("a", note.clone());
        assert_eq!(received("b", &text), Some(note));
        assert_eq!(received("a", &text), None);
        assert_eq!(received("b", "not json"), None);
        let long = Note { incident: 7, event: "board".into(), data: "x".repeat(10_000) };
        let text = payload("a", long);
        assert!(text.len() < MAX_PAYLOAD);
        assert_eq!(received("b", &text), Some(Note { incident: 7, event: "reload".into(), data: String::new() }));
    }
}
