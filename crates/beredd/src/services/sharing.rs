//! The shared library between municipalities (issue 22): a coordinator publishes a copy of a
//! plan (as a template), a lesson learned or a local requirement; every organisation of the
//! installation sees the library and may take a copy in, which becomes its own to edit. The
//! publisher may withdraw an item; copies already taken in stay. Each step is in the audit
//! trail of the organisation that took it.
//!
//! What a copy holds (the safe rule): a plan template keeps the lead, routines, hotline hours
//! and script, communication texts and checklists, and leaves the call list, the external
//! contacts, the hotline's number and who answers it, and the spokesperson behind
//! (`beredd_domain::sharing::plan_template`). A lesson keeps only its kind and its text, which
//! the coordinator reviews in the form before publishing; not who wrote it, its incident, its
//! action or what it points to. A requirement keeps its texts. In every text, the names of the
//! publishing organisation's people and users are replaced by "[namn]", telephone numbers by
//! "[telefonnummer]" and e-mail addresses by "[e-post]" (`beredd_domain::sharing::anonymised`),
//! once when the form is shown and again on what is posted.

use beredd_domain::incident::LessonKind;
use beredd_domain::plan::PlanContent;
use beredd_domain::sharing::{self, SharedKind, anonymised};
use beredd_domain::{ActionOrigin, ActionStatus, FieldError, Priority, text};
use serde::{Deserialize, Serialize};

use crate::content::catalogue::Catalogue;
use crate::platform::db::{Db, DbError};
use crate::services::{Failure, Invalid};
use crate::store::local_requirements::{self as local, LocalRequirement};
use crate::store::shared::{self, NewItem, SharedItem};
use crate::store::{actions, audit, incidents, people, plans, users};

/// A lesson as shared: its kind and its text, nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonCopy {
    pub kind: LessonKind,
    pub text: String,
}

/// A local requirement as shared: its suggested id and its texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementCopy {
    pub requirement_id: String,
    pub area: String,
    pub title: String,
    pub is_text: String,
    pub shall_text: String,
    pub guidance: Option<String>,
    pub applies: String,
    pub refs: Option<String>,
}

/// The copy an item holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Copy {
    PlanTemplate(PlanContent),
    Lesson(LessonCopy),
    Requirement(RequirementCopy),
}

impl Copy {
    pub fn kind(&self) -> SharedKind {
        match self {
            Copy::PlanTemplate(_) => SharedKind::PlanTemplate,
            Copy::Lesson(_) => SharedKind::Lesson,
            Copy::Requirement(_) => SharedKind::Requirement,
        }
    }

    fn to_json(&self) -> String {
        match self {
            Copy::PlanTemplate(c) => serde_json::to_string(c),
            Copy::Lesson(c) => serde_json::to_string(c),
            Copy::Requirement(c) => serde_json::to_string(c),
        }
        .unwrap_or_default()
    }

    /// A stored item's copy.
    pub fn of(item: &SharedItem) -> Result<Copy, DbError> {
        let bad = |e: serde_json::Error| DbError::Corrupt(format!("shared item {}: {e}", item.id));
        Ok(match item.kind {
            SharedKind::PlanTemplate => Copy::PlanTemplate(serde_json::from_str(&item.content).map_err(bad)?),
            SharedKind::Lesson => Copy::Lesson(serde_json::from_str(&item.content).map_err(bad)?),
            SharedKind::Requirement => Copy::Requirement(serde_json::from_str(&item.content).map_err(bad)?),
        })
    }
}

/// What would be shared, as the form shows it: a title, the copy and where the original is.
pub struct Proposal {
    pub title: String,
    pub copy: Copy,
    pub back: String,
}

/// The names to keep out of a copy: the organisation's people and its users' display names.
pub async fn names(pool: &sqlx::AnyPool, org: i64) -> Result<Vec<String>, DbError> {
    let mut out: Vec<String> = people::list(pool, org).await?.into_iter().map(|p| p.name).collect();
    out.extend(users::list(pool, org).await?.into_iter().map(|u| u.display_name));
    Ok(out)
}

fn first_line(text: &str, max: usize) -> String {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().chars().take(max).collect()
}

