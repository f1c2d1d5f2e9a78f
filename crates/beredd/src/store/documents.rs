//! Steering documents: the documents, the units they apply to, their numbered versions (text or a
//! file kept in the database), the read acknowledgements per version, and the personal reading
//! links (only each token's SHA-256 is kept).

use beredd_domain::document::DocumentKind;
use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Document {
    pub id: i64,
    /// Private, so that only the store makes a document, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    pub title: String,
    #[sqlx(try_from = "super::Code<DocumentKind>")]
    pub kind: DocumentKind,
    pub owner_id: Option<i64>,
    pub decided_by: Option<String>,
    pub decided_on: Option<Day>,
    pub decision_ref: Option<String>,
    pub review_on: Option<Day>,
    pub roles: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

super::owned::keyed!(Document);

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInput {
    pub title: String,
    pub kind: DocumentKind,
    pub owner_id: Option<i64>,
    pub decided_by: Option<String>,
    pub decided_on: Option<Day>,
    pub decision_ref: Option<String>,
    pub review_on: Option<Day>,
    pub roles: Option<String>,
    pub unit_ids: Vec<i64>,
}

/// What is shown about a version; a file's bytes are only read when it is downloaded.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub document_id: i64,
    pub number: i64,
    pub body: Option<String>,
    pub note: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub created_by: String,
    pub created_at: crate::platform::clock::Stamp,
}

/// A new version: its text, or a file that has passed the upload checks.
pub struct NewVersion<'a> {
    pub body: Option<&'a str>,
    pub note: Option<&'a str>,
    pub file: Option<(&'a str, &'a str, &'a [u8])>,
}

/// Someone's confirmation that they have read a version, through their account or a link.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Acknowledgement {
    pub version_id: i64,
    pub person_id: i64,
    pub via: String,
    pub at: crate::platform::clock::Stamp,
}

/// A personal reading link, found by its token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Link {
    pub id: i64,
    pub org_id: i64,
    pub document_id: i64,
    pub person_id: i64,
    pub expires_at: crate::platform::clock::Stamp,
}

macro_rules! cols {
    () => {
        "id, org_id, title, kind, owner_id, decided_by, decided_on, decision_ref, review_on, roles, updated_at"
    };
}

macro_rules! version_cols {
    () => {
        "id, document_id, number, body, note, file_name, content_type, size, sha256, created_by, created_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Document>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM documents WHERE org_id = $1 ORDER BY title, id"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Document>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM documents WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// (document, unit) for every document of the organisation that names units.
pub async fn units<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT du.document_id, du.unit_id FROM document_units du JOIN documents d ON d.id = du.document_id
         WHERE d.org_id = $1 ORDER BY du.document_id, du.unit_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, d: &DocumentInput) -> Result<Key, DbError> {
    let now = crate::platform::clock::stamp();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO documents (org_id, title, kind, owner_id, decided_by, decided_on, decision_ref, review_on, roles, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(org)
    .bind(&d.title)
    .bind(d.kind.code())
    .bind(d.owner_id)
    .bind(&d.decided_by)
    .bind(d.decided_on)
    .bind(&d.decision_ref)
    .bind(d.review_on)
    .bind(&d.roles)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    set_units(conn, id, &d.unit_ids).await?;
    Ok(Key::found(org, id))
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, d: &DocumentInput) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE documents SET title = $1, kind = $2, owner_id = $3, decided_by = $4, decided_on = $5,
         decision_ref = $6, review_on = $7, roles = $8, updated_at = $9 WHERE org_id = $10 AND id = $11",
    )
    .bind(&d.title)
    .bind(d.kind.code())
    .bind(d.owner_id)
    .bind(&d.decided_by)
    .bind(d.decided_on)
    .bind(&d.decision_ref)
    .bind(d.review_on)
    .bind(&d.roles)
    .bind(crate::platform::clock::stamp())
    .bind(org)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    set_units(conn, id, &d.unit_ids).await
}

async fn set_units(conn: &mut sqlx::AnyConnection, id: i64, units: &[i64]) -> Result<(), DbError> {
    sqlx::query("DELETE FROM document_units WHERE document_id = $1").bind(id).execute(&mut *conn).await?;
    for u in units {
        sqlx::query("INSERT INTO document_units (document_id, unit_id) VALUES ($1, $2)")
            .bind(id)
            .bind(u)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A document's versions, newest first (what is shown about each, not a file's bytes).
pub async fn versions<'c, E: Executor<'c, Database = Any>>(e: E, document: Key) -> Result<Vec<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM document_versions WHERE document_id = $1 ORDER BY number DESC"
    ))
    .bind(document.id())
    .fetch_all(e)
    .await?)
}

