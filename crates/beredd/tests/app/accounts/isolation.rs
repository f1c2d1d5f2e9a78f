//! Organisations sharing one installation do not see or change each other (issue 22, hosted
//! mode). Two demo municipalities in one database: B is loaded first, then every table's counter
//! is moved past a limit so that A's ids can never be B's. Logged in as A's administrator, every
//! route of the router's table that takes an id is requested with every id of B's rows of the
//! table the route names (read from the database); with its other ids B's as well, and again with
//! A's own record above B's child. Every answer is 404, no answer shows anything of B, and B's
//! rows are the same afterwards.

use std::collections::BTreeMap;

use beredd::platform::db::Backend;
use beredd::web::routes::{Access, table};
use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, fresh_db, kinds};

/// Every id of A is at least this; every id of B below it.
const LIMIT: i64 = 1_000_000;

/// An id no table has.
const GHOST: i64 = 999_999_999;

/// What B's records are renamed to carry, so that a page showing one of them is seen.
const B_MARK: &str = "Hemligt-i-B";

/// The table a route's id names, by the words before it: `(path up to the parameter, table)`;
/// an empty table is a key every organisation has its own of, not a row's id. A route with an id
/// parameter that matches none fails the test: a new route is added here on purpose.
const ID_TABLES: &[(&str, &str)] = &[
    ("/account/passkeys/{id}", "passkeys"),
    ("/actions/{id}", "actions"),
    ("/activities/{id}", "activities"),
    ("/api-tokens/{id}", "api_tokens"),
    ("/assessments/{id}", "framework_assessments"),
    ("/assessments/{id}/requirements/{node}/unlink/{action}", "actions"),
    ("/assets/{id}", "assets"),
    ("/cycle/tasks/{id}", "cycle_tasks"),
    ("/dependencies/{id}", "dependencies"),
    ("/evidence/{id}", "evidence_files"),
    ("/framework-evidence/{id}", "framework_evidence"),
    ("/governance/documents/{id}", "documents"),
    ("/governance/reviews/{id}", "management_reviews"),
    ("/governance/training/units/{id}", "units"),
    ("/governance/training/{id}", "training_courses"),
    ("/governance/training/{id}/completions/{completion}", "training_completions"),
    ("/incidents/{id}", "incidents"),
    ("/jobs/{id}", "jobs"),
    ("/lessons/{id}", "lessons"),
    ("/incidents/{id}/board/{item}", "board_items"),
    ("/incidents/{id}/media/{mid}", "media_requests"),
    ("/incidents/{id}/messages/{mid}", "incident_messages"),
    ("/incidents/{id}/recovery/{item}", "backlog_items"),
    ("/incidents/{id}/roster/{row}", "incident_roster"),
    ("/incidents/{id}/staff/{person}", "people"),
    ("/people/{id}", "people"),
    ("/plans/{id}", "plans"),
    // A plan template of the library, the same for every organisation.
    ("/plan-templates/{id}", ""),
    // A requirement's key (the catalogue's, or the organisation's own), not a row's id: the same
    // key names each organisation's own requirement.
    ("/requirements/{id}", ""),
    ("/resources/{id}", "resources"),
    ("/risks/analyses/{id}", "risk_analyses"),
    ("/risks/{id}", "risks"),
    ("/scenarios/{id}", "scenarios"),
    // An item of the shared library (migration 52): the platform's table, not an organisation's,
    // read by every organisation on purpose, and only as its copy. That another organisation
    // cannot withdraw it, and that taking a copy in never touches the publisher's rows, is
    // tests/app/sharing.rs.
    ("/shared/{id}", ""),
    ("/suppliers/{id}", "suppliers"),
    ("/systems/{id}", "systems"),
    ("/units/{id}", "units"),
    ("/users/{id}", "users"),
];

/// Parameters that are not a record's id, with a value of the right shape.
const OTHER_PARAMS: &[(&str, &str)] = &[
    ("n", "1"),
    ("node", "1"),
    ("area", "styrning"),
    ("req", "1"),
    ("kind", "gdpr"),
    ("format", "xlsx"),
    ("file", "x.pdf"),
    ("duty", "nis2"),
    ("register", "units"),
    ("token", "x"),
    ("key", "x"),
    ("version", "1"),
    ("slug", "x"),
    ("*path", "app.css"),
];

/// The `{parameters}` of a path, in order, each with the path up to and including it.
fn params(path: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = path[at..].find('{').map(|o| at + o) {
        let close = path[open..].find('}').map(|c| open + c).expect("closed");
        out.push((path[open + 1..close].to_owned(), path[..=close].to_owned()));
        at = close + 1;
    }
    out
}

