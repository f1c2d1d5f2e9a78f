//! Reading a crisis log exported from an offline kit into an incident. Each entry keeps its
//! author and original time; an entry already imported (same id) is skipped, so importing the
//! same file twice adds nothing but the record of the second import.

use beredd_domain::LogKind;
use serde::Deserialize;

use super::checks;
use crate::platform::db::DbError;
use crate::store::incidents::{self, NewEntry};

#[derive(Debug, Deserialize)]
struct RawLog {
    format: String,
    version: u32,
    #[serde(default)]
    kit_id: String,
    entries: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
struct RawEntry {
    id: String,
    at: String,
    kind: String,
    text: String,
    author: String,
    decided_by: Option<String>,
    grounds: Option<String>,
}

/// A checked kit log.
#[derive(Debug, Clone)]
pub struct KitLog {
    pub kit_id: String,
    pub entries: Vec<KitEntry>,
}

#[derive(Debug, Clone)]
pub struct KitEntry {
    pub id: String,
    pub at: String,
    pub kind: LogKind,
    pub text: String,
    pub author: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
}

/// Why a file was refused, in Swedish, naming the entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("filen är inte en loggfil från Beredds digitala krispärm (JSON med format \"beredd-kit-log\"): {0}")]
    NotAKitLog(String),
    #[error("filen har version {0} av loggformatet; den här Beredd läser version 1")]
    Version(u32),
    #[error("post {entry}: {problem}")]
    Entry { entry: usize, problem: String },
}

/// Checks a file before anything is written; the error names the entry and what is wrong.
pub fn parse(bytes: &[u8]) -> Result<KitLog, ImportError> {
    let raw: RawLog = serde_json::from_slice(bytes)
        .map_err(|e| ImportError::NotAKitLog(format!("rad {}, kolumn {}", e.line(), e.column())))?;
    if raw.format != "beredd-kit-log" {
        return Err(ImportError::NotAKitLog(format!("format {:?}", raw.format)));
    }
    if raw.version != 1 {
        return Err(ImportError::Version(raw.version));
    }
    let mut entries = Vec::with_capacity(raw.entries.len());
    for (i, e) in raw.entries.into_iter().enumerate() {
        let bad = |problem: &str| ImportError::Entry { entry: i + 1, problem: problem.to_owned() };
        if e.id.contains('_') || !checks::id(&e.id, 64) {
            return Err(bad("id saknas eller har fel form"));
        }
        let at = checks::past_time(&e.at, "tiden (at)").map_err(|p| bad(&p))?;
        let kind = match LogKind::parse(&e.kind) {
            Ok(k @ (LogKind::Event | LogKind::Decision | LogKind::Information | LogKind::Task)) => k,
            _ => return Err(bad("slaget (kind) ska vara event, decision, information eller task")),
        };
        // What a person types in the kit's log: as long as the log page takes.
        let checks::EntryText { text, author, decided_by, grounds } =
            checks::entry_text(&e.text, &e.author, e.decided_by.as_deref(), e.grounds.as_deref(), 4000).map_err(bad)?;
        entries.push(KitEntry { id: e.id, at, kind, text, author, decided_by, grounds });
    }
    let kit_id: String = raw.kit_id.chars().filter(|c| c.is_ascii_alphanumeric()).take(64).collect();
    Ok(KitLog { kit_id, entries })
}

/// How an import went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub imported: usize,
    pub skipped: usize,
}

/// Appends the entries not already in the incident, oldest first, then records the import itself.
/// Call it inside a write transaction.
pub async fn import(
    conn: &mut sqlx::AnyConnection,
    keys: &crate::platform::keys::Keyring,
    org: i64,
    incident: incidents::Key,
    log: &KitLog,
    by: &str,
    note: impl Fn(Report) -> String,
) -> Result<Report, DbError> {
    let mut entries: Vec<&KitEntry> = log.entries.iter().collect();
    entries.sort_by(|a, b| a.at.cmp(&b.at));
    let mut report = Report { imported: 0, skipped: 0 };
    let source = format!("kit:{}", log.kit_id);
    for e in entries {
        let uid = format!("kit-{}", e.id);
        if incidents::has_uid(&mut *conn, incident, &uid).await? {
            report.skipped += 1;
            continue;
        }
        let n = NewEntry {
            version: beredd_domain::incident::LOG_VERSION,
            uid: Some(uid),
            kind: e.kind,
            text: e.text.clone(),
            decided_by: e.decided_by.clone(),
            grounds: e.grounds.clone(),
            author: e.author.clone(),
            occurred_at: Some(e.at.clone()),
            corrects: None,
            source: source.clone(),
        };
        incidents::append(conn, keys, org, incident, n, by).await?;
        report.imported += 1;
    }
    let record = NewEntry {
        version: beredd_domain::incident::LOG_VERSION,
        uid: None,
        kind: LogKind::System,
        text: note(report),
        decided_by: None,
        grounds: None,
        author: by.to_owned(),
        occurred_at: None,
        corrects: None,
        source: source.clone(),
    };
    incidents::append(conn, keys, org, incident, record, by).await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kit_log_is_read_and_its_times_normalised() {
        let file = br#"{"format":"beredd-kit-log","version":1,"kit_id":"ab12","entries":[
            {"id":"a1","at":"2026-11-23T08:10:00.123+01:00","kind":"decision","text":"Papper","author":"Maja","decided_by":"Maja","grounds":null}]}"#;
        let log = parse(file).unwrap();
        assert_eq!(log.entries[0].at, "2026-11-23T07:10:00Z");
        assert_eq!(log.entries[0].kind, LogKind::Decision);
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_entry() {
        assert!(matches!(parse(b"<html>"), Err(ImportError::NotAKitLog(_))));
        assert_eq!(
            parse(br#"{"format":"beredd-kit-log","version":2,"entries":[]}"#).unwrap_err(),
            ImportError::Version(2)
        );
        let file = br#"{"format":"beredd-kit-log","version":1,"entries":[
            {"id":"a1","at":"2026-11-23T07:10:00Z","kind":"event","text":"Ok","author":"Maja"},
            {"id":"a2","at":"yesterday","kind":"event","text":"Fel","author":"Maja"}]}"#;
        let e = parse(file).unwrap_err();
        assert_eq!(e.to_string(), "post 2: tiden (at) är inte en tid som 2026-11-23T07:10:00Z");
        let file = br#"{"format":"beredd-kit-log","version":1,"entries":[{"id":"a1","at":"2026-11-23T07:10:00Z","kind":"system","text":"x","author":"M"}]}"#;
        assert!(parse(file).unwrap_err().to_string().starts_with("post 1: slaget"));
        // A time ahead of now would hide a passed deadline; an id of another form is refused.
        let file = br#"{"format":"beredd-kit-log","version":1,"entries":[{"id":"a1","at":"2099-01-01T00:00:00Z","kind":"event","text":"x","author":"M"}]}"#;
        assert_eq!(parse(file).unwrap_err().to_string(), "post 1: tiden (at) (2099-01-01T00:00:00Z) ligger efter nu");
        let file = br#"{"format":"beredd-kit-log","version":1,"entries":[{"id":"a_1","at":"2026-11-23T07:10:00Z","kind":"event","text":"x","author":"M"}]}"#;
        assert_eq!(parse(file).unwrap_err().to_string(), "post 1: id saknas eller har fel form");
    }
}
