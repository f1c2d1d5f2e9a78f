//! The incident log as a hash chain. Each entry carries the SHA-256 of its canonical form, which
//! includes the previous entry's hash, so an entry changed, removed or inserted afterwards, even
//! directly in the database, breaks the chain at a place `verify` names.

use sha2::{Digest, Sha256};

use crate::kinds::UnknownCode;
use crate::text::FieldError;

crate::kinds::vocabulary!(
    /// Whether an incident is going on (its log, board and staff are written to) or closed.
    IncidentStatus, "incident", {
        Active => "active",
        Closed => "closed",
    }
);

impl IncidentStatus {
    pub fn is_active(self) -> bool {
        self == IncidentStatus::Active
    }
}

crate::kinds::vocabulary!(
    /// The kinds of lesson learned after an incident or exercise: what went well, what went
    /// less well, and what must change.
    LessonKind, "lesson", {
        Well => "well",
        LessWell => "less_well",
        Change => "change",
    }
);

/// What a lesson changes, stored as "plan:ID", "risk:ID" or "asset:ID".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LessonTarget {
    Plan(i64),
    Risk(i64),
    Asset(i64),
}

impl LessonTarget {
    /// The stored code, e.g. "plan:12".
    pub fn code(self) -> String {
        match self {
            LessonTarget::Plan(id) => format!("plan:{id}"),
            LessonTarget::Risk(id) => format!("risk:{id}"),
            LessonTarget::Asset(id) => format!("asset:{id}"),
        }
    }

    /// The Fluent message id of its label, which takes the target's name as `$name`.
    pub fn label_id(self) -> &'static str {
        match self {
            LessonTarget::Plan(_) => "lesson-target-plan",
            LessonTarget::Risk(_) => "lesson-target-risk",
            LessonTarget::Asset(_) => "lesson-target-asset",
        }
    }

    pub fn parse(code: &str) -> Result<Self, FieldError> {
        let (kind, id) = code.trim().split_once(':').ok_or(FieldError::Choice)?;
        let id: i64 = id.parse().ok().filter(|id| *id > 0).ok_or(FieldError::Choice)?;
        match kind {
            "plan" => Ok(LessonTarget::Plan(id)),
            "risk" => Ok(LessonTarget::Risk(id)),
            "asset" => Ok(LessonTarget::Asset(id)),
            _ => Err(FieldError::Choice),
        }
    }
}

impl TryFrom<String> for LessonTarget {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        LessonTarget::parse(&code).map_err(|_| UnknownCode { vocabulary: "LessonTarget", code })
    }
}

impl serde::Serialize for LessonTarget {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

/// The hash the first entry of a log points back to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The version of the canonical form new entries are written in. Version 1 ("beredd-log-v1") is
/// how Beredd wrote entries before it knew time zones: a time a person typed in Swedish time was
/// stored as if it were UTC, so its zone is uncertain. Version 2 ("beredd-log-v2") hashes the same
/// fields, and its times are UTC. An entry keeps the version it was written in for ever: its hash
/// covers it, and its times are never rewritten.
pub const LOG_VERSION: i64 = 2;

fn version_1() -> i64 {
    1
}

/// The fields of one log entry that the hash covers, in the order they are hashed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The version of the canonical form (see [`LOG_VERSION`]); an entry from a bundle made
    /// before versions has none and is version 1.
    #[serde(default = "version_1")]
    pub version: i64,
    /// 1, 2, 3 … within the incident.
    pub seq: i64,
    /// Globally unique: made when the entry is written (or kept from a kit log or bundle), so the
    /// same entry imported twice is recognised.
    pub uid: String,
    pub kind: String,
    pub text: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
    pub author: String,
    /// When it happened (kept from the kit or bundle it came from).
    pub occurred_at: String,
    /// When Beredd wrote it, and who did.
    pub recorded_at: String,
    pub recorded_by: String,
    /// The seq of the entry this one corrects.
    pub corrects: Option<i64>,
    /// "web", "kit:<kit id>", "bundle:<instance>" …
    pub source: String,
    pub prev_hash: String,
}