/// The newest version of every document of the organisation.
pub async fn current_versions<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM document_versions v WHERE document_id IN (SELECT id FROM documents WHERE org_id = $1)
          AND number = (SELECT MAX(number) FROM document_versions w WHERE w.document_id = v.document_id)"
    ))
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// The bytes of a version's file, when it has one.
pub async fn file_content<'c, E: Executor<'c, Database = Any>>(
    e: E,
    document: Key,
    version: i64,
) -> Result<Option<Vec<u8>>, DbError> {
    let row: Option<(Option<Vec<u8>>,)> =
        sqlx::query_as("SELECT content FROM document_versions WHERE document_id = $1 AND id = $2")
            .bind(document.id())
            .bind(version)
            .fetch_optional(e)
            .await?;
    Ok(row.and_then(|(c,)| c))
}

/// Adds the next version of a document; returns its id and number.
pub async fn insert_version(
    conn: &mut sqlx::AnyConnection,
    document: Key,
    v: &NewVersion<'_>,
    by: &str,
) -> Result<(i64, i64), DbError> {
    let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(number) FROM document_versions WHERE document_id = $1")
        .bind(document.id())
        .fetch_one(&mut *conn)
        .await?;
    let number = last.unwrap_or(0) + 1;
    let (name, content_type, bytes) = match v.file {
        Some((n, t, b)) => (Some(n), Some(t), Some(b)),
        None => (None, None, None),
    };
    let sha = bytes.map(|b| {
        use sha2::Digest;
        sha2::Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect::<String>()
    });
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO document_versions (document_id, number, body, note, file_name, content_type, size, sha256, content, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(document.id())
    .bind(number)
    .bind(v.body)
    .bind(v.note)
    .bind(name)
    .bind(content_type)
    .bind(bytes.map(|b| b.len() as i64))
    .bind(sha)
    .bind(bytes)
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .fetch_one(&mut *conn)
    .await?;
    Ok((id, number))
}

/// Every acknowledgement of the organisation's documents.
pub async fn acknowledgements<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
) -> Result<Vec<Acknowledgement>, DbError> {
    Ok(sqlx::query_as(
        "SELECT a.version_id, a.person_id, a.via, a.at FROM document_acknowledgements a
         JOIN document_versions v ON v.id = a.version_id JOIN documents d ON d.id = v.document_id
         WHERE d.org_id = $1 ORDER BY a.at",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// Records that `person` has read `version`; false when they already had.
pub async fn acknowledge(
    conn: &mut sqlx::AnyConnection,
    version: i64,
    person: i64,
    via: &str,
    at: crate::platform::clock::Stamp,
) -> Result<bool, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM document_acknowledgements WHERE version_id = $1 AND person_id = $2")
            .bind(version)
            .bind(person)
            .fetch_one(&mut *conn)
            .await?;
    if n > 0 {
        return Ok(false);
    }
    sqlx::query("INSERT INTO document_acknowledgements (version_id, person_id, via, at) VALUES ($1, $2, $3, $4)")
        .bind(version)
        .bind(person)
        .bind(via)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// Makes a person's link to a document, ending any earlier one of theirs to it.
pub async fn replace_link(
    conn: &mut sqlx::AnyConnection,
    document: Key,
    person: i64,
    token_hash: &str,
    by: &str,
    expires_at: crate::platform::clock::Stamp,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM document_links WHERE document_id = $1 AND person_id = $2")
        .bind(document.id())
        .bind(person)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO document_links (document_id, person_id, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(document.id())
    .bind(person)
    .bind(token_hash)
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The link whose token has this SHA-256, with its organisation.
pub async fn link_by_hash<'c, E: Executor<'c, Database = Any>>(e: E, hash: &str) -> Result<Option<Link>, DbError> {
    Ok(sqlx::query_as(
        "SELECT l.id, d.org_id, l.document_id, l.person_id, l.expires_at FROM document_links l
         JOIN documents d ON d.id = l.document_id WHERE l.token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(e)
    .await?)
}

/// When each person's link to a document stops working, for the manager's list.
pub async fn link_expiries<'c, E: Executor<'c, Database = Any>>(
    e: E,
    document: Key,
) -> Result<Vec<(i64, crate::platform::clock::Stamp)>, DbError> {
    Ok(sqlx::query_as("SELECT person_id, expires_at FROM document_links WHERE document_id = $1")
        .bind(document.id())
        .fetch_all(e)
        .await?)
}

/// Sets when a version was made (the demo's versions were made long before it was loaded).
pub async fn set_version_time<'c, E: Executor<'c, Database = Any>>(
    e: E,
    version: i64,
    at: crate::platform::clock::Stamp,
) -> Result<(), DbError> {
    sqlx::query("UPDATE document_versions SET created_at = $1 WHERE id = $2").bind(at).bind(version).execute(e).await?;
    Ok(())
}
