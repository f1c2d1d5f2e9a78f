//! The resources register in a file: what activities and systems need beyond the registered
//! systems (the network, power, premises…), known by name.

use beredd_domain::{FieldError, ResourceKind, text};
use sqlx::AnyConnection;

use super::refs::{Problems, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::resources::{self, Resource, ResourceInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef { key: "name", heading: "Namn", aliases: &["resurs", "name"], label_id: "field-name" },
    FieldDef { key: "kind", heading: "Typ", aliases: &["slag", "kategori", "kind"], label_id: "field-resource-kind" },
    FieldDef { key: "description", heading: "Beskrivning", aliases: &["description"], label_id: "field-description" },
];

pub struct Resources;

fn values(refs: &Refs, name: &str, kind: ResourceKind, d: &Option<String>) -> Values {
    Values::from([("name", name.to_owned()), ("kind", refs.label(kind.label_id())), ("description", opt(d))])
}

impl Importable for Resources {
    type Record = Resource;
    type Input = ResourceInput;
    const ENTITY: &'static str = "resource";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Resource>, DbError> {
        resources::list(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Resource>, DbError> {
        resources::get(conn, org, id).await
    }
    fn id(r: &Resource) -> i64 {
        r.id
    }
    fn name(r: &Resource) -> &str {
        &r.name
    }
    fn key(_r: &Resource) -> Option<&str> {
        None
    }
    fn values(r: &Resource, refs: &Refs) -> Values {
        values(refs, &r.name, r.kind, &r.description)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<ResourceInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let kind =
            e.take_p("kind", refs.coded(ResourceKind::ALL, ResourceKind::code, ResourceKind::label_id, get(v, "kind")));
        if kind.is_none() && get(v, "kind").trim().is_empty() {
            e.0.push(("kind", Problem::Field(FieldError::Required)));
        }
        let description = e.take("description", text::optional_text(get(v, "description"), 4000));
        e.or(ResourceInput { name, kind: kind.unwrap_or(ResourceKind::Other), description })
    }
    fn render(i: &ResourceInput, refs: &Refs) -> Values {
        values(refs, &i.name, i.kind, &i.description)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &ResourceInput) -> Result<i64, DbError> {
        resources::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &ResourceInput) -> Result<(), DbError> {
        resources::update(conn, org, id, i).await
    }
}
