//! Who a steering document applies to, who may read it, and who has read its current version:
//! a document names units (and so everything below them) or, naming none, the whole
//! organisation. Staff of those units confirm each version; a unit manager sees the staff of their
//! own units, those who edit all content everyone. Also what the start page and the yearly cycle
//! show, and what a personal reading link opens.

use std::collections::HashMap;
use std::sync::Arc;

use beredd_domain::document::review_due;
use beredd_domain::{ContactKind, Role, access};

use crate::platform::clock::{self, Day};
use crate::platform::db::{Db, DbError};
use crate::store::documents::{self, Acknowledgement, Document, Version};
use crate::store::{people, units};

/// Who is looking: their role, the units granted to them, and the person they are in the register.
pub struct Viewer<'a> {
    pub role: Role,
    pub granted: &'a [i64],
    pub person: Option<i64>,
}

/// A document with the units it names and its newest version.
pub struct Doc {
    pub doc: Document,
    pub unit_ids: Vec<i64>,
    pub current: Option<Version>,
}

/// The organisation's documents with what deciding who reads them needs.
pub struct Registry {
    pub docs: Vec<Doc>,
    pub people: Arc<Vec<people::Person>>,
    pub units: Arc<Vec<units::Unit>>,
    parents: HashMap<i64, Option<i64>>,
    acks: Vec<Acknowledgement>,
}

/// The staff of one unit a document applies to, each with their confirmation of the current
/// version, if any.
pub struct UnitStatus<'a> {
    pub unit: &'a units::Unit,
    pub staff: Vec<(&'a people::Person, Option<&'a Acknowledgement>)>,
}

/// How many days before its review date a document is shown as due.
pub const REVIEW_WARNING_DAYS: i64 = 30;

/// The registry, with the people and units this process keeps (`store::versions::kept`).
pub async fn load(db: &Db, org: i64) -> Result<Registry, DbError> {
    build(&db.pool, org, super::kept_staff(db, org).await?).await
}

/// The registry read from the database alone (the management review's figures).
pub async fn load_from(pool: &sqlx::AnyPool, org: i64) -> Result<Registry, DbError> {
    build(pool, org, super::read_staff(pool, org).await?).await
}

async fn build(pool: &sqlx::AnyPool, org: i64, (people, units): super::Staff) -> Result<Registry, DbError> {
    let named = documents::units(pool, org).await?;
    let mut current: HashMap<i64, Version> =
        documents::current_versions(pool, org).await?.into_iter().map(|v| (v.document_id, v)).collect();
    let docs = documents::list(pool, org)
        .await?
        .into_iter()
        .map(|doc| Doc {
            unit_ids: named.iter().filter(|(d, _)| *d == doc.id).map(|(_, u)| *u).collect(),
            current: current.remove(&doc.id),
            doc,
        })
        .collect();
    Ok(Registry {
        docs,
        people,
        parents: units.iter().map(|u| (u.id, u.parent_id)).collect(),
        units,
        acks: documents::acknowledgements(pool, org).await?,
    })
}

impl Registry {
    pub fn get(&self, id: i64) -> Option<&Doc> {
        self.docs.iter().find(|d| d.doc.id == id)
    }

    pub fn person(&self, id: i64) -> Option<&people::Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Whether `d` applies to the staff of `unit`: it names no unit, or the unit or one above it.
    pub fn applies(&self, d: &Doc, unit: Option<i64>) -> bool {
        if d.unit_ids.is_empty() {
            return true;
        }
        let mut at = unit;
        // The tree has no rings (the register refuses them); the bound is for safety alone.
        for _ in 0..64 {
            let Some(u) = at else { return false };
            if d.unit_ids.contains(&u) {
                return true;
            }
            at = self.parents.get(&u).copied().flatten();
        }
        false
    }

    /// Whether `d` applies to the person `person` (staff, in a unit it applies to).
    pub fn applies_to_person(&self, d: &Doc, person: Option<i64>) -> bool {
        person.and_then(|p| self.person(p)).is_some_and(|p| p.kind == ContactKind::Staff && self.applies(d, p.unit_id))
    }

    /// Whether the viewer sees the staff of `unit` (and may hand them reading links).
    fn manages(&self, v: &Viewer, unit: i64) -> bool {
        v.role.edits_all_content()
            || (v.role == Role::UnitManager && access::may_edit_unit(v.role, v.granted, &self.parents, unit))
    }

    /// Whether the viewer may read `d`: those who edit all content read every document; anyone
    /// else those that apply to them, and a unit manager those that apply to their units.
    pub fn may_read(&self, d: &Doc, v: &Viewer) -> bool {
        v.role.edits_all_content()
            || d.unit_ids.is_empty()
            || self.applies_to_person(d, v.person)
            || self.units.iter().any(|u| self.manages(v, u.id) && self.applies(d, Some(u.id)))
    }

