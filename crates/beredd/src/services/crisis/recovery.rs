//! Recovery after an incident, the writes: an item of backlog added, progress on one, and a
//! system back; each with its status entry in the incident's log.

use beredd_domain::{FieldError, LogKind, text};

use crate::platform::clock::{self, Day};
use crate::platform::day::optional_day;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::invalid::optional_id;
use crate::services::{Failure, Invalid};
use crate::store::incidents::{self, BacklogItem, NewBacklogItem, NewEntry};
use crate::store::systems::System;

pub use beredd_domain::recovery::{BacklogKind, BacklogPriority};

/// Orders the backlog: legal deadlines first, then high, then normal; within each, the earliest
/// deadline first (an item without a deadline last), then in the order entered.
pub fn order(items: &mut [BacklogItem]) {
    items.sort_by_key(|i| (i.priority, i.deadline.is_none(), i.deadline, i.id));
}

/// The backlog in that order.
pub fn ordered(mut items: Vec<BacklogItem>) -> Vec<BacklogItem> {
    order(&mut items);
    items
}

/// An item is overdue when it is not all entered and its deadline is before `today`.
pub fn overdue(i: &BacklogItem, today: Day) -> bool {
    i.done < i.total && i.deadline.is_some_and(|d| d < today)
}

/// The backlog left at the end of each day, from the first recorded day to `today`, given each
/// progress record as (day, added, entered).
pub fn burn_down(progress: &[(Day, i64, i64)], today: Day) -> Vec<(Day, i64)> {
    let records: Vec<(i64, i64, i64)> = progress.iter().map(|(d, a, e)| (d.number(), *a, *e)).collect();
    beredd_domain::recovery::burn_down(&records, today.number())
        .into_iter()
        .filter_map(|(d, left)| Some((Day::from_number(d)?, left)))
        .collect()
}

/// When the backlog is forecast to reach zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outlook {
    Done,
    /// Nothing entered lately: no day can be given.
    Stalled,
    On(Day),
}

/// The day the backlog of `series` ([`burn_down`]) reaches zero at the pace of its last week.
pub fn forecast(series: &[(Day, i64)]) -> Outlook {
    use beredd_domain::recovery::Forecast;
    let numbers: Vec<(i64, i64)> = series.iter().map(|(d, left)| (d.number(), *left)).collect();
    match beredd_domain::recovery::forecast(&numbers, 7) {
        Forecast::Done => Outlook::Done,
        Forecast::On(n) => Day::from_number(n).map_or(Outlook::Stalled, Outlook::On),
        Forecast::Stalled => Outlook::Stalled,
    }
}

/// How much is entered of how much, summed per name (a unit, a system).
#[derive(Debug, PartialEq)]
pub struct Sum {
    pub name: String,
    pub done: i64,
    pub total: i64,
}

/// Sums the items per name, in the order each name first appears; `name` names an item's group.
pub fn sums(items: &[BacklogItem], name: impl Fn(&BacklogItem) -> String) -> Vec<Sum> {
    let mut list: Vec<Sum> = Vec::new();
    for i in items {
        let name = name(i);
        match list.iter_mut().find(|s| s.name == name) {
            Some(s) => {
                s.done += i.done;
                s.total += i.total;
            }
            None => list.push(Sum { name, done: i.done, total: i.total }),
        }
    }
    list
}

/// The capacity estimate's form as given (a form that only counts; nothing is stored).
pub struct CapacityForm<'a> {
    pub per_day: &'a str,
    pub outage_days: &'a str,
    pub minutes: &'a str,
    pub hours: &'a str,
}

/// The capacity, checked: entries written on paper (when both their number per day and the days
/// of outage are given), minutes per entry and staff hours per day set aside for entering.
#[derive(Debug, PartialEq)]
pub struct Capacity {
    pub paper: Option<i64>,
    pub minutes: i64,
    pub hours: i64,
}

/// Checks the capacity form: minutes per entry (1–240) and staff hours per day (1–2 400) are
/// needed; entries per day and days of outage are needed together or not at all.
pub fn check_capacity(f: &CapacityForm) -> Result<Capacity, Invalid> {
    let mut e = Invalid::default();
    let per_day = e.take("per_day", text::optional_number(f.per_day, 0, 100_000));
    let days = e.take("outage_days", text::optional_number(f.outage_days, 1, 3_650));
    let minutes = e.take("minutes_per_entry", required_number(f.minutes, 1, 240));
    let hours = e.take("staff_hours", required_number(f.hours, 1, 2_400));
    let paper = match (per_day, days) {
        (Some(n), Some(d)) => Some(beredd_domain::recovery::written_on_paper(n, d)),
        (Some(_), None) if !e.has("outage_days") => {
            e.add("outage_days", FieldError::Required);
            None
        }
        (None, Some(_)) if !e.has("per_day") => {
            e.add("per_day", FieldError::Required);
            None
        }
        _ => None,
    };
    e.or(Capacity { paper, minutes, hours })
}

