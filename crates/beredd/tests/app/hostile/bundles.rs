//! Properties of the readers of files from another Beredd or an offline kit: the incident bundle
//! (`services::crisis::bundle::parse`) and the kit's log (`services::crisis::kit_import::parse`).
//! A valid file reads back as it was written; a changed entry breaks the chain and is refused; a
//! field Beredd's forms would refuse is refused naming where it is; a mangled file is read or
//! refused, never a panic; the largest file the upload takes is read in bounded time and memory.

use std::time::{Duration, Instant};

use beredd::services::crisis::bundle::{self, Bundle, BundleError, IncidentPart, LogPart};
use beredd::services::crisis::kit_import::{self, ImportError};
use beredd_domain::incident::{Entry, GENESIS, LOG_VERSION};
use proptest::prelude::*;

use super::memory::{MB, peak};
use super::{on_small_stack, text};
use crate::harness::pin_clock;

/// A time `minutes` before the tests' clock (2026-11-24 09:00 UTC), as Beredd stores times.
fn before_now(minutes: i64) -> String {
    let at = time::OffsetDateTime::parse(crate::harness::NOW, &time::format_description::well_known::Rfc3339).unwrap()
        - time::Duration::minutes(minutes);
    at.format(&time::format_description::well_known::Rfc3339).unwrap()
}

/// What a person writes in one log entry.
#[derive(Debug, Clone)]
struct Written {
    kind: &'static str,
    text: String,
    author: String,
    decided_by: Option<String>,
    grounds: Option<String>,
    minutes_ago: i64,
    corrects: Option<prop::sample::Index>,
}

fn written() -> impl Strategy<Value = Written> {
    let kind = prop::sample::select(vec!["event", "decision", "information", "task"]);
    let multi = prop::collection::vec(text(80), 1..4).prop_map(|lines| lines.join("\n"));
    (
        kind,
        multi,
        text(40),
        prop::option::of(text(40)),
        prop::option::of(text(200)),
        0i64..500_000,
        prop::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(|(kind, text, author, decided_by, grounds, minutes_ago, corrects)| Written {
            kind,
            text: text.trim().to_owned(),
            author: author.trim().to_owned(),
            decided_by: decided_by.map(|d| d.trim().to_owned()),
            grounds: grounds.map(|g| g.trim().to_owned()),
            minutes_ago,
            corrects,
        })
}

/// The log entries as a chain: each points to the hash of the one before.
fn chain(written: &[Written]) -> Vec<LogPart> {
    let mut out: Vec<LogPart> = Vec::new();
    for (i, w) in written.iter().enumerate() {
        let seq = i as i64 + 1;
        let entry = Entry {
            version: LOG_VERSION,
            seq,
            uid: format!("e{seq}-prov"),
            kind: w.kind.to_owned(),
            text: w.text.clone(),
            decided_by: w.decided_by.clone(),
            grounds: w.grounds.clone(),
            author: w.author.clone(),
            occurred_at: before_now(w.minutes_ago),
            recorded_at: before_now(w.minutes_ago / 2),
            recorded_by: "anna.berg".into(),
            corrects: w.corrects.filter(|_| i > 0).map(|c| c.index(i) as i64 + 1),
            source: "web".into(),
            prev_hash: out.last().map(|l| l.hash.clone()).unwrap_or_else(|| GENESIS.to_owned()),
        };
        let hash = entry.hash();
        out.push(LogPart { entry, hash, signature: None, key_id: None });
    }
    out
}

fn a_bundle(title: String, units: Vec<String>, log: Vec<LogPart>) -> Bundle {
    Bundle {
        format: bundle::FORMAT.into(),
        version: bundle::VERSION,
        exported_at: before_now(1),
        instance: "Testkommun <b>&</b>".into(),
        org_uid: None,
        keys: Vec::new(),
        incident: IncidentPart {
            uid: "i-prov-1".into(),
            title: title.trim().to_owned(),
            what_happened: Some("Servrarna är krypterade; <script>alert(1)</script>".into()),
            discovered_at: before_now(600_000),
            raised_by: Some("IT-jouren".into()),
            exercise: false,
            significant: true,
            personal_data: false,
            units: units.into_iter().map(|u| u.trim().to_owned()).collect(),
            times_zone_known: true,
            diarienummer: Some("KS 2026/117".into()),
        },
        log,
        board: Vec::new(),
        roster: Vec::new(),
        assessments: Vec::new(),
    }
}

fn bundles() -> impl Strategy<Value = Bundle> {
    (text(100), prop::collection::vec(text(40), 0..4), prop::collection::vec(written(), 0..25))
        .prop_map(|(title, units, written)| a_bundle(title, units, chain(&written)))
}

fn json(b: &Bundle) -> serde_json::Value {
    serde_json::to_value(b).unwrap()
}

/// A text one of Beredd's forms would refuse: a control character in it, or far too long.
fn refused_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (text(20), prop::sample::select(vec!['\0', '\u{1b}', '\u{7}', '\u{7f}']), text(20))
            .prop_map(|(a, c, b)| format!("{a}{c}{b}")),
        Just("<script>alert(1)</script>".repeat(5000)),
    ]
}

