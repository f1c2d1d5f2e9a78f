//! `beredd org`: the platform administrator's work on the organisations of an installation that
//! serves many (hosted mode, `services::hosting`): add one (with the one-time link for its first
//! administrator), list them, suspend, resume, rename and remove one, and make a new setup link.

use anyhow::{anyhow, bail};

use crate::services::{Failure, hosting};
use crate::store::{orgs, users};

#[derive(clap::Subcommand, Debug)]
pub enum Org {
    /// Adds an organisation and prints the one-time link for its first administrator.
    Add {
        #[command(flatten)]
        db: super::DbOptions,
        /// Its name, e.g. "Kalix kommun".
        name: String,
        /// The short name in its address (/o/<kortnamn>); made from the name when left out.
        #[arg(long, value_name = "KORTNAMN")]
        slug: Option<String>,
        #[arg(long)]
        org_number: Option<String>,
        /// A host name of its own that the login page recognises (beredd.kalix.se).
        #[arg(long)]
        host: Option<String>,
        /// The server's address, for the printed link (http://beredd.example.se).
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        address: String,
    },
    /// Lists the organisations: short name, name, users, suspended or not.
    List {
        #[command(flatten)]
        db: super::DbOptions,
    },
    /// Suspends an organisation: nobody of it can log in or use a token until it is resumed.
    Suspend {
        #[command(flatten)]
        db: super::DbOptions,
        slug: String,
    },
    /// Lifts a suspension.
    Resume {
        #[command(flatten)]
        db: super::DbOptions,
        slug: String,
    },
    /// Renames an organisation; its short name and address stay.
    Rename {
        #[command(flatten)]
        db: super::DbOptions,
        slug: String,
        name: String,
    },
    /// Removes an organisation that holds nothing but its setup (no users, nothing done in it);
    /// one with data is refused: suspend it instead.
    Remove {
        #[command(flatten)]
        db: super::DbOptions,
        slug: String,
        /// Its short name again, to confirm.
        #[arg(long, value_name = "KORTNAMN")]
        confirm: String,
    },
    /// A new one-time link for the first administrator of an organisation that has no users.
    Link {
        #[command(flatten)]
        db: super::DbOptions,
        slug: String,
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        address: String,
    },
}

/// A use case's refusal as a line for the operator, naming the field.
pub(super) fn said(e: Failure) -> anyhow::Error {
    match e {
        Failure::Invalid(inv) => {
            let tr =
                crate::platform::i18n::Tr::new(crate::platform::i18n::Catalog::load(), crate::platform::i18n::Lang::Sv);
            let lines: Vec<String> = inv.0.iter().map(|(f, e)| format!("{f}: {}", tr.t(e.message_id()))).collect();
            anyhow!("{}", lines.join("; "))
        }
        other => anyhow!("{other}"),
    }
}

async fn find(db: &crate::platform::db::Db, slug: &str) -> anyhow::Result<orgs::Organisation> {
    orgs::by_slug(&db.pool, &slug.trim().to_ascii_lowercase())
        .await?
        .ok_or_else(|| anyhow!("det finns ingen organisation med kortnamnet {slug:?} (se beredd org list)"))
}

impl Org {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Org::Add { db, name, slug, org_number, host, address } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let new = hosting::NewOrg {
                    name: &name,
                    slug: slug.as_deref().unwrap_or(""),
                    org_number: org_number.as_deref().unwrap_or(""),
                    host: host.as_deref().unwrap_or(""),
                };
                let made = hosting::create(&db, hosting::By::CommandLine, new).await.map_err(said)?;
                println!("Organisationen {} är skapad med kortnamnet {}.", made.org.name, made.org.slug);
                println!("Dess inloggning: {}/o/{}", address.trim_end_matches('/'), made.org.slug);
                println!("Engångslänk för dess första administratör (gäller ett dygn):");
                println!("  {}/setup/{}", address.trim_end_matches('/'), made.setup_token);
                Ok(())
            }
            Org::List { db } => {
                let db = db.connect().await?;
                db.migrate().await?;
                for o in orgs::list(&db.pool).await? {
                    let n = users::count(&db.pool, o.id).await?;
                    let state = match &o.suspended_at {
                        Some(at) => format!("avstängd sedan {}", at.shown_day()),
                        None => "aktiv".to_owned(),
                    };
                    println!("{:<24} {:<36} {n:>4} användare  {state}", o.slug, o.name);
                }
                Ok(())
            }
            Org::Suspend { db, slug } => suspend(db, &slug, true).await,
            Org::Resume { db, slug } => suspend(db, &slug, false).await,
            Org::Rename { db, slug, name } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = find(&db, &slug).await?;
                hosting::rename(&db, hosting::By::CommandLine, &org, &name).await.map_err(said)?;
                println!("{} heter nu {}.", org.slug, name.trim());
                Ok(())
            }
            Org::Remove { db, slug, confirm } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = find(&db, &slug).await?;
                match hosting::remove(&db, hosting::By::CommandLine, &org, &confirm).await.map_err(said)? {
                    hosting::Removal::Removed => println!("{} ({}) är borttagen.", org.name, org.slug),
                    hosting::Removal::NotConfirmed => bail!("--confirm ska vara kortnamnet {}", org.slug),
                    hosting::Removal::HasData { users, others_in_audit, tables } => bail!(
                        "{} har data och tas inte bort ({users} användare, {others_in_audit} händelser i loggen, tabellerna {}); stäng av den i stället",
                        org.name,
                        tables.join(", ")
                    ),
                }
                Ok(())
            }
            Org::Link { db, slug, address } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = find(&db, &slug).await?;
                let Some(token) = hosting::new_setup_link(&db, &org).await.map_err(said)? else {
                    bail!("{} har redan användare: dess administratör lägger till fler under Användare", org.name);
                };
                println!("Engångslänk för {}s första administratör (gäller ett dygn):", org.name);
                println!("  {}/setup/{token}", address.trim_end_matches('/'));
                Ok(())
            }
        }
    }
}

async fn suspend(db: super::DbOptions, slug: &str, suspended: bool) -> anyhow::Result<()> {
    let db = db.connect().await?;
    db.migrate().await?;
    let org = find(&db, slug).await?;
    hosting::suspend(&db, hosting::By::CommandLine, &org, suspended).await.map_err(said)?;
    if suspended {
        println!("{} är avstängd: ingen av dess användare kan logga in, och dess nycklar slutar gälla.", org.name);
    } else {
        println!("{} är aktiv igen.", org.name);
    }
    Ok(())
}
