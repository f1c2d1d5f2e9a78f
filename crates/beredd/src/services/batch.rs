//! Pages that answer many rows in one form (a framework chapter, an area of a self-assessment)
//! write only the rows a person changed: each row carries a fingerprint of what the page showed,
//! and a row posted back as it was shown is left alone, so a colleague's change made since the
//! page was opened is never put back.

/// A short fingerprint of a row's values as a form shows them; surrounding space and line
/// endings do not count.
pub fn fingerprint(values: &[&str]) -> String {
    use sha2::Digest;
    let joined = values.iter().map(|v| v.trim().replace("\r\n", "\n")).collect::<Vec<_>>().join("\u{1f}");
    let d = sha2::Sha256::digest(joined.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn a_fingerprint_ignores_line_endings_and_surrounding_space_but_not_the_content_or_order() {
        assert_eq!(fingerprint(&["yes", " a\r\nb "]), fingerprint(&["yes", "a\nb"]));
        assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["b", "a"]));
        assert_ne!(fingerprint(&["a", ""]), fingerprint(&["", "a"]));
        assert_eq!(fingerprint(&[]).len(), 16);
    }
}
