//! An export read into an empty database, SQLite or PostgreSQL. An export written by an older
//! Beredd is first read into a scratch SQLite file at the schema it was written from, carried
//! forward there by the migrations (which are tested to lose nothing), and then read in: so
//! every export a Beredd has ever written stays readable.

use super::{ArchiveError, Export};
use crate::platform::db::{Db, DbError, latest_schema};
use crate::store::dump::{self, Kind, Value};

/// What was read in.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub tables: usize,
    pub rows: usize,
    /// The schema version of an older export that was carried forward.
    pub upgraded_from: Option<i64>,
}

/// Reads the export into `db`, which must hold no content yet. Nothing is written unless all of
/// it can be: one transaction.
pub async fn into(db: &Db, export: &Export) -> Result<Loaded, ArchiveError> {
    let version = export.manifest.schema_version;
    let latest = latest_schema();
    if version > latest {
        return Err(ArchiveError::Newer { found: version, known: latest });
    }
    if version == latest {
        db.migrate().await?;
        return same_schema(db, export).await;
    }
    // Refuse a full database before the work of carrying the export forward.
    db.migrate().await?;
    refuse_content(db).await?;
    let carried = carried_forward(export).await?;
    let mut loaded = same_schema(db, &carried).await?;
    loaded.upgraded_from = Some(version);
    Ok(loaded)
}

/// An export written from an older schema, read into a scratch SQLite file at that schema,
/// carried forward there by the migrations and written again.
pub(super) async fn carried_forward(export: &Export) -> Result<Export, ArchiveError> {
    let dir = tempfile::tempdir()?;
    let scratch = Db::connect(&format!("sqlite://{}", dir.path().join("upgrade.db").display()))
        .await?
        .with_keys(dir.path().join("keys"));
    scratch.migrate_to(export.manifest.schema_version).await?;
    same_schema(&scratch, export).await?;
    scratch.migrate().await?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    super::write(&scratch, &mut bytes).await?;
    scratch.close().await;
    Export::read(bytes.get_ref())
}

async fn refuse_content(db: &Db) -> Result<(), ArchiveError> {
    let mut full = Vec::new();
    for t in dump::tables(db).await? {
        if dump::count(&db.pool, &t.name).await? > 0 {
            full.push(t.name);
        }
    }
    if full.is_empty() { Ok(()) } else { Err(ArchiveError::NotEmpty(full.join(", "))) }
}

/// Reads an export written from the schema `db` has now.
async fn same_schema(db: &Db, export: &Export) -> Result<Loaded, ArchiveError> {
    refuse_content(db).await?;
    let tables = dump::tables(db).await?;
    fits(&tables, export)?;
    let mut loaded = Loaded::default();
    let mut tx = db.begin_write().await?;
    let mut written = Vec::new();
    for step in dump::in_reference_order(&tables)? {
        let t = step.table;
        if !export.manifest.tables.iter().any(|l| l.name == t.name) {
            continue;
        }
        let rows = rows_of(export, t)?;
        dump::write(&mut tx, db.backend, &step, &rows).await.map_err(|e| unwritten(&t.name, e))?;
        loaded.tables += 1;
        loaded.rows += rows.len();
        written.push((step, rows));
    }
    for (step, rows) in &written {
        dump::fill(&mut tx, step, rows).await.map_err(|e| unwritten(&step.table.name, e))?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(loaded)
}

/// Refuses an export with a table this Beredd does not have, or with other columns.
pub(super) fn fits(tables: &[dump::Table], export: &Export) -> Result<(), ArchiveError> {
    for listed in &export.manifest.tables {
        let Some(t) = tables.iter().find(|t| t.name == listed.name) else {
            return Err(ArchiveError::NotAnExport(format!("tabellen {} finns inte i den här Beredd", listed.name)));
        };
        let mut ours: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        let mut theirs: Vec<&str> = listed.columns.iter().map(|c| c.name.as_str()).collect();
        ours.sort_unstable();
        theirs.sort_unstable();
        if ours != theirs {
            return Err(ArchiveError::NotAnExport(format!(
                "tabellen {} har andra kolumner i exporten ({}) än här ({})",
                t.name,
                theirs.join(", "),
                ours.join(", ")
            )));
        }
    }
    Ok(())
}

/// A table's rows from the export, in the order of the database's columns.
pub(super) fn rows_of(export: &Export, t: &dump::Table) -> Result<Vec<Vec<Value>>, ArchiveError> {
    let json = export.rows(&t.name)?;
    let mut rows = Vec::with_capacity(json.len());
    for (i, obj) in json.iter().enumerate() {
        let mut row = Vec::with_capacity(t.columns.len());
        for c in &t.columns {
            let v = obj.get(&c.name).unwrap_or(&serde_json::Value::Null);
            row.push(value(export, c.kind, v).map_err(|reason| ArchiveError::Row {
                table: t.name.clone(),
                row: i + 1,
                reason: format!("kolumnen {}: {reason}", c.name),
            })?);
        }
        rows.push(row);
    }
    Ok(rows)
}

pub(super) fn unwritten(table: &str, e: DbError) -> ArchiveError {
    match e {
        DbError::Sqlx(source) => ArchiveError::Row {
            table: table.to_owned(),
            row: 0,
            reason: format!("raderna kunde inte skrivas: {source}"),
        },
        e => e.into(),
    }
}

/// One JSON value as the column's kind wants it; the reason is the reader's, in Swedish.
fn value(export: &Export, kind: Kind, v: &serde_json::Value) -> Result<Value, String> {
    use serde_json::Value as J;
    Ok(match (kind, v) {
        (_, J::Null) => Value::Null,
        (Kind::Integer, J::Number(n)) => Value::Integer(n.as_i64().ok_or("väntade ett heltal")?),
        (Kind::Integer, J::Bool(b)) => Value::Integer(i64::from(*b)),
        (Kind::Real, J::Number(n)) => Value::Real(n.as_f64().ok_or("väntade ett tal")?),
        (Kind::Boolean, J::Bool(b)) => Value::Boolean(*b),
        (Kind::Boolean, J::Number(n)) => Value::Boolean(n.as_i64() != Some(0)),
        (Kind::Text, J::String(s)) => Value::Text(s.clone()),
        (Kind::Bytes, J::String(path)) => {
            Value::Bytes(export.entries.get(path).cloned().ok_or_else(|| format!("filen {path} saknas i exporten"))?)
        }
        (Kind::Integer, _) => return Err("väntade ett heltal".into()),
        (Kind::Real, _) => return Err("väntade ett tal".into()),
        (Kind::Boolean, _) => return Err("väntade ja eller nej (true/false)".into()),
        (Kind::Text, _) => return Err("väntade en text".into()),
        (Kind::Bytes, _) => return Err("väntade namnet på en fil i exporten".into()),
    })
}
