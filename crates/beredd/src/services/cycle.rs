//! The yearly cycle (årshjul): the kinds of recurring work, and the dated tasks each recurring
//! item makes, from its start to a year from today.

use beredd_domain::cycle::Rule;

use crate::platform::clock::{self, date_of, day_number};
use crate::platform::db::DbError;
use crate::store::cycle;

/// How often an item may recur, in months (0: once).
pub const EVERY_MONTHS: &[i64] = &[0, 1, 3, 6, 12];

fn rule(i: &cycle::Item) -> Option<Rule> {
    Some(Rule {
        start: day_number(&i.start_date)?,
        every_months: u32::try_from(i.every_months).ok()?,
        until: i.until_date.as_deref().and_then(day_number),
    })
}

/// Makes the dated tasks of every item, from its start to a year from today.
pub async fn ensure(pool: &sqlx::AnyPool, org: i64) -> Result<(), DbError> {
    let today = day_number(&clock::stamp()).unwrap_or(0);
    let mut conn = pool.acquire().await?;
    for i in cycle::items(&mut *conn, org).await? {
        let Some(r) = rule(&i) else { continue };
        let dates: Vec<String> = r.occurrences(r.start, today + 365).into_iter().map(date_of).collect();
        cycle::ensure_tasks(&mut conn, i.id, &dates).await?;
    }
    Ok(())
}
