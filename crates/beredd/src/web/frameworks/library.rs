//! The framework library: the list of shipped and imported frameworks, importing a file (Beredd's
//! TOML or a CISO Assistant YAML library), one framework's requirements, its file, deleting it.

use super::*;
use crate::content::frameworks::Format;
use crate::services::frameworks::library::{self as service, Refused};

pub struct FrameworkRow {
    pub key: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub text_kind: String,
    pub count: usize,
    pub origin: String,
}

pub struct AssessmentRow {
    pub id: i64,
    pub title: String,
    pub framework: String,
    pub started_on: String,
    pub progress: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub frameworks: Vec<FrameworkRow>,
    pub assessments: Vec<AssessmentRow>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub import_error: Option<String>,
    pub may_edit: bool,
    pub upload_action: &'static str,
    pub upload_heading: String,
    pub upload_label: String,
    pub upload_hint: String,
}

fn assessment_fields(form: &FormData, e: &Errors, all: &[Known], tr: &Tr) -> Vec<Field> {
    let choices = all
        .iter()
        .map(|k| Choice { value: format!("{}@{}", k.fw.id, k.fw.version), label: titled_version(&k.fw, tr), depth: 0 })
        .collect();
    vec![
        Field::new("framework", tr.t("fw-framework"), FieldKind::Select, form, e, tr).required().choices(choices),
        Field::new("title", tr.t("fw-assessment-title"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("scope", tr.t("fw-assessment-scope"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("fw-assessment-scope-hint")),
        Field::new("started_on", tr.t("fw-assessment-date"), FieldKind::Date, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
    ]
}

/// Where a framework comes from: Beredd's library, or who imported it when.
fn origin(k: &Known, tr: &Tr) -> String {
    match &k.imported {
        None => tr.t("fw-origin-library"),
        Some(i) => tr.args("fw-origin-imported", &[("who", &i.imported_by), ("when", &i.imported_at.shown_day())]),
    }
}

fn framework_row(k: &Known, tr: &Tr) -> FrameworkRow {
    FrameworkRow {
        key: k.fw.id.clone(),
        version: k.fw.version.clone(),
        title: k.fw.title(english(tr)).to_owned(),
        source: k.fw.source.clone(),
        text_kind: text_kind(&k.fw, tr),
        count: k.fw.assessable().count(),
        origin: origin(k, tr),
    }
}

fn assessment_row(p: crate::services::frameworks::assessments::Progress, tr: &Tr) -> AssessmentRow {
    let a = p.assessment;
    AssessmentRow {
        id: a.id,
        title: a.started.title,
        framework: p.of.as_ref().map(|(fw, _)| titled_version(fw, tr)).unwrap_or(a.started.framework_key),
        started_on: a.started.started_on.to_string(),
        progress: p.of.as_ref().map(|(_, t)| progress_text(t, tr)).unwrap_or_else(|| tr.t("fw-missing-framework")),
    }
}

pub(super) async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    e: &Errors,
    import_error: Option<String>,
) -> Result<ListPage, AppError> {
    let all = known(state, user.org_id).await?;
    let progress = crate::services::frameworks::assessments::progress(&state.db.pool, &all, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    ctx.title = ctx.tr.t("fw-title");
    let tr = &ctx.tr;
    let fields = assessment_fields(form, e, &all, tr);
    let error_summary = summary(&fields);
    let refused = !error_summary.is_empty() || import_error.is_some();
    let (upload_heading, upload_label, upload_hint) =
        (tr.t("fw-import"), tr.t("fw-import-file"), tr.t("fw-import-hint"));
    Ok(ListPage {
        may_edit: user.role.edits_all_content(),
        frameworks: all.iter().map(|k| framework_row(k, tr)).collect(),
        assessments: progress.into_iter().map(|p| assessment_row(p, tr)).collect(),
        fields,
        error_summary,
        import_error,
        upload_action: "/frameworks/import",
        upload_heading,
        upload_label,
        upload_hint,
        ctx: Ctx { title_prefix: refused.then(|| ctx.tr.t("error-prefix")), ..ctx },
    })
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let mut form = FormData::default();
    form.set("started_on", crate::platform::clock::today_text());
    if let Some(f) = q.get("framework") {
        form.set("framework", f.clone());
    }
    let mut p = list_page(&state, &user, &form, &Errors::default(), None).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// Why a file was refused, in the user's language.
fn refusal(r: Refused, tr: &Tr) -> String {
    match r {
        Refused::FileType => tr.t("fw-err-file-type"),
        Refused::NotUtf8 => tr.t("fw-err-utf8"),
        Refused::File(e) => problem_text(&e, tr),
        Refused::Exists { id, version } => tr.args("fw-err-exists", &[("id", &id), ("version", &version)]),
    }
}

/// Imports a framework file. Nothing is stored unless the whole file reads.
pub async fn import(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let read = crate::web::classification::evidence::read(&mut multipart, &user.csrf).await?;
    let imported = match read {
        Ok((name, bytes)) => {
            service::import(&state.db, &state.frameworks, &user.actor(), &user.display_name, &name, bytes)
                .await?
                .map_err(|r| refusal(r, &tr))
        }
        Err(e) => Err(crate::web::forms::error_text(&e, &tr)),
    };
    match imported {
        Ok(fw) => Ok(Redirect::to(&format!("/frameworks/{}/{}?msg=imported", fw.id, fw.version)).into_response()),
        Err(message) => {
            let page = list_page(&state, &user, &FormData::default(), &Errors::default(), Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub key: String,
    pub version: String,
    pub description: Option<String>,
    pub source: String,
    pub text_kind: String,
    pub url: Option<String>,
    pub origin: String,
    pub language: Option<super::Language>,
    pub nodes: Vec<NodeView>,
    pub may_delete: bool,
    pub may_edit: bool,
    pub in_use: usize,
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<ShowPage, AppError> {
    let k = find(&state, user.org_id, &key, &version).await?;
    let in_use = service::assessments_of(&state.db.pool, user.org_id, &key, &version).await?;
    let mut ctx = Ctx::new(&state, &user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    ctx.title = titled_version(&k.fw, &ctx.tr);
    ctx.set_flash(q.get("msg").map(String::as_str));
    match q.get("msg").map(String::as_str) {
        Some("imported") => ctx.flash = Some(ctx.tr.tn("fw-flash-imported", k.fw.assessable().count() as i64)),
        Some("in-use") => ctx.flash = Some(ctx.tr.t("fw-delete-in-use")),
        _ => {}
    }
    Ok(ShowPage {
        key,
        version,
        description: k.fw.description(en).map(str::to_owned),
        source: k.fw.source.clone(),
        text_kind: text_kind(&k.fw, &ctx.tr),
        url: k.fw.url.clone(),
        origin: origin(&k, &ctx.tr),
        language: super::language(&k.fw, &ctx.tr),
        nodes: k.fw.nodes.iter().map(|n| node_view(n, en)).collect(),
        may_delete: k.imported.is_some() && user.role.edits_all_content(),
        may_edit: user.role.edits_all_content(),
        in_use,
        ctx,
    })
}

/// The framework's file: a shipped one as it is in `library/frameworks`, an imported one as it
/// was imported. A user can change a copy (with a new version) and import it.
pub async fn file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let k = find(&state, user.org_id, &key, &version).await?;
    let (content, ext, ctype) = match &k.imported {
        Some(i) if i.format == Format::CisoAssistant.code() => {
            (i.content.clone(), "yaml", "application/yaml; charset=utf-8")
        }
        Some(i) => (i.content.clone(), "toml", "application/toml; charset=utf-8"),
        None => (
            crate::content::frameworks::library_file(&key).ok_or(AppError::NotFound)?,
            "toml",
            "application/toml; charset=utf-8",
        ),
    };
    let name = format!("{}-{}.{ext}", text::file_stem(&key), text::file_stem(&version));
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, ctype.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        content,
    )
        .into_response())
}

/// Removes an imported framework that no assessment uses.
pub async fn delete(
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let k = find(&state, user.org_id, &key, &version).await?;
    let Some(imported) = k.imported else { return Err(AppError::Forbidden) };
    if !service::delete(&state.db, &user.actor(), &imported).await? {
        return Ok(Redirect::to(&format!("/frameworks/{key}/{version}?msg=in-use")).into_response());
    }
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}
