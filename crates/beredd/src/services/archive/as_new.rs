//! One organisation's export read in as a new organisation beside those a database already has
//! (hosted mode, issue 22). Every row gets a new id; every reference is given the new id of the
//! row it named: the schema's foreign keys, the id columns it does not declare
//! (`store::scope::SOFT`: a unit's manager, a dependency's ends, the audit trail's user and
//! record), a plan version's routines' activities and a saved scenario's failed nodes and results
//! (JSON and text). The audit trail's before and after are copied as they were written: history,
//! with the ids of the organisation they were written in. Log-in names and passwords stay.
//! Nothing is written unless all of it can be: one transaction.

use std::collections::{BTreeMap, HashMap};

use super::{ArchiveError, Export, load};
use crate::platform::db::{Db, DbError, latest_schema};
use crate::store::dump::{self, Table, Value};
use crate::store::scope::{self, Scope, Soft};

/// Credentials bound to the installation they were made on, not copied: API tokens, passkeys,
/// read-confirmation links by e-mail, and uploads waiting for an import's preview.
pub const NOT_COPIED: &[&str] = &["api_tokens", "passkeys", "document_links", "import_uploads"];

/// Columns left empty in the copy: a calendar feed's secret address (made again by its user),
/// and the organisation's own host name, key file name and suspension.
const EMPTIED: &[(&str, &str)] = &[
    ("users", "calendar_token_hash"),
    ("organisations", "host"),
    ("organisations", "uid"),
    ("organisations", "suspended_at"),
];

/// What was read in.
#[derive(Debug, Clone)]
pub struct Imported {
    pub org: i64,
    pub name: String,
    pub slug: String,
    pub tables: usize,
    pub rows: usize,
    pub upgraded_from: Option<i64>,
}

/// Reads `export` (one organisation's) into `db` as a new organisation with the short name
/// `slug` and, when given, the name `name`; `by` is the name in its audit trail.
pub async fn import(
    db: &Db,
    export: &Export,
    slug: &str,
    name: Option<&str>,
    by: &str,
) -> Result<Imported, ArchiveError> {
    let slug = beredd_domain::hosting::parse_slug(slug).map_err(|_| {
        ArchiveError::NotOne(format!(
            "kortnamnet {slug:?} duger inte: 2–40 tecken a–z, 0–9 och bindestreck inuti, inte ett av Beredds egna ord"
        ))
    })?;
    let name = match name {
        Some(n) => Some(
            beredd_domain::text::Name::parse(n)
                .map_err(|_| ArchiveError::NotOne(format!("namnet {n:?} duger inte: 1–200 tecken på en rad")))?,
        ),
        None => None,
    };
    let version = export.manifest.schema_version;
    if version > latest_schema() {
        return Err(ArchiveError::Newer { found: version, known: latest_schema() });
    }
    db.migrate().await?;
    let carried;
    let export = if version < latest_schema() {
        carried = load::carried_forward(export).await?;
        &carried
    } else {
        export
    };
    let tables = dump::tables(db).await?;
    load::fits(&tables, export)?;
    let orgs = export.rows(scope::ROOT)?;
    if orgs.len() != 1 {
        return Err(ArchiveError::NotOne(format!(
            "filen innehåller {} organisationer; bara en organisations export kan läsas in som en ny organisation",
            orgs.len()
        )));
    }
    let scopes = scope::scopes(&tables)?;
    let mut tx = db.begin_write().await?;
    if crate::store::orgs::slugs(&mut *tx).await?.contains(&slug) {
        return Err(ArchiveError::SlugTaken(slug));
    }
    // Every table's rows and their new ids first, so that any reference finds its new id.
    let mut copied = Vec::new();
    let mut ids: HashMap<String, HashMap<i64, i64>> = HashMap::new();
    for step in dump::in_reference_order(&tables)? {
        let t = step.table;
        let listed = export.manifest.tables.iter().any(|l| l.name == t.name);
        if !listed || scopes.get(&t.name) == Some(&Scope::Platform) || NOT_COPIED.contains(&t.name.as_str()) {
            continue;
        }
        let rows = load::rows_of(export, t)?;
        if let Some(at) = t.columns.iter().position(|c| c.name == "id").filter(|_| t.has_id()) {
            let fresh = dump::fresh_ids(&mut tx, db.backend, t, rows.len()).await?;
            let old = rows.iter().map(|r| if let Value::Integer(i) = r[at] { i } else { 0 });
            ids.insert(t.name.clone(), old.zip(fresh).collect());
        }
        copied.push((step, rows));
    }
    let org = *ids
        .get(scope::ROOT)
        .and_then(|m| m.values().next())
        .ok_or_else(|| ArchiveError::NotOne("filen innehåller ingen organisation".into()))?;
    let mut count = 0;
    for (step, rows) in &mut copied {
        for (n, row) in rows.iter_mut().enumerate() {
            remap(step.table, row, &ids, org).map_err(|reason| ArchiveError::Row {
                table: step.table.name.clone(),
                row: n + 1,
                reason,
            })?;
            if step.table.name == scope::ROOT {
                rename(step.table, row, &slug, name.as_ref().map(|n| n.as_str()));
            }
        }
        count += rows.len();
        dump::insert(&mut tx, step, rows).await.map_err(|e| load::unwritten(&step.table.name, e))?;
    }
    for (step, rows) in &copied {
        dump::fill(&mut tx, step, rows).await.map_err(|e| load::unwritten(&step.table.name, e))?;
    }
    let shown =
        crate::store::orgs::get(&mut *tx, org).await?.ok_or_else(|| DbError::Corrupt("no organisation".into()))?;
    let summary = format!("{} ({slug}) inläst från en export {}", shown.name, export.manifest.exported_at);
    let actor = crate::store::audit::Actor { org_id: org, user_id: None, username: by.to_owned() };
    let change: crate::store::audit::Change<'_, ()> = crate::store::audit::Change {
        action: "import",
        entity: "organisation",
        entity_id: Some(org),
        summary: &summary,
        before: None,
        after: None,
    };
    crate::store::audit::record(&mut *tx, &actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    let upgraded_from = (version < latest_schema()).then_some(version);
    Ok(Imported { org, name: shown.name, slug, tables: copied.len(), rows: count, upgraded_from })
}

