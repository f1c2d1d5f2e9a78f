//! Starting Beredd for a test and talking to it like a browser would.

use std::time::Duration;

use beredd::platform::db::{Backend, Db};
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
        // Keys that sign incident logs go to a folder of the tests' own unless a test names one.
        .env("BEREDD_KEYS", std::env::temp_dir().join("beredd-test-keys"))
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

/// A database for one test. A PostgreSQL database is dropped again when this goes away, unless
/// the test failed: then it is kept for a look, and a later run's sweep removes it.
pub struct TestDb {
    pub url: String,
    /// The SQLite file's folder, and the folder of the keys that sign incident logs.
    dir: tempfile::TempDir,
    postgres: Option<PostgresDb>,
}

impl TestDb {
    /// Where the keys that sign this database's incident logs are: `beredd-keys` beside a SQLite
    /// file (where `beredd` looks by default), a folder of the test's own for PostgreSQL.
    pub fn keys_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("beredd-keys")
    }

    /// A connection to the test database that signs with the test's keys.
    pub async fn connect(&self) -> Db {
        Db::connect(&self.url).await.expect("connect").with_keys(self.keys_dir())
    }
}

/// A PostgreSQL test database: its name and the server address it was created through.
struct PostgresDb {
    admin: String,
    name: String,
}

/// The prefix of every PostgreSQL test database; the sweep looks at these names only.
const PG_PREFIX: &str = "beredd_test_";

/// A PostgreSQL test database older than this belongs to no running test and is swept away.
const STALE_AFTER_SECS: u64 = 60 * 60;

/// A fresh, empty database: a new SQLite file, or a new PostgreSQL database.
pub async fn fresh_db(kind: Kind) -> TestDb {
    pin_clock();
    match kind {
        Kind::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            TestDb { url, dir, postgres: None }
        }
        Kind::Postgres => {
            let admin = std::env::var("BEREDD_TEST_POSTGRES_URL").expect("postgres url");
            static SWEEP: std::sync::Once = std::sync::Once::new();
            SWEEP.call_once(|| {
                let admin = admin.clone();
                on_own_runtime(async move { sweep_stale_databases(&admin).await });
            });
            // The creation time is part of the name, so that a later sweep can tell how old it is.
            let name = format!(
                "{PG_PREFIX}{}_{}",
                unix_now(),
                beredd::store::sessions::random_token().to_lowercase().replace(['-', '_'], "")[..16].to_owned()
            );
            let db = Db::connect(&admin).await.expect("connect to postgres");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&db.pool)
                .await
                .expect("create database");
            db.close().await;
            let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or_else(|| admin.clone());
            let dir = tempfile::tempdir().expect("temp dir");
            TestDb { url: format!("{base}/{name}"), dir, postgres: Some(PostgresDb { admin, name }) }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(PostgresDb { admin, name }) = self.postgres.take() else { return };
        if std::thread::panicking() {
            eprintln!("the test failed: its database {name} is kept (a run an hour from now sweeps it away)");
            return;
        }
        // FORCE ends the connections the test's server still holds; the database is this test's
        // alone, so nothing else is using it.
        on_own_runtime(async move {
            if let Err(e) = drop_database(&admin, &name).await {
                eprintln!("could not drop the test database {name}: {e}");
            }
        });
    }
}

/// Runs `work` to its end on a thread and runtime of its own: `Drop` is synchronous and may run
/// inside a test's runtime, which cannot be blocked on from within.
fn on_own_runtime(work: impl std::future::Future<Output = ()> + Send + 'static) {
    let thread = std::thread::spawn(move || match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt.block_on(work),
        Err(e) => eprintln!("no runtime to clean up test databases with: {e}"),
    });
    let _ = thread.join();
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

async fn drop_database(admin: &str, name: &str) -> Result<(), String> {
    let db = Db::connect_to_inspect(admin).await.map_err(|e| e.to_string())?;
    let result = drop_database_on(&db, name, true).await;
    db.close().await;
    result
}

async fn drop_database_on(db: &Db, name: &str, force: bool) -> Result<(), String> {
    let sql = format!("DROP DATABASE IF EXISTS \"{name}\"{}", if force { " WITH (FORCE)" } else { "" });
    sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.pool).await.map(|_| ()).map_err(|e| e.to_string())
}