fn required_number(input: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    text::optional_number(input, min, max).and_then(|n| n.ok_or(FieldError::Required))
}

/// The backlog form as posted.
pub struct ItemForm<'a> {
    pub unit: &'a str,
    pub system: &'a str,
    pub kind: &'a str,
    pub description: &'a str,
    pub total: &'a str,
    pub assignee: &'a str,
    pub priority: &'a str,
    pub deadline: &'a str,
}

/// An item of backlog, checked.
pub struct Item {
    pub unit: i64,
    pub system: Option<i64>,
    pub kind: BacklogKind,
    pub description: Option<String>,
    pub total: i64,
    pub assignee: Option<String>,
    pub priority: BacklogPriority,
    pub deadline: Option<Day>,
}

/// Checks the form; `known_unit` says whether a unit id is one of the organisation's.
pub fn check_item(f: &ItemForm, known_unit: impl Fn(i64) -> bool, systems: &[System]) -> Result<Item, Invalid> {
    let mut e = Invalid::default();
    let unit = e.take("unit", optional_id(f.unit, known_unit).and_then(|u| u.ok_or(FieldError::Required)));
    let system = e.take("system", optional_id(f.system, |s| systems.iter().any(|x| x.id == s)));
    let kind = e.take("kind", BacklogKind::parse(f.kind).map(Some));
    let description = e.take("description", text::optional_line(f.description, 300));
    let total =
        e.take("total", text::optional_number(f.total, 1, 1_000_000).and_then(|n| n.ok_or(FieldError::Required)));
    let assignee = e.take("assignee", text::optional_line(f.assignee, 200));
    let priority = e.take("priority", BacklogPriority::parse(f.priority).map(Some));
    let deadline = e.take("deadline", optional_day(f.deadline));
    e.or(Item {
        unit,
        system,
        kind: kind.unwrap_or(BacklogKind::Other),
        description,
        total,
        assignee,
        priority: priority.unwrap_or(BacklogPriority::Normal),
        deadline,
    })
}

/// Adds the item to the incident's backlog; `unit_name` names its unit in the log.
pub async fn add_item(
    db: &Db,
    org: i64,
    tr: &Tr,
    incident: incidents::Key,
    it: &Item,
    unit_name: &str,
    by: &str,
) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let n = NewBacklogItem {
        unit_id: it.unit,
        system_id: it.system,
        kind: it.kind,
        description: it.description.as_deref(),
        total: it.total,
        assignee: it.assignee.as_deref(),
        priority: it.priority,
        deadline: it.deadline,
    };
    incidents::add_backlog(&mut tx, incident, &n, by).await?;
    let what = format!("{unit_name} – {}: {}", tr.t(it.kind.label_id()), it.total);
    let entry = NewEntry::web(LogKind::Status, tr.ts("recovery-log-added", "what", &what), by);
    incidents::append(&mut tx, &db.keys, org, incident, entry, by).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets how much of an item is done; `units` names the incident's units in the log.
#[allow(clippy::too_many_arguments)]
pub async fn set_done(
    db: &Db,
    org: i64,
    tr: &Tr,
    incident: incidents::Key,
    units: &str,
    item: i64,
    done: i64,
    by: &str,
) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let it = incidents::set_backlog_done(&mut tx, incident, item, done, by).await?.ok_or(Failure::NotFound)?;
    let what = format!("{units} – {}: {} / {}", tr.t(it.kind.label_id()), it.done, it.total);
    let entry = NewEntry::web(LogKind::Status, tr.ts("recovery-log-progress", "what", &what), by);
    incidents::append(&mut tx, &db.keys, org, incident, entry, by).await?;
    tx.commit().await?;
    Ok(())
}

/// The form of a system back, as posted.
pub struct RestoreForm<'a> {
    pub system: &'a str,
    pub at: &'a str,
    pub switched_back: &'a str,
}

/// A system back, checked: its name, when (empty is now) and the routines switched back.
pub struct Restore {
    pub system_name: String,
    pub at: Option<String>,
    pub routines: Option<String>,
}

/// Checks the form; the fields are named as in the form (`restored_system`, …).
pub fn check_restore(f: &RestoreForm, systems: &[System]) -> Result<Restore, Invalid> {
    let mut e = Invalid::default();
    let system = e.take(
        "restored_system",
        optional_id(f.system, |s| systems.iter().any(|x| x.id == s)).and_then(|s| s.ok_or(FieldError::Required)),
    );
    let at = match f.at.trim() {
        "" => None,
        _ => e.take("restored_at", clock::parse_local(f.at).map(Some)),
    };
    let routines = e.take("switched_back", text::optional_text(f.switched_back, 2000));
    let system_name = systems.iter().find(|s| s.id == system).map(|s| s.name.clone()).unwrap_or_default();
    e.or(Restore { system_name, at, routines })
}

