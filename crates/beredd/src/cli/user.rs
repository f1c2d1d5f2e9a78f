//! `beredd user`: create accounts and set passwords from the command line.

use std::io::{IsTerminal, Read};

use anyhow::{Context, bail};
use beredd_domain::{Role, text};

use crate::store::{audit, orgs, users};

#[derive(clap::Subcommand, Debug)]
pub enum User {
    /// Add a user; the password is asked for (without echo) or read from standard input.
    Add {
        #[command(flatten)]
        db: super::DbOptions,
        /// admin, coordinator, unit_manager, crisis_staff or reader.
        #[arg(long, default_value = "reader")]
        role: String,
        /// The name shown in Beredd (defaults to the user name).
        #[arg(long)]
        display_name: Option<String>,
        /// The user name to log in with.
        name: String,
    },
    /// Set a user's password.
    Passwd {
        #[command(flatten)]
        db: super::DbOptions,
        name: String,
    },
}

pub(super) fn read_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Lösenord: ")?;
        let second = rpassword::prompt_password("Upprepa lösenordet: ")?;
        if first != second {
            bail!("lösenorden är inte lika");
        }
        first
    } else {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s.lines().next().unwrap_or("").to_owned()
    };
    text::new_password(&password).map_err(|_| anyhow::anyhow!("lösenordet måste ha minst tio tecken"))?;
    Ok(password)
}

fn cli_actor(org_id: i64) -> audit::Actor {
    audit::Actor { org_id, user_id: None, username: "(kommandorad)".into() }
}

impl User {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            User::Add { db, role, display_name, name } => {
                let role = Role::parse(&role).map_err(|_| {
                    anyhow::anyhow!(
                        "okänd roll {role:?}: använd admin, coordinator, unit_manager, crisis_staff eller reader"
                    )
                })?;
                let username = text::username(&name).map_err(|_| anyhow::anyhow!("ogiltigt användarnamn {name:?}"))?;
                let display = text::Name::parse(display_name.as_deref().unwrap_or(&name))
                    .map_err(|_| anyhow::anyhow!("ogiltigt namn"))?;
                let db = db.connect().await?;
                db.migrate().await?;
                if orgs::first(&db.pool).await?.is_none() {
                    let org = orgs::create(&db.pool, "Kommunen", None, "kommunen").await?;
                    crate::services::setup::standard_contacts(&db.pool, org).await?;
                }
                let org = super::organisation(&db).await?.id;
                if users::by_username(&db.pool, org, &username).await?.is_some() {
                    bail!("användaren {username} finns redan");
                }
                let password = read_password()?;
                let hash = crate::platform::passwords::hash(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
                let mut tx = db.begin_write().await?;
                let id = users::insert(
                    &mut *tx,
                    &users::NewUser {
                        org_id: org,
                        username: &username,
                        display_name: display.as_str(),
                        password_hash: &hash,
                        role,
                        lang: "sv",
                    },
                )
                .await?;
                let change: audit::Change<'_, ()> = audit::Change {
                    action: "create",
                    entity: "user",
                    entity_id: Some(id),
                    summary: &username,
                    before: None,
                    after: None,
                };
                audit::record(&mut *tx, &cli_actor(org), change).await?;
                tx.commit().await?;
                println!("Användaren {username} ({}) är skapad.", role.code());
                Ok(())
            }
            User::Passwd { db, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?.id;
                let user = users::by_username(&db.pool, org, &name.to_lowercase())
                    .await?
                    .with_context(|| format!("ingen användare {name}"))?;
                let password = read_password()?;
                let hash = crate::platform::passwords::hash(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
                let mut tx = db.begin_write().await?;
                users::set_password(&mut *tx, user.id, &hash, users::PasswordSet::Reset).await?;
                // A reset password is often a leaked one: end every session it may have opened.
                crate::store::sessions::delete_all(&mut *tx, user.id).await?;
                let change: audit::Change<'_, ()> = audit::Change {
                    action: "password-reset",
                    entity: "user",
                    entity_id: Some(user.id),
                    summary: &user.username,
                    before: None,
                    after: None,
                };
                audit::record(&mut *tx, &cli_actor(user.org_id), change).await?;
                tx.commit().await?;
                println!("Lösenordet för {} är bytt. Användarens kalenderadress slutade också gälla.", user.username);
                Ok(())
            }
        }
    }
}
