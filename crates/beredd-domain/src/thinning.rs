//! Thinning (gallring) of a closed incident's log without breaking its chain. A thinned entry's
//! text is replaced by a marker and its grounds emptied; its stored hash stays the hash of the
//! original entry, so the next entry's link and the signature of the head still hold. The
//! original content can no longer be hashed, so the thinned entry carries a hash of its own
//! (`thinned_hash`) over the marker, the fields it keeps, when it was thinned, and the original
//! hash: a changed marker, a changed kept field or a changed original hash is found.

use sha2::{Digest, Sha256};

use crate::incident::{Break, Entry, GENESIS, field};

/// That an entry was thinned, and the hash that covers what it now holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Thinned {
    /// When it was thinned (RFC 3339, UTC).
    pub at: String,
    pub hash: String,
}

/// The hash of a thinned entry: `entry` as it now is (the marker as its text), the time it was
/// thinned, and the hash the original entry had.
pub fn thinned_hash(entry: &Entry, original_hash: &str, at: &str) -> String {
    let mut out = b"beredd-thinned-v1\n".to_vec();
    field(&mut out, original_hash);
    field(&mut out, at);
    out.extend_from_slice(&entry.canonical());
    Sha256::digest(out).iter().map(|b| format!("{b:02x}")).collect()
}

/// An entry as it is after thinning: the marker as its text, no grounds. The rest is kept, so
/// the log still says who wrote what kind of entry when.
pub fn thin(entry: &Entry, marker: &str) -> Entry {
    Entry { text: marker.to_owned(), grounds: None, ..entry.clone() }
}

/// What checking a log with thinned entries found: how many entries, and how many of them
/// were thinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub entries: usize,
    pub thinned: usize,
}

/// Checks a whole log (in seq order, each entry with its stored hash and, when thinned, its
/// thinning). An entry not thinned is checked as `incident::verify` does; a thinned one by its
/// `thinned_hash`, and both by their links.
pub fn verify(entries: &[(Entry, String, Option<Thinned>)]) -> Result<Checked, Break> {
    let mut prev = GENESIS.to_owned();
    let mut thinned = 0;
    for (i, (e, stored, t)) in entries.iter().enumerate() {
        let expected = i as i64 + 1;
        if e.seq != expected {
            return Err(Break::Gap { expected, found: e.seq });
        }
        if e.prev_hash != prev {
            return Err(Break::Link { seq: e.seq });
        }
        let holds = match t {
            None => e.hash() == *stored,
            Some(t) => {
                thinned += 1;
                thinned_hash(e, stored, &t.at) == t.hash
            }
        };
        if !holds {
            return Err(Break::Changed { seq: e.seq });
        }
        prev = stored.clone();
    }
    Ok(Checked { entries: entries.len(), thinned })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::LOG_VERSION;

    fn chain(n: i64) -> Vec<(Entry, String, Option<Thinned>)> {
        let mut out: Vec<(Entry, String, Option<Thinned>)> = Vec::new();
        for seq in 1..=n {
            let prev_hash = out.last().map(|(_, h, _)| h.clone()).unwrap_or_else(|| GENESIS.to_owned());
            let e = Entry {
                version: LOG_VERSION,
                seq,
                uid: format!("u{seq}"),
                kind: "event".into(),
                text: format!("Ringde brukaren Karin Ek, post {seq}"),
                decided_by: None,
                grounds: Some("Hon bor ensam".into()),
                author: "Anna".into(),
                occurred_at: "2024-01-10T07:10:00Z".into(),
                recorded_at: "2024-01-10T07:11:00Z".into(),
                recorded_by: "anna".into(),
                corrects: None,
                source: "web".into(),
                prev_hash,
            };
            let h = e.hash();
            out.push((e, h, None));
        }
        out
    }

    fn thin_at(c: &mut [(Entry, String, Option<Thinned>)], i: usize) {
        let at = "2026-11-24T09:00:00Z";
        let e = thin(&c[i].0, "Gallrad 2026-11-24 enligt beslut KS 2026/12");
        let hash = thinned_hash(&e, &c[i].1, at);
        c[i].0 = e;
        c[i].2 = Some(Thinned { at: at.into(), hash });
    }

    #[test]
    fn a_thinned_log_still_verifies_and_says_how_much_was_thinned() {
        let mut c = chain(4);
        thin_at(&mut c, 1);
        thin_at(&mut c, 2);
        assert_eq!(verify(&c), Ok(Checked { entries: 4, thinned: 2 }));
        assert!(!c[1].0.text.contains("Karin"));
        assert_eq!(c[1].0.grounds, None);
    }

    #[test]
    fn a_changed_marker_a_changed_marker_hash_or_a_changed_original_hash_is_found() {
        let mut c = chain(3);
        thin_at(&mut c, 1);
        let mut text = c.clone();
        text[1].0.text = "Gallrad 2026-11-24 enligt beslut KS 2026/99".into();
        assert_eq!(verify(&text), Err(Break::Changed { seq: 2 }));
        let mut marker = c.clone();
        marker[1].2.as_mut().unwrap().hash = "0".repeat(64);
        assert_eq!(verify(&marker), Err(Break::Changed { seq: 2 }));
        let mut original = c.clone();
        original[1].1 = "f".repeat(64);
        assert_eq!(verify(&original), Err(Break::Changed { seq: 2 }));
        let mut unmarked = c.clone();
        unmarked[1].2 = None;
        assert_eq!(verify(&unmarked), Err(Break::Changed { seq: 2 }), "a marker passed off as the original text");
        let mut author = c;
        author[1].0.author = "Någon annan".into();
        assert_eq!(verify(&author), Err(Break::Changed { seq: 2 }));
    }

    #[test]
    fn an_unthinned_log_verifies_as_the_plain_chain_does() {
        let c = chain(3);
        let plain: Vec<(Entry, String)> = c.iter().map(|(e, h, _)| (e.clone(), h.clone())).collect();
        assert_eq!(crate::incident::verify(&plain), Ok(3));
        assert_eq!(verify(&c), Ok(Checked { entries: 3, thinned: 0 }));
    }
}
