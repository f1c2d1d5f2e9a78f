//! The units register in a file: the organisation chart (matched on the unit's code). A unit's
//! parent may be a unit of a row above it in the same file.

use std::collections::HashMap;

use beredd_domain::{FieldError, UnitKind, text, tree};
use sqlx::AnyConnection;

use super::refs::{Named, Problems, flag, flag_text, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::units::{self, Unit, UnitInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "code",
        heading: "Enhetskod",
        aliases: &["kod", "enhets-id", "ansvarskod", "kostnadsställe", "unit code"],
        label_id: "field-unit-code",
    },
    FieldDef { key: "name", heading: "Namn", aliases: &["enhet", "enhetsnamn", "name"], label_id: "field-name" },
    FieldDef { key: "kind", heading: "Nivå", aliases: &["typ", "enhetstyp", "kind"], label_id: "field-unit-kind" },
    FieldDef {
        key: "parent",
        heading: "Överordnad enhet",
        aliases: &["överordnad", "tillhör", "parent"],
        label_id: "field-parent",
    },
    FieldDef {
        key: "manager",
        heading: "Chef",
        aliases: &["enhetschef", "ansvarig chef", "manager"],
        label_id: "field-manager",
    },
    FieldDef { key: "address", heading: "Adress", aliases: &["besöksadress", "address"], label_id: "field-address" },
    FieldDef {
        key: "staff_count",
        heading: "Antal medarbetare",
        aliases: &["antal anställda", "staff"],
        label_id: "field-staff-count",
    },
    FieldDef {
        key: "around_the_clock",
        heading: "Dygnet runt",
        aliases: &["dygnetruntverksamhet", "around the clock"],
        label_id: "field-around-the-clock",
    },
    FieldDef { key: "description", heading: "Beskrivning", aliases: &["description"], label_id: "field-description" },
];

pub struct Units;

fn values(refs: &Refs, u: &UnitInputView<'_>) -> Values {
    Values::from([
        ("code", opt(u.code)),
        ("name", u.name.to_owned()),
        ("kind", refs.label(u.kind.label_id())),
        ("parent", refs.unit_name(u.parent_id)),
        ("manager", refs.person_name(u.manager_id)),
        ("address", opt(u.address)),
        ("staff_count", u.staff_count.map(|n| n.to_string()).unwrap_or_default()),
        ("around_the_clock", flag_text(u.around_the_clock)),
        ("description", opt(u.description)),
    ])
}

/// The fields a stored unit and a parsed row share, to write them out once.
struct UnitInputView<'a> {
    code: &'a Option<String>,
    name: &'a str,
    kind: UnitKind,
    parent_id: Option<i64>,
    manager_id: Option<i64>,
    address: &'a Option<String>,
    staff_count: Option<i64>,
    around_the_clock: bool,
    description: &'a Option<String>,
}

impl Importable for Units {
    type Record = Unit;
    type Input = UnitInput;
    const ENTITY: &'static str = "unit";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "code";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Unit>, DbError> {
        units::list(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Unit>, DbError> {
        units::get(conn, org, id).await
    }
    fn id(r: &Unit) -> i64 {
        r.id
    }
    fn name(r: &Unit) -> &str {
        &r.name
    }
    fn key(r: &Unit) -> Option<&str> {
        r.code.as_deref()
    }
    fn values(r: &Unit, refs: &Refs) -> Values {
        values(
            refs,
            &UnitInputView {
                code: &r.code,
                name: &r.name,
                kind: r.kind,
                parent_id: r.parent_id,
                manager_id: r.manager_id,
                address: &r.address,
                staff_count: r.staff_count,
                around_the_clock: r.around_the_clock.get(),
                description: &r.description,
            },
        )
    }
    fn parse(v: &Values, refs: &Refs, id: Option<i64>) -> Result<UnitInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let code = e.take("code", text::optional_line(get(v, "code"), 50));
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let kind = e.take_p("kind", refs.coded(UnitKind::ALL, UnitKind::code, UnitKind::label_id, get(v, "kind")));
        let parent_id = e.take_p("parent", refs.unit(get(v, "parent")));
        if let Some(id) = id
            && tree::would_cycle(&refs.parents, id, parent_id)
        {
            e.0.push(("parent", Problem::Field(FieldError::Cycle)));
        }
        let manager_id = e.take_p("manager", refs.person(get(v, "manager")));
        let address = e.take("address", text::optional_line(get(v, "address"), 300));
        let staff_count = e.take("staff_count", text::optional_number(get(v, "staff_count"), 0, 100_000));
        let around_the_clock = e.take_p("around_the_clock", flag(get(v, "around_the_clock")));
        let description = e.take("description", text::optional_text(get(v, "description"), 4000));
        e.or(UnitInput {
            parent_id,
            kind: kind.unwrap_or(UnitKind::Enhet),
            name,
            manager_id,
            address,
            staff_count,
            around_the_clock,
            description,
            code,
        })
    }
    fn render(i: &UnitInput, refs: &Refs) -> Values {
        values(
            refs,
            &UnitInputView {
                code: &i.code,
                name: &i.name,
                kind: i.kind,
                parent_id: i.parent_id,
                manager_id: i.manager_id,
                address: &i.address,
                staff_count: i.staff_count,
                around_the_clock: i.around_the_clock,
                description: &i.description,
            },
        )
    }
    fn learn(refs: &mut Refs, i: &UnitInput, placeholder: i64) {
        refs.units.push(Named { id: placeholder, name: i.name.clone(), key: i.code.clone() });
        refs.parents.insert(placeholder, i.parent_id);
    }
    fn settle(i: &mut UnitInput, stored: &HashMap<i64, i64>) {
        if let Some(p) = i.parent_id.filter(|p| *p < 0) {
            i.parent_id = stored.get(&p).copied();
        }
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &UnitInput) -> Result<i64, DbError> {
        units::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &UnitInput) -> Result<(), DbError> {
        units::update(conn, org, id, i).await
    }
}
