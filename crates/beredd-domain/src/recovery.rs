//! Catching up after an outage: how much paper documentation is left to enter, and when it
//! will be done at the current pace. Days are counted from 1970-01-01 (UTC).

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
}
