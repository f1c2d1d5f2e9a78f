//! The management review (ledningens genomgång): the figures of the year from the registers with
//! last year's where they can be counted, the management's decisions saved and made into actions
//! that point back to the review, the roles, refused input, and the PDF.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, get_bytes, id_of, kinds, pdf_text, texts};

async fn backdate(app: &TestApp, sql: &'static str, at: &str, id: &str) {
    sqlx::query(sql).bind(at).bind(id.parse::<i64>().unwrap()).execute(&app.db.pool).await.expect("backdate");
}

/// Three information assets: one added and classified last year, one added last year and never
/// classified, one added this year; an overdue action and a done one; an exercise last year and
/// one this year with a lesson.
async fn registers(app: &TestApp, s: &Session) {
    let journal = id_of(&s.post("/assets/new", &[("name", "Social dokumentation")]).await);
    let r = crate::harness::classify(s, &journal.to_string(), ["3", "2", "2", "1"]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let lists = id_of(&s.post("/assets/new", &[("name", "Ringlistor")]).await);
    s.post("/assets/new", &[("name", "Lönelistor")]).await;
    backdate(app, "UPDATE assets SET created_at = $1 WHERE id = $2", "2025-03-01T10:00:00Z", &journal).await;
    backdate(
        app,
        "UPDATE classifications SET classified_at = $1 WHERE asset_id = $2",
        "2025-04-01T10:00:00Z",
        &journal,
    )
    .await;
    backdate(app, "UPDATE assets SET created_at = $1 WHERE id = $2", "2025-06-01T10:00:00Z", &lists).await;

    let action = |title: &'static str, due: &'static str, status: &'static str| {
        [("title", title), ("due_date", due), ("status", status), ("priority", "high")]
    };
    for fields in [action("Byt lösenord på servrarna", "2026-01-31", "planned"), action("Skriv rutin", "", "done")] {
        assert_eq!(s.post("/actions/new", &fields).await.status, StatusCode::SEE_OTHER);
    }

    let unit = app.add_unit("Hemtjänst Norr", None).await.to_string();
    for (title, at) in [("Vårövning 2025", "2025-05-10 09:00"), ("Höstövning", "2026-10-01 09:00")] {
        let fields = [
            ("title", title),
            ("discovered_at", at),
            ("units", unit.as_str()),
            ("exercise", "on"),
            ("participants", "Anna"),
        ];
        let r = s.post("/incidents/new", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        if title == "Höstövning" {
            let id = id_of(&r);
            let lesson =
                [("kind", "change"), ("text", "Reservnycklarna ska finnas i varje bil."), ("create_action", "on")];
            assert_eq!(s.post(&format!("/incidents/{id}/lessons"), &lesson).await.status, StatusCode::SEE_OTHER);
        }
    }
}

/// The figure rows of a section: "label value [previous change]".
fn rows(page: &str, section: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    let tr = scraper::Selector::parse(&format!("#{section} table tbody tr")).unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    doc.select(&tr)
        .map(|r| r.select(&cell).map(|c| c.text().collect::<String>().trim().to_owned()).collect::<Vec<_>>().join(" "))
        .collect()
}

#[tokio::test]
async fn the_review_counts_the_registers_and_compares_with_last_year_where_it_can() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        registers(&app, &s).await;

        let page = s.get("/governance/review").await;
        assert_eq!(page.status, StatusCode::OK);
        let page = page.body;
        assert_eq!(texts(&page, "h1"), ["Ledningens genomgång 2026"]);
        assert!(texts(&page, "nav a").iter().any(|t| t == "Ledningens genomgång"));
        assert_eq!(
            texts(&page, "#classification .review-summary"),
            ["2 av 3 informationstillgångar saknar klassning; en fler än förra året. \
                 1 har nivå 3 eller 4 på någon aspekt; lika många som förra året."]
        );
        let classification = rows(&page, "classification");
        assert!(classification.contains(&"Informationstillgångar 3 2 +1".to_owned()), "{classification:?}");
        assert!(classification.contains(&"Saknar klassning 2 1 +1".to_owned()));
        assert!(classification.contains(&"Högsta nivå 3 (allvarlig) 1 1 ±0".to_owned()), "{classification:?}");

        // The action plan is the state today, and says it cannot be compared.
        assert_eq!(rows(&page, "actions"), ["Åtgärder 3", "Klara 1", "Planerade eller pågående 2", "Försenade 1"]);
        assert_eq!(texts(&page, "#actions .review-summary"), ["1 av 3 åtgärder är klara och 1 är försenade."]);
        assert_eq!(
            texts(&page, "#actions .review-items li"),
            ["Byt lösenord på servrarna, skulle vara klar 2026-01-31"]
        );
        assert!(texts(&page, "#actions .hint")[0].starts_with("Handlingsplanen sparar inte när en åtgärd blev klar"));
        assert!(texts(&page, "#actions thead th").len() == 2, "no column for last year");

        // The exercises of each year, with the lesson under this year's.
        let exercises = rows(&page, "exercises");
        assert!(exercises.contains(&"Övningar 1 1 ±0".to_owned()), "{exercises:?}");
        assert!(exercises.contains(&"Lärdomar som blev åtgärder 1 0 +1".to_owned()));
        assert_eq!(
            texts(&page, "#exercises .review-items > li > ul > li"),
            ["Det här måste ändras: Reservnycklarna ska finnas i varje bil. (blev en åtgärd)"]
        );

        // Last year: counted at its end, compared with the year before; today's sections say so.
        let last = s.get("/governance/review?year=2025").await.body;
        assert_eq!(texts(&last, "h1"), ["Ledningens genomgång 2025"]);
        assert!(rows(&last, "classification").contains(&"Saknar klassning 1 0 +1".to_owned()));
        assert!(rows(&last, "classification").contains(&"Informationstillgångar 2 0 +2".to_owned()));
        assert_eq!(texts(&last, "#exercises .review-items > li").len(), 1);
        assert!(
            texts(&last, "#risks .hint")[0]
                .starts_with("Siffrorna visar läget i dag: registren sparar inte hur det såg ut vid slutet av 2025."),
            "{:?}",
            texts(&last, "#risks .hint")
        );

        // A year out of range is refused, naming the field.
        let r = s.get("/governance/review?year=1999").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li"), ["År: Ange ett heltal från 2000 till och med 2026."]);
    }
}

