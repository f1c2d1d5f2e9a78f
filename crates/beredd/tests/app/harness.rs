//! Starting Beredd for a test and talking to it like a browser would.

use std::time::Duration;

use beredd::platform::db::Db;
use beredd::store::{orgs, units, users};
use beredd_domain::{Role, UnitKind};
use reqwest::StatusCode;
use reqwest::redirect::Policy;

pub const PASSWORD: &str = "ett långt testlösenord";

/// The time every test runs at: the application's one clock starts here and runs on, and the
/// `beredd` commands a test runs get the same through `BEREDD_CLOCK`, whatever day it is.
pub const NOW: &str = "2026-11-24T09:00:00Z";

/// Pins the application's clock at [`NOW`] (every test does this before it starts anything), and
/// turns on strict texts: a missing message id or a message that cannot be formatted panics.
pub fn pin_clock() {
    let at = time::OffsetDateTime::parse(NOW, &time::format_description::well_known::Rfc3339).expect("NOW is RFC 3339");
    beredd::platform::clock::pin(at);
    beredd::platform::i18n::set_strict(true);
}

/// The `beredd` binary, with the tests' clock and strict texts.
pub fn beredd() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_beredd"));
    c.env(beredd::platform::clock::ENV, NOW)
        .env(beredd::platform::i18n::STRICT_ENV, "1")
        .env_remove("BEREDD_DATABASE_URL")
        .env_remove("BEREDD_LISTEN")
        .env("BEREDD_LOG", "warn");
    c
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// SQLite always; PostgreSQL as well when the environment names a server.
pub fn kinds() -> Vec<Kind> {
    let mut k = vec![Kind::Sqlite];
    if std::env::var("BEREDD_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty()) {
        k.push(Kind::Postgres);
    }
    k
}

pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh, empty database: a new SQLite file, or a new PostgreSQL database.
pub async fn fresh_db(kind: Kind) -> TestDb {
    pin_clock();
    match kind {
        Kind::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            TestDb { url, _dir: Some(dir) }
        }
        Kind::Postgres => {
            let admin = std::env::var("BEREDD_TEST_POSTGRES_URL").expect("postgres url");
            let name = format!(
                "beredd_test_{}",
                beredd::store::sessions::random_token().to_lowercase().replace(['-', '_'], "")[..16].to_owned()
            );
            let db = Db::connect(&admin).await.expect("connect to postgres");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&db.pool)
                .await
                .expect("create database");
            db.close().await;
            let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin);
            TestDb { url: format!("{base}/{name}"), _dir: None }
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub org: i64,
    #[allow(dead_code)]
    pub kind: Kind,
    _db: TestDb,
    _server: tokio::task::JoinHandle<()>,
}

impl TestApp {
    /// A running server on an empty, migrated database with one organisation and an admin.
    pub async fn start(kind: Kind) -> TestApp {
        let test_db = fresh_db(kind).await;
        let db = Db::connect(&test_db.url).await.expect("connect");
        db.migrate().await.expect("migrate");
        let org = orgs::create(&db.pool, "Testkommun", None).await.expect("org");
        let app = TestApp::serve(db, org, kind, test_db).await;
        app.add_user("admin", Role::Admin, &[]).await;
        app
    }

