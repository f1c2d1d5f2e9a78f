//! Frameworks and gap analysis (issue 8): the shipped and imported frameworks, importing a file
//! (Beredd's TOML or a CISO Assistant YAML library), and assessments: per requirement a status,
//! a maturity, a comment, the evidence, linked catalogue requirements and linked actions; progress
//! per chapter, the gap list and the statement of applicability (PDF and xlsx).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::framework::{self, FileError, Framework, Maps, Problem, Status, Tally};
use beredd_domain::{ActionStatus, FieldError, Priority, text};

use crate::content::frameworks::Format;
use crate::platform::i18n::{Lang, Tr};
use crate::store::{actions, audit, frameworks as store};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use beredd_domain::text::optional_date;

/// A framework Beredd knows: shipped in `library/frameworks`, or imported by this organisation.
pub struct Known {
    pub fw: Arc<Framework>,
    pub imported: Option<store::Imported>,
}

/// Every framework of the organisation: the shipped ones first, then the imported ones.
pub async fn known(state: &AppState, org: i64) -> Result<Vec<Known>, AppError> {
    let mut out: Vec<Known> = state.frameworks.iter().map(|f| Known { fw: f.clone(), imported: None }).collect();
    for i in store::imported(&state.db.pool, org).await? {
        let cached = state.imported_frameworks.lock().unwrap_or_else(|e| e.into_inner()).get(&i.id).cloned();
        if let Some(fw) = cached {
            out.push(Known { fw, imported: Some(i) });
            continue;
        }
        let format = Format::parse(&i.format).unwrap_or(Format::Beredd);
        // A stored file was checked when it was imported; one that no longer reads (a newer,
        // stricter Beredd) is left out rather than shown half.
        match crate::content::frameworks::parse(format, &i.content) {
            Ok(fw) => {
                let fw = Arc::new(fw);
                state.imported_frameworks.lock().unwrap_or_else(|e| e.into_inner()).insert(i.id, fw.clone());
                out.push(Known { fw, imported: Some(i) });
            }
            Err(e) => {
                tracing::warn!(framework = %i.framework_key, version = %i.version, "stored framework no longer reads: {e}")
            }
        }
    }
    Ok(out)
}

async fn find(state: &AppState, org: i64, key: &str, version: &str) -> Result<Known, AppError> {
    known(state, org).await?.into_iter().find(|k| k.fw.id == key && k.fw.version == version).ok_or(AppError::NotFound)
}

fn english(tr: &Tr) -> bool {
    tr.lang == Lang::En
}

/// A framework file problem in the user's language, with its line.
pub fn problem_text(e: &FileError, tr: &Tr) -> String {
    let what = match &e.problem {
        Problem::Syntax(m) => tr.ts("fw-err-syntax", "detail", m),
        Problem::Missing(k) => tr.ts("fw-err-missing", "key", k),
        Problem::UnknownKey(k) => tr.ts("fw-err-unknown-key", "key", k),
        Problem::BadId(id) => tr.ts("fw-err-bad-id", "id", id),
        Problem::BadVersion(v) => tr.ts("fw-err-bad-version", "version", v),
        Problem::BadTextKind(t) => tr.ts("fw-err-text-kind", "value", t),
        Problem::Duplicate(id) => tr.ts("fw-err-duplicate", "id", id),
        Problem::UnknownParent { id, parent } => tr.args("fw-err-parent", &[("id", id), ("parent", parent)]),
        Problem::NothingAssessable => tr.t("fw-err-nothing"),
        Problem::TooMany(n) => tr.tn("fw-err-too-many", *n as i64),
        Problem::NotAFramework => tr.t("fw-err-not-framework"),
    };
    if e.line > 0 { format!("{} {what}", tr.tn("err-on-line", e.line as i64)) } else { what }
}

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

fn text_kind(fw: &Framework, tr: &Tr) -> String {
    tr.t(&format!("fw-text-{}", fw.text.code()))
}

/// "12 av 19 besvarade · 58 %".
fn progress_text(t: &Tally, tr: &Tr) -> String {
    let answered = tr.args("fw-answered", &[("n", &t.answered().to_string()), ("all", &t.assessable.to_string())]);
    match t.percent() {
        Some(p) => format!("{answered} · {p} %"),
        None => answered,
    }
}

async fn answer_map(
    state: &AppState,
    assessment: i64,
) -> Result<(Vec<store::Answer>, HashMap<String, (Option<Status>, Option<u8>)>), AppError> {
    let answers = store::answers(&state.db.pool, assessment).await?;
    let map = answers
        .iter()
        .map(|a| (a.node_id.clone(), (a.status.as_deref().and_then(Status::parse), a.maturity.map(|m| m as u8))))
        .collect();
    Ok((answers, map))
}

