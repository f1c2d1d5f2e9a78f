//! The judgements an incident calls for, each a decision written to the log and kept here with
//! the log entry's number; the latest of a kind is in force, and the incident's own columns that
//! the clocks read (kännedom, significant, breach, handled) follow it.

use super::*;
use beredd_domain::reporting::{AssessmentKind, Outcome};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Assessment {
    pub id: i64,
    #[sqlx(try_from = "crate::store::Code<AssessmentKind>")]
    pub kind: AssessmentKind,
    #[sqlx(try_from = "crate::store::OptionalCode<Outcome>")]
    pub outcome: Option<Outcome>,
    /// The moment a timed decision is about (kännedom, handled, MCF's request), stored time.
    pub at: Option<crate::platform::clock::Stamp>,
    pub decided_by: String,
    pub grounds: String,
    /// The municipality's diarienummer, or the authority's reference.
    pub reference: Option<String>,
    pub recorded_at: crate::platform::clock::Stamp,
    pub recorded_by: String,
    pub log_seq: i64,
}

/// A decision to record; the log entry's text is made by the caller in the user's language.
pub struct NewAssessment<'a> {
    pub kind: AssessmentKind,
    pub outcome: Option<Outcome>,
    pub at: Option<crate::platform::clock::Stamp>,
    pub decided_by: &'a str,
    pub grounds: &'a str,
    pub reference: Option<&'a str>,
}

pub async fn assessments<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Assessment>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, kind, outcome, at, decided_by, grounds, reference, recorded_at, recorded_by, log_seq
         FROM incident_assessments WHERE incident_id = $1 ORDER BY id",
    )
    .bind(incident.id())
    .fetch_all(e)
    .await?)
}

/// Writes the decision to the log (as a decision with who and on what grounds), keeps it, and
/// brings the incident's clock columns in line with it; all in the caller's transaction.
pub async fn assess(
    conn: &mut sqlx::AnyConnection,
    keys: &crate::platform::keys::Keyring,
    org: i64,
    incident: Key,
    a: &NewAssessment<'_>,
    log_text: String,
    recorded_by: &str,
) -> Result<LogRow, DbError> {
    let mut entry = NewEntry::web(beredd_domain::LogKind::Decision, log_text, recorded_by);
    entry.decided_by = Some(a.decided_by.to_owned());
    entry.grounds = Some(a.grounds.to_owned());
    let row = append(&mut *conn, keys, org, incident, entry, recorded_by).await?;
    keep(conn, org, incident, a, &row).await?;
    Ok(row)
}

/// Keeps a decision already written to the log as `row` (the entry that starts an incident holds
/// the decision on kännedom), and brings the incident's clock columns in line with it.
pub async fn keep(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    incident: Key,
    a: &NewAssessment<'_>,
    row: &LogRow,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO incident_assessments (incident_id, kind, outcome, at, decided_by, grounds, reference, recorded_at, recorded_by, log_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(incident.id())
    .bind(a.kind.code())
    .bind(a.outcome.map(Outcome::code))
    .bind(a.at)
    .bind(a.decided_by)
    .bind(a.grounds)
    .bind(a.reference)
    .bind(&row.entry.recorded_at)
    .bind(&row.entry.recorded_by)
    .bind(row.entry.seq)
    .execute(&mut *conn)
    .await?;
    let sql = match a.kind {
        AssessmentKind::Aware => {
            "UPDATE incidents SET discovered_at = $1, times_zone_known = 1 WHERE org_id = $2 AND id = $3"
        }
        AssessmentKind::Handled => "UPDATE incidents SET handled_at = $1 WHERE org_id = $2 AND id = $3",
        AssessmentKind::Significant => "UPDATE incidents SET significant = $1 WHERE org_id = $2 AND id = $3",
        AssessmentKind::PersonalData => "UPDATE incidents SET personal_data = $1 WHERE org_id = $2 AND id = $3",
        _ => return Ok(()),
    };
    let q = sqlx::query(sql);
    let q = if a.kind.timed() { q.bind(a.at) } else { q.bind(crate::store::flag(a.outcome == Some(Outcome::Yes))) };
    q.bind(org).bind(incident.id()).execute(&mut *conn).await?;
    Ok(())
}

/// The municipality's diarienummer for the incident, shown on its reports and decisions.
pub async fn set_diarienummer<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    diarienummer: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET diarienummer = $1 WHERE org_id = $2 AND id = $3")
        .bind(diarienummer)
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}
