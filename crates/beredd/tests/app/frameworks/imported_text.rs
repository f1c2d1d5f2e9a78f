//! An imported CISO Assistant library reads as its own words: chapters and requirements under
//! their own titles and references, never a URN; the whole requirement text where it is
//! answered, and once on the framework's page; and no help text points at a file in the source.

use reqwest::StatusCode;

use crate::harness::{fixture, kinds, texts, upload};

/// The visible text of the page's main part, with its white space evened out.
fn main_text(html: &str) -> String {
    texts(html, "main").join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn an_imported_framework_shows_its_titles_and_whole_texts_and_never_a_urn() {
    let yaml = String::from_utf8(fixture("ciso-assistant/nis2-directive.yaml")).unwrap();
    let fw = beredd::content::frameworks::parse_ciso(&yaml).unwrap();
    let text_of = |reference: &str| words(fw.nodes.iter().find(|n| n.reference == reference).unwrap().text(false));
    for kind in kinds() {
        let app = crate::harness::TestApp::start(kind).await;
        let s = app.login("admin").await;

        // The import form explains itself without sending anyone to a README.
        let list = s.get("/frameworks").await.body;
        let hint = texts(&list, "#file-hint").join(" ");
        assert!(hint.contains("CISO Assistant") && hint.contains("ladda ner"), "{hint}");
        assert!(!main_text(&list).contains("README") && !main_text(&list).contains("library/"), "{hint}");

        let r = upload(&s, "/frameworks/import", "nis2-directive.yaml", yaml.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, "#file-error").join(""));

        // The framework's page: the chapter under its name, each requirement's text whole and
        // once, no second numbering, the version said in words.
        let page = s.get("/frameworks/nis2-directive/3").await.body;
        let main = main_text(&page);
        assert!(!main.contains("urn:"), "{kind:?}: {main}");
        assert!(!main.contains('…'), "no text is cut short: {main}");
        assert_eq!(texts(&page, "h1"), ["NIS 2 directive requirements, version 3"]);
        assert_eq!(texts(&page, ".fw-tree h3"), ["Article 21"]);
        assert_eq!(texts(&page, ".fw-tree li.chapter p"), ["Cybersecurity risk-management measures"]);
        let full = text_of("21.1");
        assert_eq!(main.matches(&full).count(), 1, "the text of 21.1, whole and once: {main}");
        assert!(main.contains(&format!("21.1 {full}")), "the reference leads its text");
        assert!(texts(&page, "ol.fw-tree").is_empty(), "no numbered list beside the references");

        // An assessment: the overview and the chapter page name the chapter by its name.
        let r = s
            .post(
                "/assessments",
                &[("framework", "nis2-directive@3"), ("title", "NIS2 art. 21"), ("started_on", "2026-11-23")],
            )
            .await;
        let id = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let overview = s.get(&format!("/assessments/{id}")).await.body;
        assert!(!main_text(&overview).contains("urn:"), "{}", main_text(&overview));
        assert_eq!(texts(&overview, "table[aria-labelledby=progress-heading] tbody th"), ["Article 21"]);
        assert_eq!(texts(&overview, "tr.group strong")[0], "Article 21");
        assert!(main_text(&overview).contains("NIS 2 directive requirements, version 3"));

        // Answering the chapter: every requirement's whole text stands above its answer.
        let chapter = s.get(&format!("/assessments/{id}/chapters/0")).await.body;
        let main = main_text(&chapter);
        assert_eq!(texts(&chapter, "h1"), ["Article 21"]);
        assert!(!main.contains("urn:") && !main.contains('…'), "{main}");
        let headings = texts(&chapter, "section.answer-row h2");
        assert_eq!(headings.len(), 13, "{headings:?}");
        assert_eq!(headings[0], "Krav 21.1");
        let shown: Vec<String> =
            texts(&chapter, "section.answer-row .requirement-text").iter().map(|t| words(t)).collect();
        assert_eq!(shown[0], full);
        assert!(shown.contains(&text_of("21.2.j")), "{shown:?}");

        // A requirement's own page: headed by its reference, its text whole below.
        let req =
            s.get(&format!("/assessments/{id}/requirements/urn:intuitem:risk:req_node:nis2-directive:21.2.j")).await;
        assert_eq!(req.status, StatusCode::OK);
        assert_eq!(texts(&req.body, "h1"), ["Krav 21.2.j"]);
        assert!(main_text(&req.body).contains(&text_of("21.2.j")));
        assert!(!main_text(&req.body).contains("urn:"));
    }
}