/// The copy of one of the organisation's records (`id` as in its address), or none.
pub async fn propose(db: &Db, org: i64, kind: SharedKind, id: &str) -> Result<Option<Proposal>, DbError> {
    let names = names(&db.pool, org).await?;
    let t = |s: &str| anonymised(s, &names);
    Ok(match kind {
        SharedKind::PlanTemplate => {
            let Ok(id) = id.parse::<i64>() else { return Ok(None) };
            let mut conn = db.pool.acquire().await?;
            let Some(plan) = plans::get(&mut conn, org, id).await? else { return Ok(None) };
            let versions = plans::versions(&mut *conn, org, id).await?;
            let Some(v) = versions.iter().find(|v| !v.is_draft()).or(versions.first()) else { return Ok(None) };
            let copy = Copy::PlanTemplate(sharing::plan_template(&v.content()?, &names));
            Some(Proposal { title: t(&plan.name), copy, back: format!("/plans/{id}") })
        }
        SharedKind::Lesson => {
            let Ok(id) = id.parse::<i64>() else { return Ok(None) };
            let Some((incident, l)) = incidents::lesson(&db.pool, org, id).await? else { return Ok(None) };
            let text = t(&l.text);
            let copy = Copy::Lesson(LessonCopy { kind: l.kind, text: text.clone() });
            Some(Proposal { title: first_line(&text, 120), copy, back: format!("/incidents/{incident}/lessons") })
        }
        SharedKind::Requirement => {
            let Some(r) = local::list(&db.pool, org).await?.into_iter().find(|r| r.requirement_id == id) else {
                return Ok(None);
            };
            let opt = |s: &Option<String>| s.as_deref().map(t);
            let copy = Copy::Requirement(RequirementCopy {
                requirement_id: r.requirement_id.clone(),
                area: r.area,
                title: t(&r.title),
                is_text: t(&r.is_text),
                shall_text: t(&r.shall_text),
                guidance: opt(&r.guidance),
                applies: r.applies,
                refs: opt(&r.refs),
            });
            Some(Proposal { title: t(&r.title), copy, back: format!("/requirements/{id}") })
        }
    })
}

/// The form as posted: the title, a lesson's text as the coordinator left it, and whether the
/// organisation's name is shown.
pub struct Publishing<'a> {
    pub title: &'a str,
    pub lesson_text: &'a str,
    pub show_publisher: bool,
}

/// Checks the form against the proposal: the copy to publish, with its title.
pub fn check(p: &Proposal, f: &Publishing, names: &[String]) -> Result<(String, Copy), Invalid> {
    let mut e = Invalid::default();
    let title = e.take("title", text::Name::parse(f.title).map(|n| anonymised(&n.into_string(), names)));
    let copy = match &p.copy {
        Copy::Lesson(l) => {
            let text =
                e.take("text", text::optional_text(f.lesson_text, 4000).and_then(|t| t.ok_or(FieldError::Required)));
            Copy::Lesson(LessonCopy { kind: l.kind, text: anonymised(&text, names) })
        }
        other => other.clone(),
    };
    e.or((title, copy))
}

