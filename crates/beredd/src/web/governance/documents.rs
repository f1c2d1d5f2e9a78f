//! Steering documents: the list, a document's page (its current version, its history, the button
//! that confirms reading it, and for managers who has read it per unit), and the form that adds or
//! changes one (for those who edit all content). The versions are `versions`, the confirmations
//! and the personal links `reading`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::document::{Block, DocumentKind, blocks};

use crate::platform::clock::{self, Day};
use crate::platform::i18n::Tr;
use crate::services::governance::documents::{self as use_cases, Draft};
use crate::services::governance::reading::{self, Doc, Registry, Viewer};
use crate::store::documents::{DocumentInput, Version};
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

/// The registry of documents and the person the user is in the register.
pub(super) async fn load(state: &AppState, user: &CurrentUser) -> Result<(Registry, Option<i64>), AppError> {
    let reg = reading::load(&state.db, user.org_id).await?;
    Ok((reg, users::person_of(&state.db.pool, user.id).await?))
}

pub(super) fn viewer(user: &CurrentUser, person: Option<i64>) -> Viewer<'_> {
    Viewer { role: user.role, granted: &user.granted, person }
}

/// The document `id` if the user may read it; otherwise it is not there for them.
pub(super) fn readable<'a>(reg: &'a Registry, v: &Viewer, id: &str) -> Result<&'a Doc, AppError> {
    let id = parse_id(id)?;
    reg.get(id).filter(|d| reg.may_read(d, v)).ok_or(AppError::NotFound)
}

/// The units a document names, or "the whole organisation".
pub(super) fn applies_text(reg: &Registry, d: &Doc, tr: &Tr) -> String {
    if d.unit_ids.is_empty() {
        return tr.t("document-whole-org");
    }
    let names: Vec<String> = reg.units.iter().filter(|u| d.unit_ids.contains(&u.id)).map(|u| u.name.clone()).collect();
    names.join(", ")
}

