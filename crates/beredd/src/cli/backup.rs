//! `beredd backup`: a consistent copy of a SQLite database in one file, taken while Beredd
//! runs. Copied to a laptop, it is what `beredd serve` runs from when the main server is down;
//! the incident kept there comes back as a bundle (`beredd incident export-bundle`).

use anyhow::{Context, bail};

use crate::platform::db::Backend;

#[derive(clap::Args, Debug)]
pub struct Backup {
    #[command(flatten)]
    db: super::DbOptions,
    /// The file to write; it must not exist.
    #[arg(long)]
    out: std::path::PathBuf,
}

impl Backup {
    pub async fn run(self) -> anyhow::Result<()> {
        if self.out.exists() {
            bail!("{} finns redan; välj ett nytt filnamn", self.out.display());
        }
        let db = self.db.connect().await?;
        match db.backend {
            Backend::Sqlite => {
                let path = self.out.to_str().context("filnamnet måste vara UTF-8")?;
                // VACUUM INTO writes a consistent copy while other connections keep working.
                sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM INTO '{}'", path.replace('\'', "''"))))
                    .execute(&db.pool)
                    .await
                    .context("säkerhetskopian kunde inte skrivas")?;
                let size = std::fs::metadata(&self.out).map(|m| m.len()).unwrap_or(0);
                println!(
                    "Säkerhetskopian ({} kB) skrevs till {}. Starta den med: beredd serve --database sqlite://{}",
                    size.div_ceil(1024),
                    self.out.display(),
                    self.out.display()
                );
                Ok(())
            }
            Backend::Postgres => {
                bail!("beredd backup kopierar SQLite-databaser; en PostgreSQL-databas säkerhetskopieras med pg_dump")
            }
        }
    }
}
