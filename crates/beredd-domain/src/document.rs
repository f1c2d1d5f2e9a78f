//! Steering documents (styrdokument): policies, guidelines, routines and staff instructions, each
//! kept in numbered versions that staff confirm they have read. What a version says is plain
//! text (or a file); two text versions are compared line by line with the plan's diff.

crate::kinds::vocabulary!(
    /// The kinds of steering document, from the most general to the most concrete.
    DocumentKind, "document-kind", {
        Policy => "policy",
        Guideline => "guideline",
        Routine => "routine",
        Instruction => "instruction",
    }
);

/// How long a personal reading link works, in days: long enough for staff on leave or on
/// rotating shifts to come back to it, short enough that a forwarded link soon stops working.
pub const LINK_DAYS: i64 = 30;

/// The longest text a version may hold (a policy of a few pages is about 20 000 characters).
pub const MAX_TEXT: usize = 100_000;

/// A version's text as the lines the diff compares.
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim_end().to_owned()).collect()
}

/// A part of a version's text as a page shows it. The text is plain, with two habits from
/// e-mail and Markdown: a line starting with `#` is a heading, lines starting with `-` or `*` make
/// a list; a blank line ends a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
}

/// The blocks of a text, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    fn flush(out: &mut Vec<Block>, para: &mut Vec<&str>, list: &mut Vec<String>) {
        if !para.is_empty() {
            out.push(Block::Paragraph(para.join("\n")));
            para.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
    }
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut out, &mut para, &mut list);
        } else if let Some(h) = line.strip_prefix('#') {
            flush(&mut out, &mut para, &mut list);
            out.push(Block::Heading(h.trim_start_matches('#').trim().to_owned()));
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if !para.is_empty() {
                flush(&mut out, &mut para, &mut list);
            }
            list.push(item.trim().to_owned());
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut para, &mut list);
            }
            para.push(line);
        }
    }
    flush(&mut out, &mut para, &mut list);
    out
}

/// Whether a document whose review falls on day `review` (days since 1970) should be seen to on
/// day `today`: from `warn_days` days before it and on every day after.
pub fn review_due(review: Option<i64>, today: i64, warn_days: i64) -> bool {
    review.is_some_and(|d| d - warn_days <= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(k.code()), Ok(*k));
        }
        assert_eq!(DocumentKind::Guideline.label_id(), "document-kind-guideline");
        assert!(DocumentKind::parse("lag").is_err());
    }

    #[test]
    fn lines_drop_trailing_space_so_that_it_is_no_change() {
        assert_eq!(lines("Rubrik  \r\nText\n"), ["Rubrik", "Text"]);
        let (old, new) = (lines("a\nb"), lines("a \nc"));
        assert_eq!(crate::plan::diff(&old, &new).len(), 3, "a same, b removed, c added");
    }

    #[test]
    fn a_text_becomes_headings_paragraphs_and_lists() {
        let b = blocks("# Syfte\nEn rad\noch en till.\n\n- ett\n- två\nSlut");
        assert_eq!(
            b,
            [
                Block::Heading("Syfte".into()),
                Block::Paragraph("En rad\noch en till.".into()),
                Block::List(vec!["ett".into(), "två".into()]),
                Block::Paragraph("Slut".into()),
            ]
        );
    }

    #[test]
    fn a_review_is_due_from_the_warning_on() {
        assert!(!review_due(Some(131), 100, 30));
        assert!(review_due(Some(130), 100, 30));
        assert!(review_due(Some(50), 100, 30));
        assert!(!review_due(None, 100, 30));
    }
}
