//! Information classification (KLASSA-compatible): four aspects at levels 0–4, legal flags, and
//! the rules that turn them into requirements from a catalogue.

use crate::text::FieldError;

crate::kinds::vocabulary!(
    /// How a classification was made: with Beredd's questions and form, imported from an export
    /// of SKR's KLASSA tool, or a decision made elsewhere recorded as it was.
    Origin, "asset-origin", {
        Beredd => "beredd",
        Klassa => "klassa",
        Manual => "manual",
    }
);

/// The four aspects an information asset is classified on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    /// Konfidentialitet.
    K,
    /// Riktighet.
    R,
    /// Tillgänglighet.
    T,
    /// Spårbarhet.
    S,
}

impl Aspect {
    pub const ALL: [Aspect; 4] = [Aspect::K, Aspect::R, Aspect::T, Aspect::S];
    pub fn code(self) -> &'static str {
        match self {
            Aspect::K => "K",
            Aspect::R => "R",
            Aspect::T => "T",
            Aspect::S => "S",
        }
    }
    pub fn parse(code: &str) -> Result<Aspect, FieldError> {
        Aspect::ALL.into_iter().find(|a| a.code() == code.trim()).ok_or(FieldError::Choice)
    }
    pub fn label_id(self) -> &'static str {
        match self {
            Aspect::K => "aspect-K",
            Aspect::R => "aspect-R",
            Aspect::T => "aspect-T",
            Aspect::S => "aspect-S",
        }
    }
}

/// Laws that add their own requirements when they apply to an asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegalFlag {
    PersonalData,
    SensitivePersonalData,
    Children,
    SecrecyOsl,
    PatientData,
    SocialServicesDocumentation,
}

impl LegalFlag {
    pub const ALL: [LegalFlag; 6] = [
        LegalFlag::PersonalData,
        LegalFlag::SensitivePersonalData,
        LegalFlag::Children,
        LegalFlag::SecrecyOsl,
        LegalFlag::PatientData,
        LegalFlag::SocialServicesDocumentation,
    ];
    pub fn code(self) -> &'static str {
        match self {
            LegalFlag::PersonalData => "personal_data",
            LegalFlag::SensitivePersonalData => "sensitive_personal_data",
            LegalFlag::Children => "children",
            LegalFlag::SecrecyOsl => "secrecy_osl",
            LegalFlag::PatientData => "patient_data",
            LegalFlag::SocialServicesDocumentation => "social_services_documentation",
        }
    }
    pub fn parse(code: &str) -> Result<LegalFlag, FieldError> {
        LegalFlag::ALL.into_iter().find(|f| f.code() == code.trim()).ok_or(FieldError::Choice)
    }
    pub fn label_id(self) -> String {
        format!("flag-{}", self.code())
    }
}

/// A classification: a level 0–4 per aspect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Levels {
    pub k: u8,
    pub r: u8,
    pub t: u8,
    pub s: u8,
}

impl Levels {
    pub fn new(k: u8, r: u8, t: u8, s: u8) -> Result<Levels, FieldError> {
        if [k, r, t, s].iter().all(|l| *l <= 4) {
            Ok(Levels { k, r, t, s })
        } else {
            Err(FieldError::Number { min: 0, max: 4 })
        }
    }
    pub fn get(&self, a: Aspect) -> u8 {
        match a {
            Aspect::K => self.k,
            Aspect::R => self.r,
            Aspect::T => self.t,
            Aspect::S => self.s,
        }
    }
    /// Level 4 is outside ordinary handling: it needs its own analysis (as KLASSA marks it).
    pub fn outside_ordinary_handling(&self) -> bool {
        Aspect::ALL.iter().any(|a| self.get(*a) == 4)
    }
    /// A system must meet the highest level of the assets it holds, per aspect; a system
    /// holding no assets has level 0 everywhere.
    pub fn highest<'a>(assets: impl IntoIterator<Item = &'a Levels>) -> Levels {
        assets.into_iter().fold(Levels::default(), |acc, l| Levels {
            k: acc.k.max(l.k),
            r: acc.r.max(l.r),
            t: acc.t.max(l.t),
            s: acc.s.max(l.s),
        })
    }
}

/// The lowest level whose choice must be justified: from 2 ("betydande") a level brings
/// requirements with it, and whoever reads the classification later must see why it was chosen.
pub const JUSTIFIED_FROM: u8 = 2;

/// Whether a level must come with a justification.
pub fn needs_justification(level: u8) -> bool {
    level >= JUSTIFIED_FROM
}

