//! `beredd demo`: a fresh database holding the demo municipality, then serve it.

use anyhow::{Context, bail};

use crate::db::{self, Backend, Db};
use crate::server::{self, ServeOptions};
use crate::store::orgs;

#[derive(clap::Args, Debug)]
pub struct Demo {
    /// sqlite://PATH or postgres://…; an existing demo database there is replaced, any other refused.
    #[arg(long = "database", env = "BEREDD_DATABASE_URL", default_value = "sqlite://beredd-demo.db")]
    url: String,
    #[command(flatten)]
    serve: ServeOptions,
    /// The administrator's password (otherwise one is made up and printed).
    #[arg(long, env = "BEREDD_ADMIN_PASSWORD")]
    admin_password: Option<String>,
    /// Read the demo data from this folder instead of the copy built into the program.
    #[arg(long)]
    library: Option<std::path::PathBuf>,
    /// Load the data and exit without serving.
    #[arg(long)]
    no_serve: bool,
}

/// Whether the database at `url` already holds something that is not a demo.
async fn holds_real_data(db: &Db) -> anyhow::Result<bool> {
    // No meta table means no Beredd schema: only an empty database passes.
    match orgs::meta(&db.pool, "demo").await {
        Ok(Some(v)) if v == "true" => Ok(false),
        Ok(_) => Ok(true),
        Err(_) => {
            let tables: Result<(i64,), _> = sqlx::query_as("SELECT COUNT(*) FROM schema_migrations").fetch_one(&db.pool).await;
            Ok(tables.is_ok())
        }
    }
}

async fn fresh_database(url: &str) -> anyhow::Result<Db> {
    let (_, backend) = db::normalise_url(url)?;
    match backend {
        Backend::Sqlite => {
            let path = db::sqlite_path(url).context("sqlite-sökväg saknas")?;
            if path.exists() {
                let existing = Db::connect(url).await?;
                let real = holds_real_data(&existing).await?;
                existing.close().await;
                if real {
                    bail!("{} innehåller redan data som inte är demodata; välj en annan fil med --database", path.display());
                }
                for suffix in ["", "-wal", "-shm"] {
                    let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
                    if p.exists() {
                        std::fs::remove_file(&p).with_context(|| format!("kan inte ta bort {}", p.display()))?;
                    }
                }
            }
            Ok(Db::connect(url).await?)
        }
        Backend::Postgres => {
            let db = Db::connect(url).await?;
            if holds_real_data(&db).await? {
                bail!("databasen innehåller redan data som inte är demodata; välj en annan med --database");
            }
            // A previous demo (or an empty schema): start over.
            sqlx::query("DROP SCHEMA public CASCADE").execute(&db.pool).await?;
            sqlx::query("CREATE SCHEMA public").execute(&db.pool).await?;
            Ok(db)
        }
    }
}

impl Demo {
    pub async fn run(self) -> anyhow::Result<()> {
        let db = fresh_database(&self.url).await?;
        db.migrate().await?;
        let source = match &self.library {
            Some(dir) => crate::demo::Source::Folder(dir.clone()),
            None => crate::demo::Source::Embedded,
        };
        let password = match self.admin_password.clone() {
            Some(p) => {
                beredd_domain::text::new_password(&p).map_err(|_| anyhow::anyhow!("--admin-password måste ha minst tio tecken"))?;
                p
            }
            None => crate::store::sessions::random_token()[..16].to_owned(),
        };
        let summary = crate::demo::load(&db, &source, &password).await?;
        println!("Demokommunen {} är inläst: {summary}.", summary.organisation);
        println!("Logga in som  admin  med lösenordet  {password}");
        if self.no_serve {
            db.close().await;
            return Ok(());
        }
        server::run(db, &self.serve).await
    }
}
