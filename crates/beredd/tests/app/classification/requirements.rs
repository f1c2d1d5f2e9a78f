//! The requirement catalogue, what a classification yields, and the municipality's own
//! requirements beside the ones it turns off.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn the_requirement_catalogue_shows_which_requirements_a_classification_yields() {
    use beredd_domain::classification::{Applies, LegalFlag, Levels};
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let count = |levels: Levels, flags: &[LegalFlag]| {
            catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, flags)).count()
        };

        let all = s.get("/requirements").await.body;
        assert_eq!(texts(&all, "table.register tbody tr").len(), catalogue.requirements.len());

        let base = s.get("/requirements?K=0&R=0&T=0&S=0").await.body;
        let baseline = catalogue.requirements.iter().filter(|r| r.applies == Applies::Baseline).count();
        assert_eq!(texts(&base, "table.register tbody tr").len(), baseline, "level 0 everywhere yields the baseline");

        let high = s.get("/requirements?K=3&R=2&T=3&S=2&flag=patient_data").await.body;
        let expected = count(Levels::new(3, 2, 3, 2).unwrap(), &[LegalFlag::PatientData]);
        assert_eq!(texts(&high, "table.register tbody tr").len(), expected);
        assert!(
            texts(&high, "table.register tbody th").iter().any(|id| id == "LOG-06"),
            "patient data brings the access-log follow-up"
        );
        assert!(!high.contains("utanför ordinär hantering"));
        assert!(s.get("/requirements?K=4").await.body.contains("Nivå 4 ligger utanför ordinär hantering"));

        let detail = s.get("/requirements/LOG-06").await;
        assert_eq!(detail.status, StatusCode::OK);
        assert!(detail.body.contains("Patientdatalagen") && detail.body.contains("4 kap. 3 §"));
        assert_eq!(s.get("/requirements/NOPE-99").await.status, StatusCode::NOT_FOUND);
        // Out-of-range levels are ignored, never an error.
        assert_eq!(s.get("/requirements?K=9&T=-1&flag=nonsense").await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_municipality_adds_its_own_requirements_and_turns_ours_off_and_the_version_says_so() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let area = catalogue.areas[0].id.clone();
        let own = [
            ("area", area.as_str()),
            ("title", "Reservrutin i pärm"),
            ("is_text", "Det finns en utskriven reservrutin."),
            ("shall_text", "Leverantören ska leverera en utskrivbar reservrutin."),
            ("applies", "T2"),
            ("refs", "Kommunens riktlinje 2026:4"),
        ];

        // Bad input: an id we already have, no "shall" text, an unknown rule.
        let mut dup = vec![("requirement_id", "sty-01")];
        dup.extend_from_slice(&own);
        let r = s.post("/requirements/new", &dup).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#requirement_id-error").is_empty());
        let r = s
            .post(
                "/requirements/new",
                &[("requirement_id", "EGEN-01"), ("area", &area), ("title", "x"), ("is_text", "x"), ("applies", "K9")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#shall_text-error").is_empty() && !texts(&r.body, "#applies-error").is_empty());

        let mut ok = vec![("requirement_id", "EGEN-01")];
        ok.extend_from_slice(&own);
        let r = s.post("/requirements/new", &ok).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let detail = s.get("/requirements/EGEN-01").await.body;
        assert!(
            detail.contains("Leverantören ska leverera en utskrivbar reservrutin.")
                && detail.contains("Kommunens riktlinje 2026:4")
        );

        // Turning one of ours off needs a reason.
        let r = s.post("/requirements/STY-01/disable", &[("reason", "  ")]).await;
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert_eq!(texts(&page, "#reason-error"), ["Fyll i fältet."]);
        assert!(
            s.post("/requirements/STY-01/disable", &[("reason", "Styrningen ligger i kommunens ledningssystem")])
                .await
                .status
                == StatusCode::SEE_OTHER
        );
        let list = s.get("/requirements").await.body;
        let ids = texts(&list, "table.register tbody th");
        assert!(!ids.contains(&"STY-01".to_owned()) && ids.contains(&"EGEN-01".to_owned()));
        assert!(
            list.contains("Styrningen ligger i kommunens ledningssystem"),
            "turned-off requirements are listed with their reason"
        );
        assert!(s.get("/requirements?T=2").await.body.contains("Reservrutin i pärm (eget krav)"));

        // The system's assessment follows the organisation's catalogue, and the version records it.
        let sys = s
            .post("/systems/new", &[("name", "Planeringssystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await;
        let sys = sys.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        let asset = s.post("/assets/new", &[("name", "Körlistor"), ("systems", &sys)]).await;
        let asset = asset.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        crate::harness::classify(&s, &asset.to_string(), ["1", "1", "2", "1"]).await;
        let rows = texts(&s.get(&format!("/systems/{sys}/assessment")).await.body, "table.register tbody th .req-id");
        assert!(rows.contains(&"EGEN-01".to_owned()) && !rows.contains(&"STY-01".to_owned()), "{rows:?}");
        let current = beredd::store::assets::list(&app.db.pool, app.org).await.unwrap().remove(0).current.unwrap();
        assert_eq!(current.catalogue_version, format!("{}+lokal.2", catalogue.version));

        // A reader changes nothing; turning it on again brings it back.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get("/requirements/new").await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post("/requirements/STY-01/enable", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post("/requirements/EGEN-01/delete", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(s.post("/requirements/STY-01/enable", &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(s.post("/requirements/EGEN-01/delete", &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(s.get("/requirements/EGEN-01").await.status, StatusCode::NOT_FOUND);
        assert!(texts(&s.get("/requirements").await.body, "table.register tbody th").contains(&"STY-01".to_owned()));
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("requirement".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(
            trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
            ["delete", "enable", "disable", "create"],
            "{kind:?}"
        );
    }
}