/// Publishes the copy, in the publisher's audit trail.
pub async fn publish(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    title: &str,
    copy: &Copy,
    show: bool,
) -> Result<i64, DbError> {
    let content = copy.to_json();
    let item = NewItem {
        kind: copy.kind(),
        title,
        content: &content,
        publisher_org_id: actor.org_id,
        show_publisher: show,
        published_by: by,
    };
    let mut tx = db.begin_write().await?;
    let id = shared::publish(&mut *tx, &item).await?;
    let after = shared::get(&mut *tx, id).await?;
    let change = audit::Change {
        action: "publish",
        entity: "shared-item",
        entity_id: Some(id),
        summary: title,
        before: None,
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws one of the organisation's own items; not found when it has none by that id.
pub async fn withdraw(db: &Db, actor: &audit::Actor, id: i64) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let before =
        shared::get(&mut *tx, id).await?.filter(|i| i.publisher_org_id == actor.org_id).ok_or(Failure::NotFound)?;
    if !shared::withdraw(&mut *tx, actor.org_id, id).await? {
        return Err(Failure::NotFound);
    }
    let change = audit::Change::<SharedItem> {
        action: "withdraw",
        entity: "shared-item",
        entity_id: Some(id),
        summary: &before.title,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The first of `base`, then `base` with the suffix for 2, 3… (cut to `max` characters), that
/// `taken` says is free.
async fn free_name<F, Fut>(base: &str, max: usize, suffix: fn(u32) -> String, taken: F) -> Result<String, DbError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<bool, DbError>>,
{
    for n in 1.. {
        let suffix = if n == 1 { String::new() } else { suffix(n) };
        let head: String = base.chars().take(max - suffix.chars().count()).collect();
        let name = format!("{head}{suffix}");
        if !taken(name.clone()).await? {
            return Ok(name);
        }
    }
    unreachable!("some name is free")
}

/// Takes a copy of a library item into the organisation as its own record (a plan draft without
/// units, an action in the action plan, or an own requirement), in its audit trail. Returns the
/// new record's address. Nothing of the publisher's is read or written but the item itself.
pub async fn adopt(db: &Db, actor: &audit::Actor, by: &str, base: &Catalogue, id: i64) -> Result<String, Failure> {
    let item = shared::get(&db.pool, id).await?.ok_or(Failure::NotFound)?;
    let org = actor.org_id;
    let pool = &db.pool;
    let summary = format!("{} ({})", item.title, item.kind.code());
    match Copy::of(&item)? {
        Copy::PlanTemplate(content) => {
            let name = free_name(
                &item.title,
                200,
                |n| format!(" ({n})"),
                |n| async move { plans::name_taken(pool, org, &n, None).await },
            )
            .await?;
            let mut tx = db.begin_write().await?;
            let plan = plans::create(&mut tx, org, &name, None, &[], &content, by).await?;
            let after = plans::version(&mut *tx, org, plan, 1).await?;
            let change = audit::Change {
                action: "adopt",
                entity: "plan",
                entity_id: Some(plan),
                summary: &summary,
                before: None,
                after: after.as_ref(),
            };
            audit::record(&mut *tx, actor, change).await?;
            tx.commit().await?;
            Ok(format!("/plans/{plan}"))
        }
        Copy::Lesson(l) => {
            let input = actions::ActionInput {
                title: first_line(&l.text, 150),
                origin: ActionOrigin::Lesson,
                origin_ref: None,
                owner_id: None,
                unit_id: None,
                priority: Priority::Medium,
                due_date: None,
                status: ActionStatus::Planned,
                notes: Some(l.text.clone()),
            };
            let mut tx = db.begin_write().await?;
            let action = actions::insert(&mut *tx, org, &input).await?;
            let after = actions::get(&mut *tx, org, action).await?;
            let change = audit::Change {
                action: "adopt",
                entity: "action",
                entity_id: Some(action),
                summary: &summary,
                before: None,
                after: after.as_ref(),
            };
            audit::record(&mut *tx, actor, change).await?;
            tx.commit().await?;
            Ok(format!("/actions/{action}"))
        }
        Copy::Requirement(r) => {
            let mine = local::list(pool, org).await?;
            let taken = |n: String| {
                let free = base.get(&n).is_none() && !mine.iter().any(|m| m.requirement_id == n);
                async move { Ok(!free) }
            };
            let requirement_id = free_name(&r.requirement_id, 20, |n| format!("-{n}"), taken).await?;
            let row = LocalRequirement {
                requirement_id: requirement_id.clone(),
                area: r.area,
                title: r.title,
                is_text: r.is_text,
                shall_text: r.shall_text,
                guidance: r.guidance,
                applies: r.applies,
                refs: r.refs,
                updated_by: by.to_owned(),
                updated_at: crate::platform::clock::now_stamp(),
            };
            let mut tx = db.begin_write().await?;
            if !local::add(&mut tx, org, &row).await? {
                return Err(Failure::Invalid(Invalid::default().with("requirement_id", FieldError::Duplicate)));
            }
            let change = audit::Change {
                action: "adopt",
                entity: "requirement",
                entity_id: None,
                summary: &summary,
                before: None,
                after: Some(&row),
            };
            audit::record(&mut *tx, actor, change).await?;
            tx.commit().await?;
            Ok(format!("/requirements/{requirement_id}"))
        }
    }
}

/// The library as an organisation sees it, of one kind or all.
pub async fn library(pool: &sqlx::AnyPool, kind: Option<SharedKind>) -> Result<Vec<SharedItem>, DbError> {
    shared::library(pool, kind).await
}
