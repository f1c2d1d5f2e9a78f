//! Thinning (gallring) of closed incidents: the organisation's rule (months and the decision it
//! follows) and what would be thinned today, for administrators and coordinators; the rule is
//! changed and the thinning done by an administrator. What happens is
//! `services::governance::retention`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::services::governance::retention::{self, Proposal};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::Query_;

/// A closed incident due for thinning, as the page lists it.
pub struct DueRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub closed: String,
    pub holds: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/retention.html")]
pub struct RetentionPage {
    pub ctx: Ctx,
    /// An administrator: may change the rule and thin.
    pub may_change: bool,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    /// "Avslutade incidenter gallras 24 månader efter att de avslutades, enligt beslut …"
    pub rule: String,
    pub cutoff: String,
    pub due: Vec<DueRow>,
    pub total: String,
    pub decision_missing: bool,
}

fn rows(p: &Proposal, tr: &Tr) -> Vec<DueRow> {
    p.due
        .iter()
        .map(|d| {
            let mut holds = vec![tr.tn("retention-holds-entries", d.entries)];
            if d.phones > 0 {
                holds.push(tr.tn("retention-holds-phones", d.phones));
            }
            if d.reached > 0 {
                holds.push(tr.tn("retention-holds-reached", d.reached));
            }
            if d.contacts > 0 {
                holds.push(tr.tn("retention-holds-contacts", d.contacts));
            }
            if d.participants.get() {
                holds.push(tr.t("retention-holds-participants"));
            }
            DueRow {
                id: d.id,
                title: d.title.clone(),
                kind: tr.t(if d.exercise.get() { "retention-kind-exercise" } else { "retention-kind-incident" }),
                closed: d.closed_at.shown_day(),
                holds: holds.join(", "),
            }
        })
        .collect()
}

/// The rule's form as stored.
fn stored(p: &Proposal) -> FormData {
    FormData::from_pairs(vec![
        ("retention_months".into(), p.rule.retention_months.to_string()),
        ("retention_decision".into(), p.rule.retention_decision.clone().unwrap_or_default()),
    ])
}

fn rule_fields(form: &FormData, errors: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("retention_months", tr.t("retention-field-months"), FieldKind::Number, form, errors, tr)
            .required()
            .hint(tr.t("retention-hint-months")),
        Field::new("retention_decision", tr.t("retention-field-decision"), FieldKind::Text, form, errors, tr)
            .maxlength(200)
            .hint(tr.t("retention-hint-decision")),
    ]
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: Option<FormData>,
    errors: Errors,
    q: &Query_,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let p = retention::proposal(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/governance/retention", String::new()).with_flash_query(q);
    ctx.title = ctx.tr.t("retention-title");
    if !errors.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    if let Some(n) = q.get("gallrade").and_then(|n| n.parse::<i64>().ok()) {
        ctx.flash = Some(ctx.tr.tn("retention-done-flash", n));
    }
    let tr = &ctx.tr;
    let fields = rule_fields(&form.unwrap_or_else(|| stored(&p)), &errors, tr);
    let decision = p.rule.retention_decision.clone().unwrap_or_else(|| tr.t("retention-no-decision"));
    let months = p.rule.retention_months.to_string();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = RetentionPage {
        may_change: user.role.manages_users(),
        error_summary: summary(&fields),
        fields,
        rule: tr.args("retention-rule", &[("months", &months), ("decision", &decision)]),
        cutoff: tr.ts("retention-cutoff", "date", &p.cutoff.to_string()),
        due: rows(&p, tr),
        total: format!(
            "{}, {}.",
            tr.tn("retention-total", p.due.len() as i64),
            tr.tn("retention-holds-entries", p.entries())
        ),
        decision_missing: p.rule.retention_decision.is_none(),
        ctx,
    };
    Ok((status, page).into_response())
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    page(&state, &user, None, Errors::default(), &q).await
}

pub async fn save_rule(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.manages_users())?;
    match retention::check_rule(form.text("retention_months"), form.text("retention_decision")) {
        Ok((months, decision)) => {
            retention::save_rule(&state.db, &user.actor(), months, decision.as_deref()).await?;
            Ok(Redirect::to("/governance/retention?msg=saved").into_response())
        }
        Err(found) => page(&state, &user, Some(form), Errors::from(found), &Query_::new()).await,
    }
}

pub async fn apply(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    user.require(user.role.manages_users())?;
    match retention::apply(&state.db, &user.actor(), &tr).await {
        Ok(done) => Ok(Redirect::to(&format!("/governance/retention?gallrade={}", done.entries)).into_response()),
        Err(Failure::Invalid(found)) => page(&state, &user, None, Errors::from(found), &Query_::new()).await,
        Err(e) => Err(e.into()),
    }
}
