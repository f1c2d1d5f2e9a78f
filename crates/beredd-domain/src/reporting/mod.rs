//! The reporting duties of an incident and when each falls due.
//!
//! Under the Swedish cybersecurity act, cybersäkerhetslagen (2025:1506), a significant incident
//! is reported to the CSIRT unit, which is Myndigheten för civilt försvar (MCF)
//! (cybersäkerhetsförordningen (2025:1507) 6 and 31 §§), counted from when the municipality
//! *fick kännedom* of it: the first notice within 24 hours (2 kap. 5 §), the incident
//! notification within 72 hours (6 §), an interim report when MCF asks for one (7 §), and one
//! month after the notification a final report, or, when the incident is still being handled
//! then, a progress report then and the final report within a month after it has been handled
//! (8 §). A personal-data breach is notified to IMY without undue delay and where feasible within
//! 72 hours of becoming aware of it, unless it is unlikely to result in a risk (GDPR art. 33).
//!
//! Times are seconds since 1970 (UTC). A month is a calendar month where the people who report
//! live, so the rules take the zone's offset as a function (see [`Zone`]).

pub mod assessment;

pub use assessment::{AssessmentKind, Outcome};

use crate::civil::{civil, days_from_civil, days_in_month};

const HOUR: i64 = 3600;

/// One duty to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duty {
    Nis2EarlyWarning,
    Nis2Notification,
    Nis2Interim,
    Nis2Progress,
    Nis2Final,
    ImyBreach,
}

/// The time zone deadlines are counted in: the offset from UTC, in seconds, at a UTC instant.
pub trait Zone {
    fn offset(&self, utc: i64) -> i64;
}

/// UTC itself, for rules that need no zone.
pub struct Utc;

impl Zone for Utc {
    fn offset(&self, _: i64) -> i64 {
        0
    }
}

/// What the duties are counted from: the decisions taken and the reports sent so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// When the municipality fick kännedom of the incident.
    pub aware: i64,
    /// Decided to be a significant incident under 2 kap. 5 § second paragraph.
    pub significant: bool,
    /// A personal-data breach that must be notified (not one unlikely to result in a risk).
    pub breach: bool,
    pub exercise: bool,
    /// When the incident notification (2 kap. 6 §) was sent.
    pub notification_sent: Option<i64>,
    /// When the incident was decided to be handled.
    pub handled: Option<i64>,
    /// When MCF asked for an interim report (2 kap. 7 §).
    pub interim_requested: Option<i64>,
    pub now: i64,
}

/// When a duty falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    At(i64),
    /// A month after the incident has been handled, which it has not been yet.
    AfterHandled,
    /// When MCF asked for it; the law sets no time.
    OnRequest,
}

impl Duty {
    pub const ALL: &'static [Duty] = &[
        Duty::Nis2EarlyWarning,
        Duty::Nis2Notification,
        Duty::Nis2Interim,
        Duty::Nis2Progress,
        Duty::Nis2Final,
        Duty::ImyBreach,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Duty::Nis2EarlyWarning => "nis2_early_warning",
            Duty::Nis2Notification => "nis2_notification",
            Duty::Nis2Interim => "nis2_interim",
            Duty::Nis2Progress => "nis2_progress",
            Duty::Nis2Final => "nis2_final",
            Duty::ImyBreach => "imy_breach",
        }
    }

    pub fn parse(code: &str) -> Option<Duty> {
        Duty::ALL.iter().copied().find(|d| d.code() == code)
    }

    /// The Fluent message id of its label.
    pub fn label_id(self) -> &'static str {
        match self {
            Duty::Nis2EarlyWarning => "duty-nis2_early_warning",
            Duty::Nis2Notification => "duty-nis2_notification",
            Duty::Nis2Interim => "duty-nis2_interim",
            Duty::Nis2Progress => "duty-nis2_progress",
            Duty::Nis2Final => "duty-nis2_final",
            Duty::ImyBreach => "duty-imy_breach",
        }
    }

    /// MCF or IMY.
    pub fn to_mcf(self) -> bool {
        self != Duty::ImyBreach
    }

    /// Whether the duty applies to the incident as decided so far. An exercise has none; the
    /// progress report only when the incident is still being handled at the month's end.
    pub fn applies(self, f: &Facts, zone: &dyn Zone) -> bool {
        if f.exercise {
            return false;
        }
        match self {
            Duty::ImyBreach => f.breach,
            Duty::Nis2Interim => f.significant && f.interim_requested.is_some(),
            Duty::Nis2Progress => f.significant && still_handled_at(f, month_point(f, zone)),
            _ => f.significant,
        }
    }

    pub fn due(self, f: &Facts, zone: &dyn Zone) -> Due {
        match self {
            Duty::Nis2EarlyWarning => Due::At(f.aware + 24 * HOUR),
            Duty::Nis2Notification | Duty::ImyBreach => Due::At(f.aware + 72 * HOUR),
            Duty::Nis2Interim => Due::OnRequest,
            Duty::Nis2Progress => Due::At(month_point(f, zone)),
            Duty::Nis2Final => {
                let month = month_point(f, zone);
                match f.handled {
                    Some(h) if h > month => Due::At(add_month(h, zone)),
                    None if f.now > month => Due::AfterHandled,
                    _ => Due::At(month),
                }
            }
        }
    }
}

/// One month after the incident notification; until it is sent, after its own deadline.
fn month_point(f: &Facts, zone: &dyn Zone) -> i64 {
    add_month(f.notification_sent.unwrap_or(f.aware + 72 * HOUR), zone)
}

fn still_handled_at(f: &Facts, at: i64) -> bool {
    match f.handled {
        Some(h) => h > at,
        None => f.now > at,
    }
}

/// Where a duty stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Sent {
        at: i64,
        late: bool,
    },
    Running {
        left: i64,
    },
    Overdue {
        by: i64,
    },
    /// Due a month after the incident is handled.
    Waiting,
    /// Asked for, with no time in the law.
    Requested,
}

pub fn clock(due: Due, sent: Option<i64>, now: i64) -> Clock {
    match (due, sent) {
        (Due::At(deadline), Some(at)) => Clock::Sent { at, late: at > deadline },
        (_, Some(at)) => Clock::Sent { at, late: false },
        (Due::At(deadline), None) if now <= deadline => Clock::Running { left: deadline - now },
        (Due::At(deadline), None) => Clock::Overdue { by: now - deadline },
        (Due::AfterHandled, None) => Clock::Waiting,
        (Due::OnRequest, None) => Clock::Requested,
    }
}

/// The nearest deadline among the duties that apply and are not yet sent, if any has a time.
pub fn nearest(f: &Facts, zone: &dyn Zone, sent: impl Fn(Duty) -> bool) -> Option<(Duty, i64)> {
    Duty::ALL
        .iter()
        .filter(|d| d.applies(f, zone) && !sent(**d))
        .filter_map(|d| match d.due(f, zone) {
            Due::At(t) => Some((*d, t)),
            _ => None,
        })
        .min_by_key(|(_, t)| *t)
}

/// The same time of day one calendar month later where the zone's people live; the 31st becomes
/// the month's last day.
pub fn add_month(t: i64, zone: &dyn Zone) -> i64 {
    let local = t + zone.offset(t);
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil(days);
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let later = days_from_civil(y, m, d.min(days_in_month(y, m))) * 86_400 + secs;
    // The offset a month later may differ (summer time): take the one in force then.
    let guess = later - zone.offset(later - zone.offset(t));
    later - zone.offset(guess)
}

#[cfg(test)]
mod tests;
