//! The cycle's tasks as an iCalendar feed (RFC 5545) for calendar programs: the user's own (by
//! the person they said they are, or by name as owner), or a unit's and those below it. The feed
//! is reached by a secret address instead of a session; only the address's SHA-256 is kept.

use crate::platform::clock;
use crate::platform::db::{Db, DbError};
use crate::services::continuity::binder::subtree;
use crate::store::{audit, cycle, people, units};

/// Text for an iCalendar property value: backslash, semicolon, comma and newline escaped.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// Whose feed it is: the token's user (their name and the person they said they are) or a unit.
struct Scope {
    name: String,
    me: Option<i64>,
    units: Option<Vec<i64>>,
}

impl Scope {
    fn holds(&self, i: &cycle::Item, everyone: &[people::Person]) -> bool {
        let person_name = |id: Option<i64>| everyone.iter().find(|p| Some(p.id) == id).map(|p| p.name.as_str());
        match (&self.units, self.me) {
            (Some(units), _) => i.unit_id.is_some_and(|u| units.contains(&u)),
            // The user's own: the person they said they are, or else the person with their name.
            (None, Some(p)) => i.owner_id == Some(p),
            (None, None) => i.owner_id.is_some() && person_name(i.owner_id).unwrap_or("") == self.name,
        }
    }
}

fn head(title: &str) -> String {
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Beredd//Arshjul//SV\r\nCALSCALE:GREGORIAN\r\n");
    // The tasks are whole Swedish days (all-day events, which have no time and so need no
    // VTIMEZONE); the calendar's zone says where those days are. DTSTAMP is UTC, as it must be.
    out.push_str(&format!("X-WR-TIMEZONE:{}\r\n", clock::ZONE_NAME));
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", ics_text(&format!("Beredd – {title}")))));
    out
}

/// One task as an all-day event.
fn event(t: &cycle::Task, i: &cycle::Item, owner: &str, stamp: &str) -> String {
    let (d, next) = (t.due_date.compact(), t.due_date.plus_days(1).compact());
    let mut out = String::from("BEGIN:VEVENT\r\n");
    out.push_str(&fold(&format!("UID:cycle-task-{}@beredd", t.id)));
    out.push_str(&format!("DTSTAMP:{stamp}\r\nDTSTART;VALUE=DATE:{d}\r\nDTEND;VALUE=DATE:{next}\r\n"));
    out.push_str(&fold(&format!("SUMMARY:{}", ics_text(&i.title))));
    if !owner.is_empty() {
        out.push_str(&fold(&format!("DESCRIPTION:{}", ics_text(owner))));
    }
    if t.done_at.is_some() {
        out.push_str("STATUS:CONFIRMED\r\n");
    }
    out.push_str("END:VEVENT\r\n");
    out
}

/// The feed behind a secret address, of the user's own tasks or of `unit`'s; none for an address
/// no active user has.
pub async fn calendar(pool: &sqlx::AnyPool, token: &str, unit: Option<i64>) -> Result<Option<String>, DbError> {
    let Some((org, name, me)) = cycle::by_token(pool, token).await? else { return Ok(None) };
    super::ensure(pool, org).await?;
    let all_units = units::list(pool, org).await?;
    let everyone = people::list(pool, org).await?;
    let items = cycle::items(pool, org).await?;
    let unit_name = |u: i64| all_units.iter().find(|x| x.id == u).map(|x| x.name.clone()).unwrap_or_default();
    let title = unit.map(unit_name).unwrap_or(name.clone());
    let scope = Scope { units: unit.map(|u| subtree(&all_units, u)), name, me };
    let chosen: Vec<&cycle::Item> = items.iter().filter(|i| scope.holds(i, &everyone)).collect();
    let stamp = clock::stamp().replace(['-', ':'], "");
    let mut out = head(&title);
    for t in cycle::tasks(pool, org).await? {
        let Some(i) = chosen.iter().find(|i| i.id == t.item_id) else { continue };
        let owner = everyone.iter().find(|p| Some(p.id) == i.owner_id).map(|p| p.name.as_str()).unwrap_or("");
        out.push_str(&event(&t, i, owner, &stamp));
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(Some(out))
}

/// Makes the user a new calendar address (the one before stops working) and returns it; it is
/// shown this once (security review F15).
pub async fn new_address(db: &Db, actor: &audit::Actor, user: i64) -> Result<String, DbError> {
    let mut tx = db.begin_write().await?;
    let before = cycle::calendar(&mut *tx, user).await?;
    let token = cycle::new_calendar_token(&mut *tx, user).await?;
    let after = cycle::calendar(&mut *tx, user).await?;
    let record = |c: &cycle::Calendar| serde_json::json!({ "address": c.active.get(), "made_at": c.made_at });
    let change = audit::Change {
        action: if before.active.get() { "replace" } else { "create" },
        entity: "calendar-address",
        entity_id: Some(user),
        summary: &actor.username,
        before: Some(&record(&before)),
        after: Some(&record(&after)),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(ics_text("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
        let line = format!("SUMMARY:{}", "å".repeat(40));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
