//! `beredd incident`: check an incident's log, and read a crisis log from an offline kit into it.

use anyhow::{Context, anyhow, bail};

use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::store::audit;
use crate::store::incidents::{self, Verdict};

#[derive(clap::Subcommand, Debug)]
pub enum Incident {
    /// Checks that the incident's log is an unbroken hash chain; exits with 1 if it is not.
    Verify {
        #[command(flatten)]
        db: super::DbOptions,
        /// The incident's number.
        id: i64,
        /// An entry's number and checksum as printed on paper ("12:3fa2c9d1e0b4a7f2"): checks
        /// that the log up to that entry has not changed since it was printed.
        #[arg(long)]
        paper: Option<String>,
        /// The organisation's public key as printed in the binder (64 hex digits, spaces
        /// allowed): entries it signed are checked with it rather than with what the database says.
        #[arg(long = "public-key")]
        public_key: Option<String>,
    },
    /// Reads a crisis log exported from an offline kit into the incident. Entries already
    /// there are skipped, so a file can be read twice without duplicates.
    ImportKitLog {
        #[command(flatten)]
        db: super::DbOptions,
        /// The incident's number.
        #[arg(long)]
        incident: i64,
        /// The .json file exported from the kit.
        file: std::path::PathBuf,
    },
    /// Writes the incident as a bundle file that another Beredd can import.
    ExportBundle {
        #[command(flatten)]
        db: super::DbOptions,
        /// The incident's number.
        id: i64,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Imports an incident bundle from another Beredd: its log is checked first, and entries
    /// already here are skipped.
    ImportBundle {
        #[command(flatten)]
        db: super::DbOptions,
        file: std::path::PathBuf,
    },
}

const BY: &str = "(kommandorad)";

impl Incident {
    pub async fn run(self) -> anyhow::Result<()> {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        match self {
            Incident::Verify { db, id, paper, public_key } => verify(&tr, db, id, paper, public_key).await,
            Incident::ImportKitLog { db, incident, file } => {
                let bytes = std::fs::read(&file).with_context(|| format!("kunde inte läsa {}", file.display()))?;
                let log = crate::services::crisis::kit_import::parse(&bytes)
                    .map_err(|e| anyhow!("{}: {e}", file.display()))?;
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                let mut tx = db.begin_write().await?;
                let i = incidents::get(&mut tx, org.id, incident)
                    .await?
                    .ok_or_else(|| anyhow!("incident {incident} finns inte"))?;
                let note = |r: crate::services::crisis::kit_import::Report| {
                    tr.ts("incident-log-imported", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped))
                };
                let report =
                    crate::services::crisis::kit_import::import(&mut tx, &db.keys, org.id, i.key(), &log, BY, note)
                        .await?;
                let actor = audit::Actor { org_id: org.id, user_id: None, username: BY.into() };
                let record = serde_json::json!({ "file": file.display().to_string(), "imported": report.imported, "skipped": report.skipped });
                audit::record(
                    &mut *tx,
                    &actor,
                    audit::Change {
                        action: "import",
                        entity: "incident",
                        entity_id: Some(i.id),
                        summary: &i.title,
                        before: None::<&serde_json::Value>,
                        after: Some(&record),
                    },
                )
                .await?;
                tx.commit().await?;
                println!("{}.", entries_read(report.imported, report.skipped));
                Ok(())
            }
            Incident::ExportBundle { db, id, out } => {
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                let mut conn = db.pool.acquire().await?;
                let b = crate::services::crisis::bundle::export(&mut conn, org.id, id)
                    .await?
                    .ok_or_else(|| anyhow!("incident {id} finns inte"))?;
                std::fs::write(&out, serde_json::to_vec_pretty(&b)?)
                    .with_context(|| format!("kunde inte skriva {}", out.display()))?;
                println!("Incidentpaketet ({} poster) skrevs till {}", b.log.len(), out.display());
                Ok(())
            }
            Incident::ImportBundle { db, file } => {
                let bytes = std::fs::read(&file).with_context(|| format!("kunde inte läsa {}", file.display()))?;
                let b =
                    crate::services::crisis::bundle::parse(&bytes).map_err(|e| anyhow!("{}: {e}", file.display()))?;
                let db = db.connect().await?;
                db.migrate().await?;
                let org = super::organisation(&db).await?;
                let mut tx = db.begin_write().await?;
                let note = |r: &crate::services::crisis::bundle::Report| {
                    crate::services::crisis::bundle::note_text(&tr, &b, r)
                };
                let report = crate::services::crisis::bundle::import(&mut tx, &db.keys, org.id, &b, BY, note)
                    .await
                    .map_err(|e| anyhow!("{}: {e}", file.display()))?;
                let actor = audit::Actor { org_id: org.id, user_id: None, username: BY.into() };
                let record = serde_json::json!({ "file": file.display().to_string(), "uid": b.incident.uid, "created": report.created, "imported": report.imported, "skipped": report.skipped });
                audit::record(
                    &mut *tx,
                    &actor,
                    audit::Change {
                        action: "import",
                        entity: "incident",
                        entity_id: Some(report.incident),
                        summary: &b.incident.title,
                        before: None::<&serde_json::Value>,
                        after: Some(&record),
                    },
                )
                .await?;
                tx.commit().await?;
                println!(
                    "Incident {}{}: {}.",
                    report.incident,
                    if report.created { " (ny)" } else { "" },
                    entries_read(report.imported, report.skipped)
                );
                Ok(())
            }
        }
    }
}