    pub async fn serve(db: Db, org: i64, kind: Kind, test_db: TestDb) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let router = beredd::web::router(beredd::web::AppState::new(db.clone(), false).expect("content loads"));
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.expect("serve");
        });
        TestApp { base: format!("http://{addr}"), db, org, kind, _db: test_db, _server: server }
    }

    /// The database's address, for running the `beredd` binary against it.
    pub fn db_url(&self) -> String {
        self._db.url.clone()
    }

    pub async fn add_user(&self, name: &str, role: Role, units: &[i64]) -> i64 {
        let hash = beredd::platform::passwords::hash(PASSWORD).expect("hash");
        let id = users::insert(
            &self.db.pool,
            &users::NewUser {
                org_id: self.org,
                username: name,
                display_name: name,
                password_hash: &hash,
                role,
                lang: "sv",
            },
        )
        .await
        .expect("user");
        let mut conn = self.db.pool.acquire().await.expect("conn");
        users::update_account(&mut conn, self.org, id, name, role, true, units).await.expect("grants");
        id
    }

    pub async fn add_unit(&self, name: &str, parent: Option<i64>) -> i64 {
        let input = units::UnitInput {
            parent_id: parent,
            kind: if parent.is_some() { UnitKind::Enhet } else { UnitKind::Forvaltning },
            name: name.into(),
            manager_id: None,
            address: None,
            staff_count: None,
            around_the_clock: false,
            description: None,
        };
        units::insert(&self.db.pool, self.org, &input).await.expect("unit")
    }

    pub async fn count(&self, table: &'static str) -> i64 {
        let sql = match table {
            "units" => "SELECT COUNT(*) FROM units",
            "people" => "SELECT COUNT(*) FROM people",
            "activities" => "SELECT COUNT(*) FROM activities",
            "systems" => "SELECT COUNT(*) FROM systems",
            "suppliers" => "SELECT COUNT(*) FROM suppliers",
            "audit_log" => "SELECT COUNT(*) FROM audit_log",
            "users" => "SELECT COUNT(*) FROM users",
            "assessments" => "SELECT COUNT(*) FROM assessments",
            "actions" => "SELECT COUNT(*) FROM actions",
            "frameworks" => "SELECT COUNT(*) FROM frameworks",
            "framework_answers" => "SELECT COUNT(*) FROM framework_answers",
            _ => panic!("unknown table {table}"),
        };
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&self.db.pool).await.expect("count");
        n
    }

    /// A client with a cookie jar that does not follow redirects, so tests see them.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .expect("client")
    }

    pub async fn login(&self, username: &str) -> Session {
        let client = self.client();
        let page =
            client.get(format!("{}/login", self.base)).send().await.expect("login page").text().await.expect("body");
        let csrf = hidden_csrf(&page).expect("login csrf");
        let resp = client
            .post(format!("{}/login", self.base))
            .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
            .send()
            .await
            .expect("login");
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "login as {username} should redirect");
        let home = client.get(format!("{}/", self.base)).send().await.expect("home").text().await.expect("body");
        let csrf = hidden_csrf(&home).expect("session csrf");
        Session { client, base: self.base.clone(), csrf }
    }
}

pub fn hidden_csrf(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[name=_csrf]").ok()?;
    doc.select(&sel).next().and_then(|e| e.value().attr("value")).map(str::to_owned)
}

/// The text of the elements matching `selector`.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).map(|e| e.text().collect::<String>().trim().to_owned()).collect()
}

pub struct Session {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

impl Session {
    pub async fn get(&self, path: &str) -> Reply {
        let resp = self.client.get(format!("{}{path}", self.base)).send().await.expect("get");
        reply(resp).await
    }

    /// Posts a form with this session's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut form: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        let resp = self.client.post(format!("{}{path}", self.base)).form(&form).send().await.expect("post");
        reply(resp).await
    }
}

pub async fn reply(resp: reqwest::Response) -> Reply {
    let status = resp.status();
    let location = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = resp.text().await.unwrap_or_default();
    Reply { status, location, body }
}

/// The text of a PDF in reading order, after `qpdf --check` has passed it.
pub fn pdf_text(bytes: &[u8]) -> String {
    pdf_text_with(bytes, false)
}

/// The text of a PDF, laid out as on the page or in reading order, after `qpdf --check` has
/// passed it (both tools come from scripts/install-test-deps).
pub fn pdf_text_with(bytes: &[u8], layout: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, bytes).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .expect("qpdf is installed by scripts/install-test-deps");
    assert!(check.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&check.stdout));
    let mut cmd = std::process::Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(&file).arg("-").output().expect("pdftotext is installed by scripts/install-test-deps");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}