/// Drops the test databases that earlier runs left behind (a failed test's, or one from before
/// test databases were dropped): those more than an hour old. Never one a running test uses: a
/// test is far younger than an hour, and without FORCE PostgreSQL refuses to drop a database
/// anyone is connected to.
async fn sweep_stale_databases(admin: &str) {
    let Ok(db) = Db::connect_to_inspect(admin).await else { return };
    // Databases someone is connected to are left out at once (dropping one would wait for them).
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT d.datname::text FROM pg_database d WHERE d.datname LIKE 'beredd\\_test\\_%' \
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap_or_default();
    let now = unix_now();
    let mut stale = Vec::new();
    for (name,) in names {
        let age = match created_at(&name) {
            Some(at) => Some(now.saturating_sub(at)),
            // A name without its time (from before the time was in the name): the age of the
            // database's files, where the server lets us read them.
            None => sqlx::query_as::<_, (i64,)>(
                "SELECT EXTRACT(EPOCH FROM now() - (pg_stat_file('base/' || oid || '/PG_VERSION')).modification)::bigint \
                 FROM pg_database WHERE datname = $1",
            )
            .bind(&name)
            .fetch_one(&db.pool)
            .await
            .ok()
            .map(|(secs,)| secs.max(0) as u64),
        };
        if age.is_some_and(|age| age > STALE_AFTER_SECS) {
            stale.push(name);
        }
    }
    for name in stale {
        // Without FORCE: a database someone is connected to stays.
        let _ = drop_database_on(&db, &name, false).await;
    }
    db.close().await;
}

/// The creation time in a test database's name (`beredd_test_<unix seconds>_<random>`).
fn created_at(name: &str) -> Option<u64> {
    let (secs, _) = name.strip_prefix(PG_PREFIX)?.split_once('_')?;
    if secs.len() < 9 || !secs.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    secs.parse().ok()
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
        TestApp::start_with_header_timeout(kind, beredd::web::server::HEADER_READ_TIMEOUT).await
    }

    /// As [`TestApp::start`], with connections closed when a request's headers have not arrived
    /// within `header_timeout`.
    pub async fn start_with_header_timeout(kind: Kind, header_timeout: Duration) -> TestApp {
        let test_db = fresh_db(kind).await;
        let db = test_db.connect().await;
        db.migrate().await.expect("migrate");
        let org = orgs::create(&db.pool, "Testkommun", None, "testkommun").await.expect("org");
        let app = TestApp::serve_with(db, org, kind, test_db, header_timeout).await;
        app.add_user("admin", Role::Admin, &[]).await;
        app
    }

    pub async fn serve(db: Db, org: i64, kind: Kind, test_db: TestDb) -> TestApp {
        TestApp::serve_with(db, org, kind, test_db, beredd::web::server::HEADER_READ_TIMEOUT).await
    }

    async fn serve_with(db: Db, org: i64, kind: Kind, test_db: TestDb, header_timeout: Duration) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let state = beredd::web::AppState::new(db.clone(), false).expect("content loads");
        let server = serve_state_with(listener, state, header_timeout);
        TestApp { base: format!("http://{addr}"), db, org, kind, _db: test_db, _server: server }
    }

    /// A client whose requests come from another loopback address (127.0.0.0/8 is all this
    /// machine), as a second computer would look to the server.
    pub fn client_from(&self, ip: [u8; 4]) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .timeout(Duration::from_secs(30))
            .local_address(std::net::IpAddr::from(ip))
            .build()
            .expect("client")
    }

    /// The folder of the keys that sign the server's incident logs, for running `beredd` with them.
    pub fn keys_dir(&self) -> std::path::PathBuf {
        self._db.keys_dir()
    }

    /// The same, as an argument to `beredd --keys`.
    pub fn keys_arg(&self) -> String {
        self.keys_dir().display().to_string()
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
            code: None,
        };
        units::insert(&mut self.db.pool.acquire().await.expect("connection"), self.org, &input).await.expect("unit")
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
            "incident_log" => "SELECT COUNT(*) FROM incident_log",
            "plans" => "SELECT COUNT(*) FROM plans",
            "passkeys" => "SELECT COUNT(*) FROM passkeys",
            "training_courses" => "SELECT COUNT(*) FROM training_courses",
            "training_completions" => "SELECT COUNT(*) FROM training_completions",
            "assets" => "SELECT COUNT(*) FROM assets",
            "classifications" => "SELECT COUNT(*) FROM classifications",
            "shared_items" => "SELECT COUNT(*) FROM shared_items",
            _ => panic!("unknown table {table}"),
        };
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&self.db.pool).await.expect("count");
        n
    }

    /// Every table of the database with its number of rows, to show that requests stored nothing.
    pub async fn row_counts(&self) -> Vec<(String, i64)> {
        let sql = match self.db.backend {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            }
            Backend::Postgres => "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        };
        let tables: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&self.db.pool).await.expect("tables");
        assert!(!tables.is_empty(), "the database has tables");
        let mut counts = Vec::new();
        for (table,) in tables {
            let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM \"{table}\"")))
                .fetch_one(&self.db.pool)
                .await
                .expect("count");
            counts.push((table, n));
        }
        counts
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
        self.login_to(self.org, username).await
    }

    /// Logs in to organisation `org` (of several sharing the database) through its login page.
    pub async fn login_to(&self, org: i64, username: &str) -> Session {
        let client = self.client();
        let slug = orgs::get(&self.db.pool, org).await.expect("org").expect("the organisation").slug;
        let page = client
            .get(format!("{}/login?org={slug}", self.base))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .expect("body");
        let csrf = hidden_csrf(&page).expect("login csrf");
        let resp = client
            .post(format!("{}/login", self.base))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("org", slug.as_str()),
                ("username", username),
                ("password", PASSWORD),
                ("next", "/"),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "login as {username} should redirect");
        let home = client.get(format!("{}/", self.base)).send().await.expect("home").text().await.expect("body");
        let csrf = hidden_csrf(&home).expect("session csrf");
        Session { client, base: self.base.clone(), csrf }
    }
}

