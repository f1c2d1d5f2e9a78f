//! A whole area of a system's self-assessment (STY, BEH, KON…) answered at once. A requirement
//! left without an answer stays unanswered; text without an answer is refused, so nothing typed
//! is lost and nothing is taken as met. Only the rows a person changed are written: a row posted
//! back with the fingerprint the page showed is left alone, so a colleague's concurrent answer is
//! never put back.

use std::sync::Arc;

use beredd_domain::{FieldError, Fulfilment, text};

use super::required::required;
use super::self_assessment::{GapAction, Recorder, Tally, groups, record};
use crate::content::catalogue::{Area, Catalogue, Requirement};
use crate::platform::db::{Db, DbError};
use crate::services::batch::fingerprint;
use crate::services::invalid::Invalid;
use crate::store::assessments::{self, Assessment, AssessmentInput};
use crate::store::systems;

/// One area the system has requirements in.
pub struct AreaOf {
    pub area: Area,
    /// Its requirements' ids, in the catalogue's order.
    pub requirements: Vec<String>,
    pub tally: Tally,
}

/// A system's areas, with the one being answered.
pub struct Areas {
    pub system: systems::System,
    pub catalogue: Arc<Catalogue>,
    pub answers: Vec<Assessment>,
    pub areas: Vec<AreaOf>,
    /// The position of the area being answered.
    pub at: usize,
}

impl Areas {
    pub fn here(&self) -> &AreaOf {
        &self.areas[self.at]
    }
    /// The requirements of the area being answered.
    pub fn requirements(&self) -> Vec<&Requirement> {
        self.here().requirements.iter().filter_map(|id| self.catalogue.get(id)).collect()
    }
    pub fn find(&self, id: &str) -> Option<&AreaOf> {
        self.areas.iter().find(|a| a.area.id == id)
    }
    /// The area after the one being answered.
    pub fn next(&self) -> Option<&AreaOf> {
        self.areas.get(self.at + 1)
    }
}

/// The system's areas with `area` the one answered, or `None` when the organisation has no such
/// system or the system no requirement in that area.
pub async fn load(
    pool: &sqlx::AnyPool,
    catalogue: Arc<Catalogue>,
    org: i64,
    system: i64,
    area: &str,
) -> Result<Option<Areas>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(system) = systems::get(&mut conn, org, system).await? else { return Ok(None) };
    drop(conn);
    let (levels, flags) = required(pool, org, system.id).await?;
    let answers = assessments::for_system(pool, org, system.id).await?;
    let areas: Vec<AreaOf> = groups(&catalogue, &levels, &flags, &answers)
        .into_iter()
        .map(|g| AreaOf {
            requirements: g.requirements.iter().map(|r| r.id.clone()).collect(),
            area: g.area,
            tally: g.tally,
        })
        .collect();
    let Some(at) = areas.iter().position(|a| a.area.id == area) else { return Ok(None) };
    Ok(Some(Areas { system, catalogue, answers, areas, at }))
}

/// The parts of a row, for naming a refused one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Status,
    How,
    Reason,
}

/// One requirement's row as posted: its answer, how it is met, why it does not apply, and the
/// fingerprint of what the page showed.
pub struct RowDraft<'a> {
    pub status: &'a str,
    pub how: &'a str,
    pub reason: &'a str,
    pub shown: Option<&'a str>,
}

impl RowDraft<'_> {
    /// The fingerprint of the row's values, as a page shows them and a post carries them back.
    pub fn fingerprint(&self) -> String {
        fingerprint(&[self.status, self.how, self.reason])
    }
}

/// The answers to write: each row that changed, read from `row(requirement id)`. A refused value
/// is named `name(requirement id, part)`.
pub fn changes<'a, 'd>(
    l: &'a Areas,
    row: impl Fn(&str) -> RowDraft<'d>,
    name: impl Fn(&str, Part) -> String,
) -> Result<Vec<(&'a Requirement, AssessmentInput)>, Invalid> {
    let mut e = Invalid::default();
    let mut changed = Vec::new();
    for r in l.requirements() {
        let d = row(&r.id);
        let (s_name, n_name) = (name(&r.id, Part::Status), name(&r.id, Part::Reason));
        let status = match d.status.trim() {
            "" => None,
            code => e.take(&s_name, Fulfilment::parse(code).map(Some)),
        };
        let how = e.take(name(&r.id, Part::How), text::optional_text(d.how, 4000));
        let na = e.take(&n_name, text::optional_text(d.reason, 2000));
        // A row left as the page showed it is not written, whatever the database says now.
        if d.shown == Some(d.fingerprint().as_str()) {
            continue;
        }
        let Some(status) = status else {
            if (how.is_some() || na.is_some()) && !e.has(&s_name) {
                e.add(&s_name, FieldError::Choice);
            }
            continue;
        };
        // The reason a requirement does not apply is kept only when it does not.
        let na = if status == Fulfilment::NotApplicable { na } else { None };
        if status == Fulfilment::NotApplicable && na.is_none() && !e.has(&n_name) {
            e.add(&n_name, FieldError::Required);
        }
        let before = l.answers.iter().find(|a| a.requirement_id == r.id);
        if before.is_some_and(|b| b.status == status && b.how == how && b.not_applicable_reason == na) {
            continue;
        }
        let evidence_link = before.and_then(|b| b.evidence_link.clone());
        changed.push((r, AssessmentInput { status, how, not_applicable_reason: na, evidence_link }));
    }
    e.or(changed)
}

