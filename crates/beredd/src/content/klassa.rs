//! The crosswalk from KLASSA's measure areas to the requirement catalogue's areas:
//! `library/klassa/crosswalk.toml`, built into the binary. Every Beredd area it names must exist
//! in the catalogue; a key may appear once and an area must name at least one Beredd area.

use std::collections::HashSet;

use anyhow::{Context, anyhow, bail};
use serde::Deserialize;

use super::catalogue::Catalogue;

#[derive(rust_embed::Embed)]
#[folder = "../../library/klassa/"]
#[include = "*.toml"]
struct Embedded;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    id: String,
    version: String,
    area: Vec<Area>,
}

/// One kind of KLASSA measure area (in our own words) and the Beredd areas it continues in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    /// Area ids of the catalogue, the main one first.
    pub beredd: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Crosswalk {
    pub version: String,
    pub areas: Vec<Area>,
}

/// Reads a crosswalk and checks it against the catalogue.
pub fn parse(text: &str, catalogue: &Catalogue) -> anyhow::Result<Crosswalk> {
    let file: File = toml::from_str(text).map_err(|e| anyhow!("klassa/crosswalk.toml: {e}"))?;
    if file.id != "klassa-crosswalk" {
        bail!("klassa/crosswalk.toml: id ska vara \"klassa-crosswalk\"");
    }
    let known: HashSet<&str> = catalogue.areas.iter().map(|a| a.id.as_str()).collect();
    let mut keys = HashSet::new();
    for a in &file.area {
        let at = format!("klassa/crosswalk.toml, området {:?}", a.key);
        if a.key.trim().is_empty() || a.name_sv.trim().is_empty() || a.name_en.trim().is_empty() {
            bail!("{at}: nyckel och namn på svenska och engelska behövs");
        }
        if !keys.insert(a.key.as_str()) {
            bail!("{at}: nyckeln finns två gånger");
        }
        if a.beredd.is_empty() {
            bail!("{at}: ange minst ett av Beredds kravområden");
        }
        for id in &a.beredd {
            if !known.contains(id.as_str()) {
                bail!("{at}: kravområdet {id} finns inte i kravkatalogen");
            }
        }
    }
    Ok(Crosswalk { version: file.version, areas: file.area })
}

/// The crosswalk shipped with Beredd.
pub fn load(catalogue: &Catalogue) -> anyhow::Result<Crosswalk> {
    let f = Embedded::get("crosswalk.toml").context("library/klassa/crosswalk.toml saknas")?;
    let text = String::from_utf8(f.data.into_owned()).context("klassa/crosswalk.toml är inte UTF-8")?;
    parse(&text, catalogue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_crosswalk_names_only_areas_of_the_catalogue_and_covers_them_all() {
        let catalogue = Catalogue::load().unwrap();
        let c = load(&catalogue).unwrap();
        assert!(c.areas.len() >= 10);
        for area in &catalogue.areas {
            assert!(c.areas.iter().any(|a| a.beredd.contains(&area.id)), "no KLASSA area leads to {}", area.id);
        }
    }

    #[test]
    fn an_unknown_area_a_repeated_key_and_an_empty_list_are_refused() {
        let catalogue = Catalogue::load().unwrap();
        let head = "id = \"klassa-crosswalk\"\nversion = \"1\"\n";
        let area = |key: &str, beredd: &str| {
            format!("[[area]]\nkey = \"{key}\"\nname_sv = \"Namn\"\nname_en = \"Name\"\nberedd = [{beredd}]\n")
        };
        let unknown = format!("{head}{}", area("a", "\"XYZ\""));
        assert!(parse(&unknown, &catalogue).unwrap_err().to_string().contains("XYZ finns inte"));
        let twice = format!("{head}{}{}", area("a", "\"STY\""), area("a", "\"BEH\""));
        assert!(parse(&twice, &catalogue).unwrap_err().to_string().contains("två gånger"));
        let empty = format!("{head}{}", area("a", ""));
        assert!(parse(&empty, &catalogue).unwrap_err().to_string().contains("minst ett"));
        assert!(parse(&format!("{head}{}", area("a", "\"STY\"")), &catalogue).is_ok());
    }
}
