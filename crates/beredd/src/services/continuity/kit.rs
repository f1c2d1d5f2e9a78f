//! The offline crisis kit: one self-contained HTML file holding the approved continuity plans of
//! the chosen units (or all), their call lists, contacts, prepared texts, paper forms and what
//! still works when the municipal network is down. The content is encrypted with AES-256-GCM
//! under a key derived from a passphrase with PBKDF2-SHA-256 (600 000 iterations, random salt),
//! and decrypted in the browser with WebCrypto by `kit/kit.js`. Beredd never stores the passphrase.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::RngCore;
use serde_json::{Value, json};

use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::continuity::binder::{self, Scope};
use crate::services::continuity::outage::{Category, Model};
use crate::store::{activities, orgs, units};

/// PBKDF2 rounds: OWASP's 2023 advice for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// The plaintext of the block that tells a wrong passphrase from an altered file.
const CHECK: &[u8] = b"beredd-kit-v1";

/// The shortest passphrase a kit may be made with.
pub const MIN_PASSPHRASE: usize = 12;

const TEMPLATE: &str = include_str!("../../../kit/kit.html");
const CSS: &str = include_str!("../../../kit/kit.css");
const JS: &str = include_str!("../../../kit/kit.js");

/// What a kit holds before it is sealed.
pub struct Content {
    pub value: Value,
    /// (plan id, version) of every plan in it.
    pub plans: Vec<(i64, i64)>,
    pub scope_name: String,
    pub org: String,
}

/// The UI texts the kit needs after it is opened: (key in the kit, Fluent id).
const LABELS: &[(&str, &str)] = &[
    ("version", "kit-version"),
    ("approved", "kit-approved"),
    ("versions", "kit-versions"),
    ("lead", "plan-lead"),
    ("trigger", "plan-trigger"),
    ("steps", "plan-steps"),
    ("resources", "plan-resources"),
    ("switch_back", "plan-switch-back"),
    ("reentry", "plan-reentry"),
    ("calls", "plan-col-calls"),
    ("calls_intro", "kit-calls-intro"),
    ("externals", "plan-externals"),
    ("hotline", "plan-hotline"),
    ("hotline_hours", "plan-hotline-hours"),
    ("hotline_answered_by", "plan-hotline-answered-by"),
    ("hotline_script", "plan-hotline-script"),
    ("comm_spokesperson", "plan-comm-spokesperson"),
    ("comm_web", "plan-comm-web"),
    ("comm_hotline", "plan-comm-hotline"),
    ("comm_media", "plan-comm-media"),
    ("done_at", "kit-done-at"),
    ("no_plans", "binder-no-plans"),
    ("too_old", "kit-too-old"),
    ("nav_label", "kit-nav-label"),
    ("works_intro", "kit-works-intro"),
    ("works_down", "kit-works-down"),
    ("works_degraded", "kit-works-degraded"),
    ("works_working", "kit-works-working"),
    ("print", "kit-print"),
    ("forms_intro", "binder-forms-intro"),
    ("log_intro", "kit-log-intro"),
    ("log_kind", "kit-log-kind"),
    ("log_text", "kit-log-text"),
    ("log_author", "kit-log-author"),
    ("log_decided_by", "kit-log-decided-by"),
    ("log_grounds", "kit-log-grounds"),
    ("log_add", "kit-log-add"),
    ("log_saved", "kit-log-saved"),
    ("log_need_text", "kit-log-need-text"),
    ("log_need_author", "kit-log-need-author"),
    ("log_not_saved", "kit-log-not-saved"),
    ("log_entries", "kit-log-entries"),
    ("log_export", "kit-log-export"),
    ("log_count", "kit-log-count"),
    ("search_label", "kit-search-label"),
    ("search_count", "kit-search-count"),
];
const FORM_LABELS: &[(&str, &str)] = &[
    ("visit", "form-visit"),
    ("visit_note", "form-visit-note"),
    ("meeting", "form-meeting"),
    ("meeting_note", "form-meeting-note"),
    ("decisions", "form-decisions"),
    ("decisions_note", "form-decisions-note"),
    ("calls", "form-calls"),
    ("calls_note", "form-calls-note"),
    ("client", "form-f-client"),
    ("time", "form-f-time"),
    ("done", "form-f-done"),
    ("signature", "form-f-signature"),
    ("entered", "form-f-entered"),
    ("area", "form-f-area"),
    ("state", "form-f-state"),
    ("comment", "form-f-comment"),
    ("decision", "form-f-decision"),
    ("decided_by", "form-f-decided-by"),
    ("grounds", "form-f-grounds"),
    ("caller", "form-f-caller"),
    ("errand", "form-f-errand"),
    ("answer", "form-f-answer"),
    ("callback", "form-f-callback"),
];
const KIND_LABELS: &[(&str, &str)] = &[
    ("event", "kit-kind-event"),
    ("decision", "kit-kind-decision"),
    ("information", "kit-kind-information"),
    ("task", "kit-kind-task"),
];
const NAV_LABELS: &[(&str, &str)] = &[
    ("plans", "kit-nav-plans"),
    ("calls", "kit-nav-calls"),
    ("contacts", "kit-nav-contacts"),
    ("comm", "kit-nav-comm"),
    ("works", "kit-nav-works"),
    ("forms", "kit-nav-forms"),
    ("log", "kit-nav-log"),
    ("search", "kit-nav-search"),
];

