//! The classification overview's figures: each system that holds classified information with the
//! level it must meet and how its self-assessment stands, the requirements least met across
//! systems, and the overdue actions.

use std::collections::HashMap;

use beredd_domain::Fulfilment;
use beredd_domain::classification::Levels;
use beredd_domain::sort::swedish_key;

use super::required::required_from;
use crate::content::catalogue::{Catalogue, Requirement};
use crate::platform::clock::Day;
use crate::platform::db::DbError;
use crate::services::attention::action_overdue;
use crate::store::{actions, assessments, assets, systems};

/// The five states a derived requirement can be in (the answers' codes, then unanswered), in the
/// order the counts and the chart take.
pub const STATES: [&str; 5] = ["fulfilled", "partly", "not_fulfilled", "not_applicable", "none"];

/// How many requirements the overview lists as least met.
const GAPS_SHOWN: usize = 10;

pub struct SystemStanding {
    pub id: i64,
    pub name: String,
    pub levels: Levels,
    /// How many information assets it holds.
    pub assets: usize,
    /// Its derived requirements per state, in `STATES` order.
    pub counts: [usize; 5],
    pub derived: usize,
}

impl SystemStanding {
    pub fn highest(&self) -> u8 {
        self.levels.k.max(self.levels.r).max(self.levels.t).max(self.levels.s)
    }
    /// The share of its requirements met or not applicable, in whole percent; none without any.
    pub fn share_met(&self) -> Option<usize> {
        ((self.counts[0] + self.counts[3]) * 100).checked_div(self.derived)
    }
}

/// A requirement not or partly met by some systems.
pub struct Gap<'a> {
    pub requirement: &'a Requirement,
    pub not_met: usize,
    pub partly: usize,
}

pub struct Overview<'a> {
    /// Highest level first, then by name.
    pub systems: Vec<SystemStanding>,
    /// The least met first (not met counts twice), at most ten.
    pub gaps: Vec<Gap<'a>>,
    /// The earliest due first.
    pub overdue: Vec<actions::Action>,
}

/// requirement id -> (not fulfilled, partly) across systems
type GapCounts<'a> = HashMap<&'a str, (usize, usize)>;

fn standing<'a>(
    catalogue: &'a Catalogue,
    all_assets: &[assets::Asset],
    done: &[assessments::Assessment],
    s: &systems::System,
    gaps: &mut GapCounts<'a>,
) -> Option<SystemStanding> {
    let held = all_assets.iter().filter(|a| a.system_ids.contains(&s.id)).count();
    if held == 0 {
        return None;
    }
    let (levels, flags) = required_from(all_assets, s.id);
    let mut counts = [0usize; 5];
    let mut derived = 0;
    for r in catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)) {
        derived += 1;
        let status = done.iter().find(|a| a.system_id == s.id && a.requirement_id == r.id).map(|a| a.status);
        let code = status.map_or("none", Fulfilment::code);
        counts[STATES.iter().position(|x| *x == code).unwrap_or(4)] += 1;
        let g = gaps.entry(r.id.as_str()).or_default();
        match status {
            Some(Fulfilment::NotFulfilled) => g.0 += 1,
            Some(Fulfilment::Partly) => g.1 += 1,
            _ => {}
        }
    }
    Some(SystemStanding { id: s.id, name: s.name.clone(), levels, assets: held, counts, derived })
}

fn least_met<'a>(catalogue: &'a Catalogue, gaps: GapCounts<'_>) -> Vec<Gap<'a>> {
    let mut out: Vec<Gap<'a>> = gaps
        .into_iter()
        .filter(|(_, (n, p))| n + p > 0)
        .filter_map(|(id, (not_met, partly))| catalogue.get(id).map(|requirement| Gap { requirement, not_met, partly }))
        .collect();
    out.sort_by(|a, b| {
        (b.not_met * 2 + b.partly)
            .cmp(&(a.not_met * 2 + a.partly))
            .then_with(|| a.requirement.id.cmp(&b.requirement.id))
    });
    out.truncate(GAPS_SHOWN);
    out
}

/// The overview of the organisation, against its catalogue, on `today`.
pub async fn overview<'a>(
    pool: &sqlx::AnyPool,
    catalogue: &'a Catalogue,
    org: i64,
    today: Day,
) -> Result<Overview<'a>, DbError> {
    let all_assets = assets::list(pool, org).await?;
    let done = assessments::list(pool, org).await?;
    let mut gaps = GapCounts::new();
    let mut systems: Vec<SystemStanding> = Vec::new();
    for s in systems::list(pool, org).await? {
        systems.extend(standing(catalogue, &all_assets, &done, &s, &mut gaps));
    }
    systems.sort_by(|a, b| b.highest().cmp(&a.highest()).then_with(|| swedish_key(&a.name).cmp(&swedish_key(&b.name))));
    let mut overdue: Vec<actions::Action> =
        actions::list(pool, org).await?.into_iter().filter(|a| action_overdue(a, today)).collect();
    overdue.sort_by_key(|a| a.due_date);
    Ok(Overview { systems, gaps: least_met(catalogue, gaps), overdue })
}
