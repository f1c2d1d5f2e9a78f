//! The crisis kit: made for chosen units, recorded, and opened only with its passphrase.

use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{TestApp, id_of, kinds, texts};

#[tokio::test]
async fn the_crisis_kit_is_made_for_chosen_units_recorded_and_opens_only_with_its_passphrase() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let top = app.add_unit("Socialförvaltningen", None).await;
        let home = app.add_unit("Björkgårdens äldreboende", Some(top)).await;
        s.post(
            "/people/new",
            &[
                ("name", "Åsa Öberg"),
                ("kind", "staff"),
                ("title", "Enhetschef"),
                ("unit", &home.to_string()),
                ("work_phone", "070-174 06 40"),
            ],
        )
        .await;
        let plan = id_of(
            &s.post(
                "/plans/new",
                &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
            )
            .await,
        );
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "lead", "Åsa Öberg leder.");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        assert_eq!(crate::harness::approve(&s, &plan, "1").await.status, StatusCode::SEE_OTHER);

        let page = s.get("/kit").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(texts(&page.body, "td").iter().any(|t| t == "Ingen krislåda med den godkända versionen"), "no kit yet");
        let reader = app.login("lasare").await;
        assert_eq!(reader.get("/kit").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader
                .post(
                    "/kit",
                    &[
                        ("passphrase", "ett långt lösenord"),
                        ("passphrase2", "ett långt lösenord"),
                        ("max_age_days", "30")
                    ]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        // Refused: a short passphrase, two that differ, an age out of range. Nothing is recorded
        // and the passphrase is not sent back.
        let r = s.post("/kit", &[("passphrase", "kort"), ("passphrase2", "kort"), ("max_age_days", "400")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(errors[0].starts_with("Lösenfras:") && errors[1].starts_with("Varna när"), "{errors:?}");
        assert!(!r.body.contains("value=\"kort\""));
        let r = s
            .post(
                "/kit",
                &[("passphrase", "ett långt lösenord"), ("passphrase2", "ett annat lösenord"), ("max_age_days", "30")],
            )
            .await;
        assert_eq!(texts(&r.body, ".error-summary li").len(), 1);
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM kit_exports").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 0);

        let pass = "blå traktor sjunger i snön";
        let resp = s
            .client
            .post(format!("{}/kit", s.base))
            .form(&[
                ("_csrf", s.csrf.as_str()),
                ("units", &home.to_string()),
                ("passphrase", pass),
                ("passphrase2", pass),
                ("max_age_days", "14"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(resp.headers()["content-disposition"].to_str().unwrap().contains("krislada-bjorkgardens-aldreboende-"));
        let html = resp.text().await.unwrap();
        assert!(html.len() < 1024 * 1024);
        assert!(!html.contains("Åsa Öberg"), "the content is encrypted");
        let content = beredd::services::continuity::kit::open(&html, pass).unwrap();
        assert_eq!(content["plans"][0]["name"], "Plan för Björkgården");
        assert_eq!(content["plans"][0]["call_list"][0]["phone"], "070-174 06 40");
        assert_eq!(
            beredd::services::continuity::kit::open(&html, "fel lösenfras"),
            Err(beredd::services::continuity::kit::OpenError::WrongPassphrase)
        );

        let page = s.get("/kit").await.body;
        assert!(texts(&page, "td").iter().any(|t| t.starts_with("Aktuell, skapad")), "the plan's kit is current");
        let (by, days): (String, i64) =
            sqlx::query_as("SELECT exported_by, max_age_days FROM kit_exports").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!((by.as_str(), days), ("admin", 14));
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("kit".into()), ..Default::default() },
            5,
        )
        .await
        .unwrap();
        assert_eq!(trail.len(), 1);
        assert!(!format!("{:?}", trail[0]).contains(pass), "the passphrase is never stored");
    }
}
