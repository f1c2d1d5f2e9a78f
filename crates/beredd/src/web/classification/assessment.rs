//! The self-assessment of a system: each requirement its information yields, whether and how it
//! is met; an unmet one becomes an action in the action plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, Fulfilment};

use crate::content::catalogue::Requirement;
use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::answer::{self, Draft};
use crate::services::classification::self_assessment::{GapAction, Group, Recorder, Tally};
use crate::services::classification::standing::{Standing, standing};
use crate::store::assessments::Assessment;
use crate::store::{assessments, evidence, systems};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_, parse_id};

/// A requirement's title in the reader's language.
pub fn title(r: &Requirement, tr: &Tr) -> String {
    if tr.lang == Lang::En { r.title_en.clone() } else { r.title_sv.clone() }
}

pub struct Row {
    pub id: String,
    pub title: String,
    pub status: String,
    pub status_class: &'static str,
    pub by: String,
}

/// An area of the catalogue on the overview: its requirements and how far it has come.
pub struct AreaRows {
    pub id: String,
    pub name: String,
    pub progress: String,
    pub done: bool,
    pub rows: Vec<Row>,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/assessment.html")]
pub struct OverviewPage {
    pub ctx: Ctx,
    pub system_id: i64,
    pub levels: String,
    pub summary: String,
    pub areas: Vec<AreaRows>,
    /// Where to go on answering: the first area with a requirement left unanswered.
    pub start_area: Option<String>,
    pub may_write: bool,
    /// What removing the self-assessment would remove (every stored answer, also those of
    /// requirements the system no longer has), or nothing when there is nothing to remove.
    pub removal: Option<String>,
}

/// An area's name in the reader's language.
pub fn area_name(a: &crate::content::catalogue::Area, tr: &Tr) -> String {
    if tr.lang == Lang::En { a.name_en.clone() } else { a.name_sv.clone() }
}

/// "3 av 9 besvarade".
pub fn progress(t: &Tally, tr: &Tr) -> String {
    tr.args("assessment-area-progress", &[("n", &t.answered().to_string()), ("all", &t.all().to_string())])
}

pub async fn overview(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<OverviewPage, AppError> {
    let id = parse_id(&id)?;
    let catalogue = state.catalogue_for(user.org_id).await?;
    let s = standing(&state.db.pool, &catalogue, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(&state, &user, "/systems", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.ts("assessment-title", "name", &s.system.name);
    let tr = &ctx.tr;
    let areas: Vec<AreaRows> = s.groups.iter().map(|g| area_rows(&s, g, tr)).collect();
    let start_area = areas.iter().find(|a| !a.done).or(areas.first()).map(|a| a.id.clone());
    let removal = (!s.answers.is_empty() || s.files > 0).then(|| {
        tr.args("assessment-remove-hint", &[("answers", &s.answers.len().to_string()), ("files", &s.files.to_string())])
    });
    let t = &s.total;
    let counts =
        format!("{} / {} / {} / {} / {}", t.fulfilled, t.partly, t.not_fulfilled, t.not_applicable, t.unanswered);
    Ok(OverviewPage {
        system_id: id,
        levels: format!("K{} R{} T{} S{}", s.levels.k, s.levels.r, s.levels.t, s.levels.s),
        summary: tr.ts("assessment-summary", "counts", &counts),
        areas,
        start_area,
        may_write: user.role.edits_all_content(),
        removal,
        ctx,
    })
}

fn area_rows(s: &Standing, g: &Group, tr: &Tr) -> AreaRows {
    AreaRows {
        id: g.area.id.clone(),
        name: area_name(&g.area, tr),
        progress: progress(&g.tally, tr),
        done: g.tally.unanswered == 0,
        rows: g.requirements.iter().map(|r| row(r, s.answer(&r.id), tr)).collect(),
    }
}

fn row(r: &Requirement, a: Option<&Assessment>, tr: &Tr) -> Row {
    let status = a.map(|a| a.status);
    Row {
        id: r.id.clone(),
        title: title(r, tr),
        status: status.map(|s| tr.t(s.label_id())).unwrap_or_else(|| tr.t("assessment-not-assessed")),
        status_class: match status {
            Some(Fulfilment::Fulfilled) | Some(Fulfilment::NotApplicable) => "state-working",
            Some(Fulfilment::Partly) => "state-degraded",
            Some(Fulfilment::NotFulfilled) => "state-down",
            None => "",
        },
        by: a.map(|a| format!("{}, {}", a.assessed_by, &a.assessed_at.shown_day())).unwrap_or_default(),
    }
}

fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("status", tr.t("field-fulfilment"), FieldKind::Select, form, errors, tr)
            .required()
            // Starts unanswered: nothing is "Uppfyllt" until someone says so.
            .choices(
                std::iter::once(crate::web::forms::Choice {
                    value: String::new(),
                    label: tr.t("assessment-choose-status"),
                    depth: 0,
                })
                .chain(vocabulary_choices(Fulfilment::ALL, Fulfilment::code, Fulfilment::label_id, tr))
                .collect(),
            ),
        Field::new("how", tr.t("field-how-met"), FieldKind::TextArea, form, errors, tr)
            .maxlength(4000)
            .hint(tr.t("hint-how-met")),
        Field::new("not_applicable_reason", tr.t("field-na-reason"), FieldKind::TextArea, form, errors, tr)
            .maxlength(2000)
            .hint(tr.t("hint-na-reason")),
        Field::new("evidence_link", tr.t("field-evidence"), FieldKind::Text, form, errors, tr)
            .maxlength(500)
            .hint(tr.t("hint-evidence")),
        Field::new("create_action", tr.t("field-create-action"), FieldKind::Checkbox, form, errors, tr)
            .hint(tr.t("hint-create-action")),
        Field::new("action_owner", tr.t("field-responsible"), FieldKind::Select, form, errors, tr)
            .choices(lk.staff_choices(tr.t("choice-none"))),
        Field::new("action_due", tr.t("field-due-date"), FieldKind::Date, form, errors, tr)
            .maxlength(10)
            .hint(tr.t("hint-date")),
    ]
}

/// The title of the action a gap becomes.
pub fn action_title(r: &Requirement, system: &systems::System, tr: &Tr) -> String {
    tr.ts("action-from-requirement", "what", &format!("{} {} ({})", r.id, title(r, tr), system.name))
}

/// The system and the requirement an answer is about; only for those who edit content.
pub async fn context(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    req: &str,
) -> Result<(systems::System, Requirement), AppError> {
    user.require(user.role.edits_all_content())?;
    let id = parse_id(id)?;
    let catalogue = state.catalogue_for(user.org_id).await?;
    answer::context(&state.db.pool, &catalogue, user.org_id, id, req).await?.ok_or(AppError::NotFound)
}

/// One uploaded evidence file, as listed under the form.
pub struct FileRow {
    pub id: i64,
    pub name: String,
    pub size: String,
    pub by: String,
}

/// The assessment form, with the evidence files and the upload form under it.
#[derive(Template, WebTemplate)]
#[template(path = "classification/assessment_form.html")]
pub struct FormView {
    pub ctx: Ctx,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub submit: String,
    pub secondary: Option<(String, String)>,
    pub notice: Option<String>,
    pub files: Vec<FileRow>,
    pub upload_action: String,
    pub upload_error: Option<String>,
    pub accept: String,
    pub may_write: bool,
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn file_row(f: evidence::EvidenceFile) -> FileRow {
    FileRow {
        id: f.id,
        name: f.file_name,
        size: size_text(f.size),
        by: format!("{}, {}", f.uploaded_by, &f.uploaded_at.shown_day()),
    }
}

async fn view(
    state: &AppState,
    user: &CurrentUser,
    system: &systems::System,
    r: &Requirement,
    form: &FormData,
    errors: &Errors,
    upload_error: Option<FieldError>,
) -> Result<FormView, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let page = page(state, user, system, r, form, errors, &lk);
    let files = evidence::for_requirement(&state.db.pool, user.org_id, system.id, &r.id)
        .await?
        .into_iter()
        .map(file_row)
        .collect();
    let upload_error = upload_error.and_then(|e| {
        let mut errors = Errors::default();
        errors.add("file", e);
        errors.message("file", &page.ctx.tr)
    });
    let FormPage { ctx, action, cancel, fields, error_summary, submit, notice, secondary } = page;
    Ok(FormView {
        ctx,
        action,
        cancel,
        fields,
        error_summary,
        submit,
        secondary,
        notice,
        files,
        upload_action: format!("/systems/{}/assessment/{}/evidence", system.id, r.id),
        upload_error,
        accept: beredd_domain::upload::extensions().map(|e| format!(".{e}")).collect::<Vec<_>>().join(","),
        may_write: user.role.edits_all_content(),
    })
}

/// The form as stored, with an optional error from an upload.
pub async fn render_form(
    state: &AppState,
    user: &CurrentUser,
    system: &systems::System,
    r: &Requirement,
    upload_error: Option<FieldError>,
) -> Result<FormView, AppError> {
    let mut form = FormData::default();
    form.set("create_action", "on");
    form.set("action_owner", system.owner_id.map(|o| o.to_string()).unwrap_or_default());
    if let Some(a) = assessments::get(&state.db.pool, user.org_id, system.id, &r.id).await? {
        form.set("status", a.status.code());
        form.set("how", a.how.unwrap_or_default());
        form.set("not_applicable_reason", a.not_applicable_reason.unwrap_or_default());
        form.set("evidence_link", a.evidence_link.unwrap_or_default());
    }
    view(state, user, system, r, &form, &Errors::default(), upload_error).await
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    system: &systems::System,
    r: &Requirement,
    form: &FormData,
    errors: &Errors,
    lk: &Lookups,
) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/systems", String::new());
    ctx.title = format!("{} – {} {}", system.name, r.id, title(r, &ctx.tr));
    let is_text = if ctx.tr.lang == Lang::En { r.is_en.clone() } else { r.is_sv.clone() };
    let fields = fields(form, errors, lk, &ctx.tr);
    let mut page = FormPage::new(
        ctx,
        format!("/systems/{}/assessment/{}", system.id, r.id),
        format!("/systems/{}/assessment", system.id),
        fields,
    );
    page.notice = Some(is_text);
    page
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, req)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<FormView, AppError> {
    let (system, r) = context(&state, &user, &id, &req).await?;
    let mut view = render_form(&state, &user, &system, &r, None).await?;
    view.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(view)
}

fn draft(form: &FormData) -> Draft<'_> {
    Draft {
        status: form.text("status"),
        how: form.text("how"),
        not_applicable_reason: form.text("not_applicable_reason"),
        evidence_link: form.text("evidence_link"),
        action_owner: form.text("action_owner"),
        action_due: form.text("action_due"),
    }
}

pub async fn save(
    State(state): State<AppState>,
    Path((id, req)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (system, r) = context(&state, &user, &id, &req).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let parsed = match answer::parse(&draft(&form), |p| lk.is_staff(p)) {
        Ok(p) => p,
        Err(e) => {
            let page = view(&state, &user, &system, &r, &form, &Errors::from(e), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let version = state.catalogue_for(user.org_id).await?.version.clone();
    let actor = user.actor();
    let who = Recorder { actor: &actor, name: &user.display_name, catalogue_version: &version };
    let action = form.checked("create_action").then(|| GapAction {
        title: action_title(&r, &system, &tr),
        owner: parsed.owner,
        due: parsed.due,
    });
    answer::save(&state.db, &who, &system, &r, &parsed.input, action).await?;
    Ok(Redirect::to(&format!("/systems/{}/assessment?msg=saved#area-{}", system.id, r.area)).into_response())
}