/// Writes the changed answers in one transaction. With `action_title`, a gap becomes an action
/// of that title owned by the system's owner.
pub async fn save(
    db: &Db,
    who: &Recorder<'_>,
    l: &Areas,
    changed: &[(&Requirement, AssessmentInput)],
    action_title: Option<&(dyn Fn(&Requirement) -> String + Sync)>,
) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    for (r, input) in changed {
        let action = action_title.map(|title| GapAction { title: title(r), owner: l.system.owner_id, due: None });
        record(&mut tx, who, &l.system, r, input, action).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use beredd_domain::classification::Levels;
    use beredd_domain::{Hosting, SystemKind};

    fn areas(answers: Vec<Assessment>) -> Areas {
        let catalogue = Arc::new(Catalogue::load().unwrap());
        let levels = Levels::new(1, 1, 1, 1).unwrap();
        let groups = groups(&catalogue, &levels, &[], &answers);
        let areas: Vec<AreaOf> = groups
            .into_iter()
            .map(|g| AreaOf {
                requirements: g.requirements.iter().map(|r| r.id.clone()).collect(),
                area: g.area,
                tally: g.tally,
            })
            .collect();
        let system = systems::System {
            id: 7,
            name: "Ärendesystemet".into(),
            purpose: None,
            kind: SystemKind::ItSystem,
            owner_id: Some(3),
            supplier_id: None,
            hosting: Hosting::Internal,
            notes: None,
            provides: None,
            code: None,
            updated_at: crate::platform::clock::now_stamp(),
            unit_ids: Vec::new(),
        };
        Areas { system, catalogue, answers, areas, at: 0 }
    }

    fn stored(requirement: &str, status: Fulfilment) -> Assessment {
        Assessment {
            system_id: 7,
            requirement_id: requirement.into(),
            status,
            how: None,
            not_applicable_reason: None,
            evidence_link: Some("https://intranet/bevis".into()),
            assessed_by: "Anna".into(),
            assessed_at: crate::platform::clock::Stamp::parse("2026-11-24T09:00:00Z").unwrap(),
            catalogue_version: String::new(),
        }
    }

    fn name(id: &str, part: Part) -> String {
        format!("{part:?}-{id}")
    }

    #[test]
    fn only_rows_that_changed_are_written_and_a_changed_one_keeps_its_evidence_link() {
        let probe = areas(Vec::new());
        let ids: Vec<String> = probe.requirements().iter().map(|r| r.id.clone()).collect();
        assert!(ids.len() >= 3, "{ids:?}");
        let l = areas(vec![stored(&ids[0], Fulfilment::Partly), stored(&ids[1], Fulfilment::Fulfilled)]);
        let shown = RowDraft { status: "fulfilled", how: "", reason: "", shown: None }.fingerprint();
        let row = |id: &str| -> RowDraft<'_> {
            match ids.iter().position(|x| x == id) {
                // Changed from partly to fulfilled.
                Some(0) => RowDraft { status: "fulfilled", how: "Avtal", reason: "", shown: None },
                // As stored: nothing to write.
                Some(1) => RowDraft { status: "fulfilled", how: "", reason: "", shown: None },
                // Posted back as the page showed it, whatever it says.
                Some(2) => RowDraft { status: "fulfilled", how: "", reason: "", shown: Some(shown.as_str()) },
                _ => RowDraft { status: "", how: "", reason: "", shown: None },
            }
        };
        let changed = changes(&l, row, name).ok().unwrap();
        assert_eq!(changed.len(), 1);
        let (r, input) = &changed[0];
        assert_eq!((r.id.as_str(), input.status), (ids[0].as_str(), Fulfilment::Fulfilled));
        assert_eq!(input.evidence_link.as_deref(), Some("https://intranet/bevis"));
    }

    #[test]
    fn text_without_an_answer_and_not_applicable_without_a_reason_are_refused_by_their_fields() {
        let l = areas(Vec::new());
        let ids: Vec<String> = l.requirements().iter().map(|r| r.id.clone()).collect();
        let row = |id: &str| -> RowDraft<'_> {
            match ids.iter().position(|x| x == id) {
                Some(0) => RowDraft { status: "", how: "Vi gör så här", reason: "", shown: None },
                Some(1) => RowDraft { status: "not_applicable", how: "", reason: "", shown: None },
                _ => RowDraft { status: "", how: "", reason: "", shown: None },
            }
        };
        let e = changes(&l, row, name).err().unwrap();
        assert_eq!(e.get(&name(&ids[0], Part::Status)), Some(&FieldError::Choice));
        assert_eq!(e.get(&name(&ids[1], Part::Reason)), Some(&FieldError::Required));
        assert_eq!(e.0.len(), 2);
    }
}
