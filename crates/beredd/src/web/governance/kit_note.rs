//! The impact assessment (DPIA) note for the offline kit, beside the record of processing: its
//! purpose, the data it holds, the kits made and who received them, and the checklist for the
//! passphrase (changed when someone who received a kit leaves), which a coordinator confirms.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::governance::kit_note::{self, KitNote};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::Query_;

pub struct KitRow {
    pub made: String,
    pub by: String,
    pub scope: String,
    pub recipients: String,
    pub replace: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/kit_note.html")]
pub struct KitNotePage {
    pub ctx: Ctx,
    pub kits: Vec<KitRow>,
    /// "Lösenfrasen byttes senast 2026-09-01 (bekräftat av Eva Ström)." or that it never was.
    pub changed: String,
    /// Someone who received a kit has left since: the warning.
    pub alert: Option<String>,
    /// Everyone deleted from the register since, with the date.
    pub departures: Vec<String>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

fn kit_rows(note: &KitNote, tr: &Tr) -> Vec<KitRow> {
    note.kits
        .iter()
        .map(|k| {
            let names = kit_note::recipients(k);
            KitRow {
                made: k.exported_at.shown_day(),
                by: k.exported_by.clone(),
                scope: k.scope_name.clone(),
                recipients: if names.is_empty() { tr.t("kit-note-no-recipients") } else { names.join(", ") },
                replace: note.to_replace(k),
            }
        })
        .collect()
}

fn texts(note: &KitNote, tr: &Tr) -> (String, Option<String>, Vec<String>) {
    let changed = match (note.rule.kit_passphrase_changed_at, &note.rule.kit_passphrase_changed_by) {
        (Some(d), Some(by)) => tr.args("kit-note-changed", &[("date", &d.to_string()), ("by", by)]),
        (Some(d), None) => tr.args("kit-note-changed", &[("date", &d.to_string()), ("by", "")]),
        _ => tr.t("kit-note-never-changed"),
    };
    let alert = note
        .latest_recipient_left()
        .map(|d| tr.args("kit-note-alert", &[("name", &d.name), ("date", &d.at.shown_day())]));
    let departures = note.departures.iter().map(|d| format!("{} {}", d.at.shown_day(), d.name)).collect();
    (changed, alert, departures)
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    errors: &Errors,
    q: &Query_,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let note = kit_note::load(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/governance/kit-dpia", String::new()).with_flash_query(q);
    ctx.title = ctx.tr.t("kit-note-title");
    if !errors.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let fields = vec![
        Field::new("changed_on", ctx.tr.t("kit-note-field-changed"), FieldKind::Date, form, errors, &ctx.tr)
            .required()
            .hint(ctx.tr.t("kit-note-hint-changed")),
    ];
    let (changed, alert, departures) = texts(&note, &ctx.tr);
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = KitNotePage {
        kits: kit_rows(&note, &ctx.tr),
        changed,
        alert,
        departures,
        error_summary: summary(&fields),
        fields,
        ctx,
    };
    Ok((status, page).into_response())
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let form = FormData::from_pairs(vec![("changed_on".into(), clock::today_text())]);
    page(&state, &user, &form, &Errors::default(), &q).await
}

pub async fn confirm_passphrase(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    match kit_note::check_date(form.text("changed_on")) {
        Ok(date) => {
            kit_note::confirm(&state.db, &user.actor(), date, &user.display_name).await?;
            Ok(Redirect::to("/governance/kit-dpia?msg=saved").into_response())
        }
        Err(found) => page(&state, &user, &form, &Errors::from(found), &Query_::new()).await,
    }
}
