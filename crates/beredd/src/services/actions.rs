//! The action plan's use cases that are not the register's form: progress reported from another
//! system (a ticketing system closing its ticket) through the API.

use beredd_domain::{ActionStatus, text};

use super::{Failure, Invalid};
use crate::platform::db::Db;
use crate::store::actions::{self, Action, ActionInput};
use crate::store::audit::{self, Actor};

/// What another system reports about an action: its status, and a line of progress added to
/// its notes (dated, with who reported it); either may be left out.
pub struct Progress<'a> {
    pub status: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Records progress on an action, audited with the action before and after.
pub async fn report(db: &Db, actor: &Actor, id: i64, p: Progress<'_>) -> Result<Action, Failure> {
    let mut found = Invalid::default();
    let status = p.status.and_then(|s| found.take("status", ActionStatus::parse(s).map(Some)));
    let note = p.note.and_then(|n| found.take("note", text::optional_text(n, 1000)));
    if status.is_none() && note.is_none() && found.is_empty() {
        found.add("status", beredd_domain::FieldError::Missing);
    }
    let mut tx = db.begin_write().await?;
    let before = actions::get(&mut *tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    found.or(())?;
    let notes = match note {
        Some(n) => {
            let line = format!("{} {}: {n}", crate::platform::clock::today_text(), actor.username);
            let joined = match before.notes.as_deref().filter(|s| !s.trim().is_empty()) {
                Some(old) => format!("{old}\n{line}"),
                None => line,
            };
            Some(
                text::optional_text(&joined, 4000).map_err(|e| Invalid::default().with("note", e))?.unwrap_or_default(),
            )
        }
        None => before.notes.clone(),
    };
    let input = ActionInput {
        title: before.title.clone(),
        origin: before.origin,
        origin_ref: before.origin_ref.clone(),
        owner_id: before.owner_id,
        unit_id: before.unit_id,
        priority: before.priority,
        due_date: before.due_date,
        status: status.unwrap_or(before.status),
        notes,
    };
    actions::update(&mut *tx, actor.org_id, id, &input).await?;
    let after = actions::get(&mut *tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    let change = audit::Change {
        action: "update",
        entity: "action",
        entity_id: Some(id),
        summary: &after.title,
        before: Some(&before),
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(after)
}
