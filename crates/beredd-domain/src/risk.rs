//! Risk arithmetic: likelihood and consequence on a 1–4 scale, the risk value as their product,
//! and the level it falls in. The default scale's words live in the Fluent files
//! (`risk-likelihood-N`, `risk-consequence-N`).

use crate::text::FieldError;

/// The highest step of the default scale.
pub const STEPS: u8 = 4;

/// A value on a scale, 1..=STEPS.
pub fn step(input: &str) -> Result<u8, FieldError> {
    match input.trim().parse::<u8>() {
        Ok(n) if (1..=STEPS).contains(&n) => Ok(n),
        _ => Err(FieldError::Number { min: 1, max: i64::from(STEPS) }),
    }
}

/// How serious a risk value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    /// 1–3 low, 4–6 medium, 8–9 high, 12–16 critical (on the 4 × 4 matrix).
    pub fn of(likelihood: u8, consequence: u8) -> Level {
        match u16::from(likelihood) * u16::from(consequence) {
            0..=3 => Level::Low,
            4..=6 => Level::Medium,
            7..=9 => Level::High,
            _ => Level::Critical,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

/// What is decided about a risk.
pub const DECISIONS: &[&str] = &["treat", "accept", "avoid", "transfer"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_the_product_and_falls_in_a_level() {
        assert_eq!(Level::of(1, 1), Level::Low);
        assert_eq!(Level::of(1, 3), Level::Low);
        assert_eq!(Level::of(2, 2), Level::Medium);
        assert_eq!(Level::of(2, 3), Level::Medium);
        assert_eq!(Level::of(2, 4), Level::High);
        assert_eq!(Level::of(3, 3), Level::High);
        assert_eq!(Level::of(3, 4), Level::Critical);
        assert_eq!(Level::of(4, 4), Level::Critical);
        assert!(Level::of(4, 4) > Level::of(1, 2));
    }

    #[test]
    fn a_step_is_one_to_four() {
        assert_eq!(step("3"), Ok(3));
        assert_eq!(step("0"), Err(FieldError::Number { min: 1, max: 4 }));
        assert_eq!(step("5"), Err(FieldError::Number { min: 1, max: 4 }));
        assert_eq!(step("x"), Err(FieldError::Number { min: 1, max: 4 }));
    }
}
