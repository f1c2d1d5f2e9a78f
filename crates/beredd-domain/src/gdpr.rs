//! The record of processing activities (GDPR art. 30.1): the coded legal bases, and what an
//! entry of the register still lacks before a data protection officer can stand behind it.

use crate::classification::LegalFlag;
use crate::text::FieldError;

/// The legal bases of art. 6.1 (a–f), as stored.
pub const LEGAL_BASES: [&str; 6] = ["6.1a", "6.1b", "6.1c", "6.1d", "6.1e", "6.1f"];

/// The exceptions of art. 9.2 (a–j) that allow processing special categories of personal data.
pub const SPECIAL_BASES: [&str; 10] = ["9.2a", "9.2b", "9.2c", "9.2d", "9.2e", "9.2f", "9.2g", "9.2h", "9.2i", "9.2j"];

/// Transfers to a third country (outside the EU/EEA): none, or on which ground of chapter V.
pub const TRANSFERS: [&str; 4] = ["none", "adequacy", "safeguards", "derogation"];

/// The message id of a code's label ("6.1e" → "gdpr-code-6-1e", "none" → "gdpr-code-none").
pub fn label_id(code: &str) -> String {
    format!("gdpr-code-{}", code.replace('.', "-"))
}

/// A code of `list`, or none for an empty field.
pub fn parse_code(list: &[&str], input: &str) -> Result<Option<String>, FieldError> {
    let code = input.trim();
    if code.is_empty() {
        return Ok(None);
    }
    list.iter().find(|c| **c == code).map(|c| Some((*c).to_owned())).ok_or(FieldError::Choice)
}

/// Whether information with these flags is personal data, so belongs in the register.
pub fn holds_personal_data(flags: &[LegalFlag]) -> bool {
    flags.iter().any(|f| {
        matches!(
            f,
            LegalFlag::PersonalData
                | LegalFlag::SensitivePersonalData
                | LegalFlag::Children
                | LegalFlag::PatientData
                | LegalFlag::SocialServicesDocumentation
        )
    })
}

/// Whether it holds special categories of personal data (art. 9.1): health data is one.
pub fn special_categories(flags: &[LegalFlag]) -> bool {
    flags.iter().any(|f| matches!(f, LegalFlag::SensitivePersonalData | LegalFlag::PatientData))
}

/// An entry of the register as far as it is filled in.
#[derive(Debug, Default, Clone)]
pub struct Entry<'a> {
    pub purpose: Option<&'a str>,
    pub legal_basis: Option<&'a str>,
    pub special_basis: Option<&'a str>,
    pub subjects: Option<&'a str>,
    pub data_categories: Option<&'a str>,
    pub recipients: Option<&'a str>,
    pub transfers: Option<&'a str>,
    pub transfer_details: Option<&'a str>,
    pub retention: Option<&'a str>,
    pub has_owner: bool,
    pub classified: bool,
    pub special: bool,
}

/// What an entry lacks, in the order of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Owner,
    Purpose,
    LegalBasis,
    SpecialBasis,
    Subjects,
    DataCategories,
    Recipients,
    Transfers,
    TransferDetails,
    Retention,
    Classification,
}

impl Missing {
    /// The message id of what is missing.
    pub fn label_id(self) -> &'static str {
        match self {
            Missing::Owner => "gdpr-missing-owner",
            Missing::Purpose => "gdpr-purpose",
            Missing::LegalBasis => "gdpr-legal-basis",
            Missing::SpecialBasis => "gdpr-special-basis",
            Missing::Subjects => "gdpr-subjects",
            Missing::DataCategories => "gdpr-data-categories",
            Missing::Recipients => "gdpr-recipients",
            Missing::Transfers => "gdpr-transfers",
            Missing::TransferDetails => "gdpr-transfer-details",
            Missing::Retention => "gdpr-retention",
            Missing::Classification => "gdpr-missing-classification",
        }
    }
}

fn blank(v: Option<&str>) -> bool {
    v.is_none_or(|s| s.trim().is_empty())
}

/// What the entry lacks: every art. 30.1 field, the art. 9.2 exception when it holds special
/// categories, where a transfer goes when there is one, an owner, and a classification (the
/// security measures of art. 30.1 g are the requirements it yields).
pub fn missing(e: &Entry) -> Vec<Missing> {
    let mut out = Vec::new();
    let mut need = |gap: bool, m: Missing| {
        if gap {
            out.push(m);
        }
    };
    need(!e.has_owner, Missing::Owner);
    need(blank(e.purpose), Missing::Purpose);
    need(blank(e.legal_basis), Missing::LegalBasis);
    need(e.special && blank(e.special_basis), Missing::SpecialBasis);
    need(blank(e.subjects), Missing::Subjects);
    need(blank(e.data_categories), Missing::DataCategories);
    need(blank(e.recipients), Missing::Recipients);
    need(blank(e.transfers), Missing::Transfers);
    need(!blank(e.transfers) && e.transfers != Some("none") && blank(e.transfer_details), Missing::TransferDetails);
    need(blank(e.retention), Missing::Retention);
    need(!e.classified, Missing::Classification);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_their_lists_only() {
        assert_eq!(parse_code(&LEGAL_BASES, " 6.1e "), Ok(Some("6.1e".into())));
        assert_eq!(parse_code(&LEGAL_BASES, ""), Ok(None));
        assert_eq!(parse_code(&LEGAL_BASES, "9.2a"), Err(FieldError::Choice));
        assert_eq!(parse_code(&SPECIAL_BASES, "9.2h"), Ok(Some("9.2h".into())));
        assert_eq!(label_id("6.1a"), "gdpr-code-6-1a");
    }

    #[test]
    fn an_empty_entry_lacks_everything_and_a_full_one_nothing() {
        let empty = Entry::default();
        assert_eq!(missing(&empty).len(), 9, "{:?}", missing(&empty));
        let full = Entry {
            purpose: Some("Hemtjänstens dokumentation"),
            legal_basis: Some("6.1e"),
            special_basis: Some("9.2h"),
            subjects: Some("Brukare"),
            data_categories: Some("Hälsa"),
            recipients: Some("IVO"),
            transfers: Some("none"),
            transfer_details: None,
            retention: Some("Gallras efter fem år"),
            has_owner: true,
            classified: true,
            special: true,
        };
        assert!(missing(&full).is_empty());
        let abroad = Entry { transfers: Some("safeguards"), ..full.clone() };
        assert_eq!(missing(&abroad), [Missing::TransferDetails]);
        let no_exception = Entry { special_basis: Some(" "), ..full };
        assert_eq!(missing(&no_exception), [Missing::SpecialBasis]);
    }

    #[test]
    fn health_data_is_a_special_category_and_secrecy_alone_is_not_personal_data() {
        assert!(special_categories(&[LegalFlag::PatientData]));
        assert!(!special_categories(&[LegalFlag::PersonalData]));
        assert!(holds_personal_data(&[LegalFlag::Children]));
        assert!(!holds_personal_data(&[LegalFlag::SecrecyOsl]));
    }
}
