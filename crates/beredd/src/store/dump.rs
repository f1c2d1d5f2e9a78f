//! Every table read and written as plain values, for the export of a whole organisation (and so
//! backups, restores and the move from SQLite to PostgreSQL): the tables, their columns and the
//! order their references allow are read from the database's own catalogue, so a table added by
//! a later migration is carried without a line here. Names come from the catalogue and are
//! checked to be plain identifiers before they reach a statement.

use sqlx::{Any, Executor, Row};

use super::DbError;
use crate::platform::db::{Backend, Db};

/// Tables that are not content: the migrations' own record (an export carries its version),
/// SQLite's counters, and what lives only as long as a login or a first start. The identity
/// provider's settings stay too: its client secret is not put in exports and backups, and the
/// laptop restored from a backup logs in with local accounts only.
pub const NOT_CARRIED: &[&str] = &[
    "schema_migrations",
    "sqlite_sequence",
    "sessions",
    "setup_tokens",
    "sso_logins",
    "sso_providers",
    "webauthn_challenges",
    // Background jobs: their results are earlier binders and exports, which an export must not
    // carry again (each would hold the one before).
    "jobs",
    // The binder's typeset plan sections (migration 49): made again from the plans when missing.
    "binder_parts",
    // The login limits shared by the processes: addresses and failed names of the last minutes.
    "login_failures",
    "login_budget",
    // The platform administrator's accounts and sessions (migration 51): no organisation's.
    "platform_admins",
    "platform_sessions",
];

/// What a column holds, read from its declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Integer,
    Real,
    Text,
    Bytes,
    Boolean,
}

impl Kind {
    fn of(declared: &str) -> Kind {
        let t = declared.to_ascii_lowercase();
        if t.contains("int") || t == "serial" || t == "bigserial" {
            Kind::Integer
        } else if t.contains("bool") {
            Kind::Boolean
        } else if t.contains("blob") || t.contains("bytea") {
            Kind::Bytes
        } else if t.contains("real") || t.contains("double") || t.contains("float") || t.contains("numeric") {
            Kind::Real
        } else {
            Kind::Text
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    /// Whether the column may hold NULL: only such a reference can wait to be written.
    #[serde(skip)]
    pub nullable: bool,
}

/// One stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
    Boolean(bool),
}

/// A table with its columns and the tables (and own columns) its foreign keys point at.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    /// (column, table it refers to)
    pub references: Vec<(String, String)>,
}

impl Table {
    pub fn has_id(&self) -> bool {
        self.columns.iter().any(|c| c.name == "id" && c.kind == Kind::Integer)
    }

    fn nullable(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c.name == column && c.nullable)
    }
}

pub(crate) fn plain(name: &str) -> Result<&str, DbError> {
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if ok { Ok(name) } else { Err(DbError::Schema(format!("{name:?} is not a plain name"))) }
}

/// The content tables of the database, with their columns in order and their references.
pub async fn tables(db: &Db) -> Result<Vec<Table>, DbError> {
    let mut out = Vec::new();
    for name in db.tables().await? {
        if NOT_CARRIED.contains(&name.as_str()) || name.starts_with("sqlite_") {
            continue;
        }
        plain(&name)?;
        let (columns, references) = match db.backend {
            Backend::Sqlite => {
                let cols: Vec<(String, String, i64)> =
                    sqlx::query_as("SELECT name, type, \"notnull\" FROM pragma_table_info($1) ORDER BY cid")
                        .bind(&name)
                        .fetch_all(&db.pool)
                        .await?;
                let refs: Vec<(String, String)> =
                    sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list($1)")
                        .bind(&name)
                        .fetch_all(&db.pool)
                        .await?;
                (cols, refs)
            }
            Backend::Postgres => {
                let cols: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT column_name::text, data_type::text, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END
                     FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&name)
                .fetch_all(&db.pool)
                .await?;
                let refs: Vec<(String, String)> = sqlx::query_as(
                    "SELECT a.attname::text, r.relname::text
                     FROM pg_catalog.pg_constraint c
                     JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
                     JOIN pg_catalog.pg_class r ON r.oid = c.confrelid
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                     WHERE c.contype = 'f' AND t.relname = $1
                       AND t.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())",
                )
                .bind(&name)
                .fetch_all(&db.pool)
                .await?;
                (cols, refs)
            }
        };
        let columns = columns
            .into_iter()
            .map(|(c, t, not_null)| {
                Ok(Column { kind: Kind::of(&t), name: plain(&c)?.to_owned(), nullable: not_null == 0 })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        for (c, t) in &references {
            plain(c)?;
            plain(t)?;
        }
        out.push(Table { name, columns, references });
    }
    Ok(out)
}

/// A table in the order of writing, with the columns whose values wait until every table is
/// written: a reference to the table itself (a unit's parent unit), and a nullable reference that
/// breaks a ring of tables (the organisation's data protection officer, a person of it).
pub struct Step<'t> {
    pub table: &'t Table,
    pub deferred: Vec<String>,
}

