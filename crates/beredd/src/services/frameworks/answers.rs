//! One requirement's answer in an assessment: what the answer page shows (the stored answer,
//! catalogue requirements that share a reference, linked and open actions, evidence files), what
//! its form's input must be, and the answer saved with an action made or linked when asked.

use std::collections::HashMap;

use beredd_domain::framework::{self, Framework, Maps, Node, Status};
use beredd_domain::text;
use beredd_domain::{ActionStatus, FieldError, Priority};

use crate::content::catalogue::{Catalogue, Requirement};
use crate::platform::db::{Db, DbError};
use crate::services::invalid::{Invalid, optional_id};
use crate::store::evidence::{self, FrameworkFile};
use crate::store::frameworks::{self as store, Answer, Assessment};
use crate::store::{actions, audit};

/// An assessment's answers, with each requirement's status and maturity as the tally reads them.
pub type AnswerMap = HashMap<String, (Option<Status>, Option<u8>)>;

/// An assessment's stored answers and the map the domain's tally takes.
pub async fn answer_map(pool: &sqlx::AnyPool, assessment: store::Key) -> Result<(Vec<Answer>, AnswerMap), DbError> {
    let answers = store::answers(pool, assessment).await?;
    let map = answers
        .iter()
        .map(|a| (a.node_id.clone(), (a.status.as_deref().and_then(Status::parse), a.maturity.map(|m| m as u8))))
        .collect();
    Ok((answers, map))
}

/// Catalogue requirements that share a reference with the framework requirement.
pub fn suggestions<'a>(catalogue: &'a Catalogue, node: &Node) -> Vec<&'a Requirement> {
    if node.maps.is_empty() {
        return Vec::new();
    }
    let maps = |r: &Requirement| Maps {
        cyber_measures: r.cyber_measures.clone(),
        gdpr: r.gdpr.clone(),
        pdl: r.pdl.clone(),
        hslf: r.hslf.clone(),
        iso27001: r.iso27001.clone(),
    };
    catalogue.requirements.iter().filter(|r| node.maps.meets(&maps(r))).collect()
}

/// The assessable requirement after `node`, for "save and go on".
pub fn next_assessable<'a>(fw: &'a Framework, node: &str) -> Option<&'a Node> {
    fw.nodes.iter().skip_while(|n| n.id != node).skip(1).find(|n| n.assessable)
}

/// What the answer page of one requirement shows besides the requirement itself.
pub struct Around<'a> {
    pub suggested: Vec<&'a Requirement>,
    pub current: Option<Answer>,
    /// The actions linked to this requirement.
    pub linked: Vec<actions::Action>,
    /// The open actions not linked to it, which it can be linked to.
    pub open: Vec<actions::Action>,
    pub files: Vec<FrameworkFile>,
}

/// What surrounds the answer to `node` in assessment `a` of the organisation.
pub async fn around<'a>(
    pool: &sqlx::AnyPool,
    catalogue: &'a Catalogue,
    org: i64,
    a: &Assessment,
    node: &Node,
) -> Result<Around<'a>, DbError> {
    let current = store::answers(pool, a.key()).await?.into_iter().find(|x| x.node_id == node.id);
    let links = store::linked_actions(pool, a.key()).await?;
    let is_linked = |x: &actions::Action| links.iter().any(|(n, aid)| *n == node.id && *aid == x.id);
    let (linked, others): (Vec<_>, Vec<_>) = actions::list(pool, org).await?.into_iter().partition(is_linked);
    let linked = links
        .iter()
        .filter(|(n, _)| *n == node.id)
        .filter_map(|(_, aid)| linked.iter().find(|x| x.id == *aid).cloned())
        .collect();
    let open = others.into_iter().filter(|x| x.status.is_open()).collect();
    let files = evidence::for_assessment(pool, org, a.id).await?.into_iter().filter(|f| f.node_id == node.id).collect();
    Ok(Around { suggested: suggestions(catalogue, node), current, linked, open, files })
}