/// Every Fluent id the kit uses, so a test can check both languages have them.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    LABELS.iter().chain(FORM_LABELS).chain(KIND_LABELS).chain(NAV_LABELS).map(|(_, id)| *id)
}

fn label_map(tr: &Tr, pairs: &[(&str, &str)]) -> serde_json::Map<String, Value> {
    pairs.iter().map(|(k, id)| ((*k).to_owned(), json!(tr.t(id)))).collect()
}

fn labels(tr: &Tr) -> Value {
    let mut m = label_map(tr, LABELS);
    m.insert("forms".into(), Value::Object(label_map(tr, FORM_LABELS)));
    m.insert("log_kinds".into(), Value::Object(label_map(tr, KIND_LABELS)));
    m.insert("nav".into(), Value::Object(label_map(tr, NAV_LABELS)));
    Value::Object(m)
}

/// What still works when everything inside the municipal network is down, for the activities
/// of the kit's units, and the systems that keep running.
async fn works(pool: &sqlx::AnyPool, org: i64, unit_ids: Option<&[i64]>, tr: &Tr) -> Result<Value, DbError> {
    let model = Model::load(pool, org).await?;
    let failed = model.category(Category::InsideNetwork).to_vec();
    let acts = activities::list(pool, org).await?;
    let (mut down, mut degraded, mut working) = (Vec::new(), Vec::new(), Vec::new());
    for f in model.run(&failed) {
        let n = &model.nodes[f.node];
        let in_scope = match n.kind {
            beredd_domain::NodeKind::Activity => {
                acts.iter().find(|a| a.id == n.id).is_some_and(|a| unit_ids.is_none_or(|u| u.contains(&a.unit_id)))
            }
            beredd_domain::NodeKind::System => f.state == beredd_domain::graph::State::Working,
            _ => false,
        };
        if !in_scope {
            continue;
        }
        let mut detail = Vec::new();
        if f.chain.len() > 1 {
            detail.push(tr.ts("kit-works-because", "chain", &f.chain[1..].join(" → ")));
        }
        if !f.fallbacks.is_empty() {
            detail.push(tr.ts("kit-works-fallback", "fallback", &f.fallbacks.join(" ")));
        }
        let row = json!({ "name": n.name, "detail": detail.join(" ") });
        match f.state {
            beredd_domain::graph::State::Down => down.push(row),
            beredd_domain::graph::State::Degraded => degraded.push(row),
            beredd_domain::graph::State::Working => working.push(row),
        }
    }
    Ok(json!({ "down": down, "degraded": degraded, "working": working }))
}

