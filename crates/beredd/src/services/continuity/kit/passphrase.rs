//! The passphrase a kit is made with: the rule of `beredd_domain::passphrase`, with the
//! organisation's name among what is guessed first, and a suggested passphrase of five words
//! drawn by the server from `library/passphrase/ord.txt`.

use beredd_domain::FieldError;
use beredd_domain::passphrase::{self, Strength};
use rand::seq::IndexedRandom;

use crate::content::passphrase_words;
use crate::platform::db::DbError;
use crate::store::orgs;

/// How many words a suggestion has.
pub const SUGGESTED_WORDS: usize = 5;

/// The rule for one organisation.
pub struct Rule {
    org_name: String,
}

impl Rule {
    pub async fn load(pool: &sqlx::AnyPool, org: i64) -> Result<Rule, DbError> {
        Ok(Rule::for_org(orgs::get(pool, org).await?.map(|o| o.name).unwrap_or_default()))
    }
    pub fn for_org(org_name: impl Into<String>) -> Rule {
        Rule { org_name: org_name.into() }
    }
    /// Whether the passphrase may be used, and how strong it is.
    pub fn check(&self, pass: &str) -> Result<Strength, FieldError> {
        passphrase::check(pass, &[&self.org_name])
    }
}

/// A suggested passphrase: five words of the list joined by hyphens, chosen with the thread's
/// cryptographically secure generator (ChaCha, seeded and reseeded from the operating system).
/// Never stored.
pub fn suggest() -> String {
    let words = passphrase_words::words();
    let mut rng = rand::rng();
    let mut picked: Vec<&str> = Vec::with_capacity(SUGGESTED_WORDS);
    while picked.len() < SUGGESTED_WORDS {
        let w = *words.choose(&mut rng).expect("the word list is not empty");
        if !picked.contains(&w) {
            picked.push(w);
        }
    }
    picked.join("-")
}

/// About how many bits of guessing a suggestion carries: log2 of the number of ordered
/// choices of five different words.
pub fn suggestion_bits() -> u32 {
    let n = passphrase_words::words().len() as f64;
    (0..SUGGESTED_WORDS).map(|i| (n - i as f64).log2()).sum::<f64>().floor() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggestion_meets_the_rule_and_they_differ() {
        let rule = Rule::for_org("Exempelkommun");
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2_000 {
            let s = suggest();
            assert_eq!(s.split('-').count(), SUGGESTED_WORDS, "{s}");
            assert_eq!(rule.check(&s), Ok(Strength::Strong), "{s}");
            seen.insert(s);
        }
        assert_eq!(seen.len(), 2_000, "no suggestion twice in 2 000");
        assert!((45..=46).contains(&suggestion_bits()), "{}", suggestion_bits());
    }

    #[test]
    fn the_organisations_name_is_guessed_first() {
        let rule = Rule::for_org("Björkby kommun");
        assert_eq!(rule.check("Björkby kommun 2026!"), Err(FieldError::PassphraseGuessable));
        assert_eq!(rule.check("björkby-2026-kommun!"), Err(FieldError::PassphraseGuessable));
    }
}
