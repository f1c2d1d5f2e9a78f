//! A calendar day, read once from its stored text (`YYYY-MM-DD`) and then compared, counted and
//! shown as a day, never sliced out of a string. Days are Swedish days: today is
//! [`super::clock::today`], and the day of a stored time is [`super::clock::day_of`].
//!
//! A day is stored, shown and put in JSON (the audit trail, exports) as the same text it was
//! read from, so nothing stored or shown changes by reading it into this type.

use std::fmt;
use std::str::FromStr;

use beredd_domain::FieldError;
use time::{Date, Duration, Month};

/// A calendar day (proleptic Gregorian, years 1–9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

/// Stored text that is not a day (`YYYY-MM-DD`): corrupt data when read from the database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a day (YYYY-MM-DD)")]
pub struct NotADay(pub String);

/// The day number of 1970-01-01 in the Julian day count.
const EPOCH_JULIAN: i64 = 2_440_588;

impl Day {
    /// Exactly `YYYY-MM-DD`, a day the calendar has (no 30 February); `None` for anything else.
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse().ok())?
        };
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
        let date = Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(d).ok()?).ok()?;
        (y >= 1).then_some(Day(date))
    }

    /// The day of a date.
    pub fn from_date(d: Date) -> Day {
        Day(d)
    }

    /// The date.
    pub fn date(self) -> Date {
        self.0
    }

    /// The calendar day of `year`, `month` (1–12) and `day`, if the calendar has it.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().filter(|_| (1..=9999).contains(&year)).map(Day)
    }

    /// 1 January of `year`.
    pub fn first_of_year(year: i32) -> Option<Day> {
        Day::from_ymd(year, 1, 1)
    }

    /// 31 December of `year`.
    pub fn last_of_year(year: i32) -> Option<Day> {
        Day::from_ymd(year, 12, 31)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Days since 1970-01-01 (negative before), the count the domain's calendar rules use.
    pub fn number(self) -> i64 {
        i64::from(self.0.to_julian_day()) - EPOCH_JULIAN
    }

    /// The day of a day number (days since 1970-01-01), if it falls in years 1–9999.
    pub fn from_number(n: i64) -> Option<Day> {
        let julian = i32::try_from(n.checked_add(EPOCH_JULIAN)?).ok()?;
        Date::from_julian_day(julian).ok().filter(|d| (1..=9999).contains(&d.year())).map(Day)
    }

    /// The day `n` days later (earlier when negative); the same day if that leaves years 1–9999.
    pub fn plus_days(self, n: i64) -> Day {
        self.0.checked_add(Duration::days(n)).filter(|d| (1..=9999).contains(&d.year())).map(Day).unwrap_or(self)
    }

    /// The same day `months` months earlier (later when negative); a day the month lacks becomes
    /// its last (31 March less one month is 28 or 29 February).
    pub fn months_before(self, months: i64) -> Option<Day> {
        let total = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 - months;
        let (y, m) = (i32::try_from(total.div_euclid(12)).ok()?, (total.rem_euclid(12) + 1) as u8);
        let last = (1..=self.day()).rev().find_map(|d| Day::from_ymd(y, m, d))?;
        Some(last)
    }

    /// The day as iCalendar writes a whole day (`YYYYMMDD`).
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year(), self.month(), self.day())
    }
}

impl fmt::Display for Day {
    /// The stored and shown text, `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

impl FromStr for Day {
    type Err = NotADay;
    fn from_str(s: &str) -> Result<Day, NotADay> {
        Day::parse(s).ok_or_else(|| NotADay(s.to_owned()))
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.to_string()
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A day as typed in a form: empty is none, `YYYY-MM-DD` a day, anything else refused.
pub fn optional_day(input: &str) -> Result<Option<Day>, FieldError> {
    match beredd_domain::text::optional_date(input)? {
        Some(d) => Day::parse(&d).map(Some).ok_or(FieldError::Date),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_from_and_shown_as_its_stored_text() {
        let d = Day::parse("2028-02-29").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2028, 2, 29));
        assert_eq!(d.to_string(), "2028-02-29");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2028-02-29\"");
        assert_eq!(serde_json::from_str::<Day>("\"2028-02-29\"").unwrap(), d);
        assert_eq!(Day::parse("0999-01-05").unwrap().to_string(), "0999-01-05");
        for bad in
            ["", "2026-02-30", "2026-2-3", "2026-02-03T10:00:00Z", "20260203", "2026/02/03", "0000-01-01", "+026-01-01"]
        {
            assert_eq!(Day::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn days_compare_and_count_as_days() {
        let d = |s: &str| Day::parse(s).unwrap();
        assert!(d("2025-12-31") < d("2026-01-01"));
        assert_eq!(d("1970-01-02").number(), 1);
        assert_eq!(Day::from_number(d("2028-02-29").number() + 1), Some(d("2028-03-01")));
        assert_eq!(d("2026-12-31").plus_days(1), d("2027-01-01"));
        assert_eq!(Day::last_of_year(2025), Some(d("2025-12-31")));
        assert_eq!(d("2026-03-31").months_before(1), Some(d("2026-02-28")));
        assert_eq!(d("2026-03-31").months_before(25), Some(d("2024-02-29")));
        assert_eq!(d("2026-01-15").months_before(-12), Some(d("2027-01-15")));
        assert_eq!(d("2026-07-04").compact(), "20260704");
    }
}
