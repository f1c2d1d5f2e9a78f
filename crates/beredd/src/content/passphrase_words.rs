//! The words a suggested kit passphrase is drawn from: `library/passphrase/ord.txt`, built into
//! the binary. One common Swedish word a line, 3–8 letters a–z; lines starting with `#` are
//! comments. The unit test below keeps the file to that rule.

use std::sync::OnceLock;

const FILE: &str = include_str!("../../../../library/passphrase/ord.txt");

/// Every word of the list, in the file's order.
pub fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| FILE.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_over_five_hundred_different_plain_words() {
        let words = words();
        assert!(words.len() >= 512, "{} words", words.len());
        let bad: Vec<_> = words
            .iter()
            .filter(|w| !(3..=8).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        assert!(bad.is_empty(), "3–8 letters a–z: {bad:?}");
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), words.len(), "no word twice");
    }
}
