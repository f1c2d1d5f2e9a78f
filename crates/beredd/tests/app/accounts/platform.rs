//! The platform administrator's page (hosted mode, issue 22): an account of its own made with
//! `beredd platform-admin add`, its own login and session that reach only `/platform/*` (and an
//! organisation's session never reaches those), the list of organisations without their content,
//! and creating, renaming, suspending, resuming and removing one through the same services as the
//! command line, each in the organisation's audit trail. Per-organisation metrics.

use std::io::Write;
use std::process::Stdio;
use std::sync::Arc;

use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, beredd, hidden_csrf, kinds};

pub(super) const PADMIN: &str = "plattform.anna";
const PLATFORM_AUDIT: &str = "plattformsadministratör (plattform.anna)";

/// `beredd platform-admin add NAME`, the password on standard input.
pub(super) fn add_platform_admin(url: &str, name: &str, password: &str) -> std::process::Output {
    let mut child = beredd()
        .args(["platform-admin", "add", "--database", url, name])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(password.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// The value the answer sets cookie `name` to.
pub(super) fn set_cookie(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// Logs in at `/platform/login` with `client`; the answer.
pub(super) async fn platform_login(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    password: &str,
) -> reqwest::Response {
    let page = client.get(format!("{}/platform/login", app.base)).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).expect("the login form's token");
    let form = [("_csrf", csrf.as_str()), ("username", name), ("password", password), ("next", "/platform")];
    client.post(format!("{}/platform/login", app.base)).form(&form).send().await.unwrap()
}

/// A platform session: its client, the cookie's token and the page's CSRF token.
struct Platform {
    client: reqwest::Client,
    token: String,
    csrf: String,
    base: String,
}

impl Platform {
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, Option<String>, String) {
        let mut form = vec![("_csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        let resp = self.client.post(format!("{}{path}", self.base)).form(&form).send().await.unwrap();
        let location = resp.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
        (resp.status(), location, resp.text().await.unwrap())
    }
    async fn page(&self) -> String {
        let resp = self.client.get(format!("{}/platform", self.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        resp.text().await.unwrap()
    }
}

async fn log_in_platform(app: &TestApp) -> Platform {
    let out = add_platform_admin(&app.db_url(), PADMIN, PASSWORD);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let client = app.client();
    let resp = platform_login(app, &client, PADMIN, PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], "/platform");
    let cookie = set_cookie(&resp, "beredd_platform").expect("the platform's cookie");
    assert!(cookie.contains("Path=/platform;") && cookie.contains("HttpOnly"), "{cookie}");
    let token = cookie.split(';').next().unwrap().trim_start_matches("beredd_platform=").to_owned();
    let page = client.get(format!("{}/platform", app.base)).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).expect("the page's token");
    Platform { client, token, csrf, base: app.base.clone() }
}

/// An organisation user's session token, read from the login's answer.
async fn org_token(app: &TestApp) -> String {
    let client = app.client();
    let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).unwrap();
    let form = [("_csrf", csrf.as_str()), ("username", "admin"), ("password", PASSWORD), ("next", "/")];
    let resp = client.post(format!("{}/login", app.base)).form(&form).send().await.unwrap();
    let cookie = set_cookie(&resp, "beredd_session").expect("the session cookie");
    cookie.split(';').next().unwrap().trim_start_matches("beredd_session=").to_owned()
}

async fn audit_of(app: &TestApp, org: i64) -> Vec<(String, String)> {
    sqlx::query_as("SELECT username, action FROM audit_log WHERE org_id = $1 AND entity = 'organisation' ORDER BY id")
        .bind(org)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_platform_session_reaches_only_the_platform_and_an_organisations_never_the_platform() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_unit("Hemlig förvaltning", None).await;
        let p = log_in_platform(&app).await;
        let page = p.page().await;
        assert!(
            page.contains("Testkommun") && page.contains("testkommun"),
            "{kind:?}: the list names the organisation"
        );
        assert!(!page.contains("Hemlig förvaltning"), "{kind:?}: nothing of its content");
        // The platform's session, sent as an organisation's cookie or as an API token, is nothing there.
        let raw = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        for path in ["/", "/units", "/users", "/audit"] {
            let resp = raw
                .get(format!("{}{path}", app.base))
                .header("cookie", format!("beredd_session={}; beredd_platform={}", p.token, p.token))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{kind:?} {path}");
            assert!(resp.headers()["location"].to_str().unwrap().starts_with("/login"), "{kind:?} {path}");
        }
        let resp = raw.get(format!("{}/api/v1/units", app.base)).bearer_auth(&p.token).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{kind:?}");
        // Nor does the platform's login take an organisation's user.
        let resp = platform_login(&app, &app.client(), "admin", PASSWORD).await;
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{kind:?}");

        // An organisation's administrator, by the browser's cookie or by its token sent as the
        // platform's, reaches no platform page and changes nothing.
        let s = app.login("admin").await;
        let r = s.get("/platform").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location.as_deref(), Some("/platform/login?next=%2Fplatform"), "{kind:?}");
        let token = org_token(&app).await;
        let before = beredd::store::orgs::list(&app.db.pool).await.unwrap().len();
        let attempts: [(String, Vec<(&str, &str)>); 3] = [
            ("/platform/orgs".to_owned(), vec![("name", "Inkräktare kommun")]),
            (format!("/platform/orgs/{}/suspend", app.org), vec![]),
            (format!("/platform/orgs/{}/rename", app.org), vec![("name", "Kapad")]),
        ];
        for (path, fields) in attempts {
            let r = s.post(&path, &fields).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?} {path}");
            assert_eq!(r.location.as_deref(), Some("/platform/login?next=%2Fplatform"), "{kind:?} {path}");
            let mut form = vec![("_csrf", s.csrf.as_str())];
            form.extend(fields);
            let resp = raw
                .post(format!("{}{path}", app.base))
                .header("cookie", format!("beredd_platform={token}"))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{kind:?} {path}");
        }
        let org = beredd::store::orgs::get(&app.db.pool, app.org).await.unwrap().unwrap();
        assert_eq!((org.name.as_str(), org.suspended_at.is_none()), ("Testkommun", true), "{kind:?}");
        assert_eq!(beredd::store::orgs::list(&app.db.pool).await.unwrap().len(), before, "{kind:?}");

        // A form without the session's token is refused; logging out ends the session.
        let resp = p.client.post(format!("{}/platform/orgs", app.base)).form(&[("name", "Utan token")]).send().await;
        assert_eq!(resp.unwrap().status(), StatusCode::FORBIDDEN, "{kind:?}");
        let (status, location, _) = p.post("/platform/logout", &[]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/platform/login")), "{kind:?}");
        let resp = raw
            .get(format!("{}/platform", app.base))
            .header("cookie", format!("beredd_platform={}", p.token))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.headers()["location"], "/platform/login?next=%2Fplatform", "{kind:?}");
    }
}