/// Serves the application on `listener` as `beredd serve` does (the same connections, with its
/// header read timeout): each request knows the address it comes from.
pub fn serve_state(listener: tokio::net::TcpListener, state: beredd::web::AppState) -> tokio::task::JoinHandle<()> {
    serve_state_with(listener, state, beredd::web::server::HEADER_READ_TIMEOUT)
}

/// As [`serve_state`], with another header read timeout.
pub fn serve_state_with(
    listener: tokio::net::TcpListener,
    state: beredd::web::AppState,
    header_timeout: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(beredd::web::server::serve_on(listener, state, header_timeout, std::future::pending()))
}

/// Approves a plan's draft as its page offers it: with the version and the content shown there,
/// through the page that asks first, naming the manager it proposes (or else the first person
/// it offers).
/// Classifies an information asset at the levels K, R, T and S, each with a motivation (a level
/// of 2 or more needs one).
pub async fn classify(s: &Session, asset: &str, [k, r, t, ts]: [&str; 4]) -> Reply {
    let fields = [("level_k", k), ("level_r", r), ("level_t", t), ("level_s", ts)];
    let why = [("why_k", "Motiverad"), ("why_r", "Motiverad"), ("why_t", "Motiverad"), ("why_s", "Motiverad")];
    s.post(&format!("/assets/{asset}/classify"), &[fields, why].concat()).await
}

pub async fn approve(s: &Session, plan: impl std::fmt::Display, version: &str) -> Reply {
    let seen = seen_on_plan_page(s, &plan).await;
    let asked = s.get(&format!("/plans/{plan}/approve?version={version}&seen={seen}")).await.body;
    let approver = texts_attr(&asked, "select[name=approver] option[selected]", "value")
        .into_iter()
        .chain(texts_attr(&asked, "select[name=approver] option", "value"))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    s.post(&format!("/plans/{plan}/approve"), &[("version", version), ("seen", &seen), ("approver", &approver)]).await
}

/// The fingerprint of the content the plan page shows, as its approve link carries it (empty
/// when the page offers no approval).
pub async fn seen_on_plan_page(s: &Session, plan: impl std::fmt::Display) -> String {
    let page = s.get(&format!("/plans/{plan}")).await.body;
    let href = texts_attr(&page, "a#approve", "href").into_iter().next().unwrap_or_default();
    href.split(['?', '&']).find_map(|p| p.strip_prefix("seen=")).unwrap_or_default().to_owned()
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

/// An attribute of each element the selector finds.
pub fn texts_attr(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).filter_map(|e| e.value().attr(attr).map(str::to_owned)).collect()
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
    let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let location = header("location");
    let page =
        header("content-type").is_some_and(|c| c.starts_with("text/html")) && header("content-disposition").is_none();
    let url = resp.url().to_string();
    let body = resp.text().await.unwrap_or_default();
    if page {
        assert_no_placeholder(&url, &body);
    }
    Reply { status, location, body }
}

#[test]
#[should_panic(expected = "a Fluent placeholder is left on the page")]
fn a_placeholder_left_on_a_page_fails_the_test() {
    assert_no_placeholder("/x", "<p>Återställning: Åland</p><p>I nuvarande takt är allt infört { $date }.</p>");
}

#[test]
fn a_page_without_placeholders_passes() {
    assert_no_placeholder("/x", "<p>Pris: {10} kr, $5</p><style>a{color:red}</style>");
}

/// Every page the tests fetch is checked for a Fluent placeholder left unformatted (`{ $name }`):
/// strict mode already panics when a message lacks an argument, and this catches one that reached
/// the page some other way, for example in library content or a text put together by hand.
pub fn assert_no_placeholder(url: &str, body: &str) {
    for mark in ["{ $", "{$"] {
        if let Some(at) = body.find(mark) {
            let start = (0..=at.saturating_sub(80)).rev().find(|i| body.is_char_boundary(*i)).unwrap_or(0);
            let around: String = body[start..].chars().take(160).collect();
            panic!("{url}: a Fluent placeholder is left on the page: …{around}…");
        }
    }
}

