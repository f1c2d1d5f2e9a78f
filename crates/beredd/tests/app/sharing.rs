//! The shared library between municipalities (issue 22): two organisations in one database. A
//! publishes a plan template, a lesson and a local requirement; B sees each, with A's name or
//! "en kommun" as A chose, takes a copy of each in and edits it, and A's originals are the same
//! afterwards. A reader cannot publish or take in; B cannot withdraw A's item; a withdrawn item is
//! gone from B's library; a lesson's copy holds no name of A's people, and no telephone number
//! or e-mail address.

use beredd::store::{orgs, users};
use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, id_of, kinds, texts};

/// A second organisation in the same database, with a coordinator.
async fn second_organisation(app: &TestApp) -> i64 {
    let b = orgs::create(&app.db.pool, "Björkby kommun", None, "bjorkby").await.unwrap();
    let hash = beredd::platform::passwords::hash(PASSWORD).unwrap();
    let u = users::NewUser {
        org_id: b,
        username: "samordnare",
        display_name: "Samordnaren i Björkby",
        password_hash: &hash,
        role: Role::Coordinator,
        lang: "sv",
    };
    let id = users::insert(&app.db.pool, &u).await.unwrap();
    let mut conn = app.db.pool.acquire().await.unwrap();
    users::update_account(&mut conn, b, id, "Samordnaren i Björkby", Role::Coordinator, true, &[]).await.unwrap();
    b
}

/// Every row of A's in the tables a published item came from, as text.
async fn a_rows(app: &TestApp) -> Vec<String> {
    let org = app.org;
    let mut out = Vec::new();
    for sql in [
        format!("SELECT id, name, template_id FROM plans WHERE org_id = {org} ORDER BY id"),
        format!("SELECT id, number, content FROM plan_versions WHERE org_id = {org} ORDER BY id"),
        format!(
            "SELECT l.id, l.text, l.kind FROM lessons l JOIN incidents i ON i.id = l.incident_id WHERE i.org_id = {org} ORDER BY l.id"
        ),
        format!(
            "SELECT requirement_id, title, shall_text FROM local_requirements WHERE org_id = {org} ORDER BY requirement_id"
        ),
        format!("SELECT CAST(id AS TEXT), title, COALESCE(notes, '') FROM actions WHERE org_id = {org} ORDER BY id"),
    ] {
        use sqlx::Row;
        for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&app.db.pool).await.unwrap() {
            let cols: Vec<String> = (0..row.len())
                .map(|i| {
                    row.try_get::<String, _>(i)
                        .or_else(|_| row.try_get::<i64, _>(i).map(|n| n.to_string()))
                        .unwrap_or_default()
                })
                .collect();
            out.push(cols.join("|"));
        }
    }
    out
}

