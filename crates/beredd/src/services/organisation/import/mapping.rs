//! Which column of a file goes to which field. A register's fields each have the heading of
//! Beredd's template and common variants; an organisation's saved choices (per register, by the
//! file's heading) come first, so that next month's raw file from the HR system imports as it
//! is. Headings are compared trimmed, in lower case, with runs of spaces as one.

use std::collections::HashMap;

/// One field a file can fill.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    /// The field's key (also the form field's name).
    pub key: &'static str,
    /// The column heading in the template (Swedish).
    pub heading: &'static str,
    /// Other headings recognised (lower case).
    pub aliases: &'static [&'static str],
    /// The Fluent id of the field's label.
    pub label_id: &'static str,
}

/// A heading compared: trimmed, lower case, one space for runs of white space, without a
/// trailing `*` or `:`.
pub fn normalise(heading: &str) -> String {
    let lower = heading.trim().trim_end_matches(['*', ':']).trim().to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a heading names by default, if any.
pub fn default_field(fields: &[FieldDef], heading: &str) -> Option<&'static str> {
    let h = normalise(heading);
    fields
        .iter()
        .find(|f| normalise(f.heading) == h || f.key == h || f.aliases.iter().any(|a| normalise(a) == h))
        .map(|f| f.key)
}

/// For each column, the field it fills (`None`: ignored). `saved` maps a normalised heading to
/// a field key or to "" (chosen to be ignored); `chosen` (by column) overrides both. A field is
/// filled from one column only: a later column naming it again is ignored.
pub fn resolve(
    fields: &[FieldDef],
    headings: &[String],
    saved: &HashMap<String, String>,
    chosen: &HashMap<usize, String>,
) -> Vec<Option<&'static str>> {
    let known = |k: &str| fields.iter().find(|f| f.key == k).map(|f| f.key);
    let mut used: Vec<&'static str> = Vec::new();
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let field = match (chosen.get(&i), saved.get(&normalise(h))) {
                (Some(c), _) => known(c),
                (None, Some(s)) => known(s),
                (None, None) => default_field(fields, h),
            };
            match field {
                Some(f) if !used.contains(&f) => {
                    used.push(f);
                    Some(f)
                }
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[FieldDef] = &[
        FieldDef { key: "name", heading: "Namn", aliases: &["fullständigt namn"], label_id: "field-name" },
        FieldDef { key: "work_phone", heading: "Arbetstelefon", aliases: &["mobil"], label_id: "field-work-phone" },
    ];

    #[test]
    fn headings_are_recognised_whatever_their_case_and_spaces() {
        let h = vec!["  NAMN * ".to_owned(), "Mobil".to_owned(), "Okänd".to_owned(), "namn".to_owned()];
        let m = resolve(FIELDS, &h, &HashMap::new(), &HashMap::new());
        assert_eq!(m, vec![Some("name"), Some("work_phone"), None, None]);
    }

    #[test]
    fn a_saved_choice_and_a_choice_made_now_come_before_the_defaults() {
        let h = vec!["Tfn".to_owned(), "Namn".to_owned()];
        let saved = HashMap::from([("tfn".to_owned(), "work_phone".to_owned()), ("namn".to_owned(), String::new())]);
        assert_eq!(resolve(FIELDS, &h, &saved, &HashMap::new()), vec![Some("work_phone"), None]);
        let chosen = HashMap::from([(1, "name".to_owned())]);
        assert_eq!(resolve(FIELDS, &h, &saved, &chosen), vec![Some("work_phone"), Some("name")]);
    }
}
