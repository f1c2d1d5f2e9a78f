//! `/metrics` (issue 21): off without `--metrics-token`, refused without the token, and with it
//! the requests by route and status, their timing, the pool, the last backup and the incidents.

use std::io::BufReader;
use std::process::Stdio;

use reqwest::StatusCode;

use crate::harness::{beredd, fresh_db, kinds};

#[tokio::test]
async fn prometheus_reads_requests_by_route_and_the_state_of_beredd_with_its_token() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let port = super::free_port();
        let mut child = beredd()
            .args(["serve", "--database", &t.url, "--listen", &format!("127.0.0.1:{port}")])
            .args(["--keys", &t.keys_dir().display().to_string(), "--metrics-token", "hemlig-matning"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        super::wait_for_line(&mut out, "Beredd kör på");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..3 {
            assert_eq!(client.get(format!("{base}/login")).send().await.unwrap().status(), StatusCode::OK);
        }
        let refused = client.get(format!("{base}/metrics")).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        let wrong = client.get(format!("{base}/metrics")).bearer_auth("gissning").send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        let r = client.get(format!("{base}/metrics")).bearer_auth("hemlig-matning").send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let text = r.text().await.unwrap();
        let _ = child.kill();
        let _ = child.wait();
        let line = text
            .lines()
            .find(|l| {
                l.starts_with("beredd_http_requests_total{")
                    && l.contains("route=\"/login\"")
                    && l.contains("status=\"200\"")
            })
            .unwrap_or_else(|| panic!("{kind:?}: no count for /login in\n{text}"));
        assert!(line.ends_with(" 3"), "{line}");
        assert!(text.contains("beredd_http_request_seconds_bucket{"), "latency histograms");
        for gauge in [
            "beredd_db_pool_connections ",
            "beredd_live_connections 0",
            "beredd_last_backup_timestamp_seconds 0",
            "beredd_incidents_active 0",
        ] {
            assert!(text.lines().any(|l| l.starts_with(gauge)), "{kind:?}: {gauge} in\n{text}");
        }
        assert!(!text.contains("hemlig-matning"), "the token is never shown");
    }
}
