//! The one clock. Every "now" and "today" in Beredd comes from here, so that a test (or a
//! rehearsal of an incident) can say what time it is and nothing depends on the day it runs.
//!
//! Normally this is the system's UTC clock. When `BEREDD_CLOCK` holds an RFC 3339 time (or a
//! test calls [`pin`]), the clock starts at that instant when first read and runs on in real time
//! from there, so that order and durations behave as they do in production.

use std::sync::OnceLock;
use std::time::Instant;

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

/// Today's date in UTC.
pub fn today() -> Date {
    now().date()
}

/// A stored time (RFC 3339 text, UTC) `secs` seconds from now.
pub fn stamp_in(secs: i64) -> String {
    (now() + Duration::seconds(secs)).format(&Rfc3339).unwrap_or_default()
}

/// Now as stored text (RFC 3339, UTC, whole seconds).
pub fn stamp() -> String {
    stamp_in(0)
}

/// Today as stored text (`YYYY-MM-DD`).
pub fn today_text() -> String {
    stamp()[..10].to_owned()
}

/// The day number (days since 1970-01-01) of a stored date or time (`YYYY-MM-DD…`).
pub fn day_number(date: &str) -> Option<i64> {
    let d = Date::parse(date.get(..10)?, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    Some(i64::from(d.to_julian_day()) - 2_440_588)
}

/// The date (`YYYY-MM-DD`) of a day number.
pub fn date_of(day: i64) -> String {
    i32::try_from(day + 2_440_588)
        .ok()
        .and_then(|j| Date::from_julian_day(j).ok())
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The day (`YYYY-MM-DD`) of a stored time or date, as a person reads it.
pub fn shown_day(stored: &str) -> String {
    shown(stored, 10)
}

/// The minute (`YYYY-MM-DD HH:MM`) of a stored time, as a person reads it.
pub fn shown_minute(stored: &str) -> String {
    shown(stored, 16)
}

/// Every time a page, a PDF or an export shows goes through here, so that the zone it is shown
/// in is decided in one place. A value that is not a stored time is shown as far as it goes.
fn shown(stored: &str, len: usize) -> String {
    match OffsetDateTime::parse(stored, &Rfc3339) {
        Ok(t) => {
            let t = t.to_offset(time::UtcOffset::UTC);
            let text = format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute());
            text[..len.min(text.len())].to_owned()
        }
        Err(_) => stored.get(..len).unwrap_or(stored).replace('T', " "),
    }
}

/// The offset of Swedish time from UTC, in seconds, at a UTC instant (seconds since 1970).
pub fn swedish_offset(_utc: i64) -> i64 {
    0 // provisional: the zone rules arrive with the time-zone library
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
    fn stored_times_are_shown_to_the_day_or_the_minute() {
        assert_eq!(shown_minute("2026-11-23T07:10:00Z"), "2026-11-23 07:10");
        assert_eq!(shown_day("2026-11-23T07:10:00Z"), "2026-11-23");
        assert_eq!(shown_day("2026-11-20"), "2026-11-20");
        assert_eq!(shown_minute("2026-11-23T09:05:00+01:00"), "2026-11-23 08:05");
        assert_eq!(shown_minute(""), "");
    }

    #[test]
    fn day_numbers_count_from_1970_and_come_back_as_dates() {
        assert_eq!(day_number("1970-01-02T10:00:00Z"), Some(1));
        assert_eq!(date_of(day_number("2028-02-29").unwrap() + 1), "2028-03-01");
        assert_eq!(day_number("igår"), None);
    }
}
