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

/// The static files a page names carry their content's hash and may be kept for a year; pages
/// and the stylesheet are compressed with gzip, also for a browser that would rather have brotli
/// (measured: brotli cost more of a page's time than the bytes it saved).
#[tokio::test]
async fn static_files_are_named_by_content_and_kept_and_answers_are_compressed() {
    let app = TestApp::start(Kind::Sqlite).await;
    let s = app.login("admin").await;
    let page = s.get("/units").await.body;
    let css = crate::harness::texts_attr(&page, "link[rel=stylesheet]", "href");
    assert_eq!(css.len(), 1, "{css:?}");
    assert!(css[0].starts_with("/static/app.") && css[0].len() > "/static/app.css".len(), "{}", css[0]);
    for (path, cache) in
        [(css[0].as_str(), "public, max-age=31536000, immutable"), ("/static/app.css", "public, max-age=3600")]
    {
        let resp =
            s.client.get(format!("{}{path}", app.base)).header("accept-encoding", "br, gzip").send().await.unwrap();
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(resp.headers()["cache-control"], cache, "{path}");
        assert_eq!(resp.headers()["content-encoding"], "gzip", "{path}");
    }
    let stale = s.client.get(format!("{}/static/app.0123456789.css", app.base)).send().await.unwrap();
    assert_eq!(stale.status(), 404, "a made-up hash is not the file");
    let resp = s.client.get(format!("{}/units", app.base)).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(resp.headers()["content-encoding"], "gzip");
}
