//! What the load scripts share: settings from the environment, the release server beside the
//! bench binary, and logging in as the demo's administrator.

#![allow(dead_code)]

/// A whole number from the environment, or the default.
pub fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The text between `before` and the next `after`.
pub fn between<'a>(html: &'a str, before: &str, after: &str) -> Option<&'a str> {
    let start = html.find(before)? + before.len();
    Some(&html[start..start + html[start..].find(after)?])
}

/// A page's form token.
pub fn csrf(html: &str) -> String {
    between(html, "name=\"_csrf\" value=\"", "\"").expect("a csrf field").to_owned()
}

/// The release `beredd` next to this bench binary.
pub fn server_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent()
        .and_then(|d| d.parent())
        .map(|d| d.join("beredd"))
        .filter(|p| p.exists())
        .expect("build the server first: cargo build --release --bin beredd")
}

/// Logs in as `admin`: the session's client (keeping up to `idle` connections alive) and the
/// form token of its pages.
pub async fn login(base: &str, password: &str, idle: usize) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(idle)
        .build()
        .unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let token = csrf(&page);
    let r = client
        .post(format!("{base}/login"))
        .form(&[("_csrf", token.as_str()), ("username", "admin"), ("password", password), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "login");
    let home = client.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
    (client, csrf(&home))
}

/// A process's resident memory in kB (0 when it cannot be read).
pub fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Logs `user` of the organisation `org` in, as if from `address` (the server must name
/// 127.0.0.1 with `--trusted-proxy`, so that the login throttle counts each address apart, as
/// behind a proxy): the session's client and the form token of its pages; `None` on a refusal.
pub async fn login_as(
    base: &str,
    org: &str,
    user: &str,
    password: &str,
    address: &str,
) -> Option<(reqwest::Client, String)> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    let page = client.get(format!("{base}/login?org={org}")).send().await.ok()?.text().await.ok()?;
    let token = csrf(&page);
    let form = [("_csrf", token.as_str()), ("org", org), ("username", user), ("password", password), ("next", "/")];
    let r = client.post(format!("{base}/login")).form(&form).send().await.ok()?;
    if r.status() != 303 {
        return None;
    }
    let home = client.get(format!("{base}/")).send().await.ok()?.text().await.ok()?;
    Some((client, csrf(&home)))
}