/// The questionnaire's proposal: per aspect the highest level among the answers given for it
/// (each answer is a consequence on the 0–4 scale), or `None` where nothing was answered.
pub fn propose(answers: &[(Aspect, u8)]) -> [Option<u8>; 4] {
    Aspect::ALL.map(|a| answers.iter().filter(|(x, _)| *x == a).map(|(_, l)| (*l).min(4)).max())
}

/// When a requirement applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    /// To every system, whatever its classification.
    Baseline,
    /// When the level on `aspect` is at least `level` (1–4).
    AtLeast(Aspect, u8),
    /// When any of these legal flags is set.
    AnyFlag(Vec<LegalFlag>),
}

impl Applies {
    pub fn holds(&self, levels: &Levels, flags: &[LegalFlag]) -> bool {
        match self {
            Applies::Baseline => true,
            Applies::AtLeast(aspect, level) => levels.get(*aspect) >= *level,
            Applies::AnyFlag(wanted) => wanted.iter().any(|f| flags.contains(f)),
        }
    }
}

/// The indices of the rules that hold, in catalogue order.
pub fn derive<'a>(rules: impl IntoIterator<Item = &'a Applies>, levels: &Levels, flags: &[LegalFlag]) -> Vec<usize> {
    rules.into_iter().enumerate().filter(|(_, r)| r.holds(levels, flags)).map(|(i, _)| i).collect()
}

/// What a re-classification changes: requirements that appear and that disappear.
pub fn difference(before: &[usize], after: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let appear = after.iter().filter(|i| !before.contains(i)).copied().collect();
    let disappear = before.iter().filter(|i| !after.contains(i)).copied().collect();
    (appear, disappear)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Vec<Applies> {
        vec![
            Applies::Baseline,
            Applies::AtLeast(Aspect::K, 2),
            Applies::AtLeast(Aspect::T, 3),
            Applies::AtLeast(Aspect::K, 4),
            Applies::AnyFlag(vec![LegalFlag::PatientData]),
            Applies::AnyFlag(vec![LegalFlag::Children, LegalFlag::SocialServicesDocumentation]),
        ]
    }

    #[test]
    fn level_zero_everywhere_yields_only_the_baseline() {
        assert_eq!(derive(&catalogue(), &Levels::default(), &[]), vec![0]);
    }

    #[test]
    fn a_level_brings_every_requirement_from_that_level_down() {
        let l = Levels::new(3, 0, 3, 0).unwrap();
        assert_eq!(derive(&catalogue(), &l, &[]), vec![0, 1, 2]);
    }

    #[test]
    fn level_four_brings_its_own_requirements_and_is_flagged() {
        let l = Levels::new(4, 0, 0, 0).unwrap();
        assert_eq!(derive(&catalogue(), &l, &[]), vec![0, 1, 3]);
        assert!(l.outside_ordinary_handling());
        assert!(!Levels::new(3, 3, 3, 3).unwrap().outside_ordinary_handling());
    }

    #[test]
    fn a_flag_without_levels_still_brings_the_law_s_requirements() {
        assert_eq!(derive(&catalogue(), &Levels::default(), &[LegalFlag::PatientData]), vec![0, 4]);
        assert_eq!(derive(&catalogue(), &Levels::default(), &[LegalFlag::SocialServicesDocumentation]), vec![0, 5]);
    }

    #[test]
    fn a_system_holding_no_assets_is_level_zero() {
        assert_eq!(Levels::highest(&[]), Levels::default());
    }

    #[test]
    fn a_system_takes_the_highest_level_per_aspect_of_its_assets() {
        let a = Levels::new(3, 1, 0, 2).unwrap();
        let b = Levels::new(1, 2, 4, 0).unwrap();
        assert_eq!(Levels::highest(&[a, b]), Levels::new(3, 2, 4, 2).unwrap());
    }

    #[test]
    fn the_questionnaire_proposes_the_worst_consequence_per_aspect() {
        let answers = [(Aspect::T, 1), (Aspect::T, 3), (Aspect::K, 2)];
        assert_eq!(propose(&answers), [Some(2), None, Some(3), None]);
        assert_eq!(propose(&[]), [None, None, None, None]);
    }

    #[test]
    fn levels_outside_zero_to_four_are_refused() {
        assert!(Levels::new(5, 0, 0, 0).is_err());
    }

    #[test]
    fn a_reclassification_shows_what_appears_and_disappears() {
        let before = derive(&catalogue(), &Levels::new(2, 0, 0, 0).unwrap(), &[]);
        let after = derive(&catalogue(), &Levels::new(0, 0, 3, 0).unwrap(), &[]);
        assert_eq!(difference(&before, &after), (vec![2], vec![1]));
    }
}
