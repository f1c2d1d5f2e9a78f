//! The reporting clocks of an incident. Under the Swedish cybersecurity act (2025:1506, which
//! implements NIS2) a significant incident is reported to the supervisory authority as an early
//! warning within 24 hours of becoming aware of it, as an incident notification within 72 hours,
//! and with a final report at the latest one month after the notification. A personal-data
//! breach is notified to IMY within 72 hours (GDPR art. 33). Times are seconds since 1970 (UTC).

/// One duty to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duty {
    Nis2EarlyWarning,
    Nis2Notification,
    Nis2Final,
    ImyBreach,
}

impl Duty {
    pub const ALL: &'static [Duty] =
        &[Duty::Nis2EarlyWarning, Duty::Nis2Notification, Duty::Nis2Final, Duty::ImyBreach];

    pub fn code(self) -> &'static str {
        match self {
            Duty::Nis2EarlyWarning => "nis2_early_warning",
            Duty::Nis2Notification => "nis2_notification",
            Duty::Nis2Final => "nis2_final",
            Duty::ImyBreach => "imy_breach",
        }
    }

    pub fn parse(code: &str) -> Option<Duty> {
        Duty::ALL.iter().copied().find(|d| d.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Duty::Nis2EarlyWarning => "duty-nis2_early_warning",
            Duty::Nis2Notification => "duty-nis2_notification",
            Duty::Nis2Final => "duty-nis2_final",
            Duty::ImyBreach => "duty-imy_breach",
        }
    }

    /// Whether this duty applies to an incident with these flags. An exercise has none.
    pub fn applies(self, significant: bool, personal_data: bool, exercise: bool) -> bool {
        !exercise
            && match self {
                Duty::ImyBreach => personal_data,
                _ => significant,
            }
    }

    /// The deadline, from when the organisation became aware and (for the final report) when
    /// the notification was sent; until it is sent, from the notification's own deadline.
    pub fn deadline(self, aware: i64, notification_sent: Option<i64>) -> i64 {
        const HOUR: i64 = 3600;
        match self {
            Duty::Nis2EarlyWarning => aware + 24 * HOUR,
            Duty::Nis2Notification | Duty::ImyBreach => aware + 72 * HOUR,
            Duty::Nis2Final => add_month(notification_sent.unwrap_or(aware + 72 * HOUR)),
        }
    }
}

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Sent { at: i64, late: bool },
    Running { left: i64 },
    Overdue { by: i64 },
}

pub fn clock(deadline: i64, sent: Option<i64>, now: i64) -> Clock {
    match sent {
        Some(at) => Clock::Sent { at, late: at > deadline },
        None if now <= deadline => Clock::Running { left: deadline - now },
        None => Clock::Overdue { by: now - deadline },
    }
}

use crate::civil::{civil, days_from_civil, days_in_month};

/// The same time one calendar month later; the 31st becomes the month's last day.
pub fn add_month(t: i64) -> i64 {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let (y, m, d) = civil(days);
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    days_from_civil(y, m, d.min(days_in_month(y, m))) * 86_400 + secs
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_795_417_800; // 2026-11-23T07:10:00Z

    #[test]
    fn the_nis2_clocks_run_24_and_72_hours_and_a_month_after_the_notification() {
        assert_eq!(Duty::Nis2EarlyWarning.deadline(T, None) - T, 24 * 3600);
        assert_eq!(Duty::Nis2Notification.deadline(T, None) - T, 72 * 3600);
        assert_eq!(Duty::ImyBreach.deadline(T, None) - T, 72 * 3600);
        // Notification sent 2026-11-25 07:10 → final report by 2026-12-25 07:10.
        let sent = T + 48 * 3600;
        assert_eq!(Duty::Nis2Final.deadline(T, Some(sent)), sent + 30 * 86_400);
    }

    #[test]
    fn a_month_is_a_calendar_month_even_over_leap_days_and_year_ends() {
        let day = |y, m, d| days_from_civil(y, m, d) * 86_400;
        assert_eq!(add_month(day(2028, 1, 31)), day(2028, 2, 29));
        assert_eq!(add_month(day(2027, 1, 31)), day(2027, 2, 28));
        assert_eq!(add_month(day(2026, 12, 15) + 3600), day(2027, 1, 15) + 3600);
        assert_eq!(civil(days_from_civil(2000, 2, 29)), (2000, 2, 29));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 11, 23) * 86_400 + 7 * 3600 + 600, T);
    }

    #[test]
    fn which_duties_apply_and_an_exercise_has_none() {
        assert!(Duty::Nis2EarlyWarning.applies(true, false, false));
        assert!(!Duty::ImyBreach.applies(true, false, false));
        assert!(Duty::ImyBreach.applies(false, true, false));
        assert!(Duty::ALL.iter().all(|d| !d.applies(true, true, true)), "an exercise never starts a real clock");
    }

    #[test]
    fn a_clock_runs_is_overdue_or_is_sent_on_time_or_late() {
        assert_eq!(clock(100, None, 40), Clock::Running { left: 60 });
        assert_eq!(clock(100, None, 130), Clock::Overdue { by: 30 });
        assert_eq!(clock(100, Some(90), 130), Clock::Sent { at: 90, late: false });
        assert_eq!(clock(100, Some(110), 130), Clock::Sent { at: 110, late: true });
    }
}