pub(crate) fn field(out: &mut Vec<u8>, value: &str) {
    // Length-prefixed, so no choice of text can make two different entries hash alike.
    out.extend_from_slice(value.len().to_string().as_bytes());
    out.push(b':');
    out.extend_from_slice(value.as_bytes());
    out.push(b'\n');
}

impl Entry {
    /// The canonical bytes the hash is taken over.
    pub fn canonical(&self) -> Vec<u8> {
        let mut out = format!("beredd-log-v{}\n", self.version).into_bytes();
        field(&mut out, &self.seq.to_string());
        field(&mut out, &self.uid);
        field(&mut out, &self.kind);
        field(&mut out, &self.text);
        field(&mut out, self.decided_by.as_deref().unwrap_or("\u{0}"));
        field(&mut out, self.grounds.as_deref().unwrap_or("\u{0}"));
        field(&mut out, &self.author);
        field(&mut out, &self.occurred_at);
        field(&mut out, &self.recorded_at);
        field(&mut out, &self.recorded_by);
        field(&mut out, &self.corrects.map(|c| c.to_string()).unwrap_or_default());
        field(&mut out, &self.source);
        field(&mut out, &self.prev_hash);
        out
    }

    /// Whether `occurred_at` is known to be UTC. A version-1 entry's is not when a person may
    /// have typed it: only when it is the moment the entry was written (Beredd's clock, which was
    /// always UTC) or it came from an offline kit (whose browser always wrote UTC).
    pub fn time_zone_known(&self) -> bool {
        self.version >= 2 || self.occurred_at == self.recorded_at || self.source.starts_with("kit:")
    }