/// A library whose names start with their own references, as some CISO Assistant libraries
/// write them ("5.1 Policies …" for 5.1).
const NUMBERED: &str = "urn: urn:x:library:numbered\nref_id: Numbered-Lib\nname: Numbered\nversion: 1\nprovider: Me\nobjects:\n  framework:\n    urn: urn:x:framework:numbered\n    ref_id: Numbered-Lib\n    name: Numbered controls\n    requirement_nodes:\n    - urn: urn:x:req:numbered:5\n      assessable: false\n      depth: 1\n      ref_id: '5'\n      name: 5 Organisational controls\n    - urn: urn:x:req:numbered:5.1\n      assessable: true\n      depth: 2\n      parent_urn: urn:x:req:numbered:5\n      ref_id: '5.1'\n      name: 5.1 Policies for information security\n      description: Policies are defined and approved.\n    - urn: urn:x:req:numbered:5.2\n      assessable: true\n      depth: 2\n      parent_urn: urn:x:req:numbered:5\n      ref_id: '5.2'\n      name: '5.2. Roles and responsibilities'\n      description: Roles are defined.\n    - urn: urn:x:req:numbered:5.3\n      assessable: true\n      depth: 2\n      parent_urn: urn:x:req:numbered:5\n      ref_id: '5.3'\n      name: Segregation of duties\n      description: Duties are segregated.\n";

#[tokio::test]
async fn a_reference_already_at_the_start_of_a_name_is_not_numbered_twice() {
    for kind in kinds() {
        let app = crate::harness::TestApp::start(kind).await;
        let s = app.login("admin").await;
        let r = upload(&s, "/frameworks/import", "numbered.yaml", NUMBERED.as_bytes().to_vec()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, "#file-error").join(""));

        // The framework's page: each reference once, in front of its title.
        let page = s.get("/frameworks/numbered-lib/1").await.body;
        assert_eq!(texts(&page, ".fw-tree h3"), ["5 Organisational controls"], "{kind:?}");
        assert_eq!(
            texts(&page, ".fw-tree li:not(.chapter) strong"),
            ["5.1 Policies for information security", "5.2 Roles and responsibilities", "5.3 Segregation of duties"]
        );
        let main = main_text(&page);
        assert!(!main.contains("5.1 5.1") && !main.contains("5.2 5.2") && !main.contains("5 5 "), "{main}");

        // An assessment's table: the reference in its column, the title beside it without it.
        let r = s
            .post(
                "/assessments",
                &[("framework", "numbered-lib@1"), ("title", "Kontroller"), ("started_on", "2026-11-23")],
            )
            .await;
        let id = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let overview = s.get(&format!("/assessments/{id}")).await.body;
        let table = "table[aria-labelledby=answers-heading] tbody tr:not(.group)";
        assert_eq!(texts(&overview, &format!("{table} td:first-child")), ["5.1", "5.2", "5.3"]);
        assert_eq!(
            texts(&overview, &format!("{table} td:nth-child(2) a")),
            ["Policies for information security", "Roles and responsibilities", "Segregation of duties"]
        );
        assert_eq!(texts(&overview, "tr.group strong"), ["5 Organisational controls"]);
        // Answering the chapter: one number in each heading.
        let chapter = s.get(&format!("/assessments/{id}/chapters/0")).await.body;
        assert_eq!(texts(&chapter, "h1"), ["5 Organisational controls"]);
        assert_eq!(
            texts(&chapter, "section.answer-row h2"),
            ["5.1 Policies for information security", "5.2 Roles and responsibilities", "5.3 Segregation of duties"]
        );
    }
}
