//! The installation's shared library between municipalities (issue 22): what may be published
//! and what a copy leaves behind. A copy never carries the people of the organisation that
//! publishes it: a plan template keeps the routines and checklists and drops the call list, the
//! external contacts, the hotline's number and who answers it, and the spokesperson; every text
//! of every copy has the organisation's people's names replaced by [`NAME_MARK`].

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
/// its checklists, with the names of `names` replaced; without the call list, the external
/// contacts, the hotline's number and who answers it, and the spokesperson.
pub fn plan_template(c: &PlanContent, names: &[String]) -> PlanContent {
    let t = |s: &str| without_names(s, names);
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
    fn kinds_round_trip() {
        for k in SharedKind::ALL {
            assert_eq!(SharedKind::parse(k.code()), Ok(*k));
        }
    }
}