/// An answer as typed; each field's name is the one its errors are given under.
pub struct Draft<'a> {
    pub status: &'a str,
    pub maturity: &'a str,
    pub comment: &'a str,
    pub evidence: &'a str,
    /// The ticked suggestions.
    pub req: Vec<&'a str>,
    /// Other catalogue requirements, by id, separated by commas, spaces or semicolons.
    pub req_other: &'a str,
    /// The title of an action to make, its owner and due date; or an action to link.
    pub new_action: &'a str,
    pub action_owner: &'a str,
    pub action_due: &'a str,
    pub link_action: &'a str,
}

/// An answer read from a draft, with the action to make or link.
pub struct Parsed {
    pub status: Option<Status>,
    pub maturity: Option<i64>,
    pub comment: Option<String>,
    pub evidence: Option<String>,
    pub requirements: Vec<String>,
    pub new_action: Option<String>,
    pub owner: Option<i64>,
    pub due: Option<crate::platform::clock::Day>,
    pub link: Option<i64>,
}

/// A status: empty is none, else one of the codes.
pub fn status(raw: &str) -> Result<Option<Status>, FieldError> {
    match raw {
        "" => Ok(None),
        s => Status::parse(s).map(Some).ok_or(FieldError::Choice),
    }
}

/// A maturity 0–5: empty is none.
pub fn maturity(raw: &str) -> Result<Option<i64>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        m => match m.parse::<u8>() {
            Ok(n) if n <= framework::MATURITY_MAX => Ok(Some(i64::from(n))),
            _ => Err(FieldError::Number { min: 0, max: i64::from(framework::MATURITY_MAX) }),
        },
    }
}

