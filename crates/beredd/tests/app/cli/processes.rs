//! Two `beredd serve` processes on one PostgreSQL database, as behind a load balancer (issue
//! 22): a live board open with one hears of a log entry written through the other (LISTEN/
//! NOTIFY), what each keeps in memory follows a write through the other, and five failed
//! logins spread over both lock the name, as five to one process do.

use std::io::BufReader;
use std::process::{Child, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use super::shutdown::{add_admin, login};
use crate::harness::{Kind, beredd, fresh_db, hidden_csrf, id_of, kinds};

/// A `beredd serve` on `url`, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(url: &str, keys: &str) -> Server {
    let port = super::free_port();
    let mut child = beredd()
        .args(["serve", "--database", url, "--listen", &format!("127.0.0.1:{port}"), "--keys", keys])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    super::wait_for_line(&mut out, "Beredd kör på");
    Server { child, base: format!("http://127.0.0.1:{port}") }
}

/// A login with a wrong password, from a client of its own (no cookies kept).
async fn guess(base: &str, name: &str) -> StatusCode {
    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).expect("login csrf");
    let form = [("_csrf", csrf.as_str()), ("username", name), ("password", "fel lösenord, igen"), ("next", "/")];
    client.post(format!("{base}/login")).form(&form).send().await.unwrap().status()
}

#[tokio::test]
async fn two_processes_on_one_postgresql_share_live_boards_kept_copies_and_login_limits() {
    for kind in kinds() {
        let Kind::Postgres = kind else { continue };
        let t = fresh_db(kind).await;
        let keys = t.keys_dir().display().to_string();
        add_admin(&t.url, &keys);
        let (a, b) = (serve(&t.url, &keys), serve(&t.url, &keys));

        // A board open with B hears of a log entry written through A, within a generous wait.
        let (sa, _) = login(&a.base, "admin").await;
        let unit = id_of(&sa.post("/units/new", &[("name", "Socialförvaltningen"), ("kind", "forvaltning")]).await);
        let incident = crate::crisis::start(&sa, unit.parse().unwrap()).await;
        let (sb, _) = login(&b.base, "admin").await;
        let mut events = sb.client.get(format!("{}/incidents/{incident}/events", b.base)).send().await.unwrap();
        assert_eq!(events.status(), StatusCode::OK);
        let r = sa
            .post(
                &format!("/incidents/{incident}/log"),
                &[("kind", "information"), ("text", "Växeln når inte journalsystemet")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut got = String::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while !got.contains("event: log") {
            let chunk = tokio::time::timeout_at(deadline, events.chunk())
                .await
                .expect("the other process's board hears of the entry")
                .unwrap()
                .expect("the stream stays open");
            got.push_str(&String::from_utf8_lossy(&chunk));
        }

        // What each process keeps of the organisation (a sorted list, the start page's facts)
        // follows a write made through the other: B has both at hand before A writes.
        assert!(!sb.get("/actions").await.body.contains("Byt lösenord på växeln"));
        assert!(!sb.get("/").await.body.contains("Byt lösenord på växeln"));
        let fields = [
            ("title", "Byt lösenord på växeln"),
            ("priority", "high"),
            ("status", "planned"),
            ("due_date", "2020-01-31"),
        ];
        assert_eq!(sa.post("/actions/new", &fields).await.status, StatusCode::SEE_OTHER);
        assert!(sb.get("/actions").await.body.contains("Byt lösenord på växeln"), "B's list has A's action");
        assert!(sb.get("/").await.body.contains("Byt lösenord på växeln"), "B's start page has it overdue");

        // Five wrong passwords for one name, spread over the two, lock it on both.
        for n in 0..5 {
            let base = if n % 2 == 0 { &a.base } else { &b.base };
            assert_eq!(guess(base, "inkraktare").await, StatusCode::UNAUTHORIZED, "guess {n}");
        }
        assert_eq!(guess(&a.base, "inkraktare").await, StatusCode::TOO_MANY_REQUESTS, "locked on A");
        assert_eq!(guess(&b.base, "inkraktare").await, StatusCode::TOO_MANY_REQUESTS, "locked on B");
        // Another name from the same address is not held up (`login` asserts that it gets in).
        login(&b.base, "admin").await;
    }
}
