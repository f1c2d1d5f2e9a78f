//! The shared library between municipalities (issue 22): the library page, where every
//! organisation sees what others published and takes a copy in, and the form that publishes a
//! plan template, a lesson or a local requirement (`publish`). What a copy holds, and what it
//! leaves behind, is `services::sharing`.

pub mod publish;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::sharing::SharedKind;

use crate::platform::i18n::{Lang, Tr};
use crate::services::sharing::{self as use_cases, Copy};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

/// One part of a copy as shown: a label and its text (kept as written, lines and all).
pub struct Part {
    pub label: String,
    pub text: String,
}

fn lines(v: &[String]) -> String {
    v.join("\n")
}

/// A plan template's parts: its lead, each routine, the hotline, communication and checklists.
fn plan_parts(tr: &Tr, c: &beredd_domain::plan::PlanContent, add: &mut impl FnMut(String, String)) {
    add(tr.t("shared-part-lead"), c.lead.clone());
    for r in &c.routines {
        let parts = [
            (tr.t("shared-part-trigger"), r.trigger.clone()),
            (tr.t("shared-part-steps"), lines(&r.steps)),
            (tr.t("shared-part-resources"), lines(&r.resources)),
            (tr.t("shared-part-switch-back"), r.switch_back.clone()),
            (tr.t("shared-part-reentry"), lines(&r.reentry)),
        ];
        let text: Vec<String> =
            parts.iter().filter(|(_, t)| !t.trim().is_empty()).map(|(l, t)| format!("{l}:\n{t}")).collect();
        add(tr.ts("shared-part-routine", "activity", &r.activity), text.join("\n\n"));
    }
    add(tr.t("shared-part-hotline"), [c.hotline.hours.as_str(), &c.hotline.script].join("\n"));
    let comm = &c.communication;
    add(tr.t("shared-part-communication"), [comm.web.as_str(), &comm.hotline, &comm.media].join("\n"));
    for k in &c.checklists {
        add(tr.ts("shared-part-checklist", "title", &k.title), lines(&k.items));
    }
}

/// A copy as shown before it is published and in the library: each non-empty part labelled.
pub fn preview(tr: &Tr, catalogue: &crate::content::catalogue::Catalogue, copy: &Copy) -> Vec<Part> {
    let mut out = Vec::new();
    let mut add = |label: String, text: String| {
        if !text.trim().is_empty() {
            out.push(Part { label, text });
        }
    };
    match copy {
        Copy::PlanTemplate(c) => plan_parts(tr, c, &mut add),
        Copy::Lesson(l) => {
            add(tr.t("shared-part-lesson-kind"), tr.t(l.kind.label_id()));
            add(tr.t("shared-part-lesson-text"), l.text.clone());
        }
        Copy::Requirement(r) => {
            let area = catalogue
                .area(&r.area)
                .map(|a| if tr.lang == Lang::En { a.name_en.clone() } else { a.name_sv.clone() });
            add(tr.t("requirements-area"), area.unwrap_or_else(|| r.area.clone()));
            add(tr.t("requirements-is"), r.is_text.clone());
            add(tr.t("requirements-shall"), r.shall_text.clone());
            add(tr.t("requirements-guidance"), r.guidance.clone().unwrap_or_default());
            add(tr.t("ref-local"), r.refs.clone().unwrap_or_default());
        }
    }
    out
}

/// One item of the library as the page shows it.
pub struct ItemView {
    pub id: i64,
    pub kind: String,
    pub title: String,
    /// The publishing organisation's name, or "en kommun" when it chose not to be named.
    pub publisher: String,
    pub published: String,
    /// The viewer's own organisation published it: it may withdraw it.
    pub own: bool,
    pub parts: Vec<Part>,
}

#[derive(Template, WebTemplate)]
#[template(path = "sharing/library.html")]
pub struct LibraryPage {
    pub ctx: Ctx,
    pub items: Vec<ItemView>,
    /// The kinds to filter by: code, label and whether it is the one chosen.
    pub kinds: Vec<(String, String, bool)>,
    pub may_adopt: bool,
}

fn flash(tr: &Tr, q: &Query_) -> Option<String> {
    match q.get("msg").map(String::as_str) {
        Some("published") => Some(tr.t("shared-flash-published")),
        Some("withdrawn") => Some(tr.t("shared-flash-withdrawn")),
        _ => None,
    }
}

pub async fn library(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<LibraryPage, AppError> {
    let kind = q.get("kind").and_then(|k| SharedKind::parse(k).ok());
    let mut ctx = Ctx::new(&state, &user, "/shared", String::new());
    ctx.title = ctx.tr.t("shared-title");
    ctx.flash = flash(&ctx.tr, &q);
    let mut items = Vec::new();
    for item in use_cases::library(&state.db.pool, kind).await? {
        let own = item.publisher_org_id == user.org_id;
        let publisher =
            if item.show_publisher.get() { item.publisher_name.clone() } else { ctx.tr.t("shared-a-municipality") };
        items.push(ItemView {
            id: item.id,
            kind: ctx.tr.t(item.kind.label_id()),
            title: item.title.clone(),
            publisher: match (own, item.show_publisher.get()) {
                (true, true) => ctx.tr.ts("shared-own", "name", &publisher),
                (true, false) => ctx.tr.t("shared-own-hidden"),
                (false, _) => publisher,
            },
            published: item.published_at.day().to_string(),
            own,
            parts: preview(&ctx.tr, &state.catalogue, &Copy::of(&item)?),
        });
    }
    let kinds =
        SharedKind::ALL.iter().map(|k| (k.code().to_owned(), ctx.tr.t(k.label_id()), Some(*k) == kind)).collect();
    Ok(LibraryPage { ctx, items, kinds, may_adopt: user.role.edits_all_content() })
}

/// Takes a copy into the viewer's organisation and opens it there, to be edited.
pub async fn adopt(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let href = use_cases::adopt(&state.db, &user.actor(), &user.display_name, &state.catalogue, id).await?;
    Ok(Redirect::to(&format!("{href}?msg=created")).into_response())
}

/// Withdraws one of the organisation's own items from the library.
pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    use_cases::withdraw(&state.db, &user.actor(), parse_id(&id)?).await?;
    Ok(Redirect::to("/shared?msg=withdrawn").into_response())
}
