//! One requirement's answer in a system's self-assessment: what the form's input must be (an
//! answer chosen; a reason when the requirement does not apply; a link that is a web address),
//! and the answer saved with its audit entry and, for a gap when asked, an action.

use beredd_domain::text;
use beredd_domain::{FieldError, Fulfilment};

use super::self_assessment::{GapAction, Recorder, record};
use crate::content::catalogue::{Catalogue, Requirement};
use crate::platform::db::{Db, DbError};
use crate::services::invalid::{Invalid, optional_id};
use crate::store::assessments::AssessmentInput;
use crate::store::systems;

/// The system and the requirement an answer is about, or `None` when the organisation has no
/// such system or its catalogue no such requirement.
pub async fn context(
    pool: &sqlx::AnyPool,
    catalogue: &Catalogue,
    org: i64,
    system: i64,
    requirement: &str,
) -> Result<Option<(systems::System, Requirement)>, DbError> {
    let Some(requirement) = catalogue.get(requirement).cloned() else { return Ok(None) };
    let mut conn = pool.acquire().await?;
    Ok(systems::get(&mut conn, org, system).await?.map(|s| (s, requirement)))
}

/// The answer as typed; each field's name is the one its errors are given under.
pub struct Draft<'a> {
    pub status: &'a str,
    pub how: &'a str,
    pub not_applicable_reason: &'a str,
    pub evidence_link: &'a str,
    /// Who owns the action a gap becomes, and when it is due.
    pub action_owner: &'a str,
    pub action_due: &'a str,
}

/// An answer that can be saved, and the owner and due date of the action it may become.
pub struct Answer {
    pub input: AssessmentInput,
    pub owner: Option<i64>,
    pub due: Option<crate::platform::clock::Day>,
}

/// Reads a draft; `person` tells whether an id is one of the organisation's people.
pub fn parse(d: &Draft, person: impl Fn(i64) -> bool) -> Result<Answer, Invalid> {
    let mut e = Invalid::default();
    let status = match d.status.trim() {
        "" => e.take("status", Err::<Option<Fulfilment>, _>(FieldError::Required)),
        code => e.take("status", Fulfilment::parse(code).map(Some)),
    };
    let how = e.take("how", text::optional_text(d.how, 4000));
    let na = e.take("not_applicable_reason", text::optional_text(d.not_applicable_reason, 2000));
    if status == Some(Fulfilment::NotApplicable) && na.is_none() && !e.has("not_applicable_reason") {
        e.add("not_applicable_reason", FieldError::Required);
    }
    let evidence = e.take("evidence_link", text::optional_line(d.evidence_link, 500));
    if evidence.as_deref().is_some_and(|l| !(l.starts_with("https://") || l.starts_with("http://"))) {
        e.add("evidence_link", FieldError::Url);
    }
    let owner = e.take("action_owner", optional_id(d.action_owner, person));
    let due = e.take("action_due", crate::platform::day::optional_day(d.action_due));
    let Some(status) = status.filter(|_| e.is_empty()) else { return Err(e) };
    let input = AssessmentInput { status, how, not_applicable_reason: na, evidence_link: evidence };
    Ok(Answer { input, owner, due })
}

/// Saves an answer in one transaction (see `self_assessment::record`).
pub async fn save(
    db: &Db,
    who: &Recorder<'_>,
    system: &systems::System,
    r: &Requirement,
    input: &AssessmentInput,
    action: Option<GapAction>,
) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    record(&mut tx, who, system, r, input, action).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(status: &'a str, na: &'a str, link: &'a str) -> Draft<'a> {
        Draft { status, how: "", not_applicable_reason: na, evidence_link: link, action_owner: "", action_due: "" }
    }

    #[test]
    fn an_answer_needs_a_status_and_a_requirement_that_does_not_apply_needs_a_reason() {
        let e = parse(&draft("", "", ""), |_| true).err().unwrap();
        assert_eq!(e.get("status"), Some(&FieldError::Required));
        let e = parse(&draft("not_applicable", "", ""), |_| true).err().unwrap();
        assert_eq!(e.get("not_applicable_reason"), Some(&FieldError::Required));
        let ok = parse(&draft("not_applicable", "Ingen lagring", ""), |_| true).ok().unwrap();
        assert_eq!(ok.input.status, Fulfilment::NotApplicable);
    }

    #[test]
    fn an_evidence_link_must_be_a_web_address_and_an_owner_someone_known() {
        let e = parse(&draft("fulfilled", "", "file://x"), |_| true).err().unwrap();
        assert_eq!(e.get("evidence_link"), Some(&FieldError::Url));
        let mut d = draft("fulfilled", "", "https://intranet/x");
        d.action_owner = "9";
        let e = parse(&d, |id| id == 3).err().unwrap();
        assert_eq!(e.get("action_owner"), Some(&FieldError::Missing));
        d.action_owner = "3";
        assert_eq!(parse(&d, |id| id == 3).ok().unwrap().owner, Some(3));
    }
}
