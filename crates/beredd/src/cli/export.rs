//! `beredd export`: documents written to a file from the command line.

use anyhow::{Context, anyhow, bail};

use crate::binder::{self, Scope};
use crate::db::Db;
use crate::store::{audit, orgs, units};
use crate::web::i18n::{Catalog, Lang, Tr};

#[derive(clap::Subcommand, Debug)]
pub enum Export {
    /// The printed binder (PDF) of a unit and the units below it, or of the whole organisation.
    Binder {
        #[command(flatten)]
        db: super::DbOptions,
        /// The unit, by name or id; leave out for the whole organisation.
        #[arg(long)]
        unit: Option<String>,
        /// The PDF file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// Language of the binder: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
}

impl Export {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Export::Binder { db, unit, out, lang } => {
                let db = Db::connect(&db.url).await?;
                db.migrate().await?;
                let org = orgs::first(&db.pool).await?.ok_or_else(|| anyhow!("databasen har ingen organisation ännu"))?;
                let scope = match unit.as_deref().map(str::trim) {
                    None | Some("") => Scope::All,
                    Some(u) => {
                        let all = units::list(&db.pool, org.id).await?;
                        let found = all.iter().find(|x| x.name == u || x.id.to_string() == u).or_else(|| all.iter().find(|x| x.name.to_lowercase() == u.to_lowercase()));
                        match found {
                            Some(x) => Scope::Unit(x.id),
                            None => bail!("enheten {u:?} finns inte; ange enhetens namn eller id"),
                        }
                    }
                };
                let lang = match lang.as_str() {
                    "sv" => Lang::Sv,
                    "en" => Lang::En,
                    other => bail!("okänt språk {other:?}: använd sv eller en"),
                };
                let tr = Tr::new(Catalog::load(), lang);
                let by = "(kommandorad)";
                let today = crate::db::now()[..10].to_owned();
                let b = binder::prepare(&db.pool, &tr, org.id, scope, by, &today).await?.ok_or_else(|| anyhow!("enheten finns inte"))?;
                let pdf = tokio::task::spawn_blocking(move || binder::render(&b).map(|pdf| (b, pdf))).await?.context("pärmen kunde inte sättas")?;
                let (b, pdf) = pdf;
                std::fs::write(&out, &pdf).with_context(|| format!("kunde inte skriva {}", out.display()))?;
                let mut tx = db.begin_write().await?;
                let print = binder::record(&mut tx, org.id, &b, by).await?;
                let actor = audit::Actor { org_id: org.id, user_id: None, username: by.into() };
                let record = serde_json::json!({ "scope": b.scope_name, "plans": b.plans, "file": out.display().to_string() });
                audit::record(&mut *tx, &actor, audit::Change { action: "print", entity: "binder", entity_id: Some(print), summary: &b.scope_name, before: None::<&serde_json::Value>, after: Some(&record) }).await?;
                tx.commit().await?;
                println!("Pärmen för {} ({} planer, {} kB) skrevs till {}", b.scope_name, b.plans.len(), pdf.len().div_ceil(1024), out.display());
                Ok(())
            }
        }
    }
}
