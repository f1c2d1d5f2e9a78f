//! Reading a page writes nothing (security review F16): the start page, the yearly cycle and a
//! calendar feed make the cycle's dated tasks when some are missing, and record a session's use
//! at most once a minute. They wrote on every view before (an INSERT per task, an UPDATE of the
//! session), so a reader queued for the database's write lock behind every save, and on SQLite
//! gave up with a 500 after the busy timeout when a long write held it.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::harness::{Kind, TestApp, kinds};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_read_while_another_connection_holds_the_write_lock() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let item = [("title", "Behörighetsgenomgång"), ("kind", "other"), ("start", "2025-01-15"), ("every", "1")];
        assert_eq!(s.post("/cycle", &item).await.status, StatusCode::SEE_OTHER);
        let page = s.post("/cycle/calendar", &[]).await.body;
        let feed = scraper::Html::parse_document(&page)
            .select(&scraper::Selector::parse("#calendar-new a[href^='/cycle/feed/']").unwrap())
            .next()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_owned)
            .expect("a new feed address");
        // Viewed once, the tasks due are made.
        assert_eq!(s.get("/cycle").await.status, StatusCode::OK);
        let count = || async {
            let (n,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM cycle_tasks").fetch_one(&app.db.pool).await.unwrap();
            n
        };
        let tasks = count().await;
        assert!(tasks > 12, "{kind:?}: {tasks}");

        // Another connection takes the write lock and keeps it while the pages are read.
        let mut writer = app.db.pool.acquire().await.unwrap();
        let lock = match kind {
            Kind::Sqlite => "BEGIN IMMEDIATE",
            Kind::Postgres => "BEGIN; LOCK TABLE cycle_tasks, sessions IN EXCLUSIVE MODE",
        };
        for stmt in lock.split("; ") {
            sqlx::raw_sql(sqlx::AssertSqlSafe(stmt)).execute(&mut *writer).await.unwrap();
        }
        for path in ["/", "/cycle", feed.as_str()] {
            let started = Instant::now();
            let reply =
                tokio::time::timeout(Duration::from_secs(4), s.client.get(format!("{}{path}", app.base)).send()).await;
            let status = reply.map(|r| r.map(|r| r.status()).ok());
            assert_eq!(status, Ok(Some(StatusCode::OK)), "{kind:?} {path}: after {:?}", started.elapsed());
        }
        sqlx::raw_sql("ROLLBACK").execute(&mut *writer).await.unwrap();
        assert_eq!(count().await, tasks, "{kind:?}");
    }
}
