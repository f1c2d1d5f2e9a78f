//! The crisis kit: made for chosen units, recorded with its fingerprints, opened only with its
//! passphrase, and made only with a passphrase that meets the rule (F6).

use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{TestApp, id_of, job_result, kinds, texts};
use beredd::services::continuity::kit;

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

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
        set(&mut fields, super::HOTLINE.0, super::HOTLINE.1);
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        assert_eq!(crate::harness::approve(&s, &plan, "1").await.status, StatusCode::SEE_OTHER);

        let page = s.get("/kit").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            texts(&page.body, "td").iter().any(|t| t == "Ingen digital krispärm med den godkända versionen"),
            "no kit yet"
        );
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
                &[
                    ("passphrase", "blå traktor sjunger i snön"),
                    ("passphrase2", "blå traktor sjunger i snö"),
                    ("max_age_days", "30"),
                ],
            )
            .await;
        assert_eq!(texts(&r.body, ".error-summary li"), ["Lösenfrasen igen: Lösenorden är inte lika."]);
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM kit_exports").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 0);

        // The kit is made with the passphrase the page suggests: five words of the list.
        let page = s.get("/kit").await;
        let pass = texts(&page.body, "#suggested-passphrase").remove(0);
        assert_eq!(pass.split('-').count(), 5, "{pass}");
        assert!(pass.split('-').all(|w| beredd::content::passphrase_words::words().contains(&w)), "{pass}");
        assert_ne!(texts(&s.get("/kit").await.body, "#suggested-passphrase")[0], pass, "a new one every time");
        let pass = pass.as_str();
        // The form starts a job and leads to its page, which says what the job does and ends with
        // the file.
        let fields = [
            ("units", home.to_string()),
            ("passphrase", pass.to_owned()),
            ("passphrase2", pass.to_owned()),
            ("max_age_days", "14".to_owned()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let started = s.post("/kit", &fields).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{kind:?}: {}", started.body);
        let job = started.location.unwrap();
        let shown = s.get(&job).await.body;
        assert_eq!(texts(&shown, "h1"), ["Digital krispärm: Björkgårdens äldreboende"], "{kind:?}");
        let (_, disposition, bytes) = job_result(&s, &job).await;
        assert!(disposition.contains("krisparm-bjorkgardens-aldreboende-"), "{disposition}");
        let html = String::from_utf8(bytes).unwrap();
        // The passphrase is nowhere in the job's row: not its scope, not its message.
        let row: (String, Option<String>) =
            sqlx::query_as("SELECT scope, message FROM jobs").fetch_one(&app.db.pool).await.unwrap();
        assert!(!format!("{row:?}").contains(pass), "{row:?}");
        // Another user of the organisation does not see the job or its file.
        app.add_user("kollega", beredd_domain::Role::Coordinator, &[]).await;
        let other = app.login("kollega").await;
        assert_eq!(other.get(&format!("{job}/result")).await.status, StatusCode::NOT_FOUND);
        assert!(html.len() < 1024 * 1024);
        assert!(!html.contains("Åsa Öberg"), "the content is encrypted");
        let content = beredd::services::continuity::kit::open(&html, pass).unwrap();
        assert_eq!(content["plans"][0]["name"], "Plan för Björkgården");
        assert_eq!(content["plans"][0]["call_list"][0]["phone"], "070-174 06 40");
        // Counts read "1 post", "2 poster": the kit has a label for one beside the plural.
        assert_eq!(content["labels"]["log_count_one"], "%n post i loggen. Tiderna är svensk tid.");
        assert_eq!(content["labels"]["log_count"], "%n poster i loggen. Tiderna är svensk tid.");
        assert_eq!(content["labels"]["search_count_one"], "%n träff.");
        assert!(content["labels"]["log_merged_one"].as_str().unwrap().starts_with("%n post från"));
        assert_eq!(
            beredd::services::continuity::kit::open(&html, "fel lösenfras"),
            Err(beredd::services::continuity::kit::OpenError::WrongPassphrase)
        );

        let page = s.get("/kit").await.body;
        assert!(texts(&page, "td").iter().any(|t| t.starts_with("Aktuell, skapad")), "the plan's kit is current");
        let (by, days, fingerprint, file_sha256): (String, i64, String, String) =
            sqlx::query_as("SELECT exported_by, max_age_days, fingerprint, file_sha256 FROM kit_exports")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!((by.as_str(), days), ("admin", 14));

        // The fingerprints: what the kit shows (the sealed part's SHA-256) and the whole file's,
        // computed here from the file as downloaded, are recorded and listed on the page.
        let sealed = kit::parts(&html).unwrap();
        let shown = sha256_hex([sealed.header, "\n", sealed.check, "\n", sealed.data].concat().as_bytes());
        assert_eq!(fingerprint, shown, "{kind:?}");
        assert_eq!(file_sha256, sha256_hex(html.as_bytes()), "{kind:?}");
        let grouped =
            format!("{} {} {} {} {}", &shown[0..4], &shown[4..8], &shown[8..12], &shown[12..16], &shown[16..20]);
        assert_eq!(texts(&page, "ul.kit-list strong.fingerprint"), [grouped], "{kind:?}");
        assert_eq!(texts(&page, "ul.kit-list code.hash"), [shown.clone(), file_sha256.clone()], "{kind:?}");
        assert!(texts(&page, "p.intro").iter().any(|t| t.contains("kan visa vilket fingeravtryck som helst")));
        assert!(texts(&page, "ul.kit-list p.kit-made")[0].starts_with("Björkgårdens äldreboende, skapad "), "{kind:?}");
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
        let recorded = format!("{:?}", trail[0]);
        assert!(recorded.contains(&shown) && recorded.contains(&file_sha256), "{kind:?}: {recorded}");
    }
}

