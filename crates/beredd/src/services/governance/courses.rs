//! Training courses and completions: checking what a form gives, and every change written with
//! its entry in the audit trail.

use beredd_domain::FieldError;
use beredd_domain::text;
use beredd_domain::training::{Audience, CourseKind, MAX_EVERY_MONTHS};

use crate::platform::clock::Day;
use crate::platform::day::optional_day;
use crate::platform::db::{Db, DbError};
use crate::services::Invalid;
use crate::store::audit::{self, Actor};
use crate::store::training::{self, Completion, Course, CourseInput};

/// The longest description of a course.
pub const MAX_DESCRIPTION: usize = 4000;

/// A course's details as the form gives them; the units and people have been checked against
/// the registers already.
pub struct Draft<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub description: &'a str,
    pub every_months: &'a str,
    pub audience: &'a str,
    pub units: Vec<i64>,
    pub people: Vec<i64>,
}

/// Checks a draft: a name, a kind and an audience are needed; the interval is 1–60 months or
/// empty (once is enough); units or people must be named when the audience is units or people.
pub fn check(d: Draft) -> Result<CourseInput, Invalid> {
    let mut e = Invalid::default();
    let name = e.take("name", text::Name::parse(d.name).map(|n| n.into_string()));
    let kind = e.take("kind", CourseKind::parse(d.kind).map(Some));
    let description = e.take("description", text::optional_text(d.description, MAX_DESCRIPTION));
    let every_months = e.take("every_months", text::optional_number(d.every_months, 1, MAX_EVERY_MONTHS));
    let audience = e.take("audience", Audience::parse(d.audience).map(Some));
    if audience == Some(Audience::Units) && d.units.is_empty() {
        e.add("units", FieldError::Required);
    }
    if audience == Some(Audience::People) && d.people.is_empty() {
        e.add("people", FieldError::Required);
    }
    match (kind, audience) {
        (Some(kind), Some(audience)) if e.is_empty() => Ok(CourseInput {
            name,
            kind,
            description,
            every_months,
            audience,
            unit_ids: if audience == Audience::Units { d.units } else { Vec::new() },
            person_ids: if audience == Audience::People { d.people } else { Vec::new() },
        }),
        _ => Err(e),
    }
}

/// A completion as the form gives it: the day is needed and may not be after `today`; the note is
/// one line; at least one person.
pub fn check_completion(on: &str, note: &str, people: &[i64], today: Day) -> Result<(Day, Option<String>), Invalid> {
    let mut e = Invalid::default();
    let on = e.take("completed_on", optional_day(on).and_then(|d| d.ok_or(FieldError::Required)).map(Some));
    if on.is_some_and(|on| on > today) {
        e.add("completed_on", FieldError::FutureDate);
    }
    let note = e.take("note", text::optional_line(note, 300));
    if people.is_empty() {
        e.add("people", FieldError::Required);
    }
    match on {
        Some(on) if e.is_empty() => Ok((on, note)),
        _ => Err(e),
    }
}

fn change<'a, T: serde::Serialize>(
    action: &'a str,
    id: i64,
    summary: &'a str,
    before: Option<&'a T>,
    after: Option<&'a T>,
) -> audit::Change<'a, T> {
    audit::Change { action, entity: "training-course", entity_id: Some(id), summary, before, after }
}

/// Adds a course.
pub async fn create(db: &Db, actor: &Actor, c: &CourseInput) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let id = training::insert(&mut tx, actor.org_id, c).await?.id();
    audit::record(&mut *tx, actor, change("create", id, &c.name, None, Some(c))).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a course's details.
pub async fn update(db: &Db, actor: &Actor, id: i64, before: &CourseInput, c: &CourseInput) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    training::update(&mut tx, actor.org_id, id, c).await?;
    audit::record(&mut *tx, actor, change("update", id, &c.name, Some(before), Some(c))).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that each of `people` (id, name) took `course` on `on`.
pub async fn record(
    db: &Db,
    actor: &Actor,
    course: &Course,
    people: &[(i64, String)],
    on: Day,
    note: Option<&str>,
    by: &str,
) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    for (person, name) in people {
        let id = training::add_completion(&mut *tx, course.key(), *person, on, note, by).await?;
        let after = serde_json::json!({ "course": course.id, "person": person, "completed_on": on, "note": note });
        let summary = format!("{}: {name} {on}", course.name);
        let change = audit::Change {
            action: "create",
            entity: "training-completion",
            entity_id: Some(id),
            summary: &summary,
            before: None,
            after: Some(&after),
        };
        audit::record(&mut *tx, actor, change).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Removes a completion recorded by mistake.
pub async fn remove(db: &Db, actor: &Actor, course: &Course, c: &Completion, name: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    training::delete_completion(&mut *tx, course.key(), c.id).await?;
    let summary = format!("{}: {name} {}", course.name, c.completed_on);
    let change = audit::Change {
        action: "delete",
        entity: "training-completion",
        entity_id: Some(c.id),
        summary: &summary,
        before: Some(c),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(audience: &'a str, units: Vec<i64>, people: Vec<i64>) -> Draft<'a> {
        Draft {
            name: "Cyberhygien för alla",
            kind: "cyber_hygiene",
            description: "",
            every_months: "24",
            audience,
            units,
            people,
        }
    }

    #[test]
    fn a_course_names_whom_it_applies_to() {
        let ok = check(draft("units", vec![3], vec![7])).unwrap();
        assert_eq!(
            (ok.audience, ok.every_months, ok.unit_ids, ok.person_ids),
            (Audience::Units, Some(24), vec![3], vec![])
        );
        let bad = check(draft("people", vec![3], vec![])).unwrap_err();
        assert_eq!(bad.0, [("people".to_owned(), FieldError::Required)]);
        let mut d = draft("alla", vec![], vec![]);
        d.every_months = "100";
        let bad = check(d).unwrap_err();
        assert!(bad.has("every_months") && bad.has("audience"), "{bad:?}");
    }

    #[test]
    fn a_completion_needs_a_day_not_after_today_and_someone() {
        let today = Day::parse("2026-11-24").unwrap();
        assert_eq!(check_completion("2026-11-24", " Kurs ", &[1], today).unwrap(), (today, Some("Kurs".into())));
        let bad = check_completion("2026-11-25", "", &[], today).unwrap_err();
        assert_eq!(
            bad.0,
            [("completed_on".to_owned(), FieldError::FutureDate), ("people".to_owned(), FieldError::Required)]
        );
        assert_eq!(
            check_completion("", "", &[1], today).unwrap_err().0,
            [("completed_on".to_owned(), FieldError::Required)]
        );
    }
}
