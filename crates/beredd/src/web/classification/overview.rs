//! The classification overview: systems by the level they must meet, how far each has come in
//! its self-assessment (a chart drawn on the server, with the same figures as a table), the
//! requirements least met across systems, overdue actions, and the reports to print.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use beredd_domain::Fulfilment;

use crate::platform::i18n::Lang;
use crate::store::{actions, assessments, assets, systems};
use crate::web::AppState;
use crate::web::actions::overdue;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::Choice;
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;

use super::assessment::required_from;

/// The five states a derived requirement can be in, in chart order.
const STATES: [&str; 5] = ["fulfilled", "partly", "not_fulfilled", "not_applicable", "none"];

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

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<OverviewPage, AppError> {
    let catalogue = state.catalogue_for(user.org_id).await?;
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let all_systems = systems::list(&state.db.pool, user.org_id).await?;
    let done = assessments::list(&state.db.pool, user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/overview", String::new());
    ctx.title = ctx.tr.t("overview-title");
    let tr = &ctx.tr;
    let state_label = |s: &str| {
        if s == "none" {
            tr.t("assessment-not-assessed")
        } else {
            Fulfilment::parse(s).map(|f| tr.t(f.label_id())).unwrap_or_default()
        }
    };

    let mut rows = Vec::new();
    // requirement id -> (not fulfilled, partly) across systems
    let mut gaps: HashMap<&str, (usize, usize)> = HashMap::new();
    for s in &all_systems {
        let held = all_assets.iter().filter(|a| a.system_ids.contains(&s.id)).count();
        if held == 0 {
            continue;
        }
        let (levels, flags) = required_from(&all_assets, s.id);
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
        let met = counts[0] + counts[3];
        rows.push(SystemRow {
            id: s.id,
            name: s.name.clone(),
            levels: format!("K{} R{} T{} S{}", levels.k, levels.r, levels.t, levels.s),
            highest: levels.k.max(levels.r).max(levels.t).max(levels.s),
            assets: held,
            counts,
            derived,
            share_met: (met * 100).checked_div(derived).map_or_else(|| "–".into(), |p| format!("{p} %")),
        });
    }
    // Highest level first, then by name.
    rows.sort_by(|a, b| {
        b.highest
            .cmp(&a.highest)
            .then_with(|| beredd_domain::sort::swedish_key(&a.name).cmp(&beredd_domain::sort::swedish_key(&b.name)))
    });

    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut x = LABEL_W;
            let segments = STATES
                .iter()
                .zip(r.counts)
                .filter(|(_, n)| *n > 0)
                .map(|(st, n)| {
                    let width = BAR_W * n as f64 / r.derived.max(1) as f64;
                    let seg =
                        Segment { x, width, class: class(st), title: format!("{}: {} {n}", r.name, state_label(st)) };
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
        })
        .collect::<Vec<_>>();

    let mut gap_rows: Vec<GapRow> = gaps
        .into_iter()
        .filter(|(_, (n, p))| n + p > 0)
        .filter_map(|(id, (n, p))| {
            catalogue.get(id).map(|r| GapRow {
                id: r.id.clone(),
                title: if tr.lang == Lang::En { r.title_en.clone() } else { r.title_sv.clone() },
                not_met: n,
                partly: p,
            })
        })
        .collect();
    gap_rows.sort_by(|a, b| (b.not_met * 2 + b.partly).cmp(&(a.not_met * 2 + a.partly)).then_with(|| a.id.cmp(&b.id)));
    gap_rows.truncate(10);

    let mut late: Vec<actions::Action> =
        actions::list(&state.db.pool, user.org_id).await?.into_iter().filter(overdue).collect();
    late.sort_by(|a, b| a.due_date.cmp(&b.due_date));
    let overdue_rows = late
        .into_iter()
        .map(|a| ActionRow {
            id: a.id,
            title: a.title,
            owner: lk.person_name(a.owner_id),
            due: a.due_date.unwrap_or_default(),
        })
        .collect();

    let legend = STATES.iter().map(|s| (class(s), state_label(s))).collect();
    let units = lk.unit_choices(Some(tr.t("overview-whole-org")));
    Ok(OverviewPage {
        chart_height: 20 + bars.len() as i64 * 28,
        bars,
        systems: rows,
        legend,
        gaps: gap_rows,
        overdue: overdue_rows,
        units,
        ctx,
    })
}
