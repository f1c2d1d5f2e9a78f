//! The record of processing (GDPR art. 30): made from the information assets that hold personal
//! data, with Beredd's own entry first, what each entry lacks listed for its owner, and the
//! export as Excel and PDF for the data protection officer and those who edit all content.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{TestApp, get_bytes, id_of, kinds, pdf_text, texts, xlsx_rows};

/// A unit, a person who owns an asset with personal data and is its information owner, and one
/// asset without personal data; returns (person, asset).
async fn register_with_one_entry(app: &TestApp) -> (String, String) {
    let s = app.login("admin").await;
    let unit = app.add_unit("Hemtjänst Norr", None).await.to_string();
    let per = id_of(&s.post("/people/new", &[("name", "Per Lund"), ("kind", "staff"), ("unit", &unit)]).await);
    let fields = [
        ("name", "Genomförandeplaner"),
        ("owner", per.as_str()),
        ("flags", "personal_data"),
        ("flags", "sensitive_personal_data"),
        ("units", unit.as_str()),
        ("gdpr_purpose", "Planera och dokumentera insatserna hos brukaren."),
        ("gdpr_legal_basis", "6.1c"),
        ("gdpr_subjects", "Brukare i hemtjänsten."),
        ("gdpr_transfers", "none"),
    ];
    let r = s.post("/assets/new", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let asset = id_of(&r);
    let r = s.post("/assets/new", &[("name", "Styrdokument")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    (per, asset)
}

#[tokio::test]
async fn the_register_holds_the_assets_with_personal_data_and_says_what_each_lacks() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let (_, asset) = register_with_one_entry(&app).await;
        let s = app.login("admin").await;

        // A code not in the list is refused, naming the field, and nothing is lost.
        let r = s
            .post(&format!("/assets/{asset}/edit"), &[("name", "Genomförandeplaner"), ("gdpr_legal_basis", "6.1x")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            texts(&r.body, ".error-summary li")[0].starts_with("Rättslig grund (art. 6.1)"),
            "{:?}",
            texts(&r.body, ".error-summary li")
        );

        let page = s.get("/governance/processing").await.body;
        let names = texts(&page, "section.entry h3");
        assert_eq!(
            names,
            ["Beredd: krisberedskap, kontinuitet och informationssäkerhet", "Genomförandeplaner"],
            "Beredd's own entry first, no asset without personal data"
        );
        assert_eq!(
            texts(&page, ".entry .hint"),
            [
                "Saknas: Undantag för känsliga personuppgifter (art. 9.2), Kategorier av personuppgifter, Mottagare, Lagringstid och gallring, Klassning"
            ]
        );
        let asset_dds = texts(&page, &format!("#asset-{asset} dd"));
        assert!(asset_dds.contains(&"Rättslig förpliktelse (art. 6.1 c)".to_owned()), "{asset_dds:?}");
        assert!(asset_dds.contains(&"Per Lund".to_owned()));
        assert_eq!(
            texts(&page, "main > p:not(.intro):not(.actions)").last().unwrap(),
            "2 poster, varav 1 fullständiga."
        );
        assert_eq!(texts(&page, "dl.details dd")[1], "Inget dataskyddsombud är valt. Välj på sidan Organisation");
        assert!(texts(&page, "nav a").iter().any(|t| t == "Register över behandlingar"));

        // The asset's own page shows what is filled in.
        let detail = s.get(&format!("/assets/{asset}")).await.body;
        assert!(texts(&detail, "dd").contains(&"Rättslig förpliktelse (art. 6.1 c)".to_owned()));
    }
}

#[tokio::test]
async fn who_sees_and_who_exports_the_register() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let (per, asset) = register_with_one_entry(&app).await;
        let per_id: i64 = per.parse().unwrap();
        let chef = app.add_user("chef", Role::UnitManager, &[]).await;
        app.add_user("samordnare", Role::Coordinator, &[]).await;
        app.add_user("stab", Role::CrisisStaff, &[]).await;
        let dso = app.add_user("dso", Role::Reader, &[]).await;
        beredd::store::users::set_person(&app.db.pool, chef, Some(per_id)).await.unwrap();
        for (user, exports) in [("admin", true), ("samordnare", true), ("chef", false), ("stab", false), ("dso", false)]
        {
            let s = app.login(user).await;
            let page = s.get("/governance/processing").await;
            assert_eq!(page.status, StatusCode::OK, "{user} sees the register");
            assert_eq!(
                texts(&page.body, "a[href^=\"/governance/processing/\"]").len(),
                if exports { 2 } else { 0 },
                "{user}"
            );
            for format in ["xlsx", "pdf"] {
                let (status, _, _) = get_bytes(&s, &format!("/governance/processing/{format}")).await;
                let expected = if exports { StatusCode::OK } else { StatusCode::FORBIDDEN };
                assert_eq!(status, expected, "{user} exports {format}");
            }
            // The owner (the unit manager who is Per Lund) is asked to complete the entry.
            let mine = texts(&page.body, "#mine li");
            if user == "chef" {
                assert_eq!(mine.len(), 1);
                assert!(mine[0].starts_with("Genomförandeplaner: Undantag för känsliga"), "{mine:?}");
                assert_eq!(texts(&page.body, &format!("#mine a[href=\"/assets/{asset}/edit\"]")).len(), 1);
            } else {
                assert!(mine.is_empty(), "{user}");
            }
        }
        assert_eq!(get_bytes(&app.login("admin").await, "/governance/processing/csv").await.0, StatusCode::NOT_FOUND);

        // The reader who is named data protection officer on the organisation page may export.
        let admin = app.login("admin").await;
        let office = app.add_unit("Kommunledningskontoret", None).await.to_string();
        let ebba = [("name", "Ebba Dahl"), ("kind", "staff"), ("title", "Dataskyddsombud"), ("unit", &office)];
        let r = admin.post("/people/new", &ebba).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, ".error-summary li").join("; "));
        let ebba = id_of(&r);
        beredd::store::users::set_person(&app.db.pool, dso, Some(ebba.parse().unwrap())).await.unwrap();
        let r = admin.post("/organisation", &[("name", "Exempelkommun"), ("dpo", &ebba)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            texts(&admin.get("/organisation").await.body, "select[name=dpo] option[selected]"),
            ["Ebba Dahl (Dataskyddsombud)"]
        );
        // The officer is not deleted from the register while named.
        let r = admin.post(&format!("/people/{ebba}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(texts(&r.body, "li").contains(&"Dataskyddsombud för organisationen: Exempelkommun".to_owned()));
        let r = admin.post("/organisation", &[("name", "Exempelkommun"), ("dpo", "999999")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a person not in the register");
        let s = app.login("dso").await;
        let (status, ctype, bytes) = get_bytes(&s, "/governance/processing/xlsx").await;
        assert_eq!(status, StatusCode::OK);
        assert!(ctype.contains("spreadsheetml"));
        let rows = xlsx_rows(bytes);
        assert_eq!(rows[0][0], "Behandling");
        assert_eq!(rows[0][3], "Rättslig grund (art. 6.1)");
        assert_eq!(rows.len(), 3, "Beredd's own entry and one asset");
        assert!(rows[1][0].starts_with("Beredd"));
        assert_eq!(rows[1][3], "Uppgift av allmänt intresse eller myndighetsutövning (art. 6.1 e)");
        assert_eq!(rows[2][0], "Genomförandeplaner");
        assert_eq!(rows[2][1], "Per Lund");
        assert_eq!(rows[2][3], "Rättslig förpliktelse (art. 6.1 c)");
        assert_eq!(rows[2][8], "Ingen överföring utanför EU/EES");
        assert_eq!(rows[2][12], "Exempelkommun");
        assert_eq!(rows[2][13], "Ebba Dahl, Dataskyddsombud");
        assert!(rows[2][14].contains("Lagringstid och gallring"));

        let (status, ctype, bytes) = get_bytes(&s, "/governance/processing/pdf").await;
        assert_eq!((status, ctype.as_str()), (StatusCode::OK, "application/pdf"));
        let text = pdf_text(&bytes);
        for expected in [
            "Register över behandlingar av personuppgifter",
            "Personuppgiftsansvarig: Exempelkommun",
            "Dataskyddsombud: Ebba Dahl, Dataskyddsombud",
            "Genomförandeplaner",
            "Rättslig förpliktelse (art. 6.1 c)",
            "Saknas:",
        ] {
            assert!(text.contains(expected), "{expected:?} in the PDF:\n{text}");
        }
    }
}

#[tokio::test]
async fn the_demo_register_has_its_data_protection_officer_and_complete_and_incomplete_entries() {
    for kind in kinds() {
        let t = crate::harness::fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, crate::harness::PASSWORD)
            .await
            .unwrap();
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        let app = TestApp::serve(db, org, kind, t).await;
        let s = app.login("admin").await;
        let page = s.get("/governance/processing").await.body;
        let dds = texts(&page, "main > dl.details dd");
        assert_eq!(dds[1], "Lena Forsberg, Dataskyddsombud, 070-174 06 97, dataskyddsombud@exempelkommun.example");
        let journal = texts(&page, "section.entry")
            .into_iter()
            .find(|t| t.starts_with("Patientjournal kommunal hälso- och sjukvård"))
            .expect("the patient records are in the register");
        assert!(journal.contains("Hälso- och sjukvård och social omsorg (art. 9.2 h)"), "{journal}");
        assert!(!journal.contains("Saknas"), "a complete entry: {journal}");
        let count = texts(&page, "main > p:not(.intro):not(.actions)");
        assert!(count.iter().any(|c| c.ends_with("varav 3 fullständiga.")), "{count:?}");
        assert!(!texts(&page, "section.entry h3").contains(&"Styrdokument, rutiner och kontinuitetsplaner".to_owned()));
    }
}
