//! The information assets register in a file (informationsmängder), known by name: the owner,
//! the laws that apply (a yes/no column each), the systems that hold it and the units that use
//! it. Classifying stays on its own page.

use beredd_domain::classification::LegalFlag;
use beredd_domain::text;
use sqlx::AnyConnection;

use super::refs::{Problems, flag, flag_text, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::assets::{self, Asset, AssetInput};

pub const FIELDS: &[FieldDef] = &[
    FieldDef { key: "name", heading: "Namn", aliases: &["informationsmängd", "name"], label_id: "field-name" },
    FieldDef { key: "description", heading: "Beskrivning", aliases: &["description"], label_id: "field-description" },
    FieldDef {
        key: "owner",
        heading: "Informationsägare",
        aliases: &["ägare", "owner"],
        label_id: "field-information-owner",
    },
    FieldDef { key: "personal_data", heading: "Personuppgifter", aliases: &[], label_id: "flag-personal_data" },
    FieldDef {
        key: "sensitive_personal_data",
        heading: "Känsliga personuppgifter",
        aliases: &[],
        label_id: "flag-sensitive_personal_data",
    },
    FieldDef { key: "children", heading: "Uppgifter om barn", aliases: &[], label_id: "flag-children" },
    FieldDef {
        key: "secrecy_osl",
        heading: "Sekretess enligt OSL",
        aliases: &["sekretess"],
        label_id: "flag-secrecy_osl",
    },
    FieldDef { key: "patient_data", heading: "Patientuppgifter", aliases: &[], label_id: "flag-patient_data" },
    FieldDef {
        key: "social_services_documentation",
        heading: "Socialtjänstens dokumentation",
        aliases: &[],
        label_id: "flag-social_services_documentation",
    },
    FieldDef {
        key: "osl_reference",
        heading: "OSL-hänvisning",
        aliases: &["sekretessbestämmelse"],
        label_id: "field-osl",
    },
    FieldDef { key: "systems", heading: "System", aliases: &["lagras i", "systems"], label_id: "asset-systems" },
    FieldDef { key: "units", heading: "Används av", aliases: &["enheter", "units"], label_id: "asset-units" },
];

pub struct Assets;

/// The fields a stored asset and a parsed row share.
struct View<'a> {
    name: &'a str,
    description: &'a Option<String>,
    owner_id: Option<i64>,
    flags: &'a [LegalFlag],
    osl_reference: &'a Option<String>,
    system_ids: &'a [i64],
    unit_ids: &'a [i64],
}

fn values(a: View<'_>, refs: &Refs) -> Values {
    let mut v = Values::from([
        ("name", a.name.to_owned()),
        ("description", opt(a.description)),
        ("owner", refs.person_name(a.owner_id)),
        ("osl_reference", opt(a.osl_reference)),
        ("systems", refs.names(a.system_ids, Refs::system_name)),
        ("units", refs.names(a.unit_ids, Refs::unit_name)),
    ]);
    for f in LegalFlag::ALL {
        v.insert(f.code(), flag_text(a.flags.contains(&f)));
    }
    v
}

impl Importable for Assets {
    type Record = Asset;
    type Input = AssetInput;
    const ENTITY: &'static str = "asset";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "";
    const UNIQUE_NAME: bool = true;

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Asset>, DbError> {
        assets::list_in(conn, org).await
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Asset>, DbError> {
        assets::get(conn, org, id).await
    }
    fn id(r: &Asset) -> i64 {
        r.id
    }
    fn name(r: &Asset) -> &str {
        &r.name
    }
    fn key(_r: &Asset) -> Option<&str> {
        None
    }
    fn values(r: &Asset, refs: &Refs) -> Values {
        let flags = r.flags();
        let view = View {
            name: &r.name,
            description: &r.description,
            owner_id: r.owner_id,
            flags: &flags,
            osl_reference: &r.osl_reference,
            system_ids: &r.system_ids,
            unit_ids: &r.unit_ids,
        };
        values(view, refs)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<AssetInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let name = e.take("name", text::Name::parse(get(v, "name")).map(|n| n.into_string()));
        let description = e.take("description", text::optional_text(get(v, "description"), 4000));
        let owner_id = e.take_p("owner", refs.person(get(v, "owner")));
        let mut flags = Vec::new();
        for f in LegalFlag::ALL {
            if e.take_p(f.code(), flag(get(v, f.code()))) {
                flags.push(f);
            }
        }
        let osl_reference = e.take("osl_reference", text::optional_line(get(v, "osl_reference"), 200));
        let system_ids = e.take_p("systems", refs.many(get(v, "systems"), Refs::system));
        let unit_ids = e.take_p("units", refs.many(get(v, "units"), Refs::unit));
        // The record of processing (GDPR art. 30) and the process code are not in the file: kept
        // as they are (see `update`); the KLASSA import sets the process code.
        let gdpr = Default::default();
        let process_code = None;
        e.or(AssetInput { name, description, owner_id, flags, osl_reference, process_code, system_ids, unit_ids, gdpr })
    }
    fn render(i: &AssetInput, refs: &Refs) -> Values {
        let view = View {
            name: &i.name,
            description: &i.description,
            owner_id: i.owner_id,
            flags: &i.flags,
            osl_reference: &i.osl_reference,
            system_ids: &i.system_ids,
            unit_ids: &i.unit_ids,
        };
        values(view, refs)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &AssetInput) -> Result<i64, DbError> {
        assets::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &AssetInput) -> Result<(), DbError> {
        // The file has no columns for the record of processing or the process code: the asset
        // keeps them.
        let mut i = i.clone();
        if let Some(existing) = assets::get(conn, org, id).await? {
            i.gdpr = existing.gdpr;
            i.process_code = existing.process_code;
        }
        assets::update(conn, org, id, &i).await
    }
}
