//! Accounts: logging in, sessions, CSRF, roles and unit scope enforced on the server, the
//! user's own account, users, and what every route does without a session.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, hidden_csrf, kinds};

mod api;
mod backups;
mod isolation;
mod jobs;
mod login_limits;
mod org_copy;
mod organisations;
mod passkeys;
mod platform;
mod platform_second_factor;
mod second_factor;
mod sso;

/// The routes anyone may reach without logging in. A new public route is a deliberate decision:
/// add it here, and the test below says so.
const PUBLIC_ROUTES: &[(&str, &str)] = &[
    ("GET", "/login"),
    // An organisation's own address (hosted mode): its login page.
    ("GET", "/o/{slug}"),
    ("POST", "/login"),
    // Logging in through the organisation's identity provider: out to it, and back.
    ("GET", "/login/sso"),
    // The second step of a local login (the code from the app), after the password.
    ("POST", "/login/code"),
    // The options for that step with a passkey (JSON for the browser's WebAuthn call).
    ("POST", "/login/passkey"),
    ("GET", "/login/sso/callback"),
    ("GET", "/setup/{token}"),
    ("POST", "/setup/{token}"),
    ("GET", "/healthz"),
    // The accessibility statement (DOS-lagen): anyone may read it; it holds nothing secret.
    ("GET", "/tillganglighet"),
    ("GET", "/static/{*path}"),
    ("GET", "/cycle/feed/{file}"),
    // A steering document's current version, for the one person a personal reading link names
    // (staff without an account confirm reading on their phone).
    ("GET", "/read/{token}"),
    ("POST", "/read/{token}"),
    ("GET", "/read/{token}/file"),
    // The platform administrator's login (hosted mode): its own account, not an organisation's.
    ("GET", "/platform/login"),
    ("POST", "/platform/login"),
    // Its second step (the code from the app), after the password.
    ("POST", "/platform/login/code"),
];

