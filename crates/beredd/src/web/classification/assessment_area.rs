//! A whole area of a system's self-assessment (STY, BEH, KON…) answered on one page: for each
//! requirement whether and how it is met. A requirement left without an answer stays unanswered;
//! only the rows a person changed are written (the fingerprint of what the page showed), so a
//! colleague's concurrent answer is never put back. Evidence stays on each requirement's own page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, Fulfilment, text};

use super::assessment::{action_title, area_name, progress, required, title};
use crate::content::catalogue::Requirement;
use crate::platform::i18n::{Lang, Tr};
use crate::services::batch::fingerprint;
use crate::services::self_assessment::{self, GapAction, Recorder};
use crate::store::{assessments, evidence, systems};
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

/// What a row of the form holds, as it was posted or shown.
fn row_fingerprint(form: &FormData, id: &str) -> String {
    fingerprint(&[form.text(&status_name(id)), form.text(&how_name(id)), form.text(&na_name(id))])
}

struct Loaded {
    system: systems::System,
    catalogue: std::sync::Arc<crate::content::catalogue::Catalogue>,
    answers: Vec<assessments::Assessment>,
    /// The areas the system has requirements in, in order: (id, name, requirement ids).
    areas: Vec<(String, String, Vec<String>, self_assessment::Tally)>,
    /// This area's position among them.
    at: usize,
}

async fn load(state: &AppState, user: &CurrentUser, id: &str, area: &str, tr: &Tr) -> Result<Loaded, AppError> {
    user.require(user.role.edits_all_content())?;
    let id = parse_id(id)?;
    let mut conn = state.db.pool.acquire().await?;
    let system = systems::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let (levels, flags) = required(&state.db.pool, user.org_id, id).await?;
    let answers = assessments::for_system(&state.db.pool, user.org_id, id).await?;
    let catalogue = state.catalogue_for(user.org_id).await?;
    let areas: Vec<(String, String, Vec<String>, self_assessment::Tally)> =
        self_assessment::groups(&catalogue, &levels, &flags, &answers)
            .into_iter()
            .map(|g| {
                let ids = g.requirements.iter().map(|r| r.id.clone()).collect();
                (g.area.id.clone(), area_name(&g.area, tr), ids, g.tally)
            })
            .collect();
    let at = areas.iter().position(|a| a.0 == area).ok_or(AppError::NotFound)?;
    Ok(Loaded { system, catalogue, answers, areas, at })
}

impl Loaded {
    fn requirements(&self) -> Vec<&Requirement> {
        self.areas[self.at].2.iter().filter_map(|id| self.catalogue.get(id)).collect()
    }
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    l: &Loaded,
    form: &FormData,
    e: &Errors,
    files: &[evidence::EvidenceFile],
) -> AreaPage {
    let mut ctx = Ctx::new(state, user, "/systems", String::new());
    let tr = &ctx.tr;
    let (area_id, name, _, tally) = &l.areas[l.at];
    let answers: Vec<Choice> = vocabulary_choices(Fulfilment::ALL, Fulfilment::code, Fulfilment::label_id, tr);
    let rows: Vec<RequirementRow> = l
        .requirements()
        .into_iter()
        .map(|r| {
            let fields = vec![
                Field::new(
                    status_name(&r.id),
                    tr.ts("assessment-status-of", "req", &r.id),
                    FieldKind::Radio,
                    form,
                    e,
                    tr,
                )
                .choices(answers.clone()),
                Field::new(how_name(&r.id), tr.ts("assessment-how-of", "req", &r.id), FieldKind::TextArea, form, e, tr)
                    .maxlength(4000)
                    .hint(tr.t("hint-how-met")),
                Field::new(na_name(&r.id), tr.ts("assessment-na-of", "req", &r.id), FieldKind::TextArea, form, e, tr)
                    .maxlength(2000)
                    .hint(tr.t("hint-na-reason")),
            ];
            let shown = form.get(&shown_name(&r.id)).map(str::to_owned).unwrap_or_else(|| row_fingerprint(form, &r.id));
            RequirementRow {
                id: r.id.clone(),
                title: title(r, tr),
                text: if tr.lang == Lang::En { r.is_en.clone() } else { r.is_sv.clone() },
                fields,
                shown: (shown_name(&r.id), shown),
                files: match files.iter().filter(|f| f.requirement_id == r.id).count() {
                    0 => tr.t("assessment-no-files"),
                    n => tr.tn("assessment-files", n as i64),
                },
            }
        })
        .collect();
    let all: Vec<Field> = rows.iter().flat_map(|r| r.fields.iter().cloned()).collect();
    let error_summary = summary(&all);
    let make_actions = Field::new("make_actions", tr.t("assessment-make-actions"), FieldKind::Checkbox, form, e, tr)
        .hint(tr.t("assessment-make-actions-hint"));
    let position =
        tr.args("assessment-area-position", &[("n", &(l.at + 1).to_string()), ("all", &l.areas.len().to_string())]);
    let progress = progress(tally, tr);
    let neighbour = |i: Option<usize>| i.and_then(|i| l.areas.get(i)).map(|a| (a.0.clone(), a.1.clone()));
    ctx.title = name.clone();
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    AreaPage {
        system_id: l.system.id,
        system_name: l.system.name.clone(),
        area_id: area_id.clone(),
        position,
        progress,
        rows,
        error_summary,
        make_actions,
        previous: neighbour(l.at.checked_sub(1)),
        next: neighbour(Some(l.at + 1)),
        ctx,
    }
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, area)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<AreaPage, AppError> {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let l = load(&state, &user, &id, &area, &tr).await?;
    let mut form = FormData::default();
    form.set("make_actions", "on");
    for a in &l.answers {
        form.set(&status_name(&a.requirement_id), a.status.code());
        form.set(&how_name(&a.requirement_id), a.how.clone().unwrap_or_default());
        form.set(&na_name(&a.requirement_id), a.not_applicable_reason.clone().unwrap_or_default());
    }
    let files = evidence::for_system(&state.db.pool, user.org_id, l.system.id).await?;
    let mut p = page(&state, &user, &l, &form, &Errors::default(), &files);
    if let Some(n) = q.get("saved").and_then(|n| n.parse::<i64>().ok()) {
        // Saved in the area before, on the way here: say where.
        let from = q.get("from").filter(|f| **f != area).and_then(|f| l.areas.iter().find(|a| &a.0 == f));
        let from = from.map(|a| a.1.clone());
        p.ctx.flash = Some(match from {
            Some(area) => p.ctx.tr.args("assessment-area-saved-in", &[("n", &n.to_string()), ("area", &area)]),
            None => p.ctx.tr.tn("assessment-area-saved", n),
        });
    }
    Ok(p)
}

