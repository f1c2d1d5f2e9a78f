//! Incidents and their log, board, roster and staff reached. The log is append-only: every entry
//! is written by `append`, which chains it to the one before; nothing here updates or deletes one.

use beredd_domain::incident::{self, Entry, GENESIS};
use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Flag};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Incident {
    pub id: i64,
    pub title: String,
    pub what_happened: Option<String>,
    pub discovered_at: String,
    pub raised_by: Option<String>,
    /// "active" or "closed".
    pub status: String,
    #[sqlx(try_from = "i64")]
    pub exercise: Flag,
    pub started_by: String,
    pub started_at: String,
    pub closed_at: Option<String>,
    pub log_count: i64,
    pub last_hash: String,
    /// Significant under the cybersecurity act (NIS2): the reporting clocks run.
    #[sqlx(try_from = "i64")]
    pub significant: Flag,
    /// A personal-data breach: IMY is notified within 72 hours.
    #[sqlx(try_from = "i64")]
    pub personal_data: Flag,
    /// Stays the same when the incident is moved to another Beredd as a bundle.
    pub uid: Option<String>,
    /// An exercise's participants, one per line.
    pub participants: Option<String>,
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
}

macro_rules! cols {
    () => {
        "id, title, what_happened, discovered_at, raised_by, status, exercise, started_by, started_at, closed_at, log_count, last_hash, significant, personal_data, uid, participants"
    };
}

pub struct NewIncident<'a> {
    pub title: &'a str,
    pub what_happened: Option<&'a str>,
    pub discovered_at: &'a str,
    pub raised_by: Option<&'a str>,
    pub exercise: bool,
    pub started_by: &'a str,
    /// Kept from a bundle; made up otherwise.
    pub uid: Option<String>,
    pub participants: Option<&'a str>,
}

pub async fn create(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    n: &NewIncident<'_>,
    units: &[i64],
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO incidents (org_id, title, what_happened, discovered_at, raised_by, status, exercise, started_by, started_at, last_hash, uid, participants)
         VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(org)
    .bind(n.title)
    .bind(n.what_happened)
    .bind(n.discovered_at)
    .bind(n.raised_by)
    .bind(super::flag(n.exercise))
    .bind(n.started_by)
    .bind(crate::platform::clock::stamp())
    .bind(GENESIS)
    .bind(n.uid.clone().unwrap_or_else(|| format!("i-{}", super::sessions::random_token())))
    .bind(n.participants)
    .fetch_one(&mut *conn)
    .await?;
    super::replace_links(
        conn,
        "DELETE FROM incident_units WHERE incident_id = $1",
        "INSERT INTO incident_units (incident_id, unit_id) VALUES ($1, $2)",
        id,
        units,
    )
    .await?;
    Ok(id)
}

pub async fn list(conn: &mut sqlx::AnyConnection, org: i64) -> Result<Vec<Incident>, DbError> {
    let mut all: Vec<Incident> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM incidents WHERE org_id = $1 ORDER BY id DESC"))
            .bind(org)
            .fetch_all(&mut *conn)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as("SELECT l.incident_id, l.unit_id FROM incident_units l JOIN incidents i ON i.id = l.incident_id WHERE i.org_id = $1").bind(org).fetch_all(&mut *conn).await?;
    for i in &mut all {
        i.unit_ids = links.iter().filter(|(x, _)| *x == i.id).map(|(_, u)| *u).collect();
    }
    Ok(all)
}

pub async fn get(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Incident>, DbError> {
    let found: Option<Incident> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM incidents WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut i) = found else { return Ok(None) };
    i.unit_ids =
        sqlx::query_as::<_, (i64,)>("SELECT unit_id FROM incident_units WHERE incident_id = $1 ORDER BY unit_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(u,)| u)
            .collect();
    Ok(Some(i))
}

pub async fn close<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET status = 'closed', closed_at = $1 WHERE org_id = $2 AND id = $3")
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

// ---- The log -----------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct LogRow {
    pub seq: i64,
    pub uid: String,
    pub kind: String,
    pub text: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
    pub author: String,
    pub occurred_at: String,
    pub recorded_at: String,
    pub recorded_by: String,
    pub corrects: Option<i64>,
    pub source: String,
    pub prev_hash: String,
    pub hash: String,
}

