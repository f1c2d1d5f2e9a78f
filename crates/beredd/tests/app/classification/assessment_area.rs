//! The self-assessment area by area: the requirements grouped by the catalogue's areas, a page
//! per area answering all of them in one form, "save and go to the next area", and what that
//! must never do (take an unanswered requirement as met, lose typed text, put back a colleague's
//! answer, drop the evidence link).

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, id_of, kinds, texts};

/// A system holding classified social-services documentation; returns its id.
async fn system(s: &Session) -> String {
    let sys = id_of(
        &s.post("/systems/new", &[("name", "Verksamhetssystem SoL"), ("kind", "it_system"), ("hosting", "internal")])
            .await,
    );
    let asset = id_of(
        &s.post(
            "/assets/new",
            &[("name", "Social dokumentation"), ("flags", "social_services_documentation"), ("systems", &sys)],
        )
        .await,
    );
    crate::harness::classify(s, &asset.to_string(), ["3", "3", "2", "2"]).await;
    sys
}

/// The hidden fingerprints of an area page, to post back as a browser would.
fn shown(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[type=hidden][name^='o-']").unwrap();
    doc.select(&sel)
        .map(|e| (e.value().attr("name").unwrap().to_owned(), e.value().attr("value").unwrap().to_owned()))
        .collect()
}

async fn post_area(s: &Session, path: &str, page: &str, answers: &[(&str, &str)]) -> crate::harness::Reply {
    let owned = shown(page);
    let mut form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend_from_slice(answers);
    s.post(path, &form).await
}

