//! Business impact analysis (konsekvensanalys): how the harm of an outage grows with its length,
//! and whether a given outage passes the maximum tolerable period of disruption (MTPD).

use crate::text::FieldError;

/// The moments at which a BIA states the consequence of an outage: an hour, one shift (4 h), a
/// day, three days (72 h, the span of the cybersecurity act's and GDPR's notification deadlines),
/// a week and a month (Kalix was without its systems for about a month).
pub const CHECKPOINT_HOURS: [u32; 6] = [1, 4, 24, 24 * 3, 24 * 7, 24 * 30];

/// The levels stated at each checkpoint, in the order of `CHECKPOINT_HOURS`; `None` when left empty.
pub type Levels = [Option<u8>; CHECKPOINT_HOURS.len()];

/// The consequence scale of DOMAIN.md, 0 (none) to 4 (exceptionally serious).
pub fn level(input: i64) -> Result<u8, FieldError> {
    u8::try_from(input).ok().filter(|l| *l <= 4).ok_or(FieldError::Number { min: 0, max: 4 })
}

/// The consequence reached after `hours` of outage: the level stated at the last checkpoint
/// not after `hours`. Before the first checkpoint nothing is stated, so nothing is assumed.
/// Levels left empty in the BIA inherit the one before them (harm never shrinks with time).
pub fn consequence_at(hours: u32, levels: Levels) -> Option<u8> {
    let mut reached = None;
    for (at, level) in CHECKPOINT_HOURS.iter().zip(levels) {
        if hours < *at {
            break;
        }
        reached = match (reached, level) {
            (Some(r), Some(l)) => Some(l.max(r)),
            (r, l) => l.or(r),
        };
    }
    reached
}

/// An outage longer than the maximum tolerable period is a critical gap.
pub fn exceeds_mtpd(hours: u32, mtpd_hours: Option<u32>) -> bool {
    mtpd_hours.is_some_and(|m| hours > m)
}

/// The recovery time objective must be shorter than the MTPD, or the plan cannot work.
pub fn rto_fits(rto_hours: Option<u32>, mtpd_hours: Option<u32>) -> bool {
    match (rto_hours, mtpd_hours) {
        (Some(r), Some(m)) => r < m,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEVELS: Levels = [Some(0), Some(1), Some(2), Some(3), Some(3), Some(4)];

    #[test]
    fn the_checkpoints_are_an_hour_a_shift_a_day_three_days_a_week_and_a_month() {
        assert_eq!(CHECKPOINT_HOURS, [1, 4, 24, 72, 168, 720]);
    }

    #[test]
    fn the_consequence_is_the_one_stated_at_the_last_checkpoint_passed() {
        assert_eq!(consequence_at(0, LEVELS), None);
        assert_eq!(consequence_at(1, LEVELS), Some(0));
        assert_eq!(consequence_at(4, LEVELS), Some(1));
        assert_eq!(consequence_at(8, LEVELS), Some(1));
        assert_eq!(consequence_at(30, LEVELS), Some(2));
        assert_eq!(consequence_at(72, LEVELS), Some(3));
        assert_eq!(consequence_at(24 * 30, LEVELS), Some(4));
        assert_eq!(consequence_at(24 * 365, LEVELS), Some(4));
    }

    #[test]
    fn an_empty_checkpoint_keeps_the_harm_already_reached() {
        assert_eq!(consequence_at(24 * 7, [Some(2), None, None, None, None, Some(3)]), Some(2));
        assert_eq!(consequence_at(24 * 7, [Some(3), None, Some(1), None, None, None]), Some(3));
    }

    #[test]
    fn an_analysis_made_before_the_shift_and_three_day_checkpoints_reads_as_before() {
        // Rows from before migration 0027 have no level at 4 h and 72 h: the 1 h and 24 h levels
        // carry over, so every outage length gives the consequence it gave before.
        let old = [Some(1), None, Some(2), None, Some(3), Some(4)];
        assert_eq!(consequence_at(4, old), Some(1));
        assert_eq!(consequence_at(72, old), Some(2));
        assert_eq!(consequence_at(24 * 7, old), Some(3));
    }

    #[test]
    fn an_outage_past_the_mtpd_is_a_critical_gap() {
        assert!(exceeds_mtpd(25, Some(24)));
        assert!(!exceeds_mtpd(24, Some(24)));
        assert!(!exceeds_mtpd(1000, None));
    }

    #[test]
    fn the_rto_must_be_shorter_than_the_mtpd() {
        assert!(rto_fits(Some(4), Some(24)));
        assert!(!rto_fits(Some(24), Some(24)));
        assert!(rto_fits(None, Some(24)));
    }

    #[test]
    fn levels_outside_zero_to_four_are_refused() {
        assert_eq!(level(4), Ok(4));
        assert!(level(5).is_err());
        assert!(level(-1).is_err());
    }
}
