//! The platform administrator's second factor (hosted mode, issue 22): the `/platform` page asks
//! for it while there is none; it is set up with the secret the page shows (the tests compute the
//! app's codes from it with the application's one clock), then the platform's login asks for a
//! code after the password; a wrong code and a code already taken are refused; the operator
//! removes it with `beredd platform-admin reset-second-factor`.

use beredd::platform::totp;
use reqwest::StatusCode;

use super::platform::{PADMIN, add_platform_admin, platform_login, set_cookie};
use crate::harness::{PASSWORD, TestApp, beredd, hidden_csrf, kinds, texts};

/// The code the app shows `steps` time steps from now.
fn code_at(secret: &str, steps: i64) -> String {
    let bytes = totp::from_base32(secret).unwrap();
    let now = totp::step_of(beredd::platform::clock::now().unix_timestamp());
    format!("{:06}", totp::code(&bytes, now + steps))
}

/// The password, then `code` on the page that asks for it: the last answer's status and body,
/// and the client (with the platform's cookie when it logged in).
async fn login_with_code(app: &TestApp, code: &str) -> (StatusCode, String, reqwest::Client) {
    let client = app.client();
    let resp = platform_login(app, &client, PADMIN, PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::OK, "the password is right: the code is asked for");
    assert!(set_cookie(&resp, "beredd_platform").is_none(), "no session before the code");
    let step = set_cookie(&resp, "beredd_platform_step").expect("the second step's cookie");
    assert!(step.contains("Path=/platform;") && step.contains("HttpOnly"), "{step}");
    let body = resp.text().await.unwrap();
    assert!(body.contains("action=\"/platform/login/code\""), "{body}");
    let csrf = hidden_csrf(&body).unwrap();
    let form = [("_csrf", csrf.as_str()), ("code", code), ("next", "/platform")];
    let resp = client.post(format!("{}/platform/login/code", app.base)).form(&form).send().await.unwrap();
    (resp.status(), resp.text().await.unwrap(), client)
}

async fn platform_page(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    client.get(format!("{}/platform", app.base)).send().await.unwrap()
}

