//! A whole chapter of an assessment answered at once: the status, maturity and comment of each
//! of its requirements. Only the rows a person changed are written (a row posted back with the
//! fingerprint the page showed is left alone), so a colleague's concurrent change is never put
//! back; evidence and links stay as they were.

use beredd_domain::framework::Framework;
use beredd_domain::text;

use super::answers::{maturity, status};
use crate::platform::db::{Db, DbError};
use crate::services::invalid::Invalid;
use crate::store::audit;
use crate::store::frameworks::{self as store, Answer, Assessment};

/// A short fingerprint of an answer's status, maturity and comment as a form shows them.
pub fn fingerprint(status: &str, maturity: &str, comment: &str) -> String {
    crate::services::batch::fingerprint(&[status, maturity, comment])
}

/// The assessable requirements of chapter `n` (its position among the chapters), as indices
/// into the framework's nodes; `None` when there is no such chapter.
pub fn nodes(fw: &Framework, n: usize) -> Option<Vec<usize>> {
    let chapter = *fw.chapters().get(n)?;
    Some(fw.nodes.iter().enumerate().filter(|(_, x)| x.assessable && x.chapter == chapter).map(|(i, _)| i).collect())
}

/// The parts of a row, for naming a refused one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Status,
    Maturity,
    Comment,
}

/// One requirement's row as posted, with the fingerprint of what the page showed.
pub struct RowDraft<'a> {
    pub status: &'a str,
    pub maturity: &'a str,
    pub comment: &'a str,
    pub shown: Option<&'a str>,
}

/// A changed answer: the requirement's reference, the answer before (if any) and after.
pub struct Change {
    pub reference: String,
    pub before: Option<Answer>,
    pub after: Answer,
}

/// The answers to write among `nodes`, each row read from `row(node index)`, against the
/// `existing` answers; a refused value is named `name(node index, part)`.
pub fn changes<'d>(
    fw: &Framework,
    nodes: &[usize],
    existing: &[Answer],
    by: &str,
    row: impl Fn(usize) -> RowDraft<'d>,
    name: impl Fn(usize, Part) -> String,
) -> Result<Vec<Change>, Invalid> {
    let mut e = Invalid::default();
    let mut changed = Vec::new();
    for &i in nodes {
        let (node, d) = (&fw.nodes[i], row(i));
        let status = e.take(name(i, Part::Status), status(d.status)).map(|s| s.code().to_owned());
        let maturity = e.take(name(i, Part::Maturity), maturity(d.maturity));
        let comment = e.take(name(i, Part::Comment), text::optional_text(d.comment, 4000));
        // A row the user left as the page showed it is not written, whatever the database says now.
        if d.shown == Some(fingerprint(d.status, d.maturity, d.comment).as_str()) {
            continue;
        }
        let before = existing.iter().find(|x| x.node_id == node.id).cloned();
        let old = before.clone().unwrap_or_default();
        if old.status == status && old.maturity == maturity && old.comment == comment {
            continue;
        }
        let after = Answer { node_id: node.id.clone(), status, maturity, comment, updated_by: by.to_owned(), ..old };
        changed.push(Change { reference: node.reference.clone(), before, after });
    }
    e.or(changed)
}

/// Reads the chapter's rows against the stored answers and writes the changed ones in one
/// transaction, by `by`.
pub async fn save<'d>(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    (a, fw, nodes): (&Assessment, &Framework, &[usize]),
    row: impl Fn(usize) -> RowDraft<'d>,
    name: impl Fn(usize, Part) -> String,
) -> Result<Result<(), Invalid>, DbError> {
    let existing = store::answers(&db.pool, a.key()).await?;
    let changed = match changes(fw, nodes, &existing, by, row, name) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    let mut tx = db.begin_write().await?;
    for c in &changed {
        store::save_answer(&mut tx, a.key(), &c.after).await?;
        let summary = format!("{} · {}", a.title, c.reference);
        let change = audit::Change {
            action: "update",
            entity: "framework-answer",
            entity_id: Some(a.id),
            summary: &summary,
            before: c.before.as_ref(),
            after: Some(&c.after),
        };
        audit::record(&mut *tx, actor, change).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use beredd_domain::FieldError;

    fn answer(node: &str, status: &str) -> Answer {
        Answer { node_id: node.into(), status: Some(status.into()), ..Answer::default() }
    }

    fn name(i: usize, part: Part) -> String {
        format!("{part:?}{i}")
    }

    #[test]
    fn a_chapter_writes_only_the_rows_that_changed_and_names_a_refused_value() {
        let fw = crate::content::frameworks::library().unwrap().into_iter().next().unwrap();
        let nodes = (0..fw.chapters().len()).filter_map(|n| nodes(&fw, n)).find(|n| n.len() >= 3).unwrap();
        let (a, b, c) = (nodes[0], nodes[1], nodes[2]);
        let existing = [answer(&fw.nodes[a].id, "yes"), answer(&fw.nodes[b].id, "yes")];
        let shown = fingerprint("no", "", "");
        let row = |i: usize| -> RowDraft<'_> {
            if i == a {
                RowDraft { status: "partly", maturity: "2", comment: "", shown: None }
            } else if i == b {
                RowDraft { status: "yes", maturity: "", comment: "", shown: None }
            } else if i == c {
                RowDraft { status: "no", maturity: "", comment: "", shown: Some(shown.as_str()) }
            } else {
                RowDraft { status: "", maturity: "", comment: "", shown: None }
            }
        };
        let changed = changes(&fw, &nodes, &existing, "Anna", row, name).ok().unwrap();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].after.node_id, fw.nodes[a].id);
        assert_eq!((changed[0].after.status.as_deref(), changed[0].after.maturity), (Some("partly"), Some(2)));
        assert_eq!(changed[0].before.as_ref().and_then(|x| x.status.as_deref()), Some("yes"));
        let bad =
            |i: usize| RowDraft { status: if i == a { "maybe" } else { "" }, maturity: "9", comment: "", shown: None };
        let e = changes(&fw, &nodes, &existing, "Anna", bad, name).err().unwrap();
        assert_eq!(e.get(&name(a, Part::Status)), Some(&FieldError::Choice));
        assert_eq!(e.get(&name(b, Part::Maturity)), Some(&FieldError::Number { min: 0, max: 5 }));
    }

    #[test]
    fn a_fingerprint_ignores_line_endings_and_surrounding_space_but_not_the_content() {
        assert_eq!(fingerprint("yes", "3", " a\r\nb "), fingerprint("yes", "3", "a\nb"));
        assert_ne!(fingerprint("yes", "3", "a"), fingerprint("partly", "3", "a"));
        assert_ne!(fingerprint("yes", "3", "a"), fingerprint("yes", "3", "b"));
        assert_eq!(fingerprint("", "", "").len(), 16);
    }
}
