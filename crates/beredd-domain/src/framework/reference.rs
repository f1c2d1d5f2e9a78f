//! A requirement's reference beside its title: a title that already starts with it ("1.2 Styrning"
//! for 1.2, as some imported libraries write their names) is not numbered again, and where the
//! reference has a column of its own the title is shown without it.

/// Where `reference` ends at the start of `title`: the title starts with it and the reference is
/// whole there ("1.2 Styrning", "1.2. Styrning", "1.2: Styrning"; not "1.20 …" nor "1.2.3 …").
fn after_leading(title: &str, reference: &str) -> Option<usize> {
    let r = reference.trim();
    if r.is_empty() || !title.starts_with(r) {
        return None;
    }
    let mut rest = title[r.len()..].chars();
    match rest.next() {
        None => Some(r.len()),
        Some(c) if c.is_alphanumeric() => None,
        // "1.2.3" goes on with another part of a longer reference; "1.2. Titel" does not.
        Some('.' | '-' | '_') if rest.next().is_some_and(char::is_alphanumeric) => None,
        Some(_) => Some(r.len()),
    }
}

/// The title without the reference it starts with, and the marks between them; the title as it is
/// when it does not start with it, or when nothing else would be left.
pub(super) fn without_reference<'a>(title: &'a str, reference: &str) -> &'a str {
    let Some(end) = after_leading(title, reference) else { return title };
    let rest = title[end..].trim_start_matches(|c: char| c.is_whitespace() || ".:-–—)".contains(c));
    if rest.is_empty() { title } else { rest }
}

/// Whether the title already names the reference as a whole word ("Styrning (1.1)", "Artikel 21"
/// for 21), so that it needs no reference in front; "Artikel 21" does not name 1.
pub(super) fn names_reference(title: &str, reference: &str) -> bool {
    let r = reference.trim();
    if r.is_empty() || after_leading(title, r).is_some() {
        return true;
    }
    let word = |c: char| c.is_alphanumeric() || ".-_".contains(c);
    title.split(|c: char| !word(c)).any(|w| w == r || w.strip_suffix('.') == Some(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_at_the_start_of_a_title_is_taken_away_only_when_it_is_whole() {
        assert_eq!(without_reference("1.2 Styrning", "1.2"), "Styrning");
        assert_eq!(without_reference("1.2. Styrning", "1.2"), "Styrning");
        assert_eq!(without_reference("A.5.1 – Policies", "A.5.1"), "Policies");
        assert_eq!(without_reference("1.2.3 Styrning", "1.2"), "1.2.3 Styrning", "another reference");
        assert_eq!(without_reference("1.20 Styrning", "1.2"), "1.20 Styrning");
        assert_eq!(without_reference("Styrning", "1.2"), "Styrning");
        assert_eq!(without_reference("1.2", "1.2"), "1.2", "a title that is only its reference stays");
        assert_eq!(without_reference("Article 21", "Article 21"), "Article 21");
    }

    #[test]
    fn a_title_names_its_reference_only_as_a_whole_word() {
        assert!(names_reference("1.2 Styrning", "1.2"));
        assert!(names_reference("Styrning (1.2)", "1.2"));
        assert!(names_reference("Article 21", "Article 21"));
        assert!(names_reference("Artikel 21.", "21"));
        assert!(!names_reference("Article 21", "1"));
        assert!(!names_reference("1.2.3 Styrning", "1.2"));
        assert!(!names_reference("Styrning", "1.2"));
    }
}
