//! The organisation's own changes to the requirement catalogue: its own requirements (create,
//! edit, delete) and Beredd's turned off with a reason (and on again). Every change is audited
//! and raises the local revision recorded with each classification and assessment.

use beredd_domain::{FieldError, text};

use crate::content::catalogue::{Catalogue, Requirement, applies_code, parse_applies};
use crate::platform::db::{Db, DbError};
use crate::services::invalid::Invalid;
use crate::store::audit;
use crate::store::local_requirements::{self as local, LocalRequirement};

/// An own requirement as typed; each field's name is the one its errors are given under. The id
/// is read only for a new one.
pub struct Draft<'a> {
    pub requirement_id: &'a str,
    pub area: &'a str,
    pub title: &'a str,
    pub is_text: &'a str,
    pub shall_text: &'a str,
    pub guidance: &'a str,
    pub applies: &'a str,
    pub refs: &'a str,
}

/// An id of our own: 2–20 capital letters, digits and dashes.
fn parse_id(input: &str) -> Result<String, FieldError> {
    let s = input.trim().to_uppercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() < 2 || s.chars().count() > 20 || !s.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return Err(FieldError::Choice);
    }
    Ok(s)
}

/// Reads everything but the id; `base` is Beredd's catalogue, whose areas an own requirement
/// goes in, and `by` who writes it.
pub fn parse(d: &Draft, base: &Catalogue, by: &str) -> Result<LocalRequirement, Invalid> {
    let mut e = Invalid::default();
    let area = e.take("area", base.area(d.area).map(|_| d.area.to_owned()).ok_or(FieldError::Choice));
    let title = e.take("title", text::Name::parse(d.title).map(|n| n.into_string()));
    let required = |v: &str, max| text::optional_text(v, max).and_then(|t| t.ok_or(FieldError::Required));
    let is_text = e.take("is_text", required(d.is_text, 2000));
    let shall_text = e.take("shall_text", required(d.shall_text, 2000));
    let guidance = e.take("guidance", text::optional_text(d.guidance, 4000));
    let applies = e.take("applies", parse_applies(d.applies).map(|a| applies_code(&a)).ok_or(FieldError::Choice));
    let refs = e.take("refs", text::optional_line(d.refs, 500));
    e.or(LocalRequirement {
        requirement_id: String::new(),
        area,
        title,
        is_text,
        shall_text,
        guidance,
        applies,
        refs,
        updated_by: by.to_owned(),
        updated_at: crate::platform::clock::now_stamp(),
    })
}

/// Reads a new requirement with its id, which must not be one of Beredd's or the organisation's.
pub async fn parse_new(
    pool: &sqlx::AnyPool,
    base: &Catalogue,
    org: i64,
    d: &Draft<'_>,
    by: &str,
) -> Result<Result<LocalRequirement, Invalid>, DbError> {
    let parsed = parse(d, base, by);
    let id = match parse_id(d.requirement_id) {
        Ok(id) if base.get(&id).is_some() || find(pool, org, &id).await?.is_some() => Err(FieldError::Duplicate),
        other => other,
    };
    Ok(match (parsed, id) {
        (Ok(r), Ok(id)) => Ok(LocalRequirement { requirement_id: id, ..r }),
        (Ok(_), Err(err)) => Err(Invalid::default().with("requirement_id", err)),
        (Err(e), Err(err)) => Err(e.with("requirement_id", err)),
        (Err(e), Ok(_)) => Err(e),
    })
}

/// One of the organisation's own requirements.
pub async fn find(pool: &sqlx::AnyPool, org: i64, id: &str) -> Result<Option<LocalRequirement>, DbError> {
    Ok(local::list(pool, org).await?.into_iter().find(|r| r.requirement_id == id))
}

