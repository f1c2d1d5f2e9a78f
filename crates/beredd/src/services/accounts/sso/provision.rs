//! The user a verified ID token names: created on first login (no local password), their name,
//! role and units set from the token at every login, and turned off when no group of theirs
//! gives a role any more or the provider refuses to confirm their session. Each change is in the
//! audit trail under the user's own name, as done by single sign-on.

use beredd_domain::sso;

use super::flow::{Claims, Refusal};
use crate::platform::db::Db;
use crate::services::Failure;
use crate::store::{audit, sso as store, users};

/// The groups the configured claim carries: a list of strings, or one string.
pub fn groups(payload: &serde_json::Value, claim: &str) -> Vec<String> {
    match payload.get(claim) {
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|g| g.as_str().map(str::to_owned)).collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn claim<'a>(payload: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    payload.get(name).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty())
}

/// A user name from what the provider calls the user ("anna.berg@kommun.se" gives
/// "anna.berg.kommun.se"): lower case, letters, digits and `._-` only, 2–60 characters.
pub fn username_base(payload: &serde_json::Value, subject: &str) -> String {
    let from = ["preferred_username", "email", "name"].iter().find_map(|c| claim(payload, c)).unwrap_or(subject);
    let mut s: String = from
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '.' })
        .take(60)
        .collect();
    s = s.trim_matches('.').to_owned();
    if s.chars().count() < 2 { format!("sso-{s}") } else { s }
}

/// A name shown for the user: the provider's `name`, or the user name.
fn display_name(payload: &serde_json::Value, username: &str) -> String {
    let name = claim(payload, "name").unwrap_or(username);
    name.chars().filter(|c| !c.is_control()).take(200).collect()
}

async fn free_username(db: &Db, base: &str) -> Result<String, Failure> {
    for n in 1..1000 {
        let candidate = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        if !users::username_taken(&db.pool, &candidate).await? {
            return Ok(candidate);
        }
    }
    Err(Failure::Internal("no free user name".into()))
}

fn actor(u: &users::User) -> audit::Actor {
    audit::Actor { org_id: u.org_id, user_id: Some(u.id), username: u.username.clone() }
}

/// The user, created or brought up to date, or why they are not let in.
pub async fn admit(db: &Db, p: &store::Provider, c: &Claims) -> Result<Result<users::User, Refusal>, Failure> {
    let mapping = sso::parse(&p.group_roles).unwrap_or_default();
    let granted = sso::resolve(&mapping, &groups(&c.payload, &p.groups_claim));
    let existing = users::by_subject(&db.pool, p.org_id, &c.subject).await?;
    let Some((role, units)) = granted else {
        if let Some(u) = existing.filter(|u| u.active.get()) {
            turn_off(db, p.org_id, u.id, "no group gives a role").await?;
        }
        return Ok(Err(Refusal::NotMapped));
    };
    if existing.as_ref().is_some_and(|u| !u.active.get()) {
        return Ok(Err(Refusal::Inactive));
    }
    let new_name = match existing {
        Some(_) => None,
        None => Some(free_username(db, &username_base(&c.payload, &c.subject)).await?),
    };
    let mut tx = db.begin_write().await?;
    let (id, before) = match (existing, new_name) {
        (Some(u), _) => (u.id, Some(u)),
        (None, username) => {
            let username = username.unwrap_or_default();
            let name = display_name(&c.payload, &username);
            (users::insert_sso(&mut *tx, p.org_id, &username, &name, &c.subject, role).await?, None)
        }
    };
    let mut current = users::get(&mut tx, p.org_id, id).await?.ok_or(Failure::NotFound)?;
    let name = display_name(&c.payload, &current.username);
    if before.is_none() || current.role != role || current.unit_ids != units || current.display_name != name {
        users::update_account(&mut tx, p.org_id, id, &name, role, true, &units).await?;
        let after = users::get(&mut tx, p.org_id, id).await?.ok_or(Failure::NotFound)?;
        let change = audit::Change {
            action: if before.is_none() { "create" } else { "update" },
            entity: "user",
            entity_id: Some(id),
            summary: "single sign-on: role and units from the provider's groups",
            before: before.as_ref(),
            after: Some(&after),
        };
        audit::record(&mut *tx, &actor(&after), change).await?;
        current = after;
    }
    tx.commit().await?;
    Ok(Ok(current))
}

/// Turns a user off (their sessions end with it), with why in the audit trail.
pub async fn turn_off(db: &Db, org: i64, id: i64, why: &str) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let Some(before) = users::get(&mut tx, org, id).await? else { return Ok(()) };
    users::update_account(&mut tx, org, id, &before.display_name, before.role, false, &before.unit_ids).await?;
    let after = users::get(&mut tx, org, id).await?;
    let summary = format!("single sign-on: turned off ({why})");
    let change = audit::Change {
        action: "deactivate",
        entity: "user",
        entity_id: Some(id),
        summary: &summary,
        before: Some(&before),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, &actor(&before), change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_is_made_from_what_the_provider_calls_the_user() {
        let p = serde_json::json!({"preferred_username": "Anna.Berg@Kommun.se", "name": "Anna Berg"});
        assert_eq!(username_base(&p, "x"), "anna.berg.kommun.se");
        let p = serde_json::json!({"name": "Åsa Öberg"});
        assert_eq!(username_base(&p, "x"), "åsa.öberg");
        assert_eq!(username_base(&serde_json::json!({}), "a"), "sso-a");
        assert_eq!(groups(&serde_json::json!({"roles": "beredd"}), "roles"), vec!["beredd".to_owned()]);
        assert_eq!(
            groups(&serde_json::json!({"groups": ["a", 3, "b"]}), "groups"),
            vec!["a".to_owned(), "b".to_owned()]
        );
    }
}
