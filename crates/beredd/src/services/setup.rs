//! A server's first start: there is an organisation to serve, and a one-time link for creating
//! its first administrator while it has no users.

use std::net::SocketAddr;

use crate::platform::db::Db;
use crate::store::{orgs, sessions, users};

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
        println!("Beredd har inga användare ännu. Skapa administratören på engångslänken:");
        println!("  http://{listen}/setup/{token}");
        println!("eller med kommandot: beredd user add --role admin NAMN");
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
