//! The record of how Beredd's legal references were checked: `library/legal/checked.toml`. It is
//! documentation, not read at run time; the tests below keep it well-formed and complete: every
//! patientdatalagen and HSLF-FS section that the catalogue or a shipped framework cites has a
//! record, and a record that claims a check names where it was made.

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use serde::Deserialize;

    use crate::content::catalogue::Catalogue;
    use crate::content::frameworks;

    const FILE: &str = include_str!("../../../../library/legal/checked.toml");

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        reference: Vec<Reference>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Reference {
        law: String,
        section: String,
        status: String,
        #[serde(default)]
        source: Option<String>,
        #[serde(default)]
        #[allow(dead_code)]
        used_in: Vec<String>,
        #[serde(default)]
        #[allow(dead_code)]
        note: Option<String>,
    }

    const STATUSES: [&str; 5] = ["statute", "secondary", "unchecked", "repealed", "not-published"];

    fn records() -> Vec<Reference> {
        toml::from_str::<File>(FILE).expect("library/legal/checked.toml").reference
    }

    #[test]
    fn every_record_has_a_known_status_and_a_check_names_its_source() {
        let all = records();
        assert!(all.len() >= 20, "{}", all.len());
        let mut seen = HashSet::new();
        for r in &all {
            let at = format!("{} {}", r.law, r.section);
            assert!(!r.law.trim().is_empty(), "a record without a law");
            assert!(STATUSES.contains(&r.status.as_str()), "{at}: unknown status {:?}", r.status);
            let needs_source = ["statute", "secondary", "repealed"].contains(&r.status.as_str());
            assert!(!needs_source || r.source.as_deref().is_some_and(|s| !s.trim().is_empty()), "{at}: no source");
            assert!(seen.insert(at.clone()), "{at} twice");
        }
        let status = |law: &str, section: &str| {
            all.iter().find(|r| r.law.starts_with(law) && r.section == section).map(|r| r.status.as_str())
        };
        assert_eq!(status("patientdatalagen", "6 kap."), Some("repealed"), "PDL 6 kap. was repealed by SFS 2022:915");
        assert_eq!(status("socialtjänstlagen (2025:400)", ""), Some("statute"));
        assert_eq!(status("MCF:s föreskrifter", ""), Some("not-published"));
    }

    #[test]
    fn every_pdl_and_hslf_section_cited_in_the_library_has_a_record() {
        let all = records();
        let has = |law: &str, section: &str| all.iter().any(|r| r.law.starts_with(law) && r.section == section);
        let catalogue = Catalogue::load().unwrap();
        let mut cited: Vec<(&str, String)> = Vec::new();
        for r in &catalogue.requirements {
            cited.extend(r.pdl.iter().map(|s| ("patientdatalagen", s.clone())));
            cited.extend(r.hslf.iter().map(|s| ("HSLF-FS 2016:40", s.clone())));
        }
        for fw in frameworks::library().unwrap() {
            for n in &fw.nodes {
                cited.extend(n.maps.pdl.iter().map(|s| ("patientdatalagen", s.clone())));
                cited.extend(n.maps.hslf.iter().map(|s| ("HSLF-FS 2016:40", s.clone())));
            }
        }
        assert!(cited.len() > 10);
        for (law, section) in &cited {
            assert!(has(law, section), "{law} {section} is cited but has no record in library/legal/checked.toml");
        }
    }

    #[test]
    fn the_library_no_longer_names_the_old_social_services_act_or_pdl_chapter_6_as_in_force() {
        let catalogue = Catalogue::load().unwrap();
        for r in &catalogue.requirements {
            for t in [&r.is_sv, &r.guidance_sv, &r.shall_sv] {
                assert!(!t.contains("2001:453"), "{}: the old socialtjänstlag", r.id);
            }
        }
        let readme = include_str!("../../../../library/requirements/README.md");
        assert!(readme.contains("socialtjänstlagen (2025:400)") && !readme.contains("2001:453"));
        let pdl = frameworks::library().unwrap().into_iter().find(|f| f.id == "pdl-hslf").unwrap();
        assert!(pdl.nodes.iter().any(|n| n.reference == "SFS 2022:913"), "the act on shared documentation");
        assert!(!pdl.nodes.iter().any(|n| n.reference.starts_with("6 kap.")), "PDL 6 kap. is repealed");
    }
}
