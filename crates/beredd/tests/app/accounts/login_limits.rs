//! Logging in under attack (security review F3): a guesser locks a name only from their own
//! address, an address that tries too often is stopped before any password is hashed, a flood
//! is told to wait instead of queueing without end, the pre-login token is one the server signed,
//! and `X-Forwarded-For` counts only from a proxy the operator named.

use std::sync::Arc;

use reqwest::StatusCode;

use crate::harness::{PASSWORD, TestApp, hidden_csrf, kinds, reply, serve_state};

/// Posts the login form from `client` (which keeps its cookies) as a browser would.
async fn log_in(client: &reqwest::Client, base: &str, name: &str, password: &str) -> crate::harness::Reply {
    log_in_via(client, base, name, password, None).await
}

async fn log_in_via(
    client: &reqwest::Client,
    base: &str,
    name: &str,
    password: &str,
    forwarded_for: Option<&str>,
) -> crate::harness::Reply {
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).expect("the login form has its token");
    let mut req = client.post(format!("{base}/login")).form(&[
        ("_csrf", csrf.as_str()),
        ("username", name),
        ("password", password),
        ("next", "/"),
    ]);
    if let Some(f) = forwarded_for {
        req = req.header("x-forwarded-for", f);
    }
    reply(req.send().await.unwrap()).await
}

#[tokio::test]
async fn a_guesser_locks_the_name_only_from_their_own_address() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let attacker = app.client_from([127, 0, 0, 66]);
        for _ in 0..5 {
            let r = log_in(&attacker, &app.base, "admin", "fel lösenord!").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let r = log_in(&attacker, &app.base, "admin", "fel lösenord!").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(r.body.contains("För många misslyckade försök"), "{}", r.body);
        // The guesser does not get in with the right password either …
        assert_eq!(log_in(&attacker, &app.base, "admin", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
        // … but the real user, at their own computer, does.
        let user = app.client_from([127, 0, 0, 7]);
        let r = log_in(&user, &app.base, "admin", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        assert_eq!(r.location.as_deref(), Some("/"));
    }
}

#[tokio::test]
async fn an_address_that_tries_too_often_is_stopped_before_any_password_is_hashed() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        // A server of its own on the same database, to count the passwords it hashes.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = beredd::web::AppState::new(app.db.clone(), false).unwrap();
        let hashing = state.hashing.clone();
        serve_state(listener, state);
        let sprayer = app.client_from([127, 0, 0, 77]);
        // Thirty names at once, one guess each (so no name is locked): the address has a budget
        // of twenty, and regains one attempt every three seconds.
        let page = sprayer.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
        let csrf = hidden_csrf(&page).unwrap();
        let started = std::time::Instant::now();
        let guesses = (0..30).map(|n| {
            let name = format!("anvandare{n}");
            let req = sprayer.post(format!("{base}/login")).form(&[
                ("_csrf", csrf.as_str()),
                ("username", name.as_str()),
                ("password", "Sommar2026!"),
            ]);
            async move { reply(req.send().await.unwrap()).await }
        });
        let replies = futures_util::future::join_all(guesses).await;
        let regained = (started.elapsed().as_secs() / 3) as usize;
        let checked = replies.iter().filter(|r| r.status == StatusCode::UNAUTHORIZED).count();
        let refused: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS).collect();
        assert_eq!(checked + refused.len(), 30, "{kind:?}");
        assert!((20..=20 + regained).contains(&checked), "{kind:?}: {checked} checked");
        assert!(!refused.is_empty());
        for r in &refused {
            assert!(r.body.contains("För många inloggningsförsök från din dator eller ditt nätverk"), "{}", r.body);
        }
        // Only those let through were hashed.
        assert_eq!(hashing.started(), checked, "{kind:?}");
        // Another computer is not held up, and people who log in rightly give their attempt back:
        // a whole office behind one address logs in more often than the budget.
        let office = app.client_from([127, 0, 0, 78]);
        for _ in 0..30 {
            assert_eq!(log_in(&office, &base, "admin", PASSWORD).await.status, StatusCode::SEE_OTHER);
        }
        assert_eq!(hashing.started(), checked + 30);
    }
}

