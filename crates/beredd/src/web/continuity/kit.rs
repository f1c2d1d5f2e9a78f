//! The offline crisis kit's download page: choose units, give a passphrase, get one HTML file.
//! The page lists the kits made and which plans' kits are out of date.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use beredd_domain::{FieldError, text};

use crate::platform::i18n::Tr;
use crate::services::continuity::kit;
use crate::store::{audit, plans};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::Query_;

/// The shortest passphrase accepted: the kit may travel as an e-mail attachment.
use crate::services::continuity::kit::MIN_PASSPHRASE;

pub struct PlanKitRow {
    pub id: i64,
    pub name: String,
    pub units: String,
    pub state: String,
    pub stale: bool,
}

pub struct KitRow {
    pub scope: String,
    pub by: String,
    pub at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/kit.html")]
pub struct KitPage {
    pub ctx: Ctx,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub plans: Vec<PlanKitRow>,
    pub kits: Vec<KitRow>,
}

fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("units", tr.t("kit-field-units"), FieldKind::MultiCheck, form, errors, tr)
            .choices(lk.unit_choices(None))
            .hint(tr.t("kit-hint-units")),
        Field::new("passphrase", tr.t("kit-field-passphrase"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password")
            .hint(tr.tn("kit-hint-passphrase", MIN_PASSPHRASE as i64)),
        Field::new("passphrase2", tr.t("kit-field-passphrase2"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password"),
        Field::new("max_age_days", tr.t("kit-field-max-age"), FieldKind::Number, form, errors, tr)
            .required()
            .hint(tr.t("kit-hint-max-age")),
    ]
}

async fn page(state: &AppState, user: &CurrentUser, form: &FormData, errors: &Errors) -> Result<KitPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/kit", String::new());
    ctx.title = ctx.tr.t("kit-page-title");
    let fields = fields(form, errors, &lk, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let mut conn = state.db.pool.acquire().await?;
    let in_kits = plans::in_kits(&mut *conn, user.org_id).await?;
    let approved = plans::approved_all(&mut *conn, user.org_id).await?;
    let all = plans::list(&mut conn, user.org_id).await?;
    let tr = &ctx.tr;
    let plans = all
        .into_iter()
        .filter_map(|p| {
            let a = approved.iter().find(|v| v.plan_id == p.id)?;
            let k = in_kits.iter().find(|k| k.plan_id == p.id);
            let (state, stale) = match k {
                None => (tr.t("kit-state-none"), true),
                Some(k) if k.version < a.number => (tr.tn("kit-state-stale", k.version), true),
                Some(k) => {
                    (tr.ts("kit-state-current", "date", &crate::platform::clock::shown_day(&k.printed_at)), false)
                }
            };
            Some(PlanKitRow {
                id: p.id,
                units: p.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", "),
                name: p.name,
                state,
                stale,
            })
        })
        .collect();
    let kits = plans::kits(&mut *conn, user.org_id, 10)
        .await?
        .into_iter()
        .map(|k| KitRow {
            scope: k.scope_name,
            by: k.exported_by,
            at: crate::platform::clock::shown_minute(&k.exported_at),
        })
        .collect();
    Ok(KitPage { ctx, fields, error_summary, plans, kits })
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(_q): Query<Query_>,
) -> Result<KitPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut form = FormData::default();
    form.set("max_age_days", "30");
    page(&state, &user, &form, &Errors::default()).await
}

pub async fn make(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let mut units = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|id| lk.unit(*id).is_some()) {
            Some(id) => units.push(id),
            None => e.add("units", FieldError::Missing),
        }
    }
    let pass = form.text("passphrase").to_owned();
    if pass.chars().count() < MIN_PASSPHRASE {
        e.add("passphrase", FieldError::TooShort { min: MIN_PASSPHRASE });
    } else if pass != form.text("passphrase2") {
        e.add("passphrase2", FieldError::PasswordMismatch);
    }
    let max_age = e.take(
        "max_age_days",
        text::optional_number(form.text("max_age_days"), 1, 365).and_then(|n| n.ok_or(FieldError::Required)),
    );
    if !e.is_empty() {
        // A refused form never sends the passphrase back.
        form.set("passphrase", "");
        form.set("passphrase2", "");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &form, &e).await?).into_response());
    }
    let today = crate::platform::clock::today_text();
    let content = kit::content(&state.db.pool, &tr, user.org_id, &units, &user.display_name, &today)
        .await?
        .ok_or(AppError::NotFound)?;
    let tr2 = tr.clone();
    let exported = today.clone();
    let (content, sealed) = tokio::task::spawn_blocking(move || {
        let sealed = kit::seal(&content, &pass, &tr2, &exported, max_age as u32, kit::ITERATIONS);
        (content, sealed)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    let id = plans::record_kit(
        &mut tx,
        user.org_id,
        &sealed.kit_id,
        &content.scope_name,
        max_age,
        &user.display_name,
        &content.plans,
    )
    .await?;
    let record = serde_json::json!({ "scope": content.scope_name, "plans": content.plans, "kit_id": sealed.kit_id, "max_age_days": max_age });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "export",
            entity: "kit",
            entity_id: Some(id),
            summary: &content.scope_name,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    let name = format!("krislada-{}-{today}.html", text::file_stem(&content.scope_name));
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        sealed.html,
    )
        .into_response())
}
