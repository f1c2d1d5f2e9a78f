//! Passkeys (WebAuthn) as a second factor, over HTTP on both databases, with a software
//! authenticator written here (a P-256 key, "none" attestation, as a phone's platform
//! authenticator answers): adding a key, logging in with it, and refusing what must be refused:
//! an IP address as Beredd's address, a nameless key, an answer made for another site, a ticket
//! used twice, a signature by a key that is not the user's; an administrator's reset removes keys.
//! The browser's side (static/passkeys.js with Chromium's virtual authenticator) is in
//! tests/browser/passkeys.test.mjs.

use base64::Engine;
use beredd_domain::Role;
use p256::ecdsa::signature::Signer;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Digest;

use crate::harness::{PASSWORD, TestApp, hidden_csrf, kinds, texts};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn cbor(v: &ciborium::Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(v, &mut out).unwrap();
    out
}

/// DER of an ECDSA signature from its 64 bytes (r, s).
fn der(sig: &[u8]) -> Vec<u8> {
    let int = |b: &[u8]| {
        let b: Vec<u8> = b.iter().copied().skip_while(|x| *x == 0).collect();
        let mut v = if b.first().is_some_and(|x| x & 0x80 != 0) { vec![0] } else { vec![] };
        v.extend(b);
        let mut out = vec![0x02, v.len() as u8];
        out.extend(v);
        out
    };
    let (r, s) = (int(&sig[..32]), int(&sig[32..]));
    let mut out = vec![0x30, (r.len() + s.len()) as u8];
    out.extend(r);
    out.extend(s);
    out
}

/// A platform authenticator that verifies its user without asking.
struct SoftKey {
    key: p256::ecdsa::SigningKey,
    id: Vec<u8>,
    counter: u32,
}

impl SoftKey {
    fn new(seed: u8) -> SoftKey {
        let mut bytes = [seed; 32];
        bytes[0] = 1;
        SoftKey { key: p256::ecdsa::SigningKey::from_slice(&bytes).unwrap(), id: vec![seed; 16], counter: 0 }
    }

    fn client_data(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
        json!({ "type": kind, "challenge": challenge, "origin": origin, "crossOrigin": false }).to_string().into_bytes()
    }

    /// The answer to `navigator.credentials.create` for `options`, as if from `origin`.
    fn create(&self, options: &Value, origin: &str) -> String {
        let pk = &options["publicKey"];
        let (rp, challenge) = (pk["rp"]["id"].as_str().unwrap(), pk["challenge"].as_str().unwrap());
        let point = self.key.verifying_key().to_sec1_point(false);
        let cose = cbor(&ciborium::Value::Map(vec![
            (1.into(), 2.into()),
            (3.into(), (-7).into()),
            ((-1).into(), 1.into()),
            ((-2).into(), ciborium::Value::Bytes(point.x().unwrap().to_vec())),
            ((-3).into(), ciborium::Value::Bytes(point.y().unwrap().to_vec())),
        ]));
        let mut auth = sha2::Sha256::digest(rp.as_bytes()).to_vec();
        auth.push(0x45); // user present, user verified, credential data attached
        auth.extend(self.counter.to_be_bytes());
        auth.extend([0u8; 16]);
        auth.extend((self.id.len() as u16).to_be_bytes());
        auth.extend(&self.id);
        auth.extend(cose);
        let attestation = cbor(&ciborium::Value::Map(vec![
            ("fmt".into(), "none".into()),
            ("attStmt".into(), ciborium::Value::Map(vec![])),
            ("authData".into(), ciborium::Value::Bytes(auth)),
        ]));
        json!({
            "id": b64(&self.id), "rawId": b64(&self.id), "type": "public-key",
            "response": { "attestationObject": b64(&attestation),
                          "clientDataJSON": b64(&Self::client_data("webauthn.create", challenge, origin)) },
            "extensions": {},
        })
        .to_string()
    }

