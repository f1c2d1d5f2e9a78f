//! Writing an entry to an incident's log by hand: what the form holds, checked, and the entry
//! appended to the chain.

use beredd_domain::{FieldError, LogKind, text};

use crate::platform::clock;
use crate::platform::db::Db;
use crate::services::{Failure, Invalid};
use crate::store::incidents::{self, NewEntry};

/// The entry form as posted.
pub struct EntryForm<'a> {
    pub kind: &'a str,
    pub text: &'a str,
    pub decided_by: &'a str,
    pub grounds: &'a str,
    pub occurred_at: &'a str,
    pub corrects: &'a str,
}

/// An entry, checked.
pub struct Entry {
    pub kind: LogKind,
    pub text: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
    pub occurred_at: Option<String>,
    pub corrects: Option<i64>,
}

/// A kind a person may write: status changes and system entries are Beredd's own.
fn written_kind(code: &str) -> Result<Option<LogKind>, FieldError> {
    LogKind::parse(code).and_then(|k| {
        if matches!(k, LogKind::Status | LogKind::System) { Err(FieldError::Choice) } else { Ok(Some(k)) }
    })
}

/// The entry an entry corrects: one of the `log_count` entries the log holds.
fn corrected(input: &str, log_count: i64) -> Result<Option<i64>, FieldError> {
    input.parse::<i64>().ok().filter(|s| *s >= 1 && *s <= log_count).map(Some).ok_or(FieldError::Missing)
}

/// Checks the form against a log of `log_count` entries. A decision names who decided; a
/// correction names the entry it corrects.
pub fn check(f: &EntryForm, log_count: i64) -> Result<Entry, Invalid> {
    let mut e = Invalid::default();
    let kind = e.take("kind", written_kind(f.kind));
    let text = e.take("text", text::optional_text(f.text, 4000).and_then(|t| t.ok_or(FieldError::Required)));
    let decided_by = e.take("decided_by", text::optional_line(f.decided_by, 200));
    let grounds = e.take("grounds", text::optional_text(f.grounds, 2000));
    let occurred_at = match f.occurred_at.trim() {
        "" => None,
        _ => e.take("occurred_at", clock::parse_local(f.occurred_at).map(Some)),
    };
    let corrects = match f.corrects {
        "" => None,
        given => e.take("corrects", corrected(given, log_count)),
    };
    if kind == Some(LogKind::Decision) && decided_by.is_none() && !e.has("decided_by") {
        e.add("decided_by", FieldError::Required);
    }
    if kind == Some(LogKind::Correction) && corrects.is_none() && !e.has("corrects") {
        e.add("corrects", FieldError::Required);
    }
    match kind {
        Some(kind) if e.is_empty() => Ok(Entry { kind, text, decided_by, grounds, occurred_at, corrects }),
        _ => Err(e),
    }
}

/// Appends the entry to the incident's log; returns its number in the chain.
pub async fn add(db: &Db, org: i64, incident: incidents::Key, en: Entry, by: &str) -> Result<i64, Failure> {
    let Entry { kind, text, decided_by, grounds, occurred_at, corrects } = en;
    let entry = NewEntry { decided_by, grounds, occurred_at, corrects, ..NewEntry::web(kind, text, by) };
    let mut tx = db.begin_write().await?;
    let row = incidents::append(&mut tx, &db.keys, org, incident, entry, by).await?;
    tx.commit().await?;
    Ok(row.entry.seq)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(kind: &'a str, text: &'a str) -> EntryForm<'a> {
        EntryForm { kind, text, decided_by: "", grounds: "", occurred_at: "", corrects: "" }
    }

    #[test]
    fn a_decision_names_who_decided_and_beredds_own_kinds_are_refused() {
        let found = check(&form("decision", "Vi öppnar reservkök."), 3).err().expect("refused");
        assert_eq!(found.get("decided_by"), Some(&FieldError::Required));
        let found = check(&form("system", "x"), 3).err().expect("refused");
        assert_eq!(found.get("kind"), Some(&FieldError::Choice));
        let ok = check(&EntryForm { decided_by: "Krisledningen", ..form("decision", "Vi öppnar.") }, 3).expect("ok");
        assert_eq!((ok.kind, ok.decided_by.as_deref()), (LogKind::Decision, Some("Krisledningen")));
    }

    #[test]
    fn a_correction_points_to_an_entry_the_log_holds() {
        let found = check(&form("correction", "Fel tid."), 3).err().expect("refused");
        assert_eq!(found.get("corrects"), Some(&FieldError::Required));
        let found = check(&EntryForm { corrects: "4", ..form("correction", "Fel tid.") }, 3).err().expect("refused");
        assert_eq!(found.get("corrects"), Some(&FieldError::Missing));
        let ok = check(&EntryForm { corrects: "3", ..form("correction", "Fel tid.") }, 3).expect("ok");
        assert_eq!(ok.corrects, Some(3));
    }
}