/// The tables in an order that writes every referred row before the rows referring to it;
/// alphabetical among equals, so that two databases give the same order. A ring of tables is
/// broken at the table the most others refer to whose references out of it can wait (nullable);
/// a ring held only by NOT NULL columns is an error.
pub fn in_reference_order(tables: &[Table]) -> Result<Vec<Step<'_>>, DbError> {
    let mut done: Vec<&str> = Vec::new();
    let mut out: Vec<Step<'_>> = Vec::new();
    let mut left: Vec<&Table> = tables.iter().collect();
    left.sort_by(|a, b| a.name.cmp(&b.name));
    let known = |r: &str| tables.iter().any(|x| x.name == r);
    while !left.is_empty() {
        let waiting = |t: &Table, done: &[&str]| -> Vec<String> {
            t.references
                .iter()
                .filter(|(_, r)| *r != t.name && known(r) && !done.contains(&r.as_str()))
                .map(|(c, _)| c.clone())
                .collect()
        };
        let i = match left.iter().position(|t| waiting(t, &done).is_empty()) {
            Some(i) => i,
            None => left
                .iter()
                .enumerate()
                .filter(|(_, t)| t.has_id() && waiting(t, &done).iter().all(|c| t.nullable(c)))
                // The table most others wait for (the organisation), then the fewest columns.
                .min_by_key(|(_, t)| {
                    let referrers = left.iter().filter(|o| o.references.iter().any(|(_, r)| *r == t.name)).count();
                    (std::cmp::Reverse(referrers), waiting(t, &done).len())
                })
                .map(|(i, _)| i)
                .ok_or_else(|| {
                    DbError::Schema(format!(
                        "these tables refer to each other in a ring: {}",
                        left.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                })?,
        };
        let t = left.remove(i);
        let mut deferred = waiting(t, &done);
        deferred.extend(t.references.iter().filter(|(_, r)| *r == t.name).map(|(c, _)| c.clone()));
        if !deferred.is_empty() && !t.has_id() {
            return Err(DbError::Schema(format!("{} refers in a ring but has no id", t.name)));
        }
        done.push(&t.name);
        out.push(Step { table: t, deferred });
    }
    Ok(out)
}

fn column_list(t: &Table) -> String {
    t.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// Every row of a table, in the order of its id (or of its columns, for a table without one).
pub async fn rows<'c, E: Executor<'c, Database = Any>>(e: E, t: &Table) -> Result<Vec<Vec<Value>>, DbError> {
    rows_where(e, t, None).await
}

/// The rows of a table that meet `only`: a condition (from `store::scope::condition`) and the
/// value of its `$1`; all rows without it.
pub async fn rows_where<'c, E: Executor<'c, Database = Any>>(
    e: E,
    t: &Table,
    only: Option<(&str, i64)>,
) -> Result<Vec<Vec<Value>>, DbError> {
    let order = if t.has_id() {
        "id".to_owned()
    } else {
        t.columns.iter().filter(|c| c.kind != Kind::Bytes).map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    // The secrets the serving processes share (`services::setup::shared_key`) stay with the
    // database they were made for: a restored copy makes its own.
    let secret = if t.name == "meta" { " WHERE key NOT LIKE 'secret:%'" } else { "" };
    let (filter, org) = match only {
        Some((condition, org)) => (format!(" WHERE {condition}"), Some(org)),
        None => (secret.to_owned(), None),
    };
    let sql = format!("SELECT {} FROM {}{filter} ORDER BY {order}", column_list(t), t.name);
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    if let Some(org) = org {
        q = q.bind(org);
    }
    let found = q.fetch_all(e).await?;
    let mut out = Vec::with_capacity(found.len());
    for row in &found {
        let mut values = Vec::with_capacity(t.columns.len());
        for (i, c) in t.columns.iter().enumerate() {
            let v = match c.kind {
                Kind::Integer => row.try_get::<Option<i64>, _>(i)?.map(Value::Integer),
                Kind::Real => row.try_get::<Option<f64>, _>(i)?.map(Value::Real),
                Kind::Text => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
                Kind::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
                Kind::Boolean => row.try_get::<Option<bool>, _>(i)?.map(Value::Boolean),
            };
            values.push(v.unwrap_or(Value::Null));
        }
        out.push(values);
    }
    Ok(out)
}

/// How many rows a table holds.
pub async fn count<'c, E: Executor<'c, Database = Any>>(e: E, table: &str) -> Result<i64, DbError> {
    let only = if table == "meta" { " WHERE key NOT LIKE 'secret:%'" } else { "" };
    let sql = format!("SELECT COUNT(*) FROM {}{only}", plain(table)?);
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(e).await?;
    Ok(n)
}

fn bind<'q>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>,
    kind: Kind,
    v: &Value,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments> {
    match (v, kind) {
        (Value::Integer(i), Kind::Boolean) => q.bind(*i != 0),
        (Value::Integer(i), Kind::Real) => q.bind(*i as f64),
        (Value::Integer(i), _) => q.bind(*i),
        (Value::Real(f), _) => q.bind(*f),
        (Value::Text(s), _) => q.bind(s.clone()),
        (Value::Bytes(b), _) => q.bind(b.clone()),
        (Value::Boolean(b), Kind::Integer) => q.bind(i64::from(*b)),
        (Value::Boolean(b), _) => q.bind(*b),
        (Value::Null, Kind::Integer) => q.bind(None::<i64>),
        (Value::Null, Kind::Real) => q.bind(None::<f64>),
        (Value::Null, Kind::Text) => q.bind(None::<String>),
        (Value::Null, Kind::Bytes) => q.bind(None::<Vec<u8>>),
        (Value::Null, Kind::Boolean) => q.bind(None::<bool>),
    }
}

/// Writes rows (their values in the order of `t.columns`) into an empty table, several to a
/// statement, the step's deferred columns left empty for [`fill`]. On PostgreSQL the id counter
/// then continues after the highest id written (SQLite's does so by itself).
pub async fn write(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    step: &Step<'_>,
    rows: &[Vec<Value>],
) -> Result<(), DbError> {
    insert(conn, step, rows).await?;
    let t = step.table;
    if backend == Backend::Postgres && t.has_id() && !rows.is_empty() {
        let sql =
            format!("SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT MAX(id) FROM {0}))::text", t.name);
        sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
    }
    Ok(())
}

/// Writes rows as [`write`] does, leaving the id counter alone (for ids taken from it).
pub async fn insert(conn: &mut sqlx::AnyConnection, step: &Step<'_>, rows: &[Vec<Value>]) -> Result<(), DbError> {
    let t = step.table;
    let selfs: Vec<&str> = step.deferred.iter().map(String::as_str).collect();
    let per_statement = (400 / t.columns.len().max(1)).max(1);
    for chunk in rows.chunks(per_statement) {
        let mut sql = format!("INSERT INTO {} ({}) VALUES ", t.name, column_list(t));
        let mut n = 0;
        for (r, _) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for (c, _) in t.columns.iter().enumerate() {
                n += 1;
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${n}"));
            }
            sql.push(')');
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for (c, col) in t.columns.iter().enumerate() {
                let v = if selfs.contains(&col.name.as_str()) { &Value::Null } else { &row[c] };
                q = bind(q, col.kind, v);
            }
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// `n` ids for new rows of `t` that no row has or had, in the write transaction `conn` holds:
/// PostgreSQL's counter gives them; on SQLite they follow the highest the table has had.
pub async fn fresh_ids(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    t: &Table,
    n: usize,
) -> Result<Vec<i64>, DbError> {
    if n == 0 || !t.has_id() {
        return Ok(Vec::new());
    }
    let count = i64::try_from(n).map_err(|_| DbError::Corrupt("too many rows".into()))?;
    match backend {
        Backend::Postgres => {
            let sql = format!(
                "SELECT nextval(pg_get_serial_sequence('{}', 'id')) FROM generate_series(1, $1) ORDER BY 1",
                plain(&t.name)?
            );
            let ids: Vec<(i64,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(count).fetch_all(&mut *conn).await?;
            Ok(ids.into_iter().map(|(i,)| i).collect())
        }
        Backend::Sqlite => {
            let sql = format!("SELECT MAX(id) FROM {}", plain(&t.name)?);
            let (max,): (Option<i64>,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
            let seq: Option<(i64,)> = sqlx::query_as("SELECT seq FROM sqlite_sequence WHERE name = $1")
                .bind(&t.name)
                .fetch_optional(&mut *conn)
                .await?;
            let from = max.unwrap_or(0).max(seq.map_or(0, |s| s.0)) + 1;
            Ok((from..from + count).collect())
        }
    }
}

/// Writes the deferred columns of a step's rows, once every table has its rows.
pub async fn fill(conn: &mut sqlx::AnyConnection, step: &Step<'_>, rows: &[Vec<Value>]) -> Result<(), DbError> {
    let t = step.table;
    let Some(id_at) = t.columns.iter().position(|c| c.name == "id") else { return Ok(()) };
    for row in rows {
        for (c, col) in t.columns.iter().enumerate() {
            if step.deferred.contains(&col.name) && row[c] != Value::Null {
                let sql = format!("UPDATE {} SET {} = $1 WHERE id = $2", t.name, col.name);
                let q = bind(sqlx::query(sqlx::AssertSqlSafe(sql)), col.kind, &row[c]);
                bind(q, Kind::Integer, &row[id_at]).execute(&mut *conn).await?;
            }
        }
    }
    Ok(())
}
