//! Single sign-on against a real OpenID Connect provider (the `oidc-provider` npm package, started
//! by `tests/browser/oidc-provider.mjs` on a free port of this machine): logging in creates the
//! user with the role their groups give, a changed group changes it, a tampered or forged ID token
//! and a wrong state are refused, a session is confirmed with the provider again, and with the
//! provider stopped a break-glass account still logs in while other local accounts are refused.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};

use beredd_domain::Role;
use reqwest::{StatusCode, Url};
use serde_json::{Value, json};

use crate::harness::{PASSWORD, Session, TestApp, hidden_csrf, kinds, texts};

const SECRET: &str = "klienthemlighet-som-aldrig-visas";

/// The provider, running; stopped when dropped.
struct Provider {
    child: Option<Child>,
    issuer: String,
    config: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Provider {
    /// Starts the provider with one client (redirecting to `app`) and `users`.
    fn start(app: &TestApp, users: Value) -> Provider {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("provider.json");
        let client = json!({ "client_id": "beredd", "client_secret": SECRET,
                             "redirect_uris": [format!("{}/login/sso/callback", app.base)] });
        std::fs::write(&config, json!({ "client": client, "users": users, "tamper": null }).to_string())
            .expect("config");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/browser/oidc-provider.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .arg(&config)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts the test provider (scripts/install-test-deps installs oidc-provider)");
        // Its output is read to the end on a thread of its own: a closed pipe would stop it at
        // its next line.
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(issuer) = line.strip_prefix("OIDC_PROVIDER ") {
                    let _ = tx.send(issuer.to_owned());
                }
            }
        });
        let issuer = rx.recv_timeout(std::time::Duration::from_secs(60)).expect("the provider prints its address");
        Provider { child: Some(child), issuer, config, _dir: dir }
    }

    /// Changes the provider's configuration (users, groups, tampering) while it runs.
    fn change(&self, f: impl FnOnce(&mut Value)) {
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&self.config).expect("read")).expect("json");
        f(&mut v);
        std::fs::write(&self.config, v.to_string()).expect("write");
    }

    fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        self.stop();
    }
}

fn users() -> Value {
    json!({
        "anna": { "password": "annas-lösen", "name": "Anna Berg", "email": "anna.berg@kommun.example", "groups": ["beredd-krisledning"] },
        "per": { "password": "pers-lösen", "name": "Per Lund", "email": "per.lund@kommun.example", "groups": ["beredd-chefer", "alla"] },
    })
}

