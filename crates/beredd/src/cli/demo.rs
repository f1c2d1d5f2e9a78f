//! `beredd demo`: a fresh database holding the demo municipality, then serve it.

use anyhow::{Context, bail};

use crate::platform::db::{self, Backend, Db};
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

/// Whether the database holds anything but an earlier demo: any table at all, unless Beredd's
/// own marker says it is a demo. A database of some other program is never replaced.
async fn holds_real_data(db: &Db) -> anyhow::Result<bool> {
    if db.table_count().await? == 0 {
        return Ok(false);
    }
    Ok(!matches!(orgs::meta(&db.pool, "demo").await, Ok(Some(v)) if v == "true"))
}

async fn fresh_database(url: &str) -> anyhow::Result<Db> {
    let (_, backend) = db::normalise_url(url)?;
    match backend {
        Backend::Sqlite => {
            let path = db::sqlite_path(url).context("sqlite-sökväg saknas")?;
            if path.exists() {
                let existing = Db::connect_to_inspect(url).await?;
                let real = holds_real_data(&existing).await?;
                existing.close().await;
                if real {
                    bail!(
                        "{} innehåller redan data som inte är demodata; välj en annan fil med --database",
                        path.display()
                    );
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
            let inspect = Db::connect_to_inspect(url).await?;
            let real = holds_real_data(&inspect).await?;
            inspect.close().await;
            if real {
                bail!("databasen innehåller redan data som inte är demodata; välj en annan med --database");
            }
            let db = Db::connect(url).await?;
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
            Some(dir) => crate::content::demo::Source::Folder(dir.clone()),
            None => crate::content::demo::Source::Embedded,
        };
        let password = match self.admin_password.clone() {
            Some(p) => {
                beredd_domain::text::new_password(&p)
                    .map_err(|_| anyhow::anyhow!("--admin-password måste ha minst tio tecken"))?;
                p
            }
            None => crate::store::sessions::random_token()[..16].to_owned(),
        };
        let summary = crate::content::demo::load(&db, &source, &password).await?;
        println!("Demokommunen {} är inläst: {summary}.", summary.organisation);
        println!("Logga in som  admin  med lösenordet  {password}");
        if self.no_serve {
            db.close().await;
            return Ok(());
        }
        server::run(db, &self.serve).await
    }
}
