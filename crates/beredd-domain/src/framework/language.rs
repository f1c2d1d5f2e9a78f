//! The language a framework's texts are in, as its file says.

use super::Framework;

impl Framework {
    /// The language of the texts when the file names one other than Swedish (`en`); only a
    /// well-formed language tag (letters, digits and hyphens, starting with two or three letters).
    pub fn foreign_language(&self) -> Option<&str> {
        let l = self.language.as_deref()?;
        let primary = l.split(['-', '_']).next().unwrap_or_default();
        let well_formed = (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_alphabetic())
            && l.len() <= 20
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (well_formed && primary != "sv" && primary != "swe").then_some(l)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{header, node};
    use super::super::{RawHeader, build};

    #[test]
    fn a_framework_in_another_language_than_swedish_says_so() {
        let with = |language: Option<&str>| {
            let h = RawHeader { language: language.map(str::to_owned), ..header() };
            build(h, vec![node(1, "1", None, true)]).unwrap()
        };
        assert_eq!(with(Some(" EN ")).foreign_language(), Some("en"));
        assert_eq!(with(Some("pt-BR")).foreign_language(), Some("pt-br"));
        for same in [None, Some(""), Some("sv"), Some("sv-SE"), Some("SWE")] {
            assert_eq!(with(same).foreign_language(), None, "{same:?}");
        }
        for odd in [Some("e"), Some("engelska"), Some("en\"><x"), Some("12")] {
            assert_eq!(with(odd).foreign_language(), None, "{odd:?} is not a language tag");
        }
    }
}
