//! Load test of the crisis board's live updates, with a real HTTP client against a real server:
//! `beredd demo` (the release binary next to this one) is started on a fresh SQLite file, an
//! incident is started for the elderly care units, 500 connections listen to the board's
//! server-sent events, and 20 writers change board items for one minute (each writer one change
//! a second). Printed: how many updates were delivered, the delay from the writer's request to
//! each listener receiving it (median, 99th percentile, max), and the server's memory.
//!
//! Run: `cargo build --release --bin beredd && cargo bench -p beredd --bench board_load`.
//! LISTENERS, WRITERS and SECONDS in the environment change the load.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use common::{env, login, rss_kb};

fn main() {
    let listeners = env("LISTENERS", 500);
    let writers = env("WRITERS", 20);
    let seconds = env("SECONDS", 60);
    let bin = common::server_binary();
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let password = "ett långt lösenord för lasttestet";
    let mut server = std::process::Command::new(&bin)
        .args([
            "demo",
            "--database",
            &format!("sqlite://{}", dir.path().join("load.db").display()),
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--admin-password",
            password,
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = server.id();
    let base = format!("http://127.0.0.1:{port}");
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        for _ in 0..200 {
            if reqwest::get(format!("{base}/healthz")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let idle = rss_kb(pid);
        let (admin, token) = login(&base, password, 4).await;
        let units = admin.get(format!("{base}/incidents/new")).send().await.unwrap().text().await.unwrap();
        let marker = "id=\"units-";
        let unit: String = {
            let i = units.find("Äldreomsorg").expect("the demo's elderly care");
            let start = units[..i].rfind(marker).unwrap() + marker.len();
            units[start..start + units[start..].find('"').unwrap()].to_owned()
        };
        let r = admin
            .post(format!("{base}/incidents/new"))
            .form(&[
                ("_csrf", token.as_str()),
                ("title", "Lasttest"),
                ("discovered_at", "2026-11-23 07:10"),
                ("units", unit.as_str()),
            ])
            .send()
            .await
            .unwrap();
        let incident =
            r.headers()["location"].to_str().unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let board = admin.get(format!("{base}/incidents/{incident}")).send().await.unwrap().text().await.unwrap();
        let items: Vec<String> = board
            .match_indices("id=\"item-")
            .map(|(i, m)| board[i + m.len()..i + m.len() + board[i + m.len()..].find('"').unwrap()].to_owned())
            .collect();
        assert!(items.len() >= writers, "the board has {} items", items.len());

        // (item, state) → when the writer sent it.
        let sent: Arc<Mutex<HashMap<(String, &'static str), Instant>>> = Arc::default();
        let delays: Arc<Mutex<Vec<u64>>> = Arc::default();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));

        let mut tasks = Vec::new();
        // One session shared by every listener, as the phones of one crisis staff would.
        let (cookie_client, _) = login(&base, password, 4).await;
        let opened = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for _ in 0..listeners {
            let (client, base, incident, sent, delays, stop, opened) = (
                cookie_client.clone(),
                base.clone(),
                incident.clone(),
                sent.clone(),
                delays.clone(),
                stop.clone(),
                opened.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut resp = client.get(format!("{base}/incidents/{incident}/events")).send().await.unwrap();
                opened.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let mut buf = String::new();
                let mut mine = Vec::new();
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let Ok(Ok(Some(chunk))) = tokio::time::timeout(Duration::from_millis(500), resp.chunk()).await
                    else {
                        continue;
                    };
                    let now = Instant::now();
                    buf.push_str(&String::from_utf8_lossy(&chunk));
                    while let Some(end) = buf.find("\n\n") {
                        let event: String = buf.drain(..end + 2).collect();
                        let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) else { continue };
                        let v: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
                        let (Some(id), Some(state)) = (v["id"].as_i64(), v["state"].as_str()) else { continue };
                        let key_state: &'static str = match state {
                            "not_started" => "not_started",
                            "under_way" => "under_way",
                            "done" => "done",
                            _ => "problem",
                        };
                        if let Some(t) = sent.lock().unwrap().get(&(id.to_string(), key_state)) {
                            mine.push(now.saturating_duration_since(*t).as_micros() as u64);
                        }
                    }
                }
                delays.lock().unwrap().extend(mine);
            }));
        }
        while opened.load(std::sync::atomic::Ordering::SeqCst) < listeners {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let with_listeners = rss_kb(pid);
        let writes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut writer_tasks = Vec::new();
        let started = Instant::now();
        for item in items.iter().take(writers) {
            let (client, token) = login(&base, password, 4).await;
            let (base, incident, item, sent, writes) =
                (base.clone(), incident.clone(), item.clone(), sent.clone(), writes.clone());
            writer_tasks.push(tokio::spawn(async move {
                let states: [&'static str; 4] = ["under_way", "done", "problem", "not_started"];
                let mut tick = tokio::time::interval(Duration::from_secs(1));
                let mut n = 0usize;
                while started.elapsed() < Duration::from_secs(seconds as u64) {
                    tick.tick().await;
                    let state = states[n % 4];
                    n += 1;
                    sent.lock().unwrap().insert((item.clone(), state), Instant::now());
                    let r = client
                        .post(format!("{base}/incidents/{incident}/board/{item}"))
                        .header("accept", "application/json")
                        .form(&[("_csrf", token.as_str()), ("state", state)])
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 204);
                    writes.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }));
        }
        let mut peak = with_listeners;
        while writer_tasks.iter().any(|t| !t.is_finished()) {
            tokio::time::sleep(Duration::from_millis(500)).await;
            peak = peak.max(rss_kb(pid));
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let mut d = delays.lock().unwrap().clone();
        d.sort_unstable();
        let pct = |p: f64| d.get(((d.len() as f64 - 1.0) * p) as usize).copied().unwrap_or(0) as f64 / 1000.0;
        let writes = writes.load(std::sync::atomic::Ordering::Relaxed);
        println!(
            "listeners {listeners}, writers {writers}, {seconds} s: {writes} writes, {} deliveries of {} expected",
            d.len(),
            writes * listeners
        );
        println!(
            "delay from the write to each listener: median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            pct(0.5),
            pct(0.99),
            pct(1.0)
        );
        println!(
            "server memory (RSS): idle {:.1} MB, with {listeners} listeners {:.1} MB, peak under load {:.1} MB",
            idle as f64 / 1024.0,
            with_listeners as f64 / 1024.0,
            peak as f64 / 1024.0
        );
    });
    let _ = server.kill();
    let _ = server.wait();
}
