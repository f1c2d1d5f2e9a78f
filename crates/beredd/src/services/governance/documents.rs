//! Steering documents: checking what a form gives, and every change written with its entry in the
//! audit trail (a document, its versions, read acknowledgements and personal reading links).

use beredd_domain::FieldError;
use beredd_domain::document::{self, DocumentKind};
use beredd_domain::text;

use crate::platform::day::optional_day;
use crate::platform::db::{Db, DbError};
use crate::services::Invalid;
use crate::store::audit::{self, Actor};
use crate::store::documents::{self, DocumentInput, NewVersion};
use crate::store::sessions;

/// A document's details as the form gives them; the owner and the units have been checked
/// against the registers already.
pub struct Draft<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub owner: Option<i64>,
    pub decided_by: &'a str,
    pub decided_on: &'a str,
    pub decision_ref: &'a str,
    pub review_on: &'a str,
    pub roles: &'a str,
    pub units: Vec<i64>,
}

/// Checks a draft: a title and a kind are needed; dates must be dates.
pub fn check(d: Draft) -> Result<DocumentInput, Invalid> {
    let mut e = Invalid::default();
    let title = e.take("title", text::Name::parse(d.title).map(|n| n.into_string()));
    let kind = e.take("kind", DocumentKind::parse(d.kind).map(Some));
    let decided_by = e.take("decided_by", text::optional_line(d.decided_by, 200));
    let decided_on = e.take("decided_on", optional_day(d.decided_on));
    let decision_ref = e.take("decision_ref", text::optional_line(d.decision_ref, 100));
    let review_on = e.take("review_on", optional_day(d.review_on));
    let roles = e.take("roles", text::optional_line(d.roles, 300));
    match kind.filter(|_| e.is_empty()) {
        Some(kind) => Ok(DocumentInput {
            title,
            kind,
            owner_id: d.owner,
            decided_by,
            decided_on,
            decision_ref,
            review_on,
            roles,
            unit_ids: d.units,
        }),
        None => Err(e),
    }
}

/// A version's text: required, at most `document::MAX_TEXT` characters. The note says what
/// changed, on one line.
pub fn check_text(body: &str, note: &str) -> Result<(String, Option<String>), Invalid> {
    let mut e = Invalid::default();
    let body =
        e.take("body", text::optional_text(body, document::MAX_TEXT).and_then(|b| b.ok_or(FieldError::Required)));
    let note = e.take("note", text::optional_line(note, 300));
    e.or((body, note))
}

fn change<'a, T: serde::Serialize>(
    action: &'a str,
    entity: &'a str,
    id: i64,
    summary: &'a str,
    before: Option<&'a T>,
    after: Option<&'a T>,
) -> audit::Change<'a, T> {
    audit::Change { action, entity, entity_id: Some(id), summary, before, after }
}

/// Adds a document, with its first version when a text is given.
pub async fn create(db: &Db, actor: &Actor, d: &DocumentInput, first: Option<(&str, &str)>) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let key = documents::insert(&mut tx, actor.org_id, d).await?;
    let id = key.id();
    audit::record(&mut *tx, actor, change("create", "document", id, &d.title, None, Some(d))).await?;
    if let Some((body, by)) = first {
        let v = NewVersion { body: Some(body), note: None, file: None };
        let (vid, _) = documents::insert_version(&mut tx, key, &v, by).await?;
        let after = serde_json::json!({ "document": id, "number": 1, "body": body });
        audit::record(&mut *tx, actor, change("create", "document-version", vid, &d.title, None, Some(&after))).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Changes a document's details.
pub async fn update(db: &Db, actor: &Actor, id: i64, before: &DocumentInput, d: &DocumentInput) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    documents::update(&mut tx, actor.org_id, id, d).await?;
    audit::record(&mut *tx, actor, change("update", "document", id, &d.title, Some(before), Some(d))).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds the next version of a document (its text, or a file that passed the upload checks);
/// returns its number. Everyone who had read the document is asked again.
pub async fn add_version(
    db: &Db,
    actor: &Actor,
    doc: &documents::Document,
    v: &NewVersion<'_>,
    by: &str,
) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let (vid, number) = documents::insert_version(&mut tx, doc.key(), v, by).await?;
    let after = serde_json::json!({
        "document": doc.id,
        "number": number,
        "body": v.body,
        "note": v.note,
        "file": v.file.map(|(name, kind, bytes)| serde_json::json!({"name": name, "type": kind, "size": bytes.len()})),
    });
    let action = if v.file.is_some() { "upload" } else { "create" };
    audit::record(&mut *tx, actor, change(action, "document-version", vid, &doc.title, None, Some(&after))).await?;
    tx.commit().await?;
    Ok(number)
}

