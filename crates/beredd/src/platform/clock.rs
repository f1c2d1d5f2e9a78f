//! The one clock. Every "now" and "today" in Beredd comes from here, so that a test (or a
//! rehearsal of an incident) can say what time it is and nothing depends on the day it runs.
//!
//! Every time is stored as UTC and every time a person reads or types is Swedish time
//! (Europe/Stockholm, with its summer time): [`shown_minute`] and [`parse_local`] are the two
//! crossings, and days ([`today`]) are Swedish days.
//!
//! Normally this is the system's UTC clock. When `BEREDD_CLOCK` holds an RFC 3339 time (or a
//! test calls [`pin`]), the clock starts at that instant when first read and runs on in real time
//! from there, so that order and durations behave as they do in production.

use std::sync::OnceLock;
use std::time::Instant;

use beredd_domain::FieldError;
use jiff::Timestamp;
use jiff::civil;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use time::format_description::well_known::Rfc3339;
use time::{Date, Duration, OffsetDateTime};

/// The environment variable that pins the clock (read once, at the first reading of the clock).
pub const ENV: &str = "BEREDD_CLOCK";

struct Pinned {
    at: OffsetDateTime,
    since: Instant,
}

static PINNED: OnceLock<Option<Pinned>> = OnceLock::new();

fn pinned() -> &'static Option<Pinned> {
    PINNED.get_or_init(|| {
        let v = std::env::var(ENV).ok().filter(|v| !v.trim().is_empty())?;
        match OffsetDateTime::parse(v.trim(), &Rfc3339) {
            Ok(at) => Some(Pinned { at, since: Instant::now() }),
            Err(e) => {
                tracing::warn!("{ENV}={v:?} is not an RFC 3339 time ({e}); the system clock is used");
                None
            }
        }
    })
}

/// Pins the clock at `at` for the rest of the process. Tests call this before anything reads the
/// clock; a second call with the same instant is harmless, one with another instant panics.
pub fn pin(at: OffsetDateTime) {
    let set = PINNED.get_or_init(|| Some(Pinned { at, since: Instant::now() }));
    assert!(matches!(set, Some(p) if p.at == at), "the clock was already read or pinned at another time");
}

/// Now, in UTC, to the whole second.
pub fn now() -> OffsetDateTime {
    reading(pinned())
}

fn reading(pinned: &Option<Pinned>) -> OffsetDateTime {
    let t = match pinned {
        Some(p) => p.at + Duration::try_from(p.since.elapsed()).unwrap_or(Duration::ZERO),
        None => OffsetDateTime::now_utc(),
    };
    t.replace_nanosecond(0).unwrap_or(t)
}

pub use super::day::Day;
pub use super::stamp::Stamp;

/// Today in Sweden (at 00:30 Swedish time it is already the next day, while UTC is not).
pub fn today() -> Day {
    Day::from_date(day_in_sweden(now()))
}

/// The Swedish day of a stored time (RFC 3339), or a stored day (`YYYY-MM-DD`) as it is; `None`
/// for text that is neither.
pub fn day_of(stored: &str) -> Option<Day> {
    match OffsetDateTime::parse(stored, &Rfc3339) {
        Ok(t) => Some(Day::from_date(day_in_sweden(t))),
        Err(_) => Day::parse(stored),
    }
}

/// The Swedish date at an instant.
pub(super) fn day_in_sweden(t: OffsetDateTime) -> Date {
    let d = sweden_at(t).date();
    time::Month::try_from(d.month() as u8)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(d.year()), m, d.day() as u8).ok())
        .unwrap_or_else(|| t.date())
}

/// A stored time (RFC 3339 text, UTC) `secs` seconds from now.
pub fn stamp_in(secs: i64) -> String {
    (now() + Duration::seconds(secs)).format(&Rfc3339).unwrap_or_default()
}

/// How many seconds ago a stored time (RFC 3339) was; `None` for text that is not one.
pub fn seconds_since(stored: &str) -> Option<i64> {
    let t = OffsetDateTime::parse(stored, &Rfc3339).ok()?;
    Some((now() - t).whole_seconds())
}

/// Now as stored text (RFC 3339, UTC, whole seconds).
pub fn stamp() -> String {
    stamp_in(0)
}

/// Now as a [`Stamp`] (its text is [`stamp`]'s).
pub fn now_stamp() -> Stamp {
    Stamp::from_instant(now())
}

