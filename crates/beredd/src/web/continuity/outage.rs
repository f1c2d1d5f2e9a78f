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
use crate::services::continuity::scenarios::{self, Params, Run};
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
    /// The kind's code, naming the group's fieldset (`outage-system`).
    pub key: &'static str,
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
    /// The fallback routine must hold for the whole outage, longer than the activity's tolerance.
    pub routine_long: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/outage.html")]
pub struct OutagePage {
    pub ctx: Ctx,
    pub groups: Vec<Group>,
    pub categories: Vec<Choice>,
    pub durations: Vec<Choice>,
    pub ran: bool,
    /// How many activities stop, go on degraded or by hand, and keep working: (count, label, class).
    pub counts: Vec<(usize, String, &'static str)>,
    /// The cycles in the dependencies, said in a sentence (empty when there are none).
    pub cycles_note: String,
    pub activities: Vec<Row>,
    pub systems: Vec<Row>,
    pub working: Vec<(String, String)>,
    pub presets: Vec<(String, String)>,
    /// What was asked: what fails and for how long, in words.
    pub asked: String,
    /// The presets "the supplier is lost", one per supplier, folded together: (supplier, link).
    pub supplier_presets: Vec<(String, String)>,
    /// What the form would save as a scenario: (name, value) pairs for hidden inputs.
    pub save: Option<Vec<(&'static str, String)>>,
    /// A saved scenario being shown: its name, and what changed since the run before.
    pub scenario: Option<(String, String)>,
    pub changes: Vec<(String, String, String)>,
    pub changes_known: bool,
    pub graph: Option<super::outage_graph::GraphView>,
    /// Each cycle in the dependencies, as the names of its nodes.
    pub cycles: Vec<String>,
    /// The answer as an Excel workbook: the page's own query.
    pub export_href: String,
}

impl OutagePage {
    /// "Leverantören faller bort (n leverantörer)", over the folded presets.
    pub fn suppliers_heading(&self) -> String {
        self.ctx.tr.tn("outage-presets-suppliers", self.supplier_presets.len() as i64)
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

/// The crisis pages (starting an incident from a scenario) and the message check name these here.
pub use crate::services::continuity::scenarios::{DURATIONS, affected_units};

pub async fn run_saved(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: crate::web::auth::Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    // Running stores a result and moves the last one aside: a change, so only for editors.
    user.require(user.role.edits_all_content())?;
    let id = crate::web::register::parse_id(&id)?;
    scenarios::run_saved(&state.db, &user.actor(), id).await?;
    Ok(Redirect::to(&format!("/outage?scenario={id}")).into_response())
}

/// The systems, suppliers and resources a person can fail, grouped by kind.
pub(super) fn choice_groups(model: &Model, chosen: &[&str], tr: &Tr) -> Vec<Group> {
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
            groups.push(Group { legend: tr.t(kind.label_id()), key: kind.code(), choices });
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
        routine_long: outage::routine_outlasts_tolerance(f, hours, mtpd).then(|| {
            let text = |h: i64| crate::web::continuity::bia::hours_text(h, tr);
            tr.args(
                "outage-routine-long",
                &[("hours", text(i64::from(hours)).as_str()), ("mtpd", text(mtpd.unwrap_or_default()).as_str())],
            )
        }),
        name: n.name.clone(),
        href: format!("/{}/{}", n.kind.slug(), n.id),
        state,
        state_class: class,
        criticality: match (n.criticality, n.society_critical) {
            (Some(c), true) => format!("{} · {}", tr.t(c.label_id()), tr.t("field-society-critical-short")),
            (c, _) => c.map(|c| tr.t(c.label_id())).unwrap_or_default(),
        },
        chain: f.chain.join(" → "),
        fallbacks: f.fallbacks.clone(),
    }
}

/// The results of a run: the affected activities (critical gaps first) and systems, what keeps
/// working, the three headline counts and the dependency cycles found.
pub(super) struct Results {
    pub(super) activities: Vec<Row>,
    pub(super) systems: Vec<Row>,
    working: Vec<(String, String)>,
    pub(super) counts: Vec<(usize, String, &'static str)>,
    cycles_note: String,
    cycles: Vec<String>,
}

pub(super) fn results(model: &Model, findings: &[Finding], bias: &HashMap<i64, Bia>, hours: u32, tr: &Tr) -> Results {
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
    let counts = vec![
        (down, tr.t("outage-count-down"), "state-down"),
        (activities.len() - down, tr.t("outage-count-degraded"), "state-degraded"),
        (on, tr.t("outage-count-working"), "state-working"),
    ];
    let cycle_sets = beredd_domain::graph::cycles(&model.graph);
    let cycles_note =
        if cycle_sets.is_empty() { String::new() } else { tr.tn("outage-cycles", cycle_sets.len() as i64) };
    let cycles = cycle_sets
        .iter()
        .map(|c| c.iter().map(|n| model.nodes[*n].name.as_str()).collect::<Vec<_>>().join(" ⇄ "))
        .collect();
    Results { activities, systems, working, counts, cycles_note, cycles }
}

/// What the form would save as a scenario: what was run (not a saved scenario again), for
/// those who may.
fn save_fields(run: &Run, user: &CurrentUser) -> Option<Vec<(&'static str, String)>> {
    (run.ran() && run.saved.is_none() && user.role.edits_all_content()).then(|| {
        let p = &run.params;
        let mut fields: Vec<(&'static str, String)> = p.fail.iter().map(|v| ("fail", v.clone())).collect();
        fields.extend(p.categories.iter().map(|c| ("category", c.code().to_owned())));
        fields.push(("hours", p.hours.to_string()));
        fields
    })
}

fn change_rows(run: &Run, tr: &Tr) -> Vec<(String, String, String)> {
    let rows = run.changes.clone().unwrap_or_default().into_iter();
    rows.map(|(name, before, after)| {
        let name = name.unwrap_or_else(|| tr.t("scenario-removed-activity"));
        (name, state_label(&before, tr), state_label(&after, tr))
    })
    .collect()
}

pub(super) fn category_choices(p: &Params, tr: &Tr) -> Vec<Choice> {
    Category::ALL
        .iter()
        .map(|c| Choice {
            value: c.code().into(),
            label: tr.t(&format!("outage-category-{}", c.code())),
            checked: p.categories.contains(c),
        })
        .collect()
}

/// What the answer is for, in words (on the page and on paper, where the form is not).
pub(super) fn asked(groups: &[Group], categories: &[Choice], durations: &[Choice], tr: &Tr) -> String {
    let checked = |c: &&Choice| c.checked;
    let what: Vec<&str> = categories
        .iter()
        .chain(groups.iter().flat_map(|g| g.choices.iter()))
        .filter(checked)
        .map(|c| c.label.as_str())
        .collect();
    let hours = durations.iter().find(checked).map(|c| c.label.as_str()).unwrap_or_default();
    tr.args("outage-asked", &[("what", &what.join(", ")), ("hours", hours)])
}

pub(super) fn duration_choices(p: &Params, tr: &Tr) -> Vec<Choice> {
    DURATIONS.iter().map(|(h, id)| Choice { value: h.to_string(), label: tr.t(id), checked: *h == p.hours }).collect()
}

/// The ready-made scenarios: the general ones, and those of a lost supplier (one per supplier,
/// named by the supplier alone: they are shown together under one heading).
type Presets = (Vec<(String, String)>, Vec<(String, String)>);

fn presets(model: &Model, tr: &Tr) -> Presets {
    let (suppliers, others): (Vec<_>, Vec<_>) =
        model.presets().into_iter().partition(|p| p.title_id == "preset-supplier");
    let link = |p: &crate::services::continuity::outage::Preset| format!("/outage?{}", p.query);
    (
        others.iter().map(|p| (tr.ts(p.title_id, "name", &p.name), link(p))).collect(),
        suppliers.iter().map(|p| (p.name.clone(), link(p))).collect(),
    )
}

fn outage_page(ctx: Ctx, user: &CurrentUser, run: Run) -> OutagePage {
    let tr = &ctx.tr;
    let chosen: Vec<&str> = run.params.fail.iter().map(String::as_str).collect();
    let r = results(&run.model, &run.findings, &run.bias, run.params.hours, tr);
    let (presets, supplier_presets) = presets(&run.model, tr);
    let (groups, categories, durations) =
        (choice_groups(&run.model, &chosen, tr), category_choices(&run.params, tr), duration_choices(&run.params, tr));
    OutagePage {
        asked: asked(&groups, &categories, &durations, tr),
        groups,
        categories,
        durations,
        presets,
        supplier_presets,
        ran: run.ran(),
        counts: r.counts,
        cycles_note: r.cycles_note,
        activities: r.activities,
        systems: r.systems,
        working: r.working,
        save: save_fields(&run, user),
        scenario: run.saved.as_ref().map(|s| (s.name.clone(), s.last_run_at.map(String::from).unwrap_or_default())),
        changes: change_rows(&run, tr),
        changes_known: run.changes.is_some(),
        graph: run.ran().then(|| super::outage_graph::draw(&run.model, &run.findings, tr)),
        cycles: r.cycles,
        export_href: String::new(),
        ctx,
    }
}

pub async fn page(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<OutagePage, AppError> {
    // The query may repeat `fail` and `category`, so it is read as pairs.
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let asked = Params::asked(&q.all("fail"), &q.all("category"), q.get("hours"));
    let saved = q.get("scenario").and_then(|s| s.parse::<i64>().ok());
    let run = scenarios::run(&state.db, user.org_id, saved, asked).await?.ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(&state, &user, "/outage", String::new());
    ctx.title = ctx.tr.t("outage-title");
    let mut p = outage_page(ctx, &user, run);
    p.export_href = format!("/outage/export.xlsx?{}", uri.query().unwrap_or(""));
    Ok(p)
}
