//! Reporting duties during an incident: which apply (flags), their deadlines counted from
//! discovery, a draft report from the log and the roster, and each report recorded as sent.

use crate::platform::i18n::Tr;
use crate::store::incidents::{self};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, FormData};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use beredd_domain::reporting::Duty;
use beredd_domain::{LogKind, StaffRole, text};

use super::comms::*;
use super::*;

pub(super) fn secs(t: &str) -> Option<i64> {
    time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok().map(|t| t.unix_timestamp())
}

pub(super) fn stamp(s: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(s)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .map(|t| crate::platform::clock::shown_minute(&t))
        .unwrap_or_default()
}

pub(super) fn span(tr: &Tr, s: i64) -> String {
    let (h, m) = (s / 3600, (s % 3600) / 60);
    tr.ts("duration-hm", "hm", &format!("{h} h {m} min"))
}

pub struct ClockView {
    pub code: &'static str,
    pub name: String,
    pub deadline: String,
    pub state: String,
    /// "state-working", "state-degraded" or "state-down".
    pub class: &'static str,
    pub sent: bool,
    pub body: String,
    pub reference: String,
}

/// The draft of a report: what the log says, in the order an authority asks for it.
pub(super) fn draft(tr: &Tr, h: &Head, log: &[incidents::LogRow], roster: &[incidents::RosterRow]) -> String {
    let mut out = vec![
        h.i.title.clone(),
        format!("{}: {}", tr.t("incident-field-discovered"), crate::platform::clock::shown_minute(&h.i.discovered_at)),
    ];
    out.push(format!("{}: {}", tr.t("incident-field-units"), h.units));
    if let Some(w) = &h.i.what_happened {
        out.push(format!("{}: {w}", tr.t("incident-field-what")));
    }
    let line = |r: &incidents::LogRow| {
        format!("- {} {}", crate::platform::clock::shown_minute(&r.entry.occurred_at), r.entry.text)
    };
    let decisions: Vec<String> = log
        .iter()
        .filter(|r| r.entry.kind == "decision")
        .map(|r| format!("{} ({})", line(r), r.entry.decided_by.clone().unwrap_or_default()))
        .collect();
    if !decisions.is_empty() {
        out.push(String::new());
        out.push(tr.t("report-decisions"));
        out.extend(decisions);
    }
    let events: Vec<String> = log
        .iter()
        .filter(|r| matches!(r.entry.kind.as_str(), "event" | "information" | "task" | "correction"))
        .map(line)
        .collect();
    if !events.is_empty() {
        out.push(String::new());
        out.push(tr.t("report-events"));
        out.extend(events);
    }
    if let Some(c) = roster.iter().find(|r| r.role == StaffRole::CrisisLeader.code()) {
        out.push(String::new());
        out.push(format!(
            "{}: {}{}",
            tr.t("report-contact"),
            c.name,
            c.phone.as_deref().map(|p| format!(", {p}")).unwrap_or_default()
        ));
    }
    out.join("\n")
}

pub async fn flags(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let (sig, pd) = (form.checked("significant"), form.checked("personal_data"));
    let mut tx = state.db.begin_write().await?;
    incidents::set_flags(&mut *tx, user.org_id, h.i.id, sig, pd).await?;
    let yes_no = |b: bool| tr.t(if b { "yes" } else { "no" });
    let text =
        format!("{}: {}. {}: {}.", tr.t("comms-significant"), yes_no(sig), tr.t("comms-personal-data"), yes_no(pd));
    log_and_commit(&state, &user, tx, h.i.id, LogKind::Decision, text).await?;
    Ok(back(h.i.id))
}

pub async fn report(
    State(state): State<AppState>,
    Path((id, duty)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let duty = Duty::parse(&duty).ok_or(AppError::NotFound)?;
    if !duty.applies(h.i.significant.get(), h.i.personal_data.get(), h.i.exercise.get()) {
        return Err(AppError::BadRequest("this duty does not apply"));
    }
    let body =
        text::optional_text(form.text("body"), 20_000).ok().flatten().ok_or(AppError::BadRequest("empty report"))?;
    let reference =
        text::optional_line(form.text("reference"), 200).map_err(|_| AppError::BadRequest("bad reference"))?;
    let mut tx = state.db.begin_write().await?;
    if !incidents::record_report(
        &mut *tx,
        h.i.id,
        duty.code(),
        &crate::platform::clock::stamp(),
        &user.display_name,
        reference.as_deref(),
        &body,
    )
    .await?
    {
        return Err(AppError::BadRequest("already sent"));
    }
    let text = tr.ts(
        "comms-log-report",
        "what",
        &format!("{}{}", tr.t(duty.label_id()), reference.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()),
    );
    log_and_commit(&state, &user, tx, h.i.id, LogKind::Information, text).await?;
    Ok(back(h.i.id))
}

pub(super) async fn refuse(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<Response, AppError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page(state, user, id, form, e).await?).into_response())
}
