//! The crisis staff's roster and the staff reached, each change written with its status entry in
//! the incident's log.

use beredd_domain::{LogKind, StaffRole};

use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::services::crisis::comms::Writer;
use crate::store::incidents::{self, NewEntry};

/// The units whose staff are called, in the order they are called: the units the incident
/// affects first, then the units under them level by level, so that the leadership who is called
/// first is at the top. Each unit once.
pub fn call_order(units: &[crate::store::units::Unit], affected: &[i64]) -> Vec<i64> {
    let mut order: Vec<i64> = Vec::new();
    for id in affected.iter().flat_map(|u| crate::services::continuity::binder::subtree(units, *u)) {
        if !order.contains(&id) {
            order.push(id);
        }
    }
    order
}

/// Writes a status entry and commits with the change made in `tx`.
async fn status_and_commit(
    w: &Writer<'_>,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    text: String,
) -> Result<(), Failure> {
    let entry = NewEntry::web(LogKind::Status, text, w.by);
    incidents::append(&mut tx, &w.db.keys, w.org, w.incident, entry, w.by).await?;
    tx.commit().await?;
    Ok(())
}

/// A member of the crisis staff in a role.
pub struct Member<'a> {
    pub role: StaffRole,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub area: Option<&'a str>,
    pub on_duty: bool,
}

/// Adds a member to the roster.
pub async fn add_member(w: &Writer<'_>, tr: &Tr, m: &Member<'_>) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    incidents::add_roster(&mut *tx, w.incident, m.role, m.name, m.phone, m.area, m.on_duty).await?;
    let text = tr.ts("incident-log-roster", "who", &format!("{} – {}", tr.t(m.role.label_id()), m.name));
    status_and_commit(w, tx, text).await
}

/// Marks a member of the roster as on duty or off duty.
pub async fn set_duty(w: &Writer<'_>, tr: &Tr, row: i64, on: bool) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    let r =
        incidents::roster(&mut *tx, w.incident).await?.into_iter().find(|r| r.id == row).ok_or(Failure::NotFound)?;
    incidents::set_on_duty(&mut *tx, w.incident, row, on).await?;
    let text = tr.ts(if on { "incident-log-on-duty" } else { "incident-log-off-duty" }, "name", &r.name);
    status_and_commit(w, tx, text).await
}

/// Marks a person as reached or not; `name` is how the log names them (never a protected name:
/// the log is read by every one of the crisis staff and leaves in bundles).
pub async fn set_reached(w: &Writer<'_>, tr: &Tr, person: i64, reached: bool, name: &str) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    incidents::set_reached(&mut *tx, w.incident, person, reached, w.by).await?;
    let text = tr.ts(if reached { "incident-log-reached" } else { "incident-log-not-reached" }, "name", name);
    status_and_commit(w, tx, text).await
}
