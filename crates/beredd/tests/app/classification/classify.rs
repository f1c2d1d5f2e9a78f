//! Classifying information: versions with reasons, the systems' required level, and the
//! questionnaire's proposal.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn information_is_classified_in_versions_and_systems_take_the_highest_level_of_what_they_hold() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let sys = id(&s
            .post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let r = s
            .post(
                "/assets/new",
                &[
                    ("name", "Patientjournal"),
                    ("flags", "patient_data"),
                    ("flags", "sensitive_personal_data"),
                    ("systems", &sys),
                    ("osl_reference", "25 kap. 1 §"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let journal = id(&r);
        let r = s.post("/assets/new", &[("name", "Signeringslistor"), ("systems", &sys)]).await;
        let lists = id(&r);
        assert!(s.get(&format!("/assets/{journal}")).await.body.contains("Informationen är inte klassad ännu."));

        let path = format!("/assets/{journal}/classify");
        // A first classification starts with no levels, and none is saved unanswered.
        let form = s.get(&path).await.body;
        assert_eq!(texts(&form, "#level_k option[selected]"), ["Välj nivå"]);
        let r = s.post(&path, &[("level_k", ""), ("level_r", ""), ("level_t", ""), ("level_s", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".field-error").len(), 4, "each level is named");
        assert!(s.get(&format!("/assets/{journal}")).await.body.contains("Informationen är inte klassad ännu."));
        let r = s.post(&path, &[("level_k", "7"), ("level_r", "2"), ("level_t", "3"), ("level_s", "2")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#level_k-error").is_empty());
        // A level of 2 or more is justified, each aspect in its own field, named in the summary.
        let levels = [("level_k", "3"), ("level_r", "2"), ("level_t", "3"), ("level_s", "2")];
        let r = s.post(&path, &[&levels[..], &[("why_k", "Uppgifter om hälsa")]].concat()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let why = "Nivå 2 eller högre ska motiveras. Skriv varför informationen har den här nivån.";
        for field in ["why_r", "why_t", "why_s"] {
            assert_eq!(texts(&r.body, &format!("#{field}-error")), [why], "{field}");
        }
        assert!(texts(&r.body, "#why_k-error").is_empty());
        assert_eq!(
            texts(&r.body, ".error-summary li"),
            ["Riktighet", "Tillgänglighet", "Spårbarhet"].map(|a| format!("Motivering, {a}: {why}")),
        );
        let justified = [
            ("why_k", "Uppgifter om hälsa"),
            ("why_r", "Fel dos"),
            ("why_t", "Vård dygnet runt"),
            ("why_s", "Tillsyn"),
        ];
        let r = s.post(&path, &[&levels[..], &justified[..]].concat()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert!(
            page.contains("Klassningen sparades som version 1.") && page.contains("krav tillkom"),
            "the change in requirements is shown"
        );
        s.post(
            &format!("/assets/{lists}/classify"),
            &[
                ("level_k", "1"),
                ("level_r", "3"),
                ("level_t", "4"),
                ("level_s", "1"),
                ("why_r", "Rätt"),
                ("why_t", "Alltid"),
            ],
        )
        .await;

        // A re-classification needs a reason, and keeps the old version.
        let r = s
            .post(
                &path,
                &[&[("level_k", "2"), ("level_r", "2"), ("level_t", "3"), ("level_s", "2")][..], &justified[..]]
                    .concat(),
            )
            .await;
        assert_eq!(texts(&r.body, "#reason-error"), ["Fyll i fältet."]);
        let r = s
            .post(
                &path,
                &[
                    ("level_k", "2"),
                    ("level_r", "2"),
                    ("level_t", "3"),
                    ("level_s", "2"),
                    ("why_k", "Uppgifter om hälsa"),
                    ("why_r", "Fel dos"),
                    ("why_t", "Vård dygnet runt"),
                    ("why_s", "Tillsyn"),
                    ("reason", "Uppgifterna är nu pseudonymiserade"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/assets/{journal}")).await.body;
        assert!(
            page.contains("Version 2: K2 R2 T3 S2") && page.contains("Version 1: K3 R2 T3 S2"),
            "both versions are kept"
        );

        // The system must meet the highest level per aspect of what it holds; level 4 is flagged.
        let system_page = s.get(&format!("/systems/{sys}")).await.body;
        assert!(
            system_page.contains(
                "Krävd nivå: konfidentialitet 2, riktighet 3, tillgänglighet 4, spårbarhet 2 (K2 R3 T4 S2), den högsta"
            ),
            "{kind:?}"
        );
        assert!(system_page.contains("utanför ordinär hantering"));
        let doc = scraper::Html::parse_document(&system_page);
        let hrefs: Vec<String> = doc
            .select(&scraper::Selector::parse("a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert!(hrefs.iter().any(|h| h.starts_with("/requirements?K=2&R=3&T=4&S=2&flag=")), "{hrefs:?}");
        // From the system to what stops when it is down for a week, and that analysis names it.
        let outage = format!("/outage?fail=system:{sys}&hours=168");
        assert!(hrefs.contains(&outage), "{hrefs:?}");
        let analysis = s.get(&outage).await;
        assert_eq!(analysis.status, StatusCode::OK);
        assert!(analysis.body.contains(&format!("value=\"system:{sys}\" checked")), "the system is chosen");
        assert!(analysis.body.contains("id=\"hours-168\" name=\"hours\" value=\"168\" checked"), "for a week");
        // The system cannot be deleted from under the information it holds.
        assert_eq!(s.post(&format!("/systems/{sys}/delete"), &[]).await.status, StatusCode::CONFLICT);

        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader.post(&path, &[("level_k", "0"), ("level_r", "0"), ("level_t", "0"), ("level_s", "0")]).await.status,
            StatusCode::FORBIDDEN
        );
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("asset".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(trail.iter().filter(|e| e.action == "classify").count(), 3);
    }
}

#[tokio::test]
async fn the_questionnaire_proposes_levels_and_overriding_them_needs_a_reason() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let r = s.post("/assets/new", &[("name", "Ekonomiskt bistånd – ärenden")]).await;
        let asset = r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        let path = format!("/assets/{asset}/classify");
        let form = s.get(&path).await.body;
        assert!(
            form.contains("Vad händer med den enskilde") && form.contains("type=\"radio\""),
            "the questions are asked"
        );

        let answers = [("q-K", "3"), ("q-T-day", "2"), ("q-T-week", "3"), ("q-S", "2")];
        let mut propose: Vec<(&str, &str)> = answers.to_vec();
        propose.push(("propose", "1"));
        let r = s.post(&path, &propose).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Förslag utifrån svaren: K3 R– T3 S2."), "{}", texts(&r.body, "p.flash").join("|"));
        let doc = scraper::Html::parse_document(&r.body);
        let selected = |name: &str| {
            doc.select(&scraper::Selector::parse(&format!("select[name={name}] option[selected]")).unwrap())
                .next()
                .and_then(|o| o.value().attr("value"))
                .map(str::to_owned)
        };
        assert_eq!(selected("level_k").as_deref(), Some("3"));
        assert_eq!(selected("level_t").as_deref(), Some("3"));
        assert_eq!(app.count("audit_log").await, 2, "proposing stores nothing (only the login and the asset)");

        let mut save: Vec<(&str, &str)> = answers.to_vec();
        save.extend([("level_k", "2"), ("level_r", "1"), ("level_t", "3"), ("level_s", "2")]);
        save.extend([("why_k", "Skyddade personer"), ("why_t", "Dygnet runt"), ("why_s", "Tillsyn")]);
        let r = s.post(&path, &save).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            texts(&r.body, "#reason-error"),
            ["Du har valt en annan nivå än förslaget från frågorna. Skriv varför."]
        );
        save.push(("reason", "Uppgifterna om skyddade personer ligger i ett annat system"));
        assert_eq!(s.post(&path, &save).await.status, StatusCode::SEE_OTHER);
        assert!(s.get(&format!("/assets/{asset}")).await.body.contains("Version 1: K2 R1 T3 S2"));
    }
}