/// The path with each parameter given a value, in order.
fn fill(path: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut rest = path;
    for v in values {
        let open = rest.find('{').expect("a parameter");
        let close = rest[open..].find('}').map(|c| open + c).expect("closed");
        out.push_str(&rest[..open]);
        out.push_str(v);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The table of an id parameter (its path up to and including it).
fn id_table(upto: &str) -> Option<&'static str> {
    ID_TABLES.iter().find(|(p, _)| *p == upto).map(|(_, t)| *t)
}

/// Moves every table's id counter to `LIMIT`, so the next rows of any table get ids from there.
async fn move_counters(db: &beredd::platform::db::Db) {
    for t in beredd::store::dump::tables(db).await.unwrap().iter().filter(|t| t.has_id()) {
        let name = &t.name;
        let sql = match db.backend {
            Backend::Sqlite => format!(
                "INSERT INTO sqlite_sequence (name, seq) SELECT '{name}', {LIMIT} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{name}')"
            ),
            Backend::Postgres => format!("SELECT setval(pg_get_serial_sequence('{name}', 'id'), {LIMIT})"),
        };
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.pool).await.unwrap();
        if db.backend == Backend::Sqlite {
            sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE sqlite_sequence SET seq = {LIMIT} WHERE name = '{name}'")))
                .execute(&db.pool)
                .await
                .unwrap();
        }
    }
}

/// B's rows: in every table with ids, the rows below the limit, each as its text; in every table
/// with an organisation, the number of B's rows.
async fn b_rows(db: &beredd::platform::db::Db, b: i64) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for t in beredd::store::dump::tables(db).await.unwrap() {
        let rows = beredd::store::dump::rows(&db.pool, &t).await.unwrap();
        let id_at = t.columns.iter().position(|c| c.name == "id");
        let org_at = t.columns.iter().position(|c| c.name == "org_id");
        let mine = |r: &Vec<beredd::store::dump::Value>| {
            use beredd::store::dump::Value::Integer;
            match (id_at, org_at) {
                (_, Some(o)) => r[o] == Integer(b),
                (Some(i), None) => matches!(r[i], Integer(n) if n < LIMIT),
                (None, None) => false,
            }
        };
        let mut kept: Vec<String> = rows.iter().filter(|r| mine(r)).map(|r| format!("{r:?}")).collect();
        kept.sort();
        out.insert(t.name.clone(), kept);
    }
    out
}

