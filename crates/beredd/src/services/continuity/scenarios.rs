//! Outage scenarios as they are run: what fails (nodes, whole categories) and for how long,
//! a run on today's data with the BIAs that say how bad each outage is, saved scenarios run
//! again with their result kept (to show what changed since), and the units a scenario stops.

use std::collections::{BTreeMap, HashMap};

use beredd_domain::NodeKind;
use beredd_domain::graph::State;

use super::outage::{Category, Finding, Model, changes};
use crate::platform::db::{Db, DbError};
use crate::services::Failure;
use crate::store::{activities, audit, bia, scenarios};

/// The outage lengths a scenario can be run for, in hours, with their message ids: the BIA's
/// checkpoints, so that each answer has a stated consequence to show.
pub const DURATIONS: &[(u32, &str)] = &[
    (1, "duration-hour"),
    (4, "duration-shift"),
    (24, "duration-day"),
    (72, "duration-three-days"),
    (168, "duration-week"),
    (720, "duration-month"),
];

/// What fails: nodes as "kind:id", whole categories, and for how long.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub fail: Vec<String>,
    pub categories: Vec<Category>,
    pub hours: u32,
}

impl Params {
    /// As a page asks: unknown categories are left out, and a length not offered is a day.
    pub fn asked(fail: &[&str], categories: &[&str], hours: Option<&str>) -> Params {
        Params {
            fail: fail.iter().map(|f| (*f).to_owned()).collect(),
            categories: categories.iter().copied().filter_map(Category::parse).collect(),
            hours: hours.and_then(|h| h.parse().ok()).filter(|h| DURATIONS.iter().any(|(d, _)| d == h)).unwrap_or(24),
        }
    }

    /// As a saved scenario holds them.
    pub fn of(s: &scenarios::Scenario) -> Params {
        Params {
            fail: s.failed.split_whitespace().map(str::to_owned).collect(),
            categories: s.categories.split_whitespace().filter_map(Category::parse).collect(),
            hours: u32::try_from(s.hours).unwrap_or(24),
        }
    }

    /// The model's nodes that fail (those it does not know are left out).
    pub fn failed(&self, model: &Model) -> Vec<usize> {
        let mut failed: Vec<usize> = self
            .fail
            .iter()
            .filter_map(|v| v.split_once(':'))
            .filter_map(|(k, id)| Some((NodeKind::parse(k).ok()?, id.parse::<i64>().ok()?)))
            .filter_map(|(k, id)| model.node_index(k, id))
            .collect();
        for c in &self.categories {
            failed.extend_from_slice(model.category(*c));
        }
        failed
    }
}

/// The stored form of a state, per activity, for comparing runs.
fn state_code(state: State, by_hand: bool) -> &'static str {
    match state {
        State::Down => "down",
        State::Degraded if by_hand => "fallback",
        State::Degraded => "degraded",
        State::Working => "working",
    }
}

/// Activity id → state code, for every activity in the model.
pub fn result_of(model: &Model, findings: &[Finding]) -> BTreeMap<i64, String> {
    findings
        .iter()
        .filter(|f| model.nodes[f.node].kind == NodeKind::Activity)
        .map(|f| (model.nodes[f.node].id, state_code(f.state, !f.fallbacks.is_empty()).to_owned()))
        .collect()
}

/// The units whose activities stop or run degraded in a saved scenario, for starting an
/// incident from it.
pub fn affected_units(model: &Model, s: &scenarios::Scenario, activities: &[activities::Activity]) -> Vec<i64> {
    let mut units: Vec<i64> = model
        .run(&Params::of(s).failed(model))
        .iter()
        .filter(|f| f.state != State::Working)
        .filter_map(|f| {
            let n = &model.nodes[f.node];
            (n.kind == NodeKind::Activity)
                .then(|| activities.iter().find(|a| a.id == n.id).map(|a| a.unit_id))
                .flatten()
        })
        .collect();
    units.sort();
    units.dedup();
    units
}

/// A run as the outage page shows it.
pub struct Run {
    pub model: std::sync::Arc<Model>,
    /// The saved scenario run, if it was one.
    pub saved: Option<scenarios::Scenario>,
    pub params: Params,
    /// Every node's finding; empty when nothing was chosen to fail.
    pub findings: Vec<Finding>,
    /// The activities' BIAs, by activity.
    pub bias: HashMap<i64, bia::Bia>,
    /// A saved scenario's changes between its two latest runs: (activity, state before, after),
    /// or none when it has not been run twice.
    pub changes: Option<Vec<(Option<String>, String, String)>>,
}

impl Run {
    pub fn ran(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// Runs saved scenario `saved` (its own choices) or else what was asked; none when the saved
/// scenario is not there.
pub async fn run(db: &Db, org: i64, saved: Option<i64>, asked: Params) -> Result<Option<Run>, DbError> {
    let pool = &db.pool;
    // The graph as this process keeps it (built again only after a write to its registers).
    let model = Model::cached(db, org).await?;
    let saved = match saved {
        Some(id) => match scenarios::get(pool, org, id).await? {
            Some(s) => Some(s),
            None => return Ok(None),
        },
        None => None,
    };
    let params = saved.as_ref().map(Params::of).unwrap_or(asked);
    let bias = bia::list(pool, org).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let failed = params.failed(&model);
    let findings = if failed.is_empty() { Vec::new() } else { model.run(&failed) };
    let runs = saved.as_ref().and_then(|s| s.previous_result.as_deref().zip(s.last_result.as_deref()));
    let changes = runs.map(|(previous, last)| changes(&model, previous, last));
    Ok(Some(Run { model, saved, params, findings, bias, changes }))
}

/// Runs a saved scenario on today's data and keeps the result (the one before is moved aside).
pub async fn run_saved(db: &Db, actor: &audit::Actor, id: i64) -> Result<(), Failure> {
    // Everything the run reads is loaded before the write transaction holds a connection.
    let model = Model::cached(db, actor.org_id).await?;
    let mut tx = db.begin_write().await?;
    let scenario = scenarios::get(&mut *tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    let findings = model.run(&Params::of(&scenario).failed(&model));
    let result = serde_json::to_string(&result_of(&model, &findings)).map_err(|e| Failure::Internal(e.to_string()))?;
    scenarios::record_run(&mut *tx, actor.org_id, id, &result).await?;
    let change: audit::Change<'_, ()> = audit::Change {
        action: "run",
        entity: "scenario",
        entity_id: Some(id),
        summary: &scenario.name,
        before: None,
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_asks_for_known_categories_and_offered_lengths_only() {
        let p = Params::asked(&["system:3"], &["inside_network", "moon"], Some("72"));
        assert_eq!(p.fail, ["system:3"]);
        assert_eq!(p.categories, [Category::InsideNetwork]);
        assert_eq!(p.hours, 72);
        assert_eq!(Params::asked(&[], &[], Some("5")).hours, 24);
        assert_eq!(Params::asked(&[], &[], None).hours, 24);
    }

    #[test]
    fn a_state_is_stored_with_whether_a_fallback_carries_it() {
        assert_eq!(state_code(State::Degraded, true), "fallback");
        assert_eq!(state_code(State::Degraded, false), "degraded");
        assert_eq!(state_code(State::Down, true), "down");
    }
}