async fn answer(
    app: &TestApp,
    sys: &str,
    req: &str,
) -> Option<(String, Option<String>, Option<String>, Option<String>)> {
    sqlx::query_as(
        "SELECT status, how, not_applicable_reason, evidence_link FROM assessments WHERE system_id = $1 AND requirement_id = $2",
    )
    .bind(sys.parse::<i64>().unwrap())
    .bind(req)
    .fetch_optional(&app.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn an_area_is_answered_on_one_page_and_an_unanswered_requirement_stays_unanswered() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let sys = system(&s).await;

        // The overview groups the requirements by area, in the catalogue's order, with titles as links.
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        let areas = texts(&overview, "section.assessment-area h2");
        assert_eq!(areas[0], "Styrning och ansvar STY");
        assert_eq!(areas[1], "Behörigheter och åtkomst BEH");
        assert_eq!(texts(&overview, "#area-STY .count")[0], "0 av 7 besvarade");
        let first = texts(&overview, "#area-STY tbody th a");
        assert_eq!(first[0], "Utsedd systemägare");
        assert!(overview.contains(&format!("href=\"/systems/{sys}/assessment/STY-01\">Utsedd systemägare</a>")));
        assert!(
            overview
                .contains(&format!("href=\"/systems/{sys}/assessment/areas/STY\">Besvara kraven område för område"))
        );

        // The area page: every requirement of the area, none answered beforehand.
        let path = format!("/systems/{sys}/assessment/areas/STY");
        let page = s.get(&path).await.body;
        assert_eq!(texts(&page, "h1"), ["Styrning och ansvar STY"]);
        assert!(texts(&page, ".meta-line")[0].starts_with("Område 1 av "));
        assert_eq!(texts(&page, "section.answer-row").len(), 7);
        assert!(texts(&page, "input[type=radio][checked]").is_empty(), "nothing answered beforehand");
        assert_eq!(texts(&page, "#req-STY-01 legend"), ["Uppfylls kravet STY-01?"]);
        assert_eq!(texts(&page, "button[value=next]"), ["Spara och gå till nästa område: Behörigheter och åtkomst"]);

        // Two answers, one left alone: saved, and on to the next area.
        let r = post_area(
            &s,
            &path,
            &page,
            &[
                ("status-STY-01", "fulfilled"),
                ("how-STY-01", "Systemägare är enhetschefen, står i förteckningen"),
                ("status-STY-02", "not_fulfilled"),
                ("how-STY-03", ""),
                ("make_actions", "on"),
                ("go", "next"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, ".error-summary li").join("|"));
        let next = format!("/systems/{sys}/assessment/areas/BEH?saved=2&from=STY");
        assert_eq!(r.location.as_deref(), Some(next.as_str()));
        assert_eq!(texts(&s.get(&next).await.body, ".flash"), ["2 svar sparades i Styrning och ansvar."]);
        assert_eq!(app.count("assessments").await, 2);
        assert_eq!(answer(&app, &sys, "STY-01").await.unwrap().0, "fulfilled");
        assert!(answer(&app, &sys, "STY-03").await.is_none(), "left unanswered, not an error");
        let actions = beredd::store::actions::list(&app.db.pool, app.org).await.unwrap();
        assert_eq!(actions.len(), 1);
        assert!(actions[0].title.contains("STY-02"), "{}", actions[0].title);

        // Text without an answer, and "not applicable" without a reason, are errors: nothing is
        // stored and what was typed stays.
        let page = s.get(&path).await.body;
        assert_eq!(texts(&page, "#status-STY-01-fulfilled[checked]").len(), 1, "the page shows what is saved");
        let r = post_area(
            &s,
            &path,
            &page,
            &[
                ("status-STY-01", "fulfilled"),
                ("how-STY-01", "Systemägare är enhetschefen, står i förteckningen"),
                ("status-STY-02", "not_fulfilled"),
                ("status-STY-04", "not_applicable"),
                ("how-STY-05", "Utbildning planeras till våren"),
                ("status-STY-06", "partly"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("Varför gäller STY-04 inte?") || errors[1].starts_with("Varför gäller STY-04 inte?")
        );
        assert!(errors.contains(&"Uppfylls kravet STY-05?: Välj ett av alternativen.".to_owned()), "{errors:?}");
        assert_eq!(texts(&r.body, "textarea#how-STY-05"), ["Utbildning planeras till våren"]);
        assert_eq!(texts(&r.body, "#status-STY-06-partly[checked]").len(), 1);
        assert_eq!(app.count("assessments").await, 2, "nothing stored from a form with errors");

        // A colleague changes STY-01 meanwhile; a save of the page opened before leaves it alone.
        let evidence = format!("/systems/{sys}/assessment/STY-01");
        let r = s
            .post(
                &evidence,
                &[
                    ("status", "partly"),
                    ("how", "Förvaltare saknas"),
                    ("evidence_link", "https://intranat.example/agare"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location.as_deref(), Some(format!("/systems/{sys}/assessment?msg=saved#area-STY").as_str()));
        let r = post_area(
            &s,
            &path,
            &page,
            &[
                ("status-STY-01", "fulfilled"),
                ("how-STY-01", "Systemägare är enhetschefen, står i förteckningen"),
                ("status-STY-02", "not_fulfilled"),
                ("status-STY-06", "not_fulfilled"),
                ("go", "stay"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            r.location.as_deref(),
            Some(format!("/systems/{sys}/assessment/areas/STY?saved=1&from=STY").as_str())
        );
        assert_eq!(texts(&s.get(r.location.as_deref().unwrap()).await.body, ".flash"), ["Ett svar sparades."]);
        assert_eq!(answer(&app, &sys, "STY-01").await.unwrap().0, "partly", "the colleague's answer is kept");
        assert_eq!(beredd::store::actions::list(&app.db.pool, app.org).await.unwrap().len(), 1, "no actions unasked");

        // Changing an answer on the area page keeps the evidence link; a reason is kept only
        // for "not applicable".
        let page = s.get(&path).await.body;
        let r = post_area(
            &s,
            &path,
            &page,
            &[
                ("status-STY-01", "fulfilled"),
                ("how-STY-01", "Förvaltare utsedd"),
                ("na-STY-01", "Gäller inte"),
                ("status-STY-02", "not_fulfilled"),
                ("status-STY-06", "not_fulfilled"),
                ("status-STY-04", "not_applicable"),
                ("na-STY-04", "Systemet har ingen egen inloggning"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let sty01 = answer(&app, &sys, "STY-01").await.unwrap();
        assert_eq!(
            sty01,
            (
                "fulfilled".to_owned(),
                Some("Förvaltare utsedd".to_owned()),
                None,
                Some("https://intranat.example/agare".to_owned())
            )
        );
        assert_eq!(
            answer(&app, &sys, "STY-04").await.unwrap().2.as_deref(),
            Some("Systemet har ingen egen inloggning")
        );

        // The last area has no "next"; a reader neither sees nor posts an area page.
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        let last =
            texts(&overview, "section.assessment-area h2").last().unwrap().rsplit(' ').next().unwrap().to_owned();
        let last_page = s.get(&format!("/systems/{sys}/assessment/areas/{last}")).await.body;
        assert!(texts(&last_page, "button[value=next]").is_empty());
        assert_eq!(s.get(&format!("/systems/{sys}/assessment/areas/NOPE")).await.status, StatusCode::NOT_FOUND);
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&path, &[("status-STY-03", "fulfilled")]).await.status, StatusCode::FORBIDDEN);
        let read = reader.get(&format!("/systems/{sys}/assessment")).await.body;
        assert!(
            read.contains("href=\"/requirements/STY-01\">Utsedd systemägare</a>"),
            "a reader's links go to the catalogue"
        );
        assert!(!read.contains("/assessment/areas/"));
    }
}
