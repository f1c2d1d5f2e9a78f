//! The management's decisions: checked, stored with the review of the year (the meeting's day and
//! who took part), and each decision whose section asks for it made into an action in the action
//! plan that points back to the review. A decision kept from an earlier save keeps its action; a
//! decision removed leaves its action in the plan (it is the plan's to close). Everything is in
//! the audit trail, in one transaction.

use beredd_domain::text::{Name, optional_text};
use beredd_domain::{ActionStatus, FieldError, Priority};
use serde_json::json;

use super::{SECTIONS, parse_year};
use crate::platform::clock::Day;
use crate::platform::day::optional_day;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::{Failure, Invalid};
use crate::store::reviews::{self, NewDecision};
use crate::store::{actions, audit};

/// The most decisions one section takes.
const DECISIONS_MAX: usize = 30;

/// The form as posted: the year, the meeting, and per section its decisions (one a line) and
/// whether they become actions.
pub struct DecisionsForm<'a> {
    pub year: &'a str,
    pub held_on: &'a str,
    pub participants: &'a str,
    /// (section key, decisions as typed, make them actions)
    pub sections: Vec<(&'static str, &'a str, bool)>,
}

/// The form, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub year: i64,
    pub held_on: Day,
    pub participants: String,
    /// (section key, decision, make it an action), in the sections' order.
    pub decisions: Vec<(&'static str, String, bool)>,
}

/// The decisions of a text area: one a line (each at most `Name::MAX` characters, as it becomes
/// an action's title), empty lines left out.
fn lines(input: &str) -> Result<Vec<String>, FieldError> {
    let all: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if all.len() > DECISIONS_MAX {
        return Err(FieldError::TooManyLines { max: DECISIONS_MAX });
    }
    let mut out = Vec::new();
    for (i, l) in input.lines().map(str::trim).enumerate().filter(|(_, l)| !l.is_empty()) {
        let line = Name::parse(l).map_err(|e| FieldError::Line { line: i + 1, error: Box::new(e) })?;
        out.push(line.into_string());
    }
    Ok(out)
}

/// Checks the form. The meeting's day and who took part are required, and at least one
/// decision: a review with nothing decided is not stored (the error is put at the first
/// section's decisions).
pub fn check(f: &DecisionsForm) -> Result<Checked, Invalid> {
    let mut e = Invalid::default();
    let year = e.take("year", parse_year(f.year));
    let held_on = e.take("held_on", optional_day(f.held_on).and_then(|d| d.ok_or(FieldError::Required)).map(Some));
    let participants =
        e.take("participants", optional_text(f.participants, 2000).and_then(|t| t.ok_or(FieldError::Required)));
    let mut decisions = Vec::new();
    for (key, text, act) in &f.sections {
        let field = format!("decisions_{key}");
        for d in e.take(field, lines(text)) {
            decisions.push((*key, d, *act));
        }
    }
    if decisions.is_empty() && !f.sections.iter().any(|(k, _, _)| e.has(&format!("decisions_{k}"))) {
        e.add(format!("decisions_{}", SECTIONS[0]), FieldError::Required);
    }
    match held_on {
        Some(held_on) if e.is_empty() => Ok(Checked { year, held_on, participants, decisions }),
        _ => Err(e),
    }
}

/// The action a decision becomes: the decision as its title, pointing back to the review.
fn action_input(tr: &Tr, year: i64, key: &str, text: &str) -> actions::ActionInput {
    let section = tr.t(&format!("review-section-{key}"));
    actions::ActionInput {
        title: text.to_owned(),
        origin: beredd_domain::ActionOrigin::Review,
        origin_ref: Some(format!("review:{year}:{key}")),
        owner_id: None,
        unit_id: None,
        priority: Priority::Medium,
        due_date: None,
        status: ActionStatus::Planned,
        notes: Some(tr.args("review-action-notes", &[("year", &year.to_string()), ("section", &section)])),
    }
}

