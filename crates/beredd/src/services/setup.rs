//! A server's first start: there is an organisation to serve, and a one-time link for creating
//! its first administrator while it has no users.

use std::net::SocketAddr;

use crate::platform::db::Db;
use crate::store::{audit, orgs, sessions, users};

/// Makes sure there is an organisation to serve, and tells how to create the first user.
pub async fn prepare(db: &Db, listen: SocketAddr) -> anyhow::Result<()> {
    let org = match orgs::first(&db.pool).await? {
        Some(o) => o.id,
        None => {
            let org = orgs::create(&db.pool, "Kommunen", None).await?;
            standard_contacts(&db.pool, org).await?;
            standard_cycle(&db.pool, org).await?;
            org
        }
    };
    if users::count(&db.pool).await? == 0 {
        // One link at a time: a new start replaces the link printed before.
        sessions::consume_setup_tokens(&db.pool).await?;
        let token = sessions::create_setup_token(&db.pool, org).await?;
        let say = crate::platform::console::say;
        say("Beredd har inga användare ännu. Skapa administratören på engångslänken:");
        say(&format!("  http://{listen}/setup/{token}"));
        say("eller med kommandot: beredd user add --role admin NAMN");
    }
    Ok(())
}

/// Adds the standard external contacts (MCF, IMY, IVO, the länsstyrelse, the police, the region)
/// to a new organisation, so they are there to edit and to call when an incident comes.
pub async fn standard_contacts<'c, E>(e: E, org: i64) -> anyhow::Result<()>
where
    E: sqlx::Acquire<'c, Database = sqlx::Any>,
{
    let mut conn = e.acquire().await?;
    for p in crate::content::contacts::authorities()? {
        crate::store::people::insert(&mut *conn, org, &p).await?;
    }
    Ok(())
}

/// Puts the yearly replacement of the keys that sign incident logs, the backup passphrase and
/// the break-glass accounts' passwords in a new organisation's yearly cycle, a year from today.
pub async fn standard_cycle<'c, E>(e: E, org: i64) -> anyhow::Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let today = crate::platform::clock::today();
    let start = today.replace_year(today.year() + 1).unwrap_or(today).to_string();
    let item = crate::store::cycle::NewItem {
        title: "Byt nycklarna som signerar krisloggen, lösenfrasen till säkerhetskopiorna och nödkontonas lösenord",
        kind: beredd_domain::cycle::CycleKind::Other,
        owner_id: None,
        unit_id: None,
        start_date: &start,
        every_months: 12,
        until_date: None,
        notes: Some("beredd keys rotate; skriv under Organisationen var de nya förvaras och skriv ut pärmen på nytt."),
    };
    crate::store::cycle::insert(e, org, &item).await?;
    Ok(())
}

/// The organisation a setup link is for, while the link is valid and no user exists yet.
pub async fn link_org(pool: &sqlx::AnyPool, token: &str) -> Result<Option<i64>, crate::platform::db::DbError> {
    if users::count(pool).await? > 0 {
        return Ok(None);
    }
    sessions::setup_token_org(pool, token).await
}

/// The first administrator, made through the setup link with the password already hashed; false
/// (and nobody made) when the link was spent or a user exists by now.
pub async fn first_admin(
    db: &Db,
    org: i64,
    token: &str,
    username: &str,
    display_name: &str,
    hash: &str,
) -> Result<bool, crate::platform::db::DbError> {
    let mut tx = db.begin_write().await?;
    // Checked again inside the transaction, and the token spent first: of two people using the
    // link at once, the second finds it gone and makes no second administrator (review F18).
    if !sessions::take_setup_token(&mut *tx, token).await? || users::count(&mut *tx).await? > 0 {
        return Ok(false);
    }
    let new = users::NewUser {
        org_id: org,
        username,
        display_name,
        password_hash: hash,
        role: beredd_domain::Role::Admin,
        lang: "sv",
    };
    let id = users::insert(&mut *tx, &new).await?;
    sessions::consume_setup_tokens(&mut *tx).await?;
    let actor = audit::Actor { org_id: org, user_id: Some(id), username: username.to_owned() };
    let change: audit::Change<'_, ()> = audit::Change {
        action: "create",
        entity: "user",
        entity_id: Some(id),
        summary: "setup link",
        before: None,
        after: None,
    };
    audit::record(&mut *tx, &actor, change).await?;
    tx.commit().await?;
    Ok(true)
}
