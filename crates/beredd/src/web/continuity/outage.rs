//! The outage page: "if this is down, what breaks?"

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::NodeKind;
use beredd_domain::graph::State as NodeState;

use std::collections::HashMap;

use crate::platform::i18n::Tr;
use crate::services::continuity::outage::{self, Category, Finding, Model};
use crate::store::bia::Bia;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::FormData;
use crate::web::page::Ctx;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct Group {
    pub legend: String,
    pub choices: Vec<Choice>,
    /// Shown unfolded when something in it is chosen.
    pub open: bool,
}

pub struct Row {
    pub name: String,
    pub href: String,
    pub state: String,
    pub state_class: &'static str,
    pub criticality: String,
    pub chain: String,
    pub fallbacks: Vec<String>,
    pub mtpd: String,
    pub consequence: String,
    /// The outage lasts longer than the activity can tolerate, and nothing keeps it going.
    pub gap: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/outage.html")]
pub struct OutagePage {
    pub ctx: Ctx,
    pub groups: Vec<Group>,
    pub categories: Vec<Choice>,
    pub durations: Vec<Choice>,
    pub ran: bool,
    pub summary: String,
    pub activities: Vec<Row>,
    pub systems: Vec<Row>,
    pub working: Vec<(String, String)>,
    pub presets: Vec<(String, String)>,
    /// What the form would save as a scenario: (name, value) pairs for hidden inputs.
    pub save: Option<Vec<(&'static str, String)>>,
    /// A saved scenario being shown: its name, and what changed since the run before.
    pub scenario: Option<(String, String)>,
    pub changes: Vec<(String, String, String)>,
    pub changes_known: bool,
    pub graph: Option<super::outage_graph::GraphView>,
    /// Each cycle in the dependencies, as the names of its nodes.
    pub cycles: Vec<String>,
}

/// The stored form of a state, per activity, for comparing runs.
fn state_code(state: NodeState, by_hand: bool) -> &'static str {
    match state {
        NodeState::Down => "down",
        NodeState::Degraded if by_hand => "fallback",
        NodeState::Degraded => "degraded",
        NodeState::Working => "working",
    }
}

fn state_label(code: &str, tr: &crate::platform::i18n::Tr) -> String {
    match code {
        "down" => tr.t("outage-down"),
        "fallback" => tr.t("outage-fallback"),
        "degraded" => tr.t("outage-degraded"),
        "working" => tr.t("outage-working"),
        _ => tr.t("scenario-not-there"),
    }
}

/// Activity id → state code, for every activity in the model.
pub fn result_of(
    model: &Model,
    findings: &[crate::services::continuity::outage::Finding],
) -> std::collections::BTreeMap<i64, String> {
    findings
        .iter()
        .filter(|f| model.nodes[f.node].kind == NodeKind::Activity)
        .map(|f| (model.nodes[f.node].id, state_code(f.state, !f.fallbacks.is_empty()).to_owned()))
        .collect()
}

/// What fails: nodes as "kind:id", whole categories, and for how long.
struct Params {
    fail: Vec<String>,
    categories: Vec<Category>,
    hours: u32,
}

fn failed_indices(model: &Model, p: &Params) -> Vec<usize> {
    let mut failed: Vec<usize> = p
        .fail
        .iter()
        .filter_map(|v| v.split_once(':'))
        .filter_map(|(k, id)| Some((NodeKind::parse(k).ok()?, id.parse::<i64>().ok()?)))
        .filter_map(|(k, id)| model.node_index(k, id))
        .collect();
    for c in &p.categories {
        failed.extend_from_slice(model.category(*c));
    }
    failed
}

fn params_of(s: &crate::store::scenarios::Scenario) -> Params {
    Params {
        fail: s.failed.split_whitespace().map(str::to_owned).collect(),
        categories: s.categories.split_whitespace().filter_map(Category::parse).collect(),
        hours: u32::try_from(s.hours).unwrap_or(24),
    }
}

/// Runs a saved scenario on today's data, keeps the result, and shows it with the changes.
/// The units whose activities stop or run degraded in a saved scenario, for starting an
/// incident from it.
pub fn affected_units(
    model: &Model,
    s: &crate::store::scenarios::Scenario,
    activities: &[crate::store::activities::Activity],
) -> Vec<i64> {
    let mut units: Vec<i64> = model
        .run(&failed_indices(model, &params_of(s)))
        .iter()
        .filter(|f| f.state != beredd_domain::graph::State::Working)
        .filter_map(|f| {
            let n = &model.nodes[f.node];
            (n.kind == beredd_domain::NodeKind::Activity)
                .then(|| activities.iter().find(|a| a.id == n.id).map(|a| a.unit_id))
                .flatten()
        })
        .collect();
    units.sort();
    units.dedup();
    units
}

pub async fn run_saved(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: crate::web::auth::Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    // Running stores a result and moves the last one aside: a change, so only for editors.
    user.require(user.role.edits_all_content())?;
    let id = crate::web::register::parse_id(&id)?;
    // Everything the run reads is loaded before the write transaction holds a connection.
    let model = Model::load(&state.db.pool, user.org_id).await?;
    let mut tx = state.db.begin_write().await?;
    let scenario = crate::store::scenarios::get(&mut *tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let findings = model.run(&failed_indices(&model, &params_of(&scenario)));
    let result = serde_json::to_string(&result_of(&model, &findings)).map_err(|e| AppError::Internal(e.to_string()))?;
    crate::store::scenarios::record_run(&mut *tx, user.org_id, id, &result).await?;
    let change: crate::store::audit::Change<'_, ()> = crate::store::audit::Change {
        action: "run",
        entity: "scenario",
        entity_id: Some(id),
        summary: &scenario.name,
        before: None,
        after: None,
    };
    crate::store::audit::record(&mut *tx, &user.actor(), change).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/outage?scenario={id}")).into_response())
}

/// The outage lengths a scenario can be run for: the BIA's checkpoints, so that each answer has a
/// stated consequence to show.
pub const DURATIONS: &[(u32, &str)] = &[
    (1, "duration-hour"),
    (4, "duration-shift"),
    (24, "duration-day"),
    (72, "duration-three-days"),
    (168, "duration-week"),
    (720, "duration-month"),
];

/// The systems, suppliers and resources a person can fail, grouped by kind.
fn choice_groups(model: &Model, chosen: &[&str], tr: &Tr) -> Vec<Group> {
    let mut groups = Vec::new();
    for kind in [NodeKind::System, NodeKind::Supplier, NodeKind::Resource] {
        let mut choices: Vec<Choice> = model
            .nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| {
                let value = format!("{}:{}", kind.code(), n.id);
                Choice { checked: chosen.contains(&value.as_str()), label: n.name.clone(), value }
            })
            .collect();
        choices.sort_by_key(|c| beredd_domain::sort::swedish_key(&c.label));
        if !choices.is_empty() {
            groups.push(Group { legend: tr.t(kind.label_id()), open: choices.iter().any(|c| c.checked), choices });
        }
    }
    groups
}

