//! Continuity plans: the list, a new plan from a template, the plan page (approving and
//! deleting), editing the draft, the versions and the diff between two of them, and the printed
//! binder. This module holds what the pages share.

pub mod approval;
pub mod diff;
pub mod edit;
pub mod edit_content;
pub mod edit_rows;
pub mod edit_views;
pub mod list;
pub mod new;
pub mod printing;
pub mod show;

use crate::content::plan_templates::step_parts;
use crate::platform::i18n::Tr;
use crate::services::continuity::binder::{self, Scope};
use crate::services::continuity::plans::{self as builder, Registers, Standing, standings};
use crate::store::plans;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::plan::{
    self, CallEntry, Checklist, Communication, DiffLine, ExternalContact, Hotline, PlanContent, RoutinePlan,
};
use beredd_domain::{FieldError, text};

fn date_part(s: Option<crate::platform::clock::Stamp>) -> String {
    s.map(|at| at.shown_day()).unwrap_or_default()
}

/// Whether the user may change this plan: coordinators and admins, and unit managers when every
/// unit of the plan is in their scope.
fn may_edit(user: &CurrentUser, lk: &Lookups, units: &[i64]) -> bool {
    user.role.edits_all_content() || (!units.is_empty() && units.iter().all(|u| lk.may_edit_unit(user, *u)))
}

fn unit_names(lk: &Lookups, ids: &[i64]) -> String {
    ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ")
}

pub fn status_text(tr: &Tr, s: &Standing) -> String {
    match (&s.approved, s.has_draft()) {
        (Some(a), true) => format!("{} · {}", tr.tn("plan-status-approved", a.number), tr.t("plan-status-draft-open")),
        (Some(a), false) => tr.tn("plan-status-approved", a.number),
        (None, _) => tr.t("plan-status-draft"),
    }
}

pub fn binder_text(tr: &Tr, s: &Standing) -> String {
    match (&s.approved, &s.printed) {
        (None, _) => String::new(),
        (Some(_), None) => tr.t("plan-binder-never"),
        (Some(a), Some(p)) if p.version < a.number => tr.tn("plan-binder-stale", p.version),
        (Some(_), Some(p)) => tr.ts("plan-binder-current", "date", &p.printed_at.shown_day()),
    }
}

fn parse_units(form: &FormData, lk: &Lookups, user: &CurrentUser, e: &mut Errors) -> Vec<i64> {
    let mut units = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|id| lk.unit(*id).is_some()) {
            Some(id) if lk.may_edit_unit(user, id) => units.push(id),
            Some(_) => e.add("units", FieldError::Choice),
            None => e.add("units", FieldError::Missing),
        }
    }
    if units.is_empty() {
        e.add("units", FieldError::Required);
    }
    units.sort();
    units.dedup();
    units
}

pub fn gap_texts(tr: &Tr, c: &PlanContent) -> Vec<String> {
    c.gaps().iter().map(|g| gap_text(tr, g)).collect()
}

fn gap_text(tr: &Tr, g: &plan::Gap) -> String {
    match g {
        plan::Gap::RoutineIncomplete(a) => tr.ts(g.message_id(), "activity", a),
        g => tr.t(g.message_id()),
    }
}
