//! Risk analysis over HTTP: an analysis, risks rated before and after measures, the matrix and
//! its table, a treatment that becomes an action, and who may do what.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn a_risk_analysis_rates_its_risks_draws_the_matrix_and_treatments_become_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let r = s.post("/risks/analyses", &[("a_title", ""), ("a_held_on", "igår")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li").len(), 3);
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let r = s
            .post(
                "/risks/analyses",
                &[
                    ("a_title", "Riskanalys hemtjänsten 2026"),
                    ("a_scope_ref", &format!("unit:{unit}")),
                    ("a_scope", "Dag och natt"),
                    ("a_held_on", "2026-11-20"),
                    ("a_participants", "Anna\nBo"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = r.location.unwrap().split('/').nth(3).unwrap().split('?').next().unwrap().to_owned();

        let bad = s
            .post(
                &format!("/risks/analyses/{id}/risks"),
                &[
                    ("threat", "Utpressningsvirus"),
                    ("likelihood", "5"),
                    ("consequence", "4"),
                    ("residual_likelihood", "2"),
                    ("residual_consequence", "4"),
                    ("decision", "treat"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&bad.body, ".error-summary li")[0].starts_with("Sannolikhet"));
        let r = s
            .post(
                &format!("/risks/analyses/{id}/risks"),
                &[
                    ("threat", "Utpressningsvirus slår ut verksamhetssystemet"),
                    ("likelihood", "3"),
                    ("consequence", "4"),
                    ("measures", "Utskrivna körlistor"),
                    ("residual_likelihood", "3"),
                    ("residual_consequence", "3"),
                    ("decision", "treat"),
                    ("due", "2027-03-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        s.post(
            &format!("/risks/analyses/{id}/risks"),
            &[
                ("threat", "Strömavbrott"),
                ("likelihood", "2"),
                ("consequence", "2"),
                ("residual_likelihood", "1"),
                ("residual_consequence", "2"),
                ("decision", "accept"),
            ],
        )
        .await;

        let page = s.get(&format!("/risks/analyses/{id}")).await.body;
        let register = texts(&page, "table[aria-labelledby=register-heading] tbody tr td");
        assert_eq!(
            &register[..3],
            ["Utpressningsvirus slår ut verksamhetssystemet", "12 (kritisk)", "9 (hög)"],
            "highest residual first: {register:?}"
        );
        let matrix: Vec<String> = texts(&page, "details table tbody tr td");
        assert_eq!(matrix.len(), 16);
        assert_eq!(matrix[4 + 2], "1", "likelihood 3, consequence 3 (second row from the top, third column)");
        assert_eq!(matrix[12 + 1], "1", "likelihood 1, consequence 2");
        let (origin, priority, due): (String, String, Option<String>) =
            sqlx::query_as("SELECT origin, priority, due_date FROM actions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(
            (origin.as_str(), priority.as_str(), due.as_deref()),
            ("risk", "high", Some("2027-03-31")),
            "only the risk to treat becomes an action"
        );
        assert!(s.get("/risks").await.body.contains("Riskanalys hemtjänsten 2026"));
        let attention = texts(&s.get("/").await.body, "ul.attention li");
        assert!(
            attention.iter().any(|a| a.starts_with("De största riskerna")
                && a.contains("Utpressningsvirus slår ut verksamhetssystemet (9)")
                && !a.contains("Strömavbrott")),
            "{attention:?}"
        );

        // "My actions": the user says which person they are and sees that person's open actions.
        let me =
            s.post("/people/new", &[("name", "Risk Ägare"), ("kind", "external"), ("organisation", "Kommunen")]).await;
        let me = me.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        sqlx::query("UPDATE actions SET owner_id = $1")
            .bind(me.parse::<i64>().unwrap())
            .execute(&app.db.pool)
            .await
            .unwrap();
        s.post("/account/person", &[("person", &me)]).await;
        let home = s.get("/").await.body;
        assert!(
            home.contains(&format!("href=\"/actions?owner={me}\"")) && home.contains("Mina åtgärder: en öppen"),
            "the start page links to my actions"
        );

        // The analysis links to the unit it covers.
        assert!(
            s.get(&format!("/risks/analyses/{id}"))
                .await
                .body
                .contains(&format!("<a href=\"/units/{unit}\">Hemtjänst Norr</a> – Dag och natt"))
        );

        // A lesson learned can point at the risk it changes.
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Övning"),
                    ("discovered_at", "2026-11-23 09:00"),
                    ("units", &unit.to_string()),
                    ("exercise", "on"),
                ],
            )
            .await;
        let incident = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let risk: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT MIN(id) FROM risks").fetch_one(&app.db.pool).await.unwrap().0;
        let r = s
            .post(
                &format!("/incidents/{incident}/lessons"),
                &[
                    ("kind", "less_well"),
                    ("text", "Reservrutinen för signering var okänd"),
                    ("target", &format!("risk:{risk}")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(
            s.get(&format!("/incidents/{incident}/lessons"))
                .await
                .body
                .contains("Risk: Utpressningsvirus slår ut verksamhetssystemet")
        );

        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/risks/analyses/{id}")).await.status, StatusCode::OK);
        assert_eq!(
            reader
                .post("/risks/analyses", &[("a_title", "x"), ("a_scope", "x"), ("a_held_on", "2026-01-01")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            reader.post(&format!("/risks/analyses/{id}/risks"), &[("threat", "x")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            reader.post("/risks/scales", &[("likelihood", "a\nb"), ("consequence", "a\nb")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(reader.get("/risks/1/edit").await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn scales_can_be_set_risks_edited_filtered_and_exported() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let asset = s.post("/assets/new", &[("name", "Journal hemsjukvård")]).await;
        assert_eq!(asset.status, StatusCode::SEE_OTHER, "{}", asset.body);
        let asset = asset.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        let r = s
            .post(
                "/risks/analyses",
                &[("a_title", "Årlig riskanalys"), ("a_scope_ref", "org"), ("a_held_on", "2026-11-20")],
            )
            .await;
        let id = r.location.unwrap().split('/').nth(3).unwrap().split('?').next().unwrap().to_owned();
        let add = |threat: &'static str, l: &'static str, c: &'static str, decision: &'static str| {
            let (s, id, asset) = (&s, id.clone(), asset.clone());
            async move {
                s.post(
                    &format!("/risks/analyses/{id}/risks"),
                    &[
                        ("threat", threat),
                        ("likelihood", l),
                        ("consequence", c),
                        ("residual_likelihood", l),
                        ("residual_consequence", c),
                        ("decision", decision),
                        ("assets", &asset),
                    ],
                )
                .await
            }
        };
        assert_eq!(add("Obehörig läsning av journalen", "3", "3", "accept").await.status, StatusCode::SEE_OTHER);
        assert_eq!(add("Leverantören går i konkurs", "1", "2", "accept").await.status, StatusCode::SEE_OTHER);

        // A scale cannot become shorter than the steps in use; a bad line is named.
        let bad = s
            .post("/risks/scales", &[("likelihood", "Sällan\nOfta"), ("consequence", "Liten\n | ingen etikett\nStor")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&bad.body, ".error-summary li");
        assert!(errors.iter().any(|e| e.contains("steg 3")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("Rad 2")), "{errors:?}");
        // A 5-step scale: the risk at 3 × 3 is now medium (9 of 25), not high.
        let five = "Mycket sällan | Vart 50:e år\nSällan\nIbland\nOfta\nMycket ofta | Varje månad";
        let r = s
            .post(
                "/risks/scales",
                &[("likelihood", five), ("consequence", "Försumbar\nLiten\nMåttlig\nStor\nKatastrofal")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = s.get(&format!("/risks/analyses/{id}")).await.body;
        assert_eq!(texts(&page, "details table tbody tr").len(), 5, "a 5 × 5 matrix");
        assert!(page.contains("5 – Mycket ofta") && page.contains("Varje månad"));
        assert!(texts(&page, "table[aria-labelledby=register-heading] tbody tr td").contains(&"9 (medel)".to_owned()));
        // Likelihood 5 is now a valid step.
        assert_eq!(add("Nätfiske mot personalen", "5", "4", "treat").await.status, StatusCode::SEE_OTHER);

        // Edit: the accepted risk is now to be treated, which makes its action.
        let risk: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT MIN(id) FROM risks").fetch_one(&app.db.pool).await.unwrap().0;
        let form = s.get(&format!("/risks/{risk}/edit")).await.body;
        assert!(form.contains(&format!("value=\"{asset}\" checked")), "the asset is ticked");
        let r = s
            .post(
                &format!("/risks/{risk}/edit"),
                &[
                    ("threat", "Obehörig läsning av journalen"),
                    ("likelihood", "4"),
                    ("consequence", "4"),
                    ("residual_likelihood", "3"),
                    ("residual_consequence", "4"),
                    ("decision", "treat"),
                    ("due", "2027-06-30"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (threat, action, assets): (String, Option<i64>, i64) = sqlx::query_as("SELECT threat, action_id, (SELECT COUNT(*) FROM risk_assets WHERE risk_id = risks.id) FROM risks WHERE id = $1").bind(risk).fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(
            (threat.as_str(), action.is_some(), assets),
            ("Obehörig läsning av journalen", true, 0),
            "treated now, the asset untouched in the form is cleared"
        );
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = 'risk' AND action = 'update'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 1);

        // Filters: by decision and by residual level; the matrix follows.
        let treated = s.get("/risks?f_decision=treat").await.body;
        let threats = texts(&treated, "table[aria-labelledby=register-heading] tbody tr td:first-child");
        assert_eq!(threats.len(), 2, "{threats:?}");
        assert!(!treated.contains("Leverantören går i konkurs"));
        let low = s.get("/risks?f_level=low").await.body;
        assert!(low.contains("Leverantören går i konkurs") && !low.contains("Nätfiske mot personalen"));
        let counts: usize = texts(&low, "details table tbody tr td").iter().map(|t| t.parse::<usize>().unwrap()).sum();
        assert_eq!(counts, 1);

        // The register as Excel, with the filter.
        let resp = s.client.get(format!("{}/risks/export.xlsx?f_decision=treat", s.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(resp.bytes().await.unwrap().to_vec())).unwrap();
        let sheet = wb.worksheet_range("Riskregister").unwrap();
        assert_eq!(sheet.height(), 3);
        assert_eq!(sheet.get((1, 0)).unwrap().to_string(), "Nätfiske mot personalen", "highest residual first");
        assert_eq!(sheet.get((1, 8)).unwrap().to_string(), "20 (kritisk)");

        // The analysis's details can be changed; a bad date is refused and named.
        let bad = s
            .post(
                &format!("/risks/analyses/{id}/edit"),
                &[("a_title", "Årlig riskanalys 2026"), ("a_scope_ref", "org"), ("a_held_on", "20 nov")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&bad.body, ".error-summary li").len(), 1);
        let r = s
            .post(
                &format!("/risks/analyses/{id}/edit"),
                &[
                    ("a_title", "Årlig riskanalys 2026"),
                    ("a_scope_ref", "org"),
                    ("a_held_on", "2026-11-21"),
                    ("a_method", "Workshop"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = s.get(&format!("/risks/analyses/{id}")).await.body;
        assert!(
            page.contains("Riskanalys: Årlig riskanalys 2026")
                && page.contains("2026-11-21")
                && page.contains("Workshop")
        );
        assert!(
            texts(&page, "table[aria-labelledby=register-heading] tbody td")
                .iter()
                .any(|t| t.starts_with("Åtgärda (admin")),
            "who decided: {:?}",
            texts(&page, "table[aria-labelledby=register-heading] tbody td")
        );

        // Deleting a risk, then the analysis: the actions stay in the action plan; both audited.
        let actions_before = app.count("actions").await;
        let r = s.post(&format!("/risks/{risk}/delete"), &[]).await;
        assert_eq!(r.location.as_deref(), Some(format!("/risks/analyses/{id}?msg=deleted").as_str()));
        let r = s.post(&format!("/risks/analyses/{id}/delete"), &[]).await;
        assert_eq!(r.location.as_deref(), Some("/risks?msg=deleted"));
        let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM risks").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(left, 0);
        assert_eq!(app.count("actions").await, actions_before);
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity IN ('risk', 'risk-analysis')",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(n, 2);
        assert_eq!(s.get(&format!("/risks/analyses/{id}")).await.status, StatusCode::NOT_FOUND);
    }
}
