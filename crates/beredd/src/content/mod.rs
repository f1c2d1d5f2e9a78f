//! The content under `library/`, embedded in the binary and checked when Beredd starts: the
//! requirement catalogue (with the crosswalk from KLASSA's measure areas), the frameworks, the
//! plan templates, the demo municipality and the words suggested kit passphrases are drawn from;
//! and the record of how the legal references were checked (`legal`, kept whole by its tests).

pub mod catalogue;
pub mod contacts;
pub mod demo;
pub mod frameworks;
pub mod klassa;
pub mod legal;
pub mod passphrase_words;
pub mod plan_templates;
pub mod processing;
pub mod reporting;
pub mod yaml;