/// One finding as a table row: its state, and for an activity its BIA's tolerance and the
/// consequence at this duration.
fn row(model: &Model, bias: &HashMap<i64, Bia>, hours: u32, f: &Finding, tr: &Tr) -> Row {
    let n = &model.nodes[f.node];
    let (state, class) = match f.state {
        NodeState::Down => (tr.t("outage-down"), "state-down"),
        NodeState::Degraded if !f.fallbacks.is_empty() => (tr.t("outage-fallback"), "state-degraded"),
        NodeState::Degraded => (tr.t("outage-degraded"), "state-degraded"),
        NodeState::Working => (tr.t("outage-working"), "state-working"),
    };
    let b = (n.kind == NodeKind::Activity).then(|| bias.get(&n.id)).flatten();
    let mtpd = b.and_then(|b| b.mtpd_hours);
    let consequence = b
        .and_then(|b| beredd_domain::bia::consequence_at(hours, b.levels()))
        .map(|l| tr.t(&format!("level-{l}")))
        .unwrap_or_default();
    Row {
        mtpd: mtpd.map(|h| crate::web::continuity::bia::hours_text(h, tr)).unwrap_or_default(),
        consequence,
        gap: outage::is_gap(f, hours, mtpd),
        name: n.name.clone(),
        href: format!("/{}/{}", n.kind.slug(), n.id),
        state,
        state_class: class,
        criticality: n.criticality.map(|c| tr.t(c.label_id())).unwrap_or_default(),
        chain: f.chain.join(" → "),
        fallbacks: f.fallbacks.clone(),
    }
}

/// The results of a run: the affected activities (critical gaps first) and systems, what keeps
/// working, the summary line and the dependency cycles found.
struct Results {
    activities: Vec<Row>,
    systems: Vec<Row>,
    working: Vec<(String, String)>,
    summary: String,
    cycles: Vec<String>,
}

