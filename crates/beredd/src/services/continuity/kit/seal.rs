//! Sealing a kit: the content encrypted with AES-256-GCM under a key from PBKDF2-SHA-256, the
//! header (in clear, authenticated as associated data) and the page around them; opening one the
//! way the browser does; and the kit's fingerprints.
//!
//! The file has three sealed parts, each the text of a `<script>` element: the header, the check
//! block (which tells a wrong passphrase from an altered file) and the encrypted content. The
//! *fingerprint* is the SHA-256 of those three texts joined by line feeds: the kit computes and
//! shows it on its first screen, the server records it. A file cannot show its own hash, so the
//! page around the sealed parts (its text, style and script) is not covered by the fingerprint;
//! the server records the SHA-256 of the whole file too, and `beredd kit verify` compares the
//! page with the one this version of Beredd writes for that header.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::RngCore;
use serde_json::{Value, json};
use sha2::Digest;

use super::Content;
use crate::platform::i18n::Tr;

/// PBKDF2 rounds: OWASP's 2023 advice for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// The plaintext of the block that tells a wrong passphrase from an altered file.
const CHECK: &[u8] = b"beredd-kit-v1";

const TEMPLATE: &str = include_str!("../../../../kit/kit.html");
/// The kit's style sheet, as this version of Beredd writes it.
pub const CSS: &str = include_str!("../../../../kit/kit.css");
/// The kit's script, as this version of Beredd writes it.
pub const JS: &str = include_str!("../../../../kit/kit.js");

/// A sealed kit: the HTML file, its id and its fingerprints.
pub struct Sealed {
    pub html: String,
    pub kit_id: String,
    /// SHA-256 (hex) of the sealed parts: what the kit shows.
    pub fingerprint: String,
    /// SHA-256 (hex) of the whole file.
    pub file_sha256: String,
}

/// The three sealed parts of a kit, as they stand in the file.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    pub header: &'a str,
    pub check: &'a str,
    pub data: &'a str,
}

impl Parts<'_> {
    /// The kit's fingerprint: SHA-256 of the header, the check block and the content, joined
    /// by line feeds, in hex. `kit.js` computes the same.
    pub fn fingerprint(&self) -> String {
        sha256_hex([self.header, "\n", self.check, "\n", self.data].concat().as_bytes())
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The first twenty hex digits of a fingerprint in groups of four, for a person to compare:
/// "3fa2 c9d1 e0b4 a7f2 11c0" (80 bits; `kit.js` shows the same).
pub fn short(fingerprint: &str) -> String {
    let head: Vec<char> = fingerprint.chars().take(20).collect();
    head.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Replaces each `{{KEY}}` of the template in one pass, so nothing inserted is read again.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
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

/// The header's fields that vary from kit to kit; the rest (format, labels) the code supplies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderFields {
    pub iterations: u64,
    pub salt: String,
    pub iv: String,
    pub check_iv: String,
    pub exported: String,
    pub org: String,
    pub max_age_days: u64,
    pub kit_id: String,
}

impl HeaderFields {
    /// Reads the fields from a header; `None` when one is missing or of the wrong type.
    pub fn read(header: &Value) -> Option<HeaderFields> {
        let s = |k: &str| header[k].as_str().map(str::to_owned);
        Some(HeaderFields {
            iterations: header["iterations"].as_u64()?,
            salt: s("salt")?,
            iv: s("iv")?,
            check_iv: s("check_iv")?,
            exported: s("exported")?,
            org: s("org")?,
            max_age_days: header["max_age_days"].as_u64()?,
            kit_id: s("kit_id")?,
        })
    }
}

/// The header's text as this version of Beredd writes it. Inside a `<script>` element "<" must
/// never appear; the escaped text is also the associated data of the content.
pub(super) fn header_text(f: &HeaderFields, tr: &Tr) -> String {
    let header = json!({
        "v": 1,
        "kdf": "PBKDF2-SHA-256",
        "iterations": f.iterations,
        "salt": f.salt,
        "cipher": "AES-256-GCM",
        "iv": f.iv,
        "check_iv": f.check_iv,
        "exported": f.exported,
        "org": f.org,
        "max_age_days": f.max_age_days,
        "kit_id": f.kit_id,
        "lang": tr.lang_code(),
        "labels": {
            "need_pass": tr.t("kit-need-pass"), "opening": tr.t("kit-opening"), "wrong": tr.t("kit-wrong-pass"),
            "altered": tr.t("kit-altered"), "nocrypto": tr.t("kit-no-crypto"),
        },
    });
    header.to_string().replace('<', "\\u003c")
}

/// The page around the sealed parts, as this version of Beredd writes it.
pub(super) fn page(tr: &Tr, org: &str, exported: &str, parts: Parts<'_>) -> String {
    let title = html_escape(&tr.ts("kit-title", "scope", org));
    let stamp = html_escape(&tr.ts("kit-stamp", "date", exported));
    let t = |id: &str| html_escape(&tr.t(id));
    fill(
        TEMPLATE,
        &[
            ("LANG", tr.lang_code()),
            ("TITLE", &title),
            ("SKIP", &t("skip-to-content")),
            ("STAMP", &stamp),
            ("FP_LABEL", &t("kit-fingerprint-label")),
            ("FP_NOTE", &t("kit-fingerprint-note")),
            ("INTRO", &t("kit-intro")),
            ("PASS_LABEL", &t("kit-pass-label")),
            ("OPEN", &t("kit-open")),
            ("NOSCRIPT", &t("kit-noscript")),
            ("DEVICE_HEADING", &t("kit-device-heading")),
            ("DEVICE_TEXT", &t("kit-device-text")),
            ("CLEAR", &t("kit-clear")),
            ("CLEAR_CONFIRM", &t("kit-clear-confirm")),
            ("CLEAR_YES", &t("kit-clear-yes")),
            ("CLEAR_NO", &t("kit-clear-no")),
            ("CLEARED", &t("kit-cleared")),
            ("CSS", CSS),
            ("HEADER", parts.header),
            ("CHECK", parts.check),
            ("DATA", parts.data),
            ("JS", JS),
        ],
    )
}

/// Encrypts the content under the passphrase and puts it in the kit page. CPU-bound (the key
/// derivation takes a fraction of a second in a release build): call it from a blocking task.
pub fn seal(c: &Content, passphrase: &str, tr: &Tr, exported: &str, max_age_days: u32, iterations: u32) -> Sealed {
    seal_packed(&pack(c), &c.org, passphrase, tr, exported, max_age_days, iterations)
}

/// The content as the text that is encrypted.
pub fn pack(c: &Content) -> String {
    c.value.to_string()
}

/// As [`seal`], for content already packed (`pack`) of the organisation `org`.
pub fn seal_packed(
    plain: &str,
    org: &str,
    passphrase: &str,
    tr: &Tr,
    exported: &str,
    max_age_days: u32,
    iterations: u32,
) -> Sealed {
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
    let fields = HeaderFields {
        iterations: u64::from(iterations),
        salt: B64.encode(salt),
        iv: B64.encode(iv),
        check_iv: B64.encode(check_iv),
        exported: exported.to_owned(),
        org: org.to_owned(),
        max_age_days: u64::from(max_age_days),
        kit_id: kit_id.clone(),
    };
    let header = header_text(&fields, tr);
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &salt, iterations)).expect("a 32-byte key");
    let check = cipher.encrypt(&Nonce::from(check_iv), CHECK).expect("encrypting in memory");
    let sealed = cipher
        .encrypt(&Nonce::from(iv), Payload { msg: plain.as_bytes(), aad: header.as_bytes() })
        .expect("encrypting in memory");
    let (check, data) = (B64.encode(check), B64.encode(sealed));
    let parts = Parts { header: &header, check: &check, data: &data };
    let html = page(tr, org, exported, parts);
    Sealed { fingerprint: parts.fingerprint(), file_sha256: sha256_hex(html.as_bytes()), html, kit_id }
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

