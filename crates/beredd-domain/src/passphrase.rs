//! The rule for the passphrase an offline crisis kit is encrypted under (security review F6.3).
//! A kit travels as an e-mail attachment or on a USB stick, so whoever gets a copy can guess
//! offline for as long as they like; the rule keeps out what is guessed first. A passphrase must
//! have at least four different words (separated by spaces or hyphens, each with at least two
//! letters) or at least sixteen characters, must not repeat one character, word or pattern, and
//! must keep at least eight characters once the organisation's name, common passwords, seasons,
//! keyboard rows, alphabet runs and digits are taken away.

use crate::text::FieldError;

/// The fewest different words a passphrase may have, unless it is long enough in characters.
pub const MIN_WORDS: usize = 4;
/// The fewest characters a passphrase of fewer words may have.
pub const MIN_CHARS: usize = 16;
/// The most characters a passphrase may have (the checks below look at every pair of words).
pub const MAX_CHARS: usize = 200;
/// The words of a strong passphrase (what the page suggests), and the length and rest of a
/// strong phrase of fewer words.
const STRONG_WORDS: usize = 5;
const STRONG_CHARS: usize = 24;
const STRONG_REST: usize = 16;
/// What must be left when the guessable parts are taken away.
const MIN_REST: usize = 8;
/// The fewest different letters and digits.
const MIN_DISTINCT: usize = 5;

/// How strong an accepted passphrase is, for the hint beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Meets the rule; more words would make it stronger.
    Acceptable,
    /// Five different words or more, or a long phrase with little to guess in it.
    Strong,
}

/// What is tried first: common passwords and the words people build them from. Compared with the
/// phrase in lower case with everything but letters and digits removed.
const GUESSED: &[&str] = &[
    "lösenfras",
    "losenfras",
    "lösenord",
    "losenord",
    "password",
    "passw0rd",
    "passord",
    "passwort",
    "hemligt",
    "hemlig",
    "välkommen",
    "valkommen",
    "krispärmen",
    "krispärmar",
    "krispärm",
    "krisparm",
    "krislådan",
    "krislådor",
    "krislåda",
    "krislada",
    "beredskap",
    "beredd",
    "kommunen",
    "kommun",
    "admin",
    "sommar",
    "vinter",
    "hösten",
    "höst",
    "våren",
    "sverige",
    "letmein",
    "iloveyou",
    "jagälskardig",
];

/// Runs that are typed without thinking; four or more characters of one of them (either way) are
/// taken away.
const RUNS: &[&str] =
    &["abcdefghijklmnopqrstuvwxyzåäö", "0123456789", "qwertyuiopå", "asdfghjklöä", "zxcvbnm", "1qaz2wsx3edc"];

fn letters_and_digits(s: &str) -> Vec<char> {
    s.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()).collect()
}

