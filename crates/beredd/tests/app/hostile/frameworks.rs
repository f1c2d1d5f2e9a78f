//! Properties of the framework readers (Beredd's TOML, and CISO Assistant's YAML through the
//! bounded reader, `content::yaml`): a valid file reads back exactly what was written; a file
//! mangled anywhere is read or refused with its line, never a panic; a file built to blow up
//! (aliases repeating aliases, deep nesting, long texts) is refused within a bounded time and
//! memory, on a thread with no more stack than a server's worker has.

use std::time::{Duration, Instant};

use beredd::content::frameworks::{self, Format};
use beredd::content::yaml;
use beredd_domain::framework::{FileError, Framework, Problem};
use proptest::prelude::*;

use super::memory::{MB, peak};
use super::{on_small_stack, text};

/// One requirement of a generated framework.
#[derive(Debug, Clone)]
struct Req {
    id: String,
    parent: Option<usize>,
    title: Option<String>,
    text: String,
    assessable: bool,
}

fn framework() -> impl Strategy<Value = (String, String, Vec<Req>)> {
    let req = |i: usize| {
        (
            "[A-Za-z0-9._:-]{0,12}",
            any::<prop::sample::Index>(),
            any::<bool>(),
            prop::option::of(text(60)),
            text(200),
            any::<bool>(),
        )
            .prop_map(move |(suffix, parent, has_parent, title, text, assessable)| Req {
                // The letter after the number ends it, so no two ids can meet ("r1" + "5" was "r15").
                id: format!("r{i}n{suffix}"),
                parent: (has_parent && i > 0).then(|| parent.index(i)),
                title,
                text,
                assessable,
            })
    };
    ("[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,8}){0,2}", "[0-9][0-9.]{0,6}", 1usize..40).prop_flat_map(
        move |(id, version, n)| {
            let reqs: Vec<_> = (0..n).map(req).collect();
            (Just(id), Just(version), reqs).prop_map(|(id, version, mut reqs)| {
                if !reqs.iter().any(|r| r.assessable) {
                    reqs[0].assessable = true;
                }
                (id, version, reqs)
            })
        },
    )
}

/// A string as a TOML basic string or a YAML double-quoted one (JSON's escapes suit both for
/// the characters `text` makes).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn toml_file(id: &str, version: &str, reqs: &[Req]) -> String {
    let mut out = format!(
        "id = {}\nversion = {}\ntitle_sv = \"Prov <b>'ramverk'</b>\"\nsource = \"Eget\"\ntext = \"own-words\"\n",
        quoted(id),
        quoted(version)
    );
    for r in reqs {
        out.push_str(&format!("\n[[requirement]]\nid = {}\ntext_sv = {}\n", quoted(&r.id), quoted(&r.text)));
        if let Some(p) = r.parent {
            out.push_str(&format!("parent = {}\n", quoted(&reqs[p].id)));
        }
        if let Some(t) = &r.title {
            out.push_str(&format!("title_sv = {}\n", quoted(t)));
        }
        out.push_str(&format!("assessable = {}\n", r.assessable));
    }
    out
}

fn yaml_file(id: &str, version: &str, reqs: &[Req]) -> String {
    let mut out = format!(
        "urn: urn:prov:library:{id}\nref_id: {}\nname: \"Prov\"\nversion: {}\nprovider: \"<i>Någon</i>\"\nobjects:\n  framework:\n    urn: urn:prov:framework:{id}\n    name: {}\n    requirement_nodes:\n",
        quoted(id),
        quoted(version),
        quoted("Prov <script>alert(1)</script>")
    );
    for r in reqs {
        out.push_str(&format!("    - urn: {}\n      description: {}\n", quoted(&r.id), quoted(&r.text)));
        if let Some(p) = r.parent {
            out.push_str(&format!("      parent_urn: {}\n", quoted(&reqs[p].id)));
        }
        if let Some(t) = &r.title {
            out.push_str(&format!("      name: {}\n", quoted(t)));
        }
        out.push_str(&format!("      assessable: {}\n", r.assessable));
    }
    out
}

