//! The whole organisation as one file, readable without Beredd: a zip holding `manifest.json`
//! (the schema version it was written from, each table's columns and row count, and the SHA-256
//! of every other entry), one JSON document per table (`tables/<table>.json`, an array of rows,
//! each an object of column → value), the uploaded files (`files/<table>/<id>-<column>`, named
//! from the row in place of the bytes) and a short `LASMIG.txt` for a person who opens it.
//!
//! The same file is what a backup encrypts (`backup`), what moves an organisation from SQLite to
//! PostgreSQL, and what an upgrade must always be able to read (`load`).

pub mod as_new;
pub mod backup;
pub mod load;
pub mod schedule;

use std::collections::BTreeMap;
use std::io::{Read, Write};

use serde::{Deserialize, Serialize};
use sha2::Digest;

use beredd_domain::job::JobStep;

use crate::platform::db::{Db, DbError};
use crate::platform::progress::{Progress, Silent};
use crate::store::dump::{self, Kind, Value};

pub const FORMAT: &str = "beredd-organisation";
/// The layout of the zip (not the schema, which `schema_version` names).
pub const FORMAT_VERSION: u32 = 1;
/// A bound on what one entry of an export may hold when read back, against a file that unpacks
/// into more than a machine has.
const MAX_ENTRY: u64 = 2 * 1024 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The last migration of the Beredd that wrote it.
    pub schema_version: i64,
    /// `beredd <version>` of the program that wrote it.
    pub written_by: String,
    pub exported_at: String,
    /// Which database it was read from (`sqlite`, `postgres`), for the reader's information.
    pub from: String,
    pub organisations: Vec<String>,
    pub tables: Vec<TableEntry>,
    /// Every other entry of the zip with its SHA-256 in hex.
    pub checksums: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TableEntry {
    pub name: String,
    pub rows: usize,
    pub columns: Vec<ColumnEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ColumnEntry {
    pub name: String,
    pub kind: Kind,
}

/// Why an export could not be written or read; the messages are the operator's, in Swedish.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("filen är ingen export från Beredd: {0}")]
    NotAnExport(String),
    #[error("filen har ändrats eller skadats efter att den skrevs: {0}")]
    Changed(String),
    #[error(
        "exporten gjordes av en nyare Beredd (schemaversion {found}, den här kan {known}); uppgradera Beredd först"
    )]
    Newer { found: i64, known: i64 },
    #[error(
        "databasen är inte tom ({0}); en export läses in i en tom databas, eller som en ny organisation bredvid de andra med --as-new --slug KORTNAMN"
    )]
    NotEmpty(String),
    #[error("tabellen {table}, rad {row}: {reason}")]
    Row { table: String, row: usize, reason: String },
    #[error("filen kunde inte läsas eller skrivas: {0}")]
    Io(#[from] std::io::Error),
    /// An import as a new organisation whose short name another organisation has.
    #[error("kortnamnet {0:?} används redan av en annan organisation; välj ett annat med --slug")]
    SlugTaken(String),
    /// An import as a new organisation from a file that is not one organisation's export.
    #[error("{0}")]
    NotOne(String),
}