/// The words of a phrase: its parts between spaces and hyphens, in lower case.
fn tokens(pass: &str) -> Vec<String> {
    pass.split(|c: char| c.is_whitespace() || c == '-').filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// The different words of at least two letters.
fn words(tokens: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for t in tokens {
        if t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !out.contains(&t.as_str()) {
            out.push(t);
        }
    }
    out
}

/// Whether the text is one shorter piece said again and again ("hejhejhej", "abababab").
fn repeats_a_pattern(s: &[char]) -> bool {
    (1..=s.len() / 2).any(|p| s.iter().enumerate().all(|(i, c)| *c == s[i % p]))
}

/// Removes every occurrence of `part` from `s`.
fn remove(s: &mut Vec<char>, part: &[char]) {
    if part.is_empty() {
        return;
    }
    let mut i = 0;
    while i + part.len() <= s.len() {
        if s[i..i + part.len()] == *part {
            s.drain(i..i + part.len());
        } else {
            i += 1;
        }
    }
}

/// Removes every run of four or more characters that follow each other in one of `RUNS`.
fn remove_runs(s: &mut Vec<char>) {
    let runs: Vec<Vec<char>> =
        RUNS.iter().flat_map(|r| [r.chars().collect::<Vec<_>>(), r.chars().rev().collect::<Vec<_>>()]).collect();
    let mut i = 0;
    while i < s.len() {
        let longest = runs
            .iter()
            .filter_map(|run| {
                let start = run.iter().position(|c| *c == s[i])?;
                Some(run[start..].iter().zip(&s[i..]).take_while(|(a, b)| a == b).count())
            })
            .max()
            .unwrap_or(0);
        if longest >= 4 {
            s.drain(i..i + longest);
        } else {
            i += 1;
        }
    }
}

/// What is left of the phrase when the guessable parts are taken away: the names in `avoid`
/// (the organisation's name and its words), the common passwords, runs and digits.
fn rest(pass: &str, avoid: &[&str]) -> Vec<char> {
    let mut s = letters_and_digits(pass);
    let mut parts: Vec<Vec<char>> = avoid
        .iter()
        .flat_map(|a| {
            let whole = letters_and_digits(a);
            let words = tokens(a).into_iter().map(|w| letters_and_digits(&w)).filter(|w| w.len() >= 4);
            std::iter::once(whole).chain(words).collect::<Vec<_>>()
        })
        .chain(GUESSED.iter().map(|g| g.chars().collect()))
        .filter(|p| !p.is_empty())
        .collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in &parts {
        remove(&mut s, p);
    }
    remove_runs(&mut s);
    s.retain(|c| !c.is_ascii_digit());
    s
}

/// Checks a passphrase against the rule. `avoid` holds what else is easy to guess here: the
/// organisation's name, whose words of four letters or more count on their own too.
pub fn check(pass: &str, avoid: &[&str]) -> Result<Strength, FieldError> {
    let trimmed = pass.trim();
    let chars = trimmed.chars().count();
    if chars > MAX_CHARS {
        return Err(FieldError::TooLong { max: MAX_CHARS });
    }
    let tokens = tokens(trimmed);
    let words = words(&tokens);
    if words.len() < MIN_WORDS && chars < MIN_CHARS {
        return Err(FieldError::PassphraseShort);
    }
    let all = letters_and_digits(trimmed);
    let mut distinct = all.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let most_used = tokens.iter().map(|t| tokens.iter().filter(|u| *u == t).count()).max().unwrap_or(0);
    if distinct.len() < MIN_DISTINCT || repeats_a_pattern(&all) || (tokens.len() >= 2 && most_used * 2 > tokens.len()) {
        return Err(FieldError::PassphraseRepetitive);
    }
    let rest = rest(trimmed, avoid);
    if rest.len() < MIN_REST {
        return Err(FieldError::PassphraseGuessable);
    }
    if words.len() >= STRONG_WORDS || (chars >= STRONG_CHARS && rest.len() >= STRONG_REST) {
        Ok(Strength::Strong)
    } else {
        Ok(Strength::Acceptable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &[&str] = &["Exempelkommun"];

    #[test]
    fn four_words_or_sixteen_characters() {
        assert_eq!(check("blå traktor sjunger i snön", ORG), Ok(Strength::Strong));
        assert_eq!(check("hav-skog-lampa-kaffe", ORG), Ok(Strength::Acceptable));
        assert_eq!(check("Korvgubben7Trappa", ORG), Ok(Strength::Acceptable), "17 characters, one word");
        assert_eq!(check("tre ord bara", ORG), Err(FieldError::PassphraseShort));
        assert_eq!(check("kort-fras12", ORG), Err(FieldError::PassphraseShort));
        // One-letter parts are no words: "a b c d" is four parts but no four words.
        assert_eq!(check("a b c d e", ORG), Err(FieldError::PassphraseShort));
        assert_eq!(check("  ", ORG), Err(FieldError::PassphraseShort));
        assert_eq!(check(&"ord ".repeat(60), ORG), Err(FieldError::TooLong { max: MAX_CHARS }));
    }

    #[test]
    fn a_repeated_character_word_or_pattern_is_refused() {
        assert_eq!(check("aaaaaaaaaaaaaaaaaaaa", ORG), Err(FieldError::PassphraseRepetitive));
        assert_eq!(check("hej hej hej hej hej", ORG), Err(FieldError::PassphraseRepetitive));
        assert_eq!(check("kaffe kaffe kaffe te", ORG), Err(FieldError::PassphraseRepetitive));
        assert_eq!(check("abababababababababab", ORG), Err(FieldError::PassphraseRepetitive));
        assert_eq!(check("hopp-lek-hopp-lek-hopp-lek", ORG), Err(FieldError::PassphraseRepetitive));
    }

    #[test]
    fn what_is_guessed_first_is_refused() {
        for pass in [
            "Exempelkommun2026!",
            "exempel kommun 2026 ok",
            "lösenord lösenord1 2026",
            "Losenord123456789",
            "Sommar2026Vinter2027",
            "abcdefghijklmnopq",
            "qwertyuiop1234567",
            "1234567890123456",
            "Beredd-krislåda-2026",
            "Beredd-krispärm-2026",
        ] {
            assert_eq!(check(pass, ORG), Err(FieldError::PassphraseGuessable), "{pass}");
        }
        // The organisation's words count on their own, but a phrase that holds one is fine.
        assert_eq!(check("Kungsbacka kommun 2026", &["Kungsbacka kommun"]), Err(FieldError::PassphraseGuessable));
        assert_eq!(check("kungsbacka har fina cyklar och hav", &["Kungsbacka kommun"]), Ok(Strength::Strong));
    }

    #[test]
    fn runs_are_taken_away_wherever_they_stand() {
        assert_eq!(rest("xyz abcd 4321 qwer", &[]), vec!['x', 'y', 'z']);
        assert_eq!(rest("kaffe1984", &[]), "kaffe".chars().collect::<Vec<_>>());
    }
}