    /// The answer to `navigator.credentials.get` for `options`, signed by this key.
    fn get(&mut self, options: &Value, origin: &str, rp: &str) -> String {
        let challenge = options["publicKey"]["challenge"].as_str().unwrap();
        self.counter += 1;
        let mut auth = sha2::Sha256::digest(rp.as_bytes()).to_vec();
        auth.push(0x05); // user present, user verified
        auth.extend(self.counter.to_be_bytes());
        let client = Self::client_data("webauthn.get", challenge, origin);
        let mut signed = auth.clone();
        signed.extend(sha2::Sha256::digest(&client));
        let sig: p256::ecdsa::Signature = self.key.sign(&signed);
        json!({
            "id": b64(&self.id), "rawId": b64(&self.id), "type": "public-key",
            "response": { "authenticatorData": b64(&auth), "clientDataJSON": b64(&client),
                          "signature": b64(&der(&sig.to_bytes())), "userHandle": null },
            "extensions": {},
        })
        .to_string()
    }
}

/// A logged-in client at `base`, with its session's CSRF token.
async fn login_at(app: &TestApp, base: &str, username: &str) -> (reqwest::Client, String) {
    let client = app.client();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_csrf(&page).unwrap();
    let resp = client
        .post(format!("{base}/login"))
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let home = client.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
    (client, hidden_csrf(&home).unwrap())
}

