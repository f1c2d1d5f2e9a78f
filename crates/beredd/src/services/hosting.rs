//! Many organisations in one installation (hosted mode, issue 22): the platform administrator's
//! work on organisations, and finding the organisation a login or a command is for. The platform
//! administrator acts from the command line on the server or on the page `/platform` with an
//! account of its own (`services::accounts::platform`); what it does to an organisation is in
//! that organisation's own audit trail, the same whichever way it came.

use beredd_domain::hosting;
use beredd_domain::text::{self, FieldError};

use crate::platform::db::Db;
use crate::services::{Failure, Invalid};
use crate::store::{audit, org_removal, orgs, sessions, users};

/// The name the platform administrator's changes are recorded under.
pub const PLATFORM: &str = "plattformsadministratör";

/// A new organisation and the one-time link for its first administrator.
pub struct Created {
    pub org: orgs::Organisation,
    pub setup_token: String,
}

/// Which organisation a login is for.
pub enum LoginOrg {
    /// Found from the address, the form or because there is only one.
    Known(Box<orgs::Organisation>),
    /// Several: the login page asks, offering these (short name, name).
    Ask(Vec<(String, String)>),
}

/// Who of the platform acts: the command line on the server, or a platform administrator's
/// account (its name is recorded with the change).
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    CommandLine,
    Account(&'a str),
}

fn actor(org: i64, by: By<'_>) -> audit::Actor {
    let username = match by {
        By::CommandLine => PLATFORM.to_owned(),
        By::Account(name) => format!("{PLATFORM} ({name})"),
    };
    audit::Actor { org_id: org, user_id: None, username }
}

fn invalid(field: &'static str, e: FieldError) -> Failure {
    Failure::Invalid(Invalid::default().with(field, e))
}

/// What names a new organisation: `slug` and `host` may be empty (a short name is made from the
/// name; no host name of its own).
pub struct NewOrg<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub org_number: &'a str,
    pub host: &'a str,
}

/// Creates an organisation with its standard contacts and yearly-cycle task, and a one-time
/// link for its first administrator (valid a day).
pub async fn create(db: &Db, by: By<'_>, new: NewOrg<'_>) -> Result<Created, Failure> {
    let NewOrg { name, slug, org_number, host } = new;
    let name = text::Name::parse(name).map_err(|e| invalid("name", e))?;
    let org_number = text::optional_org_number(org_number).map_err(|e| invalid("org_number", e))?;
    let host = hosting::parse_host(host).map_err(|e| invalid("host", e))?;
    let mut tx = db.begin_write().await?;
    let taken = orgs::slugs(&mut *tx).await?;
    let slug = if slug.trim().is_empty() {
        hosting::free_slug(name.as_str(), &taken)
    } else {
        let s = hosting::parse_slug(slug).map_err(|e| invalid("slug", e))?;
        if taken.contains(&s) {
            return Err(invalid("slug", FieldError::Duplicate));
        }
        s
    };
    let id = orgs::create(&mut *tx, name.as_str(), org_number.as_deref(), &slug).await?;
    if let Some(h) = host.as_deref() {
        if orgs::by_host(&mut *tx, h).await?.is_some() {
            return Err(invalid("host", FieldError::Duplicate));
        }
        orgs::set_host(&mut *tx, id, Some(h)).await?;
    }
    crate::services::setup::contacts_into(&mut tx, id).await.map_err(|e| Failure::Internal(e.to_string()))?;
    crate::services::setup::standard_cycle(&mut *tx, id).await.map_err(|e| Failure::Internal(e.to_string()))?;
    let setup_token = sessions::create_setup_token(&mut *tx, id).await?;
    let change: audit::Change<'_, ()> = audit::Change {
        action: "create",
        entity: "organisation",
        entity_id: Some(id),
        summary: &format!("{} ({slug})", name.as_str()),
        before: None,
        after: None,
    };
    audit::record(&mut *tx, &actor(id, by), change).await?;
    tx.commit().await?;
    let org = orgs::get(&db.pool, id).await?.ok_or(Failure::NotFound)?;
    Ok(Created { org, setup_token })
}

/// Suspends an organisation (nobody of it logs in, its sessions and tokens stop working at once)
/// or lifts the suspension. Recorded in its audit trail.
pub async fn suspend(db: &Db, by: By<'_>, org: &orgs::Organisation, suspended: bool) -> Result<(), Failure> {
    let at = suspended.then(crate::platform::clock::stamp);
    let mut tx = db.begin_write().await?;
    orgs::set_suspended(&mut *tx, org.id, at.as_deref()).await?;
    let change: audit::Change<'_, ()> = audit::Change {
        action: if suspended { "suspend" } else { "resume" },
        entity: "organisation",
        entity_id: Some(org.id),
        summary: &org.slug,
        before: None,
        after: None,
    };
    audit::record(&mut *tx, &actor(org.id, by), change).await?;
    tx.commit().await?;
    Ok(())
}

/// Renames an organisation (its short name stays: addresses and bookmarks keep working).
pub async fn rename(db: &Db, by: By<'_>, org: &orgs::Organisation, name: &str) -> Result<(), Failure> {
    let name = text::Name::parse(name).map_err(|e| invalid("name", e))?;
    let mut tx = db.begin_write().await?;
    orgs::update(&mut *tx, org.id, name.as_str(), org.org_number.as_deref()).await?;
    let change = audit::Change {
        action: "update",
        entity: "organisation",
        entity_id: Some(org.id),
        summary: &org.slug,
        before: Some(&org.name),
        after: Some(&name.as_str().to_owned()),
    };
    audit::record(&mut *tx, &actor(org.id, by), change).await?;
    tx.commit().await?;
    Ok(())
}

