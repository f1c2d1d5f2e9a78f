//! `beredd serve`: run on an empty or existing database, taking backups on a schedule when asked.

use anyhow::bail;

use super::{ServeFn, ServeOptions};
use crate::services::archive::schedule::{self, Schedule};

#[derive(clap::Args, Debug)]
pub struct Serve {
    #[command(flatten)]
    db: super::DbOptions,
    #[command(flatten)]
    serve: ServeOptions,
    #[command(flatten)]
    backups: BackupOptions,
}

/// Backups while serving: encrypted to public keys, so the server never holds what opens them.
#[derive(clap::Args, Debug)]
pub struct BackupOptions {
    /// The folder to write scheduled backups to (with --backup-recipient).
    #[arg(long, env = "BEREDD_BACKUP_DIR")]
    backup_dir: Option<std::path::PathBuf>,
    /// How often: 24h, 6h, 30m, 2d.
    #[arg(long, env = "BEREDD_BACKUP_EVERY", default_value = "24h")]
    backup_every: String,
    /// How many backups to keep in the folder; older ones are removed.
    #[arg(long, env = "BEREDD_BACKUP_KEEP", default_value_t = 14)]
    backup_keep: usize,
    /// The age public key (age1…, from `beredd backup --new-key`) the backups are encrypted to;
    /// repeat for several.
    #[arg(long = "backup-recipient", env = "BEREDD_BACKUP_RECIPIENTS", value_delimiter = ',')]
    backup_recipients: Vec<String>,
}

impl BackupOptions {
    pub(super) fn schedule(&self) -> anyhow::Result<Option<Schedule>> {
        let Some(dir) = &self.backup_dir else { return Ok(None) };
        if self.backup_recipients.is_empty() {
            bail!("--backup-dir kräver --backup-recipient (en publik age-nyckel från beredd backup --new-key)");
        }
        if self.backup_keep == 0 {
            bail!("--backup-keep ska vara minst 1");
        }
        let every = schedule::parse_every(&self.backup_every).map_err(anyhow::Error::msg)?;
        Ok(Some(Schedule {
            dir: dir.clone(),
            every,
            keep: self.backup_keep,
            recipients: self.backup_recipients.clone(),
        }))
    }
}

impl Serve {
    pub async fn run(self, serve: ServeFn) -> anyhow::Result<()> {
        let plan = self.backups.schedule()?;
        let db = self.db.connect().await?;
        db.migrate().await?;
        let _backups = match plan {
            Some(s) => Some(schedule::start(db.clone(), s).await?),
            None => {
                schedule::forget_plan(&db.pool).await?;
                None
            }
        };
        serve(db, self.serve.listen()).await
    }
}
