//! Values parsed from user input at the edge. Once built they are known to be valid.

use serde::Serialize;

pub use crate::field_error::FieldError;

fn has_control(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}

/// A required one-line name: trimmed, 1–200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name(String);

impl Name {
    pub const MAX: usize = 200;
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        if s.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        if has_control(s, false) {
            return Err(FieldError::ControlChars);
        }
        Ok(Name(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
}

/// An optional one-line text (address, title, contract reference): empty becomes `None`.
pub fn optional_line(input: &str, max: usize) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if has_control(s, false) {
        return Err(FieldError::ControlChars);
    }
    Ok(Some(s.to_owned()))
}

/// An optional multi-line text (description, notes): newlines allowed.
pub fn optional_text(input: &str, max: usize) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if has_control(s, true) {
        return Err(FieldError::ControlChars);
    }
    Ok(Some(s.replace("\r\n", "\n")))
}

/// An optional whole number within `min..=max`; empty becomes `None`.
pub fn optional_number(input: &str, min: i64, max: i64) -> Result<Option<i64>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let cleaned: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    match cleaned.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::Number { min, max }),
    }
}

/// An optional calendar date `YYYY-MM-DD` (a real day: no 31 April, 29 February only in leap years).
pub fn optional_date(input: &str) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse::<u32>().ok()).flatten()
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(FieldError::Date);
    }
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d))
            if (1..=12).contains(&m) && d >= 1 && d <= crate::civil::days_in_month(i64::from(y), m) =>
        {
            Ok(Some(s.to_owned()))
        }
        _ => Err(FieldError::Date),
    }
}

/// A phone number as people write them in Sweden: digits with optional leading `+`, spaces,
/// hyphens and parentheses, 3–20 digits (112 and 114 14 are valid numbers).
pub fn optional_phone(input: &str) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let mut digits = 0;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            ' ' | '-' | '(' | ')' => {}
            _ => return Err(FieldError::Phone),
        }
    }
    if !(3..=20).contains(&digits) || s.chars().count() > 30 {
        return Err(FieldError::Phone);
    }
    Ok(Some(s.to_owned()))
}

/// The text with its first letter in upper case ("tidig varning" → "Tidig varning").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The phone number in the form a `tel:` link needs: digits and a leading `+` only.
pub fn tel_uri(phone: &str) -> String {
    let mut out = String::from("tel:");
    for (i, c) in phone.chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            out.push(c);
        }
    }
    out
}

/// A name safe for a file anywhere: a–z, digits, single dashes (å ä ö as a o), at most 60 long.
pub fn file_stem(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            'é' | 'É' => 'e',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_matches('-').chars().take(60).collect()
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn optional_email(input: &str) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FieldError::Email);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(FieldError::Email);
    };
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if ok { Ok(Some(s.to_owned())) } else { Err(FieldError::Email) }
}

/// A Swedish organisation number `NNNNNN-NNNN` (Luhn check digit), stored with the hyphen.
pub fn optional_org_number(input: &str) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let digits: Vec<u32> =
        s.chars().filter(|c| *c != '-').map(|c| c.to_digit(10)).collect::<Option<_>>().ok_or(FieldError::OrgNumber)?;
    let hyphens = s.chars().filter(|c| *c == '-').count();
    if digits.len() != 10 || hyphens > 1 || (hyphens == 1 && s.find('-') != Some(6)) {
        return Err(FieldError::OrgNumber);
    }
    if !luhn_ok(&digits) {
        return Err(FieldError::OrgNumber);
    }
    let d: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
    Ok(Some(format!("{}-{}", &d[..6], &d[6..])))
}

fn luhn_ok(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // From the left, every other digit starting with the first is doubled (10 digits).
            let v = if i % 2 == 0 { d * 2 } else { *d };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A login name: 2–64 characters of letters, digits, `.`, `_`, `-`; stored lower-case.
pub fn username(input: &str) -> Result<String, FieldError> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() < 2 || s.chars().count() > 64 {
        return Err(FieldError::Username);
    }
    if !s.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')) {
        return Err(FieldError::Username);
    }
    Ok(s)
}

