//! Which rows belong to an organisation, read from the schema: a table with an `org_id` column
//! holds the organisation's rows by that column; a table without one is a child, reached through
//! the foreign key of a parent that belongs to it (an incident's log through the incident); and
//! the few tables of the installation itself are named here as platform-wide. A table that is
//! none of these is an error (`tests/app/accounts/org_copy.rs` checks the whole schema), so a new
//! table cannot silently be left out of an organisation's export.
//!
//! The ids a column holds without a foreign key of the schema (a unit's manager, a dependency's
//! two ends, the audit trail's record) are named in [`SOFT`], so that a copy of an organisation
//! can give them the new ids; an integer `…_id` column that is neither a foreign key nor named
//! there is an error as well.

use std::collections::BTreeMap;

use super::DbError;
use super::dump::{Kind, Table};

/// The installation's own tables: no organisation's rows. (`dump::NOT_CARRIED` are never read.)
pub const PLATFORM_WIDE: &[&str] = &["meta"];

/// The table every organisation's rows lead to.
pub const ROOT: &str = "organisations";

/// What an id column without a foreign key points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soft {
    /// A row of this table.
    Table(&'static str),
    /// A row of the table the register of `column` names (`activity` → `activities`).
    ByKind(&'static str),
    /// The audit trail's `entity_id`: a row of the table its `entity` names, when one does.
    AuditEntity,
}

/// Integer id columns that are not foreign keys of the schema, and what they point at.
pub const SOFT: &[(&str, &str, Soft)] = &[
    ("units", "manager_id", Soft::Table("people")),
    ("binder_prints", "unit_id", Soft::Table("units")),
    ("dependencies", "from_id", Soft::ByKind("from_kind")),
    ("dependencies", "to_id", Soft::ByKind("to_kind")),
    ("audit_log", "org_id", Soft::Table("organisations")),
    ("audit_log", "user_id", Soft::Table("users")),
    ("audit_log", "entity_id", Soft::AuditEntity),
];

/// The table of a dependency end's kind (`beredd_domain::kinds::NodeKind`).
pub fn kind_table(kind: &str) -> Option<&'static str> {
    match kind {
        "activity" => Some("activities"),
        "system" => Some("systems"),
        "supplier" => Some("suppliers"),
        "resource" => Some("resources"),
        _ => None,
    }
}

/// The table of an audit entry's entity whose `entity_id` is that table's id; the others (a
/// cycle entry is an item or a task) have no table here.
pub fn audit_table(entity: &str) -> Option<&'static str> {
    Some(match entity {
        "unit" => "units",
        "activity" | "bia" => "activities",
        "person" => "people",
        "system" => "systems",
        "supplier" => "suppliers",
        "resource" => "resources",
        "dependency" => "dependencies",
        "scenario" => "scenarios",
        "asset" => "assets",
        "action" => "actions",
        "evidence" => "evidence_files",
        "plan" => "plans",
        "binder" => "binder_prints",
        "incident" => "incidents",
        "risk" => "risks",
        "risk-analysis" => "risk_analyses",
        "framework" => "frameworks",
        "framework-assessment" => "framework_assessments",
        "framework-answer" => "framework_answers",
        "framework-evidence" => "framework_evidence",
        "user" | "calendar-address" | "second-factor" => "users",
        "organisation" => "organisations",
        "document" => "documents",
        "document-version" => "document_versions",
        "training-course" => "training_courses",
        "training-completion" => "training_completions",
        "management-review" => "management_reviews",
        _ => return None,
    })
}

/// How a table's rows belong to an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// `organisations` itself: the row with the organisation's id.
    Root,
    /// Its `org_id` column.
    Org,
    /// Its `column` refers to `parent`'s id, whose row belongs to the organisation.
    Child { column: String, parent: String },
    /// No organisation's rows.
    Platform,
}

/// Every table's scope. An error names the tables that are none of root, organisation's, child
/// of one, or platform-wide.
pub fn scopes(tables: &[Table]) -> Result<BTreeMap<String, Scope>, DbError> {
    let mut out = BTreeMap::new();
    for t in tables {
        let scope = if t.name == ROOT {
            Scope::Root
        } else if PLATFORM_WIDE.contains(&t.name.as_str()) {
            Scope::Platform
        } else if t.columns.iter().any(|c| c.name == "org_id") {
            Scope::Org
        } else {
            continue;
        };
        out.insert(t.name.clone(), scope);
    }
    // Children of what is already placed, until nothing more is reached.
    loop {
        let mut added = false;
        for t in tables {
            if out.contains_key(&t.name) {
                continue;
            }
            let mut refs: Vec<&(String, String)> = t.references.iter().collect();
            refs.sort();
            let parent = refs.into_iter().find(|(_, p)| {
                *p != t.name
                    && matches!(out.get(p), Some(Scope::Root | Scope::Org | Scope::Child { .. }))
                    && tables.iter().any(|x| x.name == *p && x.has_id())
            });
            if let Some((column, parent)) = parent {
                out.insert(t.name.clone(), Scope::Child { column: column.clone(), parent: parent.clone() });
                added = true;
            }
        }
        if !added {
            break;
        }
    }
    let lost: Vec<&str> = tables.iter().filter(|t| !out.contains_key(&t.name)).map(|t| t.name.as_str()).collect();
    if lost.is_empty() {
        Ok(out)
    } else {
        Err(DbError::Schema(format!(
            "these tables belong to no organisation and are not named platform-wide: {}",
            lost.join(", ")
        )))
    }
}

/// The condition that picks one organisation's rows of `table` (the organisation's id is `$1`).
pub fn condition(scopes: &BTreeMap<String, Scope>, table: &str) -> Option<String> {
    match scopes.get(table)? {
        Scope::Root => Some("id = $1".into()),
        Scope::Org => Some("org_id = $1".into()),
        Scope::Child { column, parent } => {
            let inner = condition(scopes, parent)?;
            Some(format!("{column} IN (SELECT id FROM {parent} WHERE {inner})"))
        }
        Scope::Platform => None,
    }
}

/// Integer `…_id` columns that are neither a foreign key of the schema nor named in [`SOFT`]:
/// what a copy of an organisation would not know how to give a new id.
pub fn unknown_ids(tables: &[Table]) -> Vec<String> {
    let mut out = Vec::new();
    for t in tables {
        for c in t.columns.iter().filter(|c| c.kind == Kind::Integer && c.name.ends_with("_id")) {
            let fk = t.references.iter().any(|(col, _)| *col == c.name);
            let soft = SOFT.iter().any(|(tb, col, _)| *tb == t.name && *col == c.name);
            let own = c.name == "org_id";
            if !fk && !soft && !own {
                out.push(format!("{}.{}", t.name, c.name));
            }
        }
    }
    out
}
