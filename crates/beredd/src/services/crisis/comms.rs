//! Communication during an incident: hotlines, prepared messages, media questions and the reports
//! to authorities, each written with its entry in the incident's log.

use beredd_domain::reporting::Duty;
use beredd_domain::{LogKind, StaffRole};

use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::store::incidents::{self, NewEntry, NewMessage, RosterRow};

/// Who writes, in whose organisation, to which incident.
pub struct Writer<'a> {
    pub db: &'a Db,
    pub org: i64,
    pub incident: incidents::Key,
    pub by: &'a str,
}

/// Writes one entry to the incident's log and commits with the change made in `tx`.
pub async fn log_and_commit(
    w: &Writer<'_>,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    kind: LogKind,
    text: String,
) -> Result<(), Failure> {
    let entry = NewEntry::web(kind, text, w.by);
    incidents::append(&mut tx, &w.db.keys, w.org, w.incident, entry, w.by).await?;
    tx.commit().await?;
    Ok(())
}

/// A hotline for citizens: its number, opening hours and who answers.
pub async fn add_hotline(
    w: &Writer<'_>,
    tr: &Tr,
    number: &str,
    hours: Option<&str>,
    answered_by: &str,
) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    incidents::add_hotline(&mut *tx, w.incident, number, hours, answered_by).await?;
    let text = tr.ts("comms-log-hotline", "what", &format!("{number} ({answered_by})"));
    log_and_commit(w, tx, LogKind::Information, text).await
}

/// A message as published with its approver, or (`draft`) as a draft nobody has approved yet.
pub async fn add_message(
    w: &Writer<'_>,
    tr: &Tr,
    channel: beredd_domain::Channel,
    text: &str,
    approved: &str,
    draft: bool,
) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    let at = clock::stamp();
    let m = NewMessage { channel, text, approved_by: approved, by: w.by, at: &at };
    incidents::add_message(&mut *tx, w.incident, &m).await?;
    let what = if draft {
        format!("{} ({}): {text}", tr.t(channel.label_id()), tr.t("comms-draft-marker"))
    } else {
        format!("{} ({}, {}): {text}", tr.t(channel.label_id()), tr.t("comms-approved-by"), approved)
    };
    let log = tr.ts(if draft { "comms-log-draft" } else { "comms-log-message" }, "what", &what);
    log_and_commit(w, tx, LogKind::Information, log).await
}

/// Approves a draft: it is published now, with the writer as its approver.
pub async fn approve_message(w: &Writer<'_>, tr: &Tr, message: i64) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    if !incidents::approve_message(&mut *tx, w.incident, message, w.by).await? {
        return Err(Failure::NotFound);
    }
    let log = tr.args("comms-log-approved", &[("n", &message.to_string()), ("who", w.by)]);
    log_and_commit(w, tx, LogKind::Information, log).await
}

/// A media question, routed to whoever answers media (see [`route_media`]).
pub async fn add_media(
    w: &Writer<'_>,
    tr: &Tr,
    outlet: &str,
    contact: Option<&str>,
    question: &str,
) -> Result<(), Failure> {
    let roster = incidents::roster(&w.db.pool, w.incident).await?;
    let routed = route_media(&roster).unwrap_or_else(|| tr.t("comms-no-spokesperson"));
    let mut tx = w.db.begin_write().await?;
    incidents::add_media(&mut *tx, w.incident, outlet, contact, question, &routed).await?;
    let text = tr.ts("comms-log-media", "what", &format!("{outlet} → {routed}: {question}"));
    log_and_commit(w, tx, LogKind::Information, text).await
}

/// A media question answered.
pub async fn answer_media(w: &Writer<'_>, tr: &Tr, question: i64) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    if !incidents::answer_media(&mut *tx, w.incident, question, w.by).await? {
        return Err(Failure::NotFound);
    }
    log_and_commit(w, tx, LogKind::Information, tr.tn("comms-log-media-answered", question)).await
}

/// A report to an authority recorded as sent, with the text sent; `false` when it was already sent.
pub async fn record_report(
    w: &Writer<'_>,
    tr: &Tr,
    duty: Duty,
    reference: Option<&str>,
    body: &str,
) -> Result<bool, Failure> {
    let mut tx = w.db.begin_write().await?;
    if !incidents::record_report(&mut *tx, w.incident, duty.code(), &clock::stamp(), w.by, reference, body).await? {
        return Ok(false);
    }
    let text = tr.ts(
        "comms-log-report",
        "what",
        &format!("{}{}", tr.t(duty.label_id()), reference.map(|r| format!(" ({r})")).unwrap_or_default()),
    );
    log_and_commit(w, tx, LogKind::Information, text).await?;
    Ok(true)
}

/// The municipality's diarienummer for the incident (none clears it).
pub async fn set_diarienummer(w: &Writer<'_>, tr: &Tr, value: Option<&str>) -> Result<(), Failure> {
    let mut tx = w.db.begin_write().await?;
    incidents::set_diarienummer(&mut *tx, w.org, w.incident.id(), value).await?;
    let text = tr.ts("incident-log-diarienummer", "n", value.unwrap_or("–"));
    log_and_commit(w, tx, LogKind::Information, text).await
}

/// Who a media question goes to: the spokesperson on duty, else any spokesperson, else the crisis
/// leader, as "name, phone"; `None` when the roster has none of them.
pub fn route_media(roster: &[RosterRow]) -> Option<String> {
    let pick =
        |role: StaffRole, duty: bool| roster.iter().find(|r| r.role == role.code() && (!duty || r.on_duty.get()));
    pick(StaffRole::Spokesperson, true)
        .or_else(|| pick(StaffRole::Spokesperson, false))
        .or_else(|| pick(StaffRole::CrisisLeader, false))
        .map(|r| format!("{}{}", r.name, r.phone.as_deref().map(|p| format!(", {p}")).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Flag;

    fn row(id: i64, role: StaffRole, name: &str, phone: Option<&str>, on_duty: bool) -> RosterRow {
        RosterRow {
            id,
            role: role.code().to_owned(),
            name: name.into(),
            phone: phone.map(str::to_owned),
            area: None,
            on_duty: Flag(on_duty),
        }
    }

    #[test]
    fn a_media_question_goes_to_the_spokesperson_on_duty_else_any_else_the_crisis_leader() {
        let leader = row(1, StaffRole::CrisisLeader, "Lena", Some("070-1"), true);
        let off = row(2, StaffRole::Spokesperson, "Per", None, false);
        let on = row(3, StaffRole::Spokesperson, "Sara", Some("070-3"), true);
        assert_eq!(route_media(&[leader.clone(), off.clone(), on]).as_deref(), Some("Sara, 070-3"));
        assert_eq!(route_media(&[leader.clone(), off]).as_deref(), Some("Per"));
        assert_eq!(route_media(std::slice::from_ref(&leader)).as_deref(), Some("Lena, 070-1"));
        assert_eq!(route_media(&[]), None);
    }
}