/// The sealed parts of a kit file; `None` when it has not all three.
pub fn parts(html: &str) -> Option<Parts<'_>> {
    Some(Parts {
        header: between(html, "kit-header")?,
        check: between(html, "kit-check")?,
        data: between(html, "kit-data")?,
    })
}

/// Opens a kit the way the browser does; for tests and for reading a kit back.
pub fn open(html: &str, passphrase: &str) -> Result<Value, OpenError> {
    let p = parts(html).ok_or(OpenError::NotAKit)?;
    let header: Value = serde_json::from_str(p.header).map_err(|_| OpenError::Altered)?;
    let b = |k: &str| header[k].as_str().and_then(|s| B64.decode(s).ok()).ok_or(OpenError::Altered);
    let salt = b("salt")?;
    let nonce = |v: Vec<u8>| <[u8; 12]>::try_from(v.as_slice()).map(Nonce::from).map_err(|_| OpenError::Altered);
    let (iv, check_iv) = (nonce(b("iv")?)?, nonce(b("check_iv")?)?);
    let iterations = header["iterations"].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(OpenError::Altered)?;
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &salt, iterations)).map_err(|_| OpenError::Altered)?;
    let check = B64.decode(p.check.trim()).map_err(|_| OpenError::Altered)?;
    cipher.decrypt(&check_iv, check.as_slice()).map_err(|_| OpenError::WrongPassphrase)?;
    let sealed = B64.decode(p.data.trim()).map_err(|_| OpenError::Altered)?;
    let plain =
        cipher.decrypt(&iv, Payload { msg: &sealed, aad: p.header.as_bytes() }).map_err(|_| OpenError::Altered)?;
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
    fn the_fingerprints_cover_the_sealed_parts_and_the_whole_file() {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let kit = seal(&sample(), "rätt lösenfras här", &tr, "2026-11-23", 30, 1_000);
        let p = parts(&kit.html).unwrap();
        assert_eq!(p.fingerprint(), kit.fingerprint);
        assert_eq!(sha256_hex(kit.html.as_bytes()), kit.file_sha256);
        assert_eq!(kit.fingerprint.len(), 64);
        // The page is rebuilt from the header alone, byte for byte.
        let fields = HeaderFields::read(&serde_json::from_str(p.header).unwrap()).unwrap();
        assert_eq!(header_text(&fields, &tr), p.header);
        assert_eq!(page(&tr, &fields.org, &fields.exported, p), kit.html);
        // A changed script changes the file's hash but not the fingerprint; a changed content both.
        let script = kit.html.replacen("'use strict';", "'use strict'; ", 1);
        assert_ne!(script, kit.html);
        assert_eq!(parts(&script).unwrap().fingerprint(), kit.fingerprint);
        assert_ne!(sha256_hex(script.as_bytes()), kit.file_sha256);
        let other = seal(&sample(), "rätt lösenfras här", &tr, "2026-11-23", 30, 1_000);
        assert_ne!(other.fingerprint, kit.fingerprint, "a new salt, nonces and id every time");
        assert_eq!(short("3fa2c9d1e0b4a7f211c0ffffffff"), "3fa2 c9d1 e0b4 a7f2 11c0");
    }

    #[test]
    fn the_template_is_filled_in_one_pass() {
        assert_eq!(fill("a {{X}} b {{Y}} {{Z}}", &[("X", "{{Y}}"), ("Y", "2")]), "a {{Y}} b 2 {{Z}}");
    }
}
