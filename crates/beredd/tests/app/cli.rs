//! The `beredd` binary as a user runs it: `user add`, `demo`, `serve` with its setup link,
//! `backup`, and `export binder`.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::crisis::start;
use crate::harness::{TestApp, beredd, fresh_db, hidden_csrf, kinds, pdf_text, reply};

mod config;
mod demo_schema;
mod kit_verify;
pub mod mail;
mod metrics;
mod package;
mod processes;
mod publish;
mod shutdown;
mod transfer;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test]
async fn user_add_reads_the_password_from_stdin_and_refuses_short_ones() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let url = t.url.clone();
        let run = |pw: &str, name: &str| {
            let mut child = beredd()
                .args(["user", "add", "--role", "admin", "--database", &url, name])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(pw.as_bytes()).unwrap();
            child.wait_with_output().unwrap()
        };
        let out = run("kort\n", "anna");
        assert!(!out.status.success(), "{kind:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("minst tio tecken"));
        let out = run("ett långt lösenord\n", "anna");
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Användaren anna (admin) är skapad."));
        let out = run("ett långt lösenord\n", "anna");
        assert!(String::from_utf8_lossy(&out.stderr).contains("finns redan"), "{kind:?}");
    }
}

#[tokio::test]
async fn user_passwd_sets_a_new_password_and_ends_the_calendar_address() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let token = {
            let mut conn = app.db.pool.acquire().await.unwrap();
            let admin = beredd::store::users::by_username(&mut *conn, app.org, "admin").await.unwrap().unwrap();
            beredd::store::cycle::new_calendar_token(&mut *conn, admin.id).await.unwrap()
        };
        let feed = format!("{}/cycle/feed/{token}.ics", app.base);
        assert_eq!(app.client().get(&feed).send().await.unwrap().status(), reqwest::StatusCode::OK);
        let mut child = beredd()
            .args(["user", "passwd", "--database", &app.db_url(), "--keys", &app.keys_arg(), "admin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all("ett helt nytt lösenord\n".as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("kalenderadress slutade också gälla"));
        assert_eq!(app.client().get(&feed).send().await.unwrap().status(), reqwest::StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn demo_refuses_to_replace_a_database_that_is_not_a_demo() {
    for kind in kinds() {
        let real = fresh_db(kind).await;
        let url = real.url.clone();
        let mut child = beredd()
            .args(["user", "add", "--role", "admin", "--database", &url, "riktig"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all("ett riktigt lösenord\n".as_bytes()).unwrap();
        assert!(child.wait().unwrap().success(), "{kind:?}");
        let out = beredd()
            .args(["demo", "--no-serve", "--database", &url, "--admin-password", "demolösenord1"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{kind:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("innehåller redan data som inte är demodata"));

        // Nor a database of some other program (a SQLite file it does not even switch to WAL mode).
        let foreign = fresh_db(kind).await;
        let db = beredd::platform::db::Db::connect_to_inspect(&foreign.url).await.unwrap();
        sqlx::query("CREATE TABLE journal (x TEXT)").execute(&db.pool).await.unwrap();
        db.close().await;
        let out = beredd()
            .args(["demo", "--no-serve", "--database", &foreign.url, "--admin-password", "demolösenord1"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{kind:?}");
        if let Some(file) = beredd::platform::db::sqlite_path(&foreign.url) {
            assert!(file.exists() && !std::path::PathBuf::from(format!("{}-wal", file.display())).exists());
        }
        let db = beredd::platform::db::Db::connect_to_inspect(&foreign.url).await.unwrap();
        assert_eq!(db.table_count().await.unwrap(), 1, "{kind:?}: the other program's table is left alone");
        db.close().await;

        // A demo database is replaced by a fresh demo, as often as one likes.
        let demo = fresh_db(kind).await;
        for _ in 0..2 {
            let out = beredd()
                .args(["demo", "--no-serve", "--database", &demo.url, "--admin-password", "demolösenord1"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.contains("Exempelkommun") && stdout.contains("admin") && stdout.contains("demolösenord1"));
        }
    }
}

/// A demo that people have worked in is kept: `beredd demo` replaces it only with `--replace`.
/// Logging in and the yearly cycle's generated tasks are not work, so an untouched demo is
/// replaced as before (the README's first command, run again).
#[tokio::test]
async fn demo_keeps_a_demo_database_that_has_been_worked_in_unless_told_to_replace_it() {
    use beredd::store::{audit, incidents, orgs};
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let url = t.url.clone();
        let keys = t.keys_dir().display().to_string();
        let demo = |extra: &[&str]| {
            beredd()
                .args(["demo", "--no-serve", "--database", &url, "--keys", &keys, "--admin-password", "demolösenord1"])
                .args(extra)
                .output()
                .unwrap()
        };
        let out = demo(&[]);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        let admin = |org| audit::Actor { org_id: org, user_id: None, username: "admin".into() };

        // Someone logged in and looked at the yearly cycle: still an untouched demo.
        let db = beredd::platform::db::Db::connect(&url).await.unwrap();
        let org = orgs::first(&db.pool).await.unwrap().unwrap().id;
        let login: audit::Change<'_, ()> = audit::Change {
            action: "login",
            entity: "session",
            entity_id: None,
            summary: "",
            before: None,
            after: None,
        };
        audit::record(&db.pool, &admin(org), login).await.unwrap();
        beredd::services::cycle::ensure(&db.pool, org).await.unwrap();
        db.close().await;
        let out = demo(&[]);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));

        // A change by a person: the demo is kept, and the message says how to go on.
        let db = beredd::platform::db::Db::connect(&url).await.unwrap();
        let org = orgs::first(&db.pool).await.unwrap().unwrap().id;
        let change: audit::Change<'_, ()> = audit::Change {
            action: "update",
            entity: "organisation",
            entity_id: Some(org),
            summary: "Vår kommun",
            before: None,
            after: None,
        };
        audit::record(&db.pool, &admin(org), change).await.unwrap();
        db.close().await;
        let out = demo(&[]);
        assert!(!out.status.success(), "{kind:?}: a demo someone worked in is not replaced");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("har arbetats i") && err.contains("beredd serve --database") && err.contains("--replace"),
            "{kind:?}: {err}"
        );
        let changes = "SELECT COUNT(*) FROM audit_log WHERE summary = 'Vår kommun'";
        let db = t.connect().await;
        let (n,): (i64,) = sqlx::query_as(changes).fetch_one(&db.pool).await.unwrap();
        assert_eq!(n, 1, "{kind:?}: the change is still there");
        db.close().await;

        // --replace replaces it.
        let out = demo(&["--replace"]);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        let db = t.connect().await;
        let (n,): (i64,) = sqlx::query_as(changes).fetch_one(&db.pool).await.unwrap();
        assert_eq!(n, 0, "{kind:?}");

        // An entry written to a demo incident's log is work too (the crisis log is not in the audit trail).
        let org = orgs::first(&db.pool).await.unwrap().unwrap().id;
        let (incident,): (i64,) =
            sqlx::query_as("SELECT id FROM incidents ORDER BY id LIMIT 1").fetch_one(&db.pool).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let incident = incidents::get(&mut tx, org, incident).await.unwrap().unwrap().key();
        let entry = incidents::NewEntry::web(beredd_domain::LogKind::Information, "Övningen fortsätter", "Anna");
        incidents::append(&mut tx, &db.keys, org, incident, entry, "Anna").await.unwrap();
        tx.commit().await.unwrap();
        db.close().await;
        let out = demo(&[]);
        assert!(!out.status.success(), "{kind:?}: a demo with a new log entry is not replaced");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));
    }
}

/// Reads the server's output until a line containing `needle` appears.
fn wait_for_line(reader: &mut impl BufRead, needle: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut lines = Vec::new();
    while Instant::now() < deadline {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let found = line.contains(needle);
        lines.push(line);
        if found {
            return lines;
        }
    }
    panic!("no line with {needle:?} in {lines:?}");
}

#[tokio::test]
async fn serve_on_an_empty_database_prints_a_one_time_setup_link_that_creates_the_admin() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let url = t.url.clone();
        let port = free_port();
        let mut child = beredd()
            .args(["serve", "--database", &url, "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let lines = wait_for_line(&mut out, "Beredd kör på");
        let link = lines
            .iter()
            .find_map(|l| {
                l.trim()
                    .strip_prefix(&format!("http://127.0.0.1:{port}"))
                    .filter(|p| p.starts_with("/setup/"))
                    .map(str::to_owned)
            })
            .expect("setup link");

        let client =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let page = client.get(format!("{base}{link}")).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let r = reply(
            client
                .post(format!("{base}{link}"))
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("username", "chefen"),
                    ("display_name", "Chefen"),
                    ("password", "kort"),
                    ("repeat", "kort"),
                ])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, 422);
        let page = client.get(format!("{base}{link}")).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let r = reply(
            client
                .post(format!("{base}{link}"))
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("username", "chefen"),
                    ("display_name", "Chefen"),
                    ("password", "ett långt lösenord"),
                    ("repeat", "ett långt lösenord"),
                ])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(r.location.as_deref(), Some("/login"));
        // The link is spent.
        assert_eq!(client.get(format!("{base}{link}")).send().await.unwrap().status(), 404);
        child.kill().unwrap();
        child.wait().unwrap();

        let db = beredd::platform::db::Db::connect(&url).await.unwrap();
        let user = beredd::store::users::by_username(&db.pool, 1, "chefen").await.unwrap().unwrap();
        assert_eq!(user.role, beredd_domain::Role::Admin, "{kind:?}");
        // The new organisation starts with the authorities to call in an incident.
        let externals: Vec<(String,)> =
            sqlx::query_as("SELECT organisation FROM people WHERE kind = 'external' ORDER BY id")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        for needed in ["(MCF)", "(IMY)", "(IVO)", "Länsstyrelsen", "Polismyndigheten", "Regionen"] {
            assert!(externals.iter().any(|(o,)| o.contains(needed)), "{needed}: {externals:?}");
        }
        db.close().await;
    }
}

