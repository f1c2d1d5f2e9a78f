//! The requirement catalogue: `library/requirements/*.toml`, built into the binary and loaded
//! at start. Every requirement is checked on load; an error names the file and requirement, and
//! Beredd refuses to start on a broken catalogue rather than derive wrong requirements.

use std::collections::HashSet;

use anyhow::{Context, anyhow, bail};
use beredd_domain::classification::{Applies, Aspect, LegalFlag};
use serde::Deserialize;

#[derive(rust_embed::Embed)]
#[folder = "../../library/requirements/"]
#[include = "*.toml"]
struct Embedded;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    id: String,
    version: String,
    title_sv: String,
    title_en: String,
    area: Vec<Area>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaFile {
    requirement: Vec<RequirementRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementRow {
    id: String,
    title_sv: String,
    title_en: String,
    is_sv: String,
    is_en: String,
    shall_sv: String,
    shall_en: String,
    guidance_sv: String,
    guidance_en: String,
    baseline: Option<bool>,
    aspect: Option<String>,
    min_level: Option<u8>,
    flags: Option<Vec<String>>,
    #[serde(default)]
    cyber_measures: Vec<u8>,
    #[serde(default)]
    gdpr: Vec<String>,
    #[serde(default)]
    pdl: Vec<String>,
    #[serde(default)]
    hslf: Vec<String>,
    #[serde(default)]
    iso27001: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: String,
    pub area: String,
    pub title_sv: String,
    pub title_en: String,
    pub is_sv: String,
    pub is_en: String,
    pub shall_sv: String,
    pub shall_en: String,
    pub guidance_sv: String,
    pub guidance_en: String,
    pub applies: Applies,
    pub cyber_measures: Vec<u8>,
    pub gdpr: Vec<String>,
    pub pdl: Vec<String>,
    pub hslf: Vec<String>,
    pub iso27001: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub id: String,
    pub version: String,
    pub title_sv: String,
    pub title_en: String,
    pub areas: Vec<Area>,
    pub requirements: Vec<Requirement>,
}

/// Whether `id` is an ISO/IEC 27001:2022 Annex A control identifier (A.5.1–A.5.37, A.6.1–A.6.8,
/// A.7.1–A.7.14, A.8.1–A.8.34).
pub fn valid_annex_a(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("A.") else { return false };
    let Some((theme, n)) = rest.split_once('.') else { return false };
    let max = match theme {
        "5" => 37,
        "6" => 8,
        "7" => 14,
        "8" => 34,
        _ => return false,
    };
    n.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
}

fn read(name: &str) -> anyhow::Result<String> {
    let f = Embedded::get(name).with_context(|| format!("{name} saknas i kravkatalogen"))?;
    String::from_utf8(f.data.into_owned()).with_context(|| format!("{name} är inte UTF-8"))
}

fn applies(file: &str, r: &RequirementRow) -> anyhow::Result<Applies> {
    let at = |what: String| anyhow!("{file}, krav {}: {what}", r.id);
    match (r.baseline, &r.aspect, r.min_level, &r.flags) {
        (Some(true), None, None, None) => Ok(Applies::Baseline),
        (None, Some(a), Some(level), None) => {
            let aspect = Aspect::parse(a).map_err(|_| at(format!("okänd aspekt {a:?}")))?;
            if !(1..=4).contains(&level) {
                return Err(at(format!("min_level {level} ska vara 1–4")));
            }
            Ok(Applies::AtLeast(aspect, level))
        }
        (None, None, None, Some(flags)) if !flags.is_empty() => {
            let flags = flags.iter().map(|f| LegalFlag::parse(f).map_err(|_| at(format!("okänd flagga {f:?}")))).collect::<Result<_, _>>()?;
            Ok(Applies::AnyFlag(flags))
        }
        _ => Err(at("ange exakt ett av: baseline = true, aspect + min_level, eller flags".into())),
    }
}

impl Catalogue {
    pub fn load() -> anyhow::Result<Catalogue> {
        let head: CatalogueFile = toml::from_str(&read("catalogue.toml")?).map_err(|e| anyhow!("catalogue.toml: {e}"))?;
        let mut ids = HashSet::new();
        let mut requirements = Vec::new();
        for area in &head.area {
            let file = format!("{}.toml", area.id.to_lowercase());
            let rows: AreaFile = toml::from_str(&read(&file)?).map_err(|e| anyhow!("{file}: {e}"))?;
            for r in rows.requirement {
                if !r.id.starts_with(&format!("{}-", area.id)) {
                    bail!("{file}, krav {}: id ska börja med {}-", r.id, area.id);
                }
                if !ids.insert(r.id.clone()) {
                    bail!("{file}: kravet {} finns två gånger", r.id);
                }
                let texts = [&r.title_sv, &r.title_en, &r.is_sv, &r.is_en, &r.shall_sv, &r.shall_en, &r.guidance_sv, &r.guidance_en];
                if texts.iter().any(|t| t.trim().is_empty()) {
                    bail!("{file}, krav {}: en text är tom", r.id);
                }
                if let Some(m) = r.cyber_measures.iter().find(|m| !(1..=10).contains(*m)) {
                    bail!("{file}, krav {}: cybersäkerhetslagens åtgärd {m} finns inte (1–10)", r.id);
                }
                if let Some(a) = r.iso27001.iter().find(|a| !valid_annex_a(a)) {
                    bail!("{file}, krav {}: {a:?} är ingen Annex A-identifierare", r.id);
                }
                let applies = applies(&file, &r)?;
                requirements.push(Requirement {
                    area: area.id.clone(),
                    applies,
                    id: r.id,
                    title_sv: r.title_sv,
                    title_en: r.title_en,
                    is_sv: r.is_sv,
                    is_en: r.is_en,
                    shall_sv: r.shall_sv,
                    shall_en: r.shall_en,
                    guidance_sv: r.guidance_sv,
                    guidance_en: r.guidance_en,
                    cyber_measures: r.cyber_measures,
                    gdpr: r.gdpr,
                    pdl: r.pdl,
                    hslf: r.hslf,
                    iso27001: r.iso27001,
                });
            }
        }
        Ok(Catalogue { id: head.id, version: head.version, title_sv: head.title_sv, title_en: head.title_en, areas: head.area, requirements })
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_loads_and_is_large_enough() {
        let c = Catalogue::load().unwrap();
        assert!(c.requirements.len() >= 80, "{}", c.requirements.len());
        assert_eq!(c.areas.len(), 11);
        for area in &c.areas {
            assert!(c.requirements.iter().filter(|r| r.area == area.id).count() >= 6, "{}", area.id);
        }
    }

    #[test]
    fn annex_a_identifiers_are_checked_against_the_four_themes() {
        assert!(valid_annex_a("A.5.37") && valid_annex_a("A.8.1"));
        assert!(!valid_annex_a("A.5.38") && !valid_annex_a("A.9.1") && !valid_annex_a("5.1"));
    }
}