impl LogRow {
    pub fn entry(&self) -> Entry {
        Entry {
            seq: self.seq,
            uid: self.uid.clone(),
            kind: self.kind.clone(),
            text: self.text.clone(),
            decided_by: self.decided_by.clone(),
            grounds: self.grounds.clone(),
            author: self.author.clone(),
            occurred_at: self.occurred_at.clone(),
            recorded_at: self.recorded_at.clone(),
            recorded_by: self.recorded_by.clone(),
            corrects: self.corrects,
            source: self.source.clone(),
            prev_hash: self.prev_hash.clone(),
        }
    }
}

/// What is written to the log; the chain fields are filled in by `append`.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// Kept when the entry comes from a kit log or a bundle; made up otherwise.
    pub uid: Option<String>,
    pub kind: beredd_domain::LogKind,
    pub text: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
    pub author: String,
    /// Kept from the source; now otherwise.
    pub occurred_at: Option<String>,
    pub corrects: Option<i64>,
    pub source: String,
}

pub async fn log<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, incident: i64) -> Result<Vec<LogRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT seq, uid, kind, text, decided_by, grounds, author, occurred_at, recorded_at, recorded_by, corrects, source, prev_hash, hash
         FROM incident_log WHERE org_id = $1 AND incident_id = $2 ORDER BY seq",
    )
    .bind(org)
    .bind(incident)
    .fetch_all(e)
    .await?)
}

pub async fn has_uid<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64, uid: &str) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT seq FROM incident_log WHERE incident_id = $1 AND uid = $2")
        .bind(incident)
        .bind(uid)
        .fetch_optional(e)
        .await?;
    Ok(found.is_some())
}

/// Appends one entry at the end of the incident's chain. Call it inside a write transaction:
/// the incident row's count and last hash move with the entry.
pub async fn append(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    incident: i64,
    n: NewEntry,
    recorded_by: &str,
) -> Result<LogRow, DbError> {
    let (count, last): (i64, String) =
        sqlx::query_as("SELECT log_count, last_hash FROM incidents WHERE org_id = $1 AND id = $2")
            .bind(org)
            .bind(incident)
            .fetch_one(&mut *conn)
            .await?;
    let now = crate::platform::clock::stamp();
    let entry = Entry {
        seq: count + 1,
        uid: n.uid.unwrap_or_else(|| format!("e-{}", super::sessions::random_token())),
        kind: n.kind.code().to_owned(),
        text: n.text,
        decided_by: n.decided_by,
        grounds: n.grounds,
        author: n.author,
        occurred_at: n.occurred_at.unwrap_or_else(|| now.clone()),
        recorded_at: now,
        recorded_by: recorded_by.to_owned(),
        corrects: n.corrects,
        source: n.source,
        prev_hash: last,
    };
    let hash = entry.hash();
    sqlx::query(
        "INSERT INTO incident_log (org_id, incident_id, seq, uid, kind, text, decided_by, grounds, author, occurred_at, recorded_at, recorded_by, corrects, source, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(org)
    .bind(incident)
    .bind(entry.seq)
    .bind(&entry.uid)
    .bind(&entry.kind)
    .bind(&entry.text)
    .bind(&entry.decided_by)
    .bind(&entry.grounds)
    .bind(&entry.author)
    .bind(&entry.occurred_at)
    .bind(&entry.recorded_at)
    .bind(&entry.recorded_by)
    .bind(entry.corrects)
    .bind(&entry.source)
    .bind(&entry.prev_hash)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE incidents SET log_count = $1, last_hash = $2 WHERE org_id = $3 AND id = $4")
        .bind(entry.seq)
        .bind(&hash)
        .bind(org)
        .bind(incident)
        .execute(&mut *conn)
        .await?;
    Ok(LogRow {
        seq: entry.seq,
        uid: entry.uid,
        kind: entry.kind,
        text: entry.text,
        decided_by: entry.decided_by,
        grounds: entry.grounds,
        author: entry.author,
        occurred_at: entry.occurred_at,
        recorded_at: entry.recorded_at,
        recorded_by: entry.recorded_by,
        corrects: entry.corrects,
        source: entry.source,
        prev_hash: entry.prev_hash,
        hash,
    })
}

/// The result of checking an incident's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact {
        entries: usize,
    },
    Broken(incident::Break),
    /// The chain holds but ends before the incident's recorded end: entries were removed.
    Truncated {
        found: i64,
        recorded: i64,
    },
}

