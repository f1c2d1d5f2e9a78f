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
    /// Written by the municipality itself, not shipped with Beredd.
    pub local: bool,
    /// A local requirement's references, as the municipality wrote them.
    pub local_refs: Option<String>,
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
            let flags = flags
                .iter()
                .map(|f| LegalFlag::parse(f).map_err(|_| at(format!("okänd flagga {f:?}"))))
                .collect::<Result<_, _>>()?;
            Ok(Applies::AnyFlag(flags))
        }
        _ => Err(at("ange exakt ett av: baseline = true, aspect + min_level, eller flags".into())),
    }
}

impl Catalogue {
    pub fn load() -> anyhow::Result<Catalogue> {
        let head: CatalogueFile =
            toml::from_str(&read("catalogue.toml")?).map_err(|e| anyhow!("catalogue.toml: {e}"))?;
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
                let texts = [
                    &r.title_sv,
                    &r.title_en,
                    &r.is_sv,
                    &r.is_en,
                    &r.shall_sv,
                    &r.shall_en,
                    &r.guidance_sv,
                    &r.guidance_en,
                ];
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
                    local: false,
                    local_refs: None,
                });
            }
        }
        Ok(Catalogue {
            id: head.id,
            version: head.version,
            title_sv: head.title_sv,
            title_en: head.title_en,
            areas: head.area,
            requirements,
        })
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The catalogue as one organisation uses it: ours without the requirements it turned off,
    /// with its own added, and a version that says how many local changes it has.
    pub fn for_organisation(&self, own: Vec<Requirement>, disabled: &[String], revision: i64) -> Catalogue {
        let mut requirements: Vec<Requirement> =
            self.requirements.iter().filter(|r| !disabled.contains(&r.id)).cloned().collect();
        requirements.extend(own);
        // Keep area order, and the library's order inside an area; own requirements last in theirs.
        let area_pos = |a: &str| self.areas.iter().position(|x| x.id == a).unwrap_or(usize::MAX);
        requirements.sort_by_key(|r| area_pos(&r.area));
        let version = if revision > 0 { format!("{}+lokal.{revision}", self.version) } else { self.version.clone() };
        Catalogue {
            id: self.id.clone(),
            version,
            title_sv: self.title_sv.clone(),
            title_en: self.title_en.clone(),
            areas: self.areas.clone(),
            requirements,
        }
    }
}

/// A requirement's rule as stored for a local requirement: `baseline`, `K3`, or `flag:children`.
pub fn applies_code(a: &Applies) -> String {
    match a {
        Applies::Baseline => "baseline".into(),
        Applies::AtLeast(aspect, level) => format!("{}{level}", aspect.code()),
        Applies::AnyFlag(flags) => format!("flag:{}", flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(",")),
    }
}

pub fn parse_applies(s: &str) -> Option<Applies> {
    if s == "baseline" {
        return Some(Applies::Baseline);
    }
    if let Some(list) = s.strip_prefix("flag:") {
        let flags: Option<Vec<LegalFlag>> = list.split(',').map(|f| LegalFlag::parse(f).ok()).collect();
        return flags.filter(|f| !f.is_empty()).map(Applies::AnyFlag);
    }
    let (aspect, level) = s.split_at_checked(1)?;
    let aspect = Aspect::parse(aspect).ok()?;
    let level: u8 = level.parse().ok().filter(|l| (1..=4).contains(l))?;
    Some(Applies::AtLeast(aspect, level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_loads_and_is_large_enough() {
        let c = Catalogue::load().unwrap();
        assert!(c.requirements.len() >= 80, "{}", c.requirements.len());
        assert_eq!(c.areas.len(), 12);
        for area in &c.areas {
            assert!(c.requirements.iter().filter(|r| r.area == area.id).count() >= 6, "{}", area.id);
        }
    }

    #[test]
    fn an_organisation_adds_its_own_requirements_and_turns_ours_off() {
        let c = Catalogue::load().unwrap();
        let mut own = c.get("STY-01").unwrap().clone();
        own.id = "EGEN-01".into();
        own.area = c.areas[0].id.clone();
        own.local = true;
        let mine = c.for_organisation(vec![own], &["BEH-01".to_owned()], 2);
        assert_eq!(mine.requirements.len(), c.requirements.len());
        assert!(mine.get("BEH-01").is_none() && mine.get("EGEN-01").is_some_and(|r| r.local));
        assert_eq!(mine.version, format!("{}+lokal.2", c.version));
        assert_eq!(c.for_organisation(vec![], &[], 0).version, c.version, "no local changes, the library's version");
        let pos = |id: &str| mine.requirements.iter().position(|r| r.id == id).unwrap();
        assert!(
            pos("EGEN-01") < pos(&mine.requirements.iter().find(|r| r.area == c.areas[1].id).unwrap().id.clone()),
            "own requirements stay in their area"
        );
    }

    #[test]
    fn the_rule_of_a_local_requirement_round_trips() {
        for code in ["baseline", "K3", "T1", "S4", "flag:patient_data,children"] {
            assert_eq!(applies_code(&parse_applies(code).unwrap()), code);
        }
        for bad in ["", "K0", "K5", "X2", "flag:", "flag:nonsense", "baseline2"] {
            assert!(parse_applies(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn annex_a_identifiers_are_checked_against_the_four_themes() {
        assert!(valid_annex_a("A.5.37") && valid_annex_a("A.8.1"));
        assert!(!valid_annex_a("A.5.38") && !valid_annex_a("A.9.1") && !valid_annex_a("5.1"));
    }
}
