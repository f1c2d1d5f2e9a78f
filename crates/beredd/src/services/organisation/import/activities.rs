//! The activities register in a file: what each unit does. An activity is known by its unit and
//! its name (two units may each have one called "Nattbemanning").

use beredd_domain::{Criticality, FieldError, text};
use sqlx::AnyConnection;

use super::refs::{Problems, flag, flag_text, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::activities::{self, Activity, ActivityInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef { key: "unit", heading: "Enhet", aliases: &["enhetskod", "unit"], label_id: "field-unit" },
    FieldDef { key: "name", heading: "Namn", aliases: &["verksamhet", "aktivitet", "name"], label_id: "field-name" },
    FieldDef {
        key: "criticality",
        heading: "Hur kritisk",
        aliases: &["samhällsviktighet", "kritikalitet", "prioritet", "criticality"],
        label_id: "field-criticality",
    },
    FieldDef {
        key: "society_critical",
        heading: "Samhällsviktig",
        aliases: &["samhällsviktig verksamhet", "society critical"],
        label_id: "field-society-critical",
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

fn values(refs: &Refs, a: &ActivityInput) -> Values {
    Values::from([
        ("unit", refs.unit_name(Some(a.unit_id))),
        ("name", a.name.clone()),
        ("criticality", refs.label(a.criticality.label_id())),
        ("society_critical", flag_text(a.society_critical)),
        ("recipients", opt(&a.recipients)),
        ("description", opt(&a.description)),
    ])
}

/// The steps as files written before migration 47 name them: "Samhällsviktig" was the highest
/// step (read as akut and samhällsviktig, as the migration did), and "Övrig" the lowest.
fn older_step(text: &str) -> Option<(Criticality, bool)> {
    match text.trim().to_lowercase().as_str() {
        "samhällsviktig" | "samhallsviktig" => Some((Criticality::Akut, true)),
        "övrig" => Some((Criticality::Ovrig, false)),
        _ => None,
    }
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
        let a = ActivityInput {
            unit_id: r.unit_id,
            name: r.name.clone(),
            description: r.description.clone(),
            recipients: r.recipients.clone(),
            criticality: r.criticality,
            society_critical: r.society_critical.get(),
        };
        values(refs, &a)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<ActivityInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let unit_id = e.take_p("unit", refs.unit(get(v, "unit")));
        if unit_id.is_none() && get(v, "unit").trim().is_empty() {
            e.0.push(("unit", Problem::Field(FieldError::Required)));
        }
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let older = older_step(get(v, "criticality"));
        let c = if let Some((c, _)) = older {
            Some(c)
        } else {
            e.take_p(
                "criticality",
                refs.coded(Criticality::ALL, Criticality::code, Criticality::label_id, get(v, "criticality")),
            )
        };
        let society = e.take_p("society_critical", flag(get(v, "society_critical")));
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
            society_critical: society
                || (older.is_some_and(|(_, s)| s) && get(v, "society_critical").trim().is_empty()),
        })
    }
    fn render(i: &ActivityInput, refs: &Refs) -> Values {
        values(refs, i)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &ActivityInput) -> Result<i64, DbError> {
        activities::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &ActivityInput) -> Result<(), DbError> {
        activities::update(conn, org, id, i).await
    }
}