    /// The entry's hash, lower-case hex.
    pub fn hash(&self) -> String {
        Sha256::digest(self.canonical()).iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Where and why a chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The entry's content does not match its stored hash: it was changed.
    Changed { seq: i64 },
    /// The entry does not point to the entry before it: one was removed or inserted.
    Link { seq: i64 },
    /// The numbering skips: entries are missing before this one.
    Gap { expected: i64, found: i64 },
}

/// Checks a whole log, given in seq order with each entry's stored hash.
pub fn verify(entries: &[(Entry, String)]) -> Result<usize, Break> {
    let mut prev = GENESIS.to_owned();
    for (i, (e, stored)) in entries.iter().enumerate() {
        let expected = i as i64 + 1;
        if e.seq != expected {
            return Err(Break::Gap { expected, found: e.seq });
        }
        if e.prev_hash != prev {
            return Err(Break::Link { seq: e.seq });
        }
        if e.hash() != *stored {
            return Err(Break::Changed { seq: e.seq });
        }
        prev = stored.clone();
    }
    Ok(entries.len())
}

/// The bytes a signing key signs for one entry: which organisation's log, which incident, which
/// entry, and its hash (which covers every entry before it through the chain). Versioned like the
/// entries, so the form can change without making old signatures unreadable.
pub fn head_message(org_uid: &str, incident_uid: &str, seq: i64, hash: &str) -> Vec<u8> {
    let mut out = b"beredd-head-v1\n".to_vec();
    field(&mut out, org_uid);
    field(&mut out, incident_uid);
    field(&mut out, &seq.to_string());
    field(&mut out, hash);
    out
}

/// The short form of an entry's hash printed on paper (the incident report, meeting protocols):
/// the first 16 hex digits, enough that no other content gives the same by chance, in groups of
/// four so that a person can read them back ("3fa2 c9d1 e0b4 a7f2").
pub fn paper_hash(hash: &str) -> String {
    let short = hash.get(..16).unwrap_or(hash);
    short.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// What a check of the log against a head written on paper found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperCheck {
    /// The entry has the hash on the paper: nothing up to it has changed since it was printed.
    Same,
    /// The entry has another hash: the log up to it has been changed since it was printed.
    Differs,
    /// The log has no entry with that number: entries have been removed.
    Missing,
}

/// Compares entry `seq` of a verified log with the hash (or its first 16 digits or more) that
/// was printed for it. Case and spaces in what was typed do not matter.
pub fn check_paper(entries: &[(Entry, String)], seq: i64, typed: &str) -> Option<PaperCheck> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if typed.len() < 16 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(match entries.iter().find(|(e, _)| e.seq == seq) {
        None => PaperCheck::Missing,
        Some((_, hash)) if hash.starts_with(&typed) => PaperCheck::Same,
        Some(_) => PaperCheck::Differs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_on_paper_tells_whether_the_log_up_to_it_is_unchanged() {
        let mut prev = GENESIS.to_owned();
        let mut log = Vec::new();
        for seq in 1..=3 {
            let e = Entry {
                version: LOG_VERSION,
                seq,
                uid: format!("e{seq}"),
                kind: "event".into(),
                text: format!("post {seq}"),
                decided_by: None,
                grounds: None,
                author: "Bo".into(),
                occurred_at: "2026-11-23T07:10:00Z".into(),
                recorded_at: "2026-11-23T07:10:00Z".into(),
                recorded_by: "Bo".into(),
                corrects: None,
                source: "web".into(),
                prev_hash: prev.clone(),
            };
            prev = e.hash();
            log.push((e, prev.clone()));
        }
        let printed = paper_hash(&log[1].1).to_uppercase();
        assert_eq!(check_paper(&log, 2, &printed), Some(PaperCheck::Same));
        assert_eq!(check_paper(&log, 2, &format!("{} {}", &printed[..8], &printed[8..])), Some(PaperCheck::Same));
        assert_eq!(check_paper(&log, 3, &printed), Some(PaperCheck::Differs));
        assert_eq!(check_paper(&log, 9, &printed), Some(PaperCheck::Missing));
        assert_eq!(check_paper(&log, 2, "abc"), None, "too short to say anything");
        assert_eq!(check_paper(&log, 2, "inte en kontrollsumma"), None);
    }

    #[test]
    fn a_lesson_target_reads_back_from_its_code() {
        for t in [LessonTarget::Plan(12), LessonTarget::Risk(3), LessonTarget::Asset(7)] {
            assert_eq!(LessonTarget::try_from(t.code()), Ok(t));
        }
        assert_eq!(LessonTarget::Plan(12).code(), "plan:12");
        for bad in ["plan", "plan:", "plan:x", "plan:0", "unit:3", ""] {
            assert!(LessonTarget::parse(bad).is_err(), "{bad}");
        }
    }

    fn chain(n: i64) -> Vec<(Entry, String)> {
        let mut out: Vec<(Entry, String)> = Vec::new();
        for seq in 1..=n {
            let prev_hash = out.last().map(|(_, h)| h.clone()).unwrap_or_else(|| GENESIS.to_owned());
            let e = Entry {
                version: LOG_VERSION,
                seq,
                uid: format!("u{seq}"),
                kind: "event".into(),
                text: format!("Händelse {seq}"),
                decided_by: None,
                grounds: None,
                author: "Anna".into(),
                occurred_at: "2026-11-23T07:10:00Z".into(),
                recorded_at: "2026-11-23T07:11:00Z".into(),
                recorded_by: "anna".into(),
                corrects: None,
                source: "web".into(),
                prev_hash,
            };
            let h = e.hash();
            out.push((e, h));
        }
        out
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(5));
        assert_eq!(verify(&[]), Ok(0));
    }

    #[test]
    fn a_changed_entry_is_found() {
        let mut c = chain(5);
        c[2].0.text = "Något annat".into();
        assert_eq!(verify(&c), Err(Break::Changed { seq: 3 }));
    }

    #[test]
    fn a_changed_entry_with_a_new_hash_breaks_the_next_link() {
        let mut c = chain(5);
        c[2].0.text = "Något annat".into();
        c[2].1 = c[2].0.hash();
        assert_eq!(verify(&c), Err(Break::Link { seq: 4 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(verify(&c), Err(Break::Gap { expected: 2, found: 3 }));
        let mut c = chain(5);
        c.pop();
        assert_eq!(
            verify(&c),
            Ok(4),
            "the last entry removed leaves a valid shorter chain; the incident's count catches it"
        );
    }

    #[test]
    fn a_version_1_entry_hashes_as_it_always_did_and_still_verifies() {
        let mut c = chain(1);
        c[0].0.version = 1;
        // The hash Beredd gave this entry before versions (SHA-256 of the "beredd-log-v1" form).
        let before_versions = "e6ce1911f6882c4d50db5b9ec3d86a4b6758079ffe22077c31a0e536ce2c995b";
        assert_eq!(c[0].0.hash(), before_versions);
        c[0].1 = before_versions.to_owned();
        assert_eq!(verify(&c), Ok(1));
        assert!(String::from_utf8_lossy(&c[0].0.canonical()).starts_with("beredd-log-v1\n"));
    }

    #[test]
    fn a_version_2_entry_hashes_differently_from_the_same_fields_under_version_1() {
        let v2 = chain(1)[0].0.clone();
        assert_eq!(v2.version, 2);
        assert!(String::from_utf8_lossy(&v2.canonical()).starts_with("beredd-log-v2\n"));
        let v1 = Entry { version: 1, ..v2.clone() };
        assert_ne!(v1.hash(), v2.hash());
        // So an entry's version cannot be changed afterwards either.
        let mut c = chain(3);
        c[1].0.version = 1;
        assert_eq!(verify(&c), Err(Break::Changed { seq: 2 }));
    }

    #[test]
    fn each_entry_is_verified_in_its_own_version() {
        // A log begun before versions and continued after: v1 entries, then v2 entries.
        let mut out: Vec<(Entry, String)> = Vec::new();
        for (seq, version) in [(1, 1), (2, 1), (3, 2), (4, 2)] {
            let prev_hash = out.last().map(|(_, h)| h.clone()).unwrap_or_else(|| GENESIS.to_owned());
            let e = Entry { version, seq, uid: format!("u{seq}"), prev_hash, ..chain(1)[0].0.clone() };
            let h = e.hash();
            out.push((e, h));
        }
        assert_eq!(verify(&out), Ok(4));
    }

    #[test]
    fn an_entry_without_a_version_is_version_1_and_only_its_typed_times_are_uncertain() {
        let mut json = serde_json::to_value(&chain(1)[0].0).unwrap();
        json.as_object_mut().unwrap().remove("version");
        let e: Entry = serde_json::from_value(json).unwrap();
        assert_eq!(e.version, 1);
        assert!(!e.time_zone_known(), "typed: 07:10, written 07:11");
        assert!(Entry { occurred_at: e.recorded_at.clone(), ..e.clone() }.time_zone_known(), "the clock's own time");
        assert!(Entry { source: "kit:ab12".into(), ..e.clone() }.time_zone_known(), "a kit writes UTC");
        assert!(Entry { version: 2, ..e }.time_zone_known());
    }

    #[test]
    fn fields_cannot_be_shifted_into_each_other() {
        let c = chain(1);
        let mut a = c[0].0.clone();
        a.text = "ab".into();
        a.author = "c".into();
        let mut b = c[0].0.clone();
        b.text = "a".into();
        b.author = "bc".into();
        assert_ne!(a.hash(), b.hash());
        let mut none = c[0].0.clone();
        none.decided_by = None;
        let mut empty = c[0].0.clone();
        empty.decided_by = Some(String::new());
        assert_ne!(none.hash(), empty.hash());
    }
}
