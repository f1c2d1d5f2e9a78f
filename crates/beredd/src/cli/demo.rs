//! `beredd demo`: a fresh database holding the demo municipality, then serve it. An earlier demo
//! is replaced, unless people have worked in it since (then only with `--replace`).

use anyhow::{Context, bail};

use super::{ServeFn, ServeOptions};
use crate::platform::db::{self, Backend, Db};
use crate::store::{audit, incidents, orgs};

#[derive(clap::Args, Debug)]
pub struct Demo {
    /// sqlite://PATH or postgres://…; an earlier demo there is replaced (one people have worked in
    /// only with --replace), any other database refused.
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
    /// Replace a demo database even when people have worked in it since it was loaded.
    #[arg(long)]
    replace: bool,
    /// `large` grows the demo to a large municipality (300 units, 3 000 staff, 1 000 systems,
    /// 5 000 information assets, 3 000 risks, 50 000 dependencies, 300 approved plans and an
    /// exercise with 5 000 log entries) for measuring speed.
    #[arg(long, value_enum, default_value = "normal")]
    size: DemoSize,
    /// The folder of the keys that sign incident logs (by default `beredd-keys` beside a SQLite
    /// file, or ~/.local/share/beredd/keys with PostgreSQL).
    #[arg(long = "keys", env = "BEREDD_KEYS")]
    keys: Option<std::path::PathBuf>,
}

/// Whether the database at `url` may give way to a fresh demo: it is empty, or an earlier demo
/// that nobody has worked in since it was loaded (or `replace` says to replace it anyway). Any
/// other database, even one of some other program, is never replaced. `place` names it.
async fn check_replaceable(url: &str, place: &str, replace: bool) -> anyhow::Result<()> {
    let db = Db::connect_to_inspect(url).await?;
    let verdict = replaceable(&db, url, place, replace).await;
    db.close().await;
    verdict
}

async fn replaceable(db: &Db, url: &str, place: &str, replace: bool) -> anyhow::Result<()> {
    // On PostgreSQL, the tables of the schema the role writes to (security review F21): the
    // first of its search_path, which need not be `public`. Its `meta` must be there too, not
    // found in a schema further down the path.
    let tables = db.tables().await?;
    if tables.is_empty() {
        return Ok(());
    }
    let demo =
        tables.iter().any(|t| t == "meta") && matches!(orgs::meta(&db.pool, "demo").await, Ok(Some(v)) if v == "true");
    if !demo {
        bail!("{place} innehåller redan data som inte är demodata; välj en annan med --database");
    }
    if replace {
        return Ok(());
    }
    if let Some(work) = work_since_loaded(db).await {
        bail!(
            "{place} är en demodatabas som det har arbetats i sedan demon lästes in ({work}). Den ersätts inte, så att inget går förlorat.\n\
             Vill du behålla uppgifterna: starta Beredd på den med  beredd serve --database {url}  och ta gärna en kopia först med  beredd backup --database {url} --out kopia.db\n\
             Vill du ändå börja om med en ny demo och kasta allt som gjorts i den: kör  beredd demo --replace"
        );
    }
    Ok(())
}

/// What people did in a demo database after it was loaded, in words, or `None` when nothing: a
/// change in the audit trail by anyone but the demo loader (logging in and out aside; the yearly
/// cycle's generated tasks are not in the trail), or an entry in an incident's log that the
/// demo did not write. A database that cannot be asked is taken to hold work.
async fn work_since_loaded(db: &Db) -> Option<String> {
    let changes = audit::changes_by_others(&db.pool, crate::content::demo::ACTOR).await;
    let entries = incidents::entries_not_from(&db.pool, crate::content::demo::LOG_SOURCE).await;
    let (Ok((changes, newest)), Ok(entries)) = (changes, entries) else {
        return Some("databasen går inte att undersöka".to_owned());
    };
    let mut what = Vec::new();
    if changes > 0 {
        let newest = newest.map(|at| format!(", den senaste {} svensk tid", at.shown_minute())).unwrap_or_default();
        let n = if changes == 1 { "1 ändring".to_owned() } else { format!("{changes} ändringar") };
        what.push(format!("{n} i händelseloggen av andra än demoinläsningen{newest}"));
    }
    if entries > 0 {
        let n = if entries == 1 { "1 ny post".to_owned() } else { format!("{entries} nya poster") };
        what.push(format!("{n} i incidenternas loggar"));
    }
    (!what.is_empty()).then(|| what.join(" och "))
}

async fn fresh_database(url: &str, replace: bool) -> anyhow::Result<Db> {
    let (_, backend) = db::normalise_url(url)?;
    match backend {
        Backend::Sqlite => {
            let path = db::sqlite_path(url).context("sqlite-sökväg saknas")?;
            if path.exists() {
                check_replaceable(url, &path.display().to_string(), replace).await?;
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
            check_replaceable(url, "databasen", replace).await?;
            let db = Db::connect(url).await?;
            // A previous demo (or an empty schema): start over in the schema the role writes to,
            // and only there; other schemas, `public` among them, are left as they are (F21).
            let schema = db.schema().await?.context(
                "PostgreSQL-rollens search_path pekar inte på något schema som finns; skapa ett eller ändra search_path",
            )?;
            for table in db.tables().await? {
                let sql = format!("DROP TABLE IF EXISTS {}.{} CASCADE", quoted(&schema), quoted(&table));
                sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.pool).await?;
            }
            Ok(db)
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DemoSize {
    Normal,
    Large,
}

/// A PostgreSQL identifier, quoted.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Demo {
    pub async fn run(self, serve: ServeFn) -> anyhow::Result<()> {
        let db = fresh_database(&self.url, self.replace).await?;
        let db = match &self.keys {
            Some(dir) => db.with_keys(dir),
            None => db,
        };
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
        if self.size == DemoSize::Large {
            let grown =
                crate::content::demo::large::grow(&db, summary.org_id, &crate::content::demo::large::LARGE).await?;
            println!("Den är utökad till {grown}.");
        }
        println!("Logga in som  admin  med lösenordet  {password}");
        if self.no_serve {
            db.close().await;
            return Ok(());
        }
        serve(db, self.serve.listen()).await
    }
}