/// Beredd with a unit, an administrator logged in, and the provider configured through the
/// administrator's page.
async fn configured(app: &TestApp) -> (Provider, Session, i64) {
    let unit = app.add_unit("Hemtjänst Norr", None).await;
    let admin = app.login("admin").await;
    let provider = Provider::start(app, users());
    let mapping =
        format!("beredd-admin = admin\nberedd-krisledning = crisis_staff\nberedd-chefer = unit_manager: {unit}");
    let r = admin
        .post(
            "/login-settings",
            &[
                ("issuer", &provider.issuer),
                ("client_id", "beredd"),
                ("client_secret", SECRET),
                ("public_url", &app.base),
                ("groups_claim", "groups"),
                ("group_roles", &mapping),
                ("break_glass_roles", "crisis_staff"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the settings are saved: {}", r.body);
    (provider, admin, unit)
}

/// Where a chain of answers ended: the last address and answer.
struct End {
    url: Url,
    status: StatusCode,
    body: String,
}

/// Follows redirects from `url` (at most 20), posting the provider's sign-in form as `user` when
/// it is shown; stops before `stop_at` when given (a path on Beredd, the callback say).
async fn follow(client: &reqwest::Client, url: &str, user: (&str, &str), stop_before: Option<&str>) -> End {
    let mut url = Url::parse(url).expect("url");
    let mut resp = client.get(url.clone()).send().await.expect("get");
    for _ in 0..20 {
        if resp.status().is_redirection() {
            let to = resp.headers().get("location").and_then(|v| v.to_str().ok()).expect("location").to_owned();
            url = url.join(&to).expect("location is an address");
            if stop_before.is_some_and(|p| url.path() == p) {
                return End { url, status: resp.status(), body: String::new() };
            }
            resp = client.get(url.clone()).send().await.expect("get");
            continue;
        }
        let status = resp.status();
        let body = resp.text().await.expect("body");
        let action = scraper::Html::parse_document(&body)
            .select(&scraper::Selector::parse("form[action^='/interaction/']").unwrap())
            .next()
            .and_then(|f| f.value().attr("action").map(str::to_owned));
        match action {
            Some(action) => {
                let to = url.join(&action).expect("form action");
                resp = client.post(to).form(&[("login", user.0), ("password", user.1)]).send().await.expect("post");
            }
            None => return End { url, status, body },
        }
    }
    panic!("more than 20 redirects from {url}");
}

/// Logs in through the provider in a fresh browser; the last answer and the browser.
async fn sso_login(app: &TestApp, user: (&str, &str)) -> (End, reqwest::Client) {
    let client = app.client();
    let end = follow(&client, &format!("{}/login/sso?next=%2Funits", app.base), user, None).await;
    (end, client)
}

const ANNA: (&str, &str) = ("anna", "annas-lösen");
const PER: (&str, &str) = ("per", "pers-lösen");

/// (role, units, active, has a local password) of the user who came through the provider as `sub`.
async fn sso_user(app: &TestApp, issuer: &str, sub: &str) -> Option<(Role, Vec<i64>, bool, bool)> {
    let subject = format!("{issuer} {sub}");
    let u = beredd::store::users::by_subject(&app.db.pool, app.org, &subject).await.expect("lookup")?;
    let units = beredd::store::users::granted_units(&app.db.pool, u.id).await.expect("units");
    Some((u.role, units, u.active.get(), !u.password_hash.is_empty()))
}

async fn local_login(app: &TestApp, username: &str) -> (StatusCode, String) {
    let client = app.client();
    let page = client.get(format!("{}/login", app.base)).send().await.expect("page").text().await.expect("body");
    let csrf = hidden_csrf(&page).expect("csrf");
    let resp = client
        .post(format!("{}/login", app.base))
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .expect("login");
    (resp.status(), resp.text().await.unwrap_or_default())
}

#[tokio::test]
async fn logging_in_through_the_provider_creates_the_user_with_the_role_their_groups_give() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let (provider, admin, unit) = configured(&app).await;

        // The secret is stored, never shown again, and never in the audit trail.
        let settings = admin.get("/login-settings").await;
        assert_eq!(settings.status, StatusCode::OK);
        assert!(!settings.body.contains(SECRET), "the secret is not shown");
        assert!(settings.body.contains("En hemlighet är sparad"), "the page says a secret is set");
        assert!(settings.body.contains(&format!("{}/login/sso/callback", app.base)), "the redirect URI to register");
        let (leaks,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE COALESCE(before_json, '') LIKE $1 OR COALESCE(after_json, '') LIKE $1 OR summary LIKE $1",
        )
        .bind(format!("%{SECRET}%"))
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(leaks, 0, "the client secret is never in the audit trail");
        let (entries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = 'sso-provider'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(entries, 1, "the configuration is audited");

        // Nor in an export (or so a backup): the provider's settings stay on the server.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("export.zip");
        let status = crate::harness::beredd()
            .args(["export", "organisation", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out"])
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().into_owned();
            assert_ne!(name, "tables/sso_providers.json");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            assert!(!String::from_utf8_lossy(&bytes).contains(SECRET), "the secret is not in {name}");
        }

        // The login page offers the provider.
        let page = app.client().get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        assert_eq!(texts(&page, "a.button"), vec!["Logga in med kommunens konto"]);

        // Anna is created on her first login, crisis staff by her group, with no local password.
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await, None);
        let (end, client) = sso_login(&app, ANNA).await;
        assert_eq!(end.status, StatusCode::OK, "{}", end.body);
        assert!(end.body.contains("Du är inloggad"), "{}", end.body);
        assert!(end.body.contains("url=/units"), "the page goes on to where she was going");
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await, Some((Role::CrisisStaff, vec![], true, false)));
        let units = client.get(format!("{}/units", app.base)).send().await.unwrap();
        assert_eq!(units.status(), StatusCode::OK, "her session works");
        let home = client.get(format!("{}/", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(home.contains("Anna Berg"), "her name is the provider's");

        // Per is a unit manager of the unit his group names.
        let (end, _) = sso_login(&app, PER).await;
        assert_eq!(end.status, StatusCode::OK, "{}", end.body);
        assert_eq!(sso_user(&app, &provider.issuer, "per").await, Some((Role::UnitManager, vec![unit], true, false)));

        // A changed group changes the role at the next login, audited.
        provider.change(|c| c["users"]["anna"]["groups"] = json!(["beredd-chefer"]));
        let (end, _) = sso_login(&app, ANNA).await;
        assert_eq!(end.status, StatusCode::OK, "{}", end.body);
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await, Some((Role::UnitManager, vec![unit], true, false)));
        let (updates,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND action = 'update' AND username = 'anna'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(updates, 1, "the change of role is in the audit trail");

        // With no group that gives a role she is not let in, and her account is turned off.
        provider.change(|c| c["users"]["anna"]["groups"] = json!(["någon-annan-grupp"]));
        let (end, _) = sso_login(&app, ANNA).await;
        assert_eq!(end.status, StatusCode::FORBIDDEN);
        assert!(end.body.contains("ger ingen behörighet i Beredd"), "{}", end.body);
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await, Some((Role::UnitManager, vec![unit], false, false)));
        let units = client.get(format!("{}/units", app.base)).send().await.unwrap();
        assert_eq!(units.status(), StatusCode::SEE_OTHER, "her earlier session ended with her account");

        // No local password works for a user who came through the provider.
        let (status, _) = local_login(&app, "per").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn a_tampered_or_forged_id_token_and_a_wrong_state_are_refused() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let (provider, _admin, _) = configured(&app).await;
        for mode in ["payload", "key", "nonce", "audience", "expired"] {
            provider.change(|c| c["tamper"] = json!(mode));
            let (end, client) = sso_login(&app, ANNA).await;
            assert_eq!(end.status, StatusCode::BAD_REQUEST, "a token with its {mode} changed is refused");
            assert!(end.body.contains("inte gick att lita på"), "{mode}: {}", end.body);
            let home = client.get(format!("{}/", app.base)).send().await.unwrap();
            assert_eq!(home.status(), StatusCode::SEE_OTHER, "{mode}: no session");
            assert_eq!(sso_user(&app, &provider.issuer, "anna").await, None, "{mode}: no user made");
        }
        provider.change(|c| c["tamper"] = Value::Null);

        // The callback with a state this browser did not start, or none kept, is refused.
        let client = app.client();
        let cb = follow(&client, &format!("{}/login/sso", app.base), ANNA, Some("/login/sso/callback")).await;
        let code = cb.url.query_pairs().find(|(k, _)| k == "code").map(|(_, v)| v.into_owned()).expect("a code");
        let wrong = client
            .get(format!("{}/login/sso/callback?code={code}&state=not-the-state", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
        assert!(wrong.text().await.unwrap().contains("startad i en annan webbläsare"));
        let other_browser = app.client().get(cb.url.clone()).send().await.unwrap();
        assert_eq!(other_browser.status(), StatusCode::BAD_REQUEST, "the state must be this browser's");
        // The right browser goes through once; the same answer again is refused.
        let once = client.get(cb.url.clone()).send().await.unwrap();
        assert_eq!(once.status(), StatusCode::OK);
        let twice = client.get(cb.url.clone()).send().await.unwrap();
        assert_eq!(twice.status(), StatusCode::BAD_REQUEST, "a state is used once");
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await.map(|u| u.0), Some(Role::CrisisStaff));
    }
}

#[tokio::test]
async fn a_session_is_confirmed_with_the_provider_again_and_a_refused_user_is_turned_off() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let (provider, _admin, _) = configured(&app).await;
        let (end, client) = sso_login(&app, ANNA).await;
        assert_eq!(end.status, StatusCode::OK);
        let set_back = || async {
            sqlx::query("UPDATE sessions SET sso_checked_at = $1 WHERE sso_checked_at IS NOT NULL")
                .bind(beredd::platform::clock::stamp_in(-5 * 3600))
                .execute(&app.db.pool)
                .await
                .unwrap();
        };
        // Five hours on, the next page goes through the provider, silently while her session there lasts.
        set_back().await;
        let units = client.get(format!("{}/units", app.base)).send().await.unwrap();
        assert_eq!(units.status(), StatusCode::SEE_OTHER);
        assert_eq!(units.headers()["location"], "/login/sso?next=%2Funits");
        let end = follow(&client, &format!("{}/login/sso?next=%2Funits", app.base), ("", ""), None).await;
        assert_eq!(end.status, StatusCode::OK, "confirmed without the form: {}", end.body);
        assert_eq!(client.get(format!("{}/units", app.base)).send().await.unwrap().status(), StatusCode::OK);
        let (sessions,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(sessions, 2, "the administrator's and Anna's new one; her old one ended");

        // Blocked at the provider, the next check turns her account off.
        provider.change(|c| c["users"]["anna"]["blocked"] = json!(true));
        set_back().await;
        let end = follow(&client, &format!("{}/units", app.base), ("", ""), None).await;
        assert_eq!(end.status, StatusCode::FORBIDDEN);
        assert!(end.body.contains("släppte inte in dig"), "{}", end.body);
        assert_eq!(sso_user(&app, &provider.issuer, "anna").await.map(|u| u.2), Some(false), "turned off");
        let (off,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'deactivate' AND entity = 'user'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(off, 1, "audited");
    }
}

#[tokio::test]
async fn with_the_provider_down_a_break_glass_account_still_logs_in_and_other_local_accounts_are_refused() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let kris = app.add_user("kris", Role::CrisisStaff, &[]).await;
        app.add_user("kris2", Role::CrisisStaff, &[]).await;
        app.add_user("vanlig", Role::Reader, &[]).await;
        let reader_glass = app.add_user("lasare", Role::Reader, &[]).await;
        let (mut provider, admin, _) = configured(&app).await;
        // The administrator designates the break-glass accounts on the user's page.
        for (id, role) in [(kris, "crisis_staff"), (reader_glass, "reader")] {
            let r = admin
                .post(
                    &format!("/users/{id}"),
                    &[("display_name", "Utsedd i förväg"), ("role", role), ("active", "on"), ("break_glass", "on")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let list = admin.get("/users").await.body;
        assert_eq!(list.matches(">Nödkonto</td>").count(), 2, "the list says which are break-glass accounts");

        provider.stop();
        let down = app.client().get(format!("{}/login/sso", app.base)).send().await.unwrap();
        assert_eq!(down.status(), StatusCode::BAD_GATEWAY);
        assert!(down.text().await.unwrap().contains("svarar inte just nu"));

        // The break-glass account of a chosen role logs in, and it is audited.
        let (status, _) = local_login(&app, "kris").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "the break-glass account logs in");
        let (uses,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'break-glass-login' AND username = 'kris'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(uses, 1);
        // Every other local login is refused, after the right password, with what to do instead:
        // an ordinary account, a crisis-staff account not designated, a break-glass account of a
        // role not chosen, and an administrator who is not a break-glass account.
        for name in ["vanlig", "kris2", "lasare", "admin"] {
            let (status, body) = local_login(&app, name).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{name} is refused");
            assert!(body.contains("Lokala lösenord fungerar bara för utsedda nödkonton"), "{name}");
        }
        // Every administrator sees the use on the start page.
        let home = admin.get("/").await.body;
        assert!(home.contains("Nödkonton har använts"), "shown on the administrator's start page");
        assert!(texts(&home, "main a").iter().any(|t| t.starts_with("kris (")), "naming the account");

        // Single sign-on turned off: local accounts work as before.
        let r = admin.post("/login-settings", &[("off", "on")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(local_login(&app, "vanlig").await.0, StatusCode::SEE_OTHER);
        let page = app.client().get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(!page.contains("Logga in med kommunens konto"));
    }
}

#[tokio::test]
async fn the_settings_refuse_bad_input_naming_the_field_and_line() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let admin = app.login("admin").await;
        let r = admin
            .post(
                "/login-settings",
                &[
                    ("issuer", "inte en adress"),
                    ("client_id", "beredd"),
                    ("client_secret", ""),
                    ("public_url", &app.base),
                    ("group_roles", "beredd-admin = admin\nchefer = unit_manager: 999"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let summary = texts(&r.body, ".error-summary a");
        assert!(summary.iter().any(|t| t.starts_with("Utfärdare")), "{summary:?}");
        assert!(summary.iter().any(|t| t.starts_with("Klienthemlighet")), "{summary:?}");
        assert!(summary.iter().any(|t| t.contains("Rad 2")), "the mapping's line is named: {summary:?}");
        assert!(r.body.contains("unit_manager: 999"), "what was typed is kept");
        assert!(beredd::store::sso::get(&app.db.pool, app.org).await.unwrap().is_none(), "nothing stored");
        // Without a provider the button's address says so; and one address may start only so
        // many logins through the provider (each writes a row and asks the provider).
        let from = app.client_from([127, 0, 0, 9]);
        let mut statuses = Vec::new();
        for _ in 0..21 {
            statuses.push(from.get(format!("{}/login/sso", app.base)).send().await.unwrap().status());
        }
        assert!(statuses[..20].iter().all(|s| *s == StatusCode::FORBIDDEN), "{statuses:?}");
        assert_eq!(statuses[20], StatusCode::TOO_MANY_REQUESTS);
        // Only administrators reach the page.
        app.add_user("samordnare", Role::Coordinator, &[]).await;
        let s = app.login("samordnare").await;
        assert_eq!(s.get("/login-settings").await.status, StatusCode::FORBIDDEN);
    }
}
