//! A whole area of a system's self-assessment (STY, BEH, KON…) answered on one page: for each
//! requirement whether and how it is met. A requirement left without an answer stays unanswered;
//! only the rows a person changed are written (the fingerprint of what the page showed), so a
//! colleague's concurrent answer is never put back. Evidence stays on each requirement's own page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::Fulfilment;

use super::assessment::{action_title, area_name, progress, title};
use crate::content::catalogue::Requirement;
use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::area::{self, Areas, Part, RowDraft};
use crate::services::classification::self_assessment::Recorder;
use crate::store::evidence;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::vocabulary_choices;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

/// One requirement on the area page.
pub struct RequirementRow {
    pub id: String,
    pub title: String,
    /// What the requirement means, in plain words.
    pub text: String,
    pub fields: Vec<Field>,
    /// The hidden fingerprint of what the page shows: (name, value).
    pub shown: (String, String),
    /// How many evidence files it has, in words.
    pub files: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/assessment_area.html")]
pub struct AreaPage {
    pub ctx: Ctx,
    pub system_id: i64,
    pub system_name: String,
    pub area_id: String,
    /// "Område 2 av 11".
    pub position: String,
    pub progress: String,
    pub rows: Vec<RequirementRow>,
    pub error_summary: Vec<(String, String)>,
    pub make_actions: Field,
    /// The areas before and after this one: (id, name).
    pub previous: Option<(String, String)>,
    pub next: Option<(String, String)>,
}

fn status_name(id: &str) -> String {
    format!("status-{id}")
}
fn how_name(id: &str) -> String {
    format!("how-{id}")
}
fn na_name(id: &str) -> String {
    format!("na-{id}")
}
fn shown_name(id: &str) -> String {
    format!("o-{id}")
}
fn name(id: &str, part: Part) -> String {
    match part {
        Part::Status => status_name(id),
        Part::How => how_name(id),
        Part::Reason => na_name(id),
    }
}

/// A row of the form as it was posted or shown.
fn row_draft<'a>(form: &'a FormData, id: &str) -> RowDraft<'a> {
    RowDraft {
        status: form.text(&status_name(id)),
        how: form.text(&how_name(id)),
        reason: form.text(&na_name(id)),
        shown: form.get(&shown_name(id)),
    }
}

async fn load(state: &AppState, user: &CurrentUser, id: &str, area: &str) -> Result<Areas, AppError> {
    user.require(user.role.edits_all_content())?;
    let id = parse_id(id)?;
    let catalogue = state.catalogue_for(user.org_id).await?;
    area::load(&state.db.pool, catalogue, user.org_id, id, area).await?.ok_or(AppError::NotFound)
}

