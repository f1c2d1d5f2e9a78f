//! Risk arithmetic: likelihood and consequence on scales of 2–6 steps (the default 1–4), the risk
//! value as their product, and the level it falls in relative to the largest value the scales
//! allow. The default scale's words live in the Fluent files (`risk-likelihood-N`,
//! `risk-consequence-N`); an organisation can set its own (`scale_lines`).

use crate::text::FieldError;

/// The highest step of the default scale.
pub const STEPS: u8 = 4;

/// The fewest and most steps a scale may have.
pub const MIN_STEPS: u8 = 2;
pub const MAX_STEPS: u8 = 6;

/// A value on the default scale, 1..=STEPS.
pub fn step(input: &str) -> Result<u8, FieldError> {
    step_of(input, STEPS)
}

/// A value on a scale of `steps` steps.
pub fn step_of(input: &str, steps: u8) -> Result<u8, FieldError> {
    match input.trim().parse::<u8>() {
        Ok(n) if (1..=steps).contains(&n) => Ok(n),
        _ => Err(FieldError::Number { min: 1, max: i64::from(steps) }),
    }
}

/// The two scales a risk is placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    Likelihood,
    Consequence,
}

impl Axis {
    pub const ALL: [Axis; 2] = [Axis::Likelihood, Axis::Consequence];

    /// The stable code stored with an organisation's own scale (and the form field's name).
    pub fn code(self) -> &'static str {
        match self {
            Axis::Likelihood => "likelihood",
            Axis::Consequence => "consequence",
        }
    }

    pub fn parse(code: &str) -> Result<Axis, crate::text::FieldError> {
        Axis::ALL.into_iter().find(|a| a.code() == code.trim()).ok_or(crate::text::FieldError::Choice)
    }
}

crate::kinds::stored_code!(Axis);

/// One step of a scale: its label and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleStep {
    pub label: String,
    pub description: Option<String>,
}

/// A scale written one step per line, lowest first: `Label | what it means`. Blank lines are
/// skipped; an error names its line.
pub fn scale_lines(input: &str) -> Result<Vec<ScaleStep>, FieldError> {
    let mut out = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let at = |e: FieldError| FieldError::Line { line: i + 1, error: Box::new(e) };
        // A label is shown in every risk matrix and stored as text; PostgreSQL refuses a NUL.
        if line.chars().any(char::is_control) {
            return Err(at(FieldError::ControlChars));
        }
        let (label, description) = match line.split_once('|') {
            Some((l, d)) => (l.trim(), Some(d.trim()).filter(|d| !d.is_empty())),
            None => (line, None),
        };
        if label.is_empty() {
            return Err(at(FieldError::Required));
        }
        if label.chars().count() > 60 {
            return Err(at(FieldError::TooLong { max: 60 }));
        }
        if description.is_some_and(|d| d.chars().count() > 300) {
            return Err(at(FieldError::TooLong { max: 300 }));
        }
        out.push(ScaleStep { label: label.to_owned(), description: description.map(str::to_owned) });
    }
    if out.len() < usize::from(MIN_STEPS) {
        return Err(FieldError::TooFewLines { min: usize::from(MIN_STEPS) });
    }
    if out.len() > usize::from(MAX_STEPS) {
        return Err(FieldError::TooManyLines { max: usize::from(MAX_STEPS) });
    }
    Ok(out)
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
    /// On the default 4 × 4 matrix: 1–3 low, 4–6 medium, 8–9 high, 12–16 critical.
    pub fn of(likelihood: u8, consequence: u8) -> Level {
        Level::scaled(likelihood, consequence, STEPS, STEPS)
    }

    /// On any matrix: the value's share of the largest value the scales allow, with the same
    /// cut points as the default matrix (3, 6 and 9 sixteenths).
    pub fn scaled(likelihood: u8, consequence: u8, likelihood_steps: u8, consequence_steps: u8) -> Level {
        let value = u32::from(likelihood) * u32::from(consequence) * 16;
        let max = u32::from(likelihood_steps.max(1)) * u32::from(consequence_steps.max(1));
        if value <= 3 * max {
            Level::Low
        } else if value <= 6 * max {
            Level::Medium
        } else if value <= 9 * max {
            Level::High
        } else {
            Level::Critical
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

crate::kinds::vocabulary!(
    /// What is decided about a risk.
    RiskDecision, "risk-decision", {
        Treat => "treat",
        Accept => "accept",
        Avoid => "avoid",
        Transfer => "transfer",
    }
);

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
    fn other_scales_keep_the_same_shares() {
        // 5 × 5: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical.
        assert_eq!(Level::scaled(2, 2, 5, 5), Level::Low);
        assert_eq!(Level::scaled(1, 5, 5, 5), Level::Medium);
        assert_eq!(Level::scaled(3, 3, 5, 5), Level::Medium);
        assert_eq!(Level::scaled(2, 5, 5, 5), Level::High);
        assert_eq!(Level::scaled(3, 5, 5, 5), Level::Critical);
        // 3 × 3: 1 low, 2–3 medium, 4 high, 6–9 critical.
        assert_eq!(Level::scaled(1, 1, 3, 3), Level::Low);
        assert_eq!(Level::scaled(1, 3, 3, 3), Level::Medium);
        assert_eq!(Level::scaled(2, 2, 3, 3), Level::High);
        assert_eq!(Level::scaled(2, 3, 3, 3), Level::Critical);
        // The default matrix is the 4 × 4 case.
        for l in 1..=4 {
            for c in 1..=4 {
                assert_eq!(Level::of(l, c), Level::scaled(l, c, 4, 4));
            }
        }
        assert_eq!(step_of("5", 5), Ok(5));
        assert_eq!(step_of("6", 5), Err(FieldError::Number { min: 1, max: 5 }));
    }

    #[test]
    fn a_scale_is_read_one_step_per_line() {
        let s = scale_lines("Sällan | Högst vart tionde år\n\nIbland\nOfta | Varje år").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], ScaleStep { label: "Sällan".into(), description: Some("Högst vart tionde år".into()) });
        assert_eq!(s[1].description, None);
        assert_eq!(scale_lines("En"), Err(FieldError::TooFewLines { min: 2 }));
        assert_eq!(scale_lines("a\nb\nc\nd\ne\nf\ng"), Err(FieldError::TooManyLines { max: 6 }));
        assert_eq!(
            scale_lines("Låg\n | bara text"),
            Err(FieldError::Line { line: 2, error: Box::new(FieldError::Required) })
        );
    }

    #[test]
    fn a_step_is_one_to_four() {
        assert_eq!(step("3"), Ok(3));
        assert_eq!(step("0"), Err(FieldError::Number { min: 1, max: 4 }));
        assert_eq!(step("5"), Err(FieldError::Number { min: 1, max: 4 }));
        assert_eq!(step("x"), Err(FieldError::Number { min: 1, max: 4 }));
    }
}