/// Saves the answers of every requirement of the area at once. A requirement without an answer
/// and without text stays unanswered; text without an answer is an error, so nothing typed is
/// lost and nothing is taken as met. A gap becomes an action when asked for, owned by the
/// system's owner.
pub async fn save(
    State(state): State<AppState>,
    Path((id, area)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let l = load(&state, &user, &id, &area, &tr).await?;
    let mut e = Errors::default();
    let mut changed = Vec::new();
    for r in l.requirements() {
        let (s_name, h_name, n_name) = (status_name(&r.id), how_name(&r.id), na_name(&r.id));
        let status = match form.text(&s_name).trim() {
            "" => None,
            code => e.take(&s_name, Fulfilment::parse(code).map(Some)),
        };
        let how = e.take(&h_name, text::optional_text(form.text(&h_name), 4000));
        let na = e.take(&n_name, text::optional_text(form.text(&n_name), 2000));
        // A row left as the page showed it is not written, whatever the database says now.
        if form.get(&shown_name(&r.id)) == Some(row_fingerprint(&form, &r.id).as_str()) {
            continue;
        }
        let Some(status) = status else {
            if (how.is_some() || na.is_some()) && !e.0.contains_key(&s_name) {
                e.add(&s_name, FieldError::Choice);
            }
            continue;
        };
        // The reason a requirement does not apply is kept only when it does not.
        let na = if status == Fulfilment::NotApplicable { na } else { None };
        if status == Fulfilment::NotApplicable && na.is_none() && !e.0.contains_key(&n_name) {
            e.add(&n_name, FieldError::Required);
        }
        let before = l.answers.iter().find(|a| a.requirement_id == r.id);
        if before.is_some_and(|b| b.status == status && b.how == how && b.not_applicable_reason == na) {
            continue;
        }
        let evidence_link = before.and_then(|b| b.evidence_link.clone());
        changed.push((r, assessments::AssessmentInput { status, how, not_applicable_reason: na, evidence_link }));
    }
    if !e.is_empty() {
        let files = evidence::for_system(&state.db.pool, user.org_id, l.system.id).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &l, &form, &e, &files)).into_response());
    }
    let actor = user.actor();
    let who = Recorder { actor: &actor, name: &user.display_name, catalogue_version: &l.catalogue.version };
    let mut tx = state.db.begin_write().await?;
    for (r, input) in &changed {
        let action = form.checked("make_actions").then(|| GapAction {
            title: action_title(r, &l.system, &tr),
            owner: l.system.owner_id,
            due: None,
        });
        self_assessment::record(&mut tx, &who, &l.system, r, input, action).await?;
    }
    tx.commit().await?;
    let here = &l.areas[l.at].0;
    let to = match (form.text("go"), l.areas.get(l.at + 1)) {
        ("next", Some(next)) => next.0.clone(),
        _ => here.clone(),
    };
    let saved = format!("saved={}&from={here}", changed.len());
    Ok(Redirect::to(&format!("/systems/{}/assessment/areas/{to}?{saved}", l.system.id)).into_response())
}
