//! Load test of a hosted installation (issue 22), with a real HTTP client on loopback: a fresh
//! PostgreSQL database (made here, dropped at the end) holding ORGS organisations (the demo,
//! exported and read in again as new ones), an incident with a board in each, two `beredd serve`
//! processes on it, LISTENERS server-sent event streams spread evenly over both processes and
//! every organisation (five to a user, the most one user may hold), and WRITERS writers, each
//! changing one board item of its organisation once a second through one of the processes, for
//! SECONDS. Printed: writes, deliveries expected and received, the delay from each write request
//! to each delivery (same process and the other one, through LISTEN/NOTIFY), errors (a refused
//! stream or write, a stream that ended, an update of another organisation's board), and each
//! process's memory.
//!
//! Run: `cargo build --release --bin beredd && cargo bench -p beredd --bench hosted_load`, with
//! BEREDD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) naming a user
//! that may create databases. LISTENERS (2000), WRITERS (50), SECONDS (60) and ORGS (10) in the
//! environment change the load. The streams and the client need file descriptors: `ulimit -n
//! 8192` first when it says less than twice LISTENERS.

mod common;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{env, login_as, rss_kb};

const PASSWORD: &str = "ett långt lösenord för lasttestet";

/// (item, state) → (organisation, process, when the write was sent).
type Sent = Arc<Mutex<HashMap<(i64, &'static str), (usize, usize, Instant)>>>;

#[derive(Default)]
struct Tally {
    /// Delays in µs: [same process, other process].
    delays: [Vec<u64>; 2],
    errors: Vec<String>,
}

fn beredd(bin: &std::path::Path, url: &str, keys: &str, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
    c.args(args).args(["--database", url, "--keys", keys]).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

fn run(mut c: Command, stdin: Option<&str>) {
    c.stdin(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        let _ = writeln!(child.stdin.take().unwrap(), "{text}");
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{c:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The database's organisations: the demo's and ORGS - 1 read in from its export; each has
/// `users` listeners' accounts l1, l2 … besides its administrator (same password).
fn populate(
    bin: &std::path::Path,
    url: &str,
    keys: &str,
    dir: &std::path::Path,
    orgs: usize,
    users: usize,
) -> Vec<String> {
    run(beredd(bin, url, keys, &["demo", "--no-serve", "--admin-password", PASSWORD]), None);
    let zip = dir.join("org.zip").display().to_string();
    run(beredd(bin, url, keys, &["export", "organisation", "--out", &zip]), None);
    let mut slugs = vec!["exempelkommun".to_owned()];
    for n in 2..=orgs {
        let slug = format!("last{n}");
        let name = format!("Lastkommun {n}");
        run(
            beredd(
                bin,
                url,
                keys,
                &["import", "organisation", &zip, "--apply", "--as-new", "--slug", &slug, "--name", &name],
            ),
            None,
        );
        slugs.push(slug);
    }
    std::thread::scope(|s| {
        for slug in &slugs {
            s.spawn(move || {
                for k in 1..=users {
                    let args = ["--org", slug, "user", "add", "--role", "coordinator", &format!("l{k}")];
                    run(beredd(bin, url, keys, &args), Some(PASSWORD));
                }
            });
        }
    });
    slugs
}

fn serve(bin: &std::path::Path, url: &str, keys: &str, streams: usize) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let max = streams.to_string();
    let args = ["serve", "--listen", &listen, "--trusted-proxy", "127.0.0.1", "--max-live-streams", &max];
    let mut c = beredd(bin, url, keys, &args);
    c.stderr(Stdio::null());
    (c.spawn().unwrap(), format!("http://{listen}"))
}

/// Starts an incident for the elderly care units; its id and the ids of its board's items.
async fn incident(client: &reqwest::Client, token: &str, base: &str) -> (String, Vec<i64>) {
    let page = client.get(format!("{base}/incidents/new")).send().await.unwrap().text().await.unwrap();
    let i = page.find("Äldreomsorg").expect("the demo's elderly care");
    let marker = "id=\"units-";
    let start = page[..i].rfind(marker).unwrap() + marker.len();
    let unit = &page[start..start + page[start..].find('"').unwrap()];
    let form = [("_csrf", token), ("title", "Lasttest"), ("discovered_at", "2026-11-23 07:10"), ("units", unit)];
    let r = client.post(format!("{base}/incidents/new")).form(&form).send().await.unwrap();
    let location = r.headers()["location"].to_str().unwrap();
    let id = location.split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
    let board = client.get(format!("{base}/incidents/{id}")).send().await.unwrap().text().await.unwrap();
    let items = board
        .match_indices("id=\"item-")
        .filter_map(|(i, m)| {
            let rest = &board[i + m.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .collect();
    (id, items)
}

/// One listener: reads its stream until `stop`, matching each board update with its write.
async fn listen(
    resp: reqwest::Response,
    (org, process): (usize, usize),
    sent: Sent,
    stop: Arc<AtomicBool>,
    tally: Arc<Mutex<Tally>>,
    received: Arc<AtomicUsize>,
) {
    let mut resp = resp;
    let mut buf = String::new();
    let (mut mine, mut errors) = (Tally::default(), Vec::new());
    while !stop.load(Relaxed) {
        let chunk = match tokio::time::timeout(Duration::from_millis(500), resp.chunk()).await {
            Err(_) => continue,
            Ok(Ok(Some(chunk))) => chunk,
            Ok(_) => {
                errors.push(format!("a stream of organisation {org} with process {process} ended"));
                break;
            }
        };
        let now = Instant::now();
        buf.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            if event.lines().any(|l| l == "event: reload") {
                errors.push("a reload (updates were lost)".to_owned());
            }
            let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) else { continue };
            let v: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
            let (Some(id), Some(state)) = (v["id"].as_i64(), v["state"].as_str()) else { continue };
            let Some(&(of, by, at)) = sent.lock().unwrap().get(&(id, state_key(state))) else { continue };
            if of != org {
                errors.push(format!("organisation {org} received an update of organisation {of}'s board"));
                continue;
            }
            received.fetch_add(1, Relaxed);
            mine.delays[usize::from(by != process)].push(now.saturating_duration_since(at).as_micros() as u64);
        }
    }
    let mut t = tally.lock().unwrap();
    for k in 0..2 {
        t.delays[k].extend(&mine.delays[k]);
    }
    t.errors.extend(errors);
}

fn state_key(state: &str) -> &'static str {
    match state {
        "not_started" => "not_started",
        "under_way" => "under_way",
        "done" => "done",
        _ => "problem",
    }
}

fn main() {
    let (listeners, writers, seconds, orgs) =
        (env("LISTENERS", 2000), env("WRITERS", 50), env("SECONDS", 60), env("ORGS", 10));
    let bin = common::server_binary();
    let admin = std::env::var("BEREDD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys").display().to_string();
    let name = format!("beredd_load_{}", std::process::id());
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let db = rt.block_on(beredd::platform::db::Db::connect_to_inspect(&admin)).expect("connect to PostgreSQL");
    let sql = |s: String| rt.block_on(sqlx::query(sqlx::AssertSqlSafe(s)).execute(&db.pool)).map(|_| ());
    sql(format!("CREATE DATABASE {name}")).expect("create the database");
    let url = format!("{}/{name}", admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b));

    let per_org = listeners.div_ceil(orgs);
    let started = Instant::now();
    let slugs = populate(&bin, &url, &keys, dir.path(), orgs, per_org.div_ceil(5));
    println!(
        "{orgs} organisations, {} listeners' accounts each, made in {:.0} s",
        per_org.div_ceil(5),
        started.elapsed().as_secs_f64()
    );
    let servers = [serve(&bin, &url, &keys, listeners), serve(&bin, &url, &keys, listeners)];
    let pids = [servers[0].0.id(), servers[1].0.id()];
    let bases = [servers[0].1.clone(), servers[1].1.clone()];
    rt.block_on(async {
        for base in &bases {
            for _ in 0..400 {
                if reqwest::get(format!("{base}/healthz")).await.is_ok() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let idle = pids.map(rss_kb);
        // Each organisation's incident, started through the first process.
        let mut boards = Vec::new();
        for (o, slug) in slugs.iter().enumerate() {
            let (client, token) = login_as(&bases[0], slug, "admin", PASSWORD, &format!("10.1.{o}.1")).await.expect("admin");
            boards.push(incident(&client, &token, &bases[0]).await);
        }
        let sent: Sent = Arc::default();
        let (stop, tally, received) = (Arc::new(AtomicBool::new(false)), Arc::new(Mutex::new(Tally::default())), Arc::new(AtomicUsize::new(0)));
        // The listeners' sessions, then their streams: listener n is of organisation n % orgs and
        // goes to process n / orgs % 2, so both processes hold every organisation's boards.
        let mut sessions = HashMap::new();
        for n in 0..listeners {
            let (o, k) = (n % orgs, n / orgs / 5 + 1);
            if let std::collections::hash_map::Entry::Vacant(e) = sessions.entry((o, k)) {
                let address = format!("10.2.{}.{}", n / 250 % 250, n % 250 + 1);
                let s = login_as(&bases[0], &slugs[o], &format!("l{k}"), PASSWORD, &address).await.expect("listener login");
                e.insert(s.0);
            }
        }
        let before = pids.map(rss_kb);
        let mut tasks = Vec::new();
        let mut refused = 0;
        let mut on = [0usize; 2];
        for n in 0..listeners {
            let (o, k, p) = (n % orgs, n / orgs / 5 + 1, n / orgs % 2);
            let url = format!("{}/incidents/{}/events", bases[p], boards[o].0);
            match sessions[&(o, k)].get(url).send().await {
                Ok(r) if r.status() == 200 => {
                    on[p] += 1;
                    tasks.push(tokio::spawn(listen(r, (o, p), sent.clone(), stop.clone(), tally.clone(), received.clone())));
                }
                _ => refused += 1,
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        let open = pids.map(rss_kb);

        // Writer w changes item w / orgs of organisation w % orgs through process w % 2.
        let writes = Arc::new(AtomicUsize::new(0));
        let write_errors = Arc::new(AtomicUsize::new(0));
        let expected = Arc::new(Mutex::new(0usize));
        let mut writer_tasks = Vec::new();
        let start = Instant::now();
        for w in 0..writers {
            let (o, p) = (w % orgs, w % 2);
            let item = boards[o].1[w / orgs];
            let (client, token) = login_as(&bases[p], &slugs[o], "admin", PASSWORD, &format!("10.3.{o}.{}", w + 1)).await.expect("writer");
            let url = format!("{}/incidents/{}/board/{item}", bases[p], boards[o].0);
            let listening = (0..listeners).filter(|n| n % orgs == o).count();
            let (sent, writes, write_errors, expected) = (sent.clone(), writes.clone(), write_errors.clone(), expected.clone());
            writer_tasks.push(tokio::spawn(async move {
                let states = ["under_way", "done", "problem", "not_started"];
                let mut tick = tokio::time::interval(Duration::from_secs(1));
                let mut n = 0;
                while start.elapsed() < Duration::from_secs(seconds as u64) {
                    tick.tick().await;
                    let state = states[n % 4];
                    n += 1;
                    sent.lock().unwrap().insert((item, state), (o, p, Instant::now()));
                    let form = [("_csrf", token.as_str()), ("state", state)];
                    let r = client.post(&url).header("accept", "application/json").form(&form).send().await;
                    if r.is_ok_and(|r| r.status() == 204) {
                        writes.fetch_add(1, Relaxed);
                        *expected.lock().unwrap() += listening;
                    } else {
                        write_errors.fetch_add(1, Relaxed);
                    }
                }
            }));
        }
        let mut peak = open;
        while writer_tasks.iter().any(|t| !t.is_finished()) {
            tokio::time::sleep(Duration::from_millis(500)).await;
            peak = [0, 1].map(|p| peak[p].max(rss_kb(pids[p])));
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
        stop.store(true, Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let expected = *expected.lock().unwrap();
        let t = tally.lock().unwrap();
        println!(
            "listeners {listeners} ({} and {} with the two processes, {refused} refused), writers {writers}, {orgs} organisations, {seconds} s",
            on[0], on[1]
        );
        println!(
            "{} writes ({} failed); {} deliveries of {expected} expected",
            writes.load(Relaxed),
            write_errors.load(Relaxed),
            received.load(Relaxed)
        );
        for (k, what) in [(0, "same process"), (1, "other process")] {
            let mut d = t.delays[k].clone();
            d.sort_unstable();
            let pct = |p: f64| d.get(((d.len() as f64 - 1.0) * p) as usize).copied().unwrap_or(0) as f64 / 1000.0;
            println!(
                "delay, {what} ({} deliveries): median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                d.len(),
                pct(0.5),
                pct(0.99),
                pct(1.0)
            );
        }
        let mut kinds: HashMap<&str, usize> = HashMap::new();
        for e in &t.errors {
            *kinds.entry(e.as_str()).or_default() += 1;
        }
        println!("errors: {} ({refused} streams refused, {} writes failed)", t.errors.len() + refused + write_errors.load(Relaxed), write_errors.load(Relaxed));
        for (e, n) in kinds {
            println!("  {n} × {e}");
        }
        for p in 0..2 {
            println!(
                "process {}: RSS idle {:.1} MB, logged in {:.1} MB, with its {} streams {:.1} MB, peak {:.1} MB; {:.1} kB per open stream",
                p + 1,
                idle[p] as f64 / 1024.0,
                before[p] as f64 / 1024.0,
                on[p],
                open[p] as f64 / 1024.0,
                peak[p] as f64 / 1024.0,
                (open[p] as f64 - before[p] as f64) / on[p].max(1) as f64
            );
        }
    });
    for (mut child, _) in servers {
        let _ = child.kill();
        let _ = child.wait();
    }
    let dropped = sql(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    rt.block_on(db.close());
    dropped.expect("drop the database");
}
