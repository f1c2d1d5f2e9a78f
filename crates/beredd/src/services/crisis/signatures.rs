//! Checks the signatures of an incident's log (security review F4): every entry written since
//! signing began carries the signature of its head by the key of the instance that wrote it.
//!
//! Which keys are believed, strongest first: a key typed from paper (the binder's page of keys,
//! `beredd incident verify --public-key`); this instance's key, read from its key file outside
//! the database, and its earlier keys whose public halves the key folder keeps; and, weakest, a
//! key the database itself names (another instance's, or one from an imported bundle). Someone
//! who can write to the database can add a key there, so a log signed only by such keys is
//! reported as such, never as anchored.

use beredd_domain::incident;

use crate::platform::keys::{Keyring, PublicKey};
use crate::store::incidents::LogRow;
use crate::store::signing::KnownKey;

/// Where a key that signed entries is believed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Typed or given by the person checking (read off paper).
    Given,
    /// This instance's key file.
    ThisInstance,
    /// An earlier key of this instance, kept in its key folder when it was replaced.
    Retired,
    /// Known only from the database: `origin` and `label` as recorded there.
    Database { origin: String, label: String },
}

/// One key and how many entries it signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub key_id: String,
    pub source: Source,
    pub entries: usize,
}

/// An entry whose signature does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The signature is not the named key's signature of this entry's head.
    Bad { seq: i64 },
    /// The entry names a key nobody knows.
    UnknownKey { seq: i64 },
    /// The entry has no signature although it was written after signing began.
    Missing { seq: i64 },
}

impl Fault {
    pub fn seq(&self) -> i64 {
        match *self {
            Fault::Bad { seq } | Fault::UnknownKey { seq } | Fault::Missing { seq } => seq,
        }
    }
}

/// What a check of the log's signatures found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Check {
    pub signers: Vec<Signer>,
    /// Entries written before signing began: checked by the chain alone.
    pub before_signing: usize,
    pub faults: Vec<Fault>,
}

impl Check {
    /// Whether every signed entry holds and none is missing its signature.
    pub fn holds(&self) -> bool {
        self.faults.is_empty()
    }

    /// Whether every signed entry was signed by a key believed from outside the database.
    pub fn anchored(&self) -> bool {
        self.signers.iter().all(|s| !matches!(s.source, Source::Database { .. }))
    }
}

/// The keys to believe, in order: given, this instance's and its retired ones, the database's.
pub fn believed(
    keys: &Keyring,
    org_uid: &str,
    known: &[KnownKey],
    given: Option<PublicKey>,
) -> Result<Vec<(PublicKey, Source)>, crate::platform::keys::KeyError> {
    let mut out: Vec<(PublicKey, Source)> = Vec::new();
    if let Some(k) = given {
        out.push((k, Source::Given));
    }
    if let Some(own) = keys.existing(org_uid)? {
        out.push((own.public(), Source::ThisInstance));
    }
    for k in keys.retired(org_uid) {
        out.push((k, Source::Retired));
    }
    for k in known {
        if let Some(p) = PublicKey::from_hex(&k.public_key) {
            out.push((p, Source::Database { origin: k.origin.clone(), label: k.label.clone() }));
        }
    }
    Ok(out)
}

/// Checks each entry's signature with the key it names. An entry without a signature is
/// "before signing" while no signed entry came before it and it was written before the oldest
/// key this instance made (`signing_began`); otherwise its signature is missing.
pub fn check(
    rows: &[LogRow],
    org_uid: &str,
    incident_uid: &str,
    believed: &[(PublicKey, Source)],
    signing_began: Option<&str>,
) -> Check {
    let mut out = Check::default();
    let mut signed_seen = false;
    for r in rows {
        let seq = r.entry.seq;
        let (Some(sig), Some(key_id)) = (r.signature.as_deref(), r.key_id.as_deref()) else {
            let after_start = signing_began.is_some_and(|began| later_or_same(&r.entry.recorded_at, began));
            if signed_seen || after_start {
                out.faults.push(Fault::Missing { seq });
            } else {
                out.before_signing += 1;
            }
            continue;
        };
        signed_seen = true;
        let Some((key, source)) = believed.iter().find(|(k, _)| k.key_id() == key_id) else {
            out.faults.push(Fault::UnknownKey { seq });
            continue;
        };
        if !key.verifies(&incident::head_message(org_uid, incident_uid, seq, &r.hash), sig) {
            out.faults.push(Fault::Bad { seq });
            continue;
        }
        match out.signers.iter_mut().find(|s| s.key_id == key_id) {
            Some(s) => s.entries += 1,
            None => out.signers.push(Signer { key_id: key_id.to_owned(), source: source.clone(), entries: 1 }),
        }
    }
    out
}