/// Stores the review and its decisions, making actions of those that ask for one. Returns how
/// many actions were made.
pub async fn save(db: &Db, actor: &audit::Actor, tr: &Tr, c: &Checked, by: &str) -> Result<usize, Failure> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let before = match reviews::get(&mut *tx, org, c.year).await? {
        Some(r) => {
            let d = reviews::decisions(&mut *tx, r.key()).await?;
            Some((r, d))
        }
        None => None,
    };
    let id = reviews::save(&mut tx, org, c.year, c.held_on, &c.participants, by).await?;
    let mut kept: Vec<reviews::Decision> = before.as_ref().map(|(_, d)| d.clone()).unwrap_or_default();
    let mut all = Vec::new();
    let mut made = 0;
    for (key, text, act) in &c.decisions {
        // The same decision saved before keeps the action it became.
        let earlier = kept.iter().position(|d| d.section == *key && d.text == *text).map(|i| kept.remove(i));
        let mut action_id = earlier.and_then(|d| d.action_id);
        if action_id.is_none() && *act {
            let input = action_input(tr, c.year, key, text);
            let aid = actions::insert(&mut *tx, org, &input).await?;
            let created = actions::get(&mut *tx, org, aid).await?;
            let change = audit::Change {
                action: "create",
                entity: "action",
                entity_id: Some(aid),
                summary: &input.title,
                before: None,
                after: created.as_ref(),
            };
            audit::record(&mut *tx, actor, change).await?;
            action_id = Some(aid);
            made += 1;
        }
        all.push(NewDecision { section: (*key).to_owned(), text: text.clone(), action_id });
    }
    reviews::set_decisions(&mut tx, id, &all).await?;
    let after_review = reviews::get(&mut *tx, org, c.year).await?;
    let after_decisions = reviews::decisions(&mut *tx, id).await?;
    let record = |r: &reviews::Review, d: &[reviews::Decision]| json!({ "review": r, "decisions": d });
    let before_json = before.as_ref().map(|(r, d)| record(r, d));
    let after_json = after_review.as_ref().map(|r| record(r, &after_decisions));
    let summary = tr.ts("review-audit-summary", "year", &c.year.to_string());
    let change = audit::Change {
        action: if before.is_some() { "update" } else { "create" },
        entity: "management-review",
        entity_id: Some(id.id()),
        summary: &summary,
        before: before_json.as_ref(),
        after: after_json.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(sections: Vec<(&'static str, &'a str, bool)>) -> DecisionsForm<'a> {
        DecisionsForm { year: "2025", held_on: "2026-02-10", participants: "Kommundirektören", sections }
    }

    #[test]
    fn decisions_are_one_a_line_and_at_least_one_is_needed() {
        let c = check(&form(vec![("classification", "Klassa allt\n\n  Utbilda ägarna ", true), ("risks", "", false)]))
            .unwrap();
        assert_eq!(
            c.decisions,
            [("classification", "Klassa allt".to_owned(), true), ("classification", "Utbilda ägarna".to_owned(), true)]
        );
        let e = check(&form(vec![("classification", " \n ", true), ("risks", "", false)])).unwrap_err();
        assert_eq!(e.get("decisions_classification"), Some(&FieldError::Required));
        let long = "x".repeat(201);
        let e =
            check(&form(vec![("classification", "", true), ("risks", &format!("Bra\n{long}"), false)])).unwrap_err();
        assert_eq!(
            e.get("decisions_risks"),
            Some(&FieldError::Line { line: 2, error: Box::new(FieldError::TooLong { max: 200 }) })
        );
        assert!(!e.has("decisions_classification"), "one error is enough");
        let bad = DecisionsForm { year: "1999", held_on: "2026-02-30", participants: " ", sections: vec![] };
        let e = check(&bad).unwrap_err();
        assert!(e.has("year") && e.has("participants"));
        assert_eq!(e.get("held_on"), Some(&FieldError::Date));
    }
}
