//! Risk analysis: analyses as events covering the organisation, a unit, a system or an activity,
//! with their risks rated on the organisation's scales before and after the existing measures,
//! the information assets each touches, an owner and a decision. This module holds the forms the
//! pages share.

pub mod analyses;
pub mod entries;
pub mod register;
pub mod scales;

use crate::platform::i18n::Tr;
use crate::services::risks::{Scales, scales};
use crate::store::{activities, assets, risks, systems};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::risk::{self, RiskDecision};
use beredd_domain::{FieldError, text};

fn scale_choices(s: &Scales, kind: risk::Axis) -> Vec<Choice> {
    (1..=s.steps(kind)).map(|n| Choice { value: n.to_string(), label: s.label(kind, i64::from(n)), depth: 0 }).collect()
}

/// Where an analysis can point: the whole organisation, a unit, a system or an activity.
async fn scope_choices(state: &AppState, org: i64, lk: &Lookups, tr: &Tr) -> Result<Vec<Choice>, AppError> {
    use beredd_domain::RiskScope;
    let mut c = vec![Choice { value: RiskScope::Org.code().into(), label: tr.t(RiskScope::Org.label_id()), depth: 0 }];
    c.extend(lk.unit_choices(None).into_iter().map(|u| Choice {
        value: format!("unit:{}", u.value),
        label: format!("{}: {}", tr.t(RiskScope::Unit.label_id()), u.label),
        depth: 0,
    }));
    c.extend(systems::list(&state.db.pool, org).await?.into_iter().map(|s| Choice {
        value: format!("system:{}", s.id),
        label: format!("{}: {}", tr.t(RiskScope::System.label_id()), s.name),
        depth: 0,
    }));
    c.extend(activities::list(&state.db.pool, org).await?.into_iter().map(|a| Choice {
        value: format!("activity:{}", a.id),
        label: format!("{}: {}", tr.t(RiskScope::Activity.label_id()), a.name),
        depth: 0,
    }));
    Ok(c)
}

fn analysis_fields(form: &FormData, e: &Errors, scopes: Vec<Choice>, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("a_title", tr.t("risk-analysis-title-field"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200),
        Field::new("a_scope_ref", tr.t("risk-analysis-scope"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scopes),
        Field::new("a_scope", tr.t("risk-analysis-scope-text"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("risk-analysis-scope-hint")),
        Field::new("a_held_on", tr.t("risk-analysis-held-on"), FieldKind::Date, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("a_participants", tr.t("incident-field-participants"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000),
        Field::new("a_method", tr.t("risk-analysis-method"), FieldKind::TextArea, form, e, tr).maxlength(4000),
    ]
}

/// The four steps on the scales: likelihood and consequence, before and after the measures.
fn step_fields(form: &FormData, e: &Errors, s: &Scales, tr: &Tr) -> [Field; 4] {
    let step = |name: &str, label: &str, kind: risk::Axis| {
        Field::new(name, tr.t(label), FieldKind::Select, form, e, tr).required().choices(scale_choices(s, kind))
    };
    [
        step("likelihood", "risk-likelihood", risk::Axis::Likelihood),
        step("consequence", "risk-consequence", risk::Axis::Consequence),
        step("residual_likelihood", "risk-residual-likelihood", risk::Axis::Likelihood),
        step("residual_consequence", "risk-residual-consequence", risk::Axis::Consequence),
    ]
}

fn risk_fields(
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    all_assets: &[assets::Asset],
    s: &Scales,
    tr: &Tr,
) -> Vec<Field> {
    let decisions = vocabulary_choices(RiskDecision::ALL, RiskDecision::code, RiskDecision::label_id, tr);
    let mut f = vec![
        Field::new("threat", tr.t("risk-threat"), FieldKind::Text, form, e, tr).required().maxlength(300),
        Field::new("vulnerability", tr.t("risk-vulnerability"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("consequence_text", tr.t("risk-consequence-text"), FieldKind::TextArea, form, e, tr).maxlength(2000),
    ];
    if !all_assets.is_empty() {
        f.push(Field::new("assets", tr.t("risk-assets"), FieldKind::MultiCheck, form, e, tr).choices(
            all_assets.iter().map(|a| Choice { value: a.id.to_string(), label: a.name.clone(), depth: 0 }).collect(),
        ));
    }
    let [likelihood, consequence, residual_likelihood, residual_consequence] = step_fields(form, e, s, tr);
    f.extend([
        likelihood,
        consequence,
        Field::new("measures", tr.t("risk-measures"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        residual_likelihood,
        residual_consequence,
        Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("decision", tr.t("risk-decision"), FieldKind::Select, form, e, tr).required().choices(decisions),
        Field::new("due", tr.t("field-due-date"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("risk-hint-due")),
    ]);
    f
}

fn defaults() -> FormData {
    let mut f = FormData::default();
    for k in ["likelihood", "consequence", "residual_likelihood", "residual_consequence"] {
        f.set(k, "2");
    }
    f.set("decision", "treat");
    f.set("a_scope_ref", "org");
    f.set("a_held_on", crate::platform::clock::today_text());
    f
}
