//! Links the database keeps (security review F13 and its latent hazards): since migration 38 the
//! person a user is and what a risk analysis covers are foreign keys. The migration empties a link
//! that points at nothing or at another organisation's row; afterwards a removed person empties
//! the user's link, and a unit, system or activity a risk analysis covers is kept, with a link to
//! the analysis, until the analysis no longer covers it.

use reqwest::StatusCode;

use crate::harness::{TestApp, fresh_db, id_of, kinds, texts};

const AT: &str = "'2025-01-01T00:00:00Z'";

/// Runs an INSERT … RETURNING id.
async fn insert(db: &beredd::platform::db::Db, sql: String) -> i64 {
    let (id,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap();
    id
}

#[tokio::test]
async fn migration_37_empties_links_to_nothing_and_to_another_organisation() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate_to(36).await.unwrap();
        let org =
            |name: &str| format!("INSERT INTO organisations (name, created_at) VALUES ('{name}', {AT}) RETURNING id");
        let (ours, theirs) = (insert(&db, org("Kommunen")).await, insert(&db, org("Grannkommunen")).await);
        let person = |o: i64, name: &str| {
            format!(
                "INSERT INTO people (org_id, kind, name, created_at, updated_at) VALUES ({o}, 'staff', '{name}', {AT}, {AT}) RETURNING id"
            )
        };
        let (anna, their_person) = (insert(&db, person(ours, "Anna")).await, insert(&db, person(theirs, "Bo")).await);
        let unit = |o: i64| {
            format!(
                "INSERT INTO units (org_id, kind, name, created_at, updated_at) VALUES ({o}, 'forvaltning', 'Enhet {o}', {AT}, {AT}) RETURNING id"
            )
        };
        let (unit, their_unit) = (insert(&db, unit(ours)).await, insert(&db, unit(theirs)).await);
        let system = insert(&db, format!("INSERT INTO systems (org_id, name, kind, hosting, created_at, updated_at) VALUES ({ours}, 'Lön', 'it_system', 'internal', {AT}, {AT}) RETURNING id")).await;
        let activity = insert(&db, format!("INSERT INTO activities (org_id, unit_id, name, criticality, created_at, updated_at) VALUES ({ours}, {unit}, 'Löneutbetalning', 'viktig', {AT}, {AT}) RETURNING id")).await;
        // Users linked to their own organisation's person, to no row, and to another's person.
        for (name, link) in [("anna", anna), ("ingen", 999_999), ("granne", their_person)] {
            insert(&db, format!("INSERT INTO users (org_id, username, display_name, password_hash, role, created_at, updated_at, person_id) VALUES ({ours}, '{name}', '{name}', 'x', 'reader', {AT}, {AT}, {link}) RETURNING id")).await;
        }
        // Analyses covering each kind of row: kept, gone, another organisation's.
        let scopes = [
            ("enhet", "'unit'", unit),
            ("system", "'system'", system),
            ("verksamhet", "'activity'", activity),
            ("hela", "'org'", 0),
            ("borta", "'unit'", 999_999),
            ("grannens", "'unit'", their_unit),
        ];
        for (title, k, id) in scopes {
            let id = if id == 0 { "NULL".to_owned() } else { id.to_string() };
            insert(&db, format!("INSERT INTO risk_analyses (org_id, title, scope, held_on, created_by, created_at, scope_kind, scope_id) VALUES ({ours}, '{title}', 'Beskrivning', '2025-01-01', 'x', {AT}, {k}, {id}) RETURNING id")).await;
        }

        db.migrate().await.unwrap();
        let links: Vec<(String, Option<i64>)> =
            sqlx::query_as("SELECT username, person_id FROM users ORDER BY username")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            links,
            [("anna".to_owned(), Some(anna)), ("granne".to_owned(), None), ("ingen".to_owned(), None)],
            "{kind:?}"
        );
        let analyses = beredd::store::risks::analyses(&db.pool, ours).await.unwrap();
        let scope = |title: &str| {
            let a = analyses.iter().find(|a| a.title == title).unwrap();
            (a.scope_kind.map(|k| k.code().to_owned()), a.scope_id, a.scope.clone())
        };
        let some = |k: &str, id: i64| (Some(k.to_owned()), Some(id), "Beskrivning".to_owned());
        assert_eq!(scope("enhet"), some("unit", unit), "{kind:?}");
        assert_eq!(scope("system"), some("system", system), "{kind:?}");
        assert_eq!(scope("verksamhet"), some("activity", activity), "{kind:?}");
        assert_eq!(scope("hela"), (Some("org".to_owned()), None, "Beskrivning".to_owned()), "{kind:?}");
        for gone in ["borta", "grannens"] {
            assert_eq!(scope(gone), (None, None, "Beskrivning".to_owned()), "{kind:?}: {gone}");
        }

        // From now on the database refuses a link to nothing, and a removed person empties it.
        let bad = sqlx::query("UPDATE users SET person_id = 999999 WHERE username = 'anna'").execute(&db.pool).await;
        assert!(bad.is_err(), "{kind:?}: a link to no person is refused");
        let bad = sqlx::query("UPDATE risk_analyses SET scope_unit_id = 999999 WHERE title = 'enhet'")
            .execute(&db.pool)
            .await;
        assert!(bad.is_err(), "{kind:?}: a scope that is no unit is refused");
        sqlx::query("DELETE FROM people WHERE id = $1").bind(anna).execute(&db.pool).await.unwrap();
        beredd::store::versions::bump(&db.pool, ours).await.unwrap();
        let (link,): (Option<i64>,) =
            sqlx::query_as("SELECT person_id FROM users WHERE username = 'anna'").fetch_one(&db.pool).await.unwrap();
        assert_eq!(link, None, "{kind:?}");
        db.close().await;
    }
}