fn results(model: &Model, findings: &[Finding], bias: &HashMap<i64, Bia>, hours: u32, tr: &Tr) -> Results {
    let row = |f: &Finding| row(model, bias, hours, f, tr);
    let mut activities: Vec<Row> = outage::affected_activities(model, findings).into_iter().map(row).collect();
    // Critical gaps first; the sort is stable, so the order above holds within each group.
    activities.sort_by_key(|r| !r.gap);
    let kind = |f: &Finding| model.nodes[f.node].kind;
    let systems: Vec<Row> =
        findings.iter().filter(|f| f.state != NodeState::Working && kind(f) == NodeKind::System).map(row).collect();
    let mut working: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f.state == NodeState::Working && matches!(kind(f), NodeKind::Activity | NodeKind::System))
        .map(|f| {
            let n = &model.nodes[f.node];
            (n.name.clone(), format!("/{}/{}", n.kind.slug(), n.id))
        })
        .collect();
    working.sort_by_key(|(n, _)| beredd_domain::sort::swedish_key(n));
    let down = findings.iter().filter(|f| f.state == NodeState::Down && kind(f) == NodeKind::Activity).count();
    let on = working.iter().filter(|(_, h)| h.starts_with("/activities")).count();
    let summary = tr.ts("outage-summary", "counts", &format!("{down} / {} / {on}", activities.len() - down));
    let cycle_sets = beredd_domain::graph::cycles(&model.graph);
    let summary = if cycle_sets.is_empty() {
        summary
    } else {
        format!("{summary} {}", tr.tn("outage-cycles", cycle_sets.len() as i64))
    };
    let cycles = cycle_sets
        .iter()
        .map(|c| c.iter().map(|n| model.nodes[*n].name.as_str()).collect::<Vec<_>>().join(" ⇄ "))
        .collect();
    Results { activities, systems, working, summary, cycles }
}

/// The scenario's choices: a saved scenario brings its own; otherwise they come from the query.
fn params_from(q: &FormData, saved: Option<&crate::store::scenarios::Scenario>) -> Params {
    match saved {
        Some(s) => params_of(s),
        None => Params {
            fail: q.all("fail").into_iter().map(str::to_owned).collect(),
            categories: q.all("category").into_iter().filter_map(Category::parse).collect(),
            hours: q
                .get("hours")
                .and_then(|h| h.parse().ok())
                .filter(|h| DURATIONS.iter().any(|(d, _)| d == h))
                .unwrap_or(24),
        },
    }
}

pub async fn page(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<OutagePage, AppError> {
    // The query may repeat `fail` and `category`, so it is read as pairs.
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let model = Model::load(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/outage", String::new());
    ctx.title = ctx.tr.t("outage-title");
    let tr = &ctx.tr;
    let saved = match q.get("scenario").and_then(|s| s.parse::<i64>().ok()) {
        Some(id) => {
            Some(crate::store::scenarios::get(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?)
        }
        None => None,
    };
    let params = params_from(&q, saved.as_ref());
    let failed = failed_indices(&model, &params);
    let chosen: Vec<&str> = params.fail.iter().map(String::as_str).collect();
    let bias: HashMap<i64, Bia> =
        crate::store::bia::list(&state.db.pool, user.org_id).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let ran = !failed.is_empty();
    let findings = if ran { model.run(&failed) } else { Vec::new() };
    let r = results(&model, &findings, &bias, params.hours, tr);
    // Offer to save what was run (not a saved scenario again), to those who may.
    let save = (ran && saved.is_none() && user.role.edits_all_content()).then(|| {
        let mut fields: Vec<(&'static str, String)> = params.fail.iter().map(|v| ("fail", v.clone())).collect();
        fields.extend(params.categories.iter().map(|c| ("category", c.code().to_owned())));
        fields.push(("hours", params.hours.to_string()));
        fields
    });
    let runs = saved.as_ref().and_then(|s| s.previous_result.as_deref().zip(s.last_result.as_deref()));
    let changes = runs
        .map(|(previous, last)| outage::changes(&model, previous, last))
        .unwrap_or_default()
        .into_iter()
        .map(|(name, before, after)| {
            let name = name.unwrap_or_else(|| tr.t("scenario-removed-activity"));
            (name, state_label(&before, tr), state_label(&after, tr))
        })
        .collect();
    Ok(OutagePage {
        groups: choice_groups(&model, &chosen, tr),
        categories: Category::ALL
            .iter()
            .map(|c| Choice {
                value: c.code().into(),
                label: tr.t(&format!("outage-category-{}", c.code())),
                checked: params.categories.contains(c),
            })
            .collect(),
        durations: DURATIONS
            .iter()
            .map(|(h, id)| Choice { value: h.to_string(), label: tr.t(id), checked: *h == params.hours })
            .collect(),
        presets: model
            .presets()
            .into_iter()
            .map(|p| (tr.ts(p.title_id, "name", &p.name), format!("/outage?{}", p.query)))
            .collect(),
        ran,
        summary: r.summary,
        activities: r.activities,
        systems: r.systems,
        working: r.working,
        save,
        scenario: saved.as_ref().map(|s| (s.name.clone(), s.last_run_at.clone().unwrap_or_default())),
        changes,
        changes_known: runs.is_some(),
        graph: ran.then(|| super::outage_graph::draw(&model, &findings, tr)),
        cycles: r.cycles,
        ctx,
    })
}