/// Gathers the kit's content for the given units (empty: the whole organisation). `None` when a
/// unit does not exist.
pub async fn content(
    pool: &sqlx::AnyPool,
    tr: &Tr,
    org: i64,
    unit_ids: &[i64],
    by: &str,
    today: &str,
) -> Result<Option<Content>, DbError> {
    let scope = if unit_ids.is_empty() { Scope::All } else { Scope::Units(unit_ids.to_vec()) };
    let Some(b) = binder::prepare(pool, tr, org, scope, by, today).await? else { return Ok(None) };
    let org_name = orgs::get(pool, org).await?.map(|o| o.name).unwrap_or_default();
    let all_units = units::list(pool, org).await?;
    let subtree: Vec<i64> = unit_ids.iter().flat_map(|u| binder::subtree(&all_units, *u)).collect();
    let works = works(pool, org, (!unit_ids.is_empty()).then_some(subtree.as_slice()), tr).await?;
    let value = json!({
        "title": tr.ts("kit-title", "scope", &b.scope_name),
        "org": org_name,
        "scope": b.scope_name,
        "exported_by": by,
        "plans": b.data["plans"],
        "works": works,
        "labels": labels(tr),
    });
    Ok(Some(Content { value, plans: b.plans, scope_name: b.scope_name, org: org_name }))
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Replaces each `{{KEY}}` of the template in one pass, so nothing inserted is read again.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}").map(|end| (&after[..end], end)) {
            Some((key, end)) if values.iter().any(|(k, _)| *k == key) => {
                out.push_str(values.iter().find(|(k, _)| *k == key).map(|(_, v)| *v).unwrap_or(""));
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// A sealed kit: the HTML file and its id.
pub struct Sealed {
    pub html: String,
    pub kit_id: String,
}

/// Encrypts the content under the passphrase and puts it in the kit page. CPU-bound (the key
/// derivation takes a fraction of a second in a release build): call it from a blocking task.
pub fn seal(c: &Content, passphrase: &str, tr: &Tr, exported: &str, max_age_days: u32, iterations: u32) -> Sealed {
    let mut rng = rand::rng();
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    let mut check_iv = [0u8; 12];
    let mut id = [0u8; 12];
    rng.fill_bytes(&mut salt);
    rng.fill_bytes(&mut iv);
    rng.fill_bytes(&mut check_iv);
    rng.fill_bytes(&mut id);
    let kit_id: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let header = json!({
        "v": 1,
        "kdf": "PBKDF2-SHA-256",
        "iterations": iterations,
        "salt": B64.encode(salt),
        "cipher": "AES-256-GCM",
        "iv": B64.encode(iv),
        "check_iv": B64.encode(check_iv),
        "exported": exported,
        "org": c.org,
        "max_age_days": max_age_days,
        "kit_id": kit_id,
        "lang": tr.lang_code(),
        "labels": {
            "need_pass": tr.t("kit-need-pass"), "opening": tr.t("kit-opening"), "wrong": tr.t("kit-wrong-pass"),
            "altered": tr.t("kit-altered"), "nocrypto": tr.t("kit-no-crypto"),
        },
    });
    // Inside a <script> element "<" must never appear; the escaped text is also the AAD.
    let header_text = header.to_string().replace('<', "\\u003c");
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &salt, iterations)).expect("a 32-byte key");
    let check = cipher.encrypt(&Nonce::from(check_iv), CHECK).expect("encrypting in memory");
    let plain = c.value.to_string();
    let sealed = cipher
        .encrypt(&Nonce::from(iv), Payload { msg: plain.as_bytes(), aad: header_text.as_bytes() })
        .expect("encrypting in memory");
    let title = html_escape(&tr.ts("kit-title", "scope", &c.org));
    let stamp = html_escape(&tr.ts("kit-stamp", "date", exported));
    let html = fill(
        TEMPLATE,
        &[
            ("LANG", tr.lang_code()),
            ("TITLE", &title),
            ("SKIP", &html_escape(&tr.t("skip-to-content"))),
            ("STAMP", &stamp),
            ("INTRO", &html_escape(&tr.t("kit-intro"))),
            ("PASS_LABEL", &html_escape(&tr.t("kit-pass-label"))),
            ("OPEN", &html_escape(&tr.t("kit-open"))),
            ("NOSCRIPT", &html_escape(&tr.t("kit-noscript"))),
            ("CSS", CSS),
            ("HEADER", &header_text),
            ("CHECK", &B64.encode(check)),
            ("DATA", &B64.encode(sealed)),
            ("JS", JS),
        ],
    );
    Sealed { html, kit_id }
}