impl From<zip::result::ZipError> for ArchiveError {
    fn from(e: zip::result::ZipError) -> Self {
        ArchiveError::NotAnExport(e.to_string())
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

const README: &str = "Det här är en export av en organisation i Beredd.\n\n\
manifest.json  talar om vilken version av Beredd som skrev filen (schema_version), vilka tabeller\n\
               den håller med kolumner och antal rader, och kontrollsumman (SHA-256) för varje fil.\n\
tables/        en JSON-fil per tabell: en lista av rader, varje rad kolumnnamn och värde.\n\
               Tider är UTC i RFC 3339-form; ja/nej är 1/0.\n\
files/         uppladdade filer (underlag, bevis); i tabellen står filens namn här i stället för innehållet.\n\n\
Läs in den med: beredd import organisation FIL --database ADRESS (i en tom databas),\n\
eller som en ny organisation bredvid andra: beredd import organisation FIL --as-new --slug KORTNAMN.\n";

/// Reads every table of the database and writes the export to `out`. Reads in one transaction,
/// so that the tables agree with each other while Beredd goes on serving.
pub async fn write<W: Write + std::io::Seek>(db: &Db, out: W) -> Result<Manifest, ArchiveError> {
    write_with(db, out, &Silent).await
}

/// As [`write`], telling `progress` the tables read and then the files packed.
pub async fn write_with<W: Write + std::io::Seek>(
    db: &Db,
    out: W,
    progress: &dyn Progress,
) -> Result<Manifest, ArchiveError> {
    write_scoped(db, None, out, progress).await
}

/// One organisation's export: its rows of every table (by the schema, `store::scope`) and its
/// uploaded files, nothing of another organisation. The installation's own rows (`meta`) come
/// along only when it is the only organisation, so that its export is then the whole database.
pub async fn write_organisation<W: Write + std::io::Seek>(
    db: &Db,
    org: i64,
    out: W,
    progress: &dyn Progress,
) -> Result<Manifest, ArchiveError> {
    write_scoped(db, Some(org), out, progress).await
}

async fn write_scoped<W: Write + std::io::Seek>(
    db: &Db,
    org: Option<i64>,
    out: W,
    progress: &dyn Progress,
) -> Result<Manifest, ArchiveError> {
    let mut tables = dump::tables(db).await?;
    let scopes = crate::store::scope::scopes(&tables)?;
    // Counted here, not through `store::orgs`: an export is also written at an older schema.
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM organisations").fetch_one(&db.pool).await.map_err(DbError::from)?;
    if org.is_some() && n > 1 {
        tables.retain(|t| scopes.get(&t.name) != Some(&crate::store::scope::Scope::Platform));
    }
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    progress.report(JobStep::Tables, 0, count(tables.len()));
    let mut tx = db.pool.begin().await.map_err(DbError::from)?;
    if db.backend == crate::platform::db::Backend::Postgres {
        // One snapshot for every table, as SQLite's transaction gives by itself.
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(DbError::from)?;
    }
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut listed = Vec::new();
    for t in &tables {
        let condition = crate::store::scope::condition(&scopes, &t.name);
        let only = org.zip(condition.as_deref()).map(|(o, c)| (c, o));
        let rows = dump::rows_where(&mut *tx, t, only).await?;
        let id_at = t.columns.iter().position(|c| c.name == "id");
        let mut json_rows = Vec::with_capacity(rows.len());
        for (n, row) in rows.iter().enumerate() {
            let mut obj = serde_json::Map::new();
            for (c, v) in t.columns.iter().zip(row) {
                let value = match v {
                    Value::Null => serde_json::Value::Null,
                    Value::Integer(i) => (*i).into(),
                    Value::Real(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into),
                    Value::Text(s) => s.clone().into(),
                    Value::Boolean(b) => (*b).into(),
                    Value::Bytes(b) => {
                        let key = match id_at.map(|i| &row[i]) {
                            Some(Value::Integer(id)) => id.to_string(),
                            _ => format!("rad{}", n + 1),
                        };
                        let path = format!("files/{}/{key}-{}", t.name, c.name);
                        entries.push((path.clone(), b.clone()));
                        path.into()
                    }
                };
                obj.insert(c.name.clone(), value);
            }
            json_rows.push(serde_json::Value::Object(obj));
        }
        let body = serde_json::to_vec_pretty(&json_rows).map_err(|e| ArchiveError::NotAnExport(e.to_string()))?;
        entries.push((format!("tables/{}.json", t.name), body));
        listed.push(TableEntry {
            name: t.name.clone(),
            rows: rows.len(),
            columns: t.columns.iter().map(|c| ColumnEntry { name: c.name.clone(), kind: c.kind }).collect(),
        });
        progress.report(JobStep::Tables, count(listed.len()), count(tables.len()));
    }
    // The schema the rows were read from: that of this database, which a reader with newer code
    // carries forward.
    let (schema_version,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM schema_migrations")
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
    let organisations: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM organisations WHERE $1 < 0 OR id = $1 ORDER BY id")
            .bind(org.unwrap_or(-1))
            .fetch_all(&mut *tx)
            .await
            .map_err(DbError::from)?;
    tx.commit().await.map_err(DbError::from)?;
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema_version: schema_version.unwrap_or(0),
        written_by: format!("beredd {}", env!("CARGO_PKG_VERSION")),
        exported_at: crate::platform::clock::stamp(),
        from: match db.backend {
            crate::platform::db::Backend::Sqlite => "sqlite",
            crate::platform::db::Backend::Postgres => "postgres",
        }
        .to_owned(),
        organisations: organisations.into_iter().map(|(n,)| n).collect(),
        tables: listed,
        checksums: entries.iter().map(|(p, b)| (p.clone(), sha256_hex(b))).collect(),
    };
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("LASMIG.txt", options)?;
    zip.write_all(README.as_bytes())?;
    zip.start_file("manifest.json", options)?;
    zip.write_all(&serde_json::to_vec_pretty(&manifest).map_err(|e| ArchiveError::NotAnExport(e.to_string()))?)?;
    for (n, (path, bytes)) in entries.iter().enumerate() {
        zip.start_file(path.as_str(), options)?;
        zip.write_all(bytes)?;
        progress.report(JobStep::Pack, count(n + 1), count(entries.len()));
    }
    zip.finish()?;
    Ok(manifest)
}

/// An export read back and checked: the manifest, and every entry it lists, whose checksums agree.
pub struct Export {
    pub manifest: Manifest,
    pub entries: BTreeMap<String, Vec<u8>>,
}

impl Export {
    /// Reads and checks an export. Nothing is written anywhere by this.
    pub fn read(bytes: &[u8]) -> Result<Export, ArchiveError> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
        let mut read_entry = |name: &str| -> Result<Vec<u8>, ArchiveError> {
            let file = zip.by_name(name).map_err(|_| ArchiveError::Changed(format!("{name} saknas i filen")))?;
            let mut buf = Vec::new();
            file.take(MAX_ENTRY)
                .read_to_end(&mut buf)
                .map_err(|e| ArchiveError::Changed(format!("{name} går inte att packa upp ({e})")))?;
            Ok(buf)
        };
        let manifest: Manifest = serde_json::from_slice(&read_entry("manifest.json").map_err(|_| {
            ArchiveError::NotAnExport(
                "manifest.json saknas (är det en zip-fil från beredd export organisation?)".into(),
            )
        })?)
        .map_err(|e| ArchiveError::NotAnExport(format!("manifest.json: {e}")))?;
        if manifest.format != FORMAT {
            return Err(ArchiveError::NotAnExport(format!("formatet är {:?}, inte {FORMAT:?}", manifest.format)));
        }
        if manifest.format_version > FORMAT_VERSION {
            return Err(ArchiveError::Newer {
                found: manifest.schema_version,
                known: crate::platform::db::latest_schema(),
            });
        }
        let mut entries = BTreeMap::new();
        for (path, sum) in &manifest.checksums {
            let bytes = read_entry(path)?;
            if sha256_hex(&bytes) != *sum {
                return Err(ArchiveError::Changed(format!("kontrollsumman för {path} stämmer inte")));
            }
            entries.insert(path.clone(), bytes);
        }
        for t in &manifest.tables {
            if !entries.contains_key(&format!("tables/{}.json", t.name)) {
                return Err(ArchiveError::Changed(format!("tables/{}.json saknas i manifestet", t.name)));
            }
        }
        Ok(Export { manifest, entries })
    }

    /// A table's rows as JSON objects.
    pub fn rows(&self, table: &str) -> Result<Vec<serde_json::Map<String, serde_json::Value>>, ArchiveError> {
        let path = format!("tables/{table}.json");
        let bytes = self.entries.get(&path).ok_or_else(|| ArchiveError::Changed(format!("{path} saknas")))?;
        let rows: Vec<serde_json::Value> =
            serde_json::from_slice(bytes).map_err(|e| ArchiveError::Changed(format!("{path}: {e}")))?;
        rows.into_iter()
            .enumerate()
            .map(|(i, r)| match r {
                serde_json::Value::Object(m) => Ok(m),
                _ => Err(ArchiveError::Row {
                    table: table.to_owned(),
                    row: i + 1,
                    reason: "raden är inget objekt".into(),
                }),
            })
            .collect()
    }
}

/// Writes to the audit trail that the whole database left as a file (`action`: export, backup),
/// by whom and to where, before it is read, so that the file holds its own record: in every
/// organisation's trail, since every organisation's data is in it.
pub async fn note(db: &Db, action: &'static str, by: &str, file: &str) -> Result<(), DbError> {
    for org in crate::store::orgs::list(&db.pool).await? {
        let actor = crate::store::audit::Actor { org_id: org.id, user_id: None, username: by.into() };
        record(db, &actor, action, file).await?;
    }
    Ok(())
}

/// The audit entry of the whole organisation leaving as a file, under `actor`'s name.
pub async fn record(
    db: &Db,
    actor: &crate::store::audit::Actor,
    action: &'static str,
    file: &str,
) -> Result<(), DbError> {
    use crate::store::{audit, orgs};
    let Some(org) = orgs::get(&db.pool, actor.org_id).await? else { return Ok(()) };
    let after = serde_json::json!({ "file": file });
    let change = audit::Change {
        action,
        entity: "organisation",
        entity_id: Some(org.id),
        summary: &org.name,
        before: None::<&serde_json::Value>,
        after: Some(&after),
    };
    audit::record(&db.pool, actor, change).await
}

/// The export an administrator downloads from the web: recorded in the audit trail under their
/// name first, so that the file holds the record of its own making.
pub async fn download(db: &Db, actor: &crate::store::audit::Actor) -> Result<Vec<u8>, ArchiveError> {
    download_with(db, actor, &Silent).await
}

/// As [`download`], telling `progress` how far it has come.
pub async fn download_with(
    db: &Db,
    actor: &crate::store::audit::Actor,
    progress: &dyn Progress,
) -> Result<Vec<u8>, ArchiveError> {
    record(db, actor, "export", "(nedladdning)").await?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    write_organisation(db, actor.org_id, &mut bytes, progress).await?;
    Ok(bytes.into_inner())
}

/// Starts the export an administrator downloads from the web as a background job, as `actor`;
/// gives the job's id. `scope` names the organisation, `failed` is the message shown if it fails.
pub async fn start_download(
    db: &Db,
    actor: crate::store::audit::Actor,
    scope: String,
    failed: String,
) -> Result<i64, DbError> {
    use crate::services::jobs;
    use beredd_domain::job::JobKind;
    let user = actor.user_id.ok_or_else(|| DbError::Corrupt("a job needs a user".into()))?;
    let req = jobs::Request { org: actor.org_id, user, kind: JobKind::Export, scope };
    jobs::start(db, req, move |db, progress| async move {
        match download_with(&db, &actor, &*progress).await {
            Ok(bytes) => {
                let name = format!("beredd-organisation-{}.zip", crate::platform::clock::today_text());
                Ok(jobs::Made::File { name, content_type: "application/zip", bytes })
            }
            Err(e) => {
                tracing::error!("the organisation could not be exported: {e}");
                Err(failed)
            }
        }
    })
    .await
}
