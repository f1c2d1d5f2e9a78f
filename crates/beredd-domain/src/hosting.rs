//! Many organisations in one installation (hosted mode): each has a short name for its address,
//! `/o/<slug>` and the login page's `?org=<slug>`.

use crate::text::FieldError;

/// The longest short name.
pub const SLUG_MAX: usize = 40;

/// Words that are paths of Beredd itself, never an organisation's short name.
const RESERVED: &[&str] = &["o", "login", "logout", "setup", "static", "api", "healthz", "metrics", "platform", "new"];

/// A short name made from an organisation's name: lower case, å ä → a, ö → o, é → e, anything
/// else but letters and digits one hyphen ("Kalix kommun" → "kalix-kommun"). Never empty: a
/// name with nothing usable gives "organisation".
pub fn slug_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            if out.len() < SLUG_MAX {
                out.push(c);
            }
        } else if !out.is_empty() && !out.ends_with('-') && out.len() < SLUG_MAX {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "organisation".to_owned()
    } else if RESERVED.contains(&out.as_str()) {
        format!("{out}-organisation")
    } else {
        out
    }
}

/// A short name typed by a person: 2–40 of a–z, 0–9 and inner hyphens, not one of Beredd's own
/// paths. Upper case is taken as lower case.
pub fn parse_slug(input: &str) -> Result<String, FieldError> {
    let s = input.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let n = s.chars().count();
    if n < 2 {
        return Err(FieldError::TooShort { min: 2 });
    }
    if n > SLUG_MAX {
        return Err(FieldError::TooLong { max: SLUG_MAX });
    }
    let plain = s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !plain || s.starts_with('-') || s.ends_with('-') || s.contains("--") || RESERVED.contains(&s.as_str()) {
        return Err(FieldError::Slug);
    }
    Ok(s)
}

/// A host name of an organisation's own, typed by a person (`beredd.kalix.se`): lower case, of
/// labels of a–z, 0–9 and inner hyphens joined by dots, at least two labels, without a port or a
/// scheme. Empty: none.
pub fn parse_host(input: &str) -> Result<Option<String>, FieldError> {
    let s = input.trim().trim_end_matches('.').to_ascii_lowercase();
    if s.is_empty() {
        return Ok(None);
    }
    if s.len() > 253 {
        return Err(FieldError::TooLong { max: 253 });
    }
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if s.split('.').count() < 2 || !s.split('.').all(label) {
        return Err(FieldError::Host);
    }
    Ok(Some(s))
}

/// The short name for `name` that none of `taken` has: the name's own, or it with -2, -3….
pub fn free_slug(name: &str, taken: &[String]) -> String {
    let base = slug_from_name(name);
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            let tail = format!("-{n}");
            let keep = SLUG_MAX - tail.len();
            format!("{}{tail}", base.chars().take(keep).collect::<String>().trim_end_matches('-'))
        })
        .find(|s| !taken.contains(s))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_name_is_labels_joined_by_dots() {
        assert_eq!(parse_host(" Beredd.Kalix.SE. "), Ok(Some("beredd.kalix.se".to_owned())));
        assert_eq!(parse_host(""), Ok(None));
        for bad in ["kalix", "https://beredd.kalix.se", "beredd.kalix.se:8080", "-a.se", "a..se", "bered d.se"] {
            assert_eq!(parse_host(bad), Err(FieldError::Host), "{bad}");
        }
    }

    #[test]
    fn a_swedish_name_becomes_a_plain_address() {
        assert_eq!(slug_from_name("Kalix kommun"), "kalix-kommun");
        assert_eq!(slug_from_name("  Älvsbyns kommun "), "alvsbyns-kommun");
        assert_eq!(slug_from_name("Östra Göinge"), "ostra-goinge");
        assert_eq!(slug_from_name("Kommunalförbundet IT i Norr (KIN)"), "kommunalforbundet-it-i-norr-kin");
        assert_eq!(slug_from_name("???"), "organisation");
        assert_eq!(slug_from_name("Login"), "login-organisation");
        let long = slug_from_name(&"a".repeat(100));
        assert_eq!(long.len(), SLUG_MAX);
        assert!(parse_slug(&slug_from_name("Ö - Å -- Ä")).is_ok());
    }

    #[test]
    fn a_typed_short_name_is_checked() {
        assert_eq!(parse_slug(" Kalix ").unwrap(), "kalix");
        assert_eq!(parse_slug("lulea-2").unwrap(), "lulea-2");
        assert_eq!(parse_slug(""), Err(FieldError::Required));
        assert_eq!(parse_slug("k"), Err(FieldError::TooShort { min: 2 }));
        assert_eq!(parse_slug(&"k".repeat(41)), Err(FieldError::TooLong { max: 40 }));
        for bad in ["kalix kommun", "-kalix", "kalix-", "ka--lix", "kålix", "api", "static", "a/b"] {
            assert_eq!(parse_slug(bad), Err(FieldError::Slug), "{bad}");
        }
    }

    #[test]
    fn a_taken_short_name_gets_a_number() {
        let taken = vec!["kalix".to_owned(), "kalix-2".to_owned()];
        assert_eq!(free_slug("Kalix", &taken), "kalix-3");
        assert_eq!(free_slug("Piteå", &taken), "pitea");
        let long_taken = vec![slug_from_name(&"b".repeat(60))];
        let next = free_slug(&"b".repeat(60), &long_taken);
        assert_eq!(next.len(), SLUG_MAX);
        assert!(next.ends_with("-2"));
    }
}