/// SQLite only: `beredd backup --plain-sqlite-copy` copies a SQLite database with VACUUM INTO,
/// into the one file a laptop serves from, with a warning that it is not encrypted.
#[tokio::test]
async fn a_backup_of_the_database_is_what_a_laptop_serves_from() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let unit = app.add_unit("Hemtjänst Norr", None).await;
    let id = start(&s, unit).await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kopia.db");
    let out = crate::harness::beredd()
        .args(["backup", "--plain-sqlite-copy", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = crate::harness::beredd()
        .args(["backup", "--plain-sqlite-copy", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!again.status.success(), "an existing file is never overwritten");
    // The copy holds the incident, and its log checks out there too.
    let url = format!("sqlite://{}", copy.display());
    let out = crate::harness::beredd().args(["incident", "verify", "--database", &url, &id]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("Loggen är obruten: en post, kontrollerad just nu."));
    // The laptop has no key of the server's: the server's signature is checked with the key the
    // database names, and said to be so.
    assert!(lines.next().unwrap().contains("som bara databasen själv anger"), "{stdout}");
}

#[tokio::test]
async fn the_demo_binder_exports_from_the_command_line_and_is_recorded() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let url = t.url.clone();
        let dir = tempfile::tempdir().unwrap();
        let out = beredd()
            .args(["demo", "--no-serve", "--admin-password", "ett långt lösenord", "--database", &url])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let pdf = dir.path().join("parm.pdf");
        let out = beredd()
            .args(["export", "binder", "--database", &url, "--unit", "Äldreomsorg", "--out"])
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = pdf_text(&std::fs::read(&pdf).unwrap());
        assert!(
            text.contains("Kontinuitetsplan Björkbackens särskilda boende")
                && text.contains("Kontinuitetsplan hemtjänsten"),
            "{text}"
        );
        assert!(!text.contains("Kontinuitetsplan ekonomiskt bistånd"), "only the plans of Äldreomsorg and below");
        let out = beredd()
            .args(["export", "binder", "--database", &url, "--unit", "Finns inte", "--out"])
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("enheten \"Finns inte\" finns inte"));
        let db = beredd::platform::db::Db::connect(&url).await.unwrap();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM binder_prints WHERE printed_by = '(kommandorad)'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(n, 1, "{kind:?}");
        db.close().await;
    }
}