async fn write(
    db: &Db,
    actor: &audit::Actor,
    action: &str,
    before: Option<&LocalRequirement>,
    after: Option<&LocalRequirement>,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    match after {
        // A new one is only added: one made meanwhile with the same id is never overwritten.
        Some(r) if before.is_none() => {
            if !local::add(&mut tx, actor.org_id, r).await? {
                return Ok(false);
            }
        }
        Some(r) => local::save(&mut tx, actor.org_id, r).await?,
        None => local::delete(&mut tx, actor.org_id, before.map_or("", |b| &b.requirement_id)).await?,
    }
    let r = after.or(before);
    let summary = r.map(|r| format!("{} {}", r.requirement_id, r.title)).unwrap_or_default();
    let change = audit::Change { action, entity: "requirement", entity_id: None, summary: &summary, before, after };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// Adds an own requirement; false when one with its id was made since the form was checked.
pub async fn create(db: &Db, actor: &audit::Actor, r: &LocalRequirement) -> Result<bool, DbError> {
    write(db, actor, "create", None, Some(r)).await
}

/// Changes an own requirement; its id stays that of `before`.
pub async fn update(
    db: &Db,
    actor: &audit::Actor,
    before: &LocalRequirement,
    r: LocalRequirement,
) -> Result<(), DbError> {
    let r = LocalRequirement { requirement_id: before.requirement_id.clone(), ..r };
    write(db, actor, "update", Some(before), Some(&r)).await.map(drop)
}

/// Removes an own requirement.
pub async fn delete(db: &Db, actor: &audit::Actor, before: &LocalRequirement) -> Result<(), DbError> {
    write(db, actor, "delete", Some(before), None).await.map(drop)
}

/// Turns one of Beredd's requirements off for the organisation, with the reason, by `by`.
pub async fn disable(db: &Db, actor: &audit::Actor, by: &str, r: &Requirement, reason: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    local::disable(&mut tx, actor.org_id, &r.id, reason, by).await?;
    let after = local::disabled(&mut *tx, actor.org_id).await?.into_iter().find(|d| d.requirement_id == r.id);
    let summary = format!("{} {}", r.id, r.title_sv);
    let change = audit::Change {
        action: "disable",
        entity: "requirement",
        entity_id: None,
        summary: &summary,
        before: None,
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Turns one of Beredd's requirements on again.
pub async fn enable(db: &Db, actor: &audit::Actor, r: &Requirement) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let before = local::disabled(&mut *tx, actor.org_id).await?.into_iter().find(|d| d.requirement_id == r.id);
    local::enable(&mut tx, actor.org_id, &r.id).await?;
    let summary = format!("{} {}", r.id, r.title_sv);
    let change = audit::Change {
        action: "enable",
        entity: "requirement",
        entity_id: None,
        summary: &summary,
        before: before.as_ref(),
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
    fn an_own_id_is_two_to_twenty_capitals_digits_or_dashes() {
        assert_eq!(parse_id(" egen-1 "), Ok("EGEN-1".to_owned()));
        assert_eq!(parse_id(""), Err(FieldError::Required));
        assert_eq!(parse_id("E"), Err(FieldError::Choice));
        assert_eq!(parse_id("EGEN 1"), Err(FieldError::Choice));
        assert_eq!(parse_id(&"E".repeat(21)), Err(FieldError::Choice));
    }

    #[test]
    fn an_own_requirement_goes_in_one_of_the_catalogues_areas_with_its_texts() {
        let base = Catalogue::load().unwrap();
        let d = Draft {
            requirement_id: "",
            area: "NOPE",
            title: "Loggning av utskrifter",
            is_text: "",
            shall_text: "Utskrifter ska loggas.",
            guidance: "",
            applies: "baseline",
            refs: "",
        };
        let e = parse(&d, &base, "Anna").err().unwrap();
        assert_eq!(e.get("area"), Some(&FieldError::Choice));
        assert_eq!(e.get("is_text"), Some(&FieldError::Required));
        let area = base.areas[0].id.clone();
        let ok = parse(&Draft { area: &area, is_text: "Vi loggar.", ..d }, &base, "Anna").ok().unwrap();
        assert_eq!((ok.area, ok.applies.as_str(), ok.updated_by.as_str()), (area, "baseline", "Anna"));
    }
}
