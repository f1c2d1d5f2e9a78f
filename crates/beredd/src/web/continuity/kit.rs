//! The crisis kit's download page: choose units, give a passphrase (the page suggests one and
//! says how strong the typed one is), and the kit is made in the background: its job's page
//! follows it to the HTML file. The page lists the kits made with their
//! fingerprints, and which plans' kits are out of date.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::passphrase::Strength;
use beredd_domain::{FieldError, text};

use crate::platform::i18n::Tr;
use crate::services::continuity::kit;
use crate::store::{kits, plans};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, error_text, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::Query_;

pub struct PlanKitRow {
    pub id: i64,
    pub name: String,
    pub units: String,
    pub state: String,
    pub stale: bool,
}

pub struct KitRow {
    /// "Björkbackens särskilda boende, skapad 2026-11-24 10:00 av Anna Berg"
    pub made: String,
    /// The first twenty hex digits in groups of four, as the kit shows them; empty for a kit
    /// made before fingerprints were kept.
    pub short: String,
    pub fingerprint: String,
    pub file_sha256: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/kit.html")]
pub struct KitPage {
    pub ctx: Ctx,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub plans: Vec<PlanKitRow>,
    pub kits: Vec<KitRow>,
    /// A passphrase the server suggests, and the text that says how strong it is.
    pub suggestion: String,
    pub suggestion_intro: String,
    pub strength: StrengthHint,
}

/// What the hint beside the passphrase says.
#[derive(Template, WebTemplate)]
#[template(path = "continuity/_kit_strength.html")]
pub struct StrengthHint {
    /// "", "refused", "acceptable" or "strong".
    pub level: &'static str,
    pub text: String,
}

fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("units", tr.t("kit-field-units"), FieldKind::MultiCheck, form, errors, tr)
            .choices(lk.unit_choices(None))
            .hint(tr.t("kit-hint-units")),
        Field::new("passphrase", tr.t("kit-field-passphrase"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password")
            .hint(tr.t("kit-hint-passphrase")),
        Field::new("passphrase2", tr.t("kit-field-passphrase2"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password"),
        Field::new("max_age_days", tr.t("kit-field-max-age"), FieldKind::Number, form, errors, tr)
            .required()
            .hint(tr.t("kit-hint-max-age")),
        Field::new("recipients", tr.t("kit-field-recipients"), FieldKind::TextArea, form, errors, tr)
            .maxlength(2000)
            .hint(tr.t("kit-hint-recipients")),
    ]
}

fn strength(checked: Option<Result<Strength, FieldError>>, tr: &Tr) -> StrengthHint {
    match checked {
        None => StrengthHint { level: "", text: String::new() },
        Some(Err(e)) => {
            StrengthHint { level: "refused", text: tr.ts("kit-strength-refused", "why", &error_text(&e, tr)) }
        }
        Some(Ok(Strength::Acceptable)) => StrengthHint { level: "acceptable", text: tr.t("kit-strength-acceptable") },
        Some(Ok(Strength::Strong)) => StrengthHint { level: "strong", text: tr.t("kit-strength-strong") },
    }
}

async fn plan_rows(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Vec<PlanKitRow>, AppError> {
    let in_kits = kits::in_kits(&mut *conn, org).await?;
    let approved = plans::approved_all(&mut *conn, org).await?;
    let all = plans::list(conn, org).await?;
    Ok(all
        .into_iter()
        .filter_map(|p| {
            let a = approved.iter().find(|v| v.plan_id == p.id)?;
            let (state, stale) = match in_kits.iter().find(|k| k.plan_id == p.id) {
                None => (tr.t("kit-state-none"), true),
                Some(k) if k.version < a.number => (tr.tn("kit-state-stale", k.version), true),
                Some(k) => (tr.ts("kit-state-current", "date", &k.printed_at.shown_day()), false),
            };
            let units = p.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ");
            Some(PlanKitRow { id: p.id, units, name: p.name, state, stale })
        })
        .collect())
}

fn kit_row(k: kits::KitExport, tr: &Tr) -> KitRow {
    let at = k.exported_at.shown_minute();
    let made = tr.args("kit-made-line", &[("scope", &k.scope_name), ("at", &at), ("by", &k.exported_by)]);
    let fingerprint = k.fingerprint.unwrap_or_default();
    KitRow { made, short: kit::short(&fingerprint), fingerprint, file_sha256: k.file_sha256.unwrap_or_default() }
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
    let plans = plan_rows(&mut conn, user.org_id, &lk, &ctx.tr).await?;
    let kits = kits::recent(&mut *conn, user.org_id, 10).await?.into_iter().map(|k| kit_row(k, &ctx.tr)).collect();
    let strength = strength(errors.0.get("passphrase").cloned().map(Err), &ctx.tr);
    let suggestion_intro = ctx.tr.tn("kit-suggestion-intro", i64::from(kit::suggestion_bits()));
    Ok(KitPage { ctx, fields, error_summary, plans, kits, suggestion: kit::suggest(), suggestion_intro, strength })
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

/// The hint beside the passphrase, posted by htmx as one types: nothing is stored or logged.
pub async fn check_strength(State(state): State<AppState>, posted: Posted) -> Result<StrengthHint, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let rule = kit::Rule::load(&state.db.pool, user.org_id).await?;
    let pass = form.text("passphrase");
    Ok(strength((!pass.is_empty()).then(|| rule.check(pass)), &tr))
}

/// The form's fields, checked: the units, the passphrase (the rule and the repeat) and the age.
fn check(form: &FormData, lk: &Lookups, rule: &kit::Rule) -> (Vec<i64>, u32, Option<String>, Errors) {
    let mut e = Errors::default();
    let mut units = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|id| lk.unit(*id).is_some()) {
            Some(id) => units.push(id),
            None => e.add("units", FieldError::Missing),
        }
    }
    let pass = form.text("passphrase");
    if let Err(err) = rule.check(pass) {
        e.add("passphrase", err);
    } else if pass != form.text("passphrase2") {
        e.add("passphrase2", FieldError::PasswordMismatch);
    }
    let max_age = e.take(
        "max_age_days",
        text::optional_number(form.text("max_age_days"), 1, 365).and_then(|n| n.ok_or(FieldError::Required)),
    );
    let recipients = e.take("recipients", text::optional_text(form.text("recipients"), 2000));
    (units, max_age as u32, recipients, e)
}

pub async fn make(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let rule = kit::Rule::load(&state.db.pool, user.org_id).await?;
    let (units, max_age_days, recipients, e) = check(&form, &lk, &rule);
    if !e.is_empty() {
        // A refused form never sends the passphrase back.
        form.set("passphrase", "");
        form.set("passphrase2", "");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &form, &e).await?).into_response());
    }
    let scope = if units.is_empty() {
        tr.t("binder-whole-org")
    } else {
        units.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ")
    };
    // The passphrase goes into the job's memory only: its row holds the units' names.
    let passphrase = form.text("passphrase").to_owned();
    let by = user.display_name.clone();
    let order = kit::Order { units, passphrase, max_age_days, by, recipients, scope };
    let job = kit::start(&state.db, user.actor(), tr, order).await?;
    Ok(Redirect::to(&format!("/jobs/{job}")).into_response())
}
