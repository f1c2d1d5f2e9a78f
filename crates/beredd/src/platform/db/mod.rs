//! The connection to SQLite or PostgreSQL. Every query in `store` is written once, in SQL both
//! understand (`$1` placeholders, text times, 0/1 integers for yes and no), and runs through sqlx's `Any` driver.

mod cache;
mod migrate;
mod organisations;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};

pub use cache::Cache;
pub use migrate::{MIGRATIONS, latest as latest_schema};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database address {0:?}: use sqlite://PATH or postgres://…")]
    BadUrl(String),
    #[error(transparent)]
    Sqlx(sqlx::Error),
    #[error("migration {version} failed: {source}")]
    Migration { version: i64, source: sqlx::Error },
    #[error(
        "the database has migration {version}, which this version of Beredd does not know: it was made by a newer Beredd"
    )]
    UnknownMigration { version: i64 },
    #[error("the migration {file} differs from the one applied to this database: migrations must never be edited")]
    ChangedMigration { file: &'static str },
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Keys(#[from] crate::platform::keys::KeyError),
    /// The catalogue holds what a whole-database copy cannot carry (a name that is not a plain
    /// identifier, tables referring to each other in a ring).
    #[error("the database's tables cannot be copied: {0}")]
    Schema(String),
}

impl From<sqlx::Error> for DbError {
    /// A column holding a code its vocabulary does not know (a read model decodes it with
    /// `TryFrom<String>`, see `store`), or a day or time column holding text that is no day or time, is corrupt
    /// data, not a failed query.
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::ColumnDecode { index, source }
                if source.is::<beredd_domain::UnknownCode>()
                    || source.is::<crate::platform::day::NotADay>()
                    || source.is::<crate::platform::stamp::NotAStamp>() =>
            {
                DbError::Corrupt(format!("column {index}: {source}"))
            }
            e => DbError::Sqlx(e),
        }
    }
}

impl DbError {
    /// True when a UNIQUE constraint refused the write (a duplicate name).
    pub fn is_unique_violation(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The keys that sign the incident logs written through this connection: files outside the
    /// database (`platform::keys`).
    pub keys: std::sync::Arc<crate::platform::keys::Keyring>,
    /// The jobs this process runs on this database, with their latest progress.
    pub running: std::sync::Arc<crate::platform::progress::Running>,
    /// What this process keeps of each organisation's registers between requests.
    pub cache: std::sync::Arc<Cache>,
    /// The address connected to (sqlx's form), for a connection of its own such as the one that
    /// listens for other processes' notifications (`platform::relay`). Holds a password if the
    /// address does: never logged.
    pub url: Address,
}

/// A database address that does not show itself in debug output (it may hold a password).
#[derive(Clone)]
pub struct Address(std::sync::Arc<str>);

impl Address {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Address(…)")
    }
}

/// Turns the user's `sqlite://path` into what sqlx wants (create the file if missing).
pub fn normalise_url(url: &str) -> Result<(String, Backend), DbError> {
    if let Some(rest) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        if rest.is_empty() {
            return Err(DbError::BadUrl(without_password(url)));
        }
        let sep = if rest.contains('?') { '&' } else { '?' };
        let with_mode = if rest.contains("mode=") { rest.to_owned() } else { format!("{rest}{sep}mode=rwc") };
        Ok((format!("sqlite://{with_mode}"), Backend::Sqlite))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((url.to_owned(), Backend::Postgres))
    } else {
        Err(DbError::BadUrl(without_password(url)))
    }
}

/// A database URL with its password hidden, in the address (`user:secret@host`) or as a parameter:
/// what an error message or `beredd config check` shows.
pub fn without_password(url: &str) -> String {
    let mut url = url.to_owned();
    if let Some(scheme_end) = url.find("://") {
        let rest_start = scheme_end + 3;
        let authority_end = url[rest_start..].find(['/', '?']).map(|i| rest_start + i).unwrap_or(url.len());
        if let Some(at) = url[rest_start..authority_end].rfind('@').map(|i| rest_start + i)
            && let Some(colon) = url[rest_start..at].find(':').map(|i| rest_start + i)
        {
            url.replace_range(colon + 1..at, "(dolt)");
        }
    }
    if let Some((base, query)) = url.split_once('?') {
        let query: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=(dolt)"),
                _ => p.to_owned(),
            })
            .collect();
        url = format!("{base}?{}", query.join("&"));
    }
    url
}

/// The file behind a `sqlite://` address, for `beredd demo` to check before it replaces it.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    Some(std::path::PathBuf::from(path))
}

