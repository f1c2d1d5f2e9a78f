//! `beredd backup`: the whole organisation as one encrypted file (the export of
//! `services::archive`, sealed with age by a passphrase or to a public key), from SQLite or
//! PostgreSQL, restored into either with `beredd restore`. `--new-key` makes the key pair for
//! backups the server cannot open; `--plain-sqlite-copy` keeps the old unencrypted copy of a
//! SQLite file, for a laptop to serve from, with a warning.

use anyhow::{Context, bail};

use crate::platform::db::Backend;
use crate::services::archive::{self, backup, schedule};

#[derive(clap::Args, Debug)]
pub struct Backup {
    #[command(flatten)]
    db: super::DbOptions,
    /// The file to write; it must not exist.
    #[arg(long, required_unless_present = "new_key")]
    out: Option<std::path::PathBuf>,
    /// An age public key (age1…) to encrypt to, so that the server never holds what opens the
    /// backup; repeat for several. Without it a passphrase is asked for (or read from standard
    /// input when it is not a terminal).
    #[arg(long = "recipient")]
    recipients: Vec<String>,
    /// Writes a new key pair for backups to this file (keep it away from the server) and prints
    /// the public key to give to --recipient.
    #[arg(long, conflicts_with_all = ["out", "recipients", "plain_sqlite_copy"])]
    new_key: Option<std::path::PathBuf>,
    /// An unencrypted copy of a SQLite database (one file a laptop serves from). It holds every
    /// phone number and weakness in clear: keep it as the database itself.
    #[arg(long)]
    plain_sqlite_copy: bool,
}

impl Backup {
    pub async fn run(self) -> anyhow::Result<()> {
        if let Some(path) = &self.new_key {
            return write_new_key(path);
        }
        let out = self.out.clone().context("--out saknas")?;
        if out.exists() {
            bail!("{} finns redan; välj ett nytt filnamn", out.display());
        }
        let db = self.db.connect().await?;
        db.migrate().await?;
        if self.plain_sqlite_copy {
            return plain_copy(&db, &out).await;
        }
        let key = if self.recipients.is_empty() {
            backup::Key::Passphrase(super::read_new_passphrase("Lösenfras för säkerhetskopian: ")?)
        } else {
            backup::Key::Recipients(self.recipients.clone())
        };
        archive::note(&db, "backup", "(kommandorad)", &out.display().to_string()).await?;
        let mut export = std::io::Cursor::new(Vec::new());
        let bar = super::progress::Bar::new();
        let manifest = archive::write_with(&db, &mut export, &bar).await?;
        bar.finish();
        let sealed = backup::seal(export.get_ref(), &key)?;
        let checksum = archive::sha256_hex(&sealed);
        write_new(&out, &sealed)?;
        let last = schedule::Last {
            at: crate::platform::clock::now_stamp(),
            file: std::fs::canonicalize(&out).unwrap_or(out.clone()).display().to_string(),
            bytes: sealed.len() as u64,
            sha256: checksum.clone(),
            by: "command".into(),
        };
        schedule::remember(&db.pool, &last).await?;
        let rows: usize = manifest.tables.iter().map(|t| t.rows).sum();
        println!(
            "Säkerhetskopian skrevs till {} ({} kB, {} tabeller, {rows} rader, schemaversion {}).",
            out.display(),
            sealed.len().div_ceil(1024),
            manifest.tables.len(),
            manifest.schema_version
        );
        println!("SHA-256 för filen: {checksum}");
        println!("Återställ den med: beredd restore {} --database ADRESS", out.display());
        Ok(())
    }
}

/// Writes a file that must not exist yet, readable by its owner only.
pub(super) fn write_new(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path).with_context(|| format!("{} kunde inte skapas", path.display()))?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

fn write_new_key(path: &std::path::Path) -> anyhow::Result<()> {
    let (text, public) = backup::new_key();
    write_new(path, text.as_bytes())?;
    println!("Nyckeln som öppnar säkerhetskopiorna skrevs till {}.", path.display());
    println!("Förvara den utanför servern (till exempel i kassaskåpet med pärmen).");
    println!("Skriv säkerhetskopior till den med: beredd backup --recipient {public} --out FIL");
    Ok(())
}

async fn plain_copy(db: &crate::platform::db::Db, out: &std::path::Path) -> anyhow::Result<()> {
    if db.backend == Backend::Postgres {
        bail!(
            "--plain-sqlite-copy kopierar en SQLite-databas; ta en krypterad säkerhetskopia och återställ den på datorn"
        );
    }
    let path = out.to_str().context("filnamnet måste vara UTF-8")?;
    // VACUUM INTO writes a consistent copy while other connections keep working.
    sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM INTO '{}'", path.replace('\'', "''"))))
        .execute(&db.pool)
        .await
        .context("kopian kunde inte skrivas")?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    eprintln!("Varning: kopian är inte krypterad. Den innehåller alla telefonnummer och svagheter i klartext.");
    println!(
        "Kopian ({} kB) skrevs till {}. Starta den med: beredd serve --database sqlite://{}",
        size.div_ceil(1024),
        out.display(),
        out.display()
    );
    Ok(())
}