/// The passphrase rule (F6.3), on the server: four different words or sixteen characters, no
/// repeated character or word, nothing built from the organisation's name or a common password.
/// The message is at the field, the hint beside it says how strong a phrase is as one types, and
/// nothing is recorded for a refused phrase.
#[tokio::test]
async fn a_kit_is_made_only_with_a_passphrase_that_meets_the_rule() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let refused = [
            ("kort fras", "Skriv minst fyra olika ord"),
            ("tolv tecken!", "Skriv minst fyra olika ord"),
            ("hej hej hej hej hej hej", "upprepar samma tecken, ord eller mönster"),
            ("aaaaaaaaaaaaaaaaaaaa", "upprepar samma tecken, ord eller mönster"),
            ("Testkommun 2026 sommar", "organisationens namn, ett vanligt lösenord"),
            ("lösenord-lösenord1-2026", "organisationens namn, ett vanligt lösenord"),
            ("qwertyuiop12345678", "organisationens namn, ett vanligt lösenord"),
        ];
        for (pass, why) in refused {
            let r = s.post("/kit", &[("passphrase", pass), ("passphrase2", pass), ("max_age_days", "30")]).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}: {pass}");
            let at_field = texts(&r.body, "#passphrase-error");
            assert!(at_field.len() == 1 && at_field[0].contains(why), "{kind:?}: {pass}: {at_field:?}");
            assert_eq!(texts(&r.body, ".error-summary li a").len(), 1);
            assert!(texts(&r.body, "#passphrase-strength").iter().any(|t| t.starts_with("Godtas inte:")), "{pass}");
            assert!(!r.body.contains(&format!("value=\"{pass}\"")), "the passphrase is not sent back");
            assert_eq!(texts(&r.body, "#suggested-passphrase").len(), 1, "a suggestion is offered");
        }
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM kit_exports").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 0, "{kind:?}");

        // The hint as one types: refused, accepted, strong. Only people who make kits may ask.
        let hint = |pass: &'static str| {
            let s = &s;
            async move { texts(&s.post("/kit/strength", &[("passphrase", pass)]).await.body, "span.strength") }
        };
        assert!(hint("tre ord här").await[0].starts_with("Godtas inte: Skriv minst fyra olika ord"), "{kind:?}");
        assert!(hint("Testkommun-Testkommun-1").await[0].starts_with("Godtas inte:"), "{kind:?}");
        assert!(hint("hav-skog-lampa-kaffe").await[0].starts_with("Godtas. Fler ord"), "{kind:?}");
        assert_eq!(hint("hav-skog-lampa-kaffe-moln").await, ["Stark. Godtas."], "{kind:?}");
        assert!(hint("").await.is_empty(), "nothing typed, nothing said");
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let reader = app.login("lasare").await;
        assert_eq!(reader.post("/kit/strength", &[("passphrase", "x")]).await.status, StatusCode::FORBIDDEN);

        // In English, the message is in English.
        s.post("/account/language", &[("lang", "en")]).await;
        let r = s.post("/kit", &[("passphrase", "kort"), ("passphrase2", "kort"), ("max_age_days", "30")]).await;
        assert!(texts(&r.body, "#passphrase-error")[0].starts_with("Write at least four different words"), "{kind:?}");
    }
}

/// What a kit's job page and `beredd export kit` say while it is made: gathering, packing,
/// sealing, in that order, then done.
#[tokio::test]
async fn a_kit_tells_its_steps_gather_pack_seal() {
    use beredd::platform::progress::Progress;
    use beredd_domain::job::JobStep;
    struct Steps(std::sync::Mutex<Vec<JobStep>>);
    impl Progress for Steps {
        fn report(&self, step: JobStep, _: u64, _: u64) {
            let mut seen = self.0.lock().unwrap();
            if seen.last() != Some(&step) {
                seen.push(step);
            }
        }
    }
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let tr = beredd::platform::i18n::Tr::new(beredd::platform::i18n::Catalog::load(), beredd::platform::i18n::Lang::Sv);
    let actor = beredd::store::audit::Actor { org_id: app.org, user_id: None, username: "(test)".into() };
    let req = kit::Request {
        units: &[],
        passphrase: "blå traktor sjunger i snön".into(),
        max_age_days: 30,
        by: "(test)",
        recipients: None,
    };
    let steps = Steps(Default::default());
    assert!(kit::make_with(&app.db, &tr, &actor, req, &steps).await.unwrap().is_some());
    assert_eq!(*steps.0.lock().unwrap(), [JobStep::Gather, JobStep::Pack, JobStep::Seal, JobStep::Finished]);
}
