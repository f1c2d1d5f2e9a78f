//! The activities register in a file: what each unit does. An activity is known by its unit and
//! its name (two units may each have one called "Nattbemanning").

use beredd_domain::{Criticality, FieldError, text};
use sqlx::AnyConnection;

use super::refs::{Problems, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::activities::{self, Activity, ActivityInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef { key: "unit", heading: "Enhet", aliases: &["enhetskod", "unit"], label_id: "field-unit" },
    FieldDef { key: "name", heading: "Namn", aliases: &["verksamhet", "aktivitet", "name"], label_id: "field-name" },
    FieldDef {
        key: "criticality",
        heading: "Samhällsviktighet",
        aliases: &["kritikalitet", "prioritet", "criticality"],
        label_id: "field-criticality",
    },
    FieldDef {
        key: "recipients",
        heading: "För vem",
        aliases: &["mottagare", "målgrupp", "recipients"],
        label_id: "field-recipients",
    },
    FieldDef { key: "description", heading: "Beskrivning", aliases: &["description"], label_id: "field-description" },
];

pub struct Activities;

fn values(
    refs: &Refs,
    unit_id: i64,
    name: &str,
    c: Criticality,
    recipients: &Option<String>,
    d: &Option<String>,
) -> Values {
    Values::from([
        ("unit", refs.unit_name(Some(unit_id))),
        ("name", name.to_owned()),
        ("criticality", refs.label(c.label_id())),
        ("recipients", opt(recipients)),
        ("description", opt(d)),
    ])
}

impl Importable for Activities {
    type Record = Activity;
    type Input = ActivityInput;
    const ENTITY: &'static str = "activity";
    const FIELDS: &'static [FieldDef] = FIELDS;
    /// Activities have no key of their own: the unit and the name tell them apart.
    const KEY: &'static str = "";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Activity>, DbError> {
        activities::list(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Activity>, DbError> {
        activities::get(conn, org, id).await
    }
    fn id(r: &Activity) -> i64 {
        r.id
    }
    fn name(r: &Activity) -> &str {
        &r.name
    }
    fn key(_r: &Activity) -> Option<&str> {
        None
    }
    /// The unit (by id, however the row named it) and the name.
    fn identity(v: &Values, refs: &Refs) -> String {
        if get(v, "name").trim().is_empty() {
            return String::new();
        }
        let unit = get(v, "unit");
        let unit = refs.unit(unit).ok().flatten().map(|u| u.to_string()).unwrap_or_else(|| unit.to_owned());
        format!("{unit}\n{}", get(v, "name").trim())
    }
    fn values(r: &Activity, refs: &Refs) -> Values {
        values(refs, r.unit_id, &r.name, r.criticality, &r.recipients, &r.description)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<ActivityInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let unit_id = e.take_p("unit", refs.unit(get(v, "unit")));
        if unit_id.is_none() && get(v, "unit").trim().is_empty() {
            e.0.push(("unit", Problem::Field(FieldError::Required)));
        }
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let c = e.take_p(
            "criticality",
            refs.coded(Criticality::ALL, Criticality::code, Criticality::label_id, get(v, "criticality")),
        );
        if c.is_none() && get(v, "criticality").trim().is_empty() {
            e.0.push(("criticality", Problem::Field(FieldError::Required)));
        }
        let recipients = e.take("recipients", text::optional_line(get(v, "recipients"), 300));
        let description = e.take("description", text::optional_text(get(v, "description"), 4000));
        e.or(ActivityInput {
            unit_id: unit_id.unwrap_or_default(),
            name,
            description,
            recipients,
            criticality: c.unwrap_or(Criticality::Ovrig),
        })
    }
    fn render(i: &ActivityInput, refs: &Refs) -> Values {
        values(refs, i.unit_id, &i.name, i.criticality, &i.recipients, &i.description)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &ActivityInput) -> Result<i64, DbError> {
        activities::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &ActivityInput) -> Result<(), DbError> {
        activities::update(conn, org, id, i).await
    }
}
