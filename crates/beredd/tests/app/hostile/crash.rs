//! The server killed in the middle of writes (issue 16, "Proof"): `beredd serve` on a SQLite file
//! is killed with SIGKILL fifty times, each time at a random moment while clients write through
//! the forms (new units, and log entries of one incident from two writers at once), and started
//! again. Afterwards SQLite's integrity check says `ok`, no foreign key points nowhere, the
//! incident's log is an unbroken chain, and every write that was answered (303) is there.

use std::io::Write;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use tokio::sync::Mutex;

use crate::harness::{Kind, PASSWORD, beredd, fresh_db, hidden_csrf};

const ROUNDS: usize = 50;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `beredd serve` on the database and waits until it answers.
async fn serve(url: &str) -> (Child, String) {
    let base = format!("127.0.0.1:{}", free_port());
    let mut child = beredd()
        .args(["serve", "--database", url, "--listen", &base])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("beredd serve starts");
    let base = format!("http://{base}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status() == StatusCode::OK) {
            return (child, base);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("beredd serve did not answer within 20 s on {url}");
}

/// A write that was answered: what it wrote, and the answer.
#[derive(Debug, Clone)]
struct Answered {
    unit: bool,
    text: String,
    status: StatusCode,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_fifty_times_during_writes_nothing_answered_is_lost() {
    let started = Instant::now();
    let t = fresh_db(Kind::Sqlite).await;
    let mut child = beredd()
        .args(["user", "add", "--role", "admin", "--database", &t.url, "admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{PASSWORD}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Logged in once: the session lives in the database, so it outlives every restart.
    let (mut server, base) = serve(&t.url).await;
    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let token = hidden_csrf(&page).unwrap();
    let form = [("_csrf", token.as_str()), ("username", "admin"), ("password", PASSWORD), ("next", "/")];
    assert_eq!(client.post(format!("{base}/login")).form(&form).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    let home = client.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&home).unwrap();
    let post = |path: &str, fields: &[(&str, &str)]| {
        let mut form: Vec<(String, String)> = vec![("_csrf".into(), csrf.clone())];
        form.extend(fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        client.post(format!("{base}{path}")).form(&form).send()
    };
    let r = post("/units/new", &[("name", "Hemtjänst Norr"), ("kind", "forvaltning")]).await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let unit =
        r.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
    let fields =
        [("title", "Strömavbrott"), ("discovered_at", "2026-11-23 07:10"), ("raised_by", "IT"), ("units", &unit)];
    let r = post("/incidents/new", &fields).await.unwrap();
    let status = r.status();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    let body = r.text().await.unwrap();
    assert_eq!(status, StatusCode::SEE_OTHER, "{:?}", crate::harness::texts(&body, ".error-summary li"));
    let incident: i64 = location.rsplit('/').next().unwrap().split('?').next().unwrap().parse().unwrap();

    let seed: u64 = rand::random();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let answered: Arc<Mutex<Vec<Answered>>> = Arc::default();
    // Requests the kill cut off before their answer: the kills came in the middle of writes.
    let cut: Arc<AtomicUsize> = Arc::default();
    let mut base = base;
    for round in 0..ROUNDS {
        if round > 0 {
            (server, base) = serve(&t.url).await;
        }
        run_round(&client, &csrf, &base, incident, round, &answered, &cut, rng.random_range(20..250), &mut server)
            .await;
    }

    // Every answer was a 303, and every write answered is there, in a sound database.
    let answered = answered.lock().await.clone();
    let bad: Vec<&Answered> = answered.iter().filter(|a| a.status != StatusCode::SEE_OTHER).collect();
    assert!(bad.is_empty(), "seed {seed}: answers other than 303: {bad:?}");
    let db = beredd::platform::db::Db::connect_to_inspect(&t.url).await.unwrap();
    let check: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check").fetch_all(&db.pool).await.unwrap();
    assert_eq!(check, [("ok".to_owned(),)], "seed {seed}");
    let orphans: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&db.pool).await.unwrap();
    assert!(orphans.is_empty(), "seed {seed}: {orphans:?}");
    let units: Vec<(String,)> = sqlx::query_as("SELECT name FROM units").fetch_all(&db.pool).await.unwrap();
    let texts: Vec<(String,)> = sqlx::query_as("SELECT text FROM incident_log WHERE incident_id = $1")
        .bind(incident)
        .fetch_all(&db.pool)
        .await
        .unwrap();
    let lost: Vec<&Answered> = answered
        .iter()
        .filter(
            |a| if a.unit { !units.iter().any(|(n,)| *n == a.text) } else { !texts.iter().any(|(x,)| *x == a.text) },
        )
        .collect();
    assert!(lost.is_empty(), "seed {seed}: answered and lost: {lost:?}");
    let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
    let mut conn = db.pool.acquire().await.unwrap();
    let verdict = beredd::store::incidents::verify(&mut conn, org, incident).await.unwrap().unwrap();
    assert!(matches!(verdict, beredd::store::incidents::Verdict::Intact { .. }), "seed {seed}: {verdict:?}");
    drop(conn);
    db.close().await;
    let (units_written, entries_written) =
        (answered.iter().filter(|a| a.unit).count(), answered.iter().filter(|a| !a.unit).count());
    eprintln!(
        "{ROUNDS} kills: {units_written} units and {entries_written} log entries answered and kept, {} entries in all, {} requests cut off; {:?} (seed {seed})",
        texts.len(),
        cut.load(Ordering::Relaxed),
        started.elapsed()
    );
    assert!(units_written > ROUNDS && entries_written > ROUNDS, "too few writes to prove anything");
    assert!(cut.load(Ordering::Relaxed) >= ROUNDS, "the kills came between writes, not during them");
}

/// One round: four writers (two making units, two writing the incident's log) until the server
/// is killed `after_ms` milliseconds in.
#[allow(clippy::too_many_arguments)]
async fn run_round(
    client: &reqwest::Client,
    csrf: &str,
    base: &str,
    incident: i64,
    round: usize,
    answered: &Arc<Mutex<Vec<Answered>>>,
    cut: &Arc<AtomicUsize>,
    after_ms: u64,
    server: &mut Child,
) {
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..4 {
        let (client, csrf, base, answered, stop, cut) =
            (client.clone(), csrf.to_owned(), base.to_owned(), answered.clone(), stop.clone(), cut.clone());
        writers.push(tokio::spawn(async move {
            let unit = w < 2;
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let text = format!("Runda {round} skrivare {w} nummer {n}");
                let (path, fields) = if unit {
                    (
                        "/units/new".to_owned(),
                        vec![("_csrf", csrf.as_str()), ("name", text.as_str()), ("kind", "forvaltning")],
                    )
                } else {
                    (
                        format!("/incidents/{incident}/log"),
                        vec![("_csrf", csrf.as_str()), ("kind", "information"), ("text", text.as_str())],
                    )
                };
                match client.post(format!("{base}{path}")).form(&fields).send().await {
                    Ok(r) => answered.lock().await.push(Answered { unit, text, status: r.status() }),
                    // The server is gone: what was sent may or may not have been written.
                    Err(_) => {
                        cut.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(after_ms)).await;
    server.kill().expect("SIGKILL");
    server.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
}