/// Today in Sweden as stored text (`YYYY-MM-DD`).
pub fn today_text() -> String {
    today().to_string()
}

/// When the Swedish day `date` (`YYYY-MM-DD`) begins, as stored text: 00:00 Swedish time, which
/// is 23:00 or 22:00 UTC the day before. For asking for the stored times of a day.
pub fn day_start(date: &str) -> Option<String> {
    Some(start_of(Day::parse(date.trim())?))
}

/// When the Swedish day `day` begins, as stored text (see [`day_start`]).
pub fn start_of(day: Day) -> String {
    let begins = || {
        let d = civil::Date::new(i16::try_from(day.year()).ok()?, day.month() as i8, day.day() as i8).ok()?;
        let ts = sweden().to_ambiguous_timestamp(d.to_datetime(civil::Time::midnight())).compatible().ok()?;
        stored(ts)
    };
    // Every day of years 1–9999 begins somewhere; the day's UTC midnight is never needed.
    begins().unwrap_or_else(|| format!("{day}T00:00:00Z"))
}

/// An instant as stored text (RFC 3339, UTC, whole seconds).
fn stored(ts: Timestamp) -> Option<String> {
    OffsetDateTime::from_unix_timestamp(ts.as_second()).ok().and_then(|t| t.format(&Rfc3339).ok())
}

/// The day (`YYYY-MM-DD`) of a stored time in Sweden, or a stored date as it is.
pub fn shown_day(stored: &str) -> String {
    shown(stored, 10)
}

/// The minute (`YYYY-MM-DD HH:MM`) of a stored time in Swedish time. In the hour the clocks go
/// back and that happens twice, " sommartid" or " vintertid" follows, so it reads one way only
/// (and [`parse_local`] reads it back to the same instant).
pub fn shown_minute(stored: &str) -> String {
    shown(stored, 16)
}

/// The second (`YYYY-MM-DD HH:MM:SS`) of a stored time in Swedish time, for the audit trail.
pub fn shown_second(stored: &str) -> String {
    shown(stored, 19)
}

/// Now to the minute in Swedish time, as a time field is filled in before a person changes it.
pub fn now_minute() -> String {
    shown_minute(&stamp())
}

/// A stored time that may have been typed in Swedish time but stored as if it were UTC (before
/// Beredd knew time zones): when `zone_known` it is shown as [`shown_minute`], otherwise the way
/// it was typed, followed by `note` in brackets ("tidszon osäker").
pub fn shown_minute_noted(stored: &str, zone_known: bool, note: &str) -> String {
    if zone_known {
        return shown_minute(stored);
    }
    let typed = match OffsetDateTime::parse(stored, &Rfc3339) {
        Ok(t) => format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute()),
        Err(_) => stored.get(..16).unwrap_or(stored).replace('T', " "),
    };
    format!("{typed} ({note})")
}

/// Every time a page, a PDF or an export shows goes through here, so that the zone it is shown
/// in is decided in one place: Swedish time. A value that is not a stored time (a date, say) is
/// shown as far as it goes.
fn shown(stored: &str, len: usize) -> String {
    match OffsetDateTime::parse(stored, &Rfc3339) {
        Ok(t) => shown_at(t, len),
        Err(_) => stored.get(..len).unwrap_or(stored).replace('T', " "),
    }
}

/// An instant in Swedish time, `len` characters of `YYYY-MM-DD HH:MM:SS` (10, 16 or 19), with
/// the zone's word in the repeated hour when a time of day is shown.
pub(super) fn shown_at(t: OffsetDateTime, len: usize) -> String {
    let local = sweden_at(t);
    let text = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    );
    let mut out = text[..len.min(text.len())].to_owned();
    if len > 10
        && let Some(zone) = repeated_hour_zone(t)
    {
        out.push(' ');
        out.push_str(zone.word());
    }
    out
}

/// Sweden's time zone, from the time-zone database compiled into Beredd (`jiff`'s bundled copy,
/// so a machine without /usr/share/zoneinfo shows the same times).
fn sweden() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| TimeZone::get(ZONE_NAME).expect("the bundled time-zone database holds Europe/Stockholm"))
}

/// The name of Sweden's time zone in the time-zone database (and in iCalendar).
pub const ZONE_NAME: &str = "Europe/Stockholm";

