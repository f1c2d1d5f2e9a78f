//! User accounts, their roles and the units granted to unit managers.

use serde::Serialize;
use sqlx::{Any, AnyConnection, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub username: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    #[sqlx(try_from = "super::Code<beredd_domain::Role>")]
    pub role: beredd_domain::Role,
    pub lang: String,
    #[sqlx(try_from = "i64")]
    pub active: super::Flag,
    pub updated_at: crate::platform::clock::Stamp,
    /// "issuer subject" of a user who comes through single sign-on (no local password then).
    pub sso_subject: Option<String>,
    /// A break-glass account: keeps its local password while single sign-on is configured.
    #[sqlx(try_from = "i64")]
    pub break_glass: super::Flag,
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
}

macro_rules! cols {
    () => {
        "id, org_id, username, display_name, password_hash, role, lang, active, updated_at, sso_subject, break_glass"
    };
}

/// How many accounts the organisation has.
pub async fn count<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE org_id = $1").bind(org).fetch_one(e).await?;
    Ok(n)
}

/// The organisation's account with this log-in name (names are unique per organisation).
pub async fn by_username<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    username: &str,
) -> Result<Option<User>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM users WHERE org_id = $1 AND username = $2"))
        .bind(org)
        .bind(username)
        .fetch_optional(e)
        .await?)
}

/// An account by its id alone, for a login's second step (which carries the id it signed).
pub async fn by_id<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<Option<User>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM users WHERE id = $1")).bind(id).fetch_optional(e).await?)
}

pub async fn get(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<User>, DbError> {
    let user: Option<User> = sqlx::query_as(concat!("SELECT ", cols!(), " FROM users WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(mut user) = user else { return Ok(None) };
    user.unit_ids = granted_units(&mut *conn, id).await?;
    Ok(Some(user))
}

pub async fn list(db: &sqlx::AnyPool, org: i64) -> Result<Vec<User>, DbError> {
    let mut users: Vec<User> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM users WHERE org_id = $1 ORDER BY username"))
            .bind(org)
            .fetch_all(db)
            .await?;
    let grants: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT g.user_id, g.unit_id FROM user_units g JOIN users u ON u.id = g.user_id WHERE u.org_id = $1",
    )
    .bind(org)
    .fetch_all(db)
    .await?;
    for u in &mut users {
        u.unit_ids = grants.iter().filter(|g| g.0 == u.id).map(|g| g.1).collect();
    }
    Ok(users)
}

pub async fn granted_units<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<Vec<i64>, DbError> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT unit_id FROM user_units WHERE user_id = $1 ORDER BY unit_id")
        .bind(user)
        .fetch_all(e)
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub struct NewUser<'a> {
    pub org_id: i64,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: beredd_domain::Role,
    pub lang: &'a str,
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(e: E, u: &NewUser<'_>) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (org_id, username, display_name, password_hash, role, lang, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id",
    )
    .bind(u.org_id)
    .bind(u.username)
    .bind(u.display_name)
    .bind(u.password_hash)
    .bind(u.role.code())
    .bind(u.lang)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

pub async fn update_account(
    conn: &mut AnyConnection,
    org: i64,
    id: i64,
    display_name: &str,
    role: beredd_domain::Role,
    active: bool,
    units: &[i64],
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET display_name = $1, role = $2, active = $3, updated_at = $4 WHERE org_id = $5 AND id = $6",
    )
    .bind(display_name)
    .bind(role.code())
    .bind(super::flag(active))
    .bind(crate::platform::clock::stamp())
    .bind(org)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM user_units WHERE user_id = $1").bind(id).execute(&mut *conn).await?;
    for u in units {
        sqlx::query("INSERT INTO user_units (user_id, unit_id) VALUES ($1, $2)")
            .bind(id)
            .bind(*u)
            .execute(&mut *conn)
            .await?;
    }
    if !active {
        super::sessions::delete_all(&mut *conn, id).await?;
    }
    Ok(())
}

/// Who set a new password: the user themselves, or someone else for them (an administrator, or
/// an operator with `beredd user passwd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordSet {
    ByUser,
    Reset,
}

impl PasswordSet {
    /// The code kept as why the calendar address stopped working.
    pub fn code(self) -> &'static str {
        match self {
            PasswordSet::ByUser => "password",
            PasswordSet::Reset => "reset",
        }
    }
}

/// Sets a new password. The calendar address ends with the old password (security review F15):
/// whoever had the one may have had the other.
pub async fn set_password<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    hash: &str,
    how: PasswordSet,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2,
         calendar_ended = CASE WHEN calendar_token_hash IS NULL THEN calendar_ended ELSE $3 END,
         calendar_token_hash = NULL, calendar_token = NULL WHERE id = $4",
    )
    .bind(hash)
    .bind(crate::platform::clock::stamp())
    .bind(how.code())
    .bind(id)
    .execute(e)
    .await?;
    Ok(())
}

pub async fn set_lang<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, lang: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET lang = $1 WHERE id = $2").bind(lang).bind(id).execute(e).await?;
    Ok(())
}

/// The person in the register this user is, if they said.
pub async fn person_of<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    e: E,
    user: i64,
) -> Result<Option<i64>, DbError> {
    let (p,): (Option<i64>,) =
        sqlx::query_as("SELECT person_id FROM users WHERE id = $1").bind(user).fetch_one(e).await?;
    Ok(p)
}

pub async fn set_person<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    e: E,
    user: i64,
    person: Option<i64>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2").bind(person).bind(user).execute(e).await?;
    Ok(())
}

/// The user who comes through single sign-on as `subject` ("issuer subject").
pub async fn by_subject<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    subject: &str,
) -> Result<Option<User>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM users WHERE org_id = $1 AND sso_subject = $2"))
        .bind(org)
        .bind(subject)
        .fetch_optional(e)
        .await?)
}

/// Makes a user who comes through single sign-on: no local password (an empty hash verifies nothing).
pub async fn insert_sso<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    username: &str,
    display_name: &str,
    subject: &str,
    role: beredd_domain::Role,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (org_id, username, display_name, password_hash, role, lang, active, created_at, updated_at, sso_subject)
         VALUES ($1, $2, $3, '', $4, 'sv', 1, $5, $5, $6) RETURNING id",
    )
    .bind(org)
    .bind(username)
    .bind(display_name)
    .bind(role.code())
    .bind(crate::platform::clock::stamp())
    .bind(subject)
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// Whether a user name is taken (in any organisation: names are unique across the database).
pub async fn username_taken<'c, E: Executor<'c, Database = Any>>(e: E, username: &str) -> Result<bool, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE username = $1").bind(username).fetch_optional(e).await?;
    Ok(row.is_some())
}

pub async fn set_break_glass<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    on: bool,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET break_glass = $1 WHERE org_id = $2 AND id = $3")
        .bind(super::flag(on))
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}
