//! Continuity plan templates: `library/plan-templates/*.toml`, built into the binary and checked
//! at start like the requirement catalogue. A new continuity plan starts from one of them.

use anyhow::{Context, bail};
use serde::Deserialize;

#[derive(rust_embed::Embed)]
#[folder = "../../library/plan-templates/"]
#[include = "*.toml"]
struct Embedded;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanTemplate {
    pub id: String,
    pub version: String,
    pub name: String,
    pub description: String,
    #[serde(rename = "routine")]
    pub routines: Vec<Routine>,
    #[serde(rename = "external", default)]
    pub externals: Vec<External>,
    pub hotline: Hotline,
    pub communication: Communication,
    #[serde(rename = "checklist", default)]
    pub checklists: Vec<Checklist>,
    /// The paper forms (ids in `FORMS`) a plan from this template brings to the binder and the kit.
    #[serde(default)]
    pub forms: Vec<String>,
}

/// The paper forms a template can bring, by id, in the order the binder prints them.
pub const FORMS: &[&str] = &[
    "journalblad",
    "signeringslista",
    "telefonordination",
    "tillsynslista",
    "nyckelkvittering",
    "orosanmalningar",
    "beslut-bistand",
    "normberakning",
    "utbetalningsunderlag",
];

/// The fallback routine (reservrutin) for one kind of critical activity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    pub activity: String,
    /// Lower-case words: a unit's activity whose name holds one of them gets this routine.
    #[serde(rename = "match")]
    pub match_words: Vec<String>,
    pub trigger: String,
    pub switch_back: String,
    pub steps: Vec<String>,
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub reentry: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct External {
    pub name: String,
    pub phone: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub hours: String,
    pub answered_by: String,
    pub script: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    pub web: String,
    pub hotline: String,
    pub media: String,
    pub spokesperson: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub title: String,
    pub items: Vec<String>,
}

/// A step written "Roll: vad som görs" split into the role and the rest, when it starts so.
pub fn step_parts(step: &str) -> (Option<&str>, &str) {
    match step.split_once(": ") {
        Some((role, rest)) if !role.is_empty() && role.chars().count() <= 40 && !role.contains('.') => {
            (Some(role), rest)
        }
        _ => (None, step),
    }
}

impl Routine {
    /// Whether a unit's activity of this name should get this routine.
    pub fn fits(&self, activity_name: &str) -> bool {
        let name = activity_name.to_lowercase();
        self.match_words.iter().any(|w| name.contains(w.as_str()))
    }
}

fn check(file: &str, t: &PlanTemplate) -> anyhow::Result<()> {
    let stem = file.trim_end_matches(".toml");
    if t.id != stem {
        bail!("{file}: id {:?} ska vara samma som filnamnet ({stem:?})", t.id);
    }
    if t.routines.is_empty() {
        bail!("{file}: mallen saknar reservrutiner ([[routine]])");
    }
    for r in &t.routines {
        if r.steps.is_empty() || r.match_words.is_empty() {
            bail!("{file}, rutin {:?}: steps och match får inte vara tomma", r.activity);
        }
        if let Some(w) = r.match_words.iter().find(|w| w.is_empty() || w.to_lowercase() != **w) {
            bail!("{file}, rutin {:?}: matchordet {w:?} ska vara gemener", r.activity);
        }
    }
    for f in &t.forms {
        if !FORMS.contains(&f.as_str()) {
            bail!("{file}, fält forms: blanketten {f:?} finns inte. Blanketter som finns: {}", FORMS.join(", "));
        }
    }
    for e in &t.externals {
        beredd_domain::text::optional_phone(&e.phone).map_err(|_| {
            anyhow::anyhow!("{file}, kontakt {:?}: telefonnumret {:?} går inte att tolka", e.name, e.phone)
        })?;
    }
    Ok(())
}

/// Every template, sorted by name; an error names the file and what is wrong.
pub fn load() -> anyhow::Result<Vec<PlanTemplate>> {
    let mut out: Vec<PlanTemplate> = Vec::new();
    let mut files: Vec<String> = Embedded::iter().map(|f| f.into_owned()).collect();
    files.sort();
    for file in files {
        let data = Embedded::get(&file).with_context(|| format!("{file} saknas"))?;
        let text = std::str::from_utf8(&data.data).with_context(|| format!("{file} är inte UTF-8"))?;
        out.push(parse(&file, text)?);
    }
    out.sort_by_key(|t| beredd_domain::sort::swedish_key(&t.name));
    Ok(out)
}