fn timestamp(t: OffsetDateTime) -> Timestamp {
    Timestamp::from_second(t.unix_timestamp()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The wall-clock time in Sweden at an instant.
fn sweden_at(t: OffsetDateTime) -> civil::DateTime {
    let ts = timestamp(t);
    sweden().to_offset(ts).to_datetime(ts)
}

/// The offset of Swedish time from UTC, in seconds, at a UTC instant (seconds since 1970): how
/// the reporting rules count a calendar month in Swedish time.
pub fn swedish_offset(utc: i64) -> i64 {
    let ts = Timestamp::from_second(utc).unwrap_or(Timestamp::UNIX_EPOCH);
    i64::from(sweden().to_offset(ts).seconds())
}

/// The two offsets of Swedish time: winter time (normaltid, CET, +01:00) and summer time (CEST,
/// +02:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Winter,
    Summer,
}

impl Zone {
    fn offset(self) -> Offset {
        match self {
            Zone::Winter => Offset::constant(1),
            Zone::Summer => Offset::constant(2),
        }
    }

    /// What is shown after a time in the repeated hour, and what a person writes there.
    fn word(self) -> &'static str {
        match self {
            Zone::Winter => "vintertid",
            Zone::Summer => "sommartid",
        }
    }

    /// What may follow a typed time to say which of the two it is.
    fn parse(suffix: &str) -> Option<Zone> {
        match suffix.to_lowercase().as_str() {
            "sommartid" | "cest" | "+02:00" | "+0200" | "+02" | "summer time" => Some(Zone::Summer),
            "vintertid" | "normaltid" | "cet" | "+01:00" | "+0100" | "+01" | "winter time" => Some(Zone::Winter),
            _ => None,
        }
    }
}

/// Which of the two the instant is, when its wall-clock time happened twice (the hour the clocks
/// go back in October); `None` on every other hour of the year.
fn repeated_hour_zone(t: OffsetDateTime) -> Option<Zone> {
    let ts = timestamp(t);
    let offset = sweden().to_offset(ts);
    match sweden().to_ambiguous_timestamp(offset.to_datetime(ts)).offset() {
        AmbiguousOffset::Fold { before, .. } => Some(if offset == before { Zone::Summer } else { Zone::Winter }),
        _ => None,
    }
}

/// What a person types, "YYYY-MM-DD HH:MM" (or with a T, or 07.33), read as Swedish time and
/// returned as stored text (RFC 3339, UTC). A time the clocks skipped in March is refused; one
/// that happened twice in October is refused unless "sommartid" or "vintertid" (or CEST/CET,
/// +02:00/+01:00) follows to say which.
pub fn parse_local(input: &str) -> Result<String, FieldError> {
    let (dt, zone) = typed(input.trim()).ok_or(FieldError::DateTime)?;
    let offset = match (sweden().to_ambiguous_timestamp(dt).offset(), zone) {
        (AmbiguousOffset::Unambiguous { offset }, None) => offset,
        (AmbiguousOffset::Unambiguous { offset }, Some(z)) if z.offset() == offset => offset,
        (AmbiguousOffset::Unambiguous { .. }, Some(_)) => return Err(FieldError::ZoneMismatch),
        (AmbiguousOffset::Gap { .. }, _) => return Err(FieldError::TimeSkipped),
        (AmbiguousOffset::Fold { .. }, None) => {
            return Err(FieldError::TimeRepeated { time: format!("{:02}:{:02}", dt.hour(), dt.minute()) });
        }
        (AmbiguousOffset::Fold { before, after }, Some(z)) => match z.offset() {
            o if o == before || o == after => o,
            _ => return Err(FieldError::ZoneMismatch),
        },
    };
    offset.to_timestamp(dt).ok().and_then(stored).ok_or(FieldError::DateTime)
}

/// What a person types (see [`parse_local`]) as an instant.
pub fn parse_local_stamp(input: &str) -> Result<Stamp, FieldError> {
    parse_local(input).and_then(|t| Stamp::parse(&t).ok_or(FieldError::DateTime))
}