/// Why a kit would not open.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("this is not a Beredd kit")]
    NotAKit,
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("the file has been altered or damaged")]
    Altered,
}

fn between<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let marker = format!("id=\"{id}\">");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find("</script>")? + start;
    Some(&html[start..end])
}

/// Opens a kit the way the browser does; for tests and for reading a kit back.
pub fn open(html: &str, passphrase: &str) -> Result<Value, OpenError> {
    let header_text = between(html, "kit-header").ok_or(OpenError::NotAKit)?;
    let header: Value = serde_json::from_str(header_text).map_err(|_| OpenError::Altered)?;
    let b = |k: &str| header[k].as_str().and_then(|s| B64.decode(s).ok()).ok_or(OpenError::Altered);
    let salt = b("salt")?;
    let nonce = |v: Vec<u8>| <[u8; 12]>::try_from(v.as_slice()).map(Nonce::from).map_err(|_| OpenError::Altered);
    let (iv, check_iv) = (nonce(b("iv")?)?, nonce(b("check_iv")?)?);
    let iterations = header["iterations"].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(OpenError::Altered)?;
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &salt, iterations)).map_err(|_| OpenError::Altered)?;
    let check =
        B64.decode(between(html, "kit-check").ok_or(OpenError::NotAKit)?.trim()).map_err(|_| OpenError::Altered)?;
    cipher.decrypt(&check_iv, check.as_slice()).map_err(|_| OpenError::WrongPassphrase)?;
    let sealed =
        B64.decode(between(html, "kit-data").ok_or(OpenError::NotAKit)?.trim()).map_err(|_| OpenError::Altered)?;
    let plain =
        cipher.decrypt(&iv, Payload { msg: &sealed, aad: header_text.as_bytes() }).map_err(|_| OpenError::Altered)?;
    serde_json::from_slice(&plain).map_err(|_| OpenError::Altered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::i18n::{Catalog, Lang};

    fn sample() -> Content {
        Content {
            value: json!({"plans": [{"name": "<img src=x onerror=alert(1)>"}]}),
            plans: vec![(1, 2)],
            scope_name: "Enhet".into(),
            org: "Kommun </script><b>".into(),
        }
    }

    #[test]
    fn a_sealed_kit_opens_with_its_passphrase_and_only_with_it() {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let kit = seal(&sample(), "rätt lösenfras här", &tr, "2026-11-23", 30, 1_000);
        assert_eq!(open(&kit.html, "rätt lösenfras här").unwrap()["plans"][0]["name"], "<img src=x onerror=alert(1)>");
        assert_eq!(open(&kit.html, "fel lösenfras"), Err(OpenError::WrongPassphrase));
        assert!(!kit.html.contains("<img src=x"), "the content is not in the page in clear text");
        assert!(!kit.html.contains("</script><b>"), "the organisation's name cannot end the header's script element");
        assert!(kit.html.contains("Kommun &lt;/script&gt;&lt;b&gt;"), "and is escaped in the title");
    }

    #[test]
    fn one_changed_byte_in_the_ciphertext_or_the_header_is_refused() {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let kit = seal(&sample(), "rätt lösenfras här", &tr, "2026-11-23", 30, 1_000);
        let data = between(&kit.html, "kit-data").unwrap();
        let start = kit.html.find(data).unwrap() + data.len() / 2;
        let mut bytes = kit.html.clone().into_bytes();
        bytes[start] = if bytes[start] == b'A' { b'B' } else { b'A' };
        assert_eq!(open(&String::from_utf8(bytes).unwrap(), "rätt lösenfras här"), Err(OpenError::Altered));
        let changed = kit.html.replacen("\"max_age_days\":30", "\"max_age_days\":99", 1);
        assert_ne!(changed, kit.html);
        assert_eq!(open(&changed, "rätt lösenfras här"), Err(OpenError::Altered), "the header is authenticated too");
    }

    #[test]
    fn the_template_is_filled_in_one_pass() {
        assert_eq!(fill("a {{X}} b {{Y}} {{Z}}", &[("X", "{{Y}}"), ("Y", "2")]), "a {{Y}} b 2 {{Z}}");
    }
}
