//! Training (utbildning): courses the staff must take, who took them and when, and how often they
//! recur. The cybersecurity act (2025:1506) asks for cyber hygiene and training among the risk
//! measures (2 kap. 3 § punkt 7) and for the management to be trained in security measures
//! (2 kap. 4 §). A course applies to all staff, to the staff of chosen units (and the units below
//! them) or to named people, such as the management or the crisis staff. Dates are days since
//! 1970-01-01.

use crate::civil::{civil, days_from_civil, days_in_month};

crate::kinds::vocabulary!(
    /// What a course is about.
    CourseKind, "training-kind", {
        CyberHygiene => "cyber_hygiene",
        FallbackRoutines => "fallback_routines",
        CrisisExercise => "crisis_exercise",
        Management => "management",
        Other => "other",
    }
);

crate::kinds::vocabulary!(
    /// Who must take a course.
    Audience, "training-audience", {
        AllStaff => "all",
        Units => "units",
        People => "people",
    }
);

/// The longest a course may go before it is taken again, in months (five years).
pub const MAX_EVERY_MONTHS: i64 = 60;

/// How many days before a completion runs out the person is shown as due soon.
pub const WARNING_DAYS: i64 = 30;

/// The day `months` months after `day`: the same day of the month, or the month's last day.
pub fn add_months(day: i64, months: i64) -> i64 {
    let (y, m, d) = civil(day);
    let total = y * 12 + i64::from(m - 1) + months;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    days_from_civil(y, m, d.min(days_in_month(y, m)))
}

/// Where a person stands with one course they must take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Never taken.
    Missing,
    /// Taken, but the last time was more than the course's interval ago: due since `due`.
    Expired { due: i64 },
    /// Taken and still valid, but running out on `due` within [`WARNING_DAYS`].
    DueSoon { due: i64 },
    /// Taken and valid, until `until` if the course recurs.
    Done { until: Option<i64> },
}

impl Standing {
    /// Whether the person has to take the course now (never taken, or run out).
    pub fn is_due(self) -> bool {
        matches!(self, Standing::Missing | Standing::Expired { .. })
    }

    /// Whether the course counts as taken today (also when it runs out soon).
    pub fn is_done(self) -> bool {
        !self.is_due()
    }

    /// A short stable code for pages and tests.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Missing => "missing",
            Standing::Expired { .. } => "expired",
            Standing::DueSoon { .. } => "due-soon",
            Standing::Done { .. } => "done",
        }
    }

    /// When the course is (or was) to be taken again, if it recurs and has been taken.
    pub fn due(self) -> Option<i64> {
        match self {
            Standing::Expired { due } | Standing::DueSoon { due } => Some(due),
            Standing::Done { until } => until,
            Standing::Missing => None,
        }
    }
}

/// Where a person stands on `today` when they last took the course on `last` and it recurs every
/// `every_months` months (none: once is enough). A completion holds through its last day: it has
/// run out when that day is before today.
pub fn standing(last: Option<i64>, every_months: Option<i64>, today: i64) -> Standing {
    let Some(last) = last else { return Standing::Missing };
    let Some(every) = every_months.filter(|m| *m > 0) else { return Standing::Done { until: None } };
    let due = add_months(last, every);
    if due < today {
        Standing::Expired { due }
    } else if due - WARNING_DAYS <= today {
        Standing::DueSoon { due }
    } else {
        Standing::Done { until: Some(due) }
    }
}

/// Done out of required as a whole percentage, rounded down (so 99.5 % is not shown as all done);
/// none when nobody is required.
pub fn percent(done: usize, required: usize) -> Option<u32> {
    (required > 0).then(|| (done * 100 / required) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn kinds_and_audiences_round_trip_through_their_codes() {
        for k in CourseKind::ALL {
            assert_eq!(CourseKind::parse(k.code()), Ok(*k));
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.code()), Ok(*a));
        }
        assert_eq!(CourseKind::Management.label_id(), "training-kind-management");
        assert!(Audience::parse("alla").is_err());
    }

    #[test]
    fn months_are_added_to_the_same_day_or_the_months_last() {
        assert_eq!(add_months(day(2025, 11, 24), 12), day(2026, 11, 24));
        assert_eq!(add_months(day(2026, 1, 31), 1), day(2026, 2, 28));
        assert_eq!(add_months(day(2024, 2, 29), 12), day(2025, 2, 28));
        assert_eq!(add_months(day(2026, 10, 14), 3), day(2027, 1, 14));
    }

    #[test]
    fn a_completion_holds_through_its_last_day_and_then_runs_out() {
        let today = day(2026, 11, 24);
        assert_eq!(standing(None, Some(12), today), Standing::Missing);
        assert_eq!(standing(Some(day(2025, 11, 24)), Some(12), today), Standing::DueSoon { due: today });
        assert_eq!(standing(Some(day(2025, 11, 23)), Some(12), today), Standing::Expired { due: today - 1 });
        assert_eq!(standing(Some(day(2026, 3, 1)), Some(12), today), Standing::Done { until: Some(day(2027, 3, 1)) });
        assert_eq!(standing(Some(day(2010, 1, 1)), None, today), Standing::Done { until: None });
        assert!(Standing::DueSoon { due: today }.is_done() && Standing::Expired { due: 0 }.is_due());
    }

    #[test]
    fn coverage_is_rounded_down() {
        assert_eq!(percent(199, 200), Some(99));
        assert_eq!(percent(2, 2), Some(100));
        assert_eq!(percent(0, 0), None);
    }
}
