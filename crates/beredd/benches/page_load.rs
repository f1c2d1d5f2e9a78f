//! Load script for the pages (issue 25), with a real HTTP client against a real server on
//! loopback: the release `beredd demo --size large` on a fresh SQLite file, one administrator's
//! session, 16 clients (keep-alive connections) asking for one page as fast as answers come, for
//! SECONDS each (20 by default). Measured in the same run: a bare "ok" handler of the same
//! server (`/healthz`), the ceiling each page is compared with. Printed per page: requests per
//! second, median and 99th percentile latency, errors, and the share of the ceiling; then a form
//! write (a new action in the action plan). Bounded in time: about (pages + 2) × SECONDS.
//!
//! Run: `cargo build --release --bin beredd && cargo bench -p beredd --bench page_load`.
//! CLIENTS and SECONDS in the environment change the load; SIZE=normal uses the ordinary demo.
//! The pages are asked for as a browser asks (`Accept-Encoding: gzip, deflate, br, zstd`, so
//! they come back compressed with brotli); ENCODING sets another header (`gzip`, `identity`).
//! The client reads the compressed bytes and does not unpack them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

mod common;

use common::{env, login};

/// The first record a list links to (`/systems/12`), not its "new" or "import" pages.
fn first_id(html: &str, prefix: &str) -> String {
    let link = format!("href=\"{prefix}");
    html.match_indices(&link)
        .map(|(i, _)| &html[i + link.len()..])
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect::<String>())
        .find(|id| !id.is_empty())
        .expect("a record in the list")
}

struct Outcome {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

/// `clients` tasks ask for `path` (or post the form) back to back for `seconds`.
async fn hammer(
    client: &reqwest::Client,
    url: String,
    form: Option<Vec<(String, String)>>,
    encoding: &str,
    clients: usize,
    seconds: u64,
) -> Outcome {
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (client, url, form, stop) = (client.clone(), url.clone(), form.clone(), stop.clone());
        let encoding = encoding.to_owned();
        tasks.push(tokio::spawn(async move {
            let (mut times, mut errors) = (Vec::with_capacity(100_000), 0usize);
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                let sent = match &form {
                    Some(f) => client.post(&url).form(f).send().await,
                    None => client.get(&url).header("accept-encoding", &encoding).send().await,
                };
                let ok = match sent {
                    Ok(r) => {
                        let good = r.status().is_success() || r.status().is_redirection();
                        r.bytes().await.is_ok() && good
                    }
                    Err(_) => false,
                };
                if ok {
                    times.push(t.elapsed().as_micros() as u32);
                } else {
                    errors += 1;
                }
            }
            (times, errors)
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let (mut all, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (times, e) = t.await.unwrap();
        all.extend(times);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let at = |q: f64| all.get(((all.len() as f64 * q) as usize).min(all.len().saturating_sub(1))).copied();
    Outcome {
        per_second: all.len() as f64 / elapsed,
        p50_ms: at(0.5).unwrap_or(0) as f64 / 1000.0,
        p99_ms: at(0.99).unwrap_or(0) as f64 / 1000.0,
        errors,
    }
}

fn main() {
    let clients = env("CLIENTS", 16);
    let seconds = env("SECONDS", 20) as u64;
    let size = std::env::var("SIZE").unwrap_or_else(|_| "large".into());
    let encoding = std::env::var("ENCODING").unwrap_or_else(|_| "gzip, deflate, br, zstd".into());
    let bin = common::server_binary();
    let dir = tempfile::tempdir().unwrap();
    let password = "ett långt lösenord för lasttestet";
    let db = format!("sqlite://{}", dir.path().join("load.db").display());
    let loaded = std::process::Command::new(&bin)
        .args(["demo", "--no-serve", "--size", &size, "--database", &db, "--admin-password", password])
        .output()
        .unwrap();
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = std::process::Command::new(&bin)
        .args(["serve", "--database", &db, "--listen", &format!("127.0.0.1:{port}")])
        .env("BEREDD_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        for _ in 0..200 {
            if reqwest::get(format!("{base}/healthz")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let (client, token) = login(&base, password, clients).await;
        let systems = client.get(format!("{base}/systems")).send().await.unwrap().text().await.unwrap();
        let system = first_id(&systems, "/systems/");
        let units = client.get(format!("{base}/units")).send().await.unwrap().text().await.unwrap();
        let unit = first_id(&units, "/units/");

        println!(
            "Beredd, {size} demo, SQLite, {clients} clients, {seconds} s each, loopback, one session, \
             Accept-Encoding: {encoding}\n"
        );
        println!("| Page | Requests/s | p50 ms | p99 ms | Errors | Share of the ceiling |");
        println!("|---|---:|---:|---:|---:|---:|");
        let ceiling = hammer(&client, format!("{base}/healthz"), None, &encoding, clients, seconds).await;
        let row = |name: &str, o: &Outcome| {
            println!(
                "| {name} | {:.0} | {:.1} | {:.1} | {} | {:.3} |",
                o.per_second,
                o.p50_ms,
                o.p99_ms,
                o.errors,
                o.per_second / ceiling.per_second
            )
        };
        row("`/healthz` (bare \"ok\", the ceiling)", &ceiling);
        let pages = [
            ("a system's page", format!("/systems/{system}")),
            ("the systems list", "/systems".to_owned()),
            ("the start page", "/".to_owned()),
            ("the action plan", "/actions".to_owned()),
            ("a unit's page", format!("/units/{unit}")),
        ];
        for (name, path) in pages {
            let o = hammer(&client, format!("{base}{path}"), None, &encoding, clients, seconds).await;
            row(&format!("{name} (`{path}`)"), &o);
        }
        let form = vec![
            ("_csrf".to_owned(), token.clone()),
            ("title".to_owned(), "Lasttestets åtgärd".to_owned()),
            ("priority".to_owned(), "low".to_owned()),
            ("status".to_owned(), "planned".to_owned()),
        ];
        let o = hammer(&client, format!("{base}/actions/new"), Some(form), &encoding, clients, seconds).await;
        row("a form write (a new action, `POST /actions/new`)", &o);
    });
    let _ = server.kill();
    let _ = server.wait();
}
