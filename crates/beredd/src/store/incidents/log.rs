//! The incident's log, append-only: every entry is written by `append`, which chains it to the one
//! before (a hash chain); nothing here updates or deletes one. Read back and verified.

use super::*;
use crate::platform::keys::Keyring;
use beredd_domain::thinning::{self, Thinned};

/// One stored entry: the fields its hash covers (the domain's `Entry`), the hash itself, and the
/// signature of its head by the key of the instance that wrote it (none before signing began).
#[derive(Debug, Clone, Serialize)]
pub struct LogRow {
    #[serde(flatten)]
    pub entry: Entry,
    pub hash: String,
    pub signature: Option<String>,
    pub key_id: Option<String>,
    /// When the entry was thinned (gallrad), and the hash over its marker; none for an entry
    /// that holds what was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thinned: Option<beredd_domain::thinning::Thinned>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for LogRow {
    fn from_row(row: &'r sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        let entry = Entry {
            version: row.try_get("version")?,
            seq: row.try_get("seq")?,
            uid: row.try_get("uid")?,
            kind: row.try_get("kind")?,
            text: row.try_get("text")?,
            decided_by: row.try_get("decided_by")?,
            grounds: row.try_get("grounds")?,
            author: row.try_get("author")?,
            occurred_at: row.try_get("occurred_at")?,
            recorded_at: row.try_get("recorded_at")?,
            recorded_by: row.try_get("recorded_by")?,
            corrects: row.try_get("corrects")?,
            source: row.try_get("source")?,
            prev_hash: row.try_get("prev_hash")?,
        };
        Ok(LogRow {
            entry,
            hash: row.try_get("hash")?,
            signature: row.try_get("signature")?,
            key_id: row.try_get("key_id")?,
            thinned: match (
                row.try_get::<Option<String>, _>("thinned_at")?,
                row.try_get::<Option<String>, _>("thinned_hash")?,
            ) {
                (Some(at), Some(hash)) => Some(beredd_domain::thinning::Thinned { at, hash }),
                (Some(at), None) => Some(beredd_domain::thinning::Thinned { at, hash: String::new() }),
                _ => None,
            },
        })
    }
}

/// What is written to the log; the chain fields are filled in by `append`.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// The version of the entry's canonical form: [`incident::LOG_VERSION`] for what is written
    /// now; kept from a bundle, whose older entries may be version 1.
    pub version: i64,
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

impl NewEntry {
    /// An entry a person writes through the web interface, now: no decision fields, no source
    /// id, nothing corrected.
    pub fn web(kind: beredd_domain::LogKind, text: impl Into<String>, author: &str) -> NewEntry {
        NewEntry {
            version: incident::LOG_VERSION,
            uid: None,
            kind,
            text: text.into(),
            decided_by: None,
            grounds: None,
            author: author.to_owned(),
            occurred_at: None,
            corrects: None,
            source: "web".into(),
        }
    }
}

pub async fn log<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, incident: Key) -> Result<Vec<LogRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT version, seq, uid, kind, text, decided_by, grounds, author, occurred_at, recorded_at, recorded_by, corrects, source, prev_hash, hash, signature, key_id, thinned_at, thinned_hash
         FROM incident_log WHERE org_id = $1 AND incident_id = $2 ORDER BY seq",
    )
    .bind(org)
    .bind(incident.id())
    .fetch_all(e)
    .await?)
}

pub async fn has_uid<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key, uid: &str) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT seq FROM incident_log WHERE incident_id = $1 AND uid = $2")
        .bind(incident.id())
        .bind(uid)
        .fetch_optional(e)
        .await?;
    Ok(found.is_some())
}

/// How many entries, in every incident's log, came from anywhere but `source` (the demo's, for one).
pub async fn entries_not_from<'c, E: Executor<'c, Database = Any>>(e: E, source: &str) -> Result<i64, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM incident_log WHERE source <> $1").bind(source).fetch_one(e).await?;
    Ok(n)
}

/// Appends one entry at the end of the incident's chain. Call it inside a write transaction:
/// the incident row's count and last hash move with the entry.
///
/// Writers to one incident take their places in the chain one at a time: the first statement
/// claims the next place by updating the incident's row, which on PostgreSQL locks the row until
/// the transaction ends, so a second writer waits and then reads the count and hash the first
/// one left (on SQLite, `BEGIN IMMEDIATE` already lets one writer in at a time). Reading the count
/// first and writing it later let two writers take the same place, and one failed.
///
/// The entry's head (its hash, which covers every entry before it) is signed with the
/// organisation's key from `keys`, a file outside the database (security review F4), and the
/// key's public half is recorded so that the database names every key its logs were signed with.
pub async fn append(
    conn: &mut sqlx::AnyConnection,
    keys: &Keyring,
    org: i64,
    incident: Key,
    n: NewEntry,
    recorded_by: &str,
) -> Result<LogRow, DbError> {
    let org_uid = crate::store::signing::org_uid(&mut *conn, org).await?;
    let key = keys.for_org(&org_uid)?;
    let (seq, last, incident_uid): (i64, String, String) = sqlx::query_as(
        "UPDATE incidents SET log_count = log_count + 1 WHERE org_id = $1 AND id = $2 RETURNING log_count, last_hash, COALESCE(uid, '')",
    )
    .bind(org)
    .bind(incident.id())
    .fetch_one(&mut *conn)
    .await?;
    let now = crate::platform::clock::stamp();
    let entry = Entry {
        version: n.version,
        seq,
        uid: n.uid.unwrap_or_else(|| format!("e-{}", crate::store::sessions::random_token())),
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
    let signature = key.sign(&incident::head_message(&org_uid, &incident_uid, seq, &hash));
    let key_id = key.key_id();
    let public = key.public().to_hex();
    let own = crate::store::signing::NewKey {
        key_id: &key_id,
        public_key: &public,
        origin: crate::store::signing::OWN,
        label: &keys.dir().display().to_string(),
        made_at: &key.created.to_string(),
        added_by: recorded_by,
    };
    crate::store::signing::record(&mut *conn, org, &own).await?;
    sqlx::query(
        "INSERT INTO incident_log (org_id, incident_id, seq, uid, kind, text, decided_by, grounds, author, occurred_at, recorded_at, recorded_by, corrects, source, prev_hash, hash, version, signature, key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(org)
    .bind(incident.id())
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
    .bind(entry.version)
    .bind(&signature)
    .bind(&key_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE incidents SET last_hash = $1 WHERE org_id = $2 AND id = $3")
        .bind(&hash)
        .bind(org)
        .bind(incident.id())
        .execute(&mut *conn)
        .await?;
    Ok(LogRow { entry, hash, signature: Some(signature), key_id: Some(key_id), thinned: None })
}

/// The result of checking an incident's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact {
        entries: usize,
        /// Of them, how many were thinned (gallrade): each verified by its marker's hash.
        thinned: usize,
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
    let rows = log(&mut *conn, org, i.key()).await?;
    let rows: Vec<(Entry, String, Option<Thinned>)> = rows.into_iter().map(|r| (r.entry, r.hash, r.thinned)).collect();
    Ok(Some(match thinning::verify(&rows) {
        Err(b) => Verdict::Broken(b),
        Ok(c)
            if c.entries as i64 != i.log_count
                || rows.last().map(|r| r.1.as_str()).unwrap_or(GENESIS) != i.last_hash =>
        {
            Verdict::Truncated { found: c.entries as i64, recorded: i.log_count }
        }
        Ok(c) => Verdict::Intact { entries: c.entries, thinned: c.thinned },
    }))
}