pub async fn verify(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Verdict>, DbError> {
    let Some(i) = get(conn, org, id).await? else { return Ok(None) };
    let rows = log(&mut *conn, org, id).await?;
    let pairs: Vec<(Entry, String)> = rows.iter().map(|r| (r.entry(), r.hash.clone())).collect();
    Ok(Some(match incident::verify(&pairs) {
        Err(b) => Verdict::Broken(b),
        Ok(n) if n as i64 != i.log_count || rows.last().map(|r| r.hash.as_str()).unwrap_or(GENESIS) != i.last_hash => {
            Verdict::Truncated { found: n as i64, recorded: i.log_count }
        }
        Ok(n) => Verdict::Intact { entries: n },
    }))
}

// ---- The board ---------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct BoardItem {
    pub id: i64,
    pub area: String,
    pub section: String,
    pub position: i64,
    pub label: String,
    pub state: String,
    pub updated_by: Option<String>,
    pub updated_at: Option<String>,
}

pub async fn add_board_item<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    area: &str,
    section: &str,
    position: i64,
    label: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO board_items (incident_id, area, section, position, label, state) VALUES ($1, $2, $3, $4, $5, 'not_started')")
        .bind(incident)
        .bind(area)
        .bind(section)
        .bind(position)
        .bind(label)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn board<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<BoardItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, area, section, position, label, state, updated_by, updated_at FROM board_items WHERE incident_id = $1 ORDER BY position").bind(incident).fetch_all(e).await?)
}

pub async fn board_item<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    item: i64,
) -> Result<Option<BoardItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, area, section, position, label, state, updated_by, updated_at FROM board_items WHERE incident_id = $1 AND id = $2")
        .bind(incident)
        .bind(item)
        .fetch_optional(e)
        .await?)
}

pub async fn set_board_state<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    item: i64,
    state: beredd_domain::BoardState,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE board_items SET state = $1, updated_by = $2, updated_at = $3 WHERE incident_id = $4 AND id = $5",
    )
    .bind(state.code())
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .bind(incident)
    .bind(item)
    .execute(e)
    .await?;
    Ok(())
}

// ---- Staff reached -----------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Reached {
    pub person_id: i64,
    #[sqlx(try_from = "i64")]
    pub reached: Flag,
    pub by_name: String,
    pub at: String,
}

pub async fn reached<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Reached>, DbError> {
    Ok(sqlx::query_as("SELECT person_id, reached, by_name, at FROM staff_reached WHERE incident_id = $1")
        .bind(incident)
        .fetch_all(e)
        .await?)
}

pub async fn set_reached<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    person: i64,
    reached: bool,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO staff_reached (incident_id, person_id, reached, by_name, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (incident_id, person_id) DO UPDATE SET reached = excluded.reached, by_name = excluded.by_name, at = excluded.at",
    )
    .bind(incident)
    .bind(person)
    .bind(super::flag(reached))
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .execute(e)
    .await?;
    Ok(())
}

// ---- The roster --------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct RosterRow {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub phone: Option<String>,
    pub area: Option<String>,
    #[sqlx(try_from = "i64")]
    pub on_duty: Flag,
}

pub async fn roster<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<RosterRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, role, name, phone, area, on_duty FROM incident_roster WHERE incident_id = $1 ORDER BY id",
    )
    .bind(incident)
    .fetch_all(e)
    .await?)
}

pub async fn add_roster<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    role: beredd_domain::StaffRole,
    name: &str,
    phone: Option<&str>,
    area: Option<&str>,
    on_duty: bool,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO incident_roster (incident_id, role, name, phone, area, on_duty) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(incident)
    .bind(role.code())
    .bind(name)
    .bind(phone)
    .bind(area)
    .bind(super::flag(on_duty))
    .execute(e)
    .await?;
    Ok(())
}

pub async fn set_on_duty<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    row: i64,
    on_duty: bool,
) -> Result<(), DbError> {
    sqlx::query("UPDATE incident_roster SET on_duty = $1 WHERE incident_id = $2 AND id = $3")
        .bind(super::flag(on_duty))
        .bind(incident)
        .bind(row)
        .execute(e)
        .await?;
    Ok(())
}

// ---- Reporting and communication ---------------------------------------------------------

pub async fn set_flags<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    significant: bool,
    personal_data: bool,
) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET significant = $1, personal_data = $2 WHERE org_id = $3 AND id = $4")
        .bind(super::flag(significant))
        .bind(super::flag(personal_data))
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Report {
    pub duty: String,
    pub sent_at: String,
    pub sent_by: String,
    pub reference: Option<String>,
    pub body: String,
}

