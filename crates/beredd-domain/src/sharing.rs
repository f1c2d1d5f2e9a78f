//! The installation's shared library between municipalities (issue 22): what may be published
//! and what a copy leaves behind. A copy never carries the people of the organisation that
//! publishes it: a plan template keeps the routines and checklists and drops the call list, the
//! external contacts, the hotline's number and who answers it, and the spokesperson; every text
//! of every copy has the organisation's people's names replaced by [`NAME_MARK`], its telephone
//! numbers by [`PHONE_MARK`] and its e-mail addresses by [`EMAIL_MARK`] ([`anonymised`]).

use crate::plan::{Communication, Hotline, PlanContent, RoutinePlan};

crate::kinds::vocabulary!(
    /// What a shared item is.
    SharedKind, "shared-kind", {
        PlanTemplate => "plan_template",
        Lesson => "lesson",
        Requirement => "requirement",
    }
);

/// What a person's name is replaced by in a shared copy.
pub const NAME_MARK: &str = "[namn]";

/// What a telephone number is replaced by in a shared copy.
pub const PHONE_MARK: &str = "[telefonnummer]";

/// What an e-mail address is replaced by in a shared copy.
pub const EMAIL_MARK: &str = "[e-post]";

/// `text` with its e-mail addresses, telephone numbers and the names of `names` replaced, as
/// every text of a shared copy is.
pub fn anonymised(text: &str, names: &[String]) -> String {
    without_names(&without_phone_numbers(&without_emails(text)), names)
}

/// A character an e-mail address's part before the `@` may hold.
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-'".contains(c)
}

/// A character a domain may hold.
fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// `text` with every e-mail address (`namn@kommun.se`: something before the `@`, and after it a
/// domain with a dot and a top level of two letters or more) replaced by [`EMAIL_MARK`].
pub fn without_emails(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '@' {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > done && local_char(chars[start - 1]) {
            start -= 1;
        }
        while start < i && ".-'".contains(chars[start]) {
            start += 1;
        }
        let mut end = i + 1;
        while end < chars.len() && domain_char(chars[end]) {
            end += 1;
        }
        while end > i + 1 && ".-".contains(chars[end - 1]) {
            end -= 1;
        }
        let domain: String = chars[i + 1..end].iter().collect();
        let top = domain.rsplit('.').next().unwrap_or("");
        let is_address = start < i
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.contains("..")
            && top.chars().count() >= 2
            && top.chars().all(char::is_alphabetic);
        if is_address {
            out.extend(&chars[done..start]);
            out.push_str(EMAIL_MARK);
            done = end;
            i = end;
        } else {
            i += 1;
        }
    }
    out.extend(&chars[done..]);
    out
}

