//! Reporting during an incident: the decisions that start and stop the clocks, where each duty
//! stands, the nearest deadline, and recording a new decision (log entry and all).

use beredd_domain::reporting::{self, AssessmentKind, Clock, Due, Duty, Facts, Outcome};

use crate::platform::clock;
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::store::incidents::{self, Assessment, Incident, LogRow, NewAssessment, Report};

/// Swedish time, in which a month is counted.
pub struct Sweden;

impl reporting::Zone for Sweden {
    fn offset(&self, utc: i64) -> i64 {
        clock::swedish_offset(utc)
    }
}

/// Seconds since 1970 of a stored time.
pub fn secs(stored: &str) -> Option<i64> {
    time::OffsetDateTime::parse(stored, &time::format_description::well_known::Rfc3339).ok().map(|t| t.unix_timestamp())
}

/// The instant of seconds since 1970 (a deadline the clocks count), as a stamp; 1970 itself for
/// seconds past year 9999.
pub fn stored(secs: i64) -> clock::Stamp {
    time::OffsetDateTime::from_unix_timestamp(secs).map(clock::Stamp::from_instant).unwrap_or_default()
}

/// One duty as it stands.
pub struct DutyState {
    pub duty: Duty,
    pub due: Due,
    pub clock: Clock,
    pub report: Option<Report>,
}

/// Everything reporting knows of one incident.
pub struct Reporting {
    pub facts: Facts,
    pub duties: Vec<DutyState>,
    pub assessments: Vec<Assessment>,
    pub reports: Vec<Report>,
}

impl Reporting {
    /// The decision in force of a kind: the latest.
    pub fn latest(&self, kind: AssessmentKind) -> Option<&Assessment> {
        self.assessments.iter().rev().find(|a| a.kind == kind)
    }

    /// The nearest deadline of a duty not yet reported.
    pub fn nearest(&self) -> Option<(Duty, i64)> {
        let sent = |d: Duty| self.reports.iter().any(|r| r.duty == d.code());
        reporting::nearest(&self.facts, &Sweden, sent)
    }
}

/// What the clocks count from: the incident's decisions and the reports sent.
pub fn facts(i: &Incident, assessments: &[Assessment], reports: &[Report], now: i64) -> Facts {
    let sent = |d: Duty| reports.iter().find(|r| r.duty == d.code()).map(|r| r.sent_at.unix());
    Facts {
        aware: secs(&i.discovered_at).unwrap_or(now),
        significant: i.significant.get(),
        breach: i.personal_data.get(),
        exercise: i.exercise.get(),
        notification_sent: sent(Duty::Nis2Notification),
        handled: i.handled_at.map(|t| t.unix()),
        interim_requested: assessments
            .iter()
            .rev()
            .find(|a| a.kind == AssessmentKind::InterimRequest)
            .and_then(|a| a.at.map(|t| t.unix())),
        now,
    }
}

pub async fn load(conn: &mut sqlx::AnyConnection, i: &Incident) -> Result<Reporting, DbError> {
    let assessments = incidents::assessments(&mut *conn, i.key()).await?;
    let reports = incidents::reports(&mut *conn, i.key()).await?;
    let facts = facts(i, &assessments, &reports, clock::now().unix_timestamp());
    let duties = Duty::ALL
        .iter()
        .filter(|d| d.applies(&facts, &Sweden) || reports.iter().any(|r| r.duty == d.code()))
        .map(|d| {
            let report = reports.iter().find(|r| r.duty == d.code()).cloned();
            let due = d.due(&facts, &Sweden);
            let clock = reporting::clock(due, report.as_ref().map(|r| r.sent_at.unix()), facts.now);
            DutyState { duty: *d, due, clock, report }
        })
        .collect();
    Ok(Reporting { facts, duties, assessments, reports })
}

/// The words of a decision's outcome, e.g. "Betydande incident" or, for a timed one, its time.
pub fn outcome_text(tr: &Tr, kind: AssessmentKind, outcome: Option<Outcome>, at: Option<clock::Stamp>) -> String {
    match at {
        Some(at) if kind.timed() => {
            tr.ts(&kind.outcome_id(None), "at", &format!("{} {}", at.shown_minute(), tr.t("swedish-time")))
        }
        _ => tr.t(&kind.outcome_id(outcome)),
    }
}

/// Records a decision: the log entry (a decision with who and on what grounds), the decision
/// itself, and the incident's clock columns, in one transaction.
pub async fn assess(
    conn: &mut sqlx::AnyConnection,
    keys: &crate::platform::keys::Keyring,
    tr: &Tr,
    org: i64,
    i: &Incident,
    a: &NewAssessment<'_>,
    recorded_by: &str,
) -> Result<LogRow, DbError> {
    let mut text = format!("{}: {}", tr.t(a.kind.label_id()), outcome_text(tr, a.kind, a.outcome, a.at));
    if let Some(r) = a.reference {
        text.push_str(&format!(" ({}: {r})", tr.t("assessment-reference")));
    }
    incidents::assess(conn, keys, org, i.key(), a, text, recorded_by).await
}

/// Records a decision (see [`assess`]) in a write transaction of its own.
pub async fn record_assessment(
    db: &crate::platform::db::Db,
    tr: &Tr,
    org: i64,
    i: &Incident,
    a: &NewAssessment<'_>,
    recorded_by: &str,
) -> Result<(), crate::services::Failure> {
    let mut tx = db.begin_write().await?;
    assess(&mut tx, &db.keys, tr, org, i, a, recorded_by).await?;
    tx.commit().await?;
    Ok(())
}

/// An incident going on (not an exercise) and its nearest reporting deadline, for the banner
/// crisis staff see on every page.
#[derive(Debug, Clone)]
pub struct Running {
    pub id: i64,
    pub title: String,
    pub nearest: Option<(Duty, i64)>,
}

/// The organisation's incidents going on, newest first, each with its nearest deadline.
pub async fn running(conn: &mut sqlx::AnyConnection, org: i64) -> Result<Vec<Running>, DbError> {
    let mut out = Vec::new();
    for i in incidents::active(&mut *conn, org).await? {
        let r = load(&mut *conn, &i).await?;
        out.push(Running { id: i.id, title: i.title.clone(), nearest: r.nearest() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_and_seconds_go_back_and_forth() {
        assert_eq!(secs("2026-11-23T07:10:00Z"), Some(1_795_417_800));
        assert_eq!(stored(1_795_417_800).to_string(), "2026-11-23T07:10:00Z");
        assert_eq!(secs("igår"), None);
    }
}