pub async fn reports<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Report>, DbError> {
    Ok(sqlx::query_as("SELECT duty, sent_at, sent_by, reference, body FROM incident_reports WHERE incident_id = $1")
        .bind(incident)
        .fetch_all(e)
        .await?)
}

/// Records a report as sent; a duty is reported once.
pub async fn record_report<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    duty: &str,
    sent_at: &str,
    by: &str,
    reference: Option<&str>,
    body: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query("INSERT INTO incident_reports (incident_id, duty, sent_at, sent_by, reference, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (incident_id, duty) DO NOTHING")
        .bind(incident)
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

pub async fn hotlines<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Hotline>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, number, hours, answered_by FROM incident_hotlines WHERE incident_id = $1 ORDER BY id",
    )
    .bind(incident)
    .fetch_all(e)
    .await?)
}

pub async fn add_hotline<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    number: &str,
    hours: Option<&str>,
    answered_by: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO incident_hotlines (incident_id, number, hours, answered_by) VALUES ($1, $2, $3, $4)")
        .bind(incident)
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
    pub channel: String,
    pub text: String,
    pub approved_by: String,
    pub published_by: String,
    pub published_at: String,
}

pub async fn messages<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Message>, DbError> {
    Ok(sqlx::query_as("SELECT id, channel, text, approved_by, published_by, published_at FROM incident_messages WHERE incident_id = $1 ORDER BY id DESC").bind(incident).fetch_all(e).await?)
}

pub async fn add_message<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    channel: &str,
    text: &str,
    approved_by: &str,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO incident_messages (incident_id, channel, text, approved_by, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(incident)
        .bind(channel)
        .bind(text)
        .bind(approved_by)
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MediaRequest {
    pub id: i64,
    pub outlet: String,
    pub contact: Option<String>,
    pub question: String,
    pub received_at: String,
    pub routed_to: String,
    pub answered_by: Option<String>,
    pub answered_at: Option<String>,
}

pub async fn media<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<MediaRequest>, DbError> {
    Ok(sqlx::query_as("SELECT id, outlet, contact, question, received_at, routed_to, answered_by, answered_at FROM media_requests WHERE incident_id = $1 ORDER BY id DESC").bind(incident).fetch_all(e).await?)
}

pub async fn add_media<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    outlet: &str,
    contact: Option<&str>,
    question: &str,
    routed_to: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO media_requests (incident_id, outlet, contact, question, received_at, routed_to) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(incident)
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
    incident: i64,
    id: i64,
    by: &str,
) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE media_requests SET answered_by = $1, answered_at = $2 WHERE incident_id = $3 AND id = $4 AND answered_at IS NULL")
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .bind(incident)
        .bind(id)
        .execute(e)
        .await?
        .rows_affected();
    Ok(n == 1)
}

// ---- Meetings ----------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    pub number: i64,
    pub held_at: String,
    pub held_by: String,
    /// The protocol as JSON (see `web::pages::meetings::Protocol`).
    pub protocol: String,
}

pub async fn meetings<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Meeting>, DbError> {
    Ok(sqlx::query_as("SELECT id, number, held_at, held_by, protocol FROM incident_meetings WHERE incident_id = $1 ORDER BY number DESC").bind(incident).fetch_all(e).await?)
}

pub async fn add_meeting(
    conn: &mut sqlx::AnyConnection,
    incident: i64,
    by: &str,
    protocol: &str,
) -> Result<i64, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(number), 0) + 1 FROM incident_meetings WHERE incident_id = $1")
            .bind(incident)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO incident_meetings (incident_id, number, held_at, held_by, protocol) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(incident)
    .bind(n)
    .bind(crate::platform::clock::stamp())
    .bind(by)
    .bind(protocol)
    .execute(&mut *conn)
    .await?;
    Ok(n)
}

pub async fn by_uid<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, uid: &str) -> Result<Option<i64>, DbError> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM incidents WHERE org_id = $1 AND uid = $2")
        .bind(org)
        .bind(uid)
        .fetch_optional(e)
        .await?;
    Ok(found.map(|(id,)| id))
}

// ---- Exercises and lessons learned -------------------------------------------------------

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Inject {
    pub id: i64,
    pub minute: i64,
    pub text: String,
}

