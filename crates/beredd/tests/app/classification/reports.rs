//! The overview of the classification work and its printed outputs: the procurement
//! specification and the classification report, as PDF and Excel.

use reqwest::StatusCode;

use crate::harness::{TestApp, get_bytes, id_of, kinds, pdf_text_with, texts, xlsx_rows};

#[tokio::test]
async fn the_overview_ranks_systems_by_level_charts_their_fulfilment_and_lists_gaps_and_overdue_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let id = |r: crate::harness::Reply| {
            r.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        assert!(s.get("/overview").await.body.contains("Inget system håller någon klassad information ännu."));
        let low =
            id(s.post("/systems/new", &[("name", "Webbplats"), ("kind", "it_system"), ("hosting", "internal")]).await);
        let high = id(s
            .post("/systems/new", &[("name", "Journal <script>"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        for (name, sys, levels) in
            [("Nyheter", &low, ["0", "1", "1", "0"]), ("Patientjournal", &high, ["3", "3", "2", "3"])]
        {
            let a = id(s.post("/assets/new", &[("name", name), ("systems", sys)]).await);
            s.post(
                &format!("/assets/{a}/classify"),
                &[
                    ("level_k", levels[0]),
                    ("level_r", levels[1]),
                    ("level_t", levels[2]),
                    ("level_s", levels[3]),
                    ("why_k", "Motiverad"),
                    ("why_r", "Motiverad"),
                    ("why_t", "Motiverad"),
                    ("why_s", "Motiverad"),
                ],
            )
            .await;
        }
        for (sys, status) in [(&high, "not_fulfilled"), (&low, "partly")] {
            let r = s
                .post(
                    &format!("/systems/{sys}/assessment/STY-01"),
                    &[("status", status), ("create_action", "on"), ("action_due", "2021-12-16")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        s.post(&format!("/systems/{high}/assessment/STY-02"), &[("status", "fulfilled")]).await;

        let page = s.get("/overview").await;
        assert_eq!(page.status, StatusCode::OK);
        let systems = texts(&page.body, "caption#table-title ~ tbody th");
        assert_eq!(systems, ["Journal <script>", "Webbplats"], "the highest level first");
        let doc = scraper::Html::parse_document(&page.body);
        let cells = |row: usize| -> Vec<String> {
            let sel = scraper::Selector::parse("caption#table-title ~ tbody tr").unwrap();
            let tr = doc.select(&sel).nth(row).unwrap();
            tr.select(&scraper::Selector::parse("td").unwrap()).map(|c| c.text().collect()).collect()
        };
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let derived = catalogue
            .requirements
            .iter()
            .filter(|r| r.applies.holds(&beredd_domain::classification::Levels::new(3, 3, 2, 3).unwrap(), &[]))
            .count();
        let high_row = cells(0);
        assert_eq!(high_row[0], "K3 R3 T2 S3");
        assert_eq!(&high_row[2..7], ["1", "0", "1", "0", &(derived - 2).to_string()], "{high_row:?}");
        // The chart draws the same figures: one bar per system, one segment per non-empty state.
        let rects: Vec<_> = doc.select(&scraper::Selector::parse("svg.chart rect").unwrap()).collect();
        assert_eq!(rects.len(), 3 + 2, "three states for the journal, two for the web site");
        assert!(rects.iter().any(|r| r.text().collect::<String>() == "Journal <script>: Inte uppfyllt 1"));
        assert!(!page.body.contains("<script>:"), "names are escaped in the SVG");
        // The requirement unmet in most systems heads the gap list; both actions are overdue.
        assert_eq!(texts(&page.body, "#gaps-heading ~ div tbody th"), ["STY-01"]);
        assert_eq!(texts(&page.body, "ul.overdue li").len(), 2);
        let home = s.get("/").await.body;
        assert!(
            home.contains("Åtgärder i handlingsplanen som är försenade:"),
            "the coordinator's start page names overdue actions"
        );
    }
}

#[tokio::test]
async fn the_procurement_specification_and_the_classification_report_print_as_pdf_and_excel() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let top = app.add_unit("Socialförvaltningen", None).await;
        let home = app.add_unit("Äldreboendet Björkgården", Some(top)).await;
        let other = app.add_unit("Tekniska förvaltningen", None).await;
        let sys = id_of(
            &s.post(
                "/systems/new",
                &[("name", "Journalsystem för äldreomsorg"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await,
        );
        let odd = "*fet* #eval(\"1+1\") <b>x</b> ÅÄÖ åäö";
        let asset = id_of(
            &s.post(
                "/assets/new",
                &[
                    ("name", odd),
                    ("flags", "patient_data"),
                    ("flags", "secrecy_osl"),
                    ("osl_reference", "25 kap. 1 §"),
                    ("systems", &sys),
                    ("units", &home.to_string()),
                ],
            )
            .await,
        );
        s.post(
            &format!("/assets/{asset}/classify"),
            &[
                ("level_k", "3"),
                ("level_r", "2"),
                ("level_t", "3"),
                ("level_s", "3"),
                ("why_k", "Hälsouppgifter om boende röjs"),
                ("why_r", "Motiverad"),
                ("why_t", "Motiverad"),
                ("why_s", "Motiverad"),
            ],
        )
        .await;
        s.post("/assets/new", &[("name", "Felanmälningar gator"), ("units", &other.to_string())]).await;

        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let levels = beredd_domain::classification::Levels::new(3, 2, 3, 3).unwrap();
        let flags = [
            beredd_domain::classification::LegalFlag::SecrecyOsl,
            beredd_domain::classification::LegalFlag::PatientData,
        ];
        let derived: Vec<_> = catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).collect();

        let (status, ctype, bytes) = get_bytes(&s, &format!("/systems/{sys}/procurement/xlsx")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(ctype.contains("spreadsheetml"));
        let rows = xlsx_rows(bytes);
        assert_eq!(rows.len(), derived.len() + 1, "a header and one row per derived requirement");
        assert_eq!(rows[0][0], "Nr");
        assert_eq!(rows[1][0], "1.1");
        let log06 = rows.iter().find(|r| r[3] == "LOG-06").expect("patient data brings LOG-06");
        assert_eq!(log06[2], catalogue.get("LOG-06").unwrap().shall_sv);

        let (status, ctype, bytes) = get_bytes(&s, &format!("/systems/{sys}/procurement/pdf")).await;
        assert_eq!((status, ctype.as_str()), (StatusCode::OK, "application/pdf"));
        let text = pdf_text_with(&bytes, true);
        assert!(
            text.contains("Kravspecifikation för upphandling") && text.contains("Journalsystem för äldreomsorg"),
            "{text}"
        );
        assert!(text.contains("K3 R2 T3 S3") && text.contains("Sida 1 av"));
        assert!(text.contains("LOG-06"));

        // The report for the whole organisation holds both assets; for the care home only its own.
        let (_, _, bytes) = get_bytes(&s, "/reports/classification/xlsx").await;
        let rows = xlsx_rows(bytes);
        assert_eq!(rows.len(), 3);
        let (_, _, bytes) = get_bytes(&s, &format!("/reports/classification/xlsx?unit={top}")).await;
        let rows = xlsx_rows(bytes);
        assert_eq!(rows.len(), 2, "the unit's report covers the units under it, and nothing else");
        assert_eq!(rows[1][0], odd);
        assert_eq!(&rows[1][1..5], ["3", "2", "3", "3"]);
        let (status, _, bytes) = get_bytes(&s, &format!("/reports/classification/pdf?unit={top}")).await;
        assert_eq!(status, StatusCode::OK);
        let text = pdf_text_with(&bytes, true);
        assert!(text.contains(odd), "text that looks like markup is printed as typed: {text}");
        assert!(text.contains("Socialförvaltningen") && text.contains("Hälsouppgifter om boende röjs"));
        assert!(text.contains("Innehåller uppgifter om var kommunen är sårbar"), "protected content is marked");
        assert!(!text.contains("Felanmälningar gator"));

        assert_eq!(get_bytes(&s, "/reports/classification/docx").await.0, StatusCode::NOT_FOUND);
        assert_eq!(get_bytes(&s, "/reports/classification/pdf?unit=999999").await.0, StatusCode::NOT_FOUND);
        assert_eq!(get_bytes(&s, "/systems/999999/procurement/pdf").await.0, StatusCode::NOT_FOUND);
    }
}
