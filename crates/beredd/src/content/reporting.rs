//! The drafts of the reports an incident calls for: `library/reporting/drafts.toml`, one draft
//! per duty with the headings its recipient asks for, built into the binary and checked at start.

use anyhow::{Context, bail};
use beredd_domain::reporting::Duty;
use serde::Deserialize;

#[derive(rust_embed::Embed)]
#[folder = "../../library/reporting/"]
#[include = "*.toml"]
struct Embedded;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    draft: Vec<DraftRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftRow {
    duty: String,
    recipient: String,
    basis: String,
    section: Vec<Section>,
}

/// One report's draft: who receives it, under which rule, and its headings.
#[derive(Debug, Clone)]
pub struct Draft {
    pub duty: Duty,
    pub recipient: String,
    pub basis: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub fill: Fill,
    #[serde(default)]
    pub guide: Option<String>,
}

/// What Beredd fills in under a heading (see the file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    Organisation,
    Contact,
    Dpo,
    Aware,
    Significant,
    Breach,
    Units,
    Status,
    Decisions,
    Interim,
    Handled,
    Late,
    None,
}

/// Every draft, one per duty in the order of [`Duty::ALL`]; an error names what is wrong.
pub fn load() -> anyhow::Result<Vec<Draft>> {
    let data = Embedded::get("drafts.toml").context("library/reporting/drafts.toml saknas")?;
    let text = std::str::from_utf8(&data.data).context("drafts.toml är inte UTF-8")?;
    parse(text)
}

fn parse(text: &str) -> anyhow::Result<Vec<Draft>> {
    let file: File = toml::from_str(text).context("drafts.toml går inte att läsa")?;
    let mut out = Vec::new();
    for row in file.draft {
        let duty = Duty::parse(&row.duty)
            .with_context(|| format!("drafts.toml: rapporten {:?} finns inte i Beredd", row.duty))?;
        if out.iter().any(|d: &Draft| d.duty == duty) {
            bail!("drafts.toml: rapporten {:?} står två gånger", row.duty);
        }
        if row.section.is_empty() || row.recipient.trim().is_empty() {
            bail!("drafts.toml, {:?}: mottagare och rubriker får inte saknas", row.duty);
        }
        if let Some(s) = row.section.iter().find(|s| s.fill == Fill::None && s.guide.is_none()) {
            bail!("drafts.toml, {:?}, {:?}: en rubrik som Beredd inte fyller i behöver en guide", row.duty, s.heading);
        }
        out.push(Draft { duty, recipient: row.recipient, basis: row.basis, sections: row.section });
    }
    if let Some(missing) = Duty::ALL.iter().find(|d| !out.iter().any(|x| x.duty == **d)) {
        bail!("drafts.toml: utkast saknas för {:?}", missing.code());
    }
    out.sort_by_key(|d| Duty::ALL.iter().position(|x| *x == d.duty));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_has_one_draft_per_duty() {
        let drafts = load().unwrap();
        assert_eq!(drafts.iter().map(|d| d.duty).collect::<Vec<_>>(), Duty::ALL);
        let imy = drafts.iter().find(|d| d.duty == Duty::ImyBreach).unwrap();
        assert!(imy.sections.iter().any(|s| s.fill == Fill::Dpo), "GDPR art. 33.3 b asks for the DPO");
    }

    #[test]
    fn a_broken_drafts_file_is_refused_with_what_is_wrong() {
        let one = |duty: &str, fill: &str| {
            format!(
                "[[draft]]\nduty = \"{duty}\"\nrecipient = \"MCF\"\nbasis = \"x\"\n[[draft.section]]\nheading = \"H\"\nfill = \"{fill}\"\n"
            )
        };
        let err = |text: String| format!("{:#}", parse(&text).unwrap_err());
        assert!(err(one("nis2_later", "aware")).contains("nis2_later"));
        assert!(err(one("nis2_final", "none")).contains("guide"));
        assert!(err(one("nis2_final", "weather")).contains("går inte att läsa"));
        assert!(err(one("nis2_final", "aware")).contains("utkast saknas"));
    }
}
