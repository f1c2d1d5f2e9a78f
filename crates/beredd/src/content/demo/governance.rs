//! The demo's steering documents: a policy, two guidelines and a staff instruction, with their
//! versions and who has confirmed reading the latest one; and its training courses with who has
//! taken them.

use serde::Deserialize;

use super::*;
use crate::services::governance::documents::{Draft, check as check_document, check_text};
use crate::store::documents::{self, NewVersion};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct DocumentsFile {
    #[serde(default)]
    document: Vec<DocumentRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentRow {
    key: String,
    title: String,
    kind: String,
    owner: Option<String>,
    decided_by: Option<String>,
    decided_on: Option<String>,
    decision_ref: Option<String>,
    review_on: Option<String>,
    roles: Option<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    version: Vec<VersionRow>,
    /// Who has confirmed reading the latest version, and when.
    #[serde(default)]
    read: Vec<String>,
    read_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionRow {
    at: String,
    by: String,
    note: Option<String>,
    body: String,
}

/// The first refusal of a check, named by file, record and field.
fn refused(file: &str, key: &str, found: crate::services::Invalid) -> anyhow::Error {
    match found.0.first() {
        Some((field, e)) => anyhow!("{file}, post {key:?}, fält {field}: {e}"),
        None => anyhow!("{file}, post {key:?}: ogiltig"),
    }
}

/// A time as stored (RFC 3339, UTC), read once.
fn stamp(file: &str, key: &str, field: &str, v: &str) -> anyhow::Result<crate::platform::clock::Stamp> {
    check(file, key, field, crate::platform::clock::Stamp::parse(v).ok_or(beredd_domain::FieldError::DateTime))
}

pub(super) async fn documents(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "documents.toml";
    let file: DocumentsFile = parse_optional(l.source, f)?;
    let mut seen = HashMap::new();
    for d in &file.document {
        let key = d.key.as_str();
        let mut units = Vec::new();
        for u in &d.units {
            units.extend(lookup(&l.units, f, key, "units", &Some(u.clone()))?);
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let (decided_by, decided_on, decision_ref, review_on, roles) =
            (opt(&d.decided_by), opt(&d.decided_on), opt(&d.decision_ref), opt(&d.review_on), opt(&d.roles));
        let draft = Draft {
            title: &d.title,
            kind: &d.kind,
            owner: lookup(&l.people, f, key, "owner", &d.owner)?,
            decided_by: &decided_by,
            decided_on: &decided_on,
            decision_ref: &decision_ref,
            review_on: &review_on,
            roles: &roles,
            units,
        };
        let input = check_document(draft).map_err(|e| refused(f, key, e))?;
        let id = documents::insert(&mut l.tx, l.org, &input).await?;
        unique(&mut seen, f, key, id.id())?;
        let mut last = None;
        for v in &d.version {
            let (body, note) = check_text(&v.body, v.note.as_deref().unwrap_or("")).map_err(|e| refused(f, key, e))?;
            let at = stamp(f, key, "at", &v.at)?;
            let new = NewVersion { body: Some(&body), note: note.as_deref(), file: None };
            let (vid, _) = documents::insert_version(&mut l.tx, id, &new, &v.by).await?;
            documents::set_version_time(&mut *l.tx, vid, at).await?;
            last = Some((vid, at));
        }
        for p in &d.read {
            let person = lookup(&l.people, f, key, "read", &Some(p.clone()))?.unwrap_or_default();
            let Some((vid, at)) = &last else { bail!("{f}, post {key:?}: läst utan någon version") };
            let at = match &d.read_at {
                Some(r) => stamp(f, key, "read_at", r)?,
                None => *at,
            };
            documents::acknowledge(&mut l.tx, *vid, person, "account", at).await?;
        }
    }
    Ok(())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct TrainingFile {
    #[serde(default)]
    course: Vec<CourseRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseRow {
    key: String,
    name: String,
    kind: String,
    every_months: Option<i64>,
    audience: String,
    description: Option<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    completed: Vec<CompletedRow>,
}

/// Those who took a course on one day.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompletedRow {
    on: String,
    by: String,
    note: Option<String>,
    people: Vec<String>,
}

/// The demo's training courses and who has taken them (`training.toml`), checked as the forms are.
pub(super) async fn training(l: &mut Loader<'_>) -> anyhow::Result<()> {
    use crate::services::governance::courses;
    let f = "training.toml";
    let file: TrainingFile = parse_optional(l.source, f)?;
    let mut seen = HashMap::new();
    for c in &file.course {
        let key = c.key.as_str();
        let mut units = Vec::new();
        for u in &c.units {
            units.extend(lookup(&l.units, f, key, "units", &Some(u.clone()))?);
        }
        let mut people = Vec::new();
        for p in &c.people {
            people.extend(lookup(&l.people, f, key, "people", &Some(p.clone()))?);
        }
        let every = c.every_months.map(|n| n.to_string()).unwrap_or_default();
        let draft = courses::Draft {
            name: &c.name,
            kind: &c.kind,
            description: c.description.as_deref().unwrap_or(""),
            every_months: &every,
            audience: &c.audience,
            units,
            people,
        };
        let input = courses::check(draft).map_err(|e| refused(f, key, e))?;
        let id = crate::store::training::insert(&mut l.tx, l.org, &input).await?;
        unique(&mut seen, f, key, id.id())?;
        for done in &c.completed {
            let mut who = Vec::new();
            for p in &done.people {
                who.extend(lookup(&l.people, f, key, "completed.people", &Some(p.clone()))?);
            }
            let today = crate::platform::clock::today();
            let (on, note) = courses::check_completion(&done.on, done.note.as_deref().unwrap_or(""), &who, today)
                .map_err(|e| refused(f, key, e))?;
            for person in who {
                crate::store::training::add_completion(&mut *l.tx, id, person, on, note.as_deref(), &done.by).await?;
            }
        }
    }
    Ok(())
}
