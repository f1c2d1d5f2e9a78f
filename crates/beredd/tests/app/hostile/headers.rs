//! The headers every answer carries (security review F14): the content security policy, no
//! sniffing, no framing, no referrer to other sites, no caching, the window kept from other sites'
//! windows and browser features Beredd never uses turned off: on the login page, a page behind
//! it, an error page and the health check.

use crate::harness::{Kind, TestApp};

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = TestApp::start(Kind::Sqlite).await;
    let s = app.login("admin").await;
    let want = [
        ("content-security-policy", "default-src 'self'; script-src 'self';"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cache-control", "no-store"),
        ("cross-origin-opener-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
    ];
    for path in ["/login", "/units", "/no-such-page", "/healthz"] {
        let resp = s.client.get(format!("{}{path}", app.base)).send().await.unwrap();
        for (name, value) in want {
            let got = resp.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
            assert!(got.starts_with(value), "{path}: {name} is {got:?}");
        }
        assert!(resp.headers().get("strict-transport-security").is_none(), "{path}: no HSTS over plain HTTP");
    }
}