/// A's unit, person, plan, incident with a lesson naming the person, and own requirement:
/// (plan id, lesson id).
async fn a_records(app: &TestApp, s: &crate::harness::Session) -> (String, i64) {
    let unit = app.add_unit("Hemtjänst Norr", None).await.to_string();
    let person =
        [("name", "Kerstin Holmgren"), ("kind", "staff"), ("unit", unit.as_str()), ("work_phone", "070-111 22 33")];
    assert_eq!(s.post("/people/new", &person).await.status, StatusCode::SEE_OTHER);
    let r =
        s.post("/plans/new", &[("name", "Plan för hemtjänsten"), ("template", "hemtjanst"), ("units", &unit)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = id_of(&r);
    let incident = [
        ("title", "Övning: larmen tysta"),
        ("discovered_at", "2026-11-23 09:00"),
        ("units", unit.as_str()),
        ("exercise", "on"),
    ];
    let r = s.post("/incidents/new", &incident).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let incident = id_of(&r);
    let lesson = [
        ("kind", "less_well"),
        (
            "text",
            "Kerstin Holmgren fick ringa alla själv på 070-111 22 33.\nHolmgren behöver en ersättare; \
                 skriv till kerstin.holmgren@testkommun.se före 2026-12-07 enligt 2 kap. 10 §.",
        ),
    ];
    assert_eq!(s.post(&format!("/incidents/{incident}/lessons"), &lesson).await.status, StatusCode::SEE_OTHER);
    let (lesson,): (i64,) =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT MAX(id) FROM lessons WHERE incident_id = {incident}")))
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let area = beredd::content::catalogue::Catalogue::load().unwrap().areas[0].id.clone();
    let own = [
        ("requirement_id", "EGEN-01"),
        ("area", area.as_str()),
        ("title", "Reservrutin i pärm"),
        ("is_text", "Det finns en utskriven reservrutin."),
        ("shall_text", "Leverantören ska leverera en utskrivbar reservrutin."),
        ("applies", "baseline"),
    ];
    assert_eq!(s.post("/requirements/new", &own).await.status, StatusCode::SEE_OTHER);
    (plan, lesson)
}

#[tokio::test]
async fn an_organisation_shares_and_another_takes_a_copy_in_without_touching_the_original() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", Role::Reader, &[]).await;
        let b = second_organisation(&app).await;
        let sa = app.login("admin").await;
        let (plan, lesson) = a_records(&app, &sa).await;
        assert!(sa.get(&format!("/plans/{plan}")).await.body.contains("/share"), "{kind:?}: the plan offers sharing");

        // A reader may look at the library but neither publish nor take in.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/plans/{plan}/share")).await.status, StatusCode::FORBIDDEN);
        let r = reader.post(&format!("/lessons/{lesson}/share"), &[("title", "x"), ("text", "x")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{kind:?}");
        assert_eq!(app.count("shared_items").await, 0);

        // The form shows the copy: the lesson with the person's name already replaced, the plan
        // without its call list.
        let form = sa.get(&format!("/lessons/{lesson}/share")).await;
        assert_eq!(form.status, StatusCode::OK);
        let text = texts(&form.body, "textarea#text").join("");
        assert!(text.contains("[namn] fick ringa alla själv") && !text.contains("Holmgren"), "{kind:?}: {text}");
        assert!(text.contains("själv på [telefonnummer].") && !text.contains("111 22 33"), "{kind:?}: {text}");
        assert!(text.contains("skriv till [e-post] före 2026-12-07 enligt 2 kap. 10 §."), "{kind:?}: {text}");
        let form = sa.get(&format!("/plans/{plan}/share")).await;
        assert!(form.body.contains("Visa vår kommuns namn") && !form.body.contains("070-111 22 33"), "{kind:?}");
        assert!(sa.get(&format!("/plans/{plan}")).await.body.contains("Holmgren"), "{kind:?}: A's plan names her");

        // A publishes each: the plan and the requirement named, the lesson not; the coordinator
        // typed the name into the lesson again, and it is replaced all the same.
        let published = [
            (format!("/plans/{plan}/share"), vec![("title", "Mall: hemtjänst vid avbrott"), ("show_publisher", "on")]),
            (
                format!("/lessons/{lesson}/share"),
                vec![
                    ("title", "Ringlistan räckte inte"),
                    (
                        "text",
                        "Kerstin fick ringa alla. kerstin holmgren var ensam. Ring +46 70 111 22 33 \
                         eller 0923-123 45, eller skriv till jour@testkommun.se.",
                    ),
                ],
            ),
            ("/requirements/EGEN-01/share".to_owned(), vec![("title", "Reservrutin i pärm"), ("show_publisher", "on")]),
        ];
        for (path, fields) in &published {
            let r = sa.post(path, fields).await;
            assert_eq!(
                (r.status, r.location.as_deref()),
                (StatusCode::SEE_OTHER, Some("/shared?msg=published")),
                "{kind:?} {path}: {}",
                r.body
            );
        }
        // A title left empty is refused at its field, and nothing is published.
        let r = sa.post(&format!("/plans/{plan}/share"), &[("title", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#title-error").is_empty());
        assert_eq!(app.count("shared_items").await, 3);
        let contents: Vec<(String,)> =
            sqlx::query_as("SELECT content FROM shared_items").fetch_all(&app.db.pool).await.unwrap();
        for (c,) in &contents {
            assert!(
                !c.contains("Holmgren") && !c.contains("Kerstin") && !c.contains("kerstin") && !c.contains("070-111"),
                "{kind:?}: {c}"
            );
            assert!(
                !c.contains("111 22 33") && !c.contains("123 45") && !c.contains("@testkommun"),
                "{kind:?}: no number or address is shared: {c}"
            );
        }

        // B sees all three: A's name on the two A chose, "en kommun" on the lesson.
        let before = a_rows(&app).await;
        let sb = app.login_to(b, "samordnare").await;
        let page = sb.get("/shared").await;
        assert_eq!(page.status, StatusCode::OK);
        let titles = texts(&page.body, ".shared-item h2");
        assert_eq!(titles, ["Reservrutin i pärm", "Ringlistan räckte inte", "Mall: hemtjänst vid avbrott"], "{kind:?}");
        let meta = texts(&page.body, ".shared-item .meta-line");
        assert!(
            meta[0].contains("delad av Testkommun") && meta[2].contains("delad av Testkommun"),
            "{kind:?}: {meta:?}"
        );
        assert!(meta[1].contains("delad av en kommun") && !meta[1].contains("Testkommun"), "{kind:?}: {meta:?}");
        assert!(!page.body.contains("Holmgren") && page.body.contains("[namn] var ensam"), "{kind:?}");
        assert!(
            page.body.contains("Ring [telefonnummer] eller [telefonnummer], eller skriv till [e-post]."),
            "{kind:?}: {}",
            page.body
        );
        assert_eq!(texts(&sb.get("/shared?kind=lesson").await.body, ".shared-item h2"), ["Ringlistan räckte inte"]);
        // B cannot withdraw what A published.
        let ids: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, kind FROM shared_items ORDER BY id").fetch_all(&app.db.pool).await.unwrap();
        for (id, _) in &ids {
            assert_eq!(sb.post(&format!("/shared/{id}/withdraw"), &[]).await.status, StatusCode::NOT_FOUND, "{kind:?}");
        }

        // B takes a copy of each in: its own plan draft, action and requirement.
        let mut adopted = Vec::new();
        for (id, k) in &ids {
            let r = sb.post(&format!("/shared/{id}/adopt"), &[]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?} {k}: {}", r.body);
            adopted.push(r.location.unwrap().split('?').next().unwrap().to_owned());
        }
        assert!(adopted[0].starts_with("/plans/") && adopted[1].starts_with("/actions/"), "{kind:?}: {adopted:?}");
        assert_eq!(adopted[2], "/requirements/EGEN-01", "{kind:?}: B's own copy keeps the key, B has none by it");
        let (plan_org,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT org_id FROM plans WHERE id = {}",
            id_of_path(&adopted[0])
        )))
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(plan_org, b);
        let shown = sb.get(&adopted[0]).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(shown.body.contains("Mall: hemtjänst vid avbrott"), "{kind:?}");
        let action = sb.get(&adopted[1]).await.body;
        assert!(action.contains("[namn] var ensam") && !action.contains("Holmgren"), "{kind:?}");
        // B edits its copy freely.
        let area = beredd::content::catalogue::Catalogue::load().unwrap().areas[0].id.clone();
        let edit = [
            ("area", area.as_str()),
            ("title", "Reservrutin i pärm, Björkbys"),
            ("is_text", "Björkby har ingen."),
            ("shall_text", "Leverantören ska leverera en."),
            ("applies", "baseline"),
        ];
        assert_eq!(sb.post("/requirements/EGEN-01/edit", &edit).await.status, StatusCode::SEE_OTHER);
        assert_eq!(a_rows(&app).await, before, "{kind:?}: nothing of A's changed");
        assert!(sa.get("/requirements/EGEN-01").await.body.contains("Reservrutin i pärm"));

        // Each step is in the trail of the organisation that took it.
        let count = |org: i64, action: &str| {
            let sql = format!("SELECT COUNT(*) FROM audit_log WHERE org_id = {org} AND action = '{action}'");
            let pool = app.db.pool.clone();
            async move { sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql)).fetch_one(&pool).await.unwrap().0 }
        };
        assert_eq!(
            (count(app.org, "publish").await, count(b, "adopt").await, count(app.org, "adopt").await),
            (3, 3, 0)
        );

        // A withdraws the lesson: gone from B's library; B's copy stays.
        let lesson_item = ids.iter().find(|(_, k)| k == "lesson").unwrap().0;
        assert!(sa.get("/shared").await.body.contains(&format!("/shared/{lesson_item}/withdraw")));
        let r = sa.post(&format!("/shared/{lesson_item}/withdraw"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(count(app.org, "withdraw").await, 1);
        let titles = texts(&sb.get("/shared").await.body, ".shared-item h2");
        assert_eq!(titles, ["Reservrutin i pärm", "Mall: hemtjänst vid avbrott"], "{kind:?}");
        assert_eq!(sb.post(&format!("/shared/{lesson_item}/adopt"), &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(sb.get(&adopted[1]).await.status, StatusCode::OK);

        // The reader sees the library without its buttons, and cannot take a copy in.
        let page = reader.get("/shared").await;
        assert_eq!(texts(&page.body, ".shared-item h2").len(), 2);
        assert!(!page.body.contains("/adopt"), "{kind:?}");
        assert_eq!(reader.post(&format!("/shared/{}/adopt", ids[0].0), &[]).await.status, StatusCode::FORBIDDEN);
    }
}

fn id_of_path(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().parse().unwrap()
}
