//! `beredd platform-admin`: the platform administrator's accounts, which log in at
//! `/platform/login` and reach only the platform's pages (`services::accounts::platform`).

use anyhow::anyhow;

use crate::services::accounts::platform;
use crate::store::platform_admins;

#[derive(clap::Subcommand, Debug)]
pub enum PlatformAdmin {
    /// Adds an account; the password is asked for (without echo) or read from standard input.
    Add {
        #[command(flatten)]
        db: super::DbOptions,
        /// The name to log in with.
        name: String,
    },
    /// Lists the accounts.
    List {
        #[command(flatten)]
        db: super::DbOptions,
    },
    /// Sets an account's password (its sessions end).
    Passwd {
        #[command(flatten)]
        db: super::DbOptions,
        name: String,
    },
    /// Turns an account off: it logs in no more, and its sessions end at once.
    Disable {
        #[command(flatten)]
        db: super::DbOptions,
        name: String,
    },
    /// Removes an account's second factor (a lost phone): its sessions end, and it logs in with
    /// the password alone until it sets one up again.
    ResetSecondFactor {
        #[command(flatten)]
        db: super::DbOptions,
        name: String,
    },
}

async fn find(db: &crate::platform::db::Db, name: &str) -> anyhow::Result<platform_admins::Admin> {
    platform_admins::by_username(&db.pool, &name.trim().to_lowercase())
        .await?
        .ok_or_else(|| anyhow!("det finns ingen plattformsadministratör med namnet {name:?}"))
}

impl PlatformAdmin {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            PlatformAdmin::Add { db, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let password = super::user::read_password()?;
                platform::add(&db, &name, &password).await.map_err(super::org::said)?;
                println!("Plattformsadministratören {} är skapad; den loggar in på /platform/login.", name.trim());
                Ok(())
            }
            PlatformAdmin::List { db } => {
                let db = db.connect().await?;
                db.migrate().await?;
                for a in platform_admins::list(&db.pool).await? {
                    let state = if a.active.get() { "aktiv" } else { "avstängd" };
                    let since = a.created_at.shown_day();
                    println!("{:<24} {state:<9} sedan {since}", a.username);
                }
                Ok(())
            }
            PlatformAdmin::Passwd { db, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let admin = find(&db, &name).await?;
                let password = super::user::read_password()?;
                let hash = crate::platform::passwords::hash(&password).map_err(|e| anyhow!("{e}"))?;
                let mut tx = db.begin_write().await?;
                platform_admins::set_password(&mut tx, admin.id, &hash).await?;
                tx.commit().await?;
                println!("{} har ett nytt lösenord; dess sessioner är avslutade.", admin.username);
                Ok(())
            }
            PlatformAdmin::Disable { db, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let admin = find(&db, &name).await?;
                let mut tx = db.begin_write().await?;
                platform_admins::set_active(&mut tx, admin.id, false).await?;
                tx.commit().await?;
                println!("{} är avstängd och utloggad.", admin.username);
                Ok(())
            }
            PlatformAdmin::ResetSecondFactor { db, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let admin = find(&db, &name).await?;
                if platform::reset_second_factor(&db, &admin).await.map_err(super::org::said)? {
                    println!("{} har inte längre tvåstegsverifiering; dess sessioner är avslutade.", admin.username);
                } else {
                    println!("{} hade ingen tvåstegsverifiering; dess sessioner är avslutade.", admin.username);
                }
                Ok(())
            }
        }
    }
}
