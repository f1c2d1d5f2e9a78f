//! Watching `beredd serve` (issue 21): its log as JSON, one object a line, without secrets; and a
//! stop by SIGTERM that tells open live boards, lets a write under way finish, and exits 0.

use std::io::{BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::cookie::CookieStore;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::harness::{PASSWORD, Session, beredd, fresh_db, hidden_csrf, id_of, kinds};

/// Adds an administrator with the command line, as an operator would.
pub(super) fn add_admin(url: &str, keys: &str) {
    let mut child = beredd()
        .args(["user", "add", "--role", "admin", "--database", url, "--keys", keys, "admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{PASSWORD}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Logs in over HTTP; the cookie jar is returned too, for requests written by hand.
pub(super) async fn login(base: &str, username: &str) -> (Session, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).expect("login csrf");
    let r = client
        .post(format!("{base}/login"))
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "login as {username}");
    let home = client.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&home).expect("session csrf");
    (Session { client, base: base.to_owned(), csrf }, jar)
}

fn sigterm(child: &Child) {
    let status = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
}

/// Waits for the process to exit, for at most `limit`.
fn exited_within(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("beredd serve did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test]
async fn with_json_logs_every_line_is_a_json_object_and_no_secret_is_in_them() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let port = super::free_port();
        let mut child = beredd()
            .args(["serve", "--database", &t.url, "--listen", &format!("127.0.0.1:{port}")])
            .args(["--keys", &t.keys_dir().display().to_string(), "--log-format", "json"])
            .env("BEREDD_METRICS_TOKEN", "hemlig-matning")
            .env("BEREDD_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let lines = super::wait_for_line(&mut out, "Beredd kör på");
        let client = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        assert_eq!(client.get(format!("{base}/login")).send().await.unwrap().status(), StatusCode::OK);
        let form = [("_csrf", "fel"), ("username", "ingen"), ("password", "fel lösenord")];
        client.post(format!("{base}/login")).form(&form).send().await.unwrap();
        sigterm(&child);
        assert!(exited_within(&mut child, Duration::from_secs(15)).success(), "{kind:?}");
        let mut rest = String::new();
        out.read_to_string(&mut rest).unwrap();
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let stdout: Vec<String> = lines.into_iter().chain(rest.lines().map(str::to_owned)).collect();
        let stderr: Vec<&str> = stderr.lines().collect();
        assert!(!stderr.is_empty(), "{kind:?}: the log says something at info");
        let mut messages = Vec::new();
        for line in stdout.iter().map(String::as_str).chain(stderr.iter().copied()).filter(|l| !l.trim().is_empty()) {
            let object: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{kind:?}: not JSON ({e}): {line}"));
            assert!(object["timestamp"].is_string() && object["level"].is_string(), "{line}");
            messages.push(object["fields"]["message"].as_str().unwrap_or_default().to_owned());
            assert!(!line.contains("hemlig-matning"), "{kind:?}: the metrics token is never logged: {line}");
        }
        assert!(messages.iter().any(|m| m.starts_with("Beredd kör på")), "{messages:?}");
        assert!(messages.iter().any(|m| m == "listening"), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("setup")), "the setup link, as JSON: {messages:?}");
    }
}

#[tokio::test]
async fn sigterm_tells_open_live_boards_lets_a_write_under_way_finish_and_exits_zero() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let keys = t.keys_dir().display().to_string();
        add_admin(&t.url, &keys);
        let port = super::free_port();
        let mut child = beredd()
            .args(["serve", "--database", &t.url, "--listen", &format!("127.0.0.1:{port}"), "--keys", &keys])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        super::wait_for_line(&mut out, "Beredd kör på");
        let base = format!("http://127.0.0.1:{port}");
        let (s, jar) = login(&base, "admin").await;
        let unit = id_of(&s.post("/units/new", &[("name", "Räddningstjänsten"), ("kind", "forvaltning")]).await);
        let incident = crate::crisis::start(&s, unit.parse().unwrap()).await;
        let board = s.get(&format!("/incidents/{incident}")).await.body;
        assert!(board.contains("data-restarting=\"Servern startas om."), "the page has the words for it");

        // A live board listens; a form is being sent, its body only half there.
        let mut events = s.client.get(format!("{base}/incidents/{incident}/events")).send().await.unwrap();
        assert_eq!(events.status(), StatusCode::OK);
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("_csrf", &s.csrf)
            .append_pair("name", "Enheten som skapades under omstarten")
            .append_pair("kind", "enhet")
            .finish();
        let cookie = jar.cookies(&base.parse().unwrap()).expect("session cookie");
        let mut write = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let head = format!(
            "POST /units/new HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            cookie.to_str().unwrap(),
            body.len()
        );
        let (first, second) = body.split_at(body.len() / 2);
        write.write_all(head.as_bytes()).await.unwrap();
        write.write_all(first.as_bytes()).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;

        sigterm(&child);
        // The board is told, and its stream ends.
        let mut got = String::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        while !got.contains("event: shutdown") {
            match tokio::time::timeout_at(deadline, events.chunk()).await.expect("the shutdown event in time").unwrap()
            {
                Some(chunk) => got.push_str(&String::from_utf8_lossy(&chunk)),
                None => panic!("{kind:?}: the stream ended without a shutdown event: {got:?}"),
            }
        }
        let end = tokio::time::timeout_at(deadline, events.chunk()).await.expect("the stream ends");
        assert!(matches!(end, Ok(None)), "{kind:?}: nothing after the shutdown event");
        // A new connection is no longer taken.
        assert!(reqwest::Client::new().get(format!("{base}/login")).send().await.is_err(), "{kind:?}");

        // The rest of the form arrives: it is stored and answered.
        write.write_all(second.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(5), write.read_to_end(&mut answer)).await.expect("answered").unwrap();
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 303"), "{kind:?}: {answer}");

        assert!(exited_within(&mut child, Duration::from_secs(12)).success(), "{kind:?}: exit 0");
        let db = t.connect().await;
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        let units = beredd::store::units::list(&db.pool, org).await.unwrap();
        assert!(units.iter().any(|u| u.name == "Enheten som skapades under omstarten"), "{kind:?}: the write finished");
        db.close().await;
    }
}