fn row_fields(r: &Requirement, answers: &[Choice], form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    let label = |id: &str| tr.ts(id, "req", &r.id);
    vec![
        Field::new(status_name(&r.id), label("assessment-status-of"), FieldKind::Radio, form, e, tr)
            .choices(answers.to_vec()),
        Field::new(how_name(&r.id), label("assessment-how-of"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("hint-how-met")),
        Field::new(na_name(&r.id), label("assessment-na-of"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000)
            .hint(tr.t("hint-na-reason")),
    ]
}

fn rows(l: &Areas, form: &FormData, e: &Errors, files: &[evidence::EvidenceFile], tr: &Tr) -> Vec<RequirementRow> {
    let answers: Vec<Choice> = vocabulary_choices(Fulfilment::ALL, Fulfilment::code, Fulfilment::label_id, tr);
    let row = |r: &Requirement| RequirementRow {
        id: r.id.clone(),
        title: title(r, tr),
        text: if tr.lang == Lang::En { r.is_en.clone() } else { r.is_sv.clone() },
        fields: row_fields(r, &answers, form, e, tr),
        shown: (
            shown_name(&r.id),
            form.get(&shown_name(&r.id)).map(str::to_owned).unwrap_or_else(|| row_draft(form, &r.id).fingerprint()),
        ),
        files: match files.iter().filter(|f| f.requirement_id == r.id).count() {
            0 => tr.t("assessment-no-files"),
            n => tr.tn("assessment-files", n as i64),
        },
    };
    l.requirements().into_iter().map(row).collect()
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    l: &Areas,
    form: &FormData,
    e: &Errors,
    files: &[evidence::EvidenceFile],
) -> AreaPage {
    let mut ctx = Ctx::new(state, user, "/systems", String::new());
    let tr = &ctx.tr;
    let rows = rows(l, form, e, files, tr);
    let all: Vec<Field> = rows.iter().flat_map(|r| r.fields.iter().cloned()).collect();
    let error_summary = summary(&all);
    let make_actions = Field::new("make_actions", tr.t("assessment-make-actions"), FieldKind::Checkbox, form, e, tr)
        .hint(tr.t("assessment-make-actions-hint"));
    let position =
        tr.args("assessment-area-position", &[("n", &(l.at + 1).to_string()), ("all", &l.areas.len().to_string())]);
    let progress = progress(&l.here().tally, tr);
    let neighbour =
        |i: Option<usize>| i.and_then(|i| l.areas.get(i)).map(|a| (a.area.id.clone(), area_name(&a.area, tr)));
    let (previous, next) = (neighbour(l.at.checked_sub(1)), neighbour(Some(l.at + 1)));
    ctx.title = area_name(&l.here().area, &ctx.tr);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    AreaPage {
        system_id: l.system.id,
        system_name: l.system.name.clone(),
        area_id: l.here().area.id.clone(),
        position,
        progress,
        rows,
        error_summary,
        make_actions,
        previous,
        next,
        ctx,
    }
}

/// The form as stored: each answer, and actions made for gaps unless unticked.
fn stored(l: &Areas) -> FormData {
    let mut form = FormData::default();
    form.set("make_actions", "on");
    for a in &l.answers {
        form.set(&status_name(&a.requirement_id), a.status.code());
        form.set(&how_name(&a.requirement_id), a.how.clone().unwrap_or_default());
        form.set(&na_name(&a.requirement_id), a.not_applicable_reason.clone().unwrap_or_default());
    }
    form
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, area)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<AreaPage, AppError> {
    let l = load(&state, &user, &id, &area).await?;
    let files = evidence::for_system(&state.db.pool, user.org_id, l.system.id).await?;
    let mut p = page(&state, &user, &l, &stored(&l), &Errors::default(), &files);
    if let Some(n) = q.get("saved").and_then(|n| n.parse::<i64>().ok()) {
        // Saved in the area before, on the way here: say where.
        let from = q.get("from").filter(|f| **f != area).and_then(|f| l.find(f));
        let tr = &p.ctx.tr;
        p.ctx.flash = Some(match from.map(|a| area_name(&a.area, tr)) {
            Some(area) => tr.args("assessment-area-saved-in", &[("n", &n.to_string()), ("area", &area)]),
            None => tr.tn("assessment-area-saved", n),
        });
    }
    Ok(p)
}

/// Saves the answers of every requirement of the area at once (see `services::classification::area`).
/// A gap becomes an action when asked for, owned by the system's owner.
pub async fn save(
    State(state): State<AppState>,
    Path((id, area)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let l = load(&state, &user, &id, &area).await?;
    let changed = match area::changes(&l, |id| row_draft(&form, id), name) {
        Ok(c) => c,
        Err(e) => {
            let files = evidence::for_system(&state.db.pool, user.org_id, l.system.id).await?;
            let page = page(&state, &user, &l, &form, &Errors::from(e), &files);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let actor = user.actor();
    let who = Recorder { actor: &actor, name: &user.display_name, catalogue_version: &l.catalogue.version };
    let title = |r: &Requirement| action_title(r, &l.system, &tr);
    let titles: Option<&(dyn Fn(&Requirement) -> String + Sync)> = form.checked("make_actions").then_some(&title);
    area::save(&state.db, &who, &l, &changed, titles).await?;
    let here = &l.here().area.id;
    let to = match (form.text("go"), l.next()) {
        ("next", Some(next)) => &next.area.id,
        _ => here,
    };
    let saved = format!("saved={}&from={here}", changed.len());
    Ok(Redirect::to(&format!("/systems/{}/assessment/areas/{to}?{saved}", l.system.id)).into_response())
}
