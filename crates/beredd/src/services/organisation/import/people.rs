//! The people register in a file: staff from the HR system's export (matched on the employee
//! number) and outside contacts.

use beredd_domain::{ContactKind, FieldError, text};
use sqlx::AnyConnection;

use super::refs::{Problems, flag, flag_text, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::people::{self, Person, PersonInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "employee_number",
        heading: "Anställningsnummer",
        aliases: &["anställningsnr", "anst.nr", "anst nr", "personalnummer", "employee number", "employee id"],
        label_id: "field-employee-number",
    },
    FieldDef {
        key: "name",
        heading: "Namn",
        aliases: &["fullständigt namn", "för- och efternamn", "name"],
        label_id: "field-name",
    },
    FieldDef { key: "kind", heading: "Typ", aliases: &["kontakttyp", "type"], label_id: "field-contact-kind" },
    FieldDef { key: "title", heading: "Titel", aliases: &["befattning", "roll", "title"], label_id: "field-title" },
    FieldDef {
        key: "unit",
        heading: "Enhet",
        aliases: &["arbetsplats", "avdelning", "enhetskod", "unit"],
        label_id: "field-unit",
    },
    FieldDef {
        key: "organisation",
        heading: "Organisation",
        aliases: &["myndighet", "organization"],
        label_id: "field-organisation",
    },
    FieldDef { key: "supplier", heading: "Leverantör", aliases: &["supplier"], label_id: "field-supplier" },
    FieldDef {
        key: "work_phone",
        heading: "Arbetstelefon",
        aliases: &["telefon arbete", "tjänstetelefon", "mobil", "mobiltelefon", "telefon", "work phone"],
        label_id: "field-work-phone",
    },
    FieldDef {
        key: "private_phone",
        heading: "Privat telefon",
        aliases: &["privattelefon", "telefon privat", "private phone"],
        label_id: "field-private-phone",
    },
    FieldDef {
        key: "email",
        heading: "E-post",
        aliases: &["epost", "e-postadress", "mejl", "email", "e-mail"],
        label_id: "field-email",
    },
    FieldDef {
        key: "reachable_off_hours",
        heading: "Nås utanför arbetstid",
        aliases: &["nåbar utanför arbetstid", "reachable off hours"],
        label_id: "field-off-hours",
    },
    FieldDef { key: "notes", heading: "Anteckningar", aliases: &["kommentar", "notes"], label_id: "field-notes" },
];

pub struct People;

impl Importable for People {
    type Record = Person;
    type Input = PersonInput;
    const ENTITY: &'static str = "person";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "employee_number";
    const UNIQUE_NAME: bool = false;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Person>, DbError> {
        people::list(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Person>, DbError> {
        people::get(conn, org, id).await
    }
    fn id(r: &Person) -> i64 {
        r.id
    }
    fn name(r: &Person) -> &str {
        &r.name
    }
    fn key(r: &Person) -> Option<&str> {
        r.employee_number.as_deref()
    }
    fn listed_when_missing(r: &Person) -> bool {
        r.kind == ContactKind::Staff
    }
    fn values(r: &Person, refs: &Refs) -> Values {
        Values::from([
            ("employee_number", opt(&r.employee_number)),
            ("name", r.name.clone()),
            ("kind", refs.label(r.kind.label_id())),
            ("title", opt(&r.title)),
            ("unit", refs.unit_name(r.unit_id)),
            ("organisation", opt(&r.organisation)),
            ("supplier", refs.supplier_name(r.supplier_id)),
            ("work_phone", opt(&r.work_phone)),
            ("private_phone", opt(&r.private_phone)),
            ("email", opt(&r.email)),
            ("reachable_off_hours", flag_text(r.reachable_off_hours.get())),
            ("notes", opt(&r.notes)),
        ])
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<PersonInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let employee_number = e.take("employee_number", text::optional_line(get(v, "employee_number"), 50));
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let kind =
            e.take_p("kind", refs.coded(ContactKind::ALL, ContactKind::code, ContactKind::label_id, get(v, "kind")));
        let kind = kind.unwrap_or(ContactKind::Staff);
        let title = e.take("title", text::optional_line(get(v, "title"), 200));
        let unit_id = e.take_p("unit", refs.unit(get(v, "unit")));
        // Staff belong to a unit, as in the register's form.
        if kind == ContactKind::Staff && unit_id.is_none() && get(v, "unit").trim().is_empty() {
            e.0.push(("unit", Problem::Field(FieldError::Required)));
        }
        let organisation = e.take("organisation", text::optional_line(get(v, "organisation"), 200));
        let supplier_id = e.take_p("supplier", refs.supplier(get(v, "supplier")));
        let work_phone = e.take("work_phone", text::optional_phone(get(v, "work_phone")));
        let private_phone = e.take("private_phone", text::optional_phone(get(v, "private_phone")));
        let email = e.take("email", text::optional_email(get(v, "email")));
        let reachable_off_hours = e.take_p("reachable_off_hours", flag(get(v, "reachable_off_hours")));
        let notes = e.take("notes", text::optional_text(get(v, "notes"), 4000));
        e.or(PersonInput {
            kind,
            name,
            title,
            unit_id,
            organisation,
            supplier_id,
            work_phone,
            private_phone,
            email,
            reachable_off_hours,
            notes,
            employee_number,
        })
    }
    fn render(i: &PersonInput, refs: &Refs) -> Values {
        Values::from([
            ("employee_number", opt(&i.employee_number)),
            ("name", i.name.clone()),
            ("kind", refs.label(i.kind.label_id())),
            ("title", opt(&i.title)),
            ("unit", refs.unit_name(i.unit_id)),
            ("organisation", opt(&i.organisation)),
            ("supplier", refs.supplier_name(i.supplier_id)),
            ("work_phone", opt(&i.work_phone)),
            ("private_phone", opt(&i.private_phone)),
            ("email", opt(&i.email)),
            ("reachable_off_hours", flag_text(i.reachable_off_hours)),
            ("notes", opt(&i.notes)),
        ])
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &PersonInput) -> Result<i64, DbError> {
        people::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &PersonInput) -> Result<(), DbError> {
        people::update(conn, org, id, i).await
    }
}