/// The id at the end of the address a create redirected to (`/units/7?msg=created` gives `7`).
pub fn id_of(r: &Reply) -> String {
    r.location.as_deref().expect("redirect").rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
}

/// Uploads `bytes` as the file `name` to `path`, as a form with this session's CSRF token.
pub async fn upload(s: &Session, path: &str, name: &str, bytes: Vec<u8>) -> Reply {
    send_file(s, path, name, bytes, Some(&s.csrf)).await
}

/// Uploads a file without a CSRF token, as a forged cross-site form would.
pub async fn upload_without_csrf(s: &Session, path: &str, name: &str, bytes: Vec<u8>) -> Reply {
    send_file(s, path, name, bytes, None).await
}

async fn send_file(s: &Session, path: &str, name: &str, bytes: Vec<u8>, csrf: Option<&str>) -> Reply {
    let mut form = reqwest::multipart::Form::new();
    if let Some(token) = csrf {
        form = form.text("_csrf", token.to_owned());
    }
    form = form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    let resp = s.client.post(format!("{}{path}", s.base)).multipart(form).send().await.expect("upload");
    reply(resp).await
}

/// A file from `tests/fixtures`.
pub fn fixture(path: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A download: its status, content type and bytes.
pub async fn get_bytes(s: &Session, path: &str) -> (StatusCode, String, Vec<u8>) {
    let resp = s.client.get(format!("{}{path}", s.base)).send().await.unwrap();
    let status = resp.status();
    let ctype = resp.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, ctype, resp.bytes().await.unwrap().to_vec())
}

/// The rows of the first sheet of a workbook, each cell as text.
pub fn xlsx_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook calamine can open");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
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

/// Socialförvaltningen with Björkgårdens äldreboende below it, and Åsa Öberg (enhetschef, with a
/// work phone) on its staff: the ids of the two units and of her.
pub async fn care_home(app: &TestApp, s: &Session) -> (i64, i64, String) {
    let top = app.add_unit("Socialförvaltningen", None).await;
    let home = app.add_unit("Björkgårdens äldreboende", Some(top)).await;
    let manager = id_of(
        &s.post(
            "/people/new",
            &[
                ("name", "Åsa Öberg"),
                ("kind", "staff"),
                ("title", "Enhetschef"),
                ("unit", &home.to_string()),
                ("work_phone", "070-174 06 40"),
            ],
        )
        .await,
    );
    (top, home, manager)
}

/// What the application logs on this test's thread, kept to be read back. A `#[tokio::test]`
/// runs the server it starts on its own thread, so the log holds this test's lines only.
#[derive(Clone, Default)]
pub struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Logs {
    /// Starts keeping the log; it is kept until the guard is dropped.
    pub fn capture() -> (Logs, tracing::subscriber::DefaultGuard) {
        let logs = Logs::default();
        let subscriber = tracing_subscriber::fmt().with_writer(logs.clone()).with_ansi(false).finish();
        (logs.clone(), tracing::subscriber::set_default(subscriber))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Logs {
        self.clone()
    }
}

/// Follows a background job from its page (`/jobs/7`, where starting it led) until it is done,
/// then downloads what it made: (content type, content disposition, bytes). Waits generously (a
/// binder is typeset on a busy machine) and fails at once if the job failed.
pub async fn job_result(s: &Session, page: &str) -> (String, String, Vec<u8>) {
    for _ in 0..1200 {
        let r = s.get(page).await;
        assert_eq!(r.status, StatusCode::OK, "{page}: {}", r.body);
        assert!(texts(&r.body, "#job-failed").is_empty(), "the job failed: {:?}", texts(&r.body, "#job-failed"));
        if let Some(href) = texts_attr(&r.body, "#job-result", "href").into_iter().next() {
            let resp = s.client.get(format!("{}{href}", s.base)).send().await.unwrap();
            assert_eq!(resp.status(), StatusCode::OK, "{href}");
            let header = |h: &str| resp.headers().get(h).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
            let (ctype, disposition) = (header("content-type"), header("content-disposition"));
            return (ctype, disposition, resp.bytes().await.unwrap().to_vec());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("the job at {page} was not done after five minutes");
}

/// Makes a digital crisis kit from the kit page's form (`fields` without the CSRF token): the form
/// starts a job and leads to its page, which is followed to the file. Gives the file's content
/// disposition and text.
pub async fn make_kit(s: &Session, fields: &[(&str, &str)]) -> (String, String) {
    let started = s.post("/kit", fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "the kit form: {}", started.body);
    let page = started.location.expect("the kit's job page");
    assert!(page.starts_with("/jobs/"), "{page}");
    let (ctype, disposition, bytes) = job_result(s, &page).await;
    assert_eq!(ctype, "text/html; charset=utf-8");
    (disposition, String::from_utf8(bytes).expect("the kit is text"))
}