/// Records that `person` has read version `version` of `doc` (through their account, or a link);
/// false when they already had.
pub async fn acknowledge(
    db: &Db,
    actor: &Actor,
    doc: &documents::Document,
    version: &documents::Version,
    person: i64,
    via: &str,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    let at = crate::platform::clock::now_stamp();
    if !documents::acknowledge(&mut tx, version.id, person, via, at).await? {
        return Ok(false);
    }
    let after = serde_json::json!({ "document": doc.id, "version": version.number, "person": person, "via": via });
    let summary = format!("{} v{}", doc.title, version.number);
    audit::record(&mut *tx, actor, change("acknowledge", "document", doc.id, &summary, None, Some(&after))).await?;
    tx.commit().await?;
    Ok(true)
}

/// Makes a personal reading link for each person (ending their earlier link to the document);
/// returns (person, token) with each token in clear, to be shown this once.
pub async fn make_links(
    db: &Db,
    actor: &Actor,
    doc: &documents::Document,
    people: &[(i64, String)],
) -> Result<Vec<(i64, String)>, DbError> {
    let expires = crate::platform::clock::now_stamp().plus_seconds(document::LINK_DAYS * 86400);
    let mut tx = db.begin_write().await?;
    let mut out = Vec::new();
    for (person, name) in people {
        let token = sessions::random_token();
        documents::replace_link(&mut tx, doc.key(), *person, &sessions::hash_token(&token), &actor.username, expires)
            .await?;
        let after = serde_json::json!({ "document": doc.id, "person": person, "expires_at": expires });
        let summary = format!("{}: {name}", doc.title);
        audit::record(&mut *tx, actor, change("create", "document-link", doc.id, &summary, None, Some(&after))).await?;
        out.push((*person, token));
    }
    tx.commit().await?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(title: &'a str, kind: &'a str, review_on: &'a str) -> Draft<'a> {
        Draft {
            title,
            kind,
            owner: None,
            decided_by: "Kommunstyrelsen",
            decided_on: "2026-03-01",
            decision_ref: "KS 2026/12",
            review_on,
            roles: "",
            units: Vec::new(),
        }
    }

    #[test]
    fn a_document_needs_a_title_a_known_kind_and_real_dates() {
        let ok = check(draft("Informationssäkerhetspolicy", "policy", "2027-03-01")).unwrap();
        assert_eq!(
            (ok.kind, ok.review_on.map(|d| d.to_string())),
            (DocumentKind::Policy, Some("2027-03-01".to_owned()))
        );
        let bad = check(draft("", "lag", "snart")).unwrap_err();
        assert_eq!(
            bad.0,
            [
                ("title".to_owned(), FieldError::Required),
                ("kind".to_owned(), FieldError::Choice),
                ("review_on".to_owned(), FieldError::Date)
            ]
        );
    }

    #[test]
    fn a_version_needs_its_text() {
        assert_eq!(check_text("  ", "").unwrap_err().0, [("body".to_owned(), FieldError::Required)]);
        assert_eq!(check_text("Text", " Ny rubrik ").unwrap(), ("Text".to_owned(), Some("Ny rubrik".to_owned())));
    }
}
