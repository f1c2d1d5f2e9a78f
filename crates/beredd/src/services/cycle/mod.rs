//! The yearly cycle (årshjul): the kinds of recurring work, and the dated tasks each recurring
//! item makes, from its start to a year from today; a year of them as the page shows it, new
//! items and ticked tasks (`items`), and the calendar feed with its secret address (`feed`).

pub mod feed;
pub mod items;

use beredd_domain::cycle::Rule;

use crate::platform::clock::{self, Day};
use crate::platform::db::DbError;
use crate::store::cycle;

/// The years a start date may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// How often an item may recur, in months (0: once).
pub const EVERY_MONTHS: &[i64] = &[0, 1, 3, 6, 12];

fn rule(i: &cycle::Item) -> Option<Rule> {
    Some(Rule {
        start: i.start_date.number(),
        every_months: u32::try_from(i.every_months).ok()?,
        until: i.until_date.map(Day::number),
    })
}

/// The days an item's tasks fall on, from a year before today (or its start, if later) to a year
/// from today.
fn window(r: &Rule) -> Vec<Day> {
    let today = clock::today().number();
    r.occurrences(r.start.max(today - 365), today + 365).into_iter().filter_map(Day::from_number).collect()
}

/// Makes the dated tasks of every item, from a year before today (or its start, if later) to a
/// year from today, in one transaction. Runs on page views, so it is bounded: an item started
/// long ago does not write a task for every month since (security review F16).
/// Only the tasks missing are written, so a page view writes nothing on most days (a GET that
/// writes competes for SQLite's single write lock).
pub async fn ensure(pool: &sqlx::AnyPool, org: i64) -> Result<(), DbError> {
    let have: std::collections::HashSet<(i64, Day)> =
        cycle::tasks(pool, org).await?.into_iter().map(|t| (t.item_id, t.due_date)).collect();
    let mut due = Vec::new();
    for i in cycle::items(pool, org).await? {
        let Some(r) = rule(&i) else { continue };
        let missing: Vec<Day> = window(&r).into_iter().filter(|d| !have.contains(&(i.id, *d))).collect();
        if !missing.is_empty() {
            due.push((i.key(), missing));
        }
    }
    if due.is_empty() {
        return Ok(());
    }
    // Only writes in this transaction, so SQLite takes its write lock at the first INSERT.
    let mut tx = pool.begin().await?;
    for (item, dates) in &due {
        cycle::ensure_tasks(&mut tx, *item, dates).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Where a task stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    Done,
    /// Not done, and due before the day.
    Overdue,
    Upcoming,
}

impl TaskState {
    pub fn of(t: &cycle::Task, today: Day) -> TaskState {
        match (&t.done_at, t.due_date < today) {
            (Some(_), _) => TaskState::Done,
            (None, true) => TaskState::Overdue,
            (None, false) => TaskState::Upcoming,
        }
    }
    /// The code the page's classes and message ids are made from.
    pub fn code(self) -> &'static str {
        match self {
            TaskState::Done => "done",
            TaskState::Overdue => "overdue",
            TaskState::Upcoming => "upcoming",
        }
    }
}

/// One year of the cycle: every item, and the tasks due that year with where each stands today.
pub struct Year {
    pub year: i32,
    pub items: Vec<cycle::Item>,
    pub tasks: Vec<(cycle::Task, TaskState)>,
}

/// The year asked for (this year when none), after making the tasks due.
pub async fn year(pool: &sqlx::AnyPool, org: i64, year: Option<i32>) -> Result<Year, DbError> {
    ensure(pool, org).await?;
    let items = cycle::items(pool, org).await?;
    let today = clock::today();
    let year = year.unwrap_or(today.year());
    let tasks = cycle::tasks(pool, org)
        .await?
        .into_iter()
        .filter(|t| t.due_date.year() == year)
        .map(|t| {
            let state = TaskState::of(&t, today);
            (t, state)
        })
        .collect();
    Ok(Year { year, items, tasks })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn task(due: &str, done: bool) -> cycle::Task {
        cycle::Task {
            id: 1,
            item_id: 1,
            due_date: day(due),
            done_at: done.then(|| crate::platform::clock::Stamp::parse("2026-03-01T08:00:00Z").unwrap()),
            done_by: done.then(|| "Anna".into()),
        }
    }

    #[test]
    fn a_task_is_overdue_only_when_undone_and_due_before_the_day() {
        assert_eq!(TaskState::of(&task("2026-02-28", false), day("2026-03-01")), TaskState::Overdue);
        assert_eq!(TaskState::of(&task("2026-03-01", false), day("2026-03-01")), TaskState::Upcoming);
        assert_eq!(TaskState::of(&task("2026-02-28", true), day("2026-03-01")), TaskState::Done);
        assert_eq!(TaskState::Overdue.code(), "overdue");
    }
}
