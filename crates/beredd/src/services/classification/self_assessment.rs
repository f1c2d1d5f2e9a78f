//! A system's self-assessment: the requirements its information yields, grouped by the
//! catalogue's areas (STY, BEH, KON…) with how far each area has come, and an answer recorded
//! with its entry in the audit trail and, for a gap, one action in the action plan.

use beredd_domain::classification::{LegalFlag, Levels};
use beredd_domain::{ActionStatus, Fulfilment, Priority};

use crate::content::catalogue::{Area, Catalogue, Requirement};
use crate::platform::db::DbError;
use crate::store::assessments::{self, Assessment, AssessmentInput};
use crate::store::{actions, audit, systems};

/// How many of an area's requirements have each answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub fulfilled: usize,
    pub partly: usize,
    pub not_fulfilled: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
}

impl Tally {
    pub fn add(&mut self, status: Option<Fulfilment>) {
        match status {
            Some(Fulfilment::Fulfilled) => self.fulfilled += 1,
            Some(Fulfilment::Partly) => self.partly += 1,
            Some(Fulfilment::NotFulfilled) => self.not_fulfilled += 1,
            Some(Fulfilment::NotApplicable) => self.not_applicable += 1,
            None => self.unanswered += 1,
        }
    }
    pub fn all(&self) -> usize {
        self.answered() + self.unanswered
    }
    pub fn answered(&self) -> usize {
        self.fulfilled + self.partly + self.not_fulfilled + self.not_applicable
    }
}

/// One area of the catalogue with the requirements of it that the system must meet.
pub struct Group<'a> {
    pub area: Area,
    pub requirements: Vec<&'a Requirement>,
    pub tally: Tally,
}

/// The requirements the levels and legal flags yield, per area in the catalogue's order (an
/// area the catalogue does not name, which only an own requirement could have, comes last under
/// its code). Areas with nothing to meet are left out.
pub fn groups<'a>(
    catalogue: &'a Catalogue,
    levels: &Levels,
    flags: &[LegalFlag],
    answers: &[Assessment],
) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = catalogue
        .areas
        .iter()
        .map(|a| Group { area: a.clone(), requirements: Vec::new(), tally: Tally::default() })
        .collect();
    for r in catalogue.requirements.iter().filter(|r| r.applies.holds(levels, flags)) {
        let i = match out.iter().position(|g| g.area.id == r.area) {
            Some(i) => i,
            None => {
                let area = Area { id: r.area.clone(), name_sv: r.area.clone(), name_en: r.area.clone() };
                out.push(Group { area, requirements: Vec::new(), tally: Tally::default() });
                out.len() - 1
            }
        };
        out[i].tally.add(answers.iter().find(|a| a.requirement_id == r.id).map(|a| a.status));
        out[i].requirements.push(r);
    }
    out.retain(|g| !g.requirements.is_empty());
    out
}

/// The action a gap becomes, when the person answering asks for one.
pub struct GapAction {
    /// Its title, in the person's language.
    pub title: String,
    pub owner: Option<i64>,
    pub due: Option<crate::platform::clock::Day>,
}

/// Who records an answer, and against which catalogue.
pub struct Recorder<'a> {
    pub actor: &'a audit::Actor,
    pub name: &'a str,
    pub catalogue_version: &'a str,
}

/// Records one requirement's answer for a system, with its entry in the audit trail. A gap
/// (not or partly met) becomes one action in the action plan when `action` asks for it and the
/// gap has none yet (not one per save). Returns whether an action was made.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    who: &Recorder<'_>,
    system: &systems::System,
    r: &Requirement,
    input: &AssessmentInput,
    action: Option<GapAction>,
) -> Result<bool, DbError> {
    let org = who.actor.org_id;
    let before = assessments::get(&mut *conn, org, system.id, &r.id).await?;
    assessments::save(&mut *conn, org, system.id, &r.id, input, who.name, who.catalogue_version).await?;
    let after = assessments::get(&mut *conn, org, system.id, &r.id).await?;
    let summary = format!("{}: {}", system.name, r.id);
    audit::record(
        &mut *conn,
        who.actor,
        audit::Change {
            action: "assess",
            entity: "system",
            entity_id: Some(system.id),
            summary: &summary,
            before: before.as_ref(),
            after: after.as_ref(),
        },
    )
    .await?;
    let origin_ref = format!("{}:{}", system.id, r.id);
    let gap = matches!(input.status, Fulfilment::NotFulfilled | Fulfilment::Partly);
    let Some(wish) = action.filter(|_| gap) else { return Ok(false) };
    if actions::for_origin(&mut *conn, org, &origin_ref).await?.is_some() {
        return Ok(false);
    }
    let action = actions::ActionInput {
        title: wish.title,
        origin: beredd_domain::ActionOrigin::Requirement,
        origin_ref: Some(origin_ref),
        owner_id: wish.owner,
        unit_id: None,
        priority: if input.status == Fulfilment::NotFulfilled { Priority::High } else { Priority::Medium },
        due_date: wish.due,
        status: ActionStatus::Planned,
        notes: None,
    };
    let id = actions::insert(&mut *conn, org, &action).await?;
    let created = actions::get(&mut *conn, org, id).await?;
    audit::record(
        &mut *conn,
        who.actor,
        audit::Change {
            action: "create",
            entity: "action",
            entity_id: Some(id),
            summary: &action.title,
            before: None,
            after: created.as_ref(),
        },
    )
    .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_requirements_are_grouped_by_area_in_the_catalogues_order_with_every_one_once() {
        let catalogue = Catalogue::load().unwrap();
        let levels = Levels::new(3, 3, 2, 2).unwrap();
        let flags = [LegalFlag::SocialServicesDocumentation];
        let answered = Assessment {
            system_id: 1,
            requirement_id: "STY-01".into(),
            status: Fulfilment::Partly,
            how: None,
            not_applicable_reason: None,
            evidence_link: None,
            assessed_by: "Anna".into(),
            assessed_at: crate::platform::clock::Stamp::parse("2026-11-24T09:00:00Z").unwrap(),
            catalogue_version: catalogue.version.clone(),
        };
        let groups = groups(&catalogue, &levels, &flags, &[answered]);
        let order: Vec<usize> =
            groups.iter().map(|g| catalogue.areas.iter().position(|a| a.id == g.area.id).unwrap()).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(groups.iter().all(|g| g.requirements.iter().all(|r| r.area == g.area.id)));
        let all: usize = groups.iter().map(|g| g.requirements.len()).sum();
        let expected = catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).count();
        assert_eq!(all, expected);
        assert_eq!(groups[0].area.id, "STY");
        assert_eq!((groups[0].tally.partly, groups[0].tally.unanswered), (1, groups[0].requirements.len() - 1));
    }

    #[test]
    fn a_tally_counts_the_unanswered_apart() {
        let mut t = Tally::default();
        for s in [Some(Fulfilment::Fulfilled), Some(Fulfilment::NotApplicable), None, None] {
            t.add(s);
        }
        assert_eq!((t.answered(), t.unanswered, t.all()), (2, 2, 4));
    }
}
