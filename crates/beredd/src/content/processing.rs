//! Beredd's own entry in the record of processing (GDPR art. 30.1): the personal data Beredd
//! itself holds about staff and contacts, `library/gdpr/beredd.toml`, built into the binary.
//! The register shows it first, with the organisation as controller.

use anyhow::{Context, bail};
use beredd_domain::gdpr::{LEGAL_BASES, SPECIAL_BASES, TRANSFERS, parse_code};
use serde::Deserialize;

#[derive(rust_embed::Embed)]
#[folder = "../../library/gdpr/"]
#[include = "*.toml"]
struct Embedded;

/// The entry's texts in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub name: String,
    pub purpose: String,
    pub subjects: String,
    pub data_categories: String,
    pub recipients: String,
    pub transfer_details: String,
    pub retention: String,
    pub measures: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnEntry {
    pub legal_basis: String,
    pub special_basis: Option<String>,
    pub transfers: String,
    pub sv: Texts,
    pub en: Texts,
}

impl OwnEntry {
    pub fn texts(&self, lang: crate::platform::i18n::Lang) -> &Texts {
        match lang {
            crate::platform::i18n::Lang::Sv => &self.sv,
            crate::platform::i18n::Lang::En => &self.en,
        }
    }
}

/// Beredd's own entry; an error names the field.
pub fn beredd() -> anyhow::Result<OwnEntry> {
    let data = Embedded::get("beredd.toml").context("library/gdpr/beredd.toml saknas")?;
    parse(std::str::from_utf8(&data.data).context("beredd.toml är inte UTF-8")?)
}

fn parse(source: &str) -> anyhow::Result<OwnEntry> {
    let e: OwnEntry = toml::from_str(source).context("library/gdpr/beredd.toml går inte att läsa")?;
    for (field, list, v) in [
        ("legal_basis", &LEGAL_BASES[..], Some(e.legal_basis.as_str())),
        ("special_basis", &SPECIAL_BASES[..], e.special_basis.as_deref()),
        ("transfers", &TRANSFERS[..], Some(e.transfers.as_str())),
    ] {
        if parse_code(list, v.unwrap_or("")).is_err() {
            bail!("library/gdpr/beredd.toml, fält {field}: okänd kod {v:?}");
        }
    }
    for (lang, t) in [("sv", &e.sv), ("en", &e.en)] {
        let all = [&t.name, &t.purpose, &t.subjects, &t.data_categories, &t.recipients, &t.retention, &t.measures];
        if all.iter().any(|s| s.trim().is_empty()) {
            bail!("library/gdpr/beredd.toml, [{lang}]: varje fält ska vara ifyllt");
        }
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    #[test]
    fn berredds_own_entry_reads_and_a_wrong_code_is_named() {
        let e = super::beredd().expect("library/gdpr/beredd.toml");
        assert_eq!(e.legal_basis, "6.1e");
        assert!(e.sv.purpose.contains("krislogg"));
        let broken = std::str::from_utf8(&super::Embedded::get("beredd.toml").unwrap().data)
            .unwrap()
            .replace("legal_basis = \"6.1e\"", "legal_basis = \"6.1x\"");
        let err = super::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("legal_basis"), "{err}");
    }
}
