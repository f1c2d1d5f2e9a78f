//! Storage on both databases: migrations, SQLite's settings, the demo municipality, a broken
//! demo file that loads nothing, and a corrupt code in a row that is an error, not a gap.

use crate::harness::{Logs, TestApp, fresh_db, kinds, texts};
use beredd_domain::{Hosting, SystemKind};
use reqwest::StatusCode;

#[tokio::test]
async fn migrations_run_once_and_again_is_a_no_op() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        assert_eq!(db.migrate().await.unwrap(), beredd::platform::db::MIGRATIONS.len(), "{kind:?}");
        assert_eq!(db.migrate().await.unwrap(), 0);
        db.close().await;
    }
}

#[tokio::test]
async fn a_changed_or_unknown_migration_stops_the_start_and_an_old_database_gets_its_checksums() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        let sums = async || -> Vec<Option<String>> {
            sqlx::query_as::<_, (Option<String>,)>("SELECT checksum FROM schema_migrations ORDER BY version")
                .fetch_all(&db.pool)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.0)
                .collect()
        };
        let recorded = sums().await;
        assert!(recorded.iter().all(|s| s.as_ref().is_some_and(|s| s.len() == 64)), "{kind:?}: {recorded:?}");

        // A database migrated before checksums were recorded gets them, and starts.
        sqlx::query("UPDATE schema_migrations SET checksum = NULL").execute(&db.pool).await.unwrap();
        assert_eq!(db.migrate().await.unwrap(), 0);
        assert_eq!(sums().await, recorded);

        // A migration file changed after it was applied: refused, naming the file.
        sqlx::query("UPDATE schema_migrations SET checksum = 'x' WHERE version = 3").execute(&db.pool).await.unwrap();
        let e = db.migrate().await.unwrap_err().to_string();
        assert!(e.contains("0003_bia.sql") && e.contains("never be edited"), "{e}");
        sqlx::query("UPDATE schema_migrations SET checksum = NULL WHERE version = 3").execute(&db.pool).await.unwrap();

        // A database from a newer Beredd: refused, and nothing is changed.
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')",
        )
        .execute(&db.pool)
        .await
        .unwrap();
        let e = db.migrate().await.unwrap_err().to_string();
        assert!(e.contains("999") && e.contains("newer Beredd"), "{e}");
        db.close().await;
    }
}

/// SQLite only: write-ahead logging and foreign keys are settings of a SQLite connection
/// (PostgreSQL always enforces its foreign keys and has no such modes).
#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_on() {
    let t = fresh_db(crate::harness::Kind::Sqlite).await;
    let db = t.connect().await;
    db.migrate().await.unwrap();
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode").fetch_one(&db.pool).await.unwrap();
    assert_eq!(mode, "wal");
    let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys").fetch_one(&db.pool).await.unwrap();
    assert_eq!(fk, 1);
    // A foreign key really is enforced.
    let r = sqlx::query("INSERT INTO activities (org_id, unit_id, name, criticality, created_at, updated_at) VALUES (1, 424242, 'x', 'viktig', 'a', 'a')").execute(&db.pool).await;
    assert!(r.is_err());
}

#[tokio::test]
async fn the_demo_municipality_loads_completely_on_both_databases() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        let summary = beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, "demo-lösenord-123")
            .await
            .unwrap();
        assert!(
            summary.units >= 20 && summary.people >= 40 && summary.systems >= 25 && summary.suppliers >= 6,
            "{kind:?}: {summary}"
        );
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap();
        assert_eq!(org.name, "Exempelkommun");
        assert_eq!(beredd::store::orgs::meta(&db.pool, "demo").await.unwrap().as_deref(), Some("true"));
        // Every activity has a business impact analysis, most of them approved.
        let analyses = beredd::store::bia::list(&db.pool, org.id).await.unwrap();
        assert_eq!(analyses.len(), summary.activities, "{kind:?}");
        assert!(analyses.iter().filter(|b| b.signed_off_by.is_some()).count() * 2 > analyses.len());
        // The safety alarms run at a supplier, outside the municipal network, as in Kalix.
        let systems = beredd::store::systems::list(&db.pool, org.id).await.unwrap();
        assert!(systems.iter().any(|s| s.kind == SystemKind::WelfareTech && s.hosting == Hosting::SupplierCloud));
        assert!(systems.iter().any(|s| s.hosting == Hosting::National));
        // Phone numbers are all from the range reserved for fiction, or public service numbers.
        let people = beredd::store::people::list(&db.pool, org.id).await.unwrap();
        for p in &people {
            for n in [&p.work_phone, &p.private_phone].into_iter().flatten() {
                let digits: String = n.chars().filter(char::is_ascii_digit).collect();
                let fiction = digits.len() == 10
                    && digits.starts_with("07017406")
                    && (5..=99).contains(&digits[8..].parse::<u32>().unwrap());
                assert!(fiction || ["112", "11414", "1177"].contains(&digits.as_str()), "{} has {n}", p.name);
            }
        }
        // A risk analysis with risks touching information assets, and an assessment against the
        // cybersecurity act whose gaps have actions in the action plan.
        let risks = beredd::store::risks::risks(&db.pool, org.id).await.unwrap();
        assert_eq!(risks.len(), 5, "{kind:?}");
        assert!(!beredd::store::risks::risk_assets(&db.pool, org.id).await.unwrap().is_empty());
        let assessments = beredd::store::frameworks::assessments(&db.pool, org.id).await.unwrap();
        assert_eq!(assessments.len(), 1);
        assert_eq!(assessments[0].framework_key, "cybersakerhetslagen");
        let answers = beredd::store::frameworks::answers(&db.pool, assessments[0].key()).await.unwrap();
        assert_eq!(answers.len(), 8);
        let linked = beredd::store::frameworks::linked_actions(&db.pool, assessments[0].key()).await.unwrap();
        assert_eq!(linked.len(), 5);
        let actions = beredd::store::actions::list(&db.pool, org.id).await.unwrap();
        assert_eq!(actions.iter().filter(|a| a.origin == beredd_domain::ActionOrigin::Risk).count(), 3);
        assert_eq!(actions.iter().filter(|a| a.origin == beredd_domain::ActionOrigin::Framework).count(), 5);
        // The admin can log in with the given password.
        let admin = beredd::store::users::by_username(&db.pool, org.id, "admin").await.unwrap().unwrap();
        assert!(beredd::web::auth::verify_password("demo-lösenord-123", &admin.password_hash));
        db.close().await;
    }
}

