//! `beredd restore FILE`: a backup (`beredd backup`) read into an empty database, SQLite or
//! PostgreSQL, whichever it was taken from. The checksum is checked before anything is
//! decrypted, and nothing is written unless the whole of it can be.

use anyhow::Context;

use crate::services::archive::{self, backup, load};

#[derive(clap::Args, Debug)]
pub struct Restore {
    #[command(flatten)]
    db: super::DbOptions,
    /// The backup file.
    file: std::path::PathBuf,
    /// The age key file (from `beredd backup --new-key`) for a backup written to a public key.
    /// Without it a passphrase is asked for (or read from standard input).
    #[arg(long)]
    identity: Option<std::path::PathBuf>,
}

impl Restore {
    pub async fn run(self) -> anyhow::Result<()> {
        let file = std::fs::read(&self.file).with_context(|| format!("{} kunde inte läsas", self.file.display()))?;
        backup::check(&file)?;
        let key = match &self.identity {
            Some(path) => backup::Key::Identity(
                std::fs::read_to_string(path).with_context(|| format!("{} kunde inte läsas", path.display()))?,
            ),
            None => backup::Key::Passphrase(super::read_passphrase("Säkerhetskopians lösenfras: ")?),
        };
        let export = backup::open(&file, &key)?;
        let export = archive::Export::read(&export)?;
        let db = self.db.connect().await?;
        let loaded = load::into(&db, &export).await?;
        println!("{}", super::import::loaded_line(&export.manifest, &loaded));
        Ok(())
    }
}
