//! The large municipality (`beredd demo --size large`, issue 25) on both databases: it holds the
//! counts it promises, its list pages show 50 rows with a link to the next page, a search narrows
//! the list, the Excel export still gives every row, and the board, the outage page and a
//! system's page answer.

use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, fresh_db, get_bytes, kinds, texts, texts_attr, xlsx_rows};

#[tokio::test]
async fn the_large_municipality_pages_its_lists_and_its_pages_answer() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, PASSWORD).await.unwrap();
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        let size = &beredd::content::demo::large::LARGE;
        let grown = beredd::content::demo::large::grow(&db, org, size).await.unwrap();
        assert_eq!(
            (
                grown.people,
                grown.systems,
                grown.assets,
                grown.risks,
                grown.dependencies,
                grown.plans,
                grown.log_entries
            ),
            (3_000, 1_000, 5_000, 3_000, 50_000, 300, 5_000)
        );
        assert_eq!(grown.units, 310);
        let app = TestApp::serve(db, org, kind, t).await;
        assert!(app.count("people").await >= 3_000);
        let s = app.login("admin").await;

        let page = s.get("/systems").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "table.register tbody tr").len(), 50, "{kind:?}: a page of 50 rows");
        let next = texts_attr(&page.body, "nav.pager a[rel=next]", "href");
        assert_eq!(next.len(), 1, "{kind:?}: a link to the next page");
        let second = s.get(&next[0]).await.body;
        assert_eq!(texts(&second, "table.register tbody tr").len(), 50);
        assert_eq!(texts_attr(&second, "nav.pager a[rel=prev]", "href").len(), 1);
        assert_ne!(texts(&page.body, "table.register tbody th"), texts(&second, "table.register tbody th"));

        let found = s.get("/systems?q=System+042").await.body;
        assert_eq!(texts(&found, "table.register tbody tr").len(), 10, "{kind:?}: System 0420–0429");
        assert!(texts(&found, "nav.pager").is_empty(), "one page needs no pager");

        let (status, _, bytes) = get_bytes(&s, "/systems/export").await;
        assert_eq!(status, StatusCode::OK);
        assert!(xlsx_rows(bytes).len() > 1_000, "{kind:?}: the export still holds every system");

        for path in ["/people", "/assets", "/units", "/actions", "/plans", "/outage", "/"] {
            assert_eq!(s.get(path).await.status, StatusCode::OK, "{kind:?}: {path}");
        }
        // The action plan's "responsible" filter offers those responsible for an action, not
        // every one of the 3 000 staff.
        let offered = texts_attr(&s.get("/actions").await.body, "select[name=owner] option", "value");
        let owners: Vec<(i64,)> = sqlx::query_as("SELECT DISTINCT owner_id FROM actions WHERE owner_id IS NOT NULL")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        let mut people: Vec<String> = offered.into_iter().filter(|v| !v.is_empty() && v != "me").collect();
        let mut expected: Vec<String> = owners.iter().map(|(id,)| id.to_string()).collect();
        people.sort();
        expected.sort();
        assert!(!expected.is_empty(), "{kind:?}: the demo's actions have owners");
        assert_eq!(people, expected, "{kind:?}: the filter offers exactly those responsible for an action");
        let (system,): (i64,) =
            sqlx::query_as("SELECT id FROM systems WHERE name = 'System 0500'").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(s.get(&format!("/systems/{system}")).await.status, StatusCode::OK);
        let (incident,): (i64,) = sqlx::query_as("SELECT id FROM incidents WHERE title LIKE 'Storövning%'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(s.get(&format!("/incidents/{incident}")).await.status, StatusCode::OK, "{kind:?}: the board");
    }
}