#[tokio::test]
async fn a_broken_demo_file_names_the_file_record_and_field_and_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../library/demo");
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let people = std::fs::read_to_string(dir.path().join("people.toml")).unwrap();
    let broken = people.replacen("work_phone = \"070-174 06 05\"", "work_phone = \"ring växeln\"", 1);
    assert_ne!(people, broken, "the fixture line exists");
    std::fs::write(dir.path().join("people.toml"), broken).unwrap();
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        let err = beredd::content::demo::load(
            &db,
            &beredd::content::demo::Source::Folder(dir.path().into()),
            "demo-lösenord-123",
        )
        .await
        .unwrap_err()
        .to_string();
        assert!(err.contains("people.toml") && err.contains("work_phone"), "{err}");
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM units").fetch_one(&db.pool).await.unwrap();
        assert_eq!(n, 0, "{kind:?}: nothing half-loaded");
        db.close().await;
    }
}

/// The stored codes, days and times a page reads: (table, column, which row, the page). Each is decoded into its
/// vocabulary once, in the store. A `{column}` in the page is that column of the row.
const CODES: &[(&str, &str, &str, &str)] = &[
    ("systems", "kind", ORG, "/systems"),
    ("systems", "hosting", ORG, "/systems"),
    ("systems", "provides", ORG, "/systems"),
    ("activities", "criticality", ORG, "/activities"),
    ("resources", "kind", ORG, "/resources"),
    ("units", "kind", ORG, "/units"),
    ("people", "kind", ORG, "/people"),
    ("actions", "status", ORG, "/actions"),
    ("actions", "priority", ORG, "/actions"),
    ("dependencies", "from_kind", ORG, "/dependencies"),
    ("dependencies", "to_kind", ORG, "/dependencies"),
    ("dependencies", "need", ORG, "/dependencies"),
    ("risks", "decision", ORG, "/risks"),
    // The newest version of a plan, which the list reads.
    (
        "plan_versions",
        "status",
        "org_id = $1 AND number = (SELECT MAX(number) FROM plan_versions w WHERE w.plan_id = plan_versions.plan_id)",
        "/plans",
    ),
    // Not the admin, whose session the test uses.
    ("users", "role", "org_id = $1 AND username <> 'admin'", "/users"),
    ("incidents", "status", ORG, "/incidents"),
    ("lessons", "kind", IN_ORG_INCIDENT, "/incidents/{incident_id}/lessons"),
    ("lessons", "target", IN_ORG_INCIDENT, "/incidents/{incident_id}/lessons"),
    ("cycle_items", "kind", ORG, "/cycle"),
    ("assessments", "status", ORG, "/systems/{system_id}/assessment"),
    // How a classification was made, which its asset's page shows.
    ("classifications", "origin", ORG, "/assets/{asset_id}"),
    // Days (`YYYY-MM-DD`) are read into days once, in the store, as codes are.
    ("cycle_items", "start_date", ORG, "/cycle"),
    ("cycle_tasks", "due_date", "item_id IN (SELECT id FROM cycle_items WHERE org_id = $1)", "/cycle"),
    (
        "training_completions",
        "completed_on",
        "course_id IN (SELECT id FROM training_courses WHERE org_id = $1)",
        "/governance/training",
    ),
    ("actions", "due_date", ORG, "/actions"),
    ("risk_analyses", "held_on", ORG, "/risks"),
    ("plans", "review_due", ORG, "/plans"),
    ("documents", "review_on", ORG, "/governance/documents"),
    ("bia", "signed_off_at", ORG, "/activities/{activity_id}"),
    // Times (RFC 3339, UTC) are read into stamps once, in the store, as days are.
    ("systems", "updated_at", ORG, "/systems"),
    ("actions", "updated_at", ORG, "/actions"),
    ("incidents", "started_at", ORG, "/incidents"),
    // Stored times in columns not named `*_at`: the audit trail's newest entry (the page shows
    // the newest first) and a document's acknowledgement, which every document page reads.
    ("audit_log", "at", "org_id = $1 AND id = (SELECT MAX(id) FROM audit_log WHERE org_id = $1)", "/audit"),
    // The moment a timed decision on an incident is about, which its reporting page shows.
    (
        "incident_assessments",
        "at",
        "incident_id IN (SELECT id FROM incidents WHERE org_id = $1) AND at IS NOT NULL",
        "/incidents/{incident_id}/reporting",
    ),
    (
        "document_acknowledgements",
        "at",
        "version_id IN (SELECT v.id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.org_id = $1)",
        "/governance/documents",
    ),
];

