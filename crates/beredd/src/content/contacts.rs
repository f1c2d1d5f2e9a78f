//! The standard external contacts every municipality needs in an incident (MCF, IMY, IVO, the
//! länsstyrelse, the police, the region): `library/contacts/authorities.toml`, built into the
//! binary and checked at start, added to a new organisation and to the demo, editable after.

use anyhow::{Context, bail};
use beredd_domain::{ContactKind, text};
use serde::Deserialize;

use crate::store::people::PersonInput;

#[derive(rust_embed::Embed)]
#[folder = "../../library/contacts/"]
#[include = "*.toml"]
struct Embedded;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    person: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    key: String,
    name: String,
    title: Option<String>,
    kind: String,
    organisation: Option<String>,
    work_phone: Option<String>,
    email: Option<String>,
    #[serde(default)]
    reachable_off_hours: bool,
    notes: Option<String>,
}

/// Every standard contact as a person to add; an error names the contact and the field.
pub fn authorities() -> anyhow::Result<Vec<PersonInput>> {
    let data = Embedded::get("authorities.toml").context("library/contacts/authorities.toml saknas")?;
    parse(std::str::from_utf8(&data.data).context("authorities.toml är inte UTF-8")?)
}

fn parse(text_: &str) -> anyhow::Result<Vec<PersonInput>> {
    let file: File = toml::from_str(text_).context("authorities.toml går inte att läsa")?;
    let mut out = Vec::new();
    let mut keys = Vec::new();
    for r in file.person {
        let at = |field: &str| format!("authorities.toml, {:?}: {field}", r.key);
        if !r.key.starts_with("std-") || keys.contains(&r.key) {
            bail!("{} ska börja med std- och finnas en gång", at("key"));
        }
        keys.push(r.key.clone());
        let kind = ContactKind::parse(&r.kind).map_err(|_| anyhow::anyhow!("{}", at("kind")))?;
        if kind != ContactKind::External {
            bail!("{} ska vara external", at("kind"));
        }
        let line = |v: &Option<String>, field: &str| {
            text::optional_line(v.as_deref().unwrap_or(""), 200).map_err(|_| anyhow::anyhow!("{}", at(field)))
        };
        out.push(PersonInput {
            kind,
            name: text::Name::parse(&r.name).map_err(|_| anyhow::anyhow!("{}", at("name")))?.into_string(),
            title: line(&r.title, "title")?,
            unit_id: None,
            organisation: line(&r.organisation, "organisation")?,
            supplier_id: None,
            work_phone: text::optional_phone(r.work_phone.as_deref().unwrap_or(""))
                .map_err(|_| anyhow::anyhow!("{}", at("work_phone")))?,
            private_phone: None,
            email: text::optional_email(r.email.as_deref().unwrap_or(""))
                .map_err(|_| anyhow::anyhow!("{}", at("email")))?,
            reachable_off_hours: r.reachable_off_hours,
            notes: text::optional_text(r.notes.as_deref().unwrap_or(""), 4000)
                .map_err(|_| anyhow::anyhow!("{}", at("notes")))?,
            employee_number: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_contacts_name_mcf_imy_ivo_the_county_the_police_and_the_region() {
        let all = authorities().unwrap();
        let orgs: Vec<String> = all.iter().filter_map(|p| p.organisation.clone()).collect();
        for needed in ["MCF", "IMY", "IVO", "Länsstyrelsen", "Polis", "Region"] {
            assert!(orgs.iter().any(|o| o.contains(needed)), "{needed}: {orgs:?}");
        }
    }

    #[test]
    fn a_broken_contact_is_refused_naming_it_and_the_field() {
        let row = |key: &str, phone: &str| {
            format!("[[person]]\nkey = \"{key}\"\nname = \"IMY\"\nkind = \"external\"\nwork_phone = \"{phone}\"\n")
        };
        assert!(format!("{:#}", parse(&row("imy", "08-1")).unwrap_err()).contains("key"));
        assert!(format!("{:#}", parse(&row("std-imy", "ring oss")).unwrap_err()).contains("\"std-imy\": work_phone"));
    }
}