/// The wall-clock time typed and the zone named after it, if any.
fn typed(s: &str) -> Option<(civil::DateTime, Option<Zone>)> {
    let date = s.get(..10)?;
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim_start();
    let n = |t: &str| -> Option<i8> {
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    let mut ymd = date.split('-');
    let (y, m, d) = (ymd.next()?, ymd.next()?, ymd.next()?);
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).unwrap_or(rest.len());
    let (clock, suffix) = rest.split_at(end);
    let (h, min) = clock.split_once([':', '.'])?;
    if min.len() != 2 {
        return None;
    }
    let suffix = suffix.trim();
    let zone = if suffix.is_empty() { None } else { Some(Zone::parse(suffix)?) };
    let dt = civil::DateTime::new(y.parse().ok()?, n(m)?, n(d)?, n(h)?, n(min)?, 0, 0).ok()?;
    Some((dt, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_starts_at_its_instant_runs_on_and_keeps_whole_seconds() {
        let at = OffsetDateTime::parse("2026-11-24T12:00:00Z", &Rfc3339).unwrap();
        let pinned = Some(Pinned { at, since: Instant::now() - std::time::Duration::from_millis(2500) });
        let t = reading(&pinned);
        assert!(t - at >= Duration::seconds(2) && t - at < Duration::minutes(10), "{t}");
        assert_eq!(t.nanosecond(), 0);
        assert_eq!(t.date().to_string(), "2026-11-24");
    }

    #[test]
    fn stored_times_are_shown_in_swedish_time_to_the_day_or_the_minute() {
        assert_eq!(shown_minute("2026-11-23T07:10:00Z"), "2026-11-23 08:10", "winter: +01:00");
        assert_eq!(shown_minute("2026-07-14T05:33:00Z"), "2026-07-14 07:33", "summer: +02:00");
        assert_eq!(shown_second("2026-07-14T05:33:09Z"), "2026-07-14 07:33:09");
        assert_eq!(shown_day("2026-11-23T07:10:00Z"), "2026-11-23");
        assert_eq!(shown_day("2026-07-14T22:30:00Z"), "2026-07-15", "00:30 Swedish time is the next day");
        assert_eq!(shown_day("2026-11-20"), "2026-11-20", "a day is a day");
        assert_eq!(shown_minute("2026-11-23T09:05:00+01:00"), "2026-11-23 09:05");
        assert_eq!(shown_minute(""), "");
    }

    fn utc(s: &str) -> Result<String, FieldError> {
        parse_local(s)
    }

    #[test]
    fn typed_times_are_swedish_time_in_winter_and_summer() {
        assert_eq!(utc("2026-11-23 07:10"), Ok("2026-11-23T06:10:00Z".into()));
        assert_eq!(utc("2026-07-14 07:33"), Ok("2026-07-14T05:33:00Z".into()));
        assert_eq!(utc(" 2026-07-14T07:33 "), Ok("2026-07-14T05:33:00Z".into()));
        assert_eq!(utc("2026-07-14 7.33"), Ok("2026-07-14T05:33:00Z".into()));
        assert_eq!(utc("2026-07-14 07:33 sommartid"), Ok("2026-07-14T05:33:00Z".into()), "the zone in force");
        assert_eq!(utc("2026-07-14 00:30"), Ok("2026-07-13T22:30:00Z".into()), "the day before in UTC");
        for bad in ["", "igår", "2026-07-14", "2026-07-14 25:00", "2026-02-30 07:00", "2026-07-14 07:3", "14/7 07:33"]
        {
            assert_eq!(utc(bad), Err(FieldError::DateTime), "{bad:?}");
        }
        assert_eq!(utc("2026-07-14 07:33 vintertid"), Err(FieldError::ZoneMismatch), "not winter time in July");
        assert_eq!(utc("2026-07-14 07:33 Europa"), Err(FieldError::DateTime));
    }

    #[test]
    fn the_hour_skipped_in_march_is_refused() {
        assert_eq!(utc("2026-03-29 01:59"), Ok("2026-03-29T00:59:00Z".into()), "winter time up to 02:00");
        assert_eq!(utc("2026-03-29 02:00"), Err(FieldError::TimeSkipped));
        assert_eq!(utc("2026-03-29 02:30"), Err(FieldError::TimeSkipped));
        assert_eq!(utc("2026-03-29 02:30 sommartid"), Err(FieldError::TimeSkipped));
        assert_eq!(utc("2026-03-29 03:00"), Ok("2026-03-29T01:00:00Z".into()), "summer time from 03:00");
        assert_eq!(shown_minute("2026-03-29T00:59:00Z"), "2026-03-29 01:59");
        assert_eq!(shown_minute("2026-03-29T01:00:00Z"), "2026-03-29 03:00");
    }

    #[test]
    fn the_hour_repeated_in_october_needs_summer_or_winter_time() {
        assert_eq!(utc("2026-10-25 02:30"), Err(FieldError::TimeRepeated { time: "02:30".into() }));
        let first = "2026-10-25T00:30:00Z";
        let second = "2026-10-25T01:30:00Z";
        for (typed, stored) in [
            ("2026-10-25 02:30 sommartid", first),
            ("2026-10-25 02:30 Sommartid", first),
            ("2026-10-25 02:30 CEST", first),
            ("2026-10-25 02:30 +02:00", first),
            ("2026-10-25T02:30+02:00", first),
            ("2026-10-25 02:30 vintertid", second),
            ("2026-10-25 02:30 normaltid", second),
            ("2026-10-25 02:30 CET", second),
            ("2026-10-25 02:30 +01:00", second),
        ] {
            assert_eq!(utc(typed), Ok(stored.into()), "{typed}");
        }
        let (a, b) =
            (OffsetDateTime::parse(first, &Rfc3339).unwrap(), OffsetDateTime::parse(second, &Rfc3339).unwrap());
        assert_eq!(b - a, Duration::hours(1), "the two 02:30 are an hour apart");
        assert_eq!(shown_minute(first), "2026-10-25 02:30 sommartid");
        assert_eq!(shown_minute(second), "2026-10-25 02:30 vintertid");
        assert_eq!(shown_day(second), "2026-10-25", "a day needs no zone");
        assert_eq!(shown_minute("2026-10-24T23:59:00Z"), "2026-10-25 01:59", "before the repeated hour");
        assert_eq!(shown_minute("2026-10-25T02:00:00Z"), "2026-10-25 03:00", "after it");
        assert_eq!(utc("2026-10-25 03:00"), Ok("2026-10-25T02:00:00Z".into()));
    }

    #[test]
    fn a_shown_minute_reads_back_to_the_same_instant_all_year() {
        // Every quarter of an hour of 2026, both changes of summer time included.
        let start = OffsetDateTime::parse("2026-01-01T00:00:00Z", &Rfc3339).unwrap();
        for q in 0..(365 * 24 * 4) {
            let t = (start + Duration::minutes(15 * q)).format(&Rfc3339).unwrap();
            assert_eq!(parse_local(&shown_minute(&t)).as_deref(), Ok(t.as_str()), "{t} shown {}", shown_minute(&t));
        }
    }

    #[test]
    fn today_is_the_swedish_day() {
        let day = |s: &str| day_in_sweden(OffsetDateTime::parse(s, &Rfc3339).unwrap()).to_string();
        assert_eq!(day("2026-07-14T23:10:00Z"), "2026-07-15", "01:10 summer time is already the next day");
        assert_eq!(day("2026-07-14T21:59:00Z"), "2026-07-14");
        assert_eq!(day("2026-11-24T23:10:00Z"), "2026-11-25", "00:10 winter time too");
        assert_eq!(day("2026-11-24T22:50:00Z"), "2026-11-24");
    }

    #[test]
    fn a_swedish_day_begins_at_midnight_swedish_time() {
        assert_eq!(day_start("2026-07-14").as_deref(), Some("2026-07-13T22:00:00Z"));
        assert_eq!(day_start("2026-11-24").as_deref(), Some("2026-11-23T23:00:00Z"));
        assert_eq!(day_start("2026-03-29").as_deref(), Some("2026-03-28T23:00:00Z"), "the day the clocks go forward");
        assert_eq!(day_start("2026-03-30").as_deref(), Some("2026-03-29T22:00:00Z"), "23 hours later");
        assert_eq!(day_start("igår"), None);
    }

    #[test]
    fn a_time_stored_before_time_zones_is_shown_as_typed_with_a_note() {
        assert_eq!(
            shown_minute_noted("2026-11-23T07:33:00Z", false, "tidszon osäker"),
            "2026-11-23 07:33 (tidszon osäker)"
        );
        assert_eq!(shown_minute_noted("2026-11-23T07:33:00Z", true, "tidszon osäker"), "2026-11-23 08:33");
    }
}