pub struct Row {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub version: String,
    pub review: String,
    pub review_due: bool,
    pub applies: String,
    /// "12 av 30 har läst" among the staff the user manages.
    pub coverage: Option<String>,
    /// For a document that applies to the user: whether they have read it, in words.
    pub mine: Option<(bool, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/documents.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub rows: Vec<Row>,
    pub may_edit: bool,
}

pub(super) fn coverage_text(tr: &Tr, (read, all): (usize, usize)) -> Option<String> {
    (all > 0).then(|| tr.args("document-coverage", &[("read", &read.to_string()), ("all", &all.to_string())]))
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let mut ctx = Ctx::new(&state, &user, "/governance/documents", String::new());
    ctx.title = ctx.tr.t("document-list-title");
    ctx.set_flash(q.get("msg").map(String::as_str));
    let tr = &ctx.tr;
    let today = clock::today();
    let rows = reg
        .docs
        .iter()
        .filter(|d| reg.may_read(d, &v))
        .map(|d| Row {
            id: d.doc.id,
            title: d.doc.title.clone(),
            kind: tr.t(d.doc.kind.label_id()),
            version: d.current.as_ref().map(|c| c.number.to_string()).unwrap_or_else(|| tr.t("document-no-version")),
            review: d.doc.review_on.map(|r| r.to_string()).unwrap_or_default(),
            review_due: reading::review_soon(&d.doc, today),
            applies: applies_text(&reg, d, tr),
            coverage: coverage_text(tr, reg.coverage(d, &v)),
            mine: (d.current.is_some() && reg.applies_to_person(d, person)).then(|| {
                let read = person.and_then(|p| reg.read_by(d, p)).is_some();
                (read, tr.t(if read { "document-mine-read" } else { "document-mine-unread" }))
            }),
        })
        .collect();
    Ok(ListPage { rows, may_edit: user.role.edits_all_content(), ctx })
}

/// A version as the page shows it.
pub struct VersionView {
    pub number: i64,
    pub when: String,
    pub by: String,
    pub note: String,
    /// A file version's name and size in words.
    pub file: Option<(String, String)>,
    /// The version before it, when both are text (for the diff).
    pub diff_from: Option<i64>,
}

pub(super) fn version_view(v: &Version, all: &[Version]) -> VersionView {
    let before = all.iter().find(|x| x.number == v.number - 1);
    VersionView {
        number: v.number,
        when: v.created_at.shown_day(),
        by: v.created_by.clone(),
        note: v.note.clone().unwrap_or_default(),
        file: v.file_name.clone().map(|n| (n, format!("{} kB", (v.size.unwrap_or(0) + 1023) / 1024))),
        diff_from: before.filter(|b| b.body.is_some() && v.body.is_some()).map(|b| b.number),
    }
}

/// One unit's staff and whether each has read the current version.
pub struct UnitView {
    pub id: i64,
    pub name: String,
    pub summary: String,
    /// (person, name, read when, link valid until)
    pub staff: Vec<(i64, String, Option<String>, Option<String>)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/document.html")]
pub struct DocumentPage {
    pub ctx: Ctx,
    pub id: i64,
    pub details: Vec<(String, String)>,
    pub current: Option<VersionView>,
    pub blocks: Vec<Block>,
    pub versions: Vec<VersionView>,
    /// The version the user may confirm reading now.
    pub ack_version: Option<i64>,
    /// When the user confirmed the current version.
    pub ack_done: Option<String>,
    /// The document applies to everyone but the user's account names no person.
    pub ack_no_person: bool,
    pub units: Vec<UnitView>,
    pub may_edit: bool,
}

fn details(reg: &Registry, d: &Doc, tr: &Tr) -> Vec<(String, String)> {
    let doc = &d.doc;
    let decided_on = doc.decided_on.map(|d| d.to_string());
    let decision: Vec<&str> =
        [&doc.decided_by, &decided_on, &doc.decision_ref].into_iter().filter_map(|x| x.as_deref()).collect();
    let owner = doc.owner_id.and_then(|p| reg.person(p)).map(|p| p.name.clone()).unwrap_or_default();
    vec![
        (tr.t("document-field-kind"), tr.t(doc.kind.label_id())),
        (tr.t("document-field-owner"), owner),
        (tr.t("document-decision"), decision.join(", ")),
        (tr.t("document-field-review_on"), doc.review_on.map(|r| r.to_string()).unwrap_or_default()),
        (tr.t("document-field-units"), applies_text(reg, d, tr)),
        (tr.t("document-field-roles"), doc.roles.clone().unwrap_or_default()),
    ]
}

async fn unit_views(
    state: &AppState,
    reg: &Registry,
    d: &Doc,
    v: &Viewer<'_>,
    tr: &Tr,
) -> Result<Vec<UnitView>, AppError> {
    let links = crate::store::documents::link_expiries(&state.db.pool, d.doc.key()).await?;
    let version = d.current.as_ref().map(|c| c.number).unwrap_or(0).to_string();
    Ok(reg
        .status(d, v)
        .into_iter()
        .map(|u| {
            let read = u.staff.iter().filter(|(_, a)| a.is_some()).count().to_string();
            let all = u.staff.len().to_string();
            UnitView {
                id: u.unit.id,
                name: u.unit.name.clone(),
                summary: tr.args("document-unit-summary", &[("read", &read), ("all", &all), ("version", &version)]),
                staff: u
                    .staff
                    .iter()
                    .map(|(p, a)| {
                        let link = links
                            .iter()
                            .find(|(person, at)| *person == p.id && at.seconds_since() < 0)
                            .map(|(_, at)| at.shown_day());
                        (p.id, p.name.clone(), a.map(|a| a.at.shown_minute()), link)
                    })
                    .collect(),
            }
        })
        .collect())
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<DocumentPage, AppError> {
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let d = readable(&reg, &v, &id)?;
    let mut ctx = Ctx::new(&state, &user, "/governance/documents", d.doc.title.clone());
    ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("read") {
        ctx.flash = Some(ctx.tr.t("document-flash-read"));
    }
    let all = crate::store::documents::versions(&state.db.pool, d.doc.key()).await?;
    let applies = d.current.is_some() && (d.unit_ids.is_empty() || reg.applies_to_person(d, person));
    let read = person.and_then(|p| reg.read_by(d, p));
    let units = unit_views(&state, &reg, d, &v, &ctx.tr).await?;
    Ok(DocumentPage {
        id: d.doc.id,
        details: details(&reg, d, &ctx.tr),
        current: d.current.as_ref().map(|c| version_view(c, &all)),
        blocks: d.current.as_ref().and_then(|c| c.body.as_deref()).map(blocks).unwrap_or_default(),
        versions: all.iter().map(|x| version_view(x, &all)).collect(),
        ack_version: d
            .current
            .as_ref()
            .filter(|_| applies && read.is_none() && reg.applies_to_person(d, person))
            .map(|c| c.number),
        ack_done: read.map(|a| a.at.shown_minute()),
        ack_no_person: applies && person.is_none(),
        units,
        may_edit: user.role.edits_all_content(),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/document_form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub action: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

fn fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr, new: bool) -> Vec<Field> {
    let kinds = vocabulary_choices(DocumentKind::ALL, DocumentKind::code, DocumentKind::label_id, tr);
    let mut f = vec![
        Field::new("title", tr.t("document-field-title"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("kind", tr.t("document-field-kind"), FieldKind::Select, form, e, tr).required().choices(kinds),
        Field::new("owner", tr.t("document-field-owner"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("decided_by", tr.t("document-field-decided_by"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("document-hint-decided_by")),
        Field::new("decided_on", tr.t("document-field-decided_on"), FieldKind::Date, form, e, tr)
            .hint(tr.t("hint-date")),
        Field::new("decision_ref", tr.t("document-field-decision_ref"), FieldKind::Text, form, e, tr).maxlength(100),
        Field::new("review_on", tr.t("document-field-review_on"), FieldKind::Date, form, e, tr)
            .hint(tr.t("document-hint-review_on")),
        Field::new("units", tr.t("document-field-units"), FieldKind::MultiCheck, form, e, tr)
            .choices(lk.unit_choices(None))
            .hint(tr.t("document-hint-units")),
        Field::new("roles", tr.t("document-field-roles"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("document-hint-roles")),
    ];
    if new {
        f.push(
            Field::new("body", tr.t("document-field-body"), FieldKind::TextArea, form, e, tr)
                .maxlength(beredd_domain::document::MAX_TEXT)
                .hint(tr.t("document-hint-body")),
        );
    }
    f
}

async fn form_page(
    state: &AppState,
    user: &CurrentUser,
    editing: Option<(i64, &str)>,
    form: &FormData,
    e: &Errors,
) -> Result<FormPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/governance/documents", String::new());
    ctx.title = match editing {
        Some((_, title)) => ctx.tr.ts("document-edit-title", "title", title),
        None => ctx.tr.t("document-new-title"),
    };
    let fields = fields(form, e, &lk, &ctx.tr, editing.is_none());
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let action = match editing {
        Some((id, _)) => format!("/governance/documents/{id}/edit"),
        None => "/governance/documents/new".to_owned(),
    };
    Ok(FormPage { ctx, action, fields, error_summary })
}

pub async fn new_form(user: CurrentUser, State(state): State<AppState>) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut form = FormData::default();
    form.set("kind", "guideline");
    form_page(&state, &user, None, &form, &Errors::default()).await
}

/// Reads the form: the owner and the units must be in the registers.
async fn read(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
) -> Result<Result<DocumentInput, Errors>, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let owner = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
    let mut units = Vec::new();
    for u in form.all("units") {
        match optional_id(u, |u| lk.unit(u).is_some()) {
            Ok(Some(u)) if !units.contains(&u) => units.push(u),
            Ok(_) => {}
            Err(err) => e.add("units", err),
        }
    }
    let draft = Draft {
        title: form.text("title"),
        kind: form.text("kind"),
        owner,
        decided_by: form.text("decided_by"),
        decided_on: form.text("decided_on"),
        decision_ref: form.text("decision_ref"),
        review_on: form.text("review_on"),
        roles: form.text("roles"),
        units,
    };
    Ok(match use_cases::check(draft) {
        Ok(d) if e.is_empty() => Ok(d),
        Ok(_) => Err(e),
        Err(found) => {
            e.absorb(found);
            Err(e)
        }
    })
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let mut checked = read(&state, &user, &form).await?;
    let body = beredd_domain::text::optional_text(form.text("body"), beredd_domain::document::MAX_TEXT);
    if let Err(err) = &body {
        let mut e = checked.err().unwrap_or_default();
        e.add("body", err.clone());
        checked = Err(e);
    }
    match checked {
        Ok(d) => {
            let body = body.ok().flatten();
            let first = body.as_deref().map(|b| (b, user.display_name.as_str()));
            let id = use_cases::create(&state.db, &user.actor(), &d, first).await?;
            Ok(Redirect::to(&format!("/governance/documents/{id}?msg=created")).into_response())
        }
        Err(e) => {
            let page = form_page(&state, &user, None, &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The document's details as they stand, as the form and the audit trail take them.
fn input_of(d: &Doc) -> DocumentInput {
    let doc = &d.doc;
    DocumentInput {
        title: doc.title.clone(),
        kind: doc.kind,
        owner_id: doc.owner_id,
        decided_by: doc.decided_by.clone(),
        decided_on: doc.decided_on,
        decision_ref: doc.decision_ref.clone(),
        review_on: doc.review_on,
        roles: doc.roles.clone(),
        unit_ids: d.unit_ids.clone(),
    }
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    let i = input_of(d);
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let day = |v: Option<Day>| v.map(|d| d.to_string()).unwrap_or_default();
    let mut pairs = vec![
        ("title".to_owned(), i.title.clone()),
        ("kind".to_owned(), i.kind.code().to_owned()),
        ("owner".to_owned(), i.owner_id.map(|p| p.to_string()).unwrap_or_default()),
        ("decided_by".to_owned(), opt(&i.decided_by)),
        ("decided_on".to_owned(), day(i.decided_on)),
        ("decision_ref".to_owned(), opt(&i.decision_ref)),
        ("review_on".to_owned(), day(i.review_on)),
        ("roles".to_owned(), opt(&i.roles)),
    ];
    pairs.extend(i.unit_ids.iter().map(|u| ("units".to_owned(), u.to_string())));
    form_page(&state, &user, Some((d.doc.id, &d.doc.title)), &FormData::from_pairs(pairs), &Errors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    match read(&state, &user, &form).await? {
        Ok(new) => {
            use_cases::update(&state.db, &user.actor(), d.doc.id, &input_of(d), &new).await?;
            Ok(Redirect::to(&format!("/governance/documents/{}?msg=saved", d.doc.id)).into_response())
        }
        Err(e) => {
            let page = form_page(&state, &user, Some((d.doc.id, &d.doc.title)), &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