/// A route's path with every `{parameter}` (and `{*rest}`) replaced by `1`: the session check
/// comes before any parameter is read, so one value serves every route.
fn representative(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|c| open + c).expect("a closed parameter");
        out.push_str(&rest[..open]);
        out.push('1');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn every_route_without_a_session_is_sent_to_the_login_page() {
    use axum::http::Method;
    use beredd::web::routes::{Access, table};

    let routes = table();
    assert!(routes.len() > 150, "the router's table lists every route, not {}", routes.len());
    let mut public: Vec<(String, String)> =
        routes.iter().filter(|r| r.access == Access::Public).map(|r| (r.method.to_string(), r.path.clone())).collect();
    public.sort();
    let mut expected: Vec<(String, String)> =
        PUBLIC_ROUTES.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())).collect();
    expected.sort();
    assert_eq!(public, expected, "the public routes are exactly the ones listed in PUBLIC_ROUTES");

    for kind in kinds() {
        let app = TestApp::start(kind).await;
        // Something for the representative id to point at, so that a route that forgot its
        // session check would have something to show or change.
        app.add_unit("Socialförvaltningen", None).await;
        let before = app.row_counts().await;
        let client = app.client();
        let mut checked = 0;
        for route in routes.iter().filter(|r| r.access == Access::Session) {
            let path = representative(&route.path);
            let url = format!("{}{path}", app.base);
            let resp = if route.method == Method::GET {
                client.get(&url).send().await.unwrap()
            } else if route.method == Method::POST {
                client.post(&url).form(&[("name", "x")]).send().await.unwrap()
            } else {
                panic!("{kind:?}: {} {} is neither GET nor POST", route.method, route.path)
            };
            let what = format!("{kind:?}: {} {path} (from {})", route.method, route.path);
            assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{what}");
            let location = resp.headers()["location"].to_str().unwrap().to_owned();
            if route.method == Method::GET {
                let back = reqwest::Url::parse(&format!("http://x{location}")).unwrap();
                assert_eq!(back.path(), "/login", "{what} went to {location}");
                let next: Vec<String> =
                    back.query_pairs().filter(|(k, _)| k == "next").map(|(_, v)| v.into_owned()).collect();
                assert_eq!(next, std::slice::from_ref(&path), "{what}: the login page leads back");
            } else {
                assert!(location.starts_with("/login"), "{what} went to {location}");
            }
            checked += 1;
        }
        let token_routes = routes.iter().filter(|r| r.access == Access::Token).count();
        // The platform administrator's pages go to its own login page, never the organisations'.
        let mut platform_routes = 0;
        for route in routes.iter().filter(|r| r.access == Access::Platform) {
            let path = representative(&route.path);
            let url = format!("{}{path}", app.base);
            let resp =
                if route.method == Method::GET { client.get(&url) } else { client.post(&url).form(&[("name", "x")]) }
                    .send()
                    .await
                    .unwrap();
            let what = format!("{kind:?}: {} {path}", route.method);
            assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{what}");
            let location = resp.headers()["location"].to_str().unwrap().to_owned();
            assert!(location.starts_with("/platform/login?next="), "{what} went to {location}");
            platform_routes += 1;
        }
        assert!(platform_routes >= 7, "{kind:?}: the platform's routes are in the table");
        assert_eq!(checked, routes.len() - PUBLIC_ROUTES.len() - token_routes - platform_routes);
        // The API's routes want a token, not a session: 401 in JSON.
        for route in routes.iter().filter(|r| r.access == Access::Token) {
            let url = format!("{}{}", app.base, representative(&route.path));
            let resp = if route.method == Method::GET { client.get(&url) } else { client.post(&url).json(&"x") }
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{kind:?}: {} {}", route.method, route.path);
            assert!(resp.json::<serde_json::Value>().await.unwrap()["error"].is_string());
        }
        assert!(token_routes >= 7, "the API's routes are in the table");
        // The public routes answer without sending anyone to the login page.
        for route in routes.iter().filter(|r| r.access == Access::Public) {
            let url = format!("{}{}", app.base, representative(&route.path));
            let resp = if route.method == Method::GET {
                client.get(&url).send().await.unwrap()
            } else {
                client.post(&url).form(&[("name", "x")]).send().await.unwrap()
            };
            let location = resp.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
            if route.path == "/o/{slug}" {
                // An organisation's own address is its login page.
                assert_eq!(location, "/login?org=1", "{kind:?}");
                continue;
            }
            assert!(!location.starts_with("/login"), "{kind:?}: {} {} went to {location}", route.method, route.path);
        }
        assert_eq!(app.row_counts().await, before, "{kind:?}: nothing was stored");
    }
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_stores_nothing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let resp = s
            .client
            .post(format!("{}/units/new", app.base))
            .form(&[("name", "Utan token"), ("kind", "forvaltning")])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
        assert!(resp.text().await.unwrap().contains("Formuläret har gått ut"));
        let resp = s
            .client
            .post(format!("{}/units/new", app.base))
            .form(&[("_csrf", "fel"), ("name", "Fel token"), ("kind", "forvaltning")])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("units").await, 0);
    }
}

