//! Properties of the readers every form goes through: the posted form itself
//! (`web::forms::FormData::parse`), a select box's id (`web::forms::optional_id`) and the clock's
//! reading of a typed Swedish time (`platform::clock::parse_local`). Any bytes are read without
//! a panic and in time linear in their length; what a browser sends reads back as it was sent; a
//! typed time reads back as the same minute, and the hours the clocks skip or repeat are refused
//! with the error that says so.

use std::time::{Duration, Instant};

use beredd::platform::clock::{parse_local, shown_minute};
use beredd::web::forms::{FormData, optional_id};
use beredd_domain::FieldError;
use proptest::prelude::*;

use super::memory::{MB, peak};

fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        super::text(100),
        Just("<script>alert(1)</script>".to_owned()),
        Just("' OR 1=1 --".to_owned()),
        Just("../../etc/passwd".to_owned()),
        Just("\u{0}\u{1b}[31m".to_owned()),
        Just("%zz%%%2".to_owned()),
        Just("a=b&c=d".to_owned()),
    ]
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn a_posted_form_reads_back_every_field_in_order(
        pairs in prop::collection::vec((hostile_value(), hostile_value()), 0..20)
    ) {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish();
        let form = FormData::parse(body.as_bytes());
        for (name, _) in &pairs {
            let all: Vec<&str> = pairs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect();
            prop_assert_eq!(form.all(name), all.clone());
            prop_assert_eq!(form.get(name), all.first().copied());
        }
    }

    #[test]
    fn any_bytes_are_read_as_a_form(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let form = FormData::parse(&bytes);
        let _ = (form.get("_csrf"), form.text("name"), form.checked("active"), form.all("units"));
    }

    #[test]
    fn a_select_box_takes_only_a_known_id(s in hostile_value(), known in prop::collection::vec(1i64..100, 0..5)) {
        match optional_id(&s, |id| known.contains(&id)) {
            Ok(Some(id)) => prop_assert!(known.contains(&id)),
            Ok(None) => prop_assert!(s.trim().is_empty()),
            Err(e) => prop_assert_eq!(e, FieldError::Missing),
        }
    }

    #[test]
    fn any_text_typed_as_a_time_is_read_or_refused(s in prop_oneof![
        hostile_value(),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[ Tt]?[0-9]{1,2}[:.][0-9]{2}( ?(sommartid|vintertid|CET|CEST|\\+0[12]:?00|[a-z]{0,5}))?",
        "[0-9-]{10}.{0,12}",
    ]) {
        pin_clock();
        match parse_local(&s) {
            Ok(stored) => {
                prop_assert!(stored.ends_with('Z') && stored.len() == 20, "{}", stored);
                // Shown again it is the minute that was typed (with the zone, in the repeated hour).
                prop_assert_eq!(parse_local(&shown_minute(&stored)), Ok(stored.clone()));
            }
            Err(e) => prop_assert!(matches!(
                e,
                FieldError::DateTime | FieldError::TimeSkipped | FieldError::TimeRepeated { .. } | FieldError::ZoneMismatch
            ), "{:?}", e),
        }
    }

    #[test]
    fn every_minute_of_every_day_reads_back_or_is_the_skipped_or_repeated_hour(
        y in 1996i32..2200, m in 1u8..=12, d in 1u8..=31, h in 0u8..24, min in 0u8..60, t in any::<bool>()
    ) {
        pin_clock();
        let Ok(date) = time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d) else { return Ok(()) };
        let typed = format!("{date} {h:02}{}{min:02}", if t { ':' } else { '.' });
        let expected = format!("{date} {h:02}:{min:02}");
        match parse_local(&typed) {
            Ok(stored) => prop_assert_eq!(shown_minute(&stored), expected),
            Err(FieldError::TimeSkipped) => prop_assert!(m == 3 && h == 2, "{}", typed),
            Err(FieldError::TimeRepeated { time }) => {
                prop_assert!(m == 10 && h == 2, "{}", typed);
                prop_assert_eq!(time, format!("{h:02}:{min:02}"));
                for zone in ["sommartid", "vintertid"] {
                    let stored = parse_local(&format!("{typed} {zone}")).unwrap();
                    prop_assert_eq!(shown_minute(&stored), format!("{expected} {zone}"));
                }
            }
            Err(e) => prop_assert!(false, "{}: {:?}", typed, e),
        }
    }
}

fn pin_clock() {
    crate::harness::pin_clock();
}

/// The largest form a route takes (1 MB) of the most fields, or of one field of escapes, is read
/// in time and memory proportional to it.
#[test]
fn a_megabyte_form_is_read_in_bounded_time_and_memory() {
    let many = "a=&".repeat(350_000);
    let escapes = format!("a={}", "%00%1b%3c".repeat(115_000));
    let broken = "%%%%=%zz&".repeat(115_000);
    for body in [many, escapes, broken] {
        assert!(body.len() >= MB - 60_000, "{}", body.len());
        let started = Instant::now();
        let (form, held) = peak(|| FormData::parse(body.as_bytes()));
        let took = started.elapsed();
        let _ = form.get("_csrf");
        assert!(took < Duration::from_secs(5), "{took:?}");
        // Each field is held as two strings: bounded by a small multiple of the body.
        assert!(held < 64 * MB, "{} MB", held / MB);
    }
}
