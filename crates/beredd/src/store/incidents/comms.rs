//! Reporting duties and communication: reports sent, hotlines, prepared messages, media.

use super::*;

pub async fn set_flags<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    significant: bool,
    personal_data: bool,
) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET significant = $1, personal_data = $2 WHERE org_id = $3 AND id = $4")
        .bind(crate::store::flag(significant))
        .bind(crate::store::flag(personal_data))
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Report {
    pub duty: String,
    pub sent_at: crate::platform::clock::Stamp,
    pub sent_by: String,
    pub reference: Option<String>,
    pub body: String,
}

pub async fn reports<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Report>, DbError> {
    Ok(sqlx::query_as("SELECT duty, sent_at, sent_by, reference, body FROM incident_reports WHERE incident_id = $1")
        .bind(incident.id())
        .fetch_all(e)
        .await?)
}

/// Records a report as sent; a duty is reported once.
pub async fn record_report<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    duty: &str,
    sent_at: &str,
    by: &str,
    reference: Option<&str>,
    body: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query("INSERT INTO incident_reports (incident_id, duty, sent_at, sent_by, reference, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (incident_id, duty) DO NOTHING")
        .bind(incident.id())
        .bind(duty)
        .bind(sent_at)
        .bind(by)
        .bind(reference)
        .bind(body)
        .execute(e)
        .await?
        .rows_affected();
    Ok(done == 1)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Hotline {
    pub id: i64,
    pub number: String,
    pub hours: Option<String>,
    pub answered_by: String,
}

pub async fn hotlines<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Hotline>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, number, hours, answered_by FROM incident_hotlines WHERE incident_id = $1 ORDER BY id",
    )
    .bind(incident.id())
    .fetch_all(e)
    .await?)
}

pub async fn add_hotline<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    number: &str,
    hours: Option<&str>,
    answered_by: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO incident_hotlines (incident_id, number, hours, answered_by) VALUES ($1, $2, $3, $4)")
        .bind(incident.id())
        .bind(number)
        .bind(hours)
        .bind(answered_by)
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Message {
    pub id: i64,
    #[sqlx(try_from = "crate::store::Code<beredd_domain::Channel>")]
    pub channel: beredd_domain::Channel,
    pub text: String,
    /// Who approved it; empty for a draft.
    pub approved_by: String,
    pub published_by: String,
    /// When it was approved and published (for a draft: when it was saved).
    pub published_at: crate::platform::clock::Stamp,
    /// Approved for publication; a draft is not.
    #[sqlx(try_from = "i64")]
    pub approved: Flag,
}

pub async fn messages<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Message>, DbError> {
    Ok(sqlx::query_as("SELECT id, channel, text, approved_by, published_by, published_at, approved FROM incident_messages WHERE incident_id = $1 ORDER BY id DESC").bind(incident.id()).fetch_all(e).await?)
}

/// The approved messages for the public channels, newest first: all that the public page shows.
pub async fn public_messages<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
) -> Result<Vec<Message>, DbError> {
    Ok(sqlx::query_as("SELECT id, channel, text, approved_by, published_by, published_at, approved FROM incident_messages WHERE incident_id = $1 AND approved = 1 AND approved_by <> '' AND channel IN ('web', 'press', 'social') ORDER BY published_at DESC, id DESC").bind(incident.id()).fetch_all(e).await?)
}

/// A message to record: approved (with its approver) or a draft (`approved_by` empty).
pub struct NewMessage<'a> {
    pub channel: beredd_domain::Channel,
    pub text: &'a str,
    pub approved_by: &'a str,
    pub by: &'a str,
    /// When it was published (or saved as a draft), UTC RFC 3339.
    pub at: &'a str,
}

pub async fn add_message<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    m: &NewMessage<'_>,
) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar("INSERT INTO incident_messages (incident_id, channel, text, approved_by, published_by, published_at, approved) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
        .bind(incident.id())
        .bind(m.channel.code())
        .bind(m.text)
        .bind(m.approved_by)
        .bind(m.by)
        .bind(m.at)
        .bind(crate::store::flag(!m.approved_by.trim().is_empty()))
        .fetch_one(e)
        .await?;
    Ok(id)
}

/// Approves a draft: it is published now, approved by `by`. False when there is no such draft.
pub async fn approve_message<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    id: i64,
    by: &str,
) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE incident_messages SET approved = 1, approved_by = $1, published_by = $1, published_at = $2 WHERE incident_id = $3 AND id = $4 AND approved = 0")
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .bind(incident.id())
        .bind(id)
        .execute(e)
        .await?
        .rows_affected();
    Ok(n == 1)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MediaRequest {
    pub id: i64,
    pub outlet: String,
    pub contact: Option<String>,
    pub question: String,
    pub received_at: crate::platform::clock::Stamp,
    pub routed_to: String,
    pub answered_by: Option<String>,
    pub answered_at: Option<crate::platform::clock::Stamp>,
}

pub async fn media<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<MediaRequest>, DbError> {
    Ok(sqlx::query_as("SELECT id, outlet, contact, question, received_at, routed_to, answered_by, answered_at FROM media_requests WHERE incident_id = $1 ORDER BY id DESC").bind(incident.id()).fetch_all(e).await?)
}

pub async fn add_media<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    outlet: &str,
    contact: Option<&str>,
    question: &str,
    routed_to: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO media_requests (incident_id, outlet, contact, question, received_at, routed_to) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(incident.id())
        .bind(outlet)
        .bind(contact)
        .bind(question)
        .bind(crate::platform::clock::stamp())
        .bind(routed_to)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn answer_media<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    id: i64,
    by: &str,
) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE media_requests SET answered_by = $1, answered_at = $2 WHERE incident_id = $3 AND id = $4 AND answered_at IS NULL")
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .bind(incident.id())
        .bind(id)
        .execute(e)
        .await?
        .rows_affected();
    Ok(n == 1)
}