#[tokio::test]
async fn a_flood_of_logins_is_told_to_try_again_shortly_instead_of_queueing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        // A second server on the same database with a small hashing queue (one at a time, two
        // waiting), so that the flood below overfills it whatever the machine's speed.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut state = beredd::web::AppState::new(app.db.clone(), false).unwrap();
        state.hashing = Arc::new(beredd::platform::limit::Limit::new(1, 2));
        serve_state(listener, state);
        // Forty computers at once, each with one guess.
        let guesses = (0..40u8).map(|n| {
            let (client, base) = (app.client_from([127, 0, 1, n + 1]), base.clone());
            async move { log_in(&client, &base, &format!("gissning{n}"), "fel lösenord!").await }
        });
        let replies = futures_util::future::join_all(guesses).await;
        let busy: Vec<&crate::harness::Reply> =
            replies.iter().filter(|r| r.status == StatusCode::SERVICE_UNAVAILABLE).collect();
        assert!(!busy.is_empty(), "{kind:?}: some were told the server is busy");
        assert!(busy[0].body.contains("Många loggar in just nu. Vänta en liten stund och försök igen."));
        assert!(
            replies.iter().all(|r| [StatusCode::UNAUTHORIZED, StatusCode::SERVICE_UNAVAILABLE].contains(&r.status)),
            "{kind:?}: every guess was answered, either checked or refused"
        );
        // Once the flood is over, logging in works, also from an address that was told to wait.
        let r = log_in(&app.client_from([127, 0, 1, 1]), &base, "admin", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
    }
}

#[tokio::test]
async fn the_login_form_takes_only_a_token_the_server_signed() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let post = |cookie: String, field: String| {
            let req = plain
                .post(format!("{}/login", app.base))
                .header("cookie", format!("beredd_prelogin={cookie}"))
                .form(&[("_csrf", field.as_str()), ("username", "admin"), ("password", PASSWORD)]);
            async move { req.send().await.unwrap().status() }
        };
        // Any equal pair made up by the sender is refused: nothing is checked, nobody logs in.
        assert_eq!(post("x".into(), "x".into()).await, StatusCode::FORBIDDEN);
        let forged = "AAAAAAAAAAAAAAAAAAAAAA.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assert_eq!(post(forged.into(), forged.into()).await, StatusCode::FORBIDDEN);
        // A real token with its time moved on no longer matches its signature.
        let page = plain.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let token = hidden_csrf(&page).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3, "{token}");
        let later = format!("{}.{}.{}", parts[0], parts[1].parse::<i64>().unwrap() + 86_400, parts[2]);
        assert_eq!(post(later.clone(), later).await, StatusCode::FORBIDDEN);
        // Another server's token (another key) is refused too; the page's own is taken.
        let other = TestApp::start(kind).await;
        let page = plain.get(format!("{}/login", other.base)).send().await.unwrap().text().await.unwrap();
        let foreign = hidden_csrf(&page).unwrap();
        assert_eq!(post(foreign.clone(), foreign).await, StatusCode::FORBIDDEN);
        assert_eq!(post(token.clone(), token).await, StatusCode::SEE_OTHER, "{kind:?}");
    }
}

#[tokio::test]
async fn behind_a_named_proxy_each_client_counts_by_the_address_it_forwards() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut state = beredd::web::AppState::new(app.db.clone(), false).unwrap();
        state.trusted_proxies = Arc::new(vec!["127.0.0.1".parse().unwrap()]);
        serve_state(listener, state);
        // Everyone reaches Beredd through the proxy (127.0.0.1), which says who they are.
        let proxy = app.client();
        for _ in 0..5 {
            let r = log_in_via(&proxy, &base, "admin", "fel lösenord!", Some("198.51.100.66")).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let r = log_in_via(&proxy, &base, "admin", PASSWORD, Some("198.51.100.66")).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{kind:?}: the guesser's address is locked");
        let r = log_in_via(&proxy, &base, "admin", PASSWORD, Some("203.0.113.5, 198.51.100.7")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: the user at another address gets in");
        // A client that is not the proxy cannot choose its address by sending the header.
        let direct = app.client_from([127, 0, 0, 99]);
        for n in 0..5 {
            let ip = format!("198.51.100.{}", 100 + n);
            let r = log_in_via(&direct, &base, "admin", "fel lösenord!", Some(&ip)).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let r = log_in_via(&direct, &base, "admin", PASSWORD, Some("198.51.100.200")).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{kind:?}: counted by where it connects from");
    }
}