async fn post(client: &reqwest::Client, url: String, form: &[(&str, &str)]) -> (StatusCode, String) {
    let r = client.post(url).form(form).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// The options for the login's second step with a key, for the client whose password was right.
async fn login_options(client: &reqwest::Client, base: &str, csrf: &str) -> Value {
    let (status, body) = post(client, format!("{base}/login/passkey"), &[("_csrf", csrf)]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Posts the browser's answer as the login's second step: (status, where to, body).
async fn finish(
    client: &reqwest::Client,
    base: &str,
    csrf: &str,
    ticket: &Value,
    answer: &str,
) -> (StatusCode, Option<String>, String) {
    let form = [("_csrf", csrf), ("ticket", ticket.as_str().unwrap()), ("credential", answer), ("next", "/units")];
    let r = client.post(format!("{base}/login/code")).form(&form).send().await.unwrap();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    (r.status(), location, r.text().await.unwrap())
}

async fn passkey_rows(app: &TestApp) -> i64 {
    app.count("passkeys").await
}

#[tokio::test]
async fn a_passkey_is_added_and_logs_in_and_what_is_not_the_users_is_refused() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let per = app.add_user("per", Role::Reader, &[]).await;
        let base = app.base.replace("127.0.0.1", "localhost");
        let origin = base.clone();

        // Reached by an IP address there are no passkeys, and the page says why.
        let (ip_client, ip_csrf) = login_at(&app, &app.base, "per").await;
        let page =
            ip_client.get(format!("{}/account/second-factor", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Passkeys fungerar bara när Beredd nås med ett namn"), "{page}");
        let (status, body) = post(
            &ip_client,
            format!("{}/account/passkeys/options", app.base),
            &[("_csrf", &ip_csrf), ("name", "Telefonen")],
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");

        let (client, csrf) = login_at(&app, &base, "per").await;
        let options = |name: &'static str| {
            let (client, csrf, base) = (client.clone(), csrf.clone(), base.clone());
            async move {
                post(&client, format!("{base}/account/passkeys/options"), &[("_csrf", &csrf), ("name", name)]).await
            }
        };
        // A key needs a name.
        let (status, body) = options("   ").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Namn på nyckeln"), "{body}");

        // An answer made for another site is refused, and its ticket is spent.
        let key = SoftKey::new(7);
        let (status, body) = options("Telefonen").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let begun: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(begun["options"]["publicKey"]["rp"]["id"], "localhost");
        let ticket = begun["ticket"].as_str().unwrap();
        let add = |ticket: String, credential: String| {
            let (client, csrf, base) = (client.clone(), csrf.clone(), base.clone());
            async move {
                post(
                    &client,
                    format!("{base}/account/passkeys"),
                    &[("_csrf", &csrf), ("ticket", &ticket), ("credential", &credential)],
                )
                .await
            }
        };
        let (status, body) = add(ticket.to_owned(), key.create(&begun["options"], "http://evil.example")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Nyckeln kunde inte bekräftas"), "{body}");
        let (_, body) = add(ticket.to_owned(), key.create(&begun["options"], &origin)).await;
        assert!(body.contains("hann gå ut"), "a ticket is used once: {body}");
        assert_eq!(passkey_rows(&app).await, 0);

        // The right answer adds the key, with recovery codes since it is the first second factor.
        let (_, body) = options("Telefonen").await;
        let begun: Value = serde_json::from_str(&body).unwrap();
        let (status, body) =
            add(begun["ticket"].as_str().unwrap().to_owned(), key.create(&begun["options"], &origin)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(body.contains("Nyckeln är tillagd."));
        assert_eq!(texts(&body, ".recovery-codes code").len(), 10);
        assert_eq!(texts(&body, "tbody th"), vec!["Telefonen"]);
        assert_eq!(passkey_rows(&app).await, 1);

        // The login's second step: the page offers the key; another key with the same id is refused.
        let second =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let page = second.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
        let login_csrf = hidden_csrf(&page).unwrap();
        let (status, page) = post(
            &second,
            format!("{base}/login"),
            &[("_csrf", &login_csrf), ("username", "per"), ("password", PASSWORD), ("next", "/units")],
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Använd passkey eller säkerhetsnyckel"), "{page}");
        let mut step_csrf = hidden_csrf(&page).unwrap();
        let begun = login_options(&second, &base, &step_csrf).await;
        let allowed = &begun["options"]["publicKey"]["allowCredentials"];
        assert_eq!(allowed[0]["id"], b64(&key.id), "the user's key is offered");
        let mut impostor = SoftKey::new(9);
        impostor.id = key.id.clone();
        let answer = impostor.get(&begun["options"], &origin, "localhost");
        let (status, _, body) = finish(&second, &base, &step_csrf, &begun["ticket"], &answer).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.contains("Nyckeln kunde inte bekräftas"), "{body}");
        step_csrf = hidden_csrf(&body).unwrap();

        let mut key = key;
        let begun = login_options(&second, &base, &step_csrf).await;
        let answer = key.get(&begun["options"], &origin, "localhost");
        let (status, location, _) = finish(&second, &base, &step_csrf, &begun["ticket"], &answer).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location.as_deref(), Some("/units"));
        assert_eq!(second.get(format!("{base}/units")).send().await.unwrap().status(), StatusCode::OK);
        // The same answer again, from a new login: its ticket is spent.
        let third = app.client();
        let page = third.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
        let form = [("_csrf", hidden_csrf(&page).unwrap()), ("username", "per".into()), ("password", PASSWORD.into())];
        let page = third.post(format!("{base}/login")).form(&form).send().await.unwrap().text().await.unwrap();
        let (status, _, body) = finish(&third, &base, &hidden_csrf(&page).unwrap(), &begun["ticket"], &answer).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.contains("hann gå ut"), "{body}");
        let page = client.get(format!("{base}/account/second-factor")).send().await.unwrap().text().await.unwrap();
        let cells = texts(&page, "tbody td");
        assert_ne!(cells[1], "–", "the key's last use is shown: {cells:?}");

        // Only one's own keys can be removed.
        let key_id = {
            let (id,): (i64,) = sqlx::query_as("SELECT id FROM passkeys").fetch_one(&app.db.pool).await.unwrap();
            id
        };
        let (admin_client, admin_csrf) = login_at(&app, &base, "admin").await;
        let (status, _) =
            post(&admin_client, format!("{base}/account/passkeys/{key_id}/remove"), &[("_csrf", admin_csrf.as_str())])
                .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another user's key");
        assert_eq!(passkey_rows(&app).await, 1);

        // An organisation that requires a second factor counts the passkey as one.
        let admin = app.login("admin").await;
        admin.post("/organisation", &[("name", "Testkommun"), ("second_factor_required", "all-local")]).await;
        assert_eq!(second.get(format!("{base}/units")).send().await.unwrap().status(), StatusCode::OK);

        // Adding and removing keys is in the audit trail; an administrator's reset removes them.
        let pool = app.db.pool.clone();
        let (added,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'passkey-add'")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(added, 1);
        sqlx::query("UPDATE organisations SET second_factor_required = 0").execute(&pool).await.unwrap();
        let r = admin.post(&format!("/users/{per}/second-factor"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(passkey_rows(&app).await, 0);
    }
}