fn decisions<'a>(year: &'a str, classification: &'a str, risks: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("year", year),
        ("held_on", "2026-11-20"),
        ("participants", "Eva Ek, kommundirektör\nPer Lund, säkerhetssamordnare"),
        ("decisions_classification", classification),
        ("actions_classification", "on"),
        ("decisions_risks", risks),
    ]
}

#[tokio::test]
async fn decisions_are_saved_become_actions_that_point_back_and_go_into_the_pdf() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", Role::Reader, &[]).await;
        app.add_user("samordnare", Role::Coordinator, &[]).await;
        let unit = app.add_unit("Hemtjänst", None).await;
        app.add_user("chef", Role::UnitManager, &[unit]).await;
        let s = app.login("samordnare").await;
        let before = app.count("actions").await;

        // Bad input stores nothing and names the field.
        let counts = app.row_counts().await;
        let r = s.post("/governance/review", &decisions("2026", " \n ", "")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li"), ["Ledningens beslut – Informationsklassning: Fyll i fältet."]);
        assert_eq!(texts(&r.body, "#participants").len(), 1, "the form is shown again");
        let r = s.post("/governance/review", &decisions("2030", "Klassa allt", "")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li"), ["År: Ange ett heltal från 2000 till och med 2026."]);
        assert_eq!(app.row_counts().await, counts, "nothing stored");

        let two = "Alla informationstillgångar ska vara klassade före mars.\nVarje tillgång ska ha en ägare.";
        let r =
            s.post("/governance/review", &decisions("2026", two, "Risken för utpressningsvirus godtas inte.")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location.as_deref(), Some("/governance/review?year=2026&msg=saved&actions=2"));
        assert_eq!(app.count("actions").await, before + 2, "the classification decisions only");
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert_eq!(texts(&page, ".flash"), ["Ändringarna är sparade. 2 nya åtgärder lades till i handlingsplanen."]);
        let listed = texts(&page, "#classification .review-decisions li");
        assert_eq!(listed.len(), 2);
        assert!(
            listed[0].starts_with("Alla informationstillgångar ska vara klassade före mars. (åtgärd "),
            "{listed:?}"
        );
        assert_eq!(texts(&page, "#risks .review-decisions li"), ["Risken för utpressningsvirus godtas inte."]);
        assert!(texts(&page, "main p").iter().any(|p| p.starts_with("Sparad 2026-11-24 av")));

        // The action points back to the review.
        let (id, origin_ref): (i64, Option<String>) =
            sqlx::query_as("SELECT id, origin_ref FROM actions WHERE origin = 'review' ORDER BY id LIMIT 1")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(origin_ref.as_deref(), Some("review:2026:classification"));
        let action = s.get(&format!("/actions/{id}")).await.body;
        assert_eq!(
            texts(&action, r#"a[href="/governance/review?year=2026#classification"]"#),
            ["Beslut i ledningens genomgång 2026"]
        );

        // Saving again keeps the actions made; only a new decision makes a new one.
        let three = format!("{two}\nÄgarna ska utbildas.");
        let r = s.post("/governance/review", &decisions("2026", &three, "")).await;
        assert_eq!(r.location.as_deref(), Some("/governance/review?year=2026&msg=saved&actions=1"));
        assert_eq!(app.count("actions").await, before + 3);
        let (reviews, audited): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM management_reviews), (SELECT COUNT(*) FROM audit_log WHERE entity = 'management-review')",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!((reviews, audited), (1, 2));

        // The PDF holds every section and the decisions.
        let (status, content_type, bytes) = get_bytes(&s, "/governance/review/pdf?year=2026").await;
        assert_eq!((status, content_type.as_str()), (StatusCode::OK, "application/pdf"));
        let text = pdf_text(&bytes);
        for expected in [
            "Ledningens genomgång 2026",
            "Informationsklassning",
            "Självskattning och ramverk",
            "Kontinuitetsplaner",
            "Övningar och incidenter",
            "De största riskerna",
            "Handlingsplanen",
            "Styrdokument och läsbekräftelser",
            "Rapporteringsplikter",
            "Ägarna ska utbildas.",
            "Per Lund, säkerhetssamordnare",
        ] {
            assert!(text.contains(expected), "{expected} in {text}");
        }

        // Everyone reads the review; only those who edit all content save it.
        for name in ["lasare", "chef"] {
            let other = app.login(name).await;
            let page = other.get("/governance/review").await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(texts(&page.body, "form[method=post] textarea").is_empty(), "no form for {name}");
            assert_eq!(texts(&page.body, "#risks .review-decisions li").len(), 0);
            assert_eq!(texts(&page.body, "#classification .review-decisions li").len(), 3);
            let r = other.post("/governance/review", &decisions("2026", "Klassa allt", "")).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);
            assert_eq!(get_bytes(&other, "/governance/review/pdf?year=2026").await.0, StatusCode::OK);
        }
        assert_eq!(app.count("actions").await, before + 3);
    }
}
