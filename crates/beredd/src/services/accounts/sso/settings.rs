//! The organisation's identity provider as its administrator sets it: validated, stored, and
//! audited (the client secret never: the trail says only whether it changed).

use beredd_domain::{FieldError, Role, sso};

use crate::platform::db::Db;
use crate::services::{Failure, Invalid};
use crate::store::{audit, sso as store, units};

/// What the administrator typed.
pub struct Input<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    /// Empty keeps the stored secret.
    pub client_secret: &'a str,
    pub public_url: &'a str,
    pub groups_claim: &'a str,
    pub group_roles: &'a str,
    pub break_glass_roles: Vec<&'a str>,
}

/// The roles whose break-glass accounts keep their password when nothing else is chosen.
pub const DEFAULT_BREAK_GLASS: &[Role] = &[Role::CrisisStaff];

/// An address of a web server: http or https, a host, no spaces.
fn web_address(input: &str) -> Result<String, FieldError> {
    let s = input.trim().trim_end_matches('/');
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.len() > 500 {
        return Err(FieldError::TooLong { max: 500 });
    }
    let url = openidconnect::url::Url::parse(s).map_err(|_| FieldError::Url)?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() || s.chars().any(char::is_whitespace) {
        return Err(FieldError::Url);
    }
    Ok(s.to_owned())
}

fn short(input: &str, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if s.chars().any(char::is_control) {
        return Err(FieldError::ControlChars);
    }
    Ok(s.to_owned())
}

/// Checks the input against what is stored; the provider to store, or why not, field by field.
async fn validate(
    db: &Db,
    org: i64,
    input: &Input<'_>,
    stored: Option<&store::Provider>,
) -> Result<store::Provider, Invalid> {
    let mut e = Invalid::default();
    let issuer = e.take("issuer", web_address(input.issuer));
    let client_id = e.take("client_id", short(input.client_id, 300));
    let client_secret = match (input.client_secret.trim(), stored) {
        ("", Some(p)) => p.client_secret.clone(),
        (s, _) => e.take("client_secret", short(s, 1000)),
    };
    let public_url = e.take("public_url", web_address(input.public_url));
    let groups_claim = e.take(
        "groups_claim",
        short(if input.groups_claim.trim().is_empty() { "groups" } else { input.groups_claim }, 100),
    );
    if let Err(err) = sso::parse(input.group_roles) {
        e.add("group_roles", err);
    } else {
        let known: Vec<i64> =
            units::list(&db.pool, org).await.map(|u| u.iter().map(|u| u.id).collect()).unwrap_or_default();
        if let Some((i, _)) = input
            .group_roles
            .lines()
            .enumerate()
            .filter_map(|(i, l)| sso::parse(l).ok().map(|m| (i, m)))
            .find(|(_, m)| m.iter().flat_map(|g| &g.units).any(|u| !known.contains(u)))
        {
            e.add("group_roles", FieldError::Line { line: i + 1, error: Box::new(FieldError::Missing) });
        }
    }
    let mut roles = Vec::new();
    for r in &input.break_glass_roles {
        match Role::parse(r) {
            Ok(role) => roles.push(role.code()),
            Err(err) => e.add("break_glass_roles", err),
        }
    }
    e.or(store::Provider {
        org_id: org,
        issuer,
        client_id,
        client_secret,
        public_url,
        groups_claim,
        group_roles: input.group_roles.trim().to_owned(),
        break_glass_roles: roles.join(","),
        updated_at: crate::platform::clock::now_stamp(),
    })
}

/// Stores the organisation's provider, audited; `Failure::Invalid` names what was wrong.
pub async fn save(db: &Db, actor: &audit::Actor, input: &Input<'_>) -> Result<(), Failure> {
    let before = store::get(&db.pool, actor.org_id).await?;
    let provider = validate(db, actor.org_id, input, before.as_ref()).await?;
    let secret_changed = before.as_ref().is_none_or(|b| b.client_secret != provider.client_secret);
    let mut tx = db.begin_write().await?;
    store::save(&mut *tx, &provider).await?;
    let after = store::get(&mut *tx, actor.org_id).await?;
    let summary = if secret_changed { "client secret set" } else { "client secret kept" };
    let change = audit::Change {
        action: if before.is_some() { "update" } else { "create" },
        entity: "sso-provider",
        entity_id: None,
        summary,
        before: before.as_ref(),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Turns single sign-on off: local accounts work as before it was on.
pub async fn remove(db: &Db, actor: &audit::Actor) -> Result<(), Failure> {
    let Some(before) = store::get(&db.pool, actor.org_id).await? else { return Ok(()) };
    let mut tx = db.begin_write().await?;
    store::remove(&mut *tx, actor.org_id).await?;
    let change = audit::Change {
        action: "delete",
        entity: "sso-provider",
        entity_id: None,
        summary: &before.issuer,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_address_is_http_or_https_with_a_host() {
        assert_eq!(
            web_address(" https://login.microsoftonline.com/abc/v2.0/ "),
            Ok("https://login.microsoftonline.com/abc/v2.0".into())
        );
        assert_eq!(web_address("http://127.0.0.1:8080"), Ok("http://127.0.0.1:8080".into()));
        assert_eq!(web_address("ftp://example.se"), Err(FieldError::Url));
        assert_eq!(web_address("login.example.se"), Err(FieldError::Url));
        assert_eq!(web_address(""), Err(FieldError::Required));
    }
}
