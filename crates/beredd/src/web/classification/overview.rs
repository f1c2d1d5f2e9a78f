//! The classification overview: systems by the level they must meet, how far each has come in
//! its self-assessment (a chart drawn on the server, with the same figures as a table), the
//! requirements least met across systems, overdue actions, and the reports to print.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use beredd_domain::Fulfilment;

use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::overview::{Gap, STATES, SystemStanding, overview};
use crate::store::actions;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::Choice;
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;

pub struct SystemRow {
    pub id: i64,
    pub name: String,
    pub levels: String,
    pub highest: u8,
    pub assets: usize,
    /// Counts per state, in `STATES` order.
    pub counts: [usize; 5],
    pub derived: usize,
    pub share_met: String,
}

pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub class: &'static str,
    pub title: String,
}

pub struct Bar {
    pub y: i64,
    pub label: String,
    pub segments: Vec<Segment>,
    pub share: String,
}

pub struct GapRow {
    pub id: String,
    pub title: String,
    pub not_met: usize,
    pub partly: usize,
}

pub struct ActionRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub due: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/overview.html")]
pub struct OverviewPage {
    pub ctx: Ctx,
    pub systems: Vec<SystemRow>,
    pub bars: Vec<Bar>,
    pub chart_height: i64,
    pub legend: Vec<(&'static str, String)>,
    pub gaps: Vec<GapRow>,
    pub overdue: Vec<ActionRow>,
    pub units: Vec<Choice>,
    /// Whether the user may import classifications from KLASSA.
    pub may_import: bool,
}

const LABEL_W: f64 = 230.0;
const BAR_W: f64 = 420.0;

fn class(state: &str) -> &'static str {
    match state {
        "fulfilled" => "seg-met",
        "partly" => "seg-partly",
        "not_fulfilled" => "seg-not",
        "not_applicable" => "seg-na",
        _ => "seg-none",
    }
}

/// A state's name: an answer's, or "not assessed".
fn state_label(s: &str, tr: &Tr) -> String {
    if s == "none" {
        tr.t("assessment-not-assessed")
    } else {
        Fulfilment::parse(s).map(|f| tr.t(f.label_id())).unwrap_or_default()
    }
}

fn system_row(s: SystemStanding) -> SystemRow {
    SystemRow {
        id: s.id,
        highest: s.highest(),
        levels: format!("K{} R{} T{} S{}", s.levels.k, s.levels.r, s.levels.t, s.levels.s),
        assets: s.assets,
        counts: s.counts,
        derived: s.derived,
        share_met: s.share_met().map_or_else(|| "–".into(), |p| format!("{p} %")),
        name: s.name,
    }
}

/// A system's bar in the chart: a segment per state it has requirements in.
fn bar(i: usize, r: &SystemRow, tr: &Tr) -> Bar {
    let mut x = LABEL_W;
    let segments = STATES
        .iter()
        .zip(r.counts)
        .filter(|(_, n)| *n > 0)
        .map(|(st, n)| {
            let width = BAR_W * n as f64 / r.derived.max(1) as f64;
            let seg = Segment { x, width, class: class(st), title: format!("{}: {} {n}", r.name, state_label(st, tr)) };
            x += width;
            seg
        })
        .collect();
    let label: String = if r.name.chars().count() > 32 {
        format!("{}…", r.name.chars().take(31).collect::<String>())
    } else {
        r.name.clone()
    };
    Bar { y: 10 + i as i64 * 28, label, segments, share: r.share_met.clone() }
}

fn gap_row(g: &Gap, tr: &Tr) -> GapRow {
    let r = g.requirement;
    GapRow {
        id: r.id.clone(),
        title: if tr.lang == Lang::En { r.title_en.clone() } else { r.title_sv.clone() },
        not_met: g.not_met,
        partly: g.partly,
    }
}

fn action_row(a: actions::Action, lk: &Lookups) -> ActionRow {
    ActionRow {
        id: a.id,
        title: a.title,
        owner: lk.person_name(a.owner_id),
        due: a.due_date.map(|d| d.to_string()).unwrap_or_default(),
    }
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<OverviewPage, AppError> {
    let catalogue = state.catalogue_for(user.org_id).await?;
    let o = overview(&state.db.pool, &catalogue, user.org_id, crate::platform::clock::today()).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/overview", String::new());
    ctx.title = ctx.tr.t("overview-title");
    let tr = &ctx.tr;
    let systems: Vec<SystemRow> = o.systems.into_iter().map(system_row).collect();
    let bars: Vec<Bar> = systems.iter().enumerate().map(|(i, r)| bar(i, r, tr)).collect();
    Ok(OverviewPage {
        chart_height: 20 + bars.len() as i64 * 28,
        bars,
        systems,
        legend: STATES.iter().map(|s| (class(s), state_label(s, tr))).collect(),
        gaps: o.gaps.iter().map(|g| gap_row(g, tr)).collect(),
        overdue: o.overdue.into_iter().map(|a| action_row(a, &lk)).collect(),
        units: lk.unit_choices(Some(tr.t("overview-whole-org"))),
        may_import: user.role.edits_all_content(),
        ctx,
    })
}