/// A new one-time link for the organisation's first administrator, while it has no users
/// (earlier links of it stop working).
pub async fn new_setup_link(db: &Db, org: &orgs::Organisation) -> Result<Option<String>, Failure> {
    let mut tx = db.begin_write().await?;
    if users::count(&mut *tx, org.id).await? > 0 {
        return Ok(None);
    }
    sessions::consume_setup_tokens(&mut *tx, org.id).await?;
    let token = sessions::create_setup_token(&mut *tx, org.id).await?;
    tx.commit().await?;
    Ok(Some(token))
}

/// The tables a new organisation's setup fills (`create`), in an order their references allow
/// deleting: the one-time link, the yearly cycle's task, the standard contacts, the registers'
/// version counter and the audit trail.
const SETUP_TABLES: &[&str] = &["setup_tokens", "cycle_items", "people", "register_versions", "audit_log"];

/// How a removal went.
#[derive(Debug, PartialEq, Eq)]
pub enum Removal {
    Removed,
    /// The short name typed to confirm was not the organisation's.
    NotConfirmed,
    /// The organisation holds more than its setup: it has users, someone other than the platform
    /// did something in it, or these tables hold rows of it. It is kept (suspend it instead).
    HasData {
        users: i64,
        others_in_audit: i64,
        tables: Vec<String>,
    },
}

/// Removes an organisation, only while it holds nothing but what `create` made (no users, no
/// entry in its audit trail by anyone but the platform, no row in any other table), and only
/// when `confirm` is its short name. Its audit trail goes with it, so the removal is written to
/// the server's log.
pub async fn remove(db: &Db, by: By<'_>, org: &orgs::Organisation, confirm: &str) -> Result<Removal, Failure> {
    if confirm.trim().to_ascii_lowercase() != org.slug {
        return Ok(Removal::NotConfirmed);
    }
    let tables = org_removal::org_tables(db).await?;
    let mut tx = db.begin_write().await?;
    let users = users::count(&mut *tx, org.id).await?;
    let others_in_audit = org_removal::audit_entries_not_by(&mut tx, org.id, PLATFORM).await?;
    let mut holding = Vec::new();
    for t in tables.iter().filter(|t| !SETUP_TABLES.contains(&t.as_str())) {
        if org_removal::rows_in(&mut tx, t, org.id).await? > 0 {
            holding.push(t.clone());
        }
    }
    if users > 0 || others_in_audit > 0 || !holding.is_empty() {
        return Ok(Removal::HasData { users, others_in_audit, tables: holding });
    }
    org_removal::delete(&mut tx, org.id, SETUP_TABLES).await?;
    tx.commit().await?;
    let who = actor(org.id, by).username;
    tracing::warn!(org = org.id, slug = %org.slug, name = %org.name, by = %who, "organisation removed");
    Ok(Removal::Removed)
}

/// Why a command could not tell which organisation it is for.
#[derive(Debug, PartialEq, Eq)]
pub enum Which {
    /// The database has no organisation yet.
    None,
    /// Several, and `--org` was not given: their short names.
    Several(Vec<String>),
    /// `--org` names no organisation.
    Unknown(String),
}

impl std::fmt::Display for Which {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Which::None => write!(f, "databasen har ingen organisation ännu"),
            Which::Several(slugs) => {
                write!(f, "databasen har {} organisationer: ange vilken med --org ({})", slugs.len(), slugs.join(", "))
            }
            Which::Unknown(given) => write!(f, "det finns ingen organisation med kortnamnet eller numret {given:?}"),
        }
    }
}

impl std::error::Error for Which {}

/// The organisation a command is for: the one `--org` names (short name or number), or the only
/// one there is.
pub async fn for_command(db: &Db, given: Option<&str>) -> anyhow::Result<orgs::Organisation> {
    let all = orgs::list(&db.pool).await?;
    let found = match given.map(str::trim) {
        Some(g) => {
            all.into_iter().find(|o| o.slug == g.to_ascii_lowercase() || g.parse::<i64>().is_ok_and(|n| n == o.id))
        }
        None if all.len() == 1 => all.into_iter().next(),
        None if all.is_empty() => return Err(Which::None.into()),
        None => return Err(Which::Several(all.into_iter().map(|o| o.slug).collect()).into()),
    };
    found.ok_or_else(|| Which::Unknown(given.unwrap_or_default().to_owned()).into())
}

/// The organisation a login is for: the one the form or address names (`?org=` or `/o/<slug>`),
/// else the one whose host name the request came to, else the only one (unless the address named
/// another); otherwise the page asks. A suspended organisation is never found, nor offered.
pub async fn for_login(db: &Db, slug: Option<&str>, host: Option<&str>) -> Result<LoginOrg, Failure> {
    let active = |o: &orgs::Organisation| o.suspended_at.is_none();
    let named = slug.map(str::trim).filter(|s| !s.is_empty());
    if let Some(s) = named
        && let Some(o) = orgs::by_slug(&db.pool, &s.to_ascii_lowercase()).await?.filter(active)
    {
        return Ok(LoginOrg::Known(Box::new(o)));
    }
    if let Some(h) = host
        && let Some(o) = orgs::by_host(&db.pool, h).await?.filter(active)
    {
        return Ok(LoginOrg::Known(Box::new(o)));
    }
    let mut all: Vec<orgs::Organisation> = orgs::list(&db.pool).await?.into_iter().filter(active).collect();
    // An address that names an organisation no longer served (suspended, or mistyped) is never
    // taken for the only other one: the page asks.
    if all.len() == 1 && named.is_none() {
        return Ok(LoginOrg::Known(Box::new(all.remove(0))));
    }
    Ok(LoginOrg::Ask(all.into_iter().map(|o| (o.slug, o.name)).collect()))
}
