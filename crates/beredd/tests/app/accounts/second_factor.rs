//! The second factor of local accounts (TOTP, RFC 6238): set up with the secret the page shows
//! (the tests compute the app's codes from it with the application's one clock), asked for after
//! the password, each code and recovery code taken once, and reset by an administrator.

use beredd::platform::totp;
use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, hidden_csrf, kinds, texts};

/// The code the app shows `steps` time steps from now.
fn code_at(secret: &str, steps: i64) -> String {
    let bytes = totp::from_base32(secret).unwrap();
    let now = totp::step_of(beredd::platform::clock::now().unix_timestamp());
    format!("{:06}", totp::code(&bytes, now + steps))
}

/// Logs in with the password, then `code` if the page asks; (status of the last answer, body, client).
async fn login(app: &TestApp, username: &str, code: Option<&str>) -> (StatusCode, String, reqwest::Client) {
    let client = app.client();
    let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).unwrap();
    let resp = client
        .post(format!("{}/login", app.base))
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();
    let (status, body) = (resp.status(), resp.text().await.unwrap());
    let Some(code) = code else { return (status, body, client) };
    assert!(body.contains("Kod från appen"), "the login asks for the code: {body}");
    let csrf = hidden_csrf(&body).unwrap();
    let resp = client
        .post(format!("{}/login/code", app.base))
        .form(&[("_csrf", csrf.as_str()), ("code", code), ("next", "/")])
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap(), client)
}

#[tokio::test]
async fn a_local_account_with_a_second_factor_logs_in_with_the_code_from_its_app() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let kris = app.add_user("kris", Role::CrisisStaff, &[]).await;
        let s = app.login("kris").await;
        let page = s.get("/account/second-factor").await;
        assert_eq!(page.status, StatusCode::OK);
        let secret = texts(&page.body, "#totp-secret").pop().expect("the secret is shown");
        assert!(page.body.contains("otpauth://totp/Beredd:kris?secret="), "the address an app reads");
        // A wrong code is refused and nothing is turned on.
        let wrong = code_at(&secret, 5);
        let r = s.post("/account/second-factor", &[("code", &wrong)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Koden stämmer inte"));
        let first = code_at(&secret, 0);
        let r = s.post("/account/second-factor", &[("code", &first)]).await;
        assert_eq!(r.status, StatusCode::OK);
        let recovery = texts(&r.body, ".recovery-codes code");
        assert_eq!(recovery.len(), 10, "ten recovery codes, shown once");
        assert!(!s.get("/account/second-factor").await.body.contains(&recovery[0]), "never shown again");

        // The password alone no longer logs in: the code is asked for.
        let (status, _, client) = login(&app, "kris", None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(client.get(format!("{}/", app.base)).send().await.unwrap().status(), StatusCode::SEE_OTHER);
        // The code already used (when it was set up) is not taken again; a wrong one neither.
        let (status, body, _) = login(&app, "kris", Some(&first)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "a code is taken once");
        assert!(body.contains("Koden stämmer inte"));
        assert_eq!(login(&app, "kris", Some("12345")).await.0, StatusCode::UNAUTHORIZED);
        // The next code from the app logs in.
        let (status, _, client) = login(&app, "kris", Some(&code_at(&secret, 1))).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(client.get(format!("{}/", app.base)).send().await.unwrap().status(), StatusCode::OK);
        // A recovery code works once.
        assert_eq!(login(&app, "kris", Some(&recovery[3])).await.0, StatusCode::SEE_OTHER);
        assert_eq!(login(&app, "kris", Some(&recovery[3])).await.0, StatusCode::UNAUTHORIZED);

        // The second step cannot be reached without the password first.
        let stranger = app.client();
        let page = stranger.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let r = stranger
            .post(format!("{}/login/code", app.base))
            .form(&[("_csrf", csrf.as_str()), ("code", &code_at(&secret, 1)), ("next", "/")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/login");

        // An administrator resets it (audited); the password alone logs in again.
        let admin = app.login("admin").await;
        let r = admin.post(&format!("/users/{kris}/second-factor"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (resets,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'second-factor-reset' AND entity_id = $1")
                .bind(kris)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(resets, 1);
        assert_eq!(login(&app, "kris", None).await.0, StatusCode::SEE_OTHER);
        // Only an administrator may reset it.
        let r = s.post(&format!("/users/{kris}/second-factor"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn five_wrong_codes_lock_the_name_however_often_the_password_is_typed_again() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    app.add_user("kris", Role::CrisisStaff, &[]).await;
    let s = app.login("kris").await;
    let secret = texts(&s.get("/account/second-factor").await.body, "#totp-secret").pop().unwrap();
    assert_eq!(s.post("/account/second-factor", &[("code", &code_at(&secret, 0))]).await.status, StatusCode::OK);
    // Each guess at the code comes after the right password, typed again.
    for _ in 0..5 {
        assert_eq!(login(&app, "kris", Some("000000")).await.0, StatusCode::UNAUTHORIZED);
    }
    // The right password and the right code: the name is locked from this address all the same.
    let (status, _, _) = login(&app, "kris", None).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "the password is not even tried");
}

#[tokio::test]
async fn an_organisation_that_requires_a_second_factor_has_local_accounts_set_one_up_first() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("per", Role::Reader, &[]).await;
        let admin = app.login("admin").await;
        let r = admin.post("/organisation", &[("name", "Testkommun"), ("second_factor_required", "all-local")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Per logs in with his password and is sent to set one up before anything else.
        let (status, _, client) = login(&app, "per", None).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let units = client.get(format!("{}/units", app.base)).send().await.unwrap();
        assert_eq!(units.status(), StatusCode::SEE_OTHER);
        assert_eq!(units.headers()["location"], "/account/second-factor");
        let page =
            client.get(format!("{}/account/second-factor", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Organisationen kräver tvåstegsverifiering"));
        let secret = texts(&page, "#totp-secret").pop().unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let r = client
            .post(format!("{}/account/second-factor", app.base))
            .form(&[("_csrf", csrf.as_str()), ("code", &code_at(&secret, 0))])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(client.get(format!("{}/units", app.base)).send().await.unwrap().status(), StatusCode::OK);
        // The administrator, who set it, is held to it too at their next page.
        assert_eq!(admin.get("/units").await.location.as_deref(), Some("/account/second-factor"));
    }
}

#[tokio::test]
async fn an_organisation_may_require_a_second_factor_of_its_break_glass_accounts_only() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let nod = app.add_user("nod", Role::CrisisStaff, &[]).await;
        app.add_user("per", Role::Reader, &[]).await;
        sqlx::query("UPDATE users SET break_glass = 1 WHERE id = $1").bind(nod).execute(&app.db.pool).await.unwrap();
        let admin = app.login("admin").await;
        let r =
            admin.post("/organisation", &[("name", "Testkommun"), ("second_factor_required", "vem som helst")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown choice is refused");
        let r = admin.post("/organisation", &[("name", "Testkommun"), ("second_factor_required", "break-glass")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let form = admin.get("/organisation").await.body;
        assert_eq!(texts(&form, "#second_factor_required option[selected]"), vec!["För nödkonton"]);
        // The break-glass account sets one up first; the ordinary account and the administrator do not.
        let (_, _, nod_client) = login(&app, "nod", None).await;
        let units = nod_client.get(format!("{}/units", app.base)).send().await.unwrap();
        assert_eq!(units.headers()["location"], "/account/second-factor");
        let (_, _, per_client) = login(&app, "per", None).await;
        assert_eq!(per_client.get(format!("{}/units", app.base)).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(admin.get("/units").await.status, StatusCode::OK);
    }
}