/// A new password: at least 10 characters, at most 1024 (Argon2 input is bounded for speed).
pub fn new_password(input: &str) -> Result<&str, FieldError> {
    let n = input.chars().count();
    if n == 0 {
        return Err(FieldError::Required);
    }
    if n < 10 {
        return Err(FieldError::TooShort { min: 10 });
    }
    if n > 1024 {
        return Err(FieldError::TooLong { max: 1024 });
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_must_be_a_real_day_written_year_month_day() {
        assert_eq!(optional_date(" 2028-02-29 "), Ok(Some("2028-02-29".to_owned())));
        assert_eq!(optional_date(""), Ok(None));
        for bad in [
            "2027-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "26-11-01",
            "2026/11/01",
            "2026-1-01",
            "igår",
            "2026-11-0x",
        ] {
            assert_eq!(optional_date(bad), Err(FieldError::Date), "{bad}");
        }
    }

    #[test]
    fn a_file_stem_keeps_letters_and_digits_and_nothing_a_file_system_minds() {
        assert_eq!(file_stem("Björkbackens särskilda boende"), "bjorkbackens-sarskilda-boende");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("Ärende: \"x\" <y>"), "arende-x-y");
        assert_eq!(file_stem(&"a".repeat(100)).len(), 60);
    }

    #[test]
    fn a_name_is_trimmed_and_must_not_be_empty() {
        assert_eq!(Name::parse("  Hemtjänst Norr ").unwrap().as_str(), "Hemtjänst Norr");
        assert_eq!(Name::parse("   "), Err(FieldError::Required));
    }

    #[test]
    fn a_name_counts_characters_not_bytes() {
        assert!(Name::parse(&"ö".repeat(200)).is_ok());
        assert_eq!(Name::parse(&"ö".repeat(201)), Err(FieldError::TooLong { max: 200 }));
    }

    #[test]
    fn a_name_refuses_control_characters_but_keeps_markup_as_text() {
        assert_eq!(Name::parse("a\u{0}b"), Err(FieldError::ControlChars));
        assert_eq!(Name::parse("<script>x</script>").unwrap().as_str(), "<script>x</script>");
    }

    #[test]
    fn phone_numbers_accept_swedish_forms_and_short_public_numbers() {
        assert_eq!(optional_phone("070-174 06 05").unwrap().as_deref(), Some("070-174 06 05"));
        assert!(optional_phone("112").unwrap().is_some());
        assert!(optional_phone("+46 70 174 06 05").unwrap().is_some());
        assert_eq!(optional_phone("ring Anna"), Err(FieldError::Phone));
        assert_eq!(optional_phone("12"), Err(FieldError::Phone));
        assert_eq!(optional_phone(""), Ok(None));
    }

    #[test]
    fn a_tel_link_keeps_only_digits_and_the_leading_plus() {
        assert_eq!(tel_uri("+46 (0)70-174 06 05"), "tel:+460701740605");
    }

    #[test]
    fn org_numbers_need_a_valid_check_digit() {
        assert_eq!(optional_org_number("2120002171").unwrap().as_deref(), Some("212000-2171"));
        assert_eq!(optional_org_number("212000-2172"), Err(FieldError::OrgNumber));
        assert_eq!(optional_org_number("21200-02171"), Err(FieldError::OrgNumber));
    }

    #[test]
    fn e_mail_needs_a_dotted_domain() {
        assert!(optional_email("a.b@exempelkommun.example").unwrap().is_some());
        assert_eq!(optional_email("a@b"), Err(FieldError::Email));
        assert_eq!(optional_email("a b@c.se"), Err(FieldError::Email));
    }

    #[test]
    fn numbers_are_checked_against_their_range() {
        assert_eq!(optional_number(" 1 200 ", 0, 100_000), Ok(Some(1200)));
        assert_eq!(optional_number("-1", 0, 10), Err(FieldError::Number { min: 0, max: 10 }));
        assert_eq!(optional_number("tio", 0, 10), Err(FieldError::Number { min: 0, max: 10 }));
    }

    #[test]
    fn usernames_are_lower_cased_and_restricted() {
        assert_eq!(username(" Admin ").unwrap(), "admin");
        assert_eq!(username("a b"), Err(FieldError::Username));
        assert_eq!(username("åsa.lind").unwrap(), "åsa.lind");
    }

    #[test]
    fn passwords_must_be_at_least_ten_characters() {
        assert_eq!(new_password("kort"), Err(FieldError::TooShort { min: 10 }));
        assert!(new_password("en lång lösenfras").is_ok());
    }
}
