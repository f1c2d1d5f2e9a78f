//! Upgrades keep everything (issue 19): every release that added a migration left, under
//! `tests/fixtures/releases/schema-<N>/`, a database and an organisation export written by it
//! (`scripts/release-fixture`). This version opens each database (migrations forward, every row
//! still there, people log in, the pages answer, the crisis logs verify) and reads each export
//! into both databases.

use std::collections::BTreeMap;

use beredd::platform::db::Db;
use beredd::store::dump;

use crate::harness::{Kind, TestApp, beredd, fresh_db, kinds};

fn releases() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "at least the first release's fixtures are kept");
    dirs
}

async fn counts(db: &Db) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for t in dump::tables(db).await.unwrap() {
        out.insert(t.name.clone(), dump::count(&db.pool, &t.name).await.unwrap());
    }
    out
}

async fn every_log_verifies(db: &Db, org: i64, what: &str) -> usize {
    let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM incidents ORDER BY id").fetch_all(&db.pool).await.unwrap();
    let mut conn = db.pool.acquire().await.unwrap();
    for (id,) in &ids {
        let v = beredd::store::incidents::verify(&mut conn, org, *id).await.unwrap().unwrap();
        assert!(matches!(v, beredd::store::incidents::Verdict::Intact { .. }), "{what}: incident {id}: {v:?}");
    }
    ids.len()
}

/// Logs in as the fixture's administrator and follows the links from the start page: no page
/// of the old data fails.
async fn pages_answer(app: &TestApp, what: &str) -> usize {
    let s = app.login("admin").await;
    let routes = beredd::web::routes::table();
    let paths = |m: axum::http::Method| -> Vec<String> {
        routes.iter().filter(|r| r.method == m).map(|r| r.path.clone()).collect()
    };
    let site =
        crate::hostile::site::crawl(&s, &["/"], &paths(axum::http::Method::GET), &paths(axum::http::Method::POST), 1)
            .await;
    assert!(site.pages.len() > 40, "{what}: the crawl reached {} pages", site.pages.len());
    site.pages.len()
}

#[tokio::test]
async fn every_older_database_opens_with_its_rows_its_logins_its_pages_and_its_logs() {
    for dir in releases() {
        let what = dir.file_name().unwrap().to_string_lossy().into_owned();
        let t = fresh_db(Kind::Sqlite).await;
        let file = t.url.strip_prefix("sqlite://").unwrap().to_owned();
        std::fs::copy(dir.join("beredd.db"), &file).unwrap();
        let before = {
            let old = Db::connect_to_inspect(&t.url).await.unwrap();
            let c = counts(&old).await;
            old.close().await;
            c
        };
        let db = t.connect().await;
        db.migrate().await.unwrap_or_else(|e| panic!("{what}: {e}"));
        let after = counts(&db).await;
        for (table, n) in &before {
            assert_eq!(after.get(table), Some(n), "{what}: table {table} keeps its rows");
        }
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        assert!(every_log_verifies(&db, org, &what).await > 0, "{what}: the demo has incidents");
        let app = TestApp::serve(db, org, Kind::Sqlite, t).await;
        pages_answer(&app, &what).await;
    }
}

#[tokio::test]
async fn every_older_export_reads_into_both_databases() {
    for dir in releases() {
        let what = dir.file_name().unwrap().to_string_lossy().into_owned();
        let zip = dir.join("organisation.zip");
        let export = beredd::services::archive::Export::read(&std::fs::read(&zip).unwrap()).unwrap();
        for kind in kinds() {
            let t = fresh_db(kind).await;
            let out = beredd().args(["import", "organisation", "--database", &t.url]).arg(&zip).output().unwrap();
            assert!(out.status.success(), "{what} {kind:?}: {}", String::from_utf8_lossy(&out.stderr));
            let db = t.connect().await;
            let after = counts(&db).await;
            for table in &export.manifest.tables {
                assert_eq!(after.get(&table.name), Some(&(table.rows as i64)), "{what} {kind:?}: {}", table.name);
            }
            let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
            every_log_verifies(&db, org, &what).await;
            let app = TestApp::serve(db, org, kind, t).await;
            let s = app.login("admin").await;
            assert_eq!(s.get("/incidents").await.status, reqwest::StatusCode::OK, "{what} {kind:?}");
        }
    }
}

/// An export written at an older schema is read at that schema in a scratch database and carried
/// forward by the migrations, their own steps included: the calendar address kept in clear before
/// migration 29 arrives as its hash.
#[tokio::test]
async fn an_export_from_an_older_schema_is_carried_forward_by_the_migrations() {
    let old = fresh_db(Kind::Sqlite).await;
    let db = old.connect().await;
    db.migrate_to(28).await.unwrap();
    sqlx::query("INSERT INTO organisations (name, created_at) VALUES ('Gamla kommunen', '2025-01-01T00:00:00Z')")
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO users (org_id, username, display_name, password_hash, role, created_at, updated_at, calendar_token)
         VALUES (1, 'anna', 'Anna', 'x', 'admin', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'hemligt-kalender')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let mut bytes = std::io::Cursor::new(Vec::new());
    let manifest = beredd::services::archive::write(&db, &mut bytes).await.unwrap();
    assert_eq!(manifest.schema_version, 28);
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("gammal.zip");
    std::fs::write(&zip, bytes.get_ref()).unwrap();
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let out = beredd().args(["import", "organisation", "--database", &t.url]).arg(&zip).output().unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(said.contains("schemaversion 28") && said.contains("fördes fram"), "{said}");
        let db = t.connect().await;
        let (token, hash): (Option<String>, Option<String>) =
            sqlx::query_as("SELECT calendar_token, calendar_token_hash FROM users WHERE username = 'anna'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(token, None, "{kind:?}");
        assert_eq!(hash.as_deref().map(str::len), Some(64), "{kind:?}");
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM schema_migrations").fetch_one(&db.pool).await.unwrap();
        assert_eq!(n, beredd::platform::db::MIGRATIONS.len() as i64);
        db.close().await;
    }
}
