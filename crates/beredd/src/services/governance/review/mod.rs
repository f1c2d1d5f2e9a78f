//! The management review (ledningens genomgång): the year's figures from the registers, section
//! by section, each with a short summary and last year's figures where the data has dates to
//! count them from, and the management's decisions, which become actions (`decisions`).
//!
//! A section is one function that reads the registers and returns a [`Section`]; the review is
//! the list of them in `SECTIONS`' order, so a new section (staff training, say) is one more
//! function and one more key. A section whose figures show only the state today (the registers
//! keep no history of it) says so, and says why it cannot be compared with last year.

mod decisions;
mod events;
mod follow_up;
mod registers;

pub use decisions::{Checked, DecisionsForm, check, save};

use beredd_domain::FieldError;

use crate::content::catalogue::Catalogue;
use crate::platform::clock::{self, Day};
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::frameworks::Known;
use crate::store::reviews;

/// The first year a review can be made for.
pub const FIRST_YEAR: i64 = 2000;

/// The sections of the review, in their order (the keys name the form's fields, the messages
/// `review-section-<key>` and the decisions' rows).
pub const SECTIONS: &[&str] =
    &["classification", "assessment", "plans", "exercises", "risks", "actions", "training", "reading", "reporting"];

/// One figure: what it counts (a message id), its value, and last year's when it can be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub label: &'static str,
    pub value: i64,
    pub previous: Option<i64>,
}

fn figure(label: &'static str, value: usize, previous: Option<usize>) -> Figure {
    Figure { label, value: value as i64, previous: previous.map(|p| p as i64) }
}

/// A sentence of the summary: a message id with its arguments, and the change since last year of
/// the figure it is about, when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub change: Option<i64>,
}

fn sentence(id: &'static str, args: &[(&'static str, String)], change: Option<i64>) -> Sentence {
    Sentence { id, args: args.to_vec(), change }
}

/// How the section stands against last year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Last year's figures are counted as of the end of last year (those that can be); a note
    /// (a message id) says what the count rests on, if anything needs saying.
    Counted { note: Option<&'static str> },
    /// The registers keep only the state today: why last year cannot be counted (a message id).
    NotPossible(&'static str),
}

/// A line a section lists, with the lines under it (an incident and its lessons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub details: Vec<String>,
}

impl Item {
    fn line(text: String) -> Item {
        Item { text, details: Vec::new() }
    }
}

/// One section of the review.
pub struct Section {
    pub key: &'static str,
    pub figures: Vec<Figure>,
    pub summary: Vec<Sentence>,
    /// What the section lists (the largest risks, the incidents and their lessons, …), as lines.
    pub items: Vec<Item>,
    pub comparison: Comparison,
    /// Its figures are the state today, not at the end of the year chosen.
    pub today_only: bool,
}

/// The review of a year: its sections, and what the management decided.
pub struct Review {
    pub year: i64,
    /// The day the year's dated figures are counted to: today in the current year, otherwise
    /// the year's last day.
    pub as_of: Day,
    /// Whether the year is the current one.
    pub current: bool,
    pub sections: Vec<Section>,
    pub saved: Option<reviews::Review>,
    pub decisions: Vec<reviews::Decision>,
    /// The years that have a saved review.
    pub years: Vec<i64>,
}

impl Review {
    /// The stored decisions of a section, in order.
    pub fn decisions_of(&self, key: &str) -> Vec<&reviews::Decision> {
        self.decisions.iter().filter(|d| d.section == key).collect()
    }
}

/// The current year, by the one clock.
pub fn this_year() -> i64 {
    clock::today().year() as i64
}

/// A year as typed: a whole number from [`FIRST_YEAR`] to this year; empty is this year.
pub fn parse_year(input: &str) -> Result<i64, FieldError> {
    year_in(input, this_year())
}

fn year_in(input: &str, this_year: i64) -> Result<i64, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(this_year);
    }
    match input.parse::<i64>() {
        Ok(y) if (FIRST_YEAR..=this_year).contains(&y) => Ok(y),
        _ => Err(FieldError::Number { min: FIRST_YEAR, max: this_year }),
    }
}