/// Every signature in the bundle is the signature of its entry's head by a key the bundle
/// carries, and no entry after a signed one lacks one. This proves that the bundle is as its
/// keys' holder wrote it, not who that was: the keys come with the bundle (compare them with
/// the sending instance's binder); the import names them in the log and keeps them.
pub fn check_bundle(b: &super::bundle::Bundle) -> Result<(), String> {
    use crate::platform::keys::PublicKey;
    let mut signed_seen = false;
    for l in &b.log {
        let seq = l.entry.seq;
        let (Some(sig), Some(key_id)) = (l.signature.as_deref(), l.key_id.as_deref()) else {
            if signed_seen {
                return Err(format!("post {seq}: signaturen saknas, fast posten före den är signerad"));
            }
            continue;
        };
        signed_seen = true;
        let key = b
            .keys
            .iter()
            .filter(|k| k.key_id == key_id)
            .find_map(|k| PublicKey::from_hex(&k.public_key).filter(|p| p.key_id() == key_id))
            .ok_or_else(|| format!("post {seq}: den är signerad med en nyckel som paketet inte har med (keys)"))?;
        let message = incident::head_message(b.org_uid.as_deref().unwrap_or(""), &b.incident.uid, seq, &l.hash);
        if !key.verifies(&message, sig) {
            return Err(format!("post {seq}: signaturen stämmer inte; posten har ändrats efter att den signerades"));
        }
    }
    Ok(())
}

/// Whether the stored time `a` is at or after `b` (both RFC 3339 UTC as Beredd writes them).
fn later_or_same(a: &str, b: &str) -> bool {
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    match (OffsetDateTime::parse(a, &Rfc3339), OffsetDateTime::parse(b, &Rfc3339)) {
        (Ok(a), Ok(b)) => a >= b,
        _ => a >= b,
    }
}

/// Checks the signatures of incident `i`'s log, `rows`, with the keys believed for it.
pub async fn check_incident(
    conn: &mut sqlx::AnyConnection,
    keys: &Keyring,
    org: i64,
    i: &crate::store::incidents::Incident,
    rows: &[LogRow],
    given: Option<PublicKey>,
) -> Result<Check, crate::platform::db::DbError> {
    // An organisation without a uid has never signed: every entry is from before signing.
    let Some(org_uid) = crate::store::signing::existing_org_uid(&mut *conn, org).await? else {
        return Ok(check(rows, "", "", &[], None));
    };
    let known = crate::store::signing::known(&mut *conn, org).await?;
    let believed = believed(keys, &org_uid, &known, given)?;
    let began = keys.existing(&org_uid)?.map(|k| k.signing_began.clone());
    Ok(check(rows, &org_uid, i.uid.as_deref().unwrap_or(""), &believed, began.as_deref()))
}

/// What the check found, a sentence a line: the faults first, then who signed what.
pub fn lines(tr: &crate::platform::i18n::Tr, c: &Check) -> Vec<String> {
    let mut out: Vec<String> = c
        .faults
        .iter()
        .map(|f| {
            let id = match f {
                Fault::Bad { .. } => "incident-sig-bad",
                Fault::UnknownKey { .. } => "incident-sig-unknown",
                Fault::Missing { .. } => "incident-sig-missing",
            };
            tr.tn(id, f.seq())
        })
        .collect();
    for s in &c.signers {
        let key = crate::platform::keys::grouped(&s.key_id);
        let count = s.entries.to_string();
        out.push(match &s.source {
            Source::Given => tr.args("incident-sig-given", &[("count", &count), ("key", &key)]),
            Source::ThisInstance => tr.args("incident-sig-own", &[("count", &count), ("key", &key)]),
            Source::Retired => tr.args("incident-sig-retired", &[("count", &count), ("key", &key)]),
            Source::Database { label, .. } => {
                tr.args("incident-sig-database", &[("count", &count), ("key", &key), ("label", label)])
            }
        });
    }
    if c.before_signing > 0 {
        out.push(tr.tn("incident-sig-before", c.before_signing as i64));
    }
    out
}