#[tokio::test]
async fn the_platform_page_creates_renames_suspends_resumes_and_removes_organisations() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let p = log_in_platform(&app).await;
        // Refused, naming the field: no name, a host name that is a web address.
        let (status, _, body) = p.post("/platform/orgs", &[("name", ""), ("slug", "pitea")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{kind:?}");
        assert!(body.contains("href=\"#new-name\"") && body.contains("value=\"pitea\""), "{kind:?}: {body}");
        let (status, _, body) =
            p.post("/platform/orgs", &[("name", "Kalix"), ("host", "https://beredd.kalix.se")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{kind:?}");
        assert!(body.contains("href=\"#new-host\""), "{kind:?}: {body}");
        assert!(body.contains("Skriv ett värdnamn som beredd.kommun.se"), "{kind:?}");
        assert!(body.contains("value=\"https://beredd.kalix.se\""), "{kind:?}: what was typed is kept");

        let (status, _, body) =
            p.post("/platform/orgs", &[("name", "Kalix kommun"), ("slug", ""), ("host", "Beredd.Kalix.se")]).await;
        assert_eq!(status, StatusCode::OK, "{kind:?}");
        let kalix = beredd::store::orgs::by_slug(&app.db.pool, "kalix-kommun").await.unwrap().expect("created");
        assert_eq!(kalix.host.as_deref(), Some("beredd.kalix.se"));
        let link = body.split("id=\"setup-link\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
        assert!(link.starts_with(&format!("{}/setup/", app.base)), "{kind:?}: {link}");
        // The link is the first administrator's.
        let setup = app.client().get(&link).send().await.unwrap();
        assert_eq!(setup.status(), StatusCode::OK, "{kind:?}");

        let (status, location, _) = p.post(&format!("/platform/orgs/{}/rename", kalix.id), &[("name", "Kalix")]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/platform?done=renamed")));
        let (status, _, body) = p.post(&format!("/platform/orgs/{}/rename", kalix.id), &[("name", " ")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{kind:?}");
        assert!(body.contains("Kalix fick inte nytt namn"), "{kind:?}");
        p.post(&format!("/platform/orgs/{}/suspend", kalix.id), &[]).await;
        let page = p.page().await;
        assert!(page.contains("Avstängd sedan"), "{kind:?}");
        p.post(&format!("/platform/orgs/{}/resume", kalix.id), &[]).await;
        assert!(beredd::store::orgs::get(&app.db.pool, kalix.id).await.unwrap().unwrap().suspended_at.is_none());
        let audit = audit_of(&app, kalix.id).await;
        let actions: Vec<&str> = audit.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(actions, ["create", "update", "suspend", "resume"], "{kind:?}");
        assert!(audit.iter().all(|(u, _)| u == PLATFORM_AUDIT), "{kind:?}: {audit:?}");

        // Removal: only with its short name typed, and never of one with users.
        let (status, _, body) =
            p.post(&format!("/platform/orgs/{}/remove", app.org), &[("confirm", "testkommun")]).await;
        assert_eq!(status, StatusCode::CONFLICT, "{kind:?}");
        assert!(body.contains("Testkommun togs inte bort eftersom den har 1 användare"), "{kind:?}");
        let (status, _, _) = p.post(&format!("/platform/orgs/{}/remove", kalix.id), &[("confirm", "kalix")]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{kind:?}");
        assert!(beredd::store::orgs::get(&app.db.pool, kalix.id).await.unwrap().is_some());
        let (status, location, _) =
            p.post(&format!("/platform/orgs/{}/remove", kalix.id), &[("confirm", "Kalix-Kommun")]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/platform?done=removed")), "{kind:?}");
        assert!(beredd::store::orgs::get(&app.db.pool, kalix.id).await.unwrap().is_none(), "{kind:?}");
        for table in ["people", "cycle_items", "audit_log", "setup_tokens"] {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE org_id = {}", kalix.id);
            let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&app.db.pool).await.unwrap();
            assert_eq!(n, 0, "{kind:?}: {table}");
        }
        assert!(beredd::store::orgs::get(&app.db.pool, app.org).await.unwrap().is_some());
        let page =
            p.client.get(format!("{}/platform?done=removed", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Organisationen är borttagen") && !page.contains("Kalix"), "{kind:?}");
    }
}

#[tokio::test]
async fn the_platform_login_is_throttled_as_the_ordinary_one() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let out = add_platform_admin(&app.db_url(), PADMIN, PASSWORD);
    assert!(out.status.success());
    let client = app.client();
    for _ in 0..5 {
        let resp = platform_login(&app, &client, PADMIN, "fel lösenord igen").await;
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }
    let resp = platform_login(&app, &client, PADMIN, PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS, "the right password is not even tried");
    // A short password is refused on the command line.
    let out = add_platform_admin(&app.db_url(), "kort", "kort");
    assert!(!out.status.success());
}

#[tokio::test]
async fn metrics_count_users_and_sessions_per_organisation() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let other = beredd::store::orgs::create(&app.db.pool, "Annan kommun", None, "annan").await.unwrap();
        app.add_user("karin", beredd_domain::Role::Reader, &[]).await;
        let _s = app.login("admin").await;
        let mut state = beredd::web::AppState::new(app.db.clone(), false).unwrap();
        state.metrics = Arc::new(beredd::web::metrics::Metrics::new(Some("skrapa".into())));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let _server = crate::harness::serve_state(listener, state);
        let text = reqwest::Client::new()
            .get(format!("{base}/metrics"))
            .bearer_auth("skrapa")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(text.contains("beredd_org_users{org=\"testkommun\"} 2"), "{kind:?}: {text}");
        assert!(text.contains("beredd_org_sessions{org=\"testkommun\"} 1"), "{kind:?}");
        assert!(text.contains("beredd_org_users{org=\"annan\"} 0"), "{kind:?}");
        // One series per organisation, nothing per user.
        let series = text.lines().filter(|l| l.starts_with("beredd_org_users{")).count();
        assert_eq!(series, 2, "{kind:?}");
        assert!(!text.contains("karin"), "{kind:?}");
        let _ = other;
    }
}

/// The value of `series` in a scrape (0 when it is missing).
fn value_of(text: &str, series: &str) -> u64 {
    text.lines().find_map(|l| l.strip_prefix(series)?.trim().parse().ok()).unwrap_or(0)
}

#[tokio::test]
async fn metrics_count_requests_per_organisation_by_session_and_api_token() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let other = beredd::store::orgs::create(&app.db.pool, "Annan kommun", None, "annan").await.unwrap();
        let hash = beredd::platform::passwords::hash(PASSWORD).unwrap();
        let new = beredd::store::users::NewUser {
            org_id: other,
            username: "admin",
            display_name: "Administratören i Annan",
            password_hash: &hash,
            role: beredd_domain::Role::Admin,
            lang: "sv",
        };
        let id = beredd::store::users::insert(&app.db.pool, &new).await.unwrap();
        let mut conn = app.db.pool.acquire().await.unwrap();
        let role = beredd_domain::Role::Admin;
        beredd::store::users::update_account(&mut conn, other, id, "Administratören", role, true, &[]).await.unwrap();
        drop(conn);
        let (a, b) = (app.login("admin").await, app.login_to(other, "admin").await);
        let r = b.post("/api-tokens", &[("name", "Synk"), ("access", "read"), ("areas", "organisation")]).await;
        let token = crate::harness::texts(&r.body, "#new-token code").pop().expect("the new token");
        // A server of its own with a scrape token; the sessions and the token reach it through
        // the database they share (the clients' cookies are for the host, whatever its port).
        let mut state = beredd::web::AppState::new(app.db.clone(), false).unwrap();
        state.metrics = Arc::new(beredd::web::metrics::Metrics::new(Some("skrapa".into())));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let _server = crate::harness::serve_state(listener, state);
        let scrape = || async {
            let resp = reqwest::Client::new().get(format!("{base}/metrics")).bearer_auth("skrapa").send().await;
            resp.unwrap().text().await.unwrap()
        };
        let text = scrape().await;
        assert!(text.contains("# TYPE beredd_org_requests counter"), "{kind:?}: {text}");
        assert_eq!(value_of(&text, "beredd_org_requests_total{org=\"testkommun\"}"), 0, "{kind:?}: {text}");
        assert!(text.contains("beredd_org_requests_total{org=\"annan\"} 0"), "{kind:?}: every organisation");
        for path in ["/", "/units", "/people"] {
            let resp = a.client.get(format!("{base}{path}")).send().await.unwrap();
            assert_eq!(resp.status(), StatusCode::OK, "{kind:?} {path}");
        }
        assert_eq!(b.client.get(format!("{base}/units")).send().await.unwrap().status(), StatusCode::OK);
        let resp = reqwest::Client::new().get(format!("{base}/api/v1/units")).bearer_auth(&token).send().await;
        assert_eq!(resp.unwrap().status(), StatusCode::OK, "{kind:?}");
        // Nobody's: the login page, a request without a session, an unknown token.
        reqwest::Client::new().get(format!("{base}/login")).send().await.unwrap();
        reqwest::Client::new().get(format!("{base}/api/v1/units")).bearer_auth("bd_fel").send().await.unwrap();
        let text = scrape().await;
        assert_eq!(value_of(&text, "beredd_org_requests_total{org=\"testkommun\"}"), 3, "{kind:?}: {text}");
        assert_eq!(value_of(&text, "beredd_org_requests_total{org=\"annan\"}"), 2, "{kind:?}: {text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("beredd_org_requests_total{")).count(), 2, "{kind:?}");
    }
}
