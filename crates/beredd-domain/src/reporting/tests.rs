use super::*;

const DAY: i64 = 86_400;

fn at(y: i64, m: u32, d: u32, h: i64, min: i64) -> i64 {
    days_from_civil(y, m, d) * DAY + h * HOUR + min * 60
}

/// Central European time for the tests (summer time from the last Sunday of March to the last
/// Sunday of October, 01:00 UTC). The program itself takes the rules from a time-zone library.
struct Sweden;

impl Zone for Sweden {
    fn offset(&self, utc: i64) -> i64 {
        let (y, _, _) = civil(utc.div_euclid(DAY));
        let last_sunday = |m: u32| {
            let last = days_from_civil(y, m, 31);
            last - (last + 4).rem_euclid(7) // 1970-01-01 was a Thursday
        };
        let (start, end) = (last_sunday(3) * DAY + HOUR, last_sunday(10) * DAY + HOUR);
        if utc >= start && utc < end { 2 * HOUR } else { HOUR }
    }
}

fn facts(aware: i64, now: i64) -> Facts {
    Facts {
        aware,
        significant: true,
        breach: false,
        exercise: false,
        notification_sent: None,
        handled: None,
        interim_requested: None,
        now,
    }
}

const T: i64 = 1_795_417_800; // 2026-11-23T07:10:00Z

#[test]
fn the_first_notice_and_the_notification_fall_due_24_and_72_hours_after_kannedom() {
    let f = facts(T, T);
    assert_eq!(Duty::Nis2EarlyWarning.due(&f, &Sweden), Due::At(T + 24 * HOUR));
    assert_eq!(Duty::Nis2Notification.due(&f, &Sweden), Due::At(T + 72 * HOUR));
    let breach = Facts { breach: true, ..f };
    assert_eq!(Duty::ImyBreach.due(&breach, &Sweden), Due::At(T + 72 * HOUR));
}

#[test]
fn the_final_report_is_due_a_month_after_the_notification_when_the_incident_is_handled_by_then() {
    let sent = T + 48 * HOUR; // 2026-11-25 07:10 UTC
    let f =
        Facts { notification_sent: Some(sent), handled: Some(sent + 10 * DAY), now: sent + 12 * DAY, ..facts(T, 0) };
    assert_eq!(Duty::Nis2Final.due(&f, &Sweden), Due::At(at(2026, 12, 25, 7, 10)));
    assert!(!Duty::Nis2Progress.applies(&f, &Sweden), "handled within the month: no progress report");
    // Before the month is out and with the incident still open, the final report is still
    // shown as due at the month's end, and no progress report yet.
    let open = Facts { handled: None, ..f };
    assert_eq!(Duty::Nis2Final.due(&open, &Sweden), Due::At(at(2026, 12, 25, 7, 10)));
    assert!(!Duty::Nis2Progress.applies(&open, &Sweden));
}

#[test]
fn a_month_long_outage_like_kalix_owes_a_progress_report_not_an_overdue_final_report() {
    // Kännedom 16 December 2021 07:33 svensk tid (06:33 UTC), notification sent two days later,
    // still being handled on 20 January.
    let aware = at(2021, 12, 16, 6, 33);
    let sent = at(2021, 12, 18, 9, 0);
    let f = Facts { notification_sent: Some(sent), now: at(2022, 1, 20, 12, 0), ..facts(aware, 0) };
    assert!(Duty::Nis2Progress.applies(&f, &Sweden));
    assert_eq!(Duty::Nis2Progress.due(&f, &Sweden), Due::At(at(2022, 1, 18, 9, 0)));
    assert_eq!(Duty::Nis2Final.due(&f, &Sweden), Due::AfterHandled);
    assert_eq!(clock(Duty::Nis2Final.due(&f, &Sweden), None, f.now), Clock::Waiting);
    // Handled on 24 January: the final report is due a month after that.
    let handled = Facts { handled: Some(at(2022, 1, 24, 15, 0)), now: at(2022, 1, 25, 8, 0), ..f };
    assert!(Duty::Nis2Progress.applies(&handled, &Sweden), "the progress report stays owed");
    assert_eq!(Duty::Nis2Final.due(&handled, &Sweden), Due::At(at(2022, 2, 24, 15, 0)));
}

