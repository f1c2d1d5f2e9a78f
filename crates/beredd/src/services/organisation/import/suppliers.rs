//! The suppliers register in a file (matched on the organisation number).

use beredd_domain::text;
use sqlx::AnyConnection;

use super::refs::{Problems, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::suppliers::{self, Supplier, SupplierInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "org_number",
        heading: "Organisationsnummer",
        aliases: &["orgnr", "org.nr", "org nr", "organisation number"],
        label_id: "field-org-number",
    },
    FieldDef { key: "name", heading: "Namn", aliases: &["leverantör", "företag", "name"], label_id: "field-name" },
    FieldDef {
        key: "contract_ref",
        heading: "Avtal",
        aliases: &["avtalsnummer", "avtalsreferens", "contract"],
        label_id: "field-contract-ref",
    },
    FieldDef {
        key: "phone",
        heading: "Telefon",
        aliases: &["telefonnummer", "support", "phone"],
        label_id: "field-phone",
    },
    FieldDef {
        key: "email",
        heading: "E-post",
        aliases: &["epost", "e-postadress", "email", "e-mail"],
        label_id: "field-email",
    },
    FieldDef { key: "notes", heading: "Anteckningar", aliases: &["kommentar", "notes"], label_id: "field-notes" },
];

pub struct Suppliers;

fn values(name: &str, org_number: &Option<String>, i: [&Option<String>; 4]) -> Values {
    Values::from([
        ("org_number", opt(org_number)),
        ("name", name.to_owned()),
        ("contract_ref", opt(i[0])),
        ("phone", opt(i[1])),
        ("email", opt(i[2])),
        ("notes", opt(i[3])),
    ])
}

impl Importable for Suppliers {
    type Record = Supplier;
    type Input = SupplierInput;
    const ENTITY: &'static str = "supplier";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "org_number";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Supplier>, DbError> {
        suppliers::list(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Supplier>, DbError> {
        suppliers::get(conn, org, id).await
    }
    fn id(r: &Supplier) -> i64 {
        r.id
    }
    fn name(r: &Supplier) -> &str {
        &r.name
    }
    fn key(r: &Supplier) -> Option<&str> {
        r.org_number.as_deref()
    }
    fn values(r: &Supplier, _refs: &Refs) -> Values {
        values(&r.name, &r.org_number, [&r.contract_ref, &r.phone, &r.email, &r.notes])
    }
    fn parse(v: &Values, _refs: &Refs, _id: Option<i64>) -> Result<SupplierInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let org_number = e.take("org_number", text::optional_org_number(get(v, "org_number")));
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let contract_ref = e.take("contract_ref", text::optional_line(get(v, "contract_ref"), 200));
        let phone = e.take("phone", text::optional_phone(get(v, "phone")));
        let email = e.take("email", text::optional_email(get(v, "email")));
        let notes = e.take("notes", text::optional_text(get(v, "notes"), 4000));
        e.or(SupplierInput { name, org_number, contract_ref, phone, email, notes })
    }
    fn render(i: &SupplierInput, _refs: &Refs) -> Values {
        values(&i.name, &i.org_number, [&i.contract_ref, &i.phone, &i.email, &i.notes])
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &SupplierInput) -> Result<i64, DbError> {
        suppliers::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &SupplierInput) -> Result<(), DbError> {
        suppliers::update(conn, org, id, i).await
    }
}
