//! API tokens (issue 21): an administrator makes one per purpose, to read or also write, for some
//! areas; the token is shown once and kept as its SHA-256. A call with it is a caller of that
//! organisation, with those rights, named by the token's purpose in the audit trail.

use beredd_domain::{FieldError, text};

use crate::platform::db::Db;
use crate::services::{Failure, Invalid};
use crate::store::api_tokens::{self, ApiToken, NewToken};
use crate::store::{audit, sessions};

/// What a token gives its bearer.
pub const PREFIX: &str = "bd_";

/// The areas of the API, in the navigation's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Organisation,
    Classification,
    Continuity,
    Actions,
    Crisis,
}

impl Area {
    pub const ALL: [Area; 5] =
        [Area::Organisation, Area::Classification, Area::Continuity, Area::Actions, Area::Crisis];

    pub fn code(self) -> &'static str {
        match self {
            Area::Organisation => "organisation",
            Area::Classification => "classification",
            Area::Continuity => "continuity",
            Area::Actions => "actions",
            Area::Crisis => "crisis",
        }
    }

    pub fn parse(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Who is calling: the organisation, the token's purpose, what it may do.
#[derive(Debug, Clone)]
pub struct Caller {
    pub org_id: i64,
    pub token_id: i64,
    pub name: String,
    pub may_write: bool,
    pub areas: Vec<Area>,
}

impl Caller {
    pub fn reaches(&self, area: Area) -> bool {
        self.areas.contains(&area)
    }

    /// The caller as the audit trail names it.
    pub fn actor(&self) -> audit::Actor {
        audit::Actor { org_id: self.org_id, user_id: None, username: format!("API: {}", self.name) }
    }
}

fn areas_of(t: &ApiToken) -> Vec<Area> {
    t.areas.split(',').filter_map(Area::parse).collect()
}

/// The caller a bearer token stands for; none for an unknown or revoked token.
pub async fn authenticate(pool: &sqlx::AnyPool, token: &str) -> Result<Option<Caller>, Failure> {
    let token = token.trim();
    if !token.starts_with(PREFIX) || token.len() > 200 {
        return Ok(None);
    }
    let Some(t) = api_tokens::by_hash(pool, &sessions::hash_token(token)).await? else { return Ok(None) };
    if t.revoked_at.is_some() {
        return Ok(None);
    }
    api_tokens::used(pool, t.id).await?;
    Ok(Some(Caller {
        org_id: t.org_id,
        token_id: t.id,
        areas: areas_of(&t),
        name: t.name,
        may_write: t.may_write.get(),
    }))
}

/// Makes a token; returns its id and the token itself, which is never shown again.
pub async fn create(
    db: &Db,
    actor: &audit::Actor,
    name: &str,
    may_write: bool,
    areas: &[&str],
) -> Result<(i64, String), Failure> {
    let mut e = Invalid::default();
    let name = e.take("name", text::optional_line(name, 200).and_then(|n| n.ok_or(FieldError::Required)));
    let chosen: Vec<Area> = areas.iter().filter_map(|a| Area::parse(a)).collect();
    if chosen.is_empty() || chosen.len() != areas.len() {
        e.add("areas", if areas.is_empty() { FieldError::Required } else { FieldError::Choice });
    }
    if !e.is_empty() {
        return Err(e.into());
    }
    let token = format!("{PREFIX}{}", sessions::random_token());
    let codes = chosen.iter().map(|a| a.code()).collect::<Vec<_>>().join(",");
    let mut tx = db.begin_write().await?;
    let id = api_tokens::insert(
        &mut *tx,
        &NewToken {
            org_id: actor.org_id,
            name: &name,
            hash: &sessions::hash_token(&token),
            may_write,
            areas: &codes,
            created_by: &actor.username,
        },
    )
    .await?;
    let record = serde_json::json!({ "name": name, "may_write": may_write, "areas": codes });
    audit::record(
        &mut *tx,
        actor,
        audit::Change {
            action: "create",
            entity: "api-token",
            entity_id: Some(id),
            summary: &name,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((id, token))
}

/// Revokes a token: calls with it are refused from now on.
pub async fn revoke(db: &Db, actor: &audit::Actor, id: i64) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let found = api_tokens::list(&mut *tx, actor.org_id).await?.into_iter().find(|t| t.id == id);
    let Some(t) = found else { return Err(Failure::NotFound) };
    if !api_tokens::revoke(&mut *tx, actor.org_id, id).await? {
        return Ok(());
    }
    let change: audit::Change<'_, ()> = audit::Change {
        action: "revoke",
        entity: "api-token",
        entity_id: Some(id),
        summary: &t.name,
        before: None,
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list(pool: &sqlx::AnyPool, org: i64) -> Result<Vec<ApiToken>, Failure> {
    Ok(api_tokens::list(pool, org).await?)
}