#[tokio::test]
async fn the_login_form_is_protected_against_cross_site_posts() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let resp = app
            .client()
            .post(format!("{}/login", app.base))
            .form(&[("username", "admin"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_strict_and_secure_behind_https() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let client = app.client();
        let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let resp = client
            .post(format!("{}/login", app.base))
            .header("x-forwarded-proto", "https")
            .form(&[("_csrf", csrf.as_str()), ("username", "admin"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        let cookies: Vec<String> =
            resp.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        let session = cookies.iter().find(|c| c.starts_with("beredd_session=")).expect("session cookie");
        assert!(
            session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.contains("Secure"),
            "{session}"
        );
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_five_failures_lock_the_name() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let client = app.client();
        for attempt in 1..=6 {
            let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
            let csrf = hidden_csrf(&page).unwrap();
            let resp = client
                .post(format!("{}/login", app.base))
                .form(&[("_csrf", csrf.as_str()), ("username", "admin"), ("password", "fel lösenord!")])
                .send()
                .await
                .unwrap();
            let status = resp.status();
            let body = resp.text().await.unwrap();
            if attempt <= 5 {
                assert_eq!(status, StatusCode::UNAUTHORIZED);
                assert!(body.contains("Fel användarnamn eller lösenord"));
            } else {
                assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
                assert!(body.contains("För många misslyckade försök"));
            }
        }
        // Even the right password is refused while the name is locked.
        let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let resp = client
            .post(format!("{}/login", app.base))
            .form(&[("_csrf", csrf.as_str()), ("username", "admin"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    }
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        assert_eq!(s.get("/units").await.status, StatusCode::OK);
        let r = s.post("/logout", &[]).await;
        assert_eq!(r.location.as_deref(), Some("/login"));
        assert_eq!(s.get("/units").await.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn a_user_changes_their_password_and_the_old_one_stops_working() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let r = s
            .post(
                "/account/password",
                &[("current", "fel"), ("new", "ett nytt långt lösen"), ("repeat", "ett nytt långt lösen")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Fel lösenord."));
        let r = s.post("/account/password", &[("current", PASSWORD), ("new", "kort"), ("repeat", "kort")]).await;
        assert!(r.body.contains("Minst 10 tecken"));
        let r = s
            .post(
                "/account/password",
                &[("current", PASSWORD), ("new", "ett nytt långt lösen"), ("repeat", "ett nytt långt lösen")],
            )
            .await;
        assert_eq!(r.location.as_deref(), Some("/account?msg=password"));
        let stored = beredd::store::users::by_username(&app.db.pool, app.org, "admin").await.unwrap().unwrap();
        assert!(stored.password_hash.starts_with("$argon2id$"));
        assert!(beredd::web::auth::verify_password("ett nytt långt lösen", &stored.password_hash));
        assert!(!beredd::web::auth::verify_password(PASSWORD, &stored.password_hash));
    }
}

#[tokio::test]
async fn english_can_be_chosen_per_user() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        assert!(s.get("/units").await.body.contains("<html lang=\"sv\">"));
        s.post("/account/language", &[("lang", "en")]).await;
        let body = s.get("/units").await.body;
        assert!(body.contains("<html lang=\"en\">") && body.contains("New unit"), "English page expected");
    }
}

#[tokio::test]
async fn a_unit_manager_edits_their_units_and_sub_units_but_not_another_unit() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let top = app.add_unit("Socialförvaltningen", None).await;
        let mine = app.add_unit("Hemtjänst Norr", Some(top)).await;
        let sub = app.add_unit("Nattpatrullen", Some(mine)).await;
        let other = app.add_unit("Särskilt boende Solgården", Some(top)).await;
        app.add_user("chef", Role::UnitManager, &[mine]).await;
        let s = app.login("chef").await;

        let edit = |id: i64, name: &'static str, parent: i64| {
            let s = &s;
            async move {
                s.post(
                    &format!("/units/{id}/edit"),
                    &[("name", name), ("kind", "enhet"), ("parent", &parent.to_string())],
                )
                .await
            }
        };
        assert_eq!(edit(mine, "Hemtjänst Norr (ny)", top).await.status, StatusCode::SEE_OTHER, "{kind:?}: own unit");
        assert_eq!(edit(sub, "Nattpatrullen (ny)", mine).await.status, StatusCode::SEE_OTHER, "{kind:?}: sub-unit");
        assert_eq!(edit(other, "Kapad", top).await.status, StatusCode::FORBIDDEN, "{kind:?}: another unit");
        // Nor may they move their sub-unit out of their scope, or delete another unit.
        assert_eq!(edit(sub, "Nattpatrullen", other).await.status, StatusCode::FORBIDDEN);
        assert_eq!(s.post(&format!("/units/{other}/delete"), &[]).await.status, StatusCode::FORBIDDEN);
        // Activities follow the unit's scope.
        let r = s
            .post("/activities/new", &[("name", "Nattbesök"), ("unit", &sub.to_string()), ("criticality", "kritisk")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = s
            .post("/activities/new", &[("name", "Nattbesök"), ("unit", &other.to_string()), ("criticality", "kritisk")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // They read the rest, and organisation-wide registers stay the coordinator's.
        assert_eq!(s.get(&format!("/units/{other}")).await.status, StatusCode::OK);
        assert_eq!(s.post("/suppliers/new", &[("name", "Leverantör X AB")]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(s.get("/users").await.status, StatusCode::FORBIDDEN);
        let (name,): (String,) =
            sqlx::query_as("SELECT name FROM units WHERE id = $1").bind(other).fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(name, "Särskilt boende Solgården");
    }
}

#[tokio::test]
async fn readers_and_crisis_staff_read_but_cannot_write() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Socialförvaltningen", None).await;
        for (name, role) in [("lasare", Role::Reader), ("stab", Role::CrisisStaff)] {
            app.add_user(name, role, &[unit]).await;
            let s = app.login(name).await;
            assert_eq!(s.get("/units").await.status, StatusCode::OK);
            let body = s.get(&format!("/units/{unit}")).await.body;
            assert!(!body.contains("/edit\""), "{name} sees no edit button");
            assert_eq!(s.get("/units/new").await.status, StatusCode::FORBIDDEN);
            assert_eq!(s.post("/units/new", &[("name", "Ny"), ("kind", "enhet")]).await.status, StatusCode::FORBIDDEN);
            assert_eq!(
                s.post(&format!("/units/{unit}/edit"), &[("name", "Ändrad"), ("kind", "forvaltning")]).await.status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(s.get("/audit").await.status, StatusCode::FORBIDDEN);
            assert_eq!(
                s.post("/scenarios/1/run", &[]).await.status,
                StatusCode::FORBIDDEN,
                "{name} cannot run a scenario"
            );
            let home = s.get("/").await.body;
            assert!(home.contains("Du kan läsa allt") && !home.contains("Att åtgärda"), "{name} gets no to-do links");
        }
        assert_eq!(app.count("units").await, 1);
    }
}

#[tokio::test]
async fn an_administrator_adds_a_unit_manager_who_can_then_log_in() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Centrum", None).await;
        let s = app.login("admin").await;
        let r = s
            .post(
                "/users/new",
                &[
                    ("username", "Anna.Berg"),
                    ("display_name", "Anna Berg"),
                    ("role", "unit_manager"),
                    ("units", &unit.to_string()),
                    ("password", "kort"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("Minst 10 tecken") && r.body.contains("value=\"Anna Berg\""),
            "error shown and input kept"
        );
        let r = s
            .post(
                "/users/new",
                &[
                    ("username", "Anna.Berg"),
                    ("display_name", "Anna Berg"),
                    ("role", "unit_manager"),
                    ("units", &unit.to_string()),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let anna = app.login("anna.berg").await;
        assert!(anna.get("/").await.body.contains("Hemtjänst Centrum"), "the start page shows her unit");
        // The administrator cannot take away their own administrator role.
        let admin_id = beredd::store::users::by_username(&app.db.pool, app.org, "admin").await.unwrap().unwrap().id;
        let r = s
            .post(&format!("/users/{admin_id}"), &[("display_name", "admin"), ("role", "reader"), ("active", "on")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[tokio::test]
async fn a_deactivated_user_is_logged_out_and_cannot_log_in() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let id = app.add_user("bertil", Role::Reader, &[]).await;
        let bertil = app.login("bertil").await;
        let admin = app.login("admin").await;
        let r = admin.post(&format!("/users/{id}"), &[("display_name", "Bertil"), ("role", "reader")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(bertil.get("/").await.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn login_refuses_names_that_cannot_exist_and_never_redirects_off_site() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let client = app.client();
        let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let long = "x".repeat(100_000);
        let resp = client
            .post(format!("{}/login", app.base))
            .form(&[("_csrf", csrf.as_str()), ("username", long.as_str()), ("password", "whatever")])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
        let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let resp = client
            .post(format!("{}/login", app.base))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("username", "admin"),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.headers()["location"], "/");
    }
}

#[tokio::test]
async fn https_is_pinned_with_hsts_when_cookies_are_secure() {
    let app = TestApp::start(kinds()[0]).await;
    // Served over plain HTTP (the tests, a loopback install): no HSTS, which would lock browsers out.
    let plain = app.client().get(format!("{}/login", app.base)).send().await.unwrap();
    assert!(plain.headers().get("strict-transport-security").is_none());
    // Served over HTTPS (`--secure-cookies`): every answer pins HTTPS.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    crate::harness::serve_state(listener, beredd::web::AppState::new(app.db.clone(), true).unwrap());
    let secure = app.client().get(format!("http://{addr}/login")).send().await.unwrap();
    let hsts = secure.headers().get("strict-transport-security").expect("HSTS").to_str().unwrap();
    assert!(hsts.starts_with("max-age=31536000"), "{hsts}");
}

#[tokio::test]
async fn a_session_left_unused_past_the_idle_limit_ends() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let set_seen = |secs_ago: i64| {
            let db = app.db.clone();
            async move {
                sqlx::query("UPDATE sessions SET last_seen_at = $1")
                    .bind(beredd::platform::clock::stamp_in(-secs_ago))
                    .execute(&db.pool)
                    .await
                    .unwrap();
            }
        };
        // Used seven hours ago: still valid, and this use counts as the last one.
        set_seen(7 * 3600).await;
        assert_eq!(s.get("/units").await.status, StatusCode::OK);
        let seen: (String,) =
            sqlx::query_as("SELECT last_seen_at FROM sessions").fetch_one(&app.db.pool).await.unwrap();
        assert!(seen.0 > beredd::platform::clock::stamp_in(-60), "{}", seen.0);
        // Unused for longer than the limit (eight hours): sent to the login page.
        set_seen(beredd::store::sessions::IDLE_SECS + 60).await;
        let r = s.get("/units").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location.unwrap().starts_with("/login"));
    }
}

#[tokio::test]
async fn two_people_using_the_setup_link_at_once_make_one_administrator() {
    for kind in kinds() {
        let test_db = crate::harness::fresh_db(kind).await;
        let db = test_db.connect().await;
        db.migrate().await.unwrap();
        let org = beredd::store::orgs::create(&db.pool, "Testkommun", None, "testkommun").await.unwrap();
        let token = beredd::store::sessions::create_setup_token(&db.pool, org).await.unwrap();
        let app = TestApp::serve(db, org, kind, test_db).await;
        let link = format!("{}/setup/{token}", app.base);
        let use_link = |name: &'static str| {
            let (client, link) = (app.client(), link.clone());
            async move {
                let page = client.get(&link).send().await.unwrap().text().await.unwrap();
                let csrf = hidden_csrf(&page).unwrap();
                let fields = [
                    ("_csrf", csrf.as_str()),
                    ("username", name),
                    ("display_name", name),
                    ("password", PASSWORD),
                    ("repeat", PASSWORD),
                ];
                client.post(&link).form(&fields).send().await.unwrap().status()
            }
        };
        let (a, b) = tokio::join!(use_link("forsta"), use_link("andra"));
        let mut statuses = [a, b];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND], "{kind:?}");
        assert_eq!(app.count("users").await, 1, "{kind:?}");
    }
}
