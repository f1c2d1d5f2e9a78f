//! One organisation's export from a database several share, and its import as a new organisation
//! (issue 22, hosted mode): through the command line, with real files, on SQLite and PostgreSQL.

use std::collections::BTreeMap;
use std::process::Output;

use beredd::platform::db::Db;
use beredd::services::archive::as_new::NOT_COPIED;
use beredd::store::dump;
use beredd::store::scope::{self, Scope};
use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, beredd, fresh_db, kinds};

fn said(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[tokio::test]
async fn every_table_belongs_to_an_organisation_or_is_named_platform_wide() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        let tables = dump::tables(&db).await.unwrap();
        let scopes = scope::scopes(&tables).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        let platform: Vec<&str> =
            scopes.iter().filter(|(_, s)| **s == Scope::Platform).map(|(n, _)| n.as_str()).collect();
        assert_eq!(platform, scope::PLATFORM_WIDE, "{kind:?}");
        // Children are found through their parents (an incident's log, a course's completions).
        for child in ["incident_log", "board_items", "training_completions", "plan_units", "cycle_reminders"] {
            assert!(matches!(scopes[child], Scope::Child { .. } | Scope::Org), "{kind:?}: {child}");
        }
        assert!(matches!(scopes["board_items"], Scope::Child { ref parent, .. } if parent == "incidents"));
        let unknown = scope::unknown_ids(&tables);
        assert!(unknown.is_empty(), "{kind:?}: name these in store::scope::SOFT: {unknown:?}");
        db.close().await;
    }
}

/// How many rows of one organisation each of its tables holds.
async fn counts(db: &Db, org: i64) -> BTreeMap<String, usize> {
    let tables = dump::tables(db).await.unwrap();
    let scopes = scope::scopes(&tables).unwrap();
    let mut out = BTreeMap::new();
    for t in &tables {
        if let Some(c) = scope::condition(&scopes, &t.name) {
            out.insert(t.name.clone(), dump::rows_where(&db.pool, t, Some((&c, org))).await.unwrap().len());
        }
    }
    out
}

/// Every row of one organisation as text, to see that it did not change.
async fn snapshot(db: &Db, org: i64) -> Vec<String> {
    let tables = dump::tables(db).await.unwrap();
    let scopes = scope::scopes(&tables).unwrap();
    let mut out = Vec::new();
    for t in &tables {
        if let Some(c) = scope::condition(&scopes, &t.name) {
            for row in dump::rows_where(&db.pool, t, Some((&c, org))).await.unwrap() {
                out.push(format!("{} {row:?}", t.name));
            }
        }
    }
    out
}

async fn all_rows(db: &Db) -> usize {
    let mut n = 0;
    for t in dump::tables(db).await.unwrap() {
        n += usize::try_from(dump::count(&db.pool, &t.name).await.unwrap()).unwrap();
    }
    n
}

