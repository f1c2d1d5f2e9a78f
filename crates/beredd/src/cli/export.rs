//! `beredd export`: the binder and the offline crisis kit, written to a file from the command line.

use anyhow::{Context, anyhow, bail};
use beredd_domain::job::JobStep;

use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::platform::progress::Progress;
use crate::services::continuity::binder::{self, Scope};
use crate::services::continuity::kit;
use crate::store::{audit, units};

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
    /// The offline crisis kit: one encrypted HTML file. The passphrase is asked for (without
    /// echo), or read from the first line of standard input when it is not a terminal.
    Kit {
        #[command(flatten)]
        db: super::DbOptions,
        /// A unit, by name or id (repeat for several); leave out for the whole organisation.
        #[arg(long)]
        unit: Vec<String>,
        /// The HTML file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// The kit warns when it is older than this many days.
        #[arg(long, default_value_t = 30)]
        max_age_days: u32,
        /// Language of the kit: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        /// Who receives the file (repeat for several): recorded for the kit's impact assessment.
        #[arg(long)]
        recipient: Vec<String>,
    },
    /// The whole organisation (the one `--org` names) as one zip file, readable without Beredd
    /// (a manifest with the schema version and checksums, one JSON file per table, the uploaded
    /// files), nothing of other organisations. Not encrypted: for a backup, use `beredd backup`.
    Organisation {
        #[command(flatten)]
        db: super::DbOptions,
        /// The zip file to write; it must not exist.
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

pub(super) fn language(lang: &str) -> anyhow::Result<Lang> {
    match lang {
        "sv" => Ok(Lang::Sv),
        "en" => Ok(Lang::En),
        other => bail!("okänt språk {other:?}: använd sv eller en"),
    }
}

/// A unit by its name (exact, then ignoring case) or its id.
fn find_unit(all: &[units::Unit], u: &str) -> anyhow::Result<i64> {
    let u = u.trim();
    all.iter()
        .find(|x| x.name == u || x.id.to_string() == u)
        .or_else(|| all.iter().find(|x| x.name.to_lowercase() == u.to_lowercase()))
        .map(|x| x.id)
        .ok_or_else(|| anyhow!("enheten {u:?} finns inte; ange enhetens namn eller id"))
}

impl Export {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Export::Binder { db, unit, out, lang } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                let scope = match unit.as_deref().map(str::trim) {
                    None | Some("") => Scope::All,
                    Some(u) => Scope::Unit(find_unit(&units::list(&db.pool, org.id).await?, u)?),
                };
                let tr = Tr::new(Catalog::load(), language(&lang)?);
                let by = "(kommandorad)";
                let today = crate::platform::clock::today_text();
                let whole = matches!(scope, Scope::All);
                let bar = super::progress::Bar::new();
                bar.report(JobStep::Gather, 0, 3);
                let mut b = binder::prepare(&db.pool, &tr, org.id, scope, by, &today)
                    .await?
                    .ok_or_else(|| anyhow!("enheten finns inte"))?;
                if whole {
                    let mut conn = db.pool.acquire().await?;
                    binder::add_keys_page(&mut b, &mut conn, &db.keys, org.id, &tr).await?;
                }
                bar.report(JobStep::Typeset, 1, 3);
                let pdf = binder::render(&db, org.id, &b).await.context("pärmen kunde inte sättas")?.pdf;
                bar.report(JobStep::Record, 2, 3);
                std::fs::write(&out, &pdf).with_context(|| format!("kunde inte skriva {}", out.display()))?;
                let mut tx = db.begin_write().await?;
                let print = binder::record(&mut tx, org.id, &b, by).await?;
                let actor = audit::Actor { org_id: org.id, user_id: None, username: by.into() };
                let record =
                    serde_json::json!({ "scope": b.scope_name, "plans": b.plans, "file": out.display().to_string() });
                audit::record(
                    &mut *tx,
                    &actor,
                    audit::Change {
                        action: "print",
                        entity: "binder",
                        entity_id: Some(print),
                        summary: &b.scope_name,
                        before: None::<&serde_json::Value>,
                        after: Some(&record),
                    },
                )
                .await?;
                tx.commit().await?;
                bar.report(JobStep::Finished, 3, 3);
                bar.finish();
                println!(
                    "Pärmen för {} ({}, {} kB) skrevs till {}",
                    b.scope_name,
                    plans_text(b.plans.len()),
                    pdf.len().div_ceil(1024),
                    out.display()
                );
                Ok(())
            }
            Export::Organisation { db, out } => {
                if out.exists() {
                    bail!("{} finns redan; välj ett nytt filnamn", out.display());
                }
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                let actor = audit::Actor { org_id: org.id, user_id: None, username: "(kommandorad)".into() };
                crate::services::archive::record(&db, &actor, "export", &out.display().to_string()).await?;
                let mut bytes = std::io::Cursor::new(Vec::new());
                let bar = super::progress::Bar::new();
                let manifest = crate::services::archive::write_organisation(&db, org.id, &mut bytes, &bar).await?;
                bar.finish();
                super::backup::write_new(&out, bytes.get_ref())?;
                let rows: usize = manifest.tables.iter().map(|t| t.rows).sum();
                eprintln!("Varning: filen är inte krypterad; den innehåller allt organisationen har i Beredd.");
                println!(
                    "{} ({}) skrevs till {} ({} kB, {} tabeller, {rows} rader, schemaversion {}).",
                    org.name,
                    org.slug,
                    out.display(),
                    bytes.get_ref().len().div_ceil(1024),
                    manifest.tables.len(),
                    manifest.schema_version
                );
                Ok(())
            }
            Export::Kit { db, unit, out, max_age_days, lang, recipient } => {
                if !(1..=365).contains(&max_age_days) {
                    bail!("--max-age-days ska vara 1–365");
                }
                let tr = Tr::new(Catalog::load(), language(&lang)?);
                let passphrase = super::read_new_passphrase("Lösenfras för den digitala krispärmen: ")?;
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                if let Err(e) = kit::Rule::load(&db.pool, org.id).await?.check(&passphrase) {
                    let sv = Tr::new(Catalog::load(), Lang::Sv);
                    let why = e.arg().map_or_else(|| sv.t(e.message_id()), |n| sv.tn(e.message_id(), n));
                    bail!("lösenfrasen godtas inte. {why}\nFörslag: {}", kit::suggest());
                }
                let all = units::list(&db.pool, org.id).await?;
                let ids = unit.iter().map(|u| find_unit(&all, u)).collect::<anyhow::Result<Vec<i64>>>()?;
                let by = "(kommandorad)";
                let actor = audit::Actor { org_id: org.id, user_id: None, username: by.into() };
                let recipients = (!recipient.is_empty()).then(|| recipient.join("\n"));
                let req = kit::Request { units: &ids, passphrase, max_age_days, by, recipients: recipients.as_deref() };
                let bar = super::progress::Bar::new();
                let made =
                    kit::make_with(&db, &tr, &actor, req, &bar).await?.ok_or_else(|| anyhow!("enheten finns inte"))?;
                bar.finish();
                std::fs::write(&out, &made.html).with_context(|| format!("kunde inte skriva {}", out.display()))?;
                println!(
                    "Den digitala krispärmen för {} ({}, {} kB) skrevs till {}. Fingeravtryck: {}",
                    made.scope_name,
                    plans_text(made.plans),
                    made.html.len().div_ceil(1024),
                    out.display(),
                    kit::short(&made.fingerprint)
                );
                Ok(())
            }
        }
    }
}

/// "1 plan", "2 planer": the number of plans a printed or exported file holds.
fn plans_text(n: usize) -> String {
    if n == 1 { "1 plan".to_owned() } else { format!("{n} planer") }
}