/// One template file's text, read and checked; an error names the file and what is wrong.
pub fn parse(file: &str, text: &str) -> anyhow::Result<PlanTemplate> {
    let t: PlanTemplate = toml::from_str(text).with_context(|| format!("{file} går inte att läsa"))?;
    check(file, &t)?;
    Ok(t)
}

/// The forms a plan made from template `id` brings (none for an unknown or missing template).
/// The shipped templates are read once; they were checked when the server started.
pub fn forms_of(id: Option<&str>) -> &'static [String] {
    static ALL: std::sync::OnceLock<Vec<PlanTemplate>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| load().unwrap_or_default());
    id.and_then(|id| all.iter().find(|t| t.id == id)).map(|t| t.forms.as_slice()).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_templates_load_and_cover_the_five_kinds_of_unit_and_two_central_functions() {
        let all = load().unwrap();
        let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        // (template, routines, forms)
        let shipped = [
            ("sarskilt-boende", 5, 5),
            ("hemtjanst", 8, 5),
            ("ifo-ekonomiskt-bistand", 5, 5),
            ("lss", 6, 5),
            ("halso-och-sjukvard", 6, 3),
            ("lon-vid-avbrott", 4, 1),
            ("central-krisledningsstab", 5, 0),
        ];
        assert_eq!(all.len(), shipped.len(), "{ids:?}");
        for (id, routines, forms) in shipped {
            let t = all.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("{id} missing from {ids:?}"));
            assert_eq!((t.routines.len(), t.forms.len()), (routines, forms), "{id}");
        }
        let home = all.iter().find(|t| t.id == "hemtjanst").unwrap();
        let resources: Vec<&String> = home.routines.iter().flat_map(|r| &r.resources).collect();
        assert!(resources.iter().any(|r| r.contains("minst den kommande veckan")), "weekly run lists");
        assert!(!resources.iter().any(|r| r.contains("tre dagarna")), "not three days");
        assert!(home.routines.iter().any(|r| r.fits("Digital nattillsyn")));
        assert_eq!(
            home.routines.iter().find(|r| r.fits("Digital nattillsyn")).map(|r| r.activity.as_str()),
            Some("Digital nattillsyn"),
            "the camera routine comes before the night patrol's"
        );
        // The order of catching up, in every SoL, LSS and HSL template.
        for t in all.iter().filter(|t| !["lon-vid-avbrott", "central-krisledningsstab"].contains(&t.id.as_str())) {
            let c = t.checklists.iter().find(|c| c.title.starts_with("Skrivs in i efterhand från papper"));
            let c = c.unwrap_or_else(|| panic!("{}: no catch-up order", t.id));
            let order =
                ["Först läkemedel", "Sedan avvikelser", "Sedan beslut", "Sedan journalanteckningar", "Sist övrigt"];
            for (item, want) in c.items.iter().zip(order) {
                assert!(item.starts_with(want), "{}: {item}", t.id);
            }
        }
        let ifo = all.iter().find(|t| t.id == "ifo-ekonomiskt-bistand").unwrap();
        assert!(ifo.routines.iter().any(|r| r.fits("Utbetalning av ekonomiskt bistånd")));
        assert!(
            ifo.routines.iter().flat_map(|r| &r.steps).any(|s| s.contains("bankdosa")),
            "payment by the bank token, as in Kalix"
        );
    }

    #[test]
    fn a_template_naming_an_unknown_form_is_refused_with_the_file_and_field() {
        let text = Embedded::get("hemtjanst.toml").unwrap();
        let text = std::str::from_utf8(&text.data).unwrap();
        assert!(parse("hemtjanst.toml", text).is_ok());
        let broken = text.replace("forms = [\"journalblad\",", "forms = [\"journalbladet\",");
        assert_ne!(broken, text);
        let e = format!("{:#}", parse("hemtjanst.toml", &broken).unwrap_err());
        assert!(e.contains("hemtjanst.toml") && e.contains("forms") && e.contains("\"journalbladet\""), "{e}");
        let e = format!("{:#}", parse("x.toml", &text.replace("forms = [", "blanketter = [")).unwrap_err());
        assert!(e.contains("x.toml") && e.contains("blanketter"), "{e}");
    }

    #[test]
    fn a_step_is_split_into_its_role_and_what_is_done() {
        assert_eq!(step_parts("Sjuksköterska: delar ut läkemedel."), (Some("Sjuksköterska"), "delar ut läkemedel."));
        assert_eq!(step_parts("Ring 112 vid fara för liv."), (None, "Ring 112 vid fara för liv."));
        assert_eq!(step_parts("Kl. 8: möte"), (None, "Kl. 8: möte"));
    }
}