/// B's ids in `table`, read from the database.
async fn b_ids(db: &beredd::platform::db::Db, table: &str) -> Vec<i64> {
    let sql = format!("SELECT id FROM {table} WHERE id < {LIMIT} ORDER BY id");
    let rows: Vec<(i64,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await.unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

/// One of A's own ids in `table` (the first), if A has any.
async fn an_a_id(db: &beredd::platform::db::Db, table: &str) -> Option<i64> {
    let sql = format!("SELECT MIN(id) FROM {table} WHERE id >= {LIMIT}");
    let (id,): (Option<i64>,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap();
    id
}

/// The paths to request for one route: every id of B in the table of its last id, with B's first
/// ids in the tables of the others; and when it has an id above that, A's own record there. Each
/// with the same path for an id that does not exist.
async fn paths_for(db: &beredd::platform::db::Db, path: &str) -> Vec<(String, String)> {
    let ps = params(path);
    let ids: Vec<usize> = (0..ps.len()).filter(|&i| !OTHER_PARAMS.iter().any(|(n, _)| *n == ps[i].0)).collect();
    let Some(&last) = ids.last() else { return Vec::new() };
    let mut tables = BTreeMap::new();
    for &i in &ids {
        let t = id_table(&ps[i].1).unwrap_or_else(|| panic!("{path}: no table for {{{}}} in ID_TABLES", ps[i].0));
        if t.is_empty() {
            return Vec::new();
        }
        tables.insert(i, t);
    }
    let other = |i: usize| OTHER_PARAMS.iter().find(|(n, _)| *n == ps[i].0).map(|(_, v)| (*v).to_owned());
    let mut firsts = BTreeMap::new();
    for (&i, t) in &tables {
        firsts.insert(i, b_ids(db, t).await.first().copied());
    }
    let mut out = Vec::new();
    for id in b_ids(db, tables[&last]).await {
        let b_values: Vec<String> = (0..ps.len())
            .map(|i| match (i == last, other(i), firsts.get(&i)) {
                (true, _, _) => id.to_string(),
                (false, Some(v), _) => v,
                (false, None, Some(Some(first))) => first.to_string(),
                (false, None, _) => "1".to_owned(),
            })
            .collect();
        let ghost = |mut values: Vec<String>| {
            values[last] = GHOST.to_string();
            fill(path, &values)
        };
        out.push((fill(path, &b_values), ghost(b_values.clone())));
        if let Some(&outer) = ids.first().filter(|&&o| o != last)
            && let Some(mine) = an_a_id(db, tables[&outer]).await
        {
            let mut mixed = b_values.clone();
            mixed[outer] = mine.to_string();
            out.push((fill(path, &mixed), ghost(mixed)));
        }
    }
    out
}

/// The id parameters of the router's routes that `ID_TABLES` does not name.
fn unnamed_ids() -> Vec<String> {
    let mut out = Vec::new();
    for route in table().iter().filter(|r| r.access == Access::Session) {
        for (name, upto) in params(&route.path) {
            if !OTHER_PARAMS.iter().any(|(n, _)| *n == name) && id_table(&upto).is_none() {
                out.push(format!("{} {upto}", route.method));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_id_a_route_takes_names_its_table() {
    let unnamed = unnamed_ids();
    assert!(unnamed.is_empty(), "add these to ID_TABLES:\n{}", unnamed.join("\n"));
}

#[tokio::test]
async fn an_organisation_reaches_nothing_of_another_through_any_route() {
    for kind in kinds() {
        let test_db = fresh_db(kind).await;
        let db = test_db.connect().await;
        db.migrate().await.unwrap();
        let source = beredd::content::demo::Source::Embedded;
        let b = beredd::content::demo::load(&db, &source, PASSWORD).await.unwrap().org_id;
        let app = TestApp::serve(db.clone(), b, kind, test_db).await;
        // B is in a crisis: an incident for a unit with approved plans fills its board and roster.
        let sb = app.login_to(b, "admin").await;
        let (unit,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT MIN(pu.unit_id) FROM plan_units pu JOIN plans p ON p.id = pu.plan_id WHERE p.org_id = {b}"
        )))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        crate::crisis::start(&sb, unit).await;
        move_counters(&db).await;
        let a = beredd::content::demo::load(&db, &source, PASSWORD).await.unwrap().org_id;
        assert!(a >= LIMIT && b < LIMIT, "{kind:?}: A's ids are above the limit, B's below");
        for sql in [
            format!("UPDATE organisations SET name = '{B_MARK} kommun' WHERE id = {b}"),
            format!("UPDATE systems SET name = name || ' {B_MARK}' WHERE org_id = {b}"),
            format!("UPDATE people SET name = name || ' {B_MARK}' WHERE org_id = {b}"),
            format!("UPDATE incidents SET title = title || ' {B_MARK}' WHERE org_id = {b}"),
        ] {
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.pool).await.unwrap();
        }
        beredd::store::versions::bump(&db.pool, b).await.unwrap();
        let s = app.login_to(a, "admin").await;
        let before = b_rows(&db, b).await;
        for t in ["systems", "people", "incidents", "board_items", "incident_messages", "training_completions"] {
            assert!(!before[t].is_empty(), "{kind:?}: B has {t} to reach for");
        }

        let mut asked = 0;
        let mut wrong = Vec::new();
        let ask = async |method: &axum::http::Method, path: &str| {
            let url = format!("{}{path}", app.base);
            let resp = if *method == axum::http::Method::GET {
                s.client.get(&url).send().await.unwrap()
            } else {
                s.client.post(&url).form(&[("_csrf", s.csrf.as_str()), ("name", "x")]).send().await.unwrap()
            };
            (resp.status(), resp.text().await.unwrap_or_default())
        };
        for route in table().iter().filter(|r| r.access == Access::Session) {
            for (path, ghost) in paths_for(&db, &route.path).await {
                let (status, body) = ask(&route.method, &path).await;
                // A page is not found. A posted form may be refused before its record is looked
                // for (a closed incident, a form that is not a file upload): then exactly as it
                // is refused for an id that does not exist, so the answer tells nothing of B.
                let right = status == StatusCode::NOT_FOUND
                    || (route.method == axum::http::Method::POST
                        && status.is_client_error()
                        && ask(&route.method, &ghost).await.0 == status);
                if !right || body.contains(B_MARK) {
                    wrong.push(format!("{} {path} (from {}): {status}", route.method, route.path));
                }
                asked += 1;
            }
        }
        assert!(asked > 500, "{kind:?}: B's ids were asked for through the routes ({asked})");
        assert!(wrong.is_empty(), "{kind:?}: {} of {asked} answers were not 404:\n{}", wrong.len(), wrong.join("\n"));
        assert_eq!(b_rows(&db, b).await, before, "{kind:?}: nothing of B changed");

        // A's own pages that list things show none of B's.
        for page in ["/", "/systems", "/people", "/units", "/incidents", "/audit", "/risks", "/plans", "/shared"] {
            let r = s.get(page).await;
            assert!(!r.body.contains(B_MARK), "{kind:?}: {page} shows something of B");
        }
    }
}
