//! The paper forms a plan's template brings: printed in the binder of a unit after the general
//! forms, each once however many plans bring it, and listed in the crisis kit the same way.

use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{Session, TestApp, id_of, kinds, pdf_text};

/// An approved plan for `unit` from `template`.
async fn approved_plan(s: &Session, name: &str, template: &str, unit: i64) -> String {
    // A unit another plan already covers is confirmed (overlap_ok), as the warning asks.
    let unit = unit.to_string();
    let r =
        s.post("/plans/new", &[("name", name), ("template", template), ("units", &unit), ("overlap_ok", &unit)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = id_of(&r);
    let mut fields = edit_fields(s, &plan).await;
    set(&mut fields, "lead", "Åsa Öberg leder.");
    set(&mut fields, super::HOTLINE.0, super::HOTLINE.1);
    assert_eq!(post_fields(s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
    assert_eq!(crate::harness::approve(s, &plan, "1").await.status, StatusCode::SEE_OTHER);
    plan
}

/// The first words of each form's note (the start of a line, so pdftotext keeps them whole),
/// with the form's title.
const SAEBO: &[(&str, &str)] = &[
    ("Journalblad – dokumentation på papper", "Används när journalen eller den sociala"),
    ("Signeringslista för läkemedel", "En lista per person och månad."),
    ("Telefonordination", "Sjuksköterskan skriver medan läkaren ordinerar"),
    ("Tillsynslista", "För tillsyn på natten eller när den digitala"),
    ("Nyckelkvitteringslista", "Den som tar en nyckel kvitterar den"),
];
const NOT_THESE: &[&str] = &["Diarium för orosanmälningar", "Normberäkning för hand", "Utbetalningsunderlag – manuell"];

#[tokio::test]
async fn the_binder_and_the_kit_hold_the_forms_of_the_plans_templates_once_each() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (_top, home, _manager) = crate::harness::care_home(&app, &s).await;
        // Two plans for the same unit whose templates share the journalblad, the signeringslista
        // and the telefonordination.
        approved_plan(&s, "Plan för Björkgården", "sarskilt-boende", home).await;
        approved_plan(&s, "Sjuksköterskornas plan", "halso-och-sjukvard", home).await;

        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("unit", &home.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        for (title, note) in SAEBO {
            assert!(text.contains(title), "{kind:?}: the binder lacks {title:?}");
            assert_eq!(text.matches(note).count(), 1, "{kind:?}: {title:?} is printed once:\n{text}");
        }
        for absent in NOT_THESE {
            assert!(!text.contains(absent), "{kind:?}: no plan brings {absent:?}");
        }
        assert!(text.contains("Dokumentation vid besök"), "the general forms are still there");
        assert!(!text.contains("Läkemedel givet"), "{kind:?}: medicine given goes on the signeringslista only");
        assert!(text.contains("Ifylld: personuppgifter, sekretess enligt OSL"), "{kind:?}: the forms are marked");
        assert!(
            text.contains("Skyddade personuppgifter: en person med skyddad identitet skrivs bara med den kod"),
            "{kind:?}: the rule on protected identities is on the forms"
        );

        // The kit of the unit lists the same forms, each once.
        let pass = "ekorre-fjällräv-lingon-strömming";
        let fields = [("units", home.to_string()), ("passphrase", pass.into()), ("passphrase2", pass.into())];
        let mut fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fields.push(("max_age_days", "14"));
        let (_, html) = crate::harness::make_kit(&s, &fields).await;
        let content = beredd::services::continuity::kit::open(&html, pass).unwrap();
        let titles: Vec<&str> =
            content["forms"].as_array().unwrap().iter().map(|f| f["l"]["title"].as_str().unwrap()).collect();
        assert_eq!(titles, SAEBO.iter().map(|(t, _)| *t).collect::<Vec<_>>(), "{kind:?}");
        let sign = &content["forms"][1];
        assert_eq!(sign["columns"][0], "Läkemedel, styrka och dos", "{kind:?}: the kit prints its columns");
        assert!(sign["rows"].as_u64().unwrap() >= 10);
        assert!(content["labels"]["forms"]["protected"].as_str().unwrap().starts_with("Skyddade personuppgifter"));
    }
}

/// A plan from a template that brings no forms prints only the general ones.
#[tokio::test]
async fn a_binder_of_a_plan_whose_template_brings_no_forms_has_only_the_general_ones() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (_top, home, _manager) = crate::harness::care_home(&app, &s).await;
        let plan = approved_plan(&s, "Krisledningens plan", "central-krisledningsstab", home).await;
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("plan", plan.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        assert!(text.contains("Stabsmöten och mötesrytm") && text.contains("Beslutslogg"), "{kind:?}");
        for (title, _) in SAEBO {
            assert!(!text.contains(title), "{kind:?}: {title:?} was not asked for");
        }
    }
}
