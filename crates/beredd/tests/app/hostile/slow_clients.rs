//! Clients that never finish a request (security review F20, "slowloris"): a connection whose
//! request line and headers have not all arrived within the header read timeout is closed,
//! whether the client sends nothing, half a line, or a byte now and then; a connection left idle
//! after an answer is closed the same way. A live board's stream, an answer under way, is not.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness::{Kind, TestApp};

/// The header read timeout these tests serve with; `beredd serve` uses
/// `web::server::HEADER_READ_TIMEOUT` (15 s), through the same code.
const TIMEOUT: Duration = Duration::from_secs(1);

/// Generous: the machine may be busy with other tests.
const BOUND: Duration = Duration::from_secs(10);

/// Reads until the server closes the connection; how long that took, and what it sent.
async fn closed_after(stream: &mut TcpStream, started: Instant) -> (Duration, String) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(BOUND, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (started.elapsed(), String::from_utf8_lossy(&got).into_owned()),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => panic!("the connection was still open after {BOUND:?}: {}", String::from_utf8_lossy(&got)),
        }
    }
}

fn addr(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let app = TestApp::start_with_header_timeout(Kind::Sqlite, TIMEOUT).await;

    // Half a request line, then nothing.
    let mut half = TcpStream::connect(addr(&app)).await.unwrap();
    let started = Instant::now();
    half.write_all(b"GET /login HT").await.unwrap();
    let (took, answer) = closed_after(&mut half, started).await;
    assert!(took >= TIMEOUT - Duration::from_millis(100), "closed before the timeout: {took:?}");
    assert!(!answer.contains("200 OK"), "{answer}");

    // Nothing at all.
    let mut silent = TcpStream::connect(addr(&app)).await.unwrap();
    let (took, _) = closed_after(&mut silent, Instant::now()).await;
    assert!(took >= TIMEOUT - Duration::from_millis(100), "{took:?}");

    // A byte every 200 ms: the deadline is for the whole head, not the pause between bytes.
    let mut trickle = TcpStream::connect(addr(&app)).await.unwrap();
    let started = Instant::now();
    let head = b"GET /login HTTP/1.1\r\nHost: beredd\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let mut sent = 0;
    let mut closed = false;
    for byte in head {
        if trickle.write_all(&[*byte]).await.is_err() {
            closed = true;
            break;
        }
        sent += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
        if started.elapsed() > BOUND {
            break;
        }
    }
    let (took, _) = if closed { (started.elapsed(), String::new()) } else { closed_after(&mut trickle, started).await };
    assert!(took < BOUND && sent < head.len(), "sent {sent} bytes over {took:?}");

    // Meanwhile the server answers whole requests, and closes a kept-alive connection left idle.
    let mut whole = TcpStream::connect(addr(&app)).await.unwrap();
    whole.write_all(b"GET /healthz HTTP/1.1\r\nHost: beredd\r\n\r\n").await.unwrap();
    let started = Instant::now();
    let (took, answer) = closed_after(&mut whole, started).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK") && answer.ends_with("ok"), "{answer}");
    assert!(took >= TIMEOUT - Duration::from_millis(100), "the idle connection was closed at once: {took:?}");
}

/// A live board's stream outlives the header timeout many times over and still delivers.
#[tokio::test]
async fn a_live_board_stream_is_not_cut_by_the_header_timeout() {
    let app = TestApp::start_with_header_timeout(Kind::Sqlite, TIMEOUT).await;
    let s = app.login("admin").await;
    let unit = app.add_unit("Hemtjänst Norr", None).await;
    let id = crate::crisis::start(&s, unit).await;
    let mut events = s.client.get(format!("{}/incidents/{id}/events", app.base)).send().await.unwrap();
    assert_eq!(events.status(), StatusCode::OK);
    tokio::time::sleep(TIMEOUT * 3).await;
    let r = s.post(&format!("/incidents/{id}/log"), &[("kind", "information"), ("text", "Läget oförändrat")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut got = String::new();
    let deadline = tokio::time::Instant::now() + BOUND;
    while !got.contains("event: log") {
        let chunk = tokio::time::timeout_at(deadline, events.chunk()).await.expect("the entry arrives").unwrap();
        got.push_str(&String::from_utf8_lossy(&chunk.expect("the stream is still open")));
    }
}
