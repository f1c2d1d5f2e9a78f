//! The yearly cycle (årshjul): the kinds of recurring work, and the dated tasks each recurring
//! item makes, from its start to a year from today.

use beredd_domain::cycle::Rule;

use crate::platform::clock::{self, date_of, day_number};
use crate::platform::db::DbError;
use crate::store::cycle;

/// The years a start date may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// How often an item may recur, in months (0: once).
pub const EVERY_MONTHS: &[i64] = &[0, 1, 3, 6, 12];

fn rule(i: &cycle::Item) -> Option<Rule> {
    Some(Rule {
        start: day_number(&i.start_date)?,
        every_months: u32::try_from(i.every_months).ok()?,
        until: i.until_date.as_deref().and_then(day_number),
    })
}

/// Makes the dated tasks of every item, from a year before today (or its start, if later) to a
/// year from today, in one transaction. Runs on page views, so it is bounded: an item started
/// long ago does not write a task for every month since (security review F16).
pub async fn ensure(pool: &sqlx::AnyPool, org: i64) -> Result<(), DbError> {
    let today = day_number(&clock::today_text()).unwrap_or(0);
    let mut due = Vec::new();
    for i in cycle::items(pool, org).await? {
        let Some(r) = rule(&i) else { continue };
        let dates: Vec<String> =
            r.occurrences(r.start.max(today - 365), today + 365).into_iter().map(date_of).collect();
        due.push((i.id, dates));
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