/// How many connections a pool holds unless told: 8. On SQLite one writes at a time and the
/// others read beside it (WAL); measured at the large municipality's size with 16 clients
/// reading while writes go on, 8 served more than 1, 2 or 4 and as much as 16 (README).
pub const CONNECTIONS: u32 = 8;

impl Db {
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        Db::connect_with(url, None).await
    }

    /// As [`Db::connect`], with a pool of `connections` (else [`CONNECTIONS`]).
    pub async fn connect_with(url: &str, connections: Option<u32>) -> Result<Db, DbError> {
        let url_given = url;
        sqlx::any::install_default_drivers();
        let (url, backend) = normalise_url(url)?;
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new()
            .max_connections(connections.unwrap_or(CONNECTIONS))
            .acquire_timeout(Duration::from_secs(10))
            // A SQLite connection is a file this process holds open: no server can have closed
            // it, so it is not pinged each time the pool hands it out (a round trip to its
            // worker thread on every query, a tenth of the start page's time in a profile).
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers go on while one writer writes; foreign keys are off
                        // by default in SQLite and must be turned on per connection.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            backend,
            cache: Default::default(),
            keys: std::sync::Arc::new(crate::platform::keys::Keyring::at(crate::platform::keys::Keyring::default_dir(
                url_given,
            ))),
            running: Default::default(),
            url: Address(url.as_str().into()),
        })
    }

    /// The same connection, signing with the keys in `dir` instead of the default folder.
    pub fn with_keys(mut self, dir: impl Into<std::path::PathBuf>) -> Db {
        self.keys = std::sync::Arc::new(crate::platform::keys::Keyring::at(dir));
        self
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (BEGIN
    /// IMMEDIATE), so that a read-then-write cannot fail on a snapshot another writer changed;
    /// the busy timeout then queues writers instead.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, DbError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Connects without changing anything (no WAL switch), to look at a database that may not
    /// be Beredd's.
    pub async fn connect_to_inspect(url: &str) -> Result<Db, DbError> {
        let url_given = url;
        sqlx::any::install_default_drivers();
        let (url, backend) = normalise_url(url)?;
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new().max_connections(1).connect_with(options).await?;
        let keys = std::sync::Arc::new(crate::platform::keys::Keyring::at(
            crate::platform::keys::Keyring::default_dir(url_given),
        ));
        Ok(Db {
            pool,
            backend,
            keys,
            running: Default::default(),
            cache: Default::default(),
            url: Address(url.as_str().into()),
        })
    }

    /// How many tables the database holds (see [`Db::tables`]).
    pub async fn table_count(&self) -> Result<i64, DbError> {
        Ok(self.tables().await?.len() as i64)
    }

    /// The tables of the database. In PostgreSQL, those of the schema this connection creates
    /// tables in: the first schema of its search_path that exists (for a role with a schema of
    /// its own name, that one, not `public`), whoever owns them.
    pub async fn tables(&self) -> Result<Vec<String>, DbError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            Backend::Postgres => {
                "SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            }
        };
        let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(t,)| t).collect())
    }

    /// In PostgreSQL, the schema this connection creates tables in (see [`Db::tables`]); `None`
    /// when its search_path names no schema that exists, and in SQLite.
    pub async fn schema(&self) -> Result<Option<String>, DbError> {
        if self.backend == Backend::Sqlite {
            return Ok(None);
        }
        let (schema,): (Option<String>,) =
            sqlx::query_as("SELECT current_schema()::text").fetch_one(&self.pool).await?;
        Ok(schema)
    }

    pub async fn migrate(&self) -> Result<usize, DbError> {
        migrate::run(self).await
    }

    /// Applies the migrations up to and including `version` only (see `migrate::run_to`).
    pub async fn migrate_to(&self, version: i64) -> Result<usize, DbError> {
        migrate::run_to(self, Some(version)).await
    }

    /// The SQL type of an auto-increment primary key on this backend.
    pub fn id_column(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "INTEGER PRIMARY KEY AUTOINCREMENT",
            Backend::Postgres => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        }
    }

    /// The SQL type of a column of raw bytes on this backend.
    pub fn blob_column(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "BLOB",
            Backend::Postgres => "BYTEA",
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_password_is_hidden_wherever_the_url_carries_it() {
        assert_eq!(
            without_password("postgres://beredd:hemligt@db:5432/beredd"),
            "postgres://beredd:(dolt)@db:5432/beredd"
        );
        assert_eq!(
            without_password("postgres://beredd@db/beredd?password=hemligt&sslmode=require"),
            "postgres://beredd@db/beredd?password=(dolt)&sslmode=require"
        );
        assert_eq!(without_password("sqlite:///var/lib/beredd/beredd.db"), "sqlite:///var/lib/beredd/beredd.db");
    }
}