fn assessment_fields(form: &FormData, e: &Errors, all: &[Known], tr: &Tr) -> Vec<Field> {
    let en = english(tr);
    let choices = all
        .iter()
        .map(|k| Choice {
            value: format!("{}@{}", k.fw.id, k.fw.version),
            label: format!("{} ({})", k.fw.title(en), k.fw.version),
            depth: 0,
        })
        .collect();
    vec![
        Field::new("framework", tr.t("fw-framework"), FieldKind::Select, form, e, tr).required().choices(choices),
        Field::new("title", tr.t("fw-assessment-title"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("scope", tr.t("fw-assessment-scope"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("fw-assessment-scope-hint")),
        Field::new("started_on", tr.t("fw-assessment-date"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
    ]
}

async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    e: &Errors,
    import_error: Option<String>,
) -> Result<ListPage, AppError> {
    let all = known(state, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    ctx.title = ctx.tr.t("fw-title");
    let tr = &ctx.tr;
    let en = english(tr);
    let frameworks = all
        .iter()
        .map(|k| FrameworkRow {
            key: k.fw.id.clone(),
            version: k.fw.version.clone(),
            title: k.fw.title(en).to_owned(),
            source: k.fw.source.clone(),
            text_kind: text_kind(&k.fw, tr),
            count: k.fw.assessable().count(),
            origin: match &k.imported {
                None => tr.t("fw-origin-library"),
                Some(i) => tr.args("fw-origin-imported", &[("who", &i.imported_by), ("when", &i.imported_at[..10.min(i.imported_at.len())])]),
            },
        })
        .collect();
    let mut assessments = Vec::new();
    for a in store::assessments(&state.db.pool, user.org_id).await? {
        let fw = all.iter().find(|k| k.fw.id == a.framework_key && k.fw.version == a.version);
        let progress = match fw {
            Some(k) => {
                let (_, map) = answer_map(state, a.id).await?;
                progress_text(&framework::tally(&k.fw, &map).1, tr)
            }
            None => tr.t("fw-missing-framework"),
        };
        assessments.push(AssessmentRow {
            id: a.id,
            title: a.title,
            framework: fw.map(|k| format!("{} ({})", k.fw.title(en), k.fw.version)).unwrap_or(a.framework_key),
            started_on: a.started_on,
            progress,
        });
    }
    let fields = assessment_fields(form, e, &all, tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() || import_error.is_some() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let (upload_heading, upload_label, upload_hint) =
        (ctx.tr.t("fw-import"), ctx.tr.t("fw-import-file"), ctx.tr.t("fw-import-hint"));
    Ok(ListPage {
        may_edit: user.role.edits_all_content(),
        frameworks,
        assessments,
        fields,
        error_summary,
        import_error,
        upload_action: "/frameworks/import",
        upload_heading,
        upload_label,
        upload_hint,
        ctx,
    })
}

/// For the start page: each assessment with how far it has come, and the gaps (no or partly)
/// that have no action yet, as (text, link).
pub async fn start_page(
    state: &AppState,
    org: i64,
    tr: &Tr,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let all = known(state, org).await?;
    let en = english(tr);
    let (mut progress, mut gaps) = (Vec::new(), Vec::new());
    for a in store::assessments(&state.db.pool, org).await? {
        let Some(k) = all.iter().find(|k| k.fw.id == a.framework_key && k.fw.version == a.version) else { continue };
        let (answers, map) = answer_map(state, a.id).await?;
        progress.push((
            format!("{}: {}", a.title, progress_text(&framework::tally(&k.fw, &map).1, tr)),
            format!("/assessments/{}", a.id),
        ));
        let linked = store::linked_actions(&state.db.pool, a.id).await?;
        for x in answers.iter().filter(|x| x.status.as_deref().and_then(Status::parse).is_some_and(Status::is_gap)) {
            if linked.iter().any(|(n, _)| *n == x.node_id) {
                continue;
            }
            if let Some(n) = k.fw.node(&x.node_id) {
                gaps.push((n.label(en), format!("/assessments/{}/requirements/{}", a.id, n.id)));
            }
        }
    }
    Ok((progress, gaps))
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

/// Imports a framework file. Nothing is stored unless the whole file reads.
pub async fn import(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let read = crate::web::classification::evidence::read(&mut multipart, &user.csrf).await?;
    let refuse = |message: String| async {
        let page = list_page(&state, &user, &FormData::default(), &Errors::default(), Some(message)).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let (name, bytes) = match read {
        Ok(x) => x,
        Err(e) => return refuse(crate::web::forms::error_text(&e, &tr)).await,
    };
    let Some(format) = Format::of_file(&name) else { return refuse(tr.t("fw-err-file-type")).await };
    let Ok(src) = String::from_utf8(bytes) else { return refuse(tr.t("fw-err-utf8")).await };
    let fw = match crate::content::frameworks::parse(format, &src) {
        Ok(fw) => fw,
        Err(e) => return refuse(problem_text(&e, &tr)).await,
    };
    if known(&state, user.org_id).await?.iter().any(|k| k.fw.id == fw.id && k.fw.version == fw.version) {
        return refuse(tr.args("fw-err-exists", &[("id", &fw.id), ("version", &fw.version)])).await;
    }
    let row = store::Imported {
        id: 0,
        framework_key: fw.id.clone(),
        version: fw.version.clone(),
        title: fw.title_sv.clone(),
        format: format.code().to_owned(),
        content: src,
        imported_by: user.display_name.clone(),
        imported_at: String::new(),
    };
    let mut tx = state.db.begin_write().await?;
    let id = store::add_imported(&mut *tx, user.org_id, &row).await?;
    let record = serde_json::json!({ "framework": fw.id, "version": fw.version, "title": fw.title_sv, "format": format.code(), "requirements": fw.nodes.len() });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "import",
            entity: "framework",
            entity_id: Some(id),
            summary: &fw.title_sv,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/frameworks/{}/{}?msg=imported", fw.id, fw.version)).into_response())
}

pub struct NodeView {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub text: String,
    pub guidance: Option<String>,
    pub references: String,
    pub assessable: bool,
    pub depth: usize,
    pub heading: bool,
}

fn node_view(n: &framework::Node, en: bool) -> NodeView {
    NodeView {
        id: n.id.clone(),
        reference: n.reference.clone(),
        title: n.title(en),
        text: n.text(en).to_owned(),
        guidance: n.guidance(en).map(str::to_owned),
        references: n.references.join(", "),
        assessable: n.assessable,
        depth: n.depth.min(4),
        heading: n.depth == 0,
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
    let mut ctx = Ctx::new(&state, &user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    ctx.title = format!("{} ({})", k.fw.title(en), k.fw.version);
    ctx.set_flash(q.get("msg").map(String::as_str));
    match q.get("msg").map(String::as_str) {
        Some("imported") => ctx.flash = Some(ctx.tr.tn("fw-flash-imported", k.fw.assessable().count() as i64)),
        Some("in-use") => ctx.flash = Some(ctx.tr.t("fw-delete-in-use")),
        _ => {}
    }
    let in_use = store::assessments(&state.db.pool, user.org_id)
        .await?
        .iter()
        .filter(|a| a.framework_key == key && a.version == version)
        .count();
    let origin = match &k.imported {
        None => ctx.tr.t("fw-origin-library"),
        Some(i) => ctx.tr.args("fw-origin-imported", &[("who", &i.imported_by), ("when", &i.imported_at[..10.min(i.imported_at.len())])]),
    };
    Ok(ShowPage {
        key,
        version,
        description: k.fw.description(en).map(str::to_owned),
        source: k.fw.source.clone(),
        text_kind: text_kind(&k.fw, &ctx.tr),
        url: k.fw.url.clone(),
        origin,
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
    if store::assessments(&state.db.pool, user.org_id)
        .await?
        .iter()
        .any(|a| a.framework_key == key && a.version == version)
    {
        return Ok(Redirect::to(&format!("/frameworks/{key}/{version}?msg=in-use")).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    store::delete_imported(&mut *tx, user.org_id, &key, &version).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework",
            entity_id: Some(imported.id),
            summary: &imported.title,
            before: Some(&imported),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}

pub async fn create_assessment(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let all = known(&state, user.org_id).await?;
    let mut e = Errors::default();
    let chosen = form
        .text("framework")
        .split_once('@')
        .and_then(|(k, v)| all.iter().find(|x| x.fw.id == k && x.fw.version == v));
    if chosen.is_none() {
        e.add("framework", FieldError::Choice);
    }
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let scope = e.take("scope", text::optional_line(form.text("scope"), 300));
    let started_on =
        e.take("started_on", optional_date(form.text("started_on")).and_then(|d| d.ok_or(FieldError::Required)));
    let Some(k) = chosen.filter(|_| e.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, &user, &form, &e, None).await?).into_response());
    };
    let a = store::Assessment {
        id: 0,
        framework_key: k.fw.id.clone(),
        version: k.fw.version.clone(),
        title,
        scope,
        started_on,
        created_by: user.display_name.clone(),
    };
    let mut tx = state.db.begin_write().await?;
    let id = store::add_assessment(&mut *tx, user.org_id, &a).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "framework-assessment",
            entity_id: Some(id),
            summary: &a.title,
            before: None,
            after: Some(&a),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{id}?msg=created")).into_response())
}

/// The assessment and its framework, or 404 when either is not the organisation's.
async fn load(state: &AppState, user: &CurrentUser, id: &str) -> Result<(store::Assessment, Arc<Framework>), AppError> {
    let id = parse_id(id)?;
    let a = store::assessments(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let fw = find(state, user.org_id, &a.framework_key, &a.version).await?.fw;
    Ok((a, fw))
}

pub struct ChapterView {
    /// Position among the chapters, for the chapter form's address.
    pub n: usize,
    pub title: String,
    pub anchor: String,
    pub tally: Tally,
    pub percent: String,
    pub percent_value: u32,
    pub maturity: String,
}

pub struct AnswerRow {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub depth: usize,
    pub assessable: bool,
    pub heading: bool,
    pub anchor: String,
    pub status: String,
    pub status_code: String,
    pub maturity: String,
    pub comment: String,
    pub evidence: String,
    pub actions: Vec<(i64, String, String)>,
    pub requirements: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/assessment.html")]
pub struct AssessmentPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    pub framework_title: String,
    pub framework_href: String,
    pub chapters: Vec<ChapterView>,
    pub total: ChapterView,
    pub rows: Vec<AnswerRow>,
    pub gaps: Vec<AnswerRow>,
    pub filter: String,
    pub filters: Vec<(String, String)>,
    pub may_edit: bool,
}

fn pct(t: &Tally) -> (String, u32) {
    match t.percent() {
        Some(p) => (format!("{p} %"), p),
        None => ("–".to_owned(), 0),
    }
}

fn maturity_text(t: &Tally) -> String {
    t.maturity_tenths().map(|m| format!("{},{}", m / 10, m % 10)).unwrap_or_else(|| "–".to_owned())
}

/// Everything the overview, the exports and the PDF show: chapters, rows and gaps.
struct Summary {
    chapters: Vec<ChapterView>,
    total: ChapterView,
    rows: Vec<AnswerRow>,
}

async fn summarise(
    state: &AppState,
    user: &CurrentUser,
    a: &store::Assessment,
    fw: &Framework,
    tr: &Tr,
) -> Result<Summary, AppError> {
    let en = english(tr);
    let (answers, map) = answer_map(state, a.id).await?;
    let by_node: HashMap<&str, &store::Answer> = answers.iter().map(|x| (x.node_id.as_str(), x)).collect();
    let links = store::linked_actions(&state.db.pool, a.id).await?;
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let (per_chapter, total) = framework::tally(fw, &map);
    let chapter_view = |n: usize, title: String, anchor: String, t: &Tally| {
        let (percent, percent_value) = pct(t);
        ChapterView { n, title, anchor, tally: *t, percent, percent_value, maturity: maturity_text(t) }
    };
    let chapters = per_chapter
        .iter()
        .enumerate()
        .map(|(n, (i, t))| chapter_view(n, fw.nodes[*i].label(en), format!("n{i}"), t))
        .collect();
    let total = chapter_view(0, tr.t("fw-total"), String::new(), &total);
    let rows = fw
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let ans = by_node.get(n.id.as_str());
            let status = ans.and_then(|x| x.status.as_deref()).and_then(Status::parse);
            AnswerRow {
                id: n.id.clone(),
                reference: n.reference.clone(),
                title: n.title(en),
                depth: n.depth.min(4),
                assessable: n.assessable,
                heading: n.depth == 0,
                anchor: format!("n{i}"),
                status: status
                    .map(|s| tr.t(s.label_id()))
                    .unwrap_or_else(|| if n.assessable { tr.t("fw-status-none") } else { String::new() }),
                status_code: status.map(|s| s.code()).unwrap_or("none").to_owned(),
                maturity: ans.and_then(|x| x.maturity).map(|m| m.to_string()).unwrap_or_default(),
                comment: ans.and_then(|x| x.comment.clone()).unwrap_or_default(),
                evidence: ans.and_then(|x| x.evidence.clone()).unwrap_or_default(),
                actions: links
                    .iter()
                    .filter(|(node, _)| *node == n.id)
                    .filter_map(|(_, aid)| all_actions.iter().find(|x| x.id == *aid))
                    .map(|x| {
                        (
                            x.id,
                            x.title.clone(),
                            ActionStatus::parse(&x.status).map(|s| tr.t(s.label_id())).unwrap_or_default(),
                        )
                    })
                    .collect(),
                requirements: ans.map(|x| x.requirements().join(", ")).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Summary { chapters, total, rows })
}

pub async fn assessment(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<AssessmentPage, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let mut ctx = Ctx::new(&state, &user, "/frameworks", a.title.clone());
    ctx.set_flash(q.get("msg").map(String::as_str));
    let tr = &ctx.tr;
    let s = summarise(&state, &user, &a, &fw, tr).await?;
    let filter = q.get("show").cloned().filter(|f| ["unanswered", "gaps"].contains(&f.as_str())).unwrap_or_default();
    let gaps: Vec<AnswerRow> =
        s.rows.iter().filter(|r| r.status_code == "no" || r.status_code == "partly").map(clone_row).collect();
    let rows = match filter.as_str() {
        "unanswered" => s.rows.into_iter().filter(|r| r.assessable && r.status_code == "none").collect(),
        "gaps" => s.rows.into_iter().filter(|r| r.status_code == "no" || r.status_code == "partly").collect(),
        _ => s.rows,
    };
    let filters = vec![
        (String::new(), tr.t("fw-show-all")),
        ("unanswered".into(), tr.t("fw-show-unanswered")),
        ("gaps".into(), tr.t("fw-show-gaps")),
    ];
    let en = english(tr);
    Ok(AssessmentPage {
        framework_title: format!("{} ({})", fw.title(en), fw.version),
        framework_href: format!("/frameworks/{}/{}", fw.id, fw.version),
        chapters: s.chapters,
        total: s.total,
        rows,
        gaps,
        filter,
        filters,
        may_edit: user.role.edits_all_content(),
        a,
        ctx,
    })
}

fn clone_row(r: &AnswerRow) -> AnswerRow {
    AnswerRow {
        id: r.id.clone(),
        reference: r.reference.clone(),
        title: r.title.clone(),
        depth: r.depth,
        assessable: r.assessable,
        heading: r.heading,
        anchor: r.anchor.clone(),
        status: r.status.clone(),
        status_code: r.status_code.clone(),
        maturity: r.maturity.clone(),
        comment: r.comment.clone(),
        evidence: r.evidence.clone(),
        actions: r.actions.clone(),
        requirements: r.requirements.clone(),
    }
}

pub struct Suggested {
    pub id: String,
    pub title: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/answer.html")]
pub struct AnswerPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    pub node: NodeView,
    pub fields: Vec<Field>,
    pub action_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub linked: Vec<(i64, String, String)>,
    pub may_edit: bool,
    pub action: String,
    pub next: Option<String>,
    pub updated: Option<String>,
    /// Evidence files: (id, name, size, who uploaded).
    pub files: Vec<(i64, String, String, String)>,
    pub upload_action: String,
    pub upload_error: Option<String>,
    /// The file types the upload offers.
    pub accept: String,
}

fn maturity_choices(tr: &Tr) -> Vec<Choice> {
    let mut c = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    c.extend((0..=framework::MATURITY_MAX).map(|m| Choice {
        value: m.to_string(),
        label: format!("{m} – {}", tr.t(&format!("fw-maturity-{m}"))),
        depth: 0,
    }));
    c
}

/// Catalogue requirements that share a reference with the framework requirement.
fn suggestions(
    state: &AppState,
    catalogue: &crate::content::catalogue::Catalogue,
    node: &framework::Node,
    en: bool,
) -> Vec<Suggested> {
    let _ = state;
    if node.maps.is_empty() {
        return Vec::new();
    }
    catalogue
        .requirements
        .iter()
        .filter(|r| {
            node.maps.meets(&Maps {
                cyber_measures: r.cyber_measures.clone(),
                gdpr: r.gdpr.clone(),
                pdl: r.pdl.clone(),
                hslf: r.hslf.clone(),
                iso27001: r.iso27001.clone(),
            })
        })
        .map(|r| Suggested {
            id: r.id.clone(),
            title: format!("{} {}", r.id, if en { &r.title_en } else { &r.title_sv }),
        })
        .collect()
}

fn answer_fields(form: &FormData, e: &Errors, tr: &Tr, suggested: &[Suggested]) -> Vec<Field> {
    let statuses = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let mut f = vec![
        Field::new("status", tr.t("fw-status"), FieldKind::Radio, form, e, tr).choices(statuses),
        Field::new("maturity", tr.t("fw-maturity"), FieldKind::Select, form, e, tr)
            .choices(maturity_choices(tr))
            .hint(tr.t("fw-maturity-hint")),
        Field::new("comment", tr.t("fw-comment"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-comment-hint")),
        Field::new("evidence", tr.t("fw-evidence"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-evidence-hint")),
    ];
    if !suggested.is_empty() {
        f.push(Field::new("req", tr.t("fw-linked-suggested"), FieldKind::MultiCheck, form, e, tr).choices(
            suggested.iter().map(|s| Choice { value: s.id.clone(), label: s.title.clone(), depth: 0 }).collect(),
        ));
    }
    f.push(
        Field::new("req_other", tr.t("fw-linked-other"), FieldKind::Text, form, e, tr)
            .maxlength(500)
            .hint(tr.t("fw-linked-other-hint")),
    );
    f
}

fn action_fields(form: &FormData, e: &Errors, lk: &Lookups, open: &[actions::Action], tr: &Tr) -> Vec<Field> {
    let mut existing = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    existing.extend(open.iter().map(|x| Choice { value: x.id.to_string(), label: x.title.clone(), depth: 0 }));
    vec![
        Field::new("new_action", tr.t("fw-new-action"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("fw-new-action-hint")),
        Field::new("action_owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("action_due", tr.t("field-due-date"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("link_action", tr.t("fw-link-action"), FieldKind::Select, form, e, tr).choices(existing),
    ]
}

async fn answer_page(
    state: &AppState,
    user: &CurrentUser,
    a: store::Assessment,
    fw: &Framework,
    node_id: &str,
    form: Option<FormData>,
    e: &Errors,
) -> Result<AnswerPage, AppError> {
    let node = fw.node(node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    ctx.title = node.label(en);
    let catalogue = state.catalogue_for(user.org_id).await?;
    let suggested = suggestions(state, &catalogue, node, en);
    let answers = store::answers(&state.db.pool, a.id).await?;
    let current = answers.iter().find(|x| x.node_id == node.id);
    let form = form.unwrap_or_else(|| {
        let mut f = FormData::default();
        if let Some(c) = current {
            f.set("status", c.status.clone().unwrap_or_default());
            f.set("maturity", c.maturity.map(|m| m.to_string()).unwrap_or_default());
            f.set("comment", c.comment.clone().unwrap_or_default());
            f.set("evidence", c.evidence.clone().unwrap_or_default());
            let reqs = c.requirements();
            let (shown, other): (Vec<String>, Vec<String>) =
                reqs.into_iter().partition(|r| suggested.iter().any(|s| &s.id == r));
            for r in shown {
                f.push("req", r);
            }
            f.set("req_other", other.join(", "));
        }
        f
    });
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let links = store::linked_actions(&state.db.pool, a.id).await?;
    let linked: Vec<(i64, String, String)> = links
        .iter()
        .filter(|(n, _)| *n == node.id)
        .filter_map(|(_, aid)| all_actions.iter().find(|x| x.id == *aid))
        .map(|x| {
            (x.id, x.title.clone(), ActionStatus::parse(&x.status).map(|s| ctx.tr.t(s.label_id())).unwrap_or_default())
        })
        .collect();
    let open: Vec<actions::Action> = all_actions
        .into_iter()
        .filter(|x| (x.status == "planned" || x.status == "ongoing") && !linked.iter().any(|l| l.0 == x.id))
        .collect();
    let fields = answer_fields(&form, e, &ctx.tr, &suggested);
    let action_fields = action_fields(&form, e, &lk, &open, &ctx.tr);
    let mut all_fields = fields.clone();
    all_fields.extend(action_fields.iter().cloned());
    let error_summary = summary(&all_fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    // The next assessable requirement after this one, for "save and go on".
    let pos = fw.nodes.iter().position(|n| n.id == node.id).unwrap_or(0);
    let next = fw.nodes.iter().skip(pos + 1).find(|n| n.assessable).map(|n| n.id.clone());
    let updated = current.map(|c| {
        ctx.tr.args("fw-updated", &[("who", &c.updated_by), ("when", &c.updated_at.replace('T', " ")[..16.min(c.updated_at.len())])])
    });
    let files = crate::store::evidence::for_assessment(&state.db.pool, user.org_id, a.id)
        .await?
        .into_iter()
        .filter(|f| f.node_id == node.id)
        .map(|f| (f.id, f.file_name, format!("{} kB", (f.size + 1023) / 1024), f.uploaded_by))
        .collect();
    Ok(AnswerPage {
        files,
        upload_action: format!("/assessments/{}/requirements/{}/evidence", a.id, node.id),
        upload_error: None,
        accept: beredd_domain::upload::extensions().map(|e| format!(".{e}")).collect::<Vec<_>>().join(","),
        action: format!("/assessments/{}/requirements/{}", a.id, node.id),
        node: node_view(node, en),
        fields,
        action_fields,
        error_summary,
        linked,
        may_edit: user.role.edits_all_content(),
        next,
        updated,
        a,
        ctx,
    })
}

pub async fn answer_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, node)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<AnswerPage, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let mut p = answer_page(&state, &user, a, &fw, &node, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn save_answer(
    State(state): State<AppState>,
    Path((id, node_id)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?.clone();
    let catalogue = state.catalogue_for(user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let status = match form.text("status") {
        "" => None,
        s => match Status::parse(s) {
            Some(s) => Some(s),
            None => {
                e.add("status", FieldError::Choice);
                None
            }
        },
    };
    let maturity = match form.text("maturity").trim() {
        "" => None,
        m => match m.parse::<u8>() {
            Ok(n) if n <= framework::MATURITY_MAX => Some(i64::from(n)),
            _ => {
                e.add("maturity", FieldError::Number { min: 0, max: i64::from(framework::MATURITY_MAX) });
                None
            }
        },
    };
    let comment = e.take("comment", text::optional_text(form.text("comment"), 4000));
    let evidence = e.take("evidence", text::optional_text(form.text("evidence"), 4000));
    // Linked catalogue requirements: the ticked suggestions and any others typed by id.
    let mut reqs: Vec<String> = form.all("req").into_iter().map(str::to_owned).collect();
    for r in form.text("req_other").split([',', ' ', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        let r = r.to_uppercase();
        if !catalogue.requirements.iter().any(|c| c.id == r) {
            e.add("req_other", FieldError::NotInCatalogue);
        } else if !reqs.contains(&r) {
            reqs.push(r);
        }
    }
    if reqs.iter().any(|r| !catalogue.requirements.iter().any(|c| &c.id == r)) {
        e.add("req", FieldError::Choice);
    }
    let new_action = e.take("new_action", text::optional_line(form.text("new_action"), 200));
    let owner = e.take("action_owner", optional_id(form.text("action_owner"), |p| lk.person(p).is_some()));
    let due = e.take("action_due", optional_date(form.text("action_due")));
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let link = e.take("link_action", optional_id(form.text("link_action"), |x| all_actions.iter().any(|a| a.id == x)));
    if !e.is_empty() {
        let page = answer_page(&state, &user, a, &fw, &node_id, Some(form), &e).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let before = store::answers(&state.db.pool, a.id).await?.into_iter().find(|x| x.node_id == node.id);
    let answer = store::Answer {
        node_id: node.id.clone(),
        status: status.map(|s| s.code().to_owned()),
        maturity,
        comment,
        evidence,
        requirement_ids: Some(reqs.join(",")).filter(|s| !s.is_empty()),
        updated_by: user.display_name.clone(),
        updated_at: String::new(),
    };
    let mut tx = state.db.begin_write().await?;
    store::save_answer(&mut tx, a.id, &answer).await?;
    let summary_text = format!("{} · {}", a.title, node.reference);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "framework-answer",
            entity_id: Some(a.id),
            summary: &summary_text,
            before: before.as_ref(),
            after: Some(&answer),
        },
    )
    .await?;
    if let Some(title) = new_action {
        let en = english(&tr);
        let input = actions::ActionInput {
            title,
            origin: "framework".into(),
            origin_ref: Some(format!("assessment:{}:{}", a.id, node.id)),
            owner_id: owner,
            unit_id: None,
            priority: if status == Some(Status::No) { Priority::High } else { Priority::Medium },
            due_date: due,
            status: ActionStatus::Planned,
            notes: Some(format!("{} {} – {}", fw.title(en), node.reference, node.title(en))),
        };
        let aid = actions::insert(&mut *tx, user.org_id, &input).await?;
        store::link_action(&mut tx, a.id, &node.id, aid).await?;
        audit::record(
            &mut *tx,
            &user.actor(),
            audit::Change {
                action: "create",
                entity: "action",
                entity_id: Some(aid),
                summary: &input.title,
                before: None::<&serde_json::Value>,
                after: Some(&serde_json::json!({ "origin": "framework", "assessment": a.id, "requirement": node.id })),
            },
        )
        .await?;
    }
    if let Some(aid) = link {
        store::link_action(&mut tx, a.id, &node.id, aid).await?;
    }
    tx.commit().await?;
    let next = fw.nodes.iter().skip_while(|n| n.id != node.id).skip(1).find(|n| n.assessable);
    let to = match (form.text("go"), next) {
        ("next", Some(n)) => format!("/assessments/{}/requirements/{}?msg=saved", a.id, n.id),
        _ => format!("/assessments/{}/requirements/{}?msg=saved", a.id, node.id),
    };
    Ok(Redirect::to(&to).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/chapter.html")]
pub struct ChapterPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    /// (heading, link, fields, name and value of the hidden fingerprint of what is shown).
    pub rows: Vec<(String, String, Vec<Field>, (String, String))>,
    pub error_summary: Vec<(String, String)>,
    pub action: String,
    pub next: Option<usize>,
    pub may_edit: bool,
}

/// A short fingerprint of an answer's status, maturity and comment as a form shows them, so a
/// chapter save writes only the rows this user changed and never puts back a value someone
/// else has changed since the page was opened.
fn fingerprint(status: &str, maturity: &str, comment: &str) -> String {
    use sha2::Digest;
    let comment = comment.trim().replace("\r\n", "\n");
    let d = sha2::Sha256::digest(format!("{status}\u{1f}{maturity}\u{1f}{comment}").as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The assessable requirements of chapter `n` (position among the chapters), as indices.
fn chapter_nodes(fw: &Framework, n: usize) -> Option<Vec<usize>> {
    let chapter = *fw.chapters().get(n)?;
    Some(fw.nodes.iter().enumerate().filter(|(_, x)| x.assessable && x.chapter == chapter).map(|(i, _)| i).collect())
}

async fn chapter_page(
    state: &AppState,
    user: &CurrentUser,
    a: store::Assessment,
    fw: &Framework,
    n: usize,
    form: Option<FormData>,
    e: &Errors,
) -> Result<ChapterPage, AppError> {
    let nodes = chapter_nodes(fw, n).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    let head = &fw.nodes[fw.chapters()[n]];
    ctx.title = head.label(en);
    let answers = store::answers(&state.db.pool, a.id).await?;
    let form = form.unwrap_or_else(|| {
        let mut f = FormData::default();
        for &i in &nodes {
            if let Some(x) = answers.iter().find(|x| x.node_id == fw.nodes[i].id) {
                f.set(&format!("s{i}"), x.status.clone().unwrap_or_default());
                f.set(&format!("m{i}"), x.maturity.map(|m| m.to_string()).unwrap_or_default());
                f.set(&format!("c{i}"), x.comment.clone().unwrap_or_default());
            }
        }
        f
    });
    let tr = &ctx.tr;
    let statuses: Vec<Choice> = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let rows: Vec<(String, String, Vec<Field>, (String, String))> = nodes
        .iter()
        .map(|&i| {
            let node = &fw.nodes[i];
            let name = node.label(en);
            let fields = vec![
                Field::new(
                    format!("s{i}"),
                    tr.ts("fw-status-of", "req", &node.reference),
                    FieldKind::Radio,
                    &form,
                    e,
                    tr,
                )
                .choices(statuses.clone()),
                Field::new(
                    format!("m{i}"),
                    tr.ts("fw-maturity-of", "req", &node.reference),
                    FieldKind::Select,
                    &form,
                    e,
                    tr,
                )
                .choices(maturity_choices(tr)),
                Field::new(
                    format!("c{i}"),
                    tr.ts("fw-comment-of", "req", &node.reference),
                    FieldKind::TextArea,
                    &form,
                    e,
                    tr,
                )
                .maxlength(4000),
            ];
            let shown = match form.get(&format!("o{i}")) {
                Some(o) => o.to_owned(),
                None => {
                    fingerprint(form.text(&format!("s{i}")), form.text(&format!("m{i}")), form.text(&format!("c{i}")))
                }
            };
            (name, format!("/assessments/{}/requirements/{}", a.id, node.id), fields, (format!("o{i}"), shown))
        })
        .collect();
    let all: Vec<Field> = rows.iter().flat_map(|(_, _, f, _)| f.iter().cloned()).collect();
    let error_summary = summary(&all);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let next = (n + 1 < fw.chapters().len()).then_some(n + 1);
    Ok(ChapterPage {
        action: format!("/assessments/{}/chapters/{n}", a.id),
        rows,
        error_summary,
        next,
        may_edit: user.role.edits_all_content(),
        a,
        ctx,
    })
}

fn chapter_number(n: &str) -> Result<usize, AppError> {
    n.parse().map_err(|_| AppError::NotFound)
}

pub async fn chapter_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<ChapterPage, AppError> {
    let n = chapter_number(&n)?;
    let (a, fw) = load(&state, &user, &id).await?;
    let mut p = chapter_page(&state, &user, a, &fw, n, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// Saves the status, maturity and comment of every requirement of a chapter at once. Answers
/// that did not change are left alone; evidence and links stay as they were.
pub async fn save_chapter(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let n = chapter_number(&n)?;
    let (a, fw) = load(&state, &user, &id).await?;
    let nodes = chapter_nodes(&fw, n).ok_or(AppError::NotFound)?;
    let existing = store::answers(&state.db.pool, a.id).await?;
    let mut e = Errors::default();
    let mut changed = Vec::new();
    for &i in &nodes {
        let node = &fw.nodes[i];
        let status = match form.text(&format!("s{i}")) {
            "" => None,
            s => match Status::parse(s) {
                Some(s) => Some(s.code().to_owned()),
                None => {
                    e.add(format!("s{i}"), FieldError::Choice);
                    None
                }
            },
        };
        let maturity = match form.text(&format!("m{i}")).trim() {
            "" => None,
            m => match m.parse::<u8>() {
                Ok(x) if x <= framework::MATURITY_MAX => Some(i64::from(x)),
                _ => {
                    e.add(format!("m{i}"), FieldError::Number { min: 0, max: i64::from(framework::MATURITY_MAX) });
                    None
                }
            },
        };
        let comment = e.take(format!("c{i}"), text::optional_text(form.text(&format!("c{i}")), 4000));
        // A row the user left as the page showed it is not written, whatever the database says now.
        let posted = fingerprint(form.text(&format!("s{i}")), form.text(&format!("m{i}")), form.text(&format!("c{i}")));
        if form.get(&format!("o{i}")) == Some(posted.as_str()) {
            continue;
        }
        let before = existing.iter().find(|x| x.node_id == node.id).cloned();
        let old = before.clone().unwrap_or_default();
        if old.status == status && old.maturity == maturity && old.comment == comment {
            continue;
        }
        let after = store::Answer {
            node_id: node.id.clone(),
            status,
            maturity,
            comment,
            updated_by: user.display_name.clone(),
            ..old
        };
        changed.push((node.reference.clone(), before, after));
    }
    if !e.is_empty() {
        let page = chapter_page(&state, &user, a, &fw, n, Some(form), &e).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    for (reference, before, after) in &changed {
        store::save_answer(&mut tx, a.id, after).await?;
        let summary_text = format!("{} · {reference}", a.title);
        audit::record(
            &mut *tx,
            &user.actor(),
            audit::Change {
                action: "update",
                entity: "framework-answer",
                entity_id: Some(a.id),
                summary: &summary_text,
                before: before.as_ref(),
                after: Some(after),
            },
        )
        .await?;
    }
    tx.commit().await?;
    let to = match (form.text("go"), n + 1 < fw.chapters().len()) {
        ("next", true) => format!("/assessments/{}/chapters/{}?msg=saved", a.id, n + 1),
        _ => format!("/assessments/{}/chapters/{n}?msg=saved", a.id),
    };
    Ok(Redirect::to(&to).into_response())
}

/// Removes an assessment with its answers; the actions its gaps made stay in the action plan.
pub async fn delete_assessment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    // Found without its framework, so an assessment of a framework that no longer reads can go.
    let id = parse_id(&id)?;
    let a = store::assessments(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let answers = store::answers(&state.db.pool, a.id).await?;
    let mut tx = state.db.begin_write().await?;
    store::delete_assessment(&mut tx, user.org_id, a.id).await?;
    let before = serde_json::json!({ "assessment": a, "answers": answers });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework-assessment",
            entity_id: Some(a.id),
            summary: &a.title,
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}

pub async fn unlink(
    State(state): State<AppState>,
    Path((id, node_id, action)): Path<(String, String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).ok_or(AppError::NotFound)?;
    let action = parse_id(&action)?;
    let mut tx = state.db.begin_write().await?;
    store::unlink_action(&mut *tx, a.id, &node.id, action).await?;
    let what = serde_json::json!({ "assessment": a.id, "requirement": node.id, "action": action });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "unlink",
            entity: "framework-answer",
            entity_id: Some(a.id),
            summary: &node.reference,
            before: Some(&what),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=saved", a.id, node.id)).into_response())
}

/// Uploads an evidence file for an answer; a refused file is explained on the answer's page.
pub async fn upload_evidence(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, node_id)): Path<(String, String)>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?.clone();
    let checked = crate::web::classification::evidence::read(&mut multipart, &user.csrf)
        .await?
        .and_then(|(name, bytes)| beredd_domain::upload::accept(&name, &bytes).map(|ok| (ok, bytes)));
    let (accepted, bytes) = match checked {
        Ok(ok) => ok,
        Err(e) => {
            let tr = Tr::new(state.catalog.clone(), user.lang);
            let mut page = answer_page(&state, &user, a, &fw, &node.id, None, &Errors::default()).await?;
            page.upload_error = Some(crate::web::forms::error_text(&e, &tr));
            page.ctx.title_prefix = Some(tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let file = crate::store::evidence::NewFile {
        file_name: &accepted.file_name,
        content_type: accepted.content_type,
        content: &bytes,
    };
    let fid =
        crate::store::evidence::insert_framework_file(&mut *tx, user.org_id, a.id, &node.id, &file, &user.display_name)
            .await?;
    let stored = crate::store::evidence::framework_file(&mut *tx, user.org_id, fid).await?;
    let summary_text = format!("{} · {} – {}", a.title, node.reference, accepted.file_name);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "upload",
            entity: "framework-evidence",
            entity_id: Some(fid),
            summary: &summary_text,
            before: None,
            after: stored.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=uploaded", a.id, node.id)).into_response())
}

pub async fn download_evidence(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let meta =
        crate::store::evidence::framework_file(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let bytes =
        crate::store::evidence::framework_content(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    Ok(crate::web::classification::evidence::file_response(&meta.file_name, &meta.content_type, bytes))
}

pub async fn delete_evidence(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    let before = crate::store::evidence::framework_file(&mut *tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    crate::store::evidence::delete_framework_file(&mut *tx, user.org_id, id).await?;
    let summary_text = format!("{} – {}", before.node_id, before.file_name);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework-evidence",
            entity_id: Some(id),
            summary: &summary_text,
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=deleted", before.assessment_id, before.node_id))
        .into_response())
}

/// The statement of applicability and the gap list, as PDF or as an Excel workbook.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let en = english(&tr);
    let mut s = summarise(&state, &user, &a, &fw, &tr).await?;
    let files = crate::store::evidence::for_assessment(&state.db.pool, user.org_id, a.id).await?;
    for r in s.rows.iter_mut() {
        let names: Vec<&str> = files.iter().filter(|f| f.node_id == r.id).map(|f| f.file_name.as_str()).collect();
        if !names.is_empty() {
            let listed = tr.ts("fw-evidence-files", "names", &names.join(", "));
            r.evidence = if r.evidence.is_empty() { listed } else { format!("{}\n{listed}", r.evidence) };
        }
    }
    let stem = format!("{}-{}", text::file_stem(&tr.t("fw-soa-file")), text::file_stem(&a.title));
    let applicable = |r: &AnswerRow| if r.status_code == "na" { tr.t("fw-soa-no") } else { tr.t("fw-soa-yes") };
    let actions_text =
        |r: &AnswerRow| r.actions.iter().map(|(id, t, st)| format!("#{id} {t} ({st})")).collect::<Vec<_>>().join("\n");
    let assessable: Vec<&AnswerRow> = s.rows.iter().filter(|r| r.assessable).collect();
    let gaps: Vec<&AnswerRow> =
        assessable.iter().copied().filter(|r| r.status_code == "no" || r.status_code == "partly").collect();
    match file.as_str() {
        "soa.xlsx" => {
            let header = [
                "fw-ref",
                "fw-requirement",
                "fw-soa-applicable",
                "fw-status",
                "fw-maturity",
                "fw-comment",
                "fw-evidence",
                "fw-linked-requirements",
                "fw-actions",
            ]
            .map(|h| tr.t(h));
            let soa: Vec<Vec<String>> = assessable
                .iter()
                .map(|r| {
                    vec![
                        r.reference.clone(),
                        r.title.clone(),
                        applicable(r),
                        r.status.clone(),
                        r.maturity.clone(),
                        r.comment.clone(),
                        r.evidence.clone(),
                        r.requirements.clone(),
                        actions_text(r),
                    ]
                })
                .collect();
            let gap_rows: Vec<Vec<String>> = gaps
                .iter()
                .map(|r| {
                    vec![
                        r.reference.clone(),
                        r.title.clone(),
                        applicable(r),
                        r.status.clone(),
                        r.maturity.clone(),
                        r.comment.clone(),
                        r.evidence.clone(),
                        r.requirements.clone(),
                        actions_text(r),
                    ]
                })
                .collect();
            let chapter_header = [
                "fw-chapter",
                "fw-assessable",
                "fw-status-yes",
                "fw-status-partly",
                "fw-status-no",
                "fw-status-na",
                "fw-status-none",
                "fw-fulfilment",
                "fw-maturity-mean",
            ]
            .map(|h| tr.t(h));
            let chapter_rows: Vec<Vec<String>> = s
                .chapters
                .iter()
                .chain(std::iter::once(&s.total))
                .map(|c| {
                    let t = &c.tally;
                    vec![
                        c.title.clone(),
                        t.assessable.to_string(),
                        t.yes.to_string(),
                        t.partly.to_string(),
                        t.no.to_string(),
                        t.na.to_string(),
                        t.unanswered().to_string(),
                        c.percent.clone(),
                        c.maturity.clone(),
                    ]
                })
                .collect();
            let widths = [14.0, 50.0, 12.0, 14.0, 10.0, 50.0, 40.0, 20.0, 40.0];
            let bytes = crate::web::classification::reports::workbook_sheets(&[
                (tr.t("fw-soa-sheet"), header.to_vec(), widths.to_vec(), soa),
                (tr.t("fw-gaps-sheet"), header.to_vec(), widths.to_vec(), gap_rows),
                (
                    tr.t("fw-progress-sheet"),
                    chapter_header.to_vec(),
                    vec![50.0, 12.0, 10.0, 10.0, 10.0, 10.0, 12.0, 12.0, 12.0],
                    chapter_rows,
                ),
            ])?;
            Ok(crate::web::classification::reports::download_xlsx(bytes, &stem))
        }
        "soa.pdf" => {
            let row = |r: &AnswerRow| serde_json::json!({ "ref": r.reference, "title": r.title, "applicable": applicable(r), "status": r.status, "maturity": r.maturity, "comment": r.comment, "evidence": r.evidence, "requirements": r.requirements, "actions": actions_text(r) });
            let chapters: Vec<serde_json::Value> = s
                .chapters
                .iter()
                .chain(std::iter::once(&s.total))
                .map(|c| {
                    serde_json::json!([
                        c.title,
                        c.tally.assessable.to_string(),
                        c.tally.answered().to_string(),
                        c.percent,
                        c.maturity
                    ])
                })
                .collect();
            let org = crate::store::orgs::get(&state.db.pool, user.org_id).await?.ok_or(AppError::NotFound)?;
            let data = serde_json::json!({
                "lang": if en { "en" } else { "sv" },
                "title": tr.t("fw-soa-title"),
                "subtitle": format!("{} – {} ({})", a.title, fw.title(en), fw.version),
                "stamp": tr.ts("pdf-stamp", "date", &crate::platform::clock::today_text()),
                "cover_lines": [org.name, a.scope.clone().unwrap_or_default(), tr.ts("pdf-printed-by", "name", &user.display_name)],
                "marking": tr.t("pdf-marking-internal"),
                "intro": tr.t("fw-soa-intro"),
                "chapters": chapters,
                "rows": assessable.iter().map(|r| row(r)).collect::<Vec<_>>(),
                "gaps": gaps.iter().map(|r| row(r)).collect::<Vec<_>>(),
                "labels": crate::web::classification::reports::labels(&tr, &[("progress", "fw-progress"), ("chapter", "fw-chapter"), ("assessable", "fw-assessable"), ("answered", "fw-answered-col"), ("fulfilment", "fw-fulfilment"), ("maturity_mean", "fw-maturity-mean"), ("soa", "fw-soa"), ("ref", "fw-ref"), ("requirement", "fw-requirement"), ("applicable", "fw-soa-applicable"), ("status", "fw-status"), ("maturity", "fw-maturity"), ("comment", "fw-comment"), ("evidence", "fw-evidence"), ("linked", "fw-linked-requirements"), ("actions", "fw-actions"), ("gaps", "fw-gaps"), ("no_gaps", "fw-no-gaps")]),
            });
            Ok(crate::web::classification::reports::download_pdf(
                crate::web::classification::reports::pdf(beredd_render::Document::Assessment, data).await?,
                &stem,
            ))
        }
        _ => Err(AppError::NotFound),
    }
}