/// What was written is what was read: ids, parents, titles, texts and which can be answered.
fn same(fw: &Framework, reqs: &[Req]) -> Result<(), TestCaseError> {
    prop_assert_eq!(fw.nodes.len(), reqs.len());
    for (n, r) in fw.nodes.iter().zip(reqs) {
        prop_assert_eq!(&n.id, &r.id);
        prop_assert_eq!(n.parent.as_deref(), r.parent.map(|p| reqs[p].id.as_str()));
        prop_assert_eq!(n.title_sv.as_deref(), r.title.as_deref().map(str::trim).filter(|t| !t.is_empty()));
        prop_assert_eq!(n.text_sv.as_str(), r.text.trim());
        prop_assert_eq!(n.assessable, r.assessable);
    }
    Ok(())
}

/// Some bytes changed, dropped or put in at random places.
fn mangled(src: String, edits: Vec<(prop::sample::Index, u8, u8)>) -> String {
    let mut bytes = src.into_bytes();
    for (at, op, byte) in edits {
        let i = at.index(bytes.len() + 1);
        match op % 3 {
            0 if i < bytes.len() => bytes[i] = byte,
            1 if i < bytes.len() => {
                bytes.remove(i);
            }
            _ => bytes.insert(i, byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, u8)>> {
    let byte =
        prop_oneof![Just(b'&'), Just(b'*'), Just(b'['), Just(b'{'), Just(b'\n'), Just(b'"'), Just(b':'), any::<u8>()];
    prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), byte), 1..8)
}

/// Reads a file as an import does, on a small stack, and says how long it took.
fn timed_parse(format: Format, src: String) -> (Result<Framework, FileError>, Duration) {
    on_small_stack(move || {
        let started = Instant::now();
        let r = frameworks::parse(format, &src);
        (r, started.elapsed())
    })
}