/// Writes to the log that the system is back, with the routines switched back.
pub async fn restored(
    db: &Db,
    org: i64,
    tr: &Tr,
    incident: incidents::Key,
    r: Restore,
    by: &str,
) -> Result<(), Failure> {
    let mut text = tr.ts("recovery-log-restored", "system", &r.system_name);
    if let Some(routines) = r.routines {
        text.push(' ');
        text.push_str(&tr.ts("recovery-log-switched-back", "routines", &routines));
    }
    let mut tx = db.begin_write().await?;
    let entry = NewEntry { occurred_at: r.at, ..NewEntry::web(LogKind::Status, text, by) };
    incidents::append(&mut tx, &db.keys, org, incident, entry, by).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, unit: i64, priority: &str, deadline: Option<&str>, done: i64, total: i64) -> BacklogItem {
        let priority = BacklogPriority::parse(priority).unwrap();
        BacklogItem {
            id,
            unit_id: unit,
            system_id: None,
            kind: BacklogKind::CareDoc,
            description: None,
            total,
            done,
            assignee: None,
            priority,
            deadline: deadline.map(|d| Day::parse(d).unwrap()),
        }
    }

    #[test]
    fn legal_comes_first_then_the_earliest_deadline_and_no_deadline_last() {
        let mut items = vec![
            item(1, 1, "normal", Some("2026-11-20"), 0, 5),
            item(2, 1, "high", None, 0, 5),
            item(3, 1, "high", Some("2026-12-01"), 0, 5),
            item(4, 1, "legal", Some("2026-12-24"), 0, 5),
            item(5, 1, "high", Some("2026-11-30"), 0, 5),
        ];
        order(&mut items);
        assert_eq!(items.iter().map(|i| i.id).collect::<Vec<_>>(), [4, 5, 3, 2, 1]);
    }

    #[test]
    fn overdue_only_when_not_done_and_the_deadline_has_passed() {
        let today = Day::parse("2026-11-24").unwrap();
        assert!(overdue(&item(1, 1, "high", Some("2026-11-23"), 2, 5), today));
        assert!(!overdue(&item(1, 1, "high", Some("2026-11-24"), 2, 5), today));
        assert!(!overdue(&item(1, 1, "high", Some("2026-11-23"), 5, 5), today));
        assert!(!overdue(&item(1, 1, "high", None, 0, 5), today));
    }

    #[test]
    fn the_burn_down_counts_days_across_a_month_and_forecasts_a_day() {
        let d = |s: &str| Day::parse(s).unwrap();
        let progress = [(d("2026-11-29"), 40, 0), (d("2026-11-30"), 0, 10), (d("2026-12-01"), 0, 10)];
        let series = burn_down(&progress, d("2026-12-02"));
        let shown: Vec<(String, i64)> = series.iter().map(|(day, left)| (day.to_string(), *left)).collect();
        let expected = [("2026-11-29", 40), ("2026-11-30", 30), ("2026-12-01", 20), ("2026-12-02", 20)];
        assert_eq!(shown, expected.map(|(s, n)| (s.to_owned(), n)));
        // 20 entered in 3 days: 20 left takes 3 more.
        assert_eq!(forecast(&series), Outlook::On(d("2026-12-05")));
        assert_eq!(forecast(&[]), Outlook::Done);
        assert_eq!(forecast(&[(d("2026-12-01"), 5), (d("2026-12-02"), 5)]), Outlook::Stalled);
    }

    #[test]
    fn the_capacity_needs_minutes_and_hours_and_the_paper_count_both_its_parts() {
        let form = |per_day, outage_days, minutes, hours| CapacityForm { per_day, outage_days, minutes, hours };
        assert_eq!(
            check_capacity(&form("40", "30", "6", "8")).unwrap(),
            Capacity { paper: Some(1200), minutes: 6, hours: 8 }
        );
        assert_eq!(check_capacity(&form("", "", "6", "8")).unwrap().paper, None, "only the list's remainder");
        let e = check_capacity(&form("40", "", "0", "")).unwrap_err();
        assert_eq!(e.get("outage_days"), Some(&FieldError::Required));
        assert_eq!(e.get("minutes_per_entry"), Some(&FieldError::Number { min: 1, max: 240 }));
        assert_eq!(e.get("staff_hours"), Some(&FieldError::Required));
        let e = check_capacity(&form("", "12", "5", "8")).unwrap_err();
        assert_eq!(e.get("per_day"), Some(&FieldError::Required));
        assert!(check_capacity(&form("-1", "x", "5", "8")).unwrap_err().has("outage_days"));
    }

    #[test]
    fn sums_per_name_in_the_order_first_seen() {
        let items = [item(1, 2, "high", None, 1, 4), item(2, 1, "high", None, 2, 3), item(3, 2, "high", None, 3, 3)];
        let per_unit = sums(&items, |i| format!("unit {}", i.unit_id));
        assert_eq!(
            per_unit,
            [Sum { name: "unit 2".into(), done: 4, total: 7 }, Sum { name: "unit 1".into(), done: 2, total: 3 }]
        );
    }
}
