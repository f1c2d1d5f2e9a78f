//! Catching up after an outage: how much paper documentation is left to enter, when it will be
//! done at the current pace, and how long it takes at a given capacity (the staff hours set aside
//! for entering each day). Days are counted from 1970-01-01 (UTC).

crate::kinds::vocabulary!(
    /// The kinds of paper documentation to enter afterwards.
    BacklogKind, "backlog-kind", {
        CareDoc => "care_doc",
        SocialDoc => "social_doc",
        Medication => "medication",
        Decisions => "decisions",
        Payments => "payments",
        Other => "other",
    }
);

crate::kinds::vocabulary!(
    /// How urgent entering it is, most urgent first.
    BacklogPriority, "backlog-priority", {
        Legal => "legal",
        High => "high",
        Normal => "normal",
    }
);

/// The remaining count at the end of each day from the first record to `today`, given each
/// record as (day, items added to the backlog, items entered). Days without records carry the
/// previous day's value.
pub fn burn_down(records: &[(i64, i64, i64)], today: i64) -> Vec<(i64, i64)> {
    let Some(first) = records.iter().map(|r| r.0).min() else { return Vec::new() };
    let mut out = Vec::new();
    let mut remaining = 0;
    for day in first..=today.max(first) {
        for (_, added, entered) in records.iter().filter(|r| r.0 == day) {
            remaining += added - entered;
        }
        out.push((day, remaining.max(0)));
    }
    out
}

/// The day the backlog reaches zero at the pace of the last `window` days (or of all days when
/// there are fewer): `None` when nothing is left (it is done) or nothing is being entered.
pub fn forecast(series: &[(i64, i64)], window: usize) -> Forecast {
    let Some(&(last_day, left)) = series.last() else { return Forecast::Done };
    if left == 0 {
        return Forecast::Done;
    }
    let from = series.len().saturating_sub(window + 1);
    let (start_day, start_left) = series[from];
    let days = last_day - start_day;
    let entered = start_left - left;
    if days <= 0 || entered <= 0 {
        return Forecast::Stalled;
    }
    // Ceiling of left / (entered / days), in whole days.
    let needed = (left * days + entered - 1) / entered;
    Forecast::On(last_day + needed)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forecast {
    Done,
    /// Nothing entered lately: no date can be given.
    Stalled,
    On(i64),
}

/// How many entries were written on paper: `per_day` for `days` days of outage.
pub fn written_on_paper(per_day: i64, days: i64) -> i64 {
    per_day.max(0).saturating_mul(days.max(0))
}

/// What entering a number of paper entries takes at a given capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatchUp {
    pub entries: i64,
    /// The work in whole hours, rounded up.
    pub hours: i64,
    /// Days of entering with the capacity set aside, rounded up: a part day counts as a day.
    pub days: i64,
}

/// The capacity estimate: `entries` entries of `minutes_per_entry` minutes each, with
/// `staff_hours_per_day` hours of staff time set aside for entering every day. `None` when no
/// time is set aside (then it never ends) or an entry takes no time (then nothing can be said).
pub fn catch_up(entries: i64, minutes_per_entry: i64, staff_hours_per_day: i64) -> Option<CatchUp> {
    if staff_hours_per_day <= 0 || minutes_per_entry <= 0 {
        return None;
    }
    let entries = entries.max(0);
    let minutes = entries.saturating_mul(minutes_per_entry);
    let per_day = staff_hours_per_day.saturating_mul(60);
    let up = |n: i64, d: i64| n / d + i64::from(n % d != 0);
    Some(CatchUp { entries, hours: up(minutes, 60), days: up(minutes, per_day) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_burn_down_carries_days_without_records_and_never_goes_below_zero() {
        let r = [(10, 100, 0), (11, 0, 20), (13, 10, 30), (14, 0, 100)];
        assert_eq!(burn_down(&r, 15), vec![(10, 100), (11, 80), (12, 80), (13, 60), (14, 0), (15, 0)]);
        assert_eq!(burn_down(&[], 15), vec![]);
    }

    #[test]
    fn the_forecast_follows_the_recent_pace() {
        // 100 left, 20 a day over the last three days: five more days.
        let s = [(1, 200), (2, 160), (3, 140), (4, 120), (5, 100)];
        assert_eq!(forecast(&s, 3), Forecast::On(10));
        // Over the whole series: 100 entered in four days, 25 a day: four more days.
        assert_eq!(forecast(&s, 10), Forecast::On(9));
        // A part day rounds up.
        assert_eq!(forecast(&[(1, 10), (2, 7)], 7), Forecast::On(5));
    }

    #[test]
    fn a_finished_or_stalled_backlog_has_no_date() {
        assert_eq!(forecast(&[(1, 10), (2, 0)], 7), Forecast::Done);
        assert_eq!(forecast(&[(1, 10), (2, 10)], 7), Forecast::Stalled);
        assert_eq!(forecast(&[(1, 10)], 7), Forecast::Stalled);
        assert_eq!(forecast(&[], 7), Forecast::Done);
    }

    #[test]
    fn the_capacity_estimate_rounds_a_part_day_up() {
        // 40 entries a day for 30 days, 6 minutes each: 1 200 entries, 120 hours of work.
        let entries = written_on_paper(40, 30);
        assert_eq!(entries, 1200);
        // Two people for four hours a day: 8 hours a day, 15 days.
        assert_eq!(catch_up(entries, 6, 8), Some(CatchUp { entries: 1200, hours: 120, days: 15 }));
        // One hour less a day: 120 / 7 = 17.1, so 18 days.
        assert_eq!(catch_up(entries, 6, 7).unwrap().days, 18);
        // A few minutes of work still take a day, and the hours round up.
        assert_eq!(catch_up(3, 7, 8), Some(CatchUp { entries: 3, hours: 1, days: 1 }));
        assert_eq!(catch_up(0, 7, 8), Some(CatchUp { entries: 0, hours: 0, days: 0 }));
    }

    #[test]
    fn no_time_set_aside_gives_no_estimate_and_nonsense_counts_as_nothing() {
        assert_eq!(catch_up(100, 5, 0), None);
        assert_eq!(catch_up(100, 0, 8), None);
        assert_eq!(written_on_paper(-3, 10), 0);
        assert_eq!(written_on_paper(10, -1), 0);
        assert_eq!(catch_up(-5, 5, 8).unwrap().entries, 0);
        assert_eq!(written_on_paper(i64::MAX, 2), i64::MAX, "saturates rather than wraps");
        assert!(catch_up(i64::MAX, 60, 1).is_some_and(|c| c.days > 0), "no overflow at the top");
    }
}