fn rename(t: &Table, row: &mut [Value], slug: &str, name: Option<&str>) {
    for (c, col) in t.columns.iter().enumerate() {
        match (col.name.as_str(), name) {
            ("slug", _) => row[c] = Value::Text(slug.to_owned()),
            ("name", Some(n)) => row[c] = Value::Text(n.to_owned()),
            ("created_at", _) => row[c] = Value::Text(crate::platform::clock::stamp()),
            _ => {}
        }
    }
}

type Ids = HashMap<String, HashMap<i64, i64>>;

/// The new id of `old` in `table`: `Err` when the export has no such row.
fn new_id(ids: &Ids, table: &str, old: i64) -> Option<i64> {
    ids.get(table).and_then(|m| m.get(&old)).copied()
}

/// Gives one row its new ids; the reason is the reader's, in Swedish.
fn remap(t: &Table, row: &mut [Value], ids: &Ids, org: i64) -> Result<(), String> {
    let text = |row: &[Value], column: &str| -> Option<String> {
        let at = t.columns.iter().position(|c| c.name == column)?;
        if let Value::Text(s) = &row[at] { Some(s.clone()) } else { None }
    };
    for (c, col) in t.columns.iter().enumerate() {
        let name = col.name.as_str();
        if EMPTIED.contains(&(t.name.as_str(), name)) {
            row[c] = Value::Null;
            continue;
        }
        let Value::Integer(old) = row[c] else {
            if let Value::Text(s) = &row[c] {
                row[c] = Value::Text(remap_text(&t.name, name, s, ids)?);
            }
            continue;
        };
        let fk = t.references.iter().find(|(column, _)| column == name).map(|(_, r)| r.as_str());
        let soft = scope::SOFT.iter().find(|(tb, column, _)| *tb == t.name && *column == name).map(|s| s.2);
        row[c] = if name == "id" && t.has_id() {
            Value::Integer(new_id(ids, &t.name, old).ok_or("raden saknar nytt id")?)
        } else if name == "org_id" {
            Value::Integer(org)
        } else if let Some(target) = fk {
            match new_id(ids, target, old) {
                Some(id) => Value::Integer(id),
                None if NOT_COPIED.contains(&target) && col.nullable => Value::Null,
                None => {
                    return Err(format!("kolumnen {name} pekar på rad {old} i {target}, som inte finns i exporten"));
                }
            }
        } else if let Some(soft) = soft {
            let target = match soft {
                Soft::Table(tb) => Some(tb),
                Soft::ByKind(kind) => text(row, kind).as_deref().and_then(scope::kind_table),
                Soft::AuditEntity => text(row, "entity").as_deref().and_then(scope::audit_table),
            };
            match (target.and_then(|tb| new_id(ids, tb, old)), soft) {
                (Some(id), _) => Value::Integer(id),
                (None, Soft::ByKind(_)) => {
                    return Err(format!("kolumnen {name} pekar på rad {old}, som inte finns i exporten"));
                }
                // A manager since removed, an audit entry of a record that is gone.
                (None, _) => Value::Null,
            }
        } else {
            continue;
        };
    }
    Ok(())
}

/// Ids inside a text column: a plan version's routines name their activities; a saved scenario
/// names its failed nodes as `kind:id` and keeps its results as a map from activity id.
fn remap_text(table: &str, column: &str, s: &str, ids: &Ids) -> Result<String, String> {
    match (table, column) {
        ("plan_versions", "content") => {
            let mut content: beredd_domain::plan::PlanContent =
                serde_json::from_str(s).map_err(|e| format!("innehållet går inte att läsa: {e}"))?;
            for r in &mut content.routines {
                r.activity_id = r.activity_id.and_then(|a| new_id(ids, "activities", a));
            }
            serde_json::to_string(&content).map_err(|e| e.to_string())
        }
        ("scenarios", "failed") => Ok(s
            .split_whitespace()
            .filter_map(|token| match token.split_once(':') {
                Some((kind, id)) => {
                    let table = scope::kind_table(kind)?;
                    let id = new_id(ids, table, id.parse().ok()?)?;
                    Some(format!("{kind}:{id}"))
                }
                None => Some(token.to_owned()),
            })
            .collect::<Vec<_>>()
            .join(" ")),
        ("scenarios", "last_result" | "previous_result") => {
            let map: BTreeMap<i64, String> =
                serde_json::from_str(s).map_err(|e| format!("kolumnen {column} går inte att läsa: {e}"))?;
            let map: BTreeMap<i64, String> =
                map.into_iter().filter_map(|(k, v)| Some((new_id(ids, "activities", k)?, v))).collect();
            serde_json::to_string(&map).map_err(|e| e.to_string())
        }
        _ => Ok(s.to_owned()),
    }
}
