//! After an incident or an exercise: adding a lesson (a change to make can become an action in
//! the action plan, pointing back to the incident) and an exercise's injects, each written with
//! its log entry or its record in the audit trail.

use crate::platform::clock::Stamp;
use crate::platform::day::optional_day;
use beredd_domain::incident::{LessonKind, LessonTarget};
use beredd_domain::{ActionStatus, FieldError, LogKind, Priority, text};

use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::invalid::optional_id;
use crate::services::{Failure, Invalid};
use crate::store::incidents::{self, Incident, NewEntry};
use crate::store::{actions, assets, audit, plans, risks};

/// A place a lesson can point to: the target, its label and the link to it.
pub type Target = (LessonTarget, String, String);

/// The plans, risks and classified information a lesson can point to.
pub async fn targets(pool: &sqlx::AnyPool, org: i64, tr: &Tr) -> Result<Vec<Target>, DbError> {
    let label = |t: LessonTarget, name: &str| tr.ts(t.label_id(), "name", name);
    let mut conn = pool.acquire().await?;
    let mut out: Vec<Target> = plans::list(&mut conn, org)
        .await?
        .into_iter()
        .map(|p| (LessonTarget::Plan(p.id), label(LessonTarget::Plan(p.id), &p.name), format!("/plans/{}", p.id)))
        .collect();
    drop(conn);
    out.extend(risks::risks(pool, org).await?.into_iter().map(|r| {
        let t = LessonTarget::Risk(r.id);
        (t, label(t, &r.threat), format!("/risks/analyses/{}", r.analysis_id))
    }));
    out.extend(assets::list(pool, org).await?.into_iter().map(|a| {
        let t = LessonTarget::Asset(a.id);
        (t, label(t, &a.name), format!("/assets/{}", a.id))
    }));
    Ok(out)
}

/// When an inject is due: the minute it falls on, as shown in Swedish time (`HH:MM`), and
/// whether it is due by `now`.
pub fn inject_time(started_at: Stamp, minute: i64, now: Stamp) -> (String, bool) {
    let at = started_at.plus_seconds(minute.saturating_mul(60));
    (at.shown_minute().get(11..).unwrap_or("").to_owned(), at <= now)
}

/// The lesson form as posted.
pub struct LessonForm<'a> {
    pub kind: &'a str,
    pub text: &'a str,
    pub owner: &'a str,
    pub due: &'a str,
    pub target: &'a str,
    pub create_action: bool,
}

/// A lesson, checked.
pub struct Lesson {
    pub kind: LessonKind,
    pub text: String,
    pub owner: Option<i64>,
    pub due: Option<crate::platform::clock::Day>,
    /// What it points to, with its label.
    pub target: Option<(LessonTarget, String)>,
    /// A change to make that should become an action.
    pub create_action: bool,
}

/// Checks the form; `known_person` says whether an owner id is a person of the organisation.
pub fn check(f: &LessonForm, known_person: impl Fn(i64) -> bool, targets: &[Target]) -> Result<Lesson, Invalid> {
    let mut e = Invalid::default();
    let kind = e.take("kind", LessonKind::parse(f.kind).map(Some));
    let text = e.take("text", text::optional_text(f.text, 4000).and_then(|t| t.ok_or(FieldError::Required)));
    let owner = e.take("owner", optional_id(f.owner, known_person));
    let due = e.take("due", optional_day(f.due));
    let target = match f.target {
        "" => None,
        code => {
            let known = LessonTarget::parse(code).ok().and_then(|t| targets.iter().find(|(v, _, _)| *v == t));
            if known.is_none() {
                e.add("target", FieldError::Missing);
            }
            known.map(|(t, label, _)| (*t, label.clone()))
        }
    };
    match kind {
        Some(kind) if e.is_empty() => {
            let create_action = kind == LessonKind::Change && f.create_action;
            Ok(Lesson { kind, text, owner, due, target, create_action })
        }
        _ => Err(e),
    }
}

/// The action a change to make becomes, pointing back to the incident.
fn action_input(tr: &Tr, i: &Incident, l: &Lesson) -> actions::ActionInput {
    actions::ActionInput {
        title: tr.ts("lesson-action-title", "text", &l.text.chars().take(150).collect::<String>()),
        origin: beredd_domain::ActionOrigin::Lesson,
        origin_ref: Some(format!("incident:{}", i.id)),
        owner_id: l.owner,
        unit_id: i.unit_ids.first().copied(),
        priority: Priority::Medium,
        due_date: l.due,
        status: ActionStatus::Planned,
        notes: Some(match &l.target {
            Some((_, label)) => format!("{}\n{label}", l.text),
            None => l.text.clone(),
        }),
    }
}

/// Adds the lesson to the incident (and its action, when asked for) with an entry in the log.
pub async fn add(db: &Db, actor: &audit::Actor, tr: &Tr, i: &Incident, l: &Lesson, by: &str) -> Result<(), Failure> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let action = if l.create_action {
        let input = action_input(tr, i, l);
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
        Some(aid)
    } else {
        None
    };
    let target = l.target.as_ref().map(|(t, _)| *t);
    incidents::add_lesson(&mut *tx, i.key(), l.kind, &l.text, action, by, target).await?;
    let entry = NewEntry::web(LogKind::Information, format!("{}: {}", tr.t(l.kind.label_id()), l.text), by);
    incidents::append(&mut tx, &db.keys, org, i.key(), entry, by).await?;
    tx.commit().await?;
    Ok(())
}

/// An inject, checked: when (minutes from the exercise's start) and what happens.
pub fn check_inject(minute: &str, body: &str) -> Result<(i64, String), Invalid> {
    let mut e = Invalid::default();
    let minute = e.take("minute", text::optional_number(minute, 0, 10_000).and_then(|m| m.ok_or(FieldError::Required)));
    let body = e.take("text", text::optional_text(body, 2000).and_then(|t| t.ok_or(FieldError::Required)));
    e.or((minute, body))
}

/// Adds an inject to the exercise's timeline.
pub async fn add_inject(db: &Db, actor: &audit::Actor, i: &Incident, minute: i64, body: &str) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    incidents::add_inject(&mut *tx, i.key(), minute, body).await?;
    let record = serde_json::json!({ "minute": minute, "text": body });
    let change = audit::Change {
        action: "create",
        entity: "incident",
        entity_id: Some(i.id),
        summary: &i.title,
        before: None::<&serde_json::Value>,
        after: Some(&record),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod inject_tests {
    use super::{Stamp, inject_time};

    #[test]
    fn an_inject_is_shown_in_swedish_time_and_due_once_its_minute_has_come() {
        let at = |s: &str| Stamp::parse(s).unwrap();
        let (start, now) = (at("2026-11-24T08:00:00Z"), at("2026-11-24T09:00:00Z"));
        assert_eq!(inject_time(start, 45, now), ("09:45".to_owned(), true));
        assert_eq!(inject_time(start, 60, now), ("10:00".to_owned(), true));
        assert_eq!(inject_time(start, 61, now), ("10:01".to_owned(), false));
        assert_eq!(inject_time(at("2026-07-14T08:00:00Z"), 5, now), ("10:05".to_owned(), true), "summer time");
    }
}