/// The linked catalogue requirements: the ticked suggestions and any others typed by id.
fn requirements(d: &Draft, catalogue: &Catalogue, e: &mut Invalid) -> Vec<String> {
    let known = |id: &str| catalogue.requirements.iter().any(|c| c.id == id);
    let mut reqs: Vec<String> = d.req.iter().map(|r| (*r).to_owned()).collect();
    for r in d.req_other.split([',', ' ', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        let r = r.to_uppercase();
        if !known(&r) {
            e.add("req_other", FieldError::NotInCatalogue);
        } else if !reqs.contains(&r) {
            reqs.push(r);
        }
    }
    if reqs.iter().any(|r| !known(r)) {
        e.add("req", FieldError::Choice);
    }
    reqs
}

/// Reads a draft; `person` and `action` tell whether an id is one of the organisation's.
pub fn parse(
    d: &Draft,
    catalogue: &Catalogue,
    person: impl Fn(i64) -> bool,
    action: impl Fn(i64) -> bool,
) -> Result<Parsed, Invalid> {
    let mut e = Invalid::default();
    let status = e.take("status", status(d.status));
    let maturity = e.take("maturity", maturity(d.maturity));
    let comment = e.take("comment", text::optional_text(d.comment, 4000));
    let evidence = e.take("evidence", text::optional_text(d.evidence, 4000));
    let requirements = requirements(d, catalogue, &mut e);
    let new_action = e.take("new_action", text::optional_line(d.new_action, 200));
    let owner = e.take("action_owner", optional_id(d.action_owner, person));
    let due = e.take("action_due", crate::platform::day::optional_day(d.action_due));
    let link = e.take("link_action", optional_id(d.link_action, action));
    e.or(Parsed { status, maturity, comment, evidence, requirements, new_action, owner, due, link })
}

/// Makes the action a gap's answer asks for and links it; in the person's language (`english`).
async fn make_action(
    tx: &mut sqlx::AnyConnection,
    actor: &audit::Actor,
    (a, fw, node): (&Assessment, &Framework, &Node),
    p: &Parsed,
    title: String,
    english: bool,
) -> Result<(), DbError> {
    let input = actions::ActionInput {
        title,
        origin: beredd_domain::ActionOrigin::Framework,
        origin_ref: Some(format!("assessment:{}:{}", a.id, node.id)),
        owner_id: p.owner,
        unit_id: None,
        priority: if p.status == Some(Status::No) { Priority::High } else { Priority::Medium },
        due_date: p.due,
        status: ActionStatus::Planned,
        notes: Some(format!("{} {} – {}", fw.title(english), node.reference, node.title(english))),
    };
    let aid = actions::insert(&mut *tx, actor.org_id, &input).await?;
    store::link_action(tx, a.key(), &node.id, aid).await?;
    let after = serde_json::json!({ "origin": "framework", "assessment": a.id, "requirement": node.id });
    let change = audit::Change {
        action: "create",
        entity: "action",
        entity_id: Some(aid),
        summary: &input.title,
        before: None::<&serde_json::Value>,
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await
}

/// Saves the answer to `node` by `by`, with the action it asks for made or linked, in one
/// transaction; `english` is the language of a made action's notes.
pub async fn save(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    (a, fw, node): (&Assessment, &Framework, &Node),
    p: Parsed,
    english: bool,
) -> Result<(), DbError> {
    let before = store::answers(&db.pool, a.key()).await?.into_iter().find(|x| x.node_id == node.id);
    let answer = Answer {
        node_id: node.id.clone(),
        status: p.status.map(|s| s.code().to_owned()),
        maturity: p.maturity,
        comment: p.comment.clone(),
        evidence: p.evidence.clone(),
        requirement_ids: Some(p.requirements.join(",")).filter(|s| !s.is_empty()),
        updated_by: by.to_owned(),
        updated_at: crate::platform::clock::now_stamp(),
    };
    let mut tx = db.begin_write().await?;
    store::save_answer(&mut tx, a.key(), &answer).await?;
    let summary = format!("{} · {}", a.title, node.reference);
    let change = audit::Change {
        action: "update",
        entity: "framework-answer",
        entity_id: Some(a.id),
        summary: &summary,
        before: before.as_ref(),
        after: Some(&answer),
    };
    audit::record(&mut *tx, actor, change).await?;
    if let Some(title) = p.new_action.clone() {
        make_action(&mut tx, actor, (a, fw, node), &p, title, english).await?;
    }
    if let Some(aid) = p.link {
        store::link_action(&mut tx, a.key(), &node.id, aid).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Unlinks an action from the answer to `node`.
pub async fn unlink(db: &Db, actor: &audit::Actor, a: &Assessment, node: &Node, action: i64) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    store::unlink_action(&mut *tx, a.key(), &node.id, action).await?;
    let what = serde_json::json!({ "assessment": a.id, "requirement": node.id, "action": action });
    let change = audit::Change {
        action: "unlink",
        entity: "framework-answer",
        entity_id: Some(a.id),
        summary: &node.reference,
        before: Some(&what),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_and_a_maturity_are_empty_or_known() {
        assert_eq!(status(""), Ok(None));
        assert_eq!(status("partly"), Ok(Some(Status::Partly)));
        assert_eq!(status("maybe"), Err(FieldError::Choice));
        assert_eq!(maturity(" "), Ok(None));
        assert_eq!(maturity("5"), Ok(Some(5)));
        assert_eq!(maturity("6"), Err(FieldError::Number { min: 0, max: 5 }));
    }

    #[test]
    fn linked_requirements_must_be_in_the_catalogue_and_are_kept_once() {
        let c = Catalogue::load().unwrap();
        let first = c.requirements[0].id.clone();
        let other = format!("{} {}; XX-99", first.to_lowercase(), first);
        let d = Draft {
            status: "",
            maturity: "",
            comment: "",
            evidence: "",
            req: vec![first.as_str()],
            req_other: &other,
            new_action: "",
            action_owner: "",
            action_due: "",
            link_action: "",
        };
        let e = parse(&d, &c, |_| true, |_| true).err().unwrap();
        assert_eq!(e.get("req_other"), Some(&FieldError::NotInCatalogue));
        let d = Draft { req_other: "", ..d };
        assert_eq!(parse(&d, &c, |_| true, |_| true).ok().unwrap().requirements, vec![first]);
    }
}