#[tokio::test]
async fn the_platform_administrator_sets_up_a_second_factor_and_the_operator_removes_it() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let out = add_platform_admin(&app.db_url(), PADMIN, PASSWORD);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let client = app.client();
        assert_eq!(platform_login(&app, &client, PADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
        // Without a second factor the page says so, and links to where it is set up.
        let page = platform_page(&app, &client).await.text().await.unwrap();
        let notice = texts(&page, "#second-factor-missing").join(" ");
        assert!(notice.contains("ingen tvåstegsverifiering"), "{kind:?}: {page}");
        assert!(page.contains("href=\"/platform/second-factor\""), "{kind:?}");

        let setup = client.get(format!("{}/platform/second-factor", app.base)).send().await.unwrap();
        assert_eq!(setup.status(), StatusCode::OK, "{kind:?}");
        let body = setup.text().await.unwrap();
        let secret = texts(&body, "#totp-secret").pop().expect("the secret is shown");
        let uri = texts(&body, "#totp-uri").pop().expect("the address an app reads");
        assert!(uri.starts_with("otpauth://totp/Beredd:") && uri.contains(&format!("secret={secret}")), "{uri}");
        let csrf = hidden_csrf(&body).unwrap();
        let post = |fields: Vec<(&'static str, String)>| {
            let client = client.clone();
            let url = format!("{}/platform/second-factor", app.base);
            async move { client.post(url).form(&fields).send().await.unwrap() }
        };
        // Without the session's token nothing is turned on; a wrong code neither.
        let first = code_at(&secret, 0);
        assert_eq!(post(vec![("code", first.clone())]).await.status(), StatusCode::FORBIDDEN, "{kind:?}");
        let wrong = post(vec![("_csrf", csrf.clone()), ("code", code_at(&secret, 5))]).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert!(wrong.text().await.unwrap().contains("Koden stämmer inte"), "{kind:?}");
        let on = post(vec![("_csrf", csrf.clone()), ("code", first.clone())]).await;
        assert_eq!(on.status(), StatusCode::SEE_OTHER, "{kind:?}");
        assert_eq!(on.headers()["location"], "/platform?done=second-factor");
        let done = client.get(format!("{}/platform?done=second-factor", app.base)).send().await.unwrap();
        let page = done.text().await.unwrap();
        assert!(!page.contains("second-factor-missing") && page.contains("Tvåstegsverifiering är påslagen"));
        let body = client.get(format!("{}/platform/second-factor", app.base)).send().await.unwrap().text().await;
        assert!(!body.unwrap().contains(&secret), "{kind:?}: the secret is never shown again");

        // The password alone no longer logs in; the code taken at the setup is not taken again,
        // nor is a wrong one.
        let (status, body, c) = login_with_code(&app, &first).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{kind:?}: a code is taken once");
        assert!(body.contains("Koden stämmer inte"), "{kind:?}");
        assert_eq!(platform_page(&app, &c).await.status(), StatusCode::SEE_OTHER, "{kind:?}: not logged in");
        assert_eq!(login_with_code(&app, "123456").await.0, StatusCode::UNAUTHORIZED, "{kind:?}");
        // The step's cookie alone, without the password, leads back to the login.
        let raw = app.client();
        let page = raw.get(format!("{}/platform/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let form = [("_csrf", csrf.as_str()), ("code", "123456"), ("next", "/platform")];
        let resp = raw.post(format!("{}/platform/login/code", app.base)).form(&form).send().await.unwrap();
        assert_eq!(resp.headers()["location"], "/platform/login", "{kind:?}");
        // The next code from the app logs in, once.
        let next = code_at(&secret, 1);
        let (status, _, c) = login_with_code(&app, &next).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{kind:?}");
        assert_eq!(platform_page(&app, &c).await.status(), StatusCode::OK, "{kind:?}");
        assert_eq!(login_with_code(&app, &next).await.0, StatusCode::UNAUTHORIZED, "{kind:?}");

        // The operator removes it: the sessions end and the password alone logs in again.
        let out = beredd()
            .args(["platform-admin", "reset-second-factor", "--database", &app.db_url(), PADMIN])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("har inte längre tvåstegsverifiering"), "{kind:?}");
        assert_eq!(platform_page(&app, &c).await.status(), StatusCode::SEE_OTHER, "{kind:?}: logged out");
        let (secret_after,): (Option<String>,) =
            sqlx::query_as("SELECT totp_secret FROM platform_admins WHERE username = $1")
                .bind(PADMIN)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(secret_after, None, "{kind:?}");
        let client = app.client();
        assert_eq!(platform_login(&app, &client, PADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER, "{kind:?}");
        let page = platform_page(&app, &client).await.text().await.unwrap();
        assert!(page.contains("id=\"second-factor-missing\""), "{kind:?}");
        // An unknown name is refused by the command line.
        let out = beredd()
            .args(["platform-admin", "reset-second-factor", "--database", &app.db_url(), "ingen.alls"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{kind:?}");
    }
}

#[tokio::test]
async fn five_wrong_codes_lock_the_name_however_often_the_password_is_typed_again() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    assert!(add_platform_admin(&app.db_url(), PADMIN, PASSWORD).status.success());
    let client = app.client();
    assert_eq!(platform_login(&app, &client, PADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let body = client.get(format!("{}/platform/second-factor", app.base)).send().await.unwrap().text().await;
    let body = body.unwrap();
    let secret = texts(&body, "#totp-secret").pop().unwrap();
    let form = [("_csrf", hidden_csrf(&body).unwrap()), ("code", code_at(&secret, 0))];
    let on = client.post(format!("{}/platform/second-factor", app.base)).form(&form).send().await.unwrap();
    assert_eq!(on.status(), StatusCode::SEE_OTHER);
    for _ in 0..5 {
        assert_eq!(login_with_code(&app, "000000").await.0, StatusCode::UNAUTHORIZED);
    }
    // The right password and the right code: the name is locked from this address all the same.
    let resp = platform_login(&app, &app.client(), PADMIN, PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS, "the password is not even tried");
}
