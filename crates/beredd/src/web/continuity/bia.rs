//! The business impact analysis of one activity: edit, save (audited) and sign off.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, bia as rules, text};

use crate::platform::i18n::Tr;
use crate::services::continuity::bia as services;
use crate::store::{activities, bia};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{FormPage, parse_id};

/// Suffixes of the checkpoints (`beredd_domain::bia::CHECKPOINT_HOURS`), as in the columns and
/// the Fluent ids.
pub const CHECKPOINTS: [&str; bia::CHECKPOINTS] = ["1h", "4h", "1d", "3d", "1w", "1m"];
const MAX_HOURS: i64 = 24 * 366;

pub fn level_choices(tr: &Tr) -> Vec<Choice> {
    std::iter::once(Choice { value: String::new(), label: tr.t("level-none"), depth: 0 })
        .chain((0..=4).map(|l| Choice { value: l.to_string(), label: tr.t(&format!("level-{l}")), depth: 0 }))
        .collect()
}

/// "72 timmar (3 dygn)": hours with the larger unit when it helps.
pub fn hours_text(h: i64, tr: &Tr) -> String {
    let base = tr.tn("hours", h);
    if h >= 48 && h % 24 == 0 { format!("{base} ({})", tr.tn("days", h / 24)) } else { base }
}

fn values(b: &bia::Bia) -> FormData {
    let n = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut f = FormData::from_pairs(vec![
        ("mtpd_hours".into(), n(b.mtpd_hours)),
        ("rto_hours".into(), n(b.rto_hours)),
        ("rpo_hours".into(), n(b.rpo_hours)),
        ("peak_periods".into(), b.peak_periods.clone().unwrap_or_default()),
        ("min_staffing".into(), b.min_staffing.clone().unwrap_or_default()),
    ]);
    for i in 0..CHECKPOINTS.len() {
        f.set(LEVEL_FIELDS[i], n(b.levels()[i].map(i64::from)));
        f.set(TEXT_FIELDS[i], b.texts()[i].unwrap_or_default());
    }
    f
}

const LEVEL_FIELDS: [&str; bia::CHECKPOINTS] = ["level_1h", "level_4h", "level_1d", "level_3d", "level_1w", "level_1m"];
const TEXT_FIELDS: [&str; bia::CHECKPOINTS] = ["text_1h", "text_4h", "text_1d", "text_3d", "text_1w", "text_1m"];

fn fields(form: &FormData, errors: &Errors, tr: &Tr) -> Vec<Field> {
    let mut f = vec![
        Field::new("mtpd_hours", tr.t("field-mtpd"), FieldKind::Number, form, errors, tr).hint(tr.t("hint-mtpd")),
        Field::new("rto_hours", tr.t("field-rto"), FieldKind::Number, form, errors, tr).hint(tr.t("hint-rto")),
        Field::new("rpo_hours", tr.t("field-rpo"), FieldKind::Number, form, errors, tr).hint(tr.t("hint-rpo")),
    ];
    for (i, c) in CHECKPOINTS.iter().enumerate() {
        let level = Field::new(LEVEL_FIELDS[i], tr.t(&format!("field-level-{c}")), FieldKind::Select, form, errors, tr)
            .choices(level_choices(tr));
        // An empty level counts as the one before it (`beredd_domain::bia::consequence_at`).
        f.push(if i == 0 { level } else { level.hint(tr.t("hint-bia-level-same")) });
        f.push(
            Field::new(TEXT_FIELDS[i], tr.t(&format!("field-text-{c}")), FieldKind::TextArea, form, errors, tr)
                .maxlength(2000),
        );
    }
    f.push(
        Field::new("peak_periods", tr.t("field-peak-periods"), FieldKind::TextArea, form, errors, tr)
            .maxlength(2000)
            .hint(tr.t("hint-peak-periods")),
    );
    f.push(
        Field::new("min_staffing", tr.t("field-min-staffing"), FieldKind::TextArea, form, errors, tr).maxlength(2000),
    );
    f
}

fn parse(form: &FormData) -> Result<bia::BiaInput, Errors> {
    let mut e = Errors::default();
    let mtpd = e.take("mtpd_hours", text::optional_number(form.text("mtpd_hours"), 1, MAX_HOURS));
    let rto = e.take("rto_hours", text::optional_number(form.text("rto_hours"), 0, MAX_HOURS));
    let rpo = e.take("rpo_hours", text::optional_number(form.text("rpo_hours"), 0, MAX_HOURS));
    let hours = |v: Option<i64>| v.and_then(|h| u32::try_from(h).ok());
    if !rules::rto_fits(hours(rto), hours(mtpd)) {
        e.add("rto_hours", FieldError::RtoNotBelowMtpd);
    }
    let mut input = bia::BiaInput { mtpd_hours: mtpd, rto_hours: rto, rpo_hours: rpo, ..Default::default() };
    for i in 0..bia::CHECKPOINTS {
        let raw = form.text(LEVEL_FIELDS[i]);
        input.levels[i] = if raw.trim().is_empty() {
            None
        } else {
            e.take(
                LEVEL_FIELDS[i],
                raw.trim()
                    .parse::<i64>()
                    .map_err(|_| FieldError::Number { min: 0, max: 4 })
                    .and_then(rules::level)
                    .map(|l| Some(i64::from(l))),
            )
        };
        input.texts[i] = e.take(TEXT_FIELDS[i], text::optional_text(form.text(TEXT_FIELDS[i]), 2000));
    }
    input.peak_periods = e.take("peak_periods", text::optional_text(form.text("peak_periods"), 2000));
    input.min_staffing = e.take("min_staffing", text::optional_text(form.text("min_staffing"), 2000));
    if e.is_empty() { Ok(input) } else { Err(e) }
}

/// The activity, if the user may change what belongs to its unit.
async fn editable(state: &AppState, user: &CurrentUser, id: &str) -> Result<activities::Activity, AppError> {
    let id = parse_id(id)?;
    let mut conn = state.db.pool.acquire().await?;
    let activity = activities::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let lk = Lookups::load(&state.db, user.org_id).await?;
    user.require(lk.may_edit_unit(user, activity.unit_id))?;
    Ok(activity)
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    activity: &activities::Activity,
    form: &FormData,
    errors: &Errors,
) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/activities", String::new());
    ctx.title = ctx.tr.ts("bia-title", "name", &activity.name);
    let fields = fields(form, errors, &ctx.tr);
    FormPage::new(ctx, format!("/activities/{}/bia", activity.id), format!("/activities/{}", activity.id), fields)
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<FormPage, AppError> {
    let activity = editable(&state, &user, &id).await?;
    let existing = bia::get(&state.db.pool, user.org_id, activity.id).await?.unwrap_or_default();
    Ok(page(&state, &user, &activity, &values(&existing), &Errors::default()))
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let activity = editable(&state, &user, &id).await?;
    let input = match parse(&form) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(
                (StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &activity, &form, &errors)).into_response()
            );
        }
    };
    services::save(&state.db, &user.actor(), &activity, &input).await?;
    Ok(Redirect::to(&format!("/activities/{}?msg=saved", activity.id)).into_response())
}

pub async fn sign_off(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    let activity = editable(&state, &user, &id).await?;
    services::sign_off(&state.db, &user.actor(), &activity, &user.display_name).await?;
    Ok(Redirect::to(&format!("/activities/{}?msg=saved", activity.id)).into_response())
}