/// A row's key as text: its id, or for a table without one, its primary key.
fn key_of(table: &str) -> &'static str {
    match table {
        "assessments" => "CAST(system_id AS TEXT) || ':' || requirement_id",
        "bia" => "CAST(activity_id AS TEXT)",
        _ => "CAST(id AS TEXT)",
    }
}

/// The organisation's rows (`$1` is its id).
const ORG: &str = "org_id = $1";
const IN_ORG_INCIDENT: &str = "incident_id IN (SELECT id FROM incidents WHERE org_id = $1)";

/// A code Beredd never wrote (a hand edit, a bad restore) makes the page that reads it the error
/// page, with a reference to a logged error that names the code, rather than a list that leaves
/// the row out or shows it without its label. The row is put back after each check.
#[tokio::test]
async fn a_corrupt_code_in_a_row_is_a_logged_error_not_a_row_left_out() {
    let (logs, _guard) = Logs::capture();
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, crate::harness::PASSWORD)
            .await
            .unwrap();
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        let app = TestApp::serve(db, org, kind, t).await;
        app.add_user("reader", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        // The demo's incidents are exercises started without a timed decision: an incident
        // started through its form holds one (kännedom).
        let (unit,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM units WHERE org_id = $1")
            .bind(org)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        crate::crisis::start(&s, unit).await;
        for (table, column, which, page) in CODES {
            // The page's `{column}`, if any, is read from the row as well.
            let param = page.split_once('{').and_then(|(_, rest)| rest.split_once('}')).map(|(c, _)| c);
            let key = key_of(table);
            let (id, was, value): (String, Option<String>, i64) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {key}, {column}, {} FROM {table} WHERE {which} ORDER BY {key} LIMIT 1",
                param.unwrap_or("0")
            )))
            .bind(org)
            .fetch_one(&app.db.pool)
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: a row of {table}: {e}"));
            let page = match param {
                Some(p) => page.replace(&format!("{{{p}}}"), &value.to_string()),
                None => page.to_string(),
            };
            assert_eq!(s.get(&page).await.status, StatusCode::OK, "{kind:?}: {page} before");
            let set = format!("UPDATE {table} SET {column} = $1 WHERE {key} = $2");
            sqlx::query(sqlx::AssertSqlSafe(set.clone()))
                .bind("no-such-code")
                .bind(&id)
                .execute(&app.db.pool)
                .await
                .unwrap();
            // A hand edit does not move the register version the server keeps its copies at;
            // the next write through Beredd (or a restart) does: stand in for it.
            moved_on(&app, org).await;

            let r = s.get(&page).await;
            assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{kind:?}: {table}.{column} on {page}");
            let reference = texts(&r.body, "main code, code").into_iter().next().unwrap_or_default();
            assert!(!reference.is_empty(), "{kind:?}: {page} is the error page with a reference: {}", r.body);
            let logged = logs.text();
            let line = logged.lines().find(|l| l.contains(&reference)).unwrap_or_default();
            assert!(
                line.contains("ERROR") && line.contains("stored data cannot be read") && line.contains("no-such-code"),
                "{kind:?}: {table}.{column}: the log names the corrupt code under {reference}:\n{logged}"
            );

            sqlx::query(sqlx::AssertSqlSafe(set)).bind(was).bind(&id).execute(&app.db.pool).await.unwrap();
            moved_on(&app, org).await;
            assert_eq!(s.get(&page).await.status, StatusCode::OK, "{kind:?}: {page} after");
        }
    }
}

async fn moved_on(app: &TestApp, org: i64) {
    beredd::store::versions::bump(&app.db.pool, org).await.unwrap();
}