pub async fn injects<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Inject>, DbError> {
    Ok(sqlx::query_as("SELECT id, minute, text FROM exercise_injects WHERE incident_id = $1 ORDER BY minute, id")
        .bind(incident)
        .fetch_all(e)
        .await?)
}

pub async fn add_inject<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    minute: i64,
    text: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO exercise_injects (incident_id, minute, text) VALUES ($1, $2, $3)")
        .bind(incident)
        .bind(minute)
        .bind(text)
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Lesson {
    pub id: i64,
    /// "well", "less_well" or "change".
    pub kind: String,
    pub text: String,
    pub action_id: Option<i64>,
    pub created_by: String,
    pub created_at: String,
    /// What the lesson changes: "plan:ID", "risk:ID" or "asset:ID".
    pub target: Option<String>,
}

pub async fn lessons<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<Lesson>, DbError> {
    Ok(sqlx::query_as("SELECT id, kind, text, action_id, created_by, created_at, target FROM lessons WHERE incident_id = $1 ORDER BY id").bind(incident).fetch_all(e).await?)
}

pub async fn add_lesson<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
    kind: &str,
    text: &str,
    action: Option<i64>,
    by: &str,
    target: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO lessons (incident_id, kind, text, action_id, created_by, created_at, target) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(incident)
        .bind(kind)
        .bind(text)
        .bind(action)
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .bind(target)
        .execute(e)
        .await?;
    Ok(())
}

// ---- Recovery: the backlog of paper documentation ----------------------------------------

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct BacklogItem {
    pub id: i64,
    pub unit_id: i64,
    pub system_id: Option<i64>,
    pub kind: String,
    pub description: Option<String>,
    pub total: i64,
    pub done: i64,
    pub assignee: Option<String>,
    pub priority: String,
    pub deadline: Option<String>,
}

pub struct NewBacklogItem<'a> {
    pub unit_id: i64,
    pub system_id: Option<i64>,
    pub kind: &'a str,
    pub description: Option<&'a str>,
    pub total: i64,
    pub assignee: Option<&'a str>,
    pub priority: &'a str,
    pub deadline: Option<&'a str>,
}

pub async fn backlog<'c, E: Executor<'c, Database = Any>>(e: E, incident: i64) -> Result<Vec<BacklogItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, unit_id, system_id, kind, description, total, done, assignee, priority, deadline FROM backlog_items WHERE incident_id = $1 ORDER BY id")
        .bind(incident)
        .fetch_all(e)
        .await?)
}

pub async fn add_backlog(
    conn: &mut sqlx::AnyConnection,
    incident: i64,
    n: &NewBacklogItem<'_>,
    by: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO backlog_items (incident_id, unit_id, system_id, kind, description, total, assignee, priority, deadline, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(incident)
    .bind(n.unit_id)
    .bind(n.system_id)
    .bind(n.kind)
    .bind(n.description)
    .bind(n.total)
    .bind(n.assignee)
    .bind(n.priority)
    .bind(n.deadline)
    .bind(crate::platform::clock::stamp())
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, $3, 0, $4)")
        .bind(id)
        .bind(&crate::platform::clock::today_text())
        .bind(n.total)
        .bind(by)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// Sets how many of an item are entered so far, and records the day's progress.
pub async fn set_backlog_done(
    conn: &mut sqlx::AnyConnection,
    incident: i64,
    item: i64,
    done: i64,
    by: &str,
) -> Result<Option<BacklogItem>, DbError> {
    let Some(before) = backlog(&mut *conn, incident).await?.into_iter().find(|i| i.id == item) else { return Ok(None) };
    let done = done.clamp(0, before.total);
    sqlx::query("UPDATE backlog_items SET done = $1 WHERE incident_id = $2 AND id = $3")
        .bind(done)
        .bind(incident)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, 0, $3, $4)")
        .bind(item)
        .bind(&crate::platform::clock::today_text())
        .bind(done - before.done)
        .bind(by)
        .execute(&mut *conn)
        .await?;
    Ok(Some(BacklogItem { done, ..before }))
}

/// Every progress record of the incident's backlog: (day, added, entered).
pub async fn backlog_progress<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: i64,
) -> Result<Vec<(String, i64, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT p.day, p.added, p.entered FROM backlog_progress p JOIN backlog_items i ON i.id = p.item_id WHERE i.incident_id = $1 ORDER BY p.id")
        .bind(incident)
        .fetch_all(e)
        .await?)
}
