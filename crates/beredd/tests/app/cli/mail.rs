//! Reminder mail through a real mail server (the `smtp-server` npm package, started by
//! `tests/browser/smtp-server.mjs`) that requires STARTTLS (or TLS from the first byte) and a
//! login, with a certificate of a test authority that `--smtp-ca` names: the message arrives
//! encrypted and logged in; a wrong password, a relay that offers no STARTTLS, and a certificate
//! Beredd was not told to trust are each refused with a Swedish message and mark nothing as reminded.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::harness::{TestApp, beredd, id_of, kinds};

pub const USER: &str = "beredd-utskick";
pub const PASSWORD: &str = "relay-losenord-for-test";

/// The mail server, running; stopped when dropped.
pub struct MailServer {
    child: Child,
    /// `host:port`.
    pub addr: String,
    /// The certificate authority's PEM file, for `--smtp-ca`.
    pub ca: std::path::PathBuf,
    /// Each message received, as the script prints it (from, to, user, encrypted, data).
    pub mails: Arc<Mutex<Vec<Value>>>,
    _dir: tempfile::TempDir,
}

impl Drop for MailServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl MailServer {
    /// Starts a server with a certificate for `localhost` signed by a fresh test authority.
    /// `secure`: TLS from the first byte; `hide_starttls`: plain SMTP that offers no STARTTLS.
    pub fn start(secure: bool, hide_starttls: bool) -> MailServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(rcgen::DnType::CommonName, "Exempelkommunens test-CA");
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let key = rcgen::KeyPair::generate().unwrap();
        let params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
        let cert = params.signed_by(&key, &issuer).unwrap();
        let path = |name: &str| dir.path().join(name);
        std::fs::write(path("ca.pem"), ca_cert.pem()).unwrap();
        std::fs::write(path("cert.pem"), cert.pem()).unwrap();
        std::fs::write(path("key.pem"), key.serialize_pem()).unwrap();
        let config = json!({
            "key": path("key.pem"), "cert": path("cert.pem"), "user": USER, "password": PASSWORD,
            "secure": secure, "hideStartTls": hide_starttls,
        });
        std::fs::write(path("config.json"), config.to_string()).unwrap();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/browser/smtp-server.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .arg(path("config.json"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts the test mail server (scripts/install-test-deps installs smtp-server)");
        let out = child.stdout.take().expect("stdout");
        let mails: Arc<Mutex<Vec<Value>>> = Default::default();
        let keep = mails.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("SMTP_SERVER ") {
                    let _ = tx.send(addr.to_owned());
                } else if let Some(mail) = line.strip_prefix("MAIL ") {
                    keep.lock().unwrap().push(serde_json::from_str(mail).expect("a mail as JSON"));
                }
            }
        });
        let addr = rx.recv_timeout(std::time::Duration::from_secs(60)).expect("the mail server prints its address");
        // The certificate is for localhost: that is the name Beredd must check it against.
        let addr = addr.replace("127.0.0.1", "localhost");
        MailServer { child, addr, ca: path("ca.pem"), mails, _dir: dir }
    }

    /// Waits (generously) until `n` messages have arrived; the messages.
    pub fn wait_for(&self, n: usize) -> Vec<Value> {
        for _ in 0..200 {
            if self.mails.lock().unwrap().len() >= n {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        self.mails.lock().unwrap().clone()
    }
}

/// The text of a received message: its body, decoded from base64 when it was sent so.
pub fn text_of(mail: &Value) -> String {
    use base64::Engine;
    let data = mail["data"].as_str().expect("data");
    let (head, body) = data.split_once("\r\n\r\n").expect("headers, then the body");
    if head.to_lowercase().contains("content-transfer-encoding: base64") {
        let compact: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(compact).expect("base64");
        String::from_utf8(bytes).expect("UTF-8").replace("\r\n", "\n")
    } else {
        body.replace("\r\n", "\n")
    }
}

/// A unit, an owner with an address and an overdue yearly task of theirs; the administrator's session.
pub async fn owner_with_a_due_task(app: &TestApp) -> crate::harness::Session {
    let s = app.login("admin").await;
    let unit = app.add_unit("Björkgården", None).await;
    let owner = id_of(
        &s.post(
            "/people/new",
            &[
                ("name", "Åsa Öberg"),
                ("kind", "staff"),
                ("unit", &unit.to_string()),
                ("email", "asa.oberg@exempelkommun.example"),
            ],
        )
        .await,
    );
    s.post(
        "/cycle",
        &[
            ("title", "Översyn av kontinuitetsplanen"),
            ("kind", "plan_review"),
            ("owner", &owner),
            ("start", "2026-01-15"),
            ("every", "12"),
        ],
    )
    .await;
    s
}

/// Runs `beredd remind` against `server` with `extra` arguments; (success, stdout, stderr).
async fn remind(app: &TestApp, server: &MailServer, extra: &[&str], password: &str) -> (bool, String, String) {
    let mut args: Vec<String> =
        ["remind", "--database", &app.db_url(), "--smtp", &server.addr, "--from", "beredd@exempelkommun.example"]
            .map(String::from)
            .to_vec();
    args.extend(["--smtp-user", USER].map(String::from));
    args.extend(extra.iter().map(|s| s.to_string()));
    let password = password.to_owned();
    let out = tokio::task::spawn_blocking(move || {
        beredd().args(&args).env("BEREDD_SMTP_PASSWORD", password).output().expect("beredd runs")
    })
    .await
    .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn reminders_go_through_starttls_with_a_login_and_refusals_are_told_in_swedish() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        owner_with_a_due_task(&app).await;
        let server = MailServer::start(false, false);
        let ca = server.ca.display().to_string();

        // A certificate of an authority Beredd was not told about: refused, nothing sent.
        let (ok, _, err) = remind(&app, &server, &[], PASSWORD).await;
        assert!(!ok);
        assert!(err.contains("gick inte att ansluta till med kryptering (TLS)"), "{err}");
        // The wrong password: the relay's refusal of the login.
        let (ok, _, err) = remind(&app, &server, &["--smtp-ca", &ca], "fel-losenord").await;
        assert!(!ok);
        assert!(err.contains("tog inte emot inloggningen"), "{err}");
        assert!(!err.contains("fel-losenord"), "the password is never shown: {err}");
        assert!(server.mails.lock().unwrap().is_empty());

        // Right: the message arrives over an encrypted connection, from the logged-in user.
        let (ok, out, err) = remind(&app, &server, &["--smtp-ca", &ca], PASSWORD).await;
        assert!(ok, "{err}");
        assert_eq!(out.trim(), "1 påminnelser skickades (1 uppgifter).");
        let mails = server.wait_for(1);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0]["encrypted"], true);
        assert_eq!(mails[0]["user"], USER);
        assert_eq!(mails[0]["to"], json!(["asa.oberg@exempelkommun.example"]));
        let data = mails[0]["data"].as_str().unwrap();
        assert!(data.to_lowercase().contains("subject: =?utf-8?"), "the subject is encoded: {data}");
        let text = text_of(&mails[0]);
        assert!(text.contains("Hej Åsa Öberg!"), "{text}");
        assert!(text.contains("Översyn av kontinuitetsplanen"), "{text}");

        // Reminded once: the second run sends nothing.
        let (ok, out, _) = remind(&app, &server, &["--smtp-ca", &ca], PASSWORD).await;
        assert!(ok);
        assert_eq!(out.trim(), "0 påminnelser skickades (0 uppgifter).");
    }
}

#[tokio::test]
async fn a_relay_without_starttls_is_refused_and_tls_from_the_first_byte_works() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        owner_with_a_due_task(&app).await;
        let plain = MailServer::start(false, true);
        let ca = plain.ca.display().to_string();
        let (ok, _, err) = remind(&app, &plain, &["--smtp-ca", &ca], PASSWORD).await;
        assert!(!ok);
        assert!(err.contains("STARTTLS"), "{err}");
        assert!(plain.mails.lock().unwrap().is_empty());

        let wrapped = MailServer::start(true, false);
        let ca = wrapped.ca.display().to_string();
        let (ok, out, err) = remind(&app, &wrapped, &["--smtp-ca", &ca, "--smtp-security", "tls"], PASSWORD).await;
        assert!(ok, "{err}");
        assert_eq!(out.trim(), "1 påminnelser skickades (1 uppgifter).");
        assert_eq!(wrapped.wait_for(1)[0]["encrypted"], true);
    }
}
