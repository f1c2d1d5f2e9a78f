//! Saves that arrive at once (security review F19): a handler that holds SQLite's write lock
//! must not wait for a second connection from the pool. With four connections, a save that took
//! the lock and then asked the pool for the organisation's catalogue waited for the connections
//! the other saves held while they waited for the lock: those gave up after the busy timeout
//! (500) and the first one was slow. Now every save loads what it reads before it takes the lock.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::harness::{Kind, TestApp, id_of, kinds};

/// Twelve self-assessment answers and twelve first classifications saved at the same moment: all of
/// them land, quickly, on SQLite (the pool of four) and PostgreSQL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_assessment_and_classification_saves_all_land() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let sys = id_of(
            &s.post("/systems/new", &[("name", "Ärendesystem"), ("kind", "it_system"), ("hosting", "internal")]).await,
        );
        let mut assets = Vec::new();
        for n in 0..13 {
            let r = s.post("/assets/new", &[("name", &format!("Information {n}")), ("systems", &sys)]).await;
            assets.push(id_of(&r));
        }
        let r = s
            .post(
                &format!("/assets/{}/classify", assets[0]),
                &[
                    ("level_k", "3"),
                    ("level_r", "3"),
                    ("level_t", "3"),
                    ("level_s", "3"),
                    ("why_k", "Motiverad"),
                    ("why_r", "Motiverad"),
                    ("why_t", "Motiverad"),
                    ("why_s", "Motiverad"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}");
        // The requirements the system must meet, from its assessment overview.
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        let reqs: Vec<String> = scraper::Html::parse_document(&overview)
            .select(&scraper::Selector::parse("table.register tbody tr a").unwrap())
            .filter_map(|a| a.value().attr("href"))
            .filter_map(|h| h.rsplit('/').next().map(str::to_owned))
            .take(12)
            .collect();
        assert_eq!(reqs.len(), 12, "{kind:?}: {overview}");
        let before = app.count("assessments").await;
        let started = Instant::now();
        let mut saves = Vec::new();
        for (n, req) in reqs.iter().enumerate() {
            let (client, base, csrf) = (s.client.clone(), s.base.clone(), s.csrf.clone());
            let path = format!("{base}/systems/{sys}/assessment/{req}");
            saves.push(tokio::spawn(async move {
                let form = [("_csrf", csrf.as_str()), ("status", "partly"), ("how", "Delvis, se rutin")];
                client.post(&path).form(&form[..]).send().await.map(|r| r.status()).map_err(|e| e.to_string())
            }));
            let (client, base, csrf) = (s.client.clone(), s.base.clone(), s.csrf.clone());
            let path = format!("{base}/assets/{}/classify", assets[n + 1]);
            saves.push(tokio::spawn(async move {
                let form = [
                    ("_csrf", csrf.as_str()),
                    ("level_k", "2"),
                    ("level_r", "2"),
                    ("level_t", "3"),
                    ("level_s", "1"),
                    ("why_k", "Motiverad"),
                    ("why_r", "Motiverad"),
                    ("why_t", "Motiverad"),
                    ("why_s", "Motiverad"),
                ];
                client.post(&path).form(&form[..]).send().await.map(|r| r.status()).map_err(|e| e.to_string())
            }));
        }
        let mut answers = Vec::new();
        for save in saves {
            answers.push(save.await.unwrap());
        }
        let took = started.elapsed();
        assert!(answers.iter().all(|a| *a == Ok(StatusCode::SEE_OTHER)), "{kind:?}: {answers:?}");
        assert_eq!(app.count("assessments").await, before + 12, "{kind:?}");
        // Well inside SQLite's busy timeout (5 s), which a stalled save would have run into.
        let bound = if matches!(kind, Kind::Sqlite) { Duration::from_secs(4) } else { Duration::from_secs(10) };
        assert!(took < bound, "{kind:?}: {took:?}");
    }
}