#[tokio::test]
async fn what_a_risk_analysis_covers_is_not_deleted_under_it_and_a_users_person_may_be() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Löneenheten", None).await;
        let sys = id_of(
            &s.post("/systems/new", &[("name", "Lönesystem"), ("kind", "it_system"), ("hosting", "internal")]).await,
        );
        let act = id_of(
            &s.post(
                "/activities/new",
                &[("name", "Löneutbetalning"), ("unit", &unit.to_string()), ("criticality", "viktig")],
            )
            .await,
        );
        let mut analyses = Vec::new();
        for (title, scope) in [
            ("Enhetens risker", format!("unit:{unit}")),
            ("Systemets risker", format!("system:{sys}")),
            ("Verksamhetens risker", format!("activity:{act}")),
        ] {
            let r = s
                .post(
                    "/risks/analyses",
                    &[("a_title", title), ("a_scope_ref", &scope), ("a_scope", "Lön"), ("a_held_on", "2026-11-20")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
            let id = r.location.unwrap().split('/').nth(3).unwrap().split('?').next().unwrap().to_owned();
            analyses.push((title, id));
        }
        // Each shows what it covers, as a link.
        let page = s.get(&format!("/risks/analyses/{}", analyses[1].1)).await.body;
        assert!(page.contains(&format!("href=\"/systems/{sys}\"")), "{kind:?}");

        // The activity first (the unit holds it): refused with a link to the analysis, no 500.
        for (path, (title, id)) in
            [(format!("/activities/{act}/delete"), &analyses[2]), (format!("/systems/{sys}/delete"), &analyses[1])]
        {
            let r = s.post(&path, &[]).await;
            assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?} {path}");
            let points = format!("Riskanalys: <a href=\"/risks/analyses/{id}\">{title}</a>");
            assert!(r.body.contains(&points), "{kind:?} {path}: {}", texts(&r.body, "main li").join(" | "));
        }
        let r = s.post(&format!("/units/{unit}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?}");
        assert!(r.body.contains(&format!("<a href=\"/risks/analyses/{}\">Enhetens risker</a>", analyses[0].1)));

        // Once it covers the whole organisation instead, the system goes.
        let edit =
            [("a_title", "Systemets risker"), ("a_scope_ref", "org"), ("a_scope", "Lön"), ("a_held_on", "2026-11-20")];
        let r = s.post(&format!("/risks/analyses/{}/edit", analyses[1].1), &edit).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        assert_eq!(s.post(&format!("/systems/{sys}/delete"), &[]).await.status, StatusCode::SEE_OTHER, "{kind:?}");

        // A person a user says they are may be removed: the user's link is emptied, not left dangling.
        let person = id_of(
            &s.post("/people/new", &[("name", "Lena Lön"), ("kind", "staff"), ("unit", &unit.to_string())]).await,
        );
        app.add_user("lena", beredd_domain::Role::Reader, &[]).await;
        let lena = app.login("lena").await;
        assert_eq!(lena.post("/account/person", &[("person", &person)]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(s.post(&format!("/people/{person}/delete"), &[]).await.status, StatusCode::SEE_OTHER, "{kind:?}");
        let (link,): (Option<i64>,) = sqlx::query_as("SELECT person_id FROM users WHERE username = 'lena'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(link, None, "{kind:?}");
        assert_eq!(lena.get("/account").await.status, StatusCode::OK, "{kind:?}");
        assert_eq!(lena.get("/").await.status, StatusCode::OK, "{kind:?}");
    }
}
