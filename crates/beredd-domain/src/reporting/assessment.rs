//! The judgements an incident calls for, each a decision someone takes and the log keeps: when the
//! municipality fick kännedom, whether the incident is significant, whether it is a personal-data
//! breach, and the assessments with no clock (lex Maria, lex Sarah, police report, extraordinary
//! event, reports to the county and the region). The latest decision of a kind is the one in force.

use crate::text::FieldError;

crate::kinds::vocabulary!(
    /// What is judged. The Fluent messages `assessment-<code>` (the question),
    /// `assessment-<code>-basis` (the rule) and `assessment-<code>-who` (who judges) describe it.
    AssessmentKind, "assessment", {
        Aware => "aware",
        Significant => "significant",
        PersonalData => "personal_data",
        DataSubjects => "data_subjects",
        InterimRequest => "interim_request",
        Handled => "handled",
        LexMaria => "lex_maria",
        LexSarah => "lex_sarah",
        Police => "police",
        Extraordinary => "extraordinary",
        County => "county",
        Region => "region",
    }
);

crate::kinds::vocabulary!(
    /// The result of a yes-or-no judgement; a personal-data breach may also be one that is
    /// unlikely to result in a risk (documented, not notified: GDPR art. 33.1 and 33.5).
    Outcome, "outcome", {
        Yes => "yes",
        No => "no",
        UnlikelyRisk => "unlikely_risk",
    }
);

impl AssessmentKind {
    /// The judgements that start or stop the reporting clocks, shown first.
    pub const CLOCKS: &'static [AssessmentKind] = &[
        AssessmentKind::Aware,
        AssessmentKind::Significant,
        AssessmentKind::PersonalData,
        AssessmentKind::DataSubjects,
        AssessmentKind::InterimRequest,
        AssessmentKind::Handled,
    ];

    /// Whether the decision is about a moment (kännedom, handled, MCF's request) rather than a
    /// yes or no.
    pub fn timed(self) -> bool {
        matches!(self, AssessmentKind::Aware | AssessmentKind::Handled | AssessmentKind::InterimRequest)
    }

    /// The outcomes a person chooses between; none for a timed decision.
    pub fn outcomes(self) -> &'static [Outcome] {
        match self {
            AssessmentKind::PersonalData => &[Outcome::Yes, Outcome::UnlikelyRisk, Outcome::No],
            k if k.timed() => &[],
            _ => &[Outcome::Yes, Outcome::No],
        }
    }

    /// Checks a decision's outcome against the kind: a timed decision has none, any other one of
    /// its own.
    pub fn check(self, outcome: Option<Outcome>) -> Result<Option<Outcome>, FieldError> {
        match outcome {
            None if self.timed() => Ok(None),
            Some(o) if self.outcomes().contains(&o) => Ok(Some(o)),
            _ => Err(FieldError::Choice),
        }
    }

    /// The Fluent message id of an outcome's text for this kind, e.g. "Betydande incident".
    pub fn outcome_id(self, outcome: Option<Outcome>) -> String {
        match outcome {
            Some(o) => format!("{}-{}", self.label_id(), o.code()),
            None => format!("{}-done", self.label_id()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timed_decisions_have_no_outcome_and_the_others_only_their_own() {
        assert_eq!(AssessmentKind::Aware.check(None), Ok(None));
        assert_eq!(AssessmentKind::Aware.check(Some(Outcome::Yes)), Err(FieldError::Choice));
        assert_eq!(AssessmentKind::Significant.check(None), Err(FieldError::Choice));
        assert_eq!(AssessmentKind::Significant.check(Some(Outcome::UnlikelyRisk)), Err(FieldError::Choice));
        assert_eq!(AssessmentKind::PersonalData.check(Some(Outcome::UnlikelyRisk)), Ok(Some(Outcome::UnlikelyRisk)));
        assert_eq!(AssessmentKind::LexMaria.check(Some(Outcome::No)), Ok(Some(Outcome::No)));
    }

    #[test]
    fn every_kind_is_either_a_clock_decision_or_one_without_a_clock_and_has_outcome_texts() {
        for k in AssessmentKind::ALL {
            assert_eq!(AssessmentKind::parse(k.code()), Ok(*k));
            let ids: Vec<String> = if k.timed() {
                vec![k.outcome_id(None)]
            } else {
                k.outcomes().iter().map(|o| k.outcome_id(Some(*o))).collect()
            };
            assert!(ids.iter().all(|id| id.starts_with("assessment-")), "{ids:?}");
        }
        assert_eq!(AssessmentKind::Significant.outcome_id(Some(Outcome::Yes)), "assessment-significant-yes");
    }
}
