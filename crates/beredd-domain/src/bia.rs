//! Business impact analysis (konsekvensanalys): how the harm of an outage grows with its length,
//! and whether a given outage passes the maximum tolerable period of disruption (MTPD).

use crate::text::FieldError;

/// The four moments at which a BIA states the consequence of an outage.
pub const CHECKPOINT_HOURS: [u32; 4] = [1, 24, 24 * 7, 24 * 30];

/// The consequence scale of DOMAIN.md, 0 (none) to 4 (exceptionally serious).
pub fn level(input: i64) -> Result<u8, FieldError> {
    u8::try_from(input).ok().filter(|l| *l <= 4).ok_or(FieldError::Number { min: 0, max: 4 })
}

/// The consequence reached after `hours` of outage: the level stated at the last checkpoint
/// not after `hours`. Before the first checkpoint nothing is stated, so nothing is assumed.
/// Levels left empty in the BIA inherit the one before them (harm never shrinks with time).
pub fn consequence_at(hours: u32, levels: [Option<u8>; 4]) -> Option<u8> {
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

    const LEVELS: [Option<u8>; 4] = [Some(1), Some(2), Some(3), Some(4)];

    #[test]
    fn the_consequence_is_the_one_stated_at_the_last_checkpoint_passed() {
        assert_eq!(consequence_at(0, LEVELS), None);
        assert_eq!(consequence_at(1, LEVELS), Some(1));
        assert_eq!(consequence_at(30, LEVELS), Some(2));
        assert_eq!(consequence_at(24 * 30, LEVELS), Some(4));
        assert_eq!(consequence_at(24 * 365, LEVELS), Some(4));
    }

    #[test]
    fn an_empty_checkpoint_keeps_the_harm_already_reached() {
        assert_eq!(consequence_at(24 * 7, [Some(2), None, None, Some(3)]), Some(2));
        assert_eq!(consequence_at(24 * 7, [Some(3), Some(1), None, None]), Some(3));
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
