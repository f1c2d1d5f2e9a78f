//! New recurring items and ticked tasks, each written with its entry in the audit trail.

use beredd_domain::FieldError;
use beredd_domain::cycle::CycleKind;
use beredd_domain::text;

use super::{EVERY_MONTHS, YEARS};
use crate::platform::clock::Day;
use crate::platform::day::optional_day;
use crate::platform::db::{Db, DbError};
use crate::services::Invalid;
use crate::store::{audit, cycle};

/// A recurring item as the form gives it; the owner and unit have been checked against the
/// registers already.
pub struct Draft<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub owner: Option<i64>,
    pub unit: Option<i64>,
    pub start: &'a str,
    pub every: &'a str,
    pub until: &'a str,
}

/// A checked recurring item.
#[derive(Debug)]
pub struct Item {
    pub title: String,
    pub kind: CycleKind,
    pub owner: Option<i64>,
    pub unit: Option<i64>,
    pub start: Day,
    pub every_months: i64,
    pub until: Option<Day>,
}

/// A start date is required and falls in a year the cycle can count from.
fn start(input: &str) -> Result<Day, FieldError> {
    let d = optional_day(input)?.ok_or(FieldError::Required)?;
    if YEARS.contains(&d.year()) { Ok(d) } else { Err(FieldError::Date) }
}

/// How often, in months: one of `EVERY_MONTHS`.
fn every(input: &str) -> Result<i64, FieldError> {
    input.parse::<i64>().ok().filter(|n| EVERY_MONTHS.contains(n)).ok_or(FieldError::Choice)
}

/// Checks a draft: a name, a kind, a start, how often, and an end (if any) not before the start.
pub fn check(d: &Draft) -> Result<Item, Invalid> {
    let mut e = Invalid::default();
    let title = e.take("title", text::Name::parse(d.title).map(|n| n.into_string()));
    let kind = e.take("kind", CycleKind::parse(d.kind).map(Some));
    let start = e.take("start", start(d.start).map(Some));
    let every_months = e.take("every", every(d.every));
    let until = e.take("until", optional_day(d.until));
    if let (Some(u), Some(s)) = (until, start)
        && u < s
    {
        e.add("until", FieldError::Date);
    }
    match (kind, start) {
        (Some(kind), Some(start)) if e.is_empty() => {
            Ok(Item { title, kind, owner: d.owner, unit: d.unit, start, every_months, until })
        }
        _ => Err(e),
    }
}

/// Adds a checked item; its tasks are made when the cycle is next looked at.
pub async fn add(db: &Db, actor: &audit::Actor, i: &Item) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let n = cycle::NewItem {
        title: &i.title,
        kind: i.kind,
        owner_id: i.owner,
        unit_id: i.unit,
        start_date: i.start,
        every_months: i.every_months,
        until_date: i.until,
        notes: None,
    };
    let key = cycle::insert(&mut *tx, actor.org_id, &n).await?;
    let id = key.id();
    // The new item's tasks are made with it, not by the next page that happens to be shown.
    let rule = beredd_domain::cycle::Rule {
        start: i.start.number(),
        every_months: u32::try_from(i.every_months).unwrap_or(0),
        until: i.until.map(Day::number),
    };
    cycle::ensure_tasks(&mut tx, key, &super::window(&rule)).await?;
    let record = serde_json::json!({
        "title": i.title, "kind": i.kind, "start": i.start, "every_months": i.every_months, "until": i.until
    });
    let change = audit::Change {
        action: "create",
        entity: "cycle",
        entity_id: Some(id),
        summary: &i.title,
        before: None::<&serde_json::Value>,
        after: Some(&record),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Marks a task done by `by`; false when the organisation has no such task.
pub async fn mark_done(db: &Db, actor: &audit::Actor, task: i64, by: &str) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    if !cycle::mark_done(&mut *tx, actor.org_id, task, by).await? {
        return Ok(false);
    }
    let change = audit::Change {
        action: "update",
        entity: "cycle",
        entity_id: Some(task),
        summary: "done",
        before: None::<&()>,
        after: None::<&()>,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(start: &'a str, every: &'a str, until: &'a str) -> Draft<'a> {
        Draft { title: "Övning", kind: "exercise", owner: None, unit: None, start, every, until }
    }

    #[test]
    fn an_item_needs_a_start_in_range_a_known_interval_and_an_end_after_its_start() {
        let ok = check(&draft("2026-03-01", "12", "2028-03-01")).map_err(|e| e.0).unwrap();
        let (start, until) = (ok.start.to_string(), ok.until.map(|d| d.to_string()));
        assert_eq!((start.as_str(), ok.every_months, until.as_deref()), ("2026-03-01", 12, Some("2028-03-01")));
        let bad = check(&draft("1800-01-01", "5", "")).unwrap_err();
        assert_eq!(bad.0, [("start".to_owned(), FieldError::Date), ("every".to_owned(), FieldError::Choice)]);
        let early = check(&draft("2026-03-01", "0", "2026-02-01")).unwrap_err();
        assert_eq!(early.0, [("until".to_owned(), FieldError::Date)]);
        assert_eq!(check(&draft("", "1", "")).unwrap_err().0, [("start".to_owned(), FieldError::Required)]);
    }
}