/// The last day of `year`, or today when the year is the current one.
fn as_of(year: i64, today: Day) -> Day {
    if year >= i64::from(today.year()) { today } else { last_day(year) }
}

/// 31 December of `year` (of a year the review can be made for: [`FIRST_YEAR`] to this year).
fn last_day(year: i64) -> Day {
    i32::try_from(year).ok().and_then(Day::last_of_year).unwrap_or(Day::from_date(time::Date::MIN))
}

/// Whether an incident's kännedom falls in `year`, by its Swedish day. It stays the text it was
/// stored as (a person typed it; an old row's zone is uncertain), so it is read here.
fn in_year(stored: &str, year: i64) -> bool {
    clock::day_of(stored).is_some_and(|d| i64::from(d.year()) == year)
}

/// What the review reads besides the database.
pub struct Sources<'a> {
    pub catalogue: &'a Catalogue,
    pub frameworks: &'a [Known],
    /// For the risk scales' names (the levels do not depend on the language).
    pub tr: &'a Tr,
}

/// The review of `year` for organisation `org`: every section, and what has been saved.
pub async fn review(pool: &sqlx::AnyPool, src: &Sources<'_>, org: i64, year: i64) -> Result<Review, DbError> {
    let today = clock::today();
    let as_of = as_of(year, today);
    let previous_end = last_day(year - 1);
    let current = year >= i64::from(today.year());
    let mut sections = Vec::new();
    for key in SECTIONS {
        let s = match *key {
            "classification" => registers::classification(pool, org, as_of, previous_end).await?,
            "assessment" => registers::assessment(pool, src, org, today).await?,
            "plans" => registers::plans(pool, src.tr, org, today, previous_end).await?,
            "exercises" => events::exercises(pool, src.tr, org, year).await?,
            "risks" => follow_up::risks(pool, src.tr, org).await?,
            "actions" => follow_up::actions(pool, src.tr, org, today).await?,
            "training" => follow_up::training(pool, src.tr, org, as_of, previous_end).await?,
            "reading" => follow_up::reading(pool, src.tr, org, today).await?,
            "reporting" => events::reporting(pool, src.tr, org, year).await?,
            _ => continue,
        };
        sections.push(s);
    }
    let saved = reviews::get(pool, org, year).await?;
    let decisions = match &saved {
        Some(r) => reviews::decisions(pool, r.key()).await?,
        None => Vec::new(),
    };
    let years = reviews::years(pool, org).await?;
    Ok(Review { year, as_of, current, sections, saved, decisions, years })
}

/// The change between two figures, when last year's is known.
fn change(now: usize, before: Option<usize>) -> Option<i64> {
    before.map(|b| now as i64 - b as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_from_2000_to_this_year_and_empty_is_this_year() {
        assert_eq!(year_in("", 2026), Ok(2026));
        assert_eq!(year_in(" 2025 ", 2026), Ok(2025));
        assert_eq!(year_in("2000", 2026), Ok(2000));
        for bad in ["1999", "2027", "tjugo", "2025.5"] {
            assert_eq!(year_in(bad, 2026), Err(FieldError::Number { min: 2000, max: 2026 }), "{bad}");
        }
    }

    #[test]
    fn dates_are_compared_by_their_swedish_day() {
        let new_years_eve = last_day(2025);
        assert_eq!(new_years_eve.to_string(), "2025-12-31");
        let by = |s: &str| clock::Stamp::parse(s).unwrap().day() <= new_years_eve;
        assert!(by("2025-12-31T22:59:00Z"), "23:59 Swedish time");
        assert!(!by("2025-12-31T23:00:00Z"), "midnight in Sweden is the new year");
        assert!(in_year("2025-03-01T10:00:00Z", 2025));
        assert!(in_year("2024-12-31T23:30:00Z", 2025), "00:30 on New Year's Day in Sweden");
        assert!(!in_year("2026-03-01", 2025));
        let today = Day::parse("2026-05-04").unwrap();
        assert_eq!(as_of(2026, today), today);
        assert_eq!(as_of(2024, today).to_string(), "2024-12-31");
    }
}
