//! Assessments against a framework: one found with its framework, started from a form, how far
//! each has come (and, for the start page, its gaps without an action), and removed with its
//! answers and evidence files.

use std::sync::Arc;

use beredd_domain::FieldError;
use beredd_domain::framework::{self, Framework, Status, Tally};
use beredd_domain::text;

use super::answers::answer_map;
use super::library::{Known, Library};
use crate::platform::db::{Db, DbError};
use crate::services::invalid::Invalid;
use crate::store::frameworks::{self as store, Assessment, NewAssessment};
use crate::store::{audit, evidence};

/// The organisation's assessment `id`, found without its framework (so that one of a framework
/// that no longer reads can still be removed).
pub async fn find(pool: &sqlx::AnyPool, org: i64, id: i64) -> Result<Option<Assessment>, DbError> {
    Ok(store::assessments(pool, org).await?.into_iter().find(|a| a.id == id))
}

/// The organisation's assessment `id` with its framework, or `None` when either is missing.
pub async fn with_framework(
    pool: &sqlx::AnyPool,
    library: &Library,
    org: i64,
    id: i64,
) -> Result<Option<(Assessment, Arc<Framework>)>, DbError> {
    let Some(a) = find(pool, org, id).await? else { return Ok(None) };
    let fw = library.find(pool, org, &a.framework_key, &a.version).await?;
    Ok(fw.map(|k| (a, k.fw)))
}

/// A new assessment as typed; `framework` is "id@version".
pub struct Draft<'a> {
    pub framework: &'a str,
    pub title: &'a str,
    pub scope: &'a str,
    pub started_on: &'a str,
}

/// Reads a draft against the organisation's frameworks; `by` is who starts it.
pub fn parse(d: &Draft, known: &[Known], by: &str) -> Result<NewAssessment, Invalid> {
    let mut e = Invalid::default();
    let chosen =
        d.framework.split_once('@').and_then(|(k, v)| known.iter().find(|x| x.fw.id == k && x.fw.version == v));
    if chosen.is_none() {
        e.add("framework", FieldError::Choice);
    }
    let title = e.take("title", text::Name::parse(d.title).map(|n| n.into_string()));
    let scope = e.take("scope", text::optional_line(d.scope, 300));
    let started_on = e.take(
        "started_on",
        crate::platform::day::optional_day(d.started_on).and_then(|d| d.ok_or(FieldError::Required)).map(Some),
    );
    let (Some(k), Some(started_on)) = (chosen.filter(|_| e.is_empty()), started_on) else { return Err(e) };
    Ok(NewAssessment {
        framework_key: k.fw.id.clone(),
        version: k.fw.version.clone(),
        title,
        scope,
        started_on,
        created_by: by.to_owned(),
    })
}

/// Starts an assessment; its id.
pub async fn create(db: &Db, actor: &audit::Actor, a: &NewAssessment) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let id = store::add_assessment(&mut *tx, actor.org_id, a).await?.id();
    let change = audit::Change {
        action: "create",
        entity: "framework-assessment",
        entity_id: Some(id),
        summary: &a.title,
        before: None,
        after: Some(a),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes an assessment with its answers and evidence files; the actions its gaps made stay in
/// the action plan. The audit trail keeps each file's name, size and SHA-256, so that a copy kept
/// elsewhere can be shown to be the same file (security review F10).
pub async fn delete(db: &Db, actor: &audit::Actor, a: &Assessment) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let answers = store::answers(&mut *tx, a.key()).await?;
    let files = evidence::for_assessment(&mut *tx, actor.org_id, a.id).await?;
    store::delete_assessment(&mut tx, actor.org_id, a.id).await?;
    let before = serde_json::json!({ "assessment": a, "answers": answers, "evidence": files });
    let change = audit::Change {
        action: "delete",
        entity: "framework-assessment",
        entity_id: Some(a.id),
        summary: &a.title,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// An assessment with its framework and how far it has come; without them when its framework
/// is not one the organisation has.
pub struct Progress {
    pub assessment: Assessment,
    pub of: Option<(Arc<Framework>, Tally)>,
}

/// Every assessment of the organisation, with how far it has come.
pub async fn progress(pool: &sqlx::AnyPool, known: &[Known], org: i64) -> Result<Vec<Progress>, DbError> {
    let mut out = Vec::new();
    for a in store::assessments(pool, org).await? {
        let of = match known.iter().find(|k| k.fw.id == a.framework_key && k.fw.version == a.version) {
            Some(k) => Some((k.fw.clone(), framework::tally(&k.fw, &answer_map(pool, a.key()).await?.1).1)),
            None => None,
        };
        out.push(Progress { assessment: a, of });
    }
    Ok(out)
}

/// An assessment on the start page: how far it has come, and its gaps (no or partly) that no
/// action is linked to yet.
pub struct Standing {
    pub assessment: Assessment,
    pub fw: Arc<Framework>,
    pub tally: Tally,
    /// The gaps' requirement ids, in the order they were answered.
    pub open_gaps: Vec<String>,
}

/// The start page's view of every assessment whose framework the organisation has.
pub async fn standings(pool: &sqlx::AnyPool, library: &Library, org: i64) -> Result<Vec<Standing>, DbError> {
    let all = library.known(pool, org).await?;
    let mut out = Vec::new();
    for a in store::assessments(pool, org).await? {
        let Some(k) = all.iter().find(|k| k.fw.id == a.framework_key && k.fw.version == a.version) else { continue };
        let (answers, map) = answer_map(pool, a.key()).await?;
        let linked = store::linked_actions(pool, a.key()).await?;
        let open_gaps = answers
            .into_iter()
            .filter(|x| x.status.as_deref().and_then(Status::parse).is_some_and(Status::is_gap))
            .filter(|x| !linked.iter().any(|(n, _)| *n == x.node_id) && k.fw.node(&x.node_id).is_some())
            .map(|x| x.node_id)
            .collect();
        out.push(Standing { tally: framework::tally(&k.fw, &map).1, fw: k.fw.clone(), assessment: a, open_gaps });
    }
    Ok(out)
}

/// The organisation's standings as this process keeps them while nothing of the organisation
/// is written (the start page asks on every visit).
pub async fn kept_standings(
    db: &crate::platform::db::Db,
    library: &Library,
    org: i64,
) -> Result<Arc<Vec<Standing>>, DbError> {
    use crate::store::versions::{Follows, cached_if};
    cached_if(db, org, Follows::Data, |_: &Vec<Standing>| true, || standings(&db.pool, library, org)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_assessment_needs_one_of_the_frameworks_a_title_and_a_start_date() {
        let known: Vec<Known> = crate::content::frameworks::library()
            .unwrap()
            .into_iter()
            .map(|fw| Known { fw: Arc::new(fw), imported: None })
            .collect();
        let first = format!("{}@{}", known[0].fw.id, known[0].fw.version);
        let d = Draft { framework: "nope@1", title: "", scope: "", started_on: "" };
        let e = parse(&d, &known, "Anna").err().unwrap();
        assert_eq!(e.get("framework"), Some(&FieldError::Choice));
        assert!(e.has("title"));
        assert_eq!(e.get("started_on"), Some(&FieldError::Required));
        let d = Draft { framework: &first, title: "NIS 2 hösten", scope: "", started_on: "2026-11-02" };
        let a = parse(&d, &known, "Anna").ok().unwrap();
        assert_eq!((a.framework_key.as_str(), a.created_by.as_str()), (known[0].fw.id.as_str(), "Anna"));
    }
}