/// `beredd incident verify`: a head read off paper first, if one is given; then the chain, then
/// the signatures. The verdict and what the signatures show go to standard output; the first
/// thing that does not hold ends the command with an error.
async fn verify(
    tr: &Tr,
    db: super::DbOptions,
    id: i64,
    paper: Option<String>,
    public_key: Option<String>,
) -> anyhow::Result<()> {
    use crate::services::crisis::signatures;
    let given = match public_key.as_deref() {
        Some(k) => Some(
            crate::platform::keys::PublicKey::from_hex(k)
                .ok_or_else(|| anyhow!("{}", tr.t("keys-public-unreadable")))?,
        ),
        None => None,
    };
    let db = db.connect().await?;
    db.migrate().await?;
    let org = super::organisation(&db).await?;
    let mut conn = db.pool.acquire().await?;
    let missing = || anyhow!("incident {id} finns inte");
    let verdict = incidents::verify(&mut conn, org.id, id).await?.ok_or_else(missing)?;
    let i = incidents::get(&mut conn, org.id, id).await?.ok_or_else(missing)?;
    let rows = incidents::log(&mut *conn, org.id, i.key()).await?;
    if let Some(paper) = paper {
        use beredd_domain::incident::{PaperCheck, check_paper};
        let (seq, hash) = paper.split_once(':').unwrap_or(("", ""));
        let entries: Vec<_> = rows.iter().map(|r| (r.entry.clone(), r.hash.clone())).collect();
        let seq = seq.trim();
        match seq.parse::<i64>().ok().and_then(|n| check_paper(&entries, n, hash)) {
            Some(PaperCheck::Same) => println!("{}", tr.ts("paper-same", "seq", seq)),
            Some(PaperCheck::Differs) => bail!("{}", tr.ts("paper-differs", "seq", seq)),
            Some(PaperCheck::Missing) => bail!("{}", tr.ts("paper-missing", "seq", seq)),
            None => bail!("{}", tr.t("paper-unreadable")),
        }
    }
    let text = crate::services::crisis::verdict_text(tr, &verdict);
    if !matches!(verdict, Verdict::Intact { .. }) {
        bail!("{text}")
    }
    println!("{text}");
    let signed = signatures::check_incident(&mut conn, &db.keys, org.id, &i, &rows, given).await?;
    for line in signatures::lines(tr, &signed) {
        println!("{line}");
    }
    if !signed.holds() {
        bail!("{}", tr.t("keys-signatures-broken"));
    }
    Ok(())
}

/// "1 ny post lästes in, 2 fanns redan": the command line's words for a kit log or bundle read in.
fn entries_read(imported: usize, skipped: usize) -> String {
    let new =
        if imported == 1 { "1 ny post lästes in".to_owned() } else { format!("{imported} nya poster lästes in") };
    format!("{new}, {skipped} fanns redan")
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_entry_is_one_post() {
        assert_eq!(super::entries_read(1, 1), "1 ny post lästes in, 1 fanns redan");
        assert_eq!(super::entries_read(0, 3), "0 nya poster lästes in, 3 fanns redan");
    }
}