proptest! {
    #![proptest_config(super::config(48))]

    #[test]
    fn a_valid_bundle_reads_back_as_written(b in bundles()) {
        pin_clock();
        let read = bundle::parse(&serde_json::to_vec(&b).unwrap());
        prop_assert!(read.is_ok(), "{:?}", read.err());
        prop_assert_eq!(json(&read.unwrap()), json(&b));
    }

    #[test]
    fn a_changed_entry_breaks_the_chain(b in bundles(), which in any::<prop::sample::Index>(), field in 0usize..6) {
        pin_clock();
        prop_assume!(!b.log.is_empty());
        let mut b = b;
        let n = which.index(b.log.len());
        let e = &mut b.log[n].entry;
        match field {
            0 => e.text.push_str(" (ändrad)"),
            1 => e.author = format!("{} Jr", e.author),
            2 => e.occurred_at = "2001-01-01T00:00:00Z".into(),
            3 => e.seq += 1,
            4 => e.prev_hash = GENESIS.replace('0', "1"),
            _ => e.kind = if e.kind == "event" { "task".into() } else { "event".into() },
        }
        let r = bundle::parse(&serde_json::to_vec(&b).unwrap());
        prop_assert!(matches!(r, Err(BundleError::Broken(_))), "{:?}", r.map(|_| ()));
    }

    #[test]
    fn a_field_the_forms_would_refuse_is_refused_naming_it(
        b in bundles(), bad in refused_text(), field in 0usize..5, which in any::<prop::sample::Index>()
    ) {
        pin_clock();
        let mut b = b;
        let mut written: Vec<Entry> = b.log.iter().map(|l| l.entry.clone()).collect();
        let names = match field {
            0 => { b.incident.title = bad; "incidenten: " }
            1 => { b.instance = bad; "avsändaren" }
            2 => { b.incident.units.push(bad); "incidenten: " }
            3 if !written.is_empty() => { written[which.index(b.log.len())].text = bad; "post " }
            4 if !written.is_empty() => { written[which.index(b.log.len())].author = bad; "post " }
            _ => { b.incident.raised_by = Some(bad); "incidenten: " }
        };
        // The chain is made again over the changed entries: it is intact, the field is not.
        let mut prev = GENESIS.to_owned();
        b.log = written
            .into_iter()
            .map(|mut entry| {
                entry.prev_hash = prev.clone();
                let hash = entry.hash();
                prev = hash.clone();
                LogPart { entry, hash, signature: None, key_id: None }
            })
            .collect();
        match bundle::parse(&serde_json::to_vec(&b).unwrap()) {
            Err(BundleError::Invalid(why)) => prop_assert!(why.starts_with(names), "{}", why),
            other => prop_assert!(false, "not refused: {:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn a_mangled_bundle_or_kit_log_is_read_or_refused(b in bundles(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        pin_clock();
        let mut bytes = serde_json::to_vec(&b).unwrap();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let started = Instant::now();
        let _ = bundle::parse(&bytes);
        let _ = kit_import::parse(&bytes);
        prop_assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn any_bytes_at_all_are_refused_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        pin_clock();
        prop_assert!(bundle::parse(&bytes).is_err());
        prop_assert!(kit_import::parse(&bytes).is_err());
    }

    #[test]
    fn a_kit_log_reads_back_and_a_bad_entry_is_named(
        written in prop::collection::vec(written(), 0..25), bad in refused_text(), at in any::<prop::sample::Index>()
    ) {
        pin_clock();
        let entries: Vec<serde_json::Value> = written
            .iter()
            .enumerate()
            .map(|(i, w)| serde_json::json!({
                "id": format!("k{i}x"), "at": before_now(w.minutes_ago), "kind": w.kind, "text": w.text,
                "author": w.author, "decided_by": w.decided_by, "grounds": w.grounds,
            }))
            .collect();
        let file = |entries: &[serde_json::Value]| {
            serde_json::to_vec(&serde_json::json!({"format": "beredd-kit-log", "version": 1, "kit_id": "ab12<>", "entries": entries})).unwrap()
        };
        let log = kit_import::parse(&file(&entries));
        prop_assert!(log.is_ok(), "{:?}", log.err());
        let log = log.unwrap();
        prop_assert_eq!(log.kit_id.as_str(), "ab12");
        prop_assert_eq!(log.entries.len(), written.len());
        for (e, w) in log.entries.iter().zip(&written) {
            prop_assert_eq!((e.text.as_str(), e.author.as_str()), (w.text.as_str(), w.author.as_str()));
            prop_assert_eq!(&e.at, &before_now(w.minutes_ago));
            prop_assert_eq!(e.kind.code(), w.kind);
        }
        if !entries.is_empty() {
            let mut entries = entries;
            let n = at.index(entries.len());
            entries[n]["text"] = serde_json::Value::String(bad);
            let r = kit_import::parse(&file(&entries));
            prop_assert!(matches!(&r, Err(ImportError::Entry { entry, .. }) if *entry == n + 1), "{:?}", r.map(|_| ()));
        }
    }
}

/// A bundle as large as the import route takes (12 MB): its every entry checked and its chain
/// verified within seconds and within a bounded amount of memory.
#[test]
fn the_largest_bundle_is_read_in_bounded_time_and_memory() {
    pin_clock();
    let w = Written {
        kind: "information",
        text: "Läget: <script>alert(1)</script> ' OR 1=1 -- ../../etc/passwd ".repeat(6),
        author: "Anna Berg".into(),
        decided_by: None,
        grounds: None,
        minutes_ago: 60,
        corrects: None,
    };
    let b = a_bundle("Stor incident".into(), vec![], chain(&vec![w; 14_000]));
    let bytes = serde_json::to_vec(&b).unwrap();
    assert!(bytes.len() > 10 * MB && bytes.len() < 12 * MB, "{} bytes", bytes.len());
    let (result, took, held) = on_small_stack(move || {
        let started = Instant::now();
        let (r, held) = peak(|| bundle::parse(&bytes).map(|b| b.log.len()));
        (r, started.elapsed(), held)
    });
    eprintln!("a bundle of 14 000 entries: read in {took:?}, {} MB held", held / MB);
    assert_eq!(result.unwrap(), 14_000);
    assert!(took < Duration::from_secs(30), "{took:?}");
    assert!(held < 150 * MB, "{} MB", held / MB);
}

/// JSON nested deeper than any bundle is refused by the reader's own limit, not the stack.
#[test]
fn deeply_nested_json_is_refused() {
    pin_clock();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    let (b, k) = on_small_stack(move || (bundle::parse(&deep).is_err(), kit_import::parse(&deep).is_err()));
    assert!(b && k);
}