/// The telephone number that starts at `i`, if one does: `+46` (then the number without its
/// first 0) or a 0, then digits in groups parted by one space or dash, seven to ten digits in
/// all (besides the 46); its end, where no letter or digit follows. A number starts only where
/// no letter, digit, `+`, dash, dot or slash is before it, nor a space after a digit, so that a
/// date (`2026-12-07`), a year, a time, an amount (`15 000 000 000`) or a paragraph
/// (`3 kap. 2 §`) is never one; a space right after a number just found is no hindrance
/// (`after_number`).
fn phone_at(chars: &[char], i: usize, after_number: bool) -> Option<usize> {
    let before = i.checked_sub(1).map(|b| chars[b]);
    if before.is_some_and(|c| c.is_alphanumeric() || "+-./".contains(c)) {
        return None;
    }
    if !after_number && before.is_some_and(|c| is_separator(&c)) && i >= 2 && chars[i - 2].is_ascii_digit() {
        return None;
    }
    let mut at = i;
    if chars[i] == '+' {
        if chars.get(i + 1) != Some(&'4') || chars.get(i + 2) != Some(&'6') {
            return None;
        }
        at = i + 3;
        if chars.get(at).is_some_and(is_separator) {
            at += 1;
        }
    } else if chars[i] != '0' {
        return None;
    }
    let (mut digits, mut end) = (0usize, None);
    loop {
        let group = chars[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if group == 0 || digits + group > 10 {
            break;
        }
        digits += group;
        at += group;
        end = Some(at);
        let next_is_digit = chars.get(at + 1).is_some_and(char::is_ascii_digit);
        if !(chars.get(at).is_some_and(is_separator) && next_is_digit) {
            break;
        }
        at += 1;
    }
    let end = end?;
    let free = chars.get(end).is_none_or(|c| !c.is_alphanumeric());
    (digits >= 7 && free).then_some(end)
}

fn is_separator(c: &char) -> bool {
    *c == ' ' || *c == '-' || *c == '\u{a0}'
}

/// `text` with every telephone number in a Swedish form (`070-123 45 67`, `0701234567`,
/// `+46 70 123 45 67`, `0923-123 45`, `08-123 456 78`) replaced by [`PHONE_MARK`].
pub fn without_phone_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut last_end) = (0, None);
    while i < chars.len() {
        match phone_at(&chars, i, i > 0 && last_end == Some(i - 1)) {
            Some(end) => {
                out.push_str(PHONE_MARK);
                i = end;
                last_end = Some(end);
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// The words to look for: each name whole, and each part of it of three letters or more that
/// begins with a capital (a first name or a surname alone), longest first.
fn name_words(names: &[String]) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = Vec::new();
    for name in names {
        let whole = name.trim();
        if whole.chars().count() >= 2 {
            out.push(whole.to_lowercase().chars().collect());
        }
        for part in whole.split(|c: char| c.is_whitespace() || c == '-') {
            if part.chars().count() >= 3 && part.chars().next().is_some_and(char::is_uppercase) {
                out.push(part.to_lowercase().chars().collect());
            }
        }
    }
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    out.dedup();
    out
}

/// `text` with every whole-word occurrence of a name (or a part of one) replaced by
/// [`NAME_MARK`], whatever its case.
pub fn without_names(text: &str, names: &[String]) -> String {
    let words = name_words(names);
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let boundary = |i: usize| i >= chars.len() || !chars[i].is_alphanumeric();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !chars[i - 1].is_alphanumeric();
        let hit = starts
            .then(|| {
                words
                    .iter()
                    .find(|w| lower.len() >= i + w.len() && lower[i..i + w.len()] == w[..] && boundary(i + w.len()))
            })
            .flatten();
        match hit {
            Some(w) => {
                out.push_str(NAME_MARK);
                i += w.len();
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// A plan's content as a template others can start from: its lead, routines (no longer tied to
/// an activity of the register), the hotline's hours and script, the communication's texts and
/// its checklists, with the names of `names`, numbers and addresses replaced; without the call list, the external
/// contacts, the hotline's number and who answers it, and the spokesperson.
pub fn plan_template(c: &PlanContent, names: &[String]) -> PlanContent {
    let t = |s: &str| anonymised(s, names);
    let lines = |v: &[String]| v.iter().map(|s| t(s)).collect::<Vec<_>>();
    PlanContent {
        lead: t(&c.lead),
        routines: c
            .routines
            .iter()
            .map(|r| RoutinePlan {
                activity_id: None,
                activity: t(&r.activity),
                trigger: t(&r.trigger),
                switch_back: t(&r.switch_back),
                steps: lines(&r.steps),
                resources: lines(&r.resources),
                reentry: lines(&r.reentry),
            })
            .collect(),
        call_list: Vec::new(),
        externals: Vec::new(),
        hotline: Hotline {
            number: String::new(),
            hours: t(&c.hotline.hours),
            answered_by: String::new(),
            script: t(&c.hotline.script),
        },
        communication: Communication {
            web: t(&c.communication.web),
            hotline: t(&c.communication.hotline),
            media: t(&c.communication.media),
            spokesperson: String::new(),
        },
        checklists: c
            .checklists
            .iter()
            .map(|k| crate::plan::Checklist { title: t(&k.title), items: lines(&k.items) })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::CallEntry;

    fn names() -> Vec<String> {
        vec!["Anna Lindqvist".into(), "Per Ek".into(), "Åsa Öberg-Nilsson".into()]
    }

    #[test]
    fn whole_names_and_their_parts_are_replaced_whatever_the_case() {
        let out = without_names("Anna Lindqvist ringde. LINDQVIST och åsa svarade; Öberg kom sent.", &names());
        assert_eq!(out, "[namn] ringde. [namn] och [namn] svarade; [namn] kom sent.");
    }

    #[test]
    fn a_name_inside_another_word_and_short_parts_alone_are_left() {
        // "Per" is three letters and a name part; "persienn" holds it but is another word; "Ek"
        // alone is too short to tell from a word, but the whole name is caught.
        let out = without_names("Persienn, ek och Per Ek.", &names());
        assert_eq!(out, "Persienn, ek och [namn].");
    }

    #[test]
    fn a_plan_template_leaves_people_and_numbers_behind() {
        let c = PlanContent {
            lead: "Anna Lindqvist leder, Per Ek ersätter".into(),
            routines: vec![RoutinePlan {
                activity_id: Some(7),
                activity: "Hemtjänst".into(),
                steps: vec!["Anna: ring".into()],
                ..Default::default()
            }],
            call_list: vec![CallEntry { name: "Anna Lindqvist".into(), phone: "070-1".into(), ..Default::default() }],
            hotline: Hotline {
                number: "0771-1".into(),
                answered_by: "Per Ek".into(),
                script: "Säg hej".into(),
                ..Default::default()
            },
            communication: Communication {
                spokesperson: "Åsa Öberg-Nilsson".into(),
                media: "Pressrum".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let t = plan_template(&c, &names());
        assert_eq!(t.lead, "[namn] leder, [namn] ersätter");
        assert_eq!(t.routines[0].activity_id, None);
        assert_eq!(t.routines[0].steps, vec!["[namn]: ring".to_owned()]);
        assert!(t.call_list.is_empty() && t.externals.is_empty());
        assert_eq!(
            (t.hotline.number.as_str(), t.hotline.answered_by.as_str(), t.hotline.script.as_str()),
            ("", "", "Säg hej")
        );
        assert_eq!((t.communication.spokesperson.as_str(), t.communication.media.as_str()), ("", "Pressrum"));
    }

    #[test]
    fn swedish_telephone_numbers_are_replaced() {
        for number in
            ["070-123 45 67", "0701234567", "+46 70 123 45 67", "0923-123 45", "08-123 456 78", "+46701234567"]
        {
            assert_eq!(without_phone_numbers(&format!("Ring {number}.")), "Ring [telefonnummer].", "{number}");
            assert_eq!(without_phone_numbers(number), PHONE_MARK, "{number}");
        }
        assert_eq!(
            without_phone_numbers("Jour (0923-123 45) eller 070-123 45 67, 12 personer"),
            "Jour ([telefonnummer]) eller [telefonnummer], 12 personer"
        );
    }

    #[test]
    fn years_dates_times_amounts_and_paragraphs_are_left() {
        for text in [
            "Övningen 2026-12-07 kl. 08:30, 2026-01-07-2026-02-01",
            "Enligt 3 kap. 2 § och 2 kap. 10 § LSO, år 2026",
            "Budget 1 500 000 kronor, 15 000 000 000 kronor, 0,5 tjänst, 112 och 1177",
            "Kommunens organisationsnummer 212000-2627",
            "Kort nummer 070-12 3",
        ] {
            assert_eq!(without_phone_numbers(text), text);
        }
    }

    #[test]
    fn e_mail_addresses_are_replaced() {
        assert_eq!(
            without_emails("Skriv till anna.lindqvist@kalix.se eller krisledning@kommun.kalix.se."),
            "Skriv till [e-post] eller [e-post]."
        );
        assert_eq!(without_emails("Möte @ rådhuset, a@b, x@y.1"), "Möte @ rådhuset, a@b, x@y.1");
        let out = anonymised("Anna Lindqvist (anna.lindqvist@kalix.se, 070-123 45 67) ringde.", &names());
        assert_eq!(out, "[namn] ([e-post], [telefonnummer]) ringde.");
    }

    #[test]
    fn kinds_round_trip() {
        for k in SharedKind::ALL {
            assert_eq!(SharedKind::parse(k.code()), Ok(*k));
        }
    }
}
