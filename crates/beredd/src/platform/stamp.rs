//! An instant, read once from its stored text (RFC 3339, UTC, whole seconds, as
//! [`super::clock::stamp`] writes it) and then compared, counted and shown as an instant, never
//! sliced out of a string. It is stored as UTC and shown in Swedish time (through the clock, the
//! one place that knows the zone).
//!
//! A stamp is stored and put in JSON (the audit trail, exports, backups) as the text
//! [`super::clock::stamp`] writes, so a value it wrote reads back to the same bytes.

use std::fmt;
use std::str::FromStr;

use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};

use super::clock;
use super::day::Day;

/// An instant in UTC, to the whole second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(OffsetDateTime);

/// Stored text that is not an instant (RFC 3339): corrupt data when read from the database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a time (RFC 3339)")]
pub struct NotAStamp(pub String);

impl Stamp {
    /// RFC 3339 text (`2026-11-23T07:10:00Z`; another offset is read as the same instant in UTC,
    /// a fraction of a second is dropped); `None` for anything else, a bare day included.
    pub fn parse(s: &str) -> Option<Stamp> {
        OffsetDateTime::parse(s, &Rfc3339).ok().map(Stamp::from_instant)
    }

    /// The instant `t`, in UTC, to the whole second.
    pub fn from_instant(t: OffsetDateTime) -> Stamp {
        let t = t.to_offset(UtcOffset::UTC);
        Stamp(t.replace_nanosecond(0).unwrap_or(t))
    }

    /// The instant (UTC).
    pub fn instant(self) -> OffsetDateTime {
        self.0
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// The instant `secs` seconds later (earlier when negative); the same one past year 9999.
    pub fn plus_seconds(self, secs: i64) -> Stamp {
        self.0.checked_add(Duration::seconds(secs)).map(Stamp).unwrap_or(self)
    }

    /// The Swedish day it falls on (at 23:30 UTC on 31 December it is already 1 January).
    pub fn day(self) -> Day {
        Day::from_date(clock::day_in_sweden(self.0))
    }

    /// How many seconds ago it was (negative for an instant still to come).
    pub fn seconds_since(self) -> i64 {
        (clock::now() - self.0).whole_seconds()
    }

    /// Its Swedish day, `YYYY-MM-DD`, as [`clock::shown_day`] shows it.
    pub fn shown_day(self) -> String {
        clock::shown_at(self.0, 10)
    }

    /// Its minute in Swedish time, as [`clock::shown_minute`] shows it.
    pub fn shown_minute(self) -> String {
        clock::shown_at(self.0, 16)
    }

    /// Its second in Swedish time, as [`clock::shown_second`] shows it.
    pub fn shown_second(self) -> String {
        clock::shown_at(self.0, 19)
    }
}

impl Default for Stamp {
    /// 1970-01-01T00:00:00Z: only for a row not yet stored (a blank form's), whose writing sets
    /// the real time.
    fn default() -> Stamp {
        Stamp(OffsetDateTime::UNIX_EPOCH)
    }
}

impl fmt::Display for Stamp {
    /// The stored text, `YYYY-MM-DDTHH:MM:SSZ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

impl FromStr for Stamp {
    type Err = NotAStamp;
    fn from_str(s: &str) -> Result<Stamp, NotAStamp> {
        Stamp::parse(s).ok_or_else(|| NotAStamp(s.to_owned()))
    }
}

impl From<Stamp> for String {
    fn from(s: Stamp) -> String {
        s.to_string()
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Stamp {
        Stamp::parse(s).unwrap()
    }

    #[test]
    fn a_stamp_reads_back_to_the_text_the_clock_writes() {
        let now = clock::stamp();
        assert_eq!(at(&now).to_string(), now, "byte for byte");
        assert_eq!(clock::now_stamp().to_string().len(), now.len());
        for s in ["2026-11-23T07:10:00Z", "0999-01-05T00:00:09Z", "2028-02-29T23:59:59Z"] {
            assert_eq!(at(s).to_string(), s);
            assert_eq!(serde_json::to_string(&at(s)).unwrap(), format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Stamp>(&format!("\"{s}\"")).unwrap(), at(s));
        }
        let t = OffsetDateTime::parse("2026-11-23T07:10:00Z", &Rfc3339).unwrap();
        assert_eq!(at("2026-11-23T07:10:00Z").to_string(), t.format(&Rfc3339).unwrap(), "as stamp() formats");
    }

    #[test]
    fn other_offsets_are_the_same_instant_in_utc_and_anything_else_is_refused() {
        assert_eq!(at("2026-11-23T09:05:00+01:00").to_string(), "2026-11-23T08:05:00Z");
        assert_eq!(at("2026-11-23T08:05:00.750Z"), at("2026-11-23T08:05:00Z"), "whole seconds");
        for bad in ["", "2026-11-23", "2026-11-23 08:05", "2026-11-23T08:05", "igår", "2026-02-30T08:05:00Z"] {
            assert_eq!(Stamp::parse(bad), None, "{bad:?}");
            assert_eq!(bad.parse::<Stamp>(), Err(NotAStamp(bad.to_owned())));
        }
    }

    #[test]
    fn its_day_is_the_swedish_day() {
        assert_eq!(at("2026-12-31T23:30:00Z").day().to_string(), "2027-01-01", "00:30 on New Year's Day");
        assert_eq!(at("2026-12-31T22:59:59Z").day().to_string(), "2026-12-31");
        assert_eq!(at("2026-07-14T22:30:00Z").day().to_string(), "2026-07-15", "summer time: +02:00");
        assert_eq!(at("2026-07-14T21:59:00Z").day().to_string(), "2026-07-14");
    }

    #[test]
    fn it_is_shown_in_swedish_time_as_the_clock_shows_stored_text() {
        for s in ["2026-11-23T07:10:09Z", "2026-07-14T05:33:09Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"] {
            assert_eq!(at(s).shown_minute(), clock::shown_minute(s));
            assert_eq!(at(s).shown_second(), clock::shown_second(s));
            assert_eq!(at(s).shown_day(), clock::shown_day(s));
            assert_eq!(Some(at(s).day()), clock::day_of(s));
        }
        assert_eq!(at("2026-07-14T05:33:09Z").shown_minute(), "2026-07-14 07:33");
        assert_eq!(at("2026-10-25T01:30:00Z").shown_minute(), "2026-10-25 02:30 vintertid");
    }

    #[test]
    fn it_counts_in_seconds() {
        let t = at("2026-11-23T07:10:00Z");
        assert_eq!(t.plus_seconds(3600).to_string(), "2026-11-23T08:10:00Z");
        assert!(t < t.plus_seconds(1));
        assert_eq!(t.plus_seconds(-60).unix(), t.unix() - 60);
        let now = clock::now_stamp();
        assert!((0..600).contains(&now.seconds_since()));
        assert!(now.plus_seconds(3600).seconds_since() < 0);
    }
}