#[tokio::test]
async fn an_organisation_exported_from_a_shared_database_is_imported_as_a_new_one() {
    for kind in kinds() {
        let test_db = fresh_db(kind).await;
        let db = test_db.connect().await;
        db.migrate().await.unwrap();
        let source = beredd::content::demo::Source::Embedded;
        let b = beredd::content::demo::load(&db, &source, PASSWORD).await.unwrap().org_id;
        let a = beredd::content::demo::load(&db, &source, PASSWORD).await.unwrap().org_id;
        let app = TestApp::serve(db.clone(), a, kind, test_db).await;
        // A is in a crisis: its incident has a log, a board and a roster to carry.
        let sa = app.login_to(a, "admin").await;
        let (unit,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT MIN(pu.unit_id) FROM plan_units pu JOIN plans p ON p.id = pu.plan_id WHERE p.org_id = {a}"
        )))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        crate::crisis::start(&sa, unit).await;
        let a_slug = beredd::store::orgs::get(&db.pool, a).await.unwrap().unwrap().slug;

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.zip");
        let url = app.db_url();
        let out = beredd()
            .args(["--org", &a_slug, "export", "organisation", "--out", file.to_str().unwrap(), "--database", &url])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kind:?}: {}", said(&out));
        let a_counts = counts(&db, a).await;
        let a_before = snapshot(&db, a).await;
        let b_before = snapshot(&db, b).await;
        let bytes = std::fs::read(&file).unwrap();
        let export = beredd::services::archive::Export::read(&bytes).unwrap();
        // The file holds A's rows of every table, and no row naming B.
        for listed in &export.manifest.tables {
            assert_eq!(Some(&listed.rows), a_counts.get(&listed.name), "{kind:?}: {}", listed.name);
            for row in export.rows(&listed.name).unwrap() {
                assert_ne!(row.get("org_id").and_then(|v| v.as_i64()), Some(b), "{kind:?}: {}", listed.name);
            }
        }
        assert!(!export.manifest.tables.iter().any(|t| t.name == "meta"), "{kind:?}: the installation's rows stay");
        for t in ["incident_log", "board_items", "plan_versions", "training_completions", "dependencies"] {
            assert!(a_counts[t] > 0, "{kind:?}: A has {t} to carry");
        }
        let rows_before = all_rows(&db).await;

        // A changed byte is refused and nothing is written.
        let mut bad = bytes.clone();
        let at = bad.len() / 2;
        bad[at] ^= 0x55;
        let bad_file = dir.path().join("bad.zip");
        std::fs::write(&bad_file, &bad).unwrap();
        let import = |f: &std::path::Path, slug: &str| {
            beredd()
                .args(["import", "organisation", f.to_str().unwrap(), "--as-new", "--slug", slug])
                .args(["--name", "Kopians kommun", "--database", &url])
                .output()
                .unwrap()
        };
        let out = import(&bad_file, "kopian");
        assert!(!out.status.success(), "{kind:?}: a changed file is refused");
        assert!(said(&out).contains("ändrats eller skadats"), "{}", said(&out));
        assert_eq!(all_rows(&db).await, rows_before, "{kind:?}: nothing written");
        // A short name already taken is refused, naming it.
        let out = import(&file, &a_slug);
        assert!(!out.status.success());
        assert!(said(&out).contains(&format!("kortnamnet {a_slug:?} används redan")), "{}", said(&out));
        assert_eq!(all_rows(&db).await, rows_before, "{kind:?}: nothing written");

        let out = import(&file, "kopian");
        assert!(out.status.success(), "{kind:?}: {}", said(&out));
        let c = beredd::store::orgs::by_slug(&db.pool, "kopian").await.unwrap().expect("the new organisation");
        assert_eq!(c.name, "Kopians kommun");
        let c_counts = counts(&db, c.id).await;
        for (table, n) in &a_counts {
            let want = match table.as_str() {
                t if NOT_COPIED.contains(&t) => 0,
                "audit_log" => n + 1, // its import
                _ => *n,
            };
            assert_eq!(c_counts[table], want, "{kind:?}: {table}");
        }
        assert_eq!(snapshot(&db, a).await, a_before, "{kind:?}: A is unchanged");
        assert_eq!(snapshot(&db, b).await, b_before, "{kind:?}: B is unchanged");

        // The references inside the copy lead to the copy's own rows.
        let own = |sql: String| {
            let db = db.clone();
            async move {
                let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap();
                n
            }
        };
        let cid = c.id;
        assert_eq!(
            own(format!(
                "SELECT COUNT(*) FROM dependencies d WHERE d.org_id = {cid} AND d.from_kind = 'activity'
                 AND d.from_id NOT IN (SELECT id FROM activities WHERE org_id = {cid})"
            ))
            .await,
            0,
            "{kind:?}: dependencies start at the copy's activities"
        );
        assert_eq!(
            own(format!(
                "SELECT COUNT(*) FROM units WHERE org_id = {cid} AND manager_id IS NOT NULL
                 AND manager_id NOT IN (SELECT id FROM people WHERE org_id = {cid})"
            ))
            .await,
            0,
            "{kind:?}: managers are the copy's people"
        );
        let versions: Vec<(String,)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT content FROM plan_versions WHERE org_id = {cid}")))
                .fetch_all(&db.pool)
                .await
                .unwrap();
        let activities = beredd::store::activities::list(&db.pool, cid).await.unwrap();
        let mut routines = 0;
        for (content,) in &versions {
            let content: beredd_domain::plan::PlanContent = serde_json::from_str(content).unwrap();
            for r in content.routines.iter().filter_map(|r| r.activity_id) {
                assert!(activities.iter().any(|x| x.id == r), "{kind:?}: routine's activity {r} is the copy's");
                routines += 1;
            }
        }
        assert!(routines > 0, "{kind:?}: plan versions name activities");

        // The copy's administrator logs in with the same password and its pages work.
        let sc = app.login_to(c.id, "admin").await;
        let (plan,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT MIN(id) FROM plans WHERE org_id = {cid}")))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let incident: (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT MIN(id) FROM incidents WHERE org_id = {cid}")))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        for page in ["/", "/units", "/people", "/systems", "/plans", "/audit", "/dependencies"] {
            let r = sc.get(page).await;
            assert_eq!(r.status, StatusCode::OK, "{kind:?}: {page}");
        }
        for page in [format!("/plans/{plan}"), format!("/incidents/{}", incident.0)] {
            assert_eq!(sc.get(&page).await.status, StatusCode::OK, "{kind:?}: {page}");
        }
        let units = sc.get("/units").await.body;
        let a_unit = beredd::store::units::list(&db.pool, a).await.unwrap()[0].name.clone();
        assert!(units.contains(&a_unit), "{kind:?}: the copy has A's units");
    }
}
