//! The systems register in a file: the IT department's list (matched on the system's id). The
//! units that use a system are named in one cell, separated by `;` or new lines.

use beredd_domain::{Hosting, ResourceKind, SystemKind, text};
use sqlx::AnyConnection;

use super::refs::{Problems, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::systems::{self, System, SystemInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "code",
        heading: "System-id",
        aliases: &["systemid", "system id", "id", "objekt-id"],
        label_id: "field-system-code",
    },
    FieldDef {
        key: "name",
        heading: "Namn",
        aliases: &["system", "systemnamn", "tjänst", "name"],
        label_id: "field-name",
    },
    FieldDef {
        key: "purpose",
        heading: "Syfte",
        aliases: &["beskrivning", "ändamål", "purpose"],
        label_id: "field-purpose",
    },
    FieldDef { key: "kind", heading: "Typ", aliases: &["systemtyp", "kind"], label_id: "field-system-kind" },
    FieldDef {
        key: "hosting",
        heading: "Drift",
        aliases: &["driftform", "var det körs", "hosting"],
        label_id: "field-hosting",
    },
    FieldDef { key: "owner", heading: "Systemägare", aliases: &["ägare", "owner"], label_id: "field-owner" },
    FieldDef { key: "supplier", heading: "Leverantör", aliases: &["supplier"], label_id: "field-supplier" },
    FieldDef {
        key: "units",
        heading: "Används av",
        aliases: &["enheter", "användare", "used by"],
        label_id: "field-used-by",
    },
    FieldDef {
        key: "provides",
        heading: "Tillhandahåller",
        aliases: &["resurs", "provides"],
        label_id: "field-provides",
    },
    FieldDef { key: "notes", heading: "Anteckningar", aliases: &["kommentar", "notes"], label_id: "field-notes" },
];

pub struct Systems;

/// The units' names in alphabetical order, as one cell.
fn unit_names(refs: &Refs, ids: &[i64]) -> String {
    let mut names: Vec<String> = ids.iter().map(|u| refs.unit_name(Some(*u))).collect();
    names.sort_by_key(|n| beredd_domain::sort::swedish_key(n));
    names.join("; ")
}

fn values(s: &SystemView<'_>, refs: &Refs) -> Values {
    Values::from([
        ("code", opt(s.code)),
        ("name", s.name.to_owned()),
        ("purpose", opt(s.purpose)),
        ("kind", refs.label(s.kind.label_id())),
        ("hosting", refs.label(s.hosting.label_id())),
        ("owner", refs.person_name(s.owner_id)),
        ("supplier", refs.supplier_name(s.supplier_id)),
        ("units", unit_names(refs, s.unit_ids)),
        ("provides", s.provides.map(|p| refs.label(p.label_id())).unwrap_or_default()),
        ("notes", opt(s.notes)),
    ])
}

/// The fields a stored system and a parsed row share.
struct SystemView<'a> {
    code: &'a Option<String>,
    name: &'a str,
    purpose: &'a Option<String>,
    kind: SystemKind,
    hosting: Hosting,
    owner_id: Option<i64>,
    supplier_id: Option<i64>,
    unit_ids: &'a [i64],
    provides: Option<ResourceKind>,
    notes: &'a Option<String>,
}

impl Importable for Systems {
    type Record = System;
    type Input = SystemInput;
    const ENTITY: &'static str = "system";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "code";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<System>, DbError> {
        systems::list_in(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<System>, DbError> {
        systems::get(conn, org, id).await
    }
    fn id(r: &System) -> i64 {
        r.id
    }
    fn name(r: &System) -> &str {
        &r.name
    }
    fn key(r: &System) -> Option<&str> {
        r.code.as_deref()
    }
    fn values(r: &System, refs: &Refs) -> Values {
        let v = SystemView {
            code: &r.code,
            name: &r.name,
            purpose: &r.purpose,
            kind: r.kind,
            hosting: r.hosting,
            owner_id: r.owner_id,
            supplier_id: r.supplier_id,
            unit_ids: &r.unit_ids,
            provides: r.provides,
            notes: &r.notes,
        };
        values(&v, refs)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<SystemInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let code = e.take("code", text::optional_line(get(v, "code"), 50));
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let purpose = e.take("purpose", text::optional_text(get(v, "purpose"), 4000));
        let kind =
            e.take_p("kind", refs.coded(SystemKind::ALL, SystemKind::code, SystemKind::label_id, get(v, "kind")));
        let hosting =
            e.take_p("hosting", refs.coded(Hosting::ALL, Hosting::code, Hosting::label_id, get(v, "hosting")));
        let owner_id = e.take_p("owner", refs.person(get(v, "owner")));
        let supplier_id = e.take_p("supplier", refs.supplier(get(v, "supplier")));
        let mut unit_ids = Vec::new();
        for part in get(v, "units").split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match refs.unit(part) {
                Ok(Some(u)) if !unit_ids.contains(&u) => unit_ids.push(u),
                Ok(_) => {}
                Err(p) => e.0.push(("units", p)),
            }
        }
        let provides = e.take_p(
            "provides",
            refs.coded(ResourceKind::ALL, ResourceKind::code, ResourceKind::label_id, get(v, "provides")),
        );
        let notes = e.take("notes", text::optional_text(get(v, "notes"), 4000));
        e.or(SystemInput {
            name,
            purpose,
            kind: kind.unwrap_or(SystemKind::ItSystem),
            owner_id,
            supplier_id,
            hosting: hosting.unwrap_or(Hosting::Internal),
            notes,
            provides,
            code,
            unit_ids,
        })
    }
    fn render(i: &SystemInput, refs: &Refs) -> Values {
        let v = SystemView {
            code: &i.code,
            name: &i.name,
            purpose: &i.purpose,
            kind: i.kind,
            hosting: i.hosting,
            owner_id: i.owner_id,
            supplier_id: i.supplier_id,
            unit_ids: &i.unit_ids,
            provides: i.provides,
            notes: &i.notes,
        };
        values(&v, refs)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &SystemInput) -> Result<i64, DbError> {
        systems::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &SystemInput) -> Result<(), DbError> {
        systems::update(conn, org, id, i).await
    }
}