    /// The confirmation by `person` of the current version of `d`.
    pub fn read_by(&self, d: &Doc, person: i64) -> Option<&Acknowledgement> {
        let v = d.current.as_ref()?;
        self.acks.iter().find(|a| a.version_id == v.id && a.person_id == person)
    }

    /// Per unit the viewer manages that `d` applies to and that has staff: who has read the
    /// current version. Nothing for those who manage no unit.
    pub fn status(&self, d: &Doc, v: &Viewer) -> Vec<UnitStatus<'_>> {
        self.units
            .iter()
            .filter(|u| self.manages(v, u.id) && self.applies(d, Some(u.id)))
            .filter_map(|u| {
                let staff: Vec<_> = self
                    .people
                    .iter()
                    .filter(|p| p.kind == ContactKind::Staff && p.unit_id == Some(u.id))
                    .map(|p| (p, self.read_by(d, p.id)))
                    .collect();
                (!staff.is_empty()).then_some(UnitStatus { unit: u, staff })
            })
            .collect()
    }

    /// (have read, all) among the staff the viewer manages.
    pub fn coverage(&self, d: &Doc, v: &Viewer) -> (usize, usize) {
        let st = self.status(d, v);
        let all = st.iter().map(|u| u.staff.len()).sum();
        let read = st.iter().flat_map(|u| &u.staff).filter(|(_, a)| a.is_some()).count();
        (read, all)
    }

    /// Whether the viewer may make reading links for `person` (staff of a unit they manage).
    pub fn may_link(&self, v: &Viewer, person: &people::Person) -> bool {
        person.kind == ContactKind::Staff && person.unit_id.is_some_and(|u| self.manages(v, u))
    }

    /// The documents due for review (from a month before the date) that the viewer sees to:
    /// those who edit all content all of them, an owner their own.
    pub fn to_review(&self, v: &Viewer, today: Day) -> Vec<&Doc> {
        self.docs
            .iter()
            .filter(|d| v.role.edits_all_content() || (v.person.is_some() && d.doc.owner_id == v.person))
            .filter(|d| review_soon(&d.doc, today))
            .collect()
    }

    /// The documents that apply to the viewer whose current version they have not confirmed.
    pub fn unread(&self, v: &Viewer) -> Vec<&Doc> {
        let Some(me) = v.person else { return Vec::new() };
        self.docs
            .iter()
            .filter(|d| d.current.is_some() && self.applies_to_person(d, Some(me)) && self.read_by(d, me).is_none())
            .collect()
    }
}

/// Whether a document's review is to be seen to on `today`: from [`REVIEW_WARNING_DAYS`] days
/// before its day, and on every day after.
pub fn review_soon(doc: &Document, today: Day) -> bool {
    review_due(doc.review_on.map(Day::number), today.number(), REVIEW_WARNING_DAYS)
}

/// The documents whose review falls in `year`, by date, for the yearly cycle: (id, title, date,
/// whether the date has passed).
pub async fn reviews_in(pool: &sqlx::AnyPool, org: i64, year: i32) -> Result<Vec<(i64, String, Day, bool)>, DbError> {
    let today = clock::today();
    let mut docs: Vec<(i64, String, Day, bool)> = documents::list(pool, org)
        .await?
        .into_iter()
        .filter_map(|d| {
            let due = d.review_on.filter(|r| r.year() == year)?;
            let overdue = due < today;
            Some((d.id, d.title, due, overdue))
        })
        .collect();
    docs.sort_by_key(|a| a.2);
    Ok(docs)
}

/// What a personal reading link opens.
pub enum Opened {
    /// No link has this token.
    Unknown,
    /// The link has stopped working.
    Expired,
    Valid(Box<LinkView>),
}

/// One document's current version, for the person the link was made for.
pub struct LinkView {
    pub org_id: i64,
    pub doc: Document,
    pub current: Option<Version>,
    pub person: people::Person,
    pub read: Option<Acknowledgement>,
    pub expires_at: crate::platform::clock::Stamp,
}

/// Opens a link by its token, reading only that document and that person.
pub async fn open(pool: &sqlx::AnyPool, token: &str) -> Result<Opened, DbError> {
    let Some(link) = documents::link_by_hash(pool, &crate::store::sessions::hash_token(token)).await? else {
        return Ok(Opened::Unknown);
    };
    if link.expires_at.seconds_since() >= 0 {
        return Ok(Opened::Expired);
    }
    let Some(doc) = documents::get(pool, link.org_id, link.document_id).await? else { return Ok(Opened::Unknown) };
    let Some(person) = people::get(pool, link.org_id, link.person_id).await? else { return Ok(Opened::Unknown) };
    let current = documents::versions(pool, doc.key()).await?.into_iter().next();
    let read = match &current {
        Some(v) => documents::acknowledgements(pool, link.org_id)
            .await?
            .into_iter()
            .find(|a| a.version_id == v.id && a.person_id == person.id),
        None => None,
    };
    Ok(Opened::Valid(Box::new(LinkView {
        org_id: link.org_id,
        doc,
        current,
        person,
        read,
        expires_at: link.expires_at,
    })))
}