#[test]
fn a_month_keeps_the_swedish_time_of_day_across_the_change_to_summer_time() {
    // 10 March 2026 08:00 CET (07:00 UTC) → 10 April 08:00 CEST (06:00 UTC).
    assert_eq!(add_month(at(2026, 3, 10, 7, 0), &Sweden), at(2026, 4, 10, 6, 0));
    // 10 October 08:00 CEST (06:00 UTC) → 10 November 08:00 CET (07:00 UTC).
    assert_eq!(add_month(at(2026, 10, 10, 6, 0), &Sweden), at(2026, 11, 10, 7, 0));
    // In UTC a month is the same time of day.
    assert_eq!(add_month(at(2026, 3, 10, 7, 0), &Utc), at(2026, 4, 10, 7, 0));
}

#[test]
fn the_24_hour_clock_counts_real_hours_over_the_night_summer_time_ends() {
    // Kännedom Saturday 24 October 2026 07:33 CEST = 05:33 UTC. Twenty-four hours later it is
    // 06:33 CET on the Sunday, since the clocks went back an hour in the night.
    let aware = at(2026, 10, 24, 5, 33);
    let Due::At(deadline) = Duty::Nis2EarlyWarning.due(&facts(aware, aware), &Sweden) else { panic!() };
    assert_eq!(deadline, at(2026, 10, 25, 5, 33));
    assert_eq!(Sweden.offset(deadline), HOUR, "shown as 06:33 svensk tid");
}

#[test]
fn a_month_is_a_calendar_month_even_over_leap_days_and_year_ends() {
    let day = |y, m, d| days_from_civil(y, m, d) * DAY;
    assert_eq!(add_month(day(2028, 1, 31), &Utc), day(2028, 2, 29));
    assert_eq!(add_month(day(2027, 1, 31), &Utc), day(2027, 2, 28));
    assert_eq!(add_month(day(2026, 12, 15) + 3600, &Utc), day(2027, 1, 15) + 3600);
    assert_eq!(days_from_civil(2026, 11, 23) * DAY + 7 * 3600 + 600, T);
}

#[test]
fn which_duties_apply_and_an_exercise_has_none() {
    let f = facts(T, T);
    assert!(Duty::Nis2EarlyWarning.applies(&f, &Utc));
    assert!(!Duty::ImyBreach.applies(&f, &Utc));
    assert!(!Duty::Nis2Interim.applies(&f, &Utc), "only when MCF asks");
    assert!(Duty::Nis2Interim.applies(&Facts { interim_requested: Some(T), ..f }, &Utc));
    let breach_only = Facts { significant: false, breach: true, ..f };
    assert!(Duty::ImyBreach.applies(&breach_only, &Utc));
    assert!(!Duty::Nis2Notification.applies(&breach_only, &Utc));
    let exercise = Facts { exercise: true, breach: true, interim_requested: Some(T), now: T + 90 * DAY, ..f };
    assert!(Duty::ALL.iter().all(|d| !d.applies(&exercise, &Utc)), "an exercise never starts a real clock");
}

#[test]
fn a_clock_runs_is_overdue_waits_or_is_sent_on_time_or_late() {
    assert_eq!(clock(Due::At(100), None, 40), Clock::Running { left: 60 });
    assert_eq!(clock(Due::At(100), None, 130), Clock::Overdue { by: 30 });
    assert_eq!(clock(Due::At(100), Some(90), 130), Clock::Sent { at: 90, late: false });
    assert_eq!(clock(Due::At(100), Some(110), 130), Clock::Sent { at: 110, late: true });
    assert_eq!(clock(Due::AfterHandled, None, 130), Clock::Waiting);
    assert_eq!(clock(Due::OnRequest, None, 130), Clock::Requested);
    assert_eq!(clock(Due::OnRequest, Some(120), 130), Clock::Sent { at: 120, late: false });
}

#[test]
fn the_nearest_deadline_is_the_earliest_unsent_duty() {
    let f = Facts { breach: true, ..facts(T, T) };
    assert_eq!(nearest(&f, &Utc, |_| false), Some((Duty::Nis2EarlyWarning, T + 24 * HOUR)));
    let later = nearest(&f, &Utc, |d| d == Duty::Nis2EarlyWarning);
    assert_eq!(later.map(|(_, t)| t), Some(T + 72 * HOUR));
    assert_eq!(nearest(&Facts { exercise: true, ..f }, &Utc, |_| false), None);
}

#[test]
fn every_duty_code_parses_back() {
    for d in Duty::ALL {
        assert_eq!(Duty::parse(d.code()), Some(*d));
        assert!(d.label_id().ends_with(d.code()));
    }
}
