//! The yearly cycle (årshjul): recurring tasks and the dated occurrences they create. A rule
//! starts on a date and repeats every n months (12: yearly, 1: monthly, 0: once) until an
//! optional end date. A start on the 31st falls on each month's last day; 29 February falls on
//! 28 February in other years. Dates are days since 1970-01-01.

use crate::civil::{civil, days_from_civil, days_in_month};

crate::kinds::vocabulary!(
    /// The kinds of recurring work in the yearly cycle.
    CycleKind, "cycle-kind", {
        PlanReview => "plan_review",
        ClassificationReview => "classification_review",
        RiskAnalysis => "risk_analysis",
        AccessLogReview => "access_log_review",
        Exercise => "exercise",
        Training => "training",
        ManagementReview => "management_review",
        SupplierReview => "supplier_review",
        RegistrationCheck => "registration_check",
        ManagementTraining => "management_training",
        RestoreTest => "restore_test",
        PrintFallbackLists => "print_fallback_lists",
        KitPassphraseChange => "kit_passphrase_change",
        RiskVulnerabilityAnalysis => "rsa",
        Other => "other",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub start: i64,
    /// 0: once; 1: every month; 3: every quarter; 12: every year.
    pub every_months: u32,
    pub until: Option<i64>,
}

/// The occurrence `k` months after the start (the start's day, or the month's last day).
fn nth(start: i64, months: i64) -> i64 {
    let (y, m, d) = civil(start);
    let total = y * 12 + i64::from(m - 1) + months;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    days_from_civil(y, m, d.min(days_in_month(y, m)))
}

impl Rule {
    /// Every occurrence in `from..=to` (and not after `until`), in order.
    pub fn occurrences(&self, from: i64, to: i64) -> Vec<i64> {
        let last = self.until.map_or(to, |u| u.min(to));
        if self.every_months == 0 {
            return if (from..=last).contains(&self.start) { vec![self.start] } else { Vec::new() };
        }
        let mut out = Vec::new();
        let mut k: i64 = 0;
        loop {
            let d = nth(self.start, k * i64::from(self.every_months));
            if d > last {
                break;
            }
            if d >= from {
                out.push(d);
            }
            k += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn monthly_from_the_31st_falls_on_each_months_last_day() {
        let r = Rule { start: day(2027, 1, 31), every_months: 1, until: None };
        assert_eq!(
            r.occurrences(day(2027, 1, 1), day(2027, 4, 30)),
            vec![day(2027, 1, 31), day(2027, 2, 28), day(2027, 3, 31), day(2027, 4, 30)]
        );
        let leap = Rule { start: day(2028, 1, 31), every_months: 1, until: None };
        assert_eq!(leap.occurrences(day(2028, 2, 1), day(2028, 2, 29)), vec![day(2028, 2, 29)]);
    }

    #[test]
    fn yearly_from_a_leap_day_falls_on_28_february_in_other_years() {
        let r = Rule { start: day(2028, 2, 29), every_months: 12, until: None };
        assert_eq!(
            r.occurrences(day(2028, 1, 1), day(2032, 12, 31)),
            vec![day(2028, 2, 29), day(2029, 2, 28), day(2030, 2, 28), day(2031, 2, 28), day(2032, 2, 29)]
        );
    }

    #[test]
    fn every_n_months_stops_at_the_end_date_and_once_is_once() {
        let r = Rule { start: day(2026, 11, 15), every_months: 3, until: Some(day(2027, 8, 14)) };
        assert_eq!(
            r.occurrences(day(2026, 1, 1), day(2030, 1, 1)),
            vec![day(2026, 11, 15), day(2027, 2, 15), day(2027, 5, 15)]
        );
        let once = Rule { start: day(2027, 3, 1), every_months: 0, until: None };
        assert_eq!(once.occurrences(day(2027, 1, 1), day(2027, 12, 31)), vec![day(2027, 3, 1)]);
        assert!(once.occurrences(day(2028, 1, 1), day(2028, 12, 31)).is_empty());
    }

    #[test]
    fn the_window_starts_mid_series() {
        let r = Rule { start: day(2020, 6, 30), every_months: 12, until: None };
        assert_eq!(r.occurrences(day(2026, 1, 1), day(2027, 12, 31)), vec![day(2026, 6, 30), day(2027, 6, 30)]);
    }
}
