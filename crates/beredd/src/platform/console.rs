//! What the operator is told on standard output when Beredd starts (where it listens, the
//! setup link): a plain line, or, when the log is JSON, a JSON object shaped like the log's own
//! lines, so that a log collector reading both outputs gets JSON from each.

use std::sync::atomic::{AtomicBool, Ordering};

static JSON: AtomicBool = AtomicBool::new(false);

/// From now on, lines are JSON objects.
pub fn use_json() {
    JSON.store(true, Ordering::Relaxed);
}

/// Writes one line for the operator.
pub fn say(line: &str) {
    if JSON.load(Ordering::Relaxed) {
        let at =
            time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        let object = serde_json::json!({
            "timestamp": at,
            "level": "INFO",
            "fields": { "message": line },
            "target": "beredd::console",
        });
        println!("{object}");
    } else {
        println!("{line}");
    }
}
