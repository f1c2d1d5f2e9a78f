//! The checks a log entry from outside passes before it is written: from an offline kit's log
//! file or from another Beredd's incident bundle alike. Texts within the lengths Beredd's own
//! forms allow and without control characters, names on one line, times that are real times and
//! not later than now. Each check answers with a short Swedish problem, which the caller puts
//! after the entry it concerns ("post 3: …").

use beredd_domain::text;

/// How far after now a time from outside may lie: a laptop's or phone's clock may run a little
/// ahead. A time later than this would hide a reporting deadline that has passed.
pub const CLOCK_SLACK_SECS: i64 = 3600;

/// A time as RFC 3339 (`2026-11-23T07:10:00Z`, or with an offset), as UTC without fractions of a
/// second; `None` when it is not a time.
pub fn time(s: &str) -> Option<String> {
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
    let t = t.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).ok()?;
    t.format(&time::format_description::well_known::Rfc3339).ok()
}

/// A time (see [`time`]) that is not later than now; `what` names it in the problem.
pub fn past_time(s: &str, what: &str) -> Result<String, String> {
    let t = time(s).ok_or_else(|| format!("{what} är inte en tid som 2026-11-23T07:10:00Z"))?;
    let parsed = time::OffsetDateTime::parse(&t, &time::format_description::well_known::Rfc3339)
        .map_err(|_| format!("{what} är inte en tid"))?;
    if parsed.unix_timestamp() > crate::platform::clock::now().unix_timestamp() + CLOCK_SLACK_SECS {
        return Err(format!("{what} ({t}) ligger efter nu"));
    }
    Ok(t)
}

/// The fields a person writes in a log entry, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryText {
    pub text: String,
    pub author: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
}

/// A log entry's text (at most `text_max` characters), author, decided-by and grounds.
pub fn entry_text(
    text_in: &str,
    author: &str,
    decided_by: Option<&str>,
    grounds: Option<&str>,
    text_max: usize,
) -> Result<EntryText, &'static str> {
    let text = text::optional_text(text_in, text_max)
        .map_err(|_| "texten är för lång eller har otillåtna tecken")?
        .ok_or("texten saknas")?;
    let author = text::optional_line(author, 200)
        .map_err(|_| "namnet är för långt eller har otillåtna tecken")?
        .ok_or("namnet (author) saknas")?;
    let decided_by = text::optional_line(decided_by.unwrap_or(""), 200)
        .map_err(|_| "\"beslutat av\" är för långt eller har otillåtna tecken")?;
    let grounds = text::optional_text(grounds.unwrap_or(""), GROUNDS_MAX)
        .map_err(|_| "underlaget är för långt eller har otillåtna tecken")?;
    Ok(EntryText { text, author, decided_by, grounds })
}

/// The grounds of a decision: the reporting page takes up to this many characters.
pub const GROUNDS_MAX: usize = 4000;

/// An id kept from the file (an entry's or an incident's): letters, digits, `-` and `_`.
pub fn id(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_real_times_in_utc_and_not_in_the_future() {
        assert_eq!(time("2026-11-23T08:10:00.5+01:00").as_deref(), Some("2026-11-23T07:10:00Z"));
        assert_eq!(time("igår"), None);
        assert_eq!(time("2026-02-30T07:10:00Z"), None, "no 30 February");
        let rfc = |t: time::OffsetDateTime| t.format(&time::format_description::well_known::Rfc3339).unwrap();
        let now = crate::platform::clock::now();
        let ahead = rfc(now + time::Duration::minutes(30));
        assert_eq!(past_time(&ahead, "tiden").unwrap(), ahead, "a clock a little ahead");
        let later = rfc(now + time::Duration::days(2));
        assert_eq!(past_time(&later, "tiden").unwrap_err(), format!("tiden ({later}) ligger efter nu"));
        assert!(past_time("x", "tiden (at)").unwrap_err().starts_with("tiden (at) är inte en tid"));
    }

    #[test]
    fn entry_texts_keep_to_their_lengths_and_lines() {
        assert!(entry_text("Papper", "Maja", None, None, 4000).is_ok());
        assert_eq!(entry_text("", "Maja", None, None, 4000), Err("texten saknas"));
        assert_eq!(
            entry_text(&"x".repeat(4001), "Maja", None, None, 4000).unwrap_err(),
            "texten är för lång eller har otillåtna tecken"
        );
        assert_eq!(
            entry_text("a\u{7}b", "Maja", None, None, 4000).unwrap_err(),
            "texten är för lång eller har otillåtna tecken"
        );
        assert_eq!(
            entry_text("Ok", "Maja\nBo", None, None, 4000).unwrap_err(),
            "namnet är för långt eller har otillåtna tecken"
        );
        assert_eq!(entry_text("Ok", " ", None, None, 4000).unwrap_err(), "namnet (author) saknas");
        assert!(entry_text("rad ett\nrad två", "Maja", Some("Bo"), Some("skäl\nfler"), 4000).is_ok());
        assert!(id("e-abc_D9", 64) && !id("", 64) && !id("a b", 64) && !id(&"a".repeat(65), 64));
    }
}
