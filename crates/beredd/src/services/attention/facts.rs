//! What the start page reads of the whole organisation: built once and kept while the
//! organisation's version stays (every write moves it on, see `store::versions`) and the day
//! stays; each viewer's page then only picks out what is theirs.

use std::sync::Arc;

use beredd_domain::risk;

use crate::platform::clock::Day;
use crate::platform::db::{Db, DbError};
use crate::services::continuity::plans::{Standing, standings};
use crate::services::governance::{reading, training};
use crate::store::versions::kept;
use crate::store::{actions, activities, assets, cycle, people, plans, risks, systems, units};

pub struct Facts {
    /// The day the facts were judged on (what is late or due).
    pub day: Day,
    /// The registers' copies this process keeps, as they were when the facts were read.
    pub units: Arc<Vec<units::Unit>>,
    pub people: Arc<Vec<people::Person>>,
    pub activities: Arc<Vec<activities::Activity>>,
    pub systems: Arc<Vec<systems::System>>,
    pub plans: Vec<(plans::Plan, Standing)>,
    /// The yearly cycle's tasks not done and due before the day, each with its item.
    pub late: Vec<(cycle::Item, cycle::Task)>,
    pub docs: reading::Registry,
    pub training: training::Registry,
    /// Each course's people (an index into the registry's people) who must take it and are due.
    pub training_due: Vec<(i64, usize)>,
    pub actions: Vec<actions::Action>,
    /// High or critical after the existing measures on the organisation's scales, highest first.
    pub top_risks: Vec<risks::Residual>,
    pub unclassified: Vec<(i64, String)>,
}

/// The organisation's facts on `day`: the kept ones when nothing was written since and the day
/// is the same, else read again (making the yearly cycle's tasks for the year first).
pub async fn facts(db: &Db, org: i64, day: Day) -> Result<Arc<Facts>, DbError> {
    use crate::store::versions::{Follows, cached_if};
    cached_if(db, org, Follows::Data, |f: &Facts| f.day == day, || build(db, org, day)).await
}

async fn build(db: &Db, org: i64, day: Day) -> Result<Facts, DbError> {
    let pool = &db.pool;
    crate::services::cycle::ensure(pool, org).await?;
    let items = cycle::items(pool, org).await?;
    let late = cycle::tasks(pool, org)
        .await?
        .into_iter()
        .filter(|t| t.done_at.is_none() && t.due_date < day)
        .filter_map(|t| items.iter().find(|i| i.id == t.item_id).map(|i| (i.clone(), t)))
        .collect();
    let training = training::load(db, org).await?;
    let training_due = {
        let index: std::collections::HashMap<i64, usize> =
            training.people.iter().enumerate().map(|(n, p)| (p.id, n)).collect();
        training
            .statuses(day, |_| true)
            .iter()
            .filter(|s| s.standing.is_due())
            .filter_map(|s| index.get(&s.person.id).map(|n| (s.course.course.id, *n)))
            .collect()
    };
    Ok(Facts {
        day,
        units: kept(db, org, || units::list(pool, org)).await?,
        people: kept(db, org, || people::list(pool, org)).await?,
        activities: kept(db, org, || activities::list(pool, org)).await?,
        systems: kept(db, org, || systems::list(pool, org)).await?,
        plans: standings(pool, org).await?,
        late,
        docs: reading::load(db, org).await?,
        training,
        training_due,
        actions: actions::list(pool, org).await?,
        top_risks: top_risks(pool, org).await?,
        unclassified: assets::unclassified(pool, org).await?,
    })
}

/// The top risks: high or critical after the existing measures on the organisation's scales
/// (their number of steps), highest first.
async fn top_risks(pool: &sqlx::AnyPool, org: i64) -> Result<Vec<risks::Residual>, DbError> {
    let steps = risks::scales(pool, org).await?;
    let count = |kind: risk::Axis| match steps.iter().filter(|s| s.kind == kind).count() {
        0 => risk::STEPS,
        n => n as u8,
    };
    let (nl, nc) = (count(risk::Axis::Likelihood), count(risk::Axis::Consequence));
    let mut top: Vec<_> = risks::residuals(pool, org)
        .await?
        .into_iter()
        .filter(|r| risk::Level::scaled(r.likelihood as u8, r.consequence as u8, nl, nc) >= risk::Level::High)
        .collect();
    top.sort_by_key(|r| std::cmp::Reverse(r.likelihood * r.consequence));
    Ok(top)
}
