//! A server's first start: there is an organisation to serve, and a one-time link for creating
//! its first administrator while it has no users.

use std::net::SocketAddr;

use crate::platform::db::Db;
use crate::store::{audit, orgs, sessions, users};

/// Makes sure there is an organisation to serve, and tells how to create the first user of
/// each organisation that has none.
pub async fn prepare(db: &Db, listen: SocketAddr) -> anyhow::Result<()> {
    if orgs::first(&db.pool).await?.is_none() {
        let org = orgs::create(&db.pool, "Kommunen", None, "kommunen").await?;
        standard_contacts(&db.pool, org).await?;
        standard_cycle(&db.pool, org).await?;
    }
    let all = orgs::list(&db.pool).await?;
    let several = all.len() > 1;
    for org in all.iter().filter(|o| o.suspended_at.is_none()) {
        // One link at a time: a new start replaces the link printed before.
        let Some(token) = crate::services::hosting::new_setup_link(db, org).await? else { continue };
        let say = crate::platform::console::say;
        if several {
            say(&format!(
                "{} ({}) har inga användare ännu. Skapa administratören på engångslänken:",
                org.name, org.slug
            ));
        } else {
            say("Beredd har inga användare ännu. Skapa administratören på engångslänken:");
        }
        say(&format!("  http://{listen}/setup/{token}"));
        let flag = if several { format!(" --org {}", org.slug) } else { String::new() };
        say(&format!("eller med kommandot: beredd user add{flag} --role admin NAMN"));
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
    contacts_into(&mut conn, org).await
}

/// The standard contacts on a connection (a transaction), for callers that must be `Send`
/// (the web's handlers): `Acquire` over a borrowed connection is not general enough for that.
pub async fn contacts_into(conn: &mut sqlx::AnyConnection, org: i64) -> anyhow::Result<()> {
    for p in crate::content::contacts::authorities()? {
        crate::store::people::insert(conn, org, &p).await?;
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
    // 29 February becomes 28 February.
    let start = today.months_before(-12).unwrap_or(today);
    let item = crate::store::cycle::NewItem {
        title: "Byt nycklarna som signerar krisloggen, lösenfrasen till säkerhetskopiorna och nödkontonas lösenord",
        kind: beredd_domain::cycle::CycleKind::Other,
        owner_id: None,
        unit_id: None,
        start_date: start,
        every_months: 12,
        until_date: None,
        notes: Some("beredd keys rotate; skriv under Organisationen var de nya förvaras och skriv ut pärmen på nytt."),
    };
    crate::store::cycle::insert(e, org, &item).await?;
    Ok(())
}

/// The organisation a setup link is for, while the link is valid and no user exists yet.
pub async fn link_org(pool: &sqlx::AnyPool, token: &str) -> Result<Option<i64>, crate::platform::db::DbError> {
    let Some(org) = sessions::setup_token_org(pool, token).await? else { return Ok(None) };
    Ok((users::count(pool, org).await? == 0).then_some(org))
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
    if !sessions::take_setup_token(&mut *tx, token).await? || users::count(&mut *tx, org).await? > 0 {
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
    sessions::consume_setup_tokens(&mut *tx, org).await?;
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

/// A secret that every process serving this database shares (kept in `meta`, 32 random bytes in
/// hex): the first process to need it makes it, the others read that one.
pub async fn shared_key(db: &Db, name: &str) -> anyhow::Result<[u8; 32]> {
    let key = format!("secret:{name}");
    let fresh: [u8; 32] = rand::random();
    let hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(&key)
        .bind(&hex)
        .execute(&db.pool)
        .await?;
    let kept = orgs::meta(&db.pool, &key).await?.ok_or_else(|| anyhow::anyhow!("{key} saknas"))?;
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(kept.get(i * 2..i * 2 + 2).unwrap_or(""), 16)
            .map_err(|_| anyhow::anyhow!("{key} är skadad i databasen"))?;
    }
    Ok(out)
}