proptest! {
    #![proptest_config(super::config(64))]

    #[test]
    fn a_valid_toml_framework_reads_back_as_written((id, version, reqs) in framework()) {
        let fw = frameworks::parse(Format::Beredd, &toml_file(&id, &version, &reqs));
        prop_assert!(fw.is_ok(), "{:?}", fw.err());
        let fw = fw.unwrap();
        prop_assert_eq!((fw.id.as_str(), fw.version.as_str()), (id.as_str(), version.as_str()));
        same(&fw, &reqs)?;
    }

    #[test]
    fn a_valid_ciso_assistant_library_reads_back_as_written((id, version, reqs) in framework()) {
        let fw = frameworks::parse(Format::CisoAssistant, &yaml_file(&id, &version, &reqs));
        prop_assert!(fw.is_ok(), "{:?}", fw.err());
        let fw = fw.unwrap();
        prop_assert_eq!((fw.id.as_str(), fw.version.as_str()), (id.as_str(), version.as_str()));
        prop_assert_eq!(fw.nodes.len(), reqs.len());
        for (n, r) in fw.nodes.iter().zip(&reqs) {
            prop_assert_eq!(&n.id, &r.id);
            prop_assert_eq!(n.text_sv.as_str(), r.text.trim());
            prop_assert_eq!(n.title_sv.as_deref(), r.title.as_deref().map(str::trim).filter(|t| !t.is_empty()));
        }
    }

    #[test]
    fn a_mangled_framework_file_is_read_or_refused_with_a_line((id, version, reqs) in framework(), e in edits()) {
        for (format, src) in [(Format::Beredd, toml_file(&id, &version, &reqs)), (Format::CisoAssistant, yaml_file(&id, &version, &reqs))] {
            let lines = src.lines().count() + 9;
            let (r, took) = timed_parse(format, mangled(src, e.clone()));
            prop_assert!(took < Duration::from_secs(5), "{:?}", took);
            if let Err(err) = r {
                prop_assert!(err.line <= lines, "{}", err);
                prop_assert!(!err.to_string().is_empty());
            }
        }
    }

    #[test]
    fn any_text_at_all_is_read_or_refused(s in prop_oneof![any::<String>(), text(400)]) {
        let (_, took) = timed_parse(Format::Beredd, s.clone());
        prop_assert!(took < Duration::from_secs(5));
        let (_, took) = timed_parse(Format::CisoAssistant, s);
        prop_assert!(took < Duration::from_secs(5));
    }

    /// Aliases that repeat aliases, texts that are long, lists that are wide: the reader counts
    /// what every alias stands for and stops at its limits before building it.
    #[test]
    fn a_yaml_bomb_is_refused_within_bounded_time_and_memory(
        levels in 1usize..12, fanout in 1usize..60, text_len in 0usize..20_000, depth in 0usize..200
    ) {
        let mut src = format!("a0: &a0 {}\n", "x".repeat(text_len));
        for level in 1..=levels {
            src.push_str(&format!("a{level}: &a{level} [{}]\n", vec![format!("*a{}", level - 1); fanout].join(", ")));
        }
        src.push_str(&format!("deep: {}*a{levels}{}\n", "[".repeat(depth), "]".repeat(depth)));
        let started = Instant::now();
        let (r, held) = peak(|| yaml::read(&src).map(|_| ()));
        let took = started.elapsed();
        prop_assert!(took < Duration::from_secs(5), "{:?}", took);
        prop_assert!(held < 32 * MB, "{} MB held for a {} kB file", held / MB, src.len() / 1024);
        // Everything the file stands for, counting what aliases repeat.
        let values = (0..=levels).fold(0usize, |sum, l| sum.saturating_add(fanout.saturating_pow(l as u32)));
        if values > yaml::MAX_ALIASES * 2 || depth > yaml::MAX_DEPTH {
            prop_assert!(matches!(r, Err(FileError { problem: Problem::OverLimit { .. } | Problem::Syntax(_), .. })), "{:?}", r);
        }
    }
}

/// The largest file the import takes (the route's limit, 12 MB) made of the cheapest values: the
/// reader stops at its limit on values, having held a bounded amount of memory (184 MB before the
/// reader kept each text at its own length; the parser hands them over with room to spare).
#[test]
fn the_largest_flat_yaml_file_is_refused_within_200_mb() {
    let src = format!("a: [{}]\n", vec!["x"; 6_000_000].join(","));
    assert!(src.len() > 11 * MB);
    let (r, held) = on_small_stack(move || peak(|| yaml::read(&src).map(|_| ())));
    assert!(matches!(r, Err(FileError { problem: Problem::OverLimit { .. }, .. })), "{r:?}");
    eprintln!("a 12 MB flat YAML list: refused, {} MB held", held / MB);
    assert!(held < 100 * MB, "{} MB", held / MB);
}

/// Nesting a parser would recurse into: TOML arrays and tables, YAML flow lists and block maps.
#[test]
fn deep_nesting_is_refused_without_running_out_of_stack() {
    for depth in [100usize, 10_000, 500_000] {
        let cases = [
            (Format::Beredd, format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth))),
            (Format::Beredd, format!("x = {}1{}\n", "{a=".repeat(depth), "}".repeat(depth))),
            (Format::CisoAssistant, format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth))),
            (Format::CisoAssistant, format!("a: {}1{}\n", "{a: ".repeat(depth), "}".repeat(depth))),
            (Format::CisoAssistant, (0..depth.min(20_000)).map(|i| format!("{}a:\n", " ".repeat(i))).collect()),
        ];
        for (format, src) in cases {
            let (r, took) = timed_parse(format, src);
            assert!(r.is_err(), "{format:?} at depth {depth}");
            assert!(took < Duration::from_secs(10), "{format:?} at depth {depth}: {took:?}");
        }
    }
}
