//! Building a continuity plan's first draft from a template and what the registers know about
//! the plan's units: their critical activities, their staff and the suppliers they depend on;
//! and where each plan stands (review overdue, binder not printed since the last approval).
//! What the plan page shows is `shown`; making, saving, approving and deleting plans `changes`;
//! who may be named as the approving manager `approvers`.

pub mod approvers;
pub mod changes;
pub mod shown;

use beredd_domain::Criticality;
use beredd_domain::plan::{CallEntry, Checklist, Communication, ExternalContact, Hotline, PlanContent, RoutinePlan};

use std::collections::HashMap;

use crate::content::plan_templates::PlanTemplate;
use crate::platform::clock::Day;
use crate::platform::db::DbError;
use crate::services::organisation::protection;
use crate::store::plans;
use crate::store::{
    activities::Activity, dependencies::Dependency, people::Person, suppliers::Supplier, systems::System, units::Unit,
};

/// What the registers hold, loaded once; the builder picks what belongs to the plan's units.
pub struct Registers<'a> {
    pub units: &'a [Unit],
    pub activities: &'a [Activity],
    pub people: &'a [Person],
    pub dependencies: &'a [Dependency],
    pub systems: &'a [System],
    pub suppliers: &'a [Supplier],
}

/// How many people each person in the phone tree calls.
const BRANCHING: usize = 3;

/// The critical activities (akut and kritisk) of the given units, most critical first.
pub fn critical_activities<'a>(r: &Registers<'a>, units: &[i64]) -> Vec<&'a Activity> {
    let mut out: Vec<(Criticality, &Activity)> = r
        .activities
        .iter()
        .filter(|a| units.contains(&a.unit_id))
        .map(|a| (a.criticality, a))
        .filter(|(c, _)| c.is_critical())
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    out.into_iter().map(|(_, a)| a).collect()
}

fn routine_from(t: &crate::content::plan_templates::Routine, activity: Option<&Activity>) -> RoutinePlan {
    RoutinePlan {
        activity_id: activity.map(|a| a.id),
        activity: activity.map(|a| a.name.clone()).unwrap_or_else(|| t.activity.clone()),
        trigger: t.trigger.clone(),
        switch_back: t.switch_back.clone(),
        steps: t.steps.clone(),
        resources: t.resources.clone(),
        reentry: t.reentry.clone(),
    }
}

/// The call list of the units: their managers first, then their staff with a phone number,
/// arranged as a phone tree where everyone calls the next three. A person with protected
/// personal data keeps their place in the tree as a stand-in that names whom to contact
/// (`organisation::protection`): their name and number never go into a plan.
pub fn call_list(r: &Registers, units: &[i64]) -> Vec<CallEntry> {
    let managers: Vec<i64> = r.units.iter().filter(|u| units.contains(&u.id)).filter_map(|u| u.manager_id).collect();
    let mut people: Vec<&Person> = r.people.iter().filter(|p| managers.contains(&p.id)).collect();
    people.sort_by_key(|p| managers.iter().position(|m| *m == p.id));
    people.extend(r.people.iter().filter(|p| {
        p.kind == beredd_domain::ContactKind::Staff
            && p.unit_id.is_some_and(|u| units.contains(&u))
            && !managers.contains(&p.id)
    }));
    let people: Vec<&Person> =
        people.into_iter().filter(|p| p.work_phone.is_some() || p.private_phone.is_some()).collect();
    (0..people.len())
        .map(|i| {
            let p = people[i];
            let called: Vec<&str> = (BRANCHING * i + 1..=BRANCHING * i + BRANCHING)
                .filter_map(|j| people.get(j))
                .map(|p| if p.protected.get() { protection::SWEDISH.name } else { p.name.as_str() })
                .collect();
            if p.protected.get() {
                return protection::stand_in(p, r.units, r.people, &protection::SWEDISH, called.join(", "));
            }
            CallEntry {
                name: p.name.clone(),
                role: p.title.clone().unwrap_or_default(),
                phone: p.work_phone.clone().or_else(|| p.private_phone.clone()).unwrap_or_default(),
                calls: called.join(", "),
            }
        })
        .collect()
}

/// The call list the registers give for some units, and what the registers lack for it.
pub struct FromRegister {
    pub list: Vec<CallEntry>,
    /// How many people work in the units, when every one of them says.
    pub staff_count: Option<i64>,
    /// The units' staff in the register without a phone number (and so not on the list).
    pub without_phone: usize,
}

/// The units' call list from the registers (`call_list`), with how many staff the units say they
/// have and how many of those in the register have no phone number, so that a list shorter than
/// the unit can say why.
pub fn call_list_report(r: &Registers, units: &[i64]) -> FromRegister {
    let chosen: Vec<&Unit> = r.units.iter().filter(|u| units.contains(&u.id)).collect();
    let staff_count = (!chosen.is_empty() && chosen.iter().all(|u| u.staff_count.is_some()))
        .then(|| chosen.iter().filter_map(|u| u.staff_count).sum());
    let without_phone = r
        .people
        .iter()
        .filter(|p| p.kind == beredd_domain::ContactKind::Staff && p.unit_id.is_some_and(|u| units.contains(&u)))
        .filter(|p| p.work_phone.is_none() && p.private_phone.is_none())
        .count();
    FromRegister { list: call_list(r, units), staff_count, without_phone }
}

/// The suppliers of the systems the units' activities depend on, with a phone number.
fn supplier_contacts(r: &Registers, activities: &[i64]) -> Vec<ExternalContact> {
    let systems: Vec<i64> = r
        .dependencies
        .iter()
        .filter(|d| {
            d.from_kind == beredd_domain::NodeKind::Activity
                && activities.contains(&d.from_id)
                && d.to_kind == beredd_domain::NodeKind::System
        })
        .map(|d| d.to_id)
        .collect();
    let mut out: Vec<ExternalContact> = Vec::new();
    for s in r.systems.iter().filter(|s| systems.contains(&s.id)) {
        let Some(sup) = s.supplier_id.and_then(|id| r.suppliers.iter().find(|x| x.id == id)) else { continue };
        let Some(phone) = sup.phone.clone() else { continue };
        if let Some(e) = out.iter_mut().find(|e| e.name == sup.name) {
            e.purpose.push_str(", ");
            e.purpose.push_str(&s.name);
        } else {
            out.push(ExternalContact { name: sup.name.clone(), phone, purpose: format!("Leverantör: {}", s.name) });
        }
    }
    out
}

/// The first draft of a plan for `units` from template `t`: one fallback routine per critical
/// activity that a routine of the template fits (the template's activity name when none of the
/// units' activities is registered), and the units' call list.
pub fn draft(t: &PlanTemplate, r: &Registers, units: &[i64]) -> PlanContent {
    let activities = critical_activities(r, units);
    let mut routines: Vec<RoutinePlan> = Vec::new();
    for a in &activities {
        if let Some(tr) = t.routines.iter().find(|tr| tr.fits(&a.name)) {
            routines.push(routine_from(tr, Some(a)));
        } else {
            routines.push(RoutinePlan { activity_id: Some(a.id), activity: a.name.clone(), ..Default::default() });
        }
    }
    if activities.is_empty() {
        routines = t.routines.iter().map(|tr| routine_from(tr, None)).collect();
    }
    let lead = r
        .units
        .iter()
        .filter(|u| units.contains(&u.id))
        .filter_map(|u| u.manager_id.and_then(|m| r.people.iter().find(|p| p.id == m)))
        .filter(|p| !p.protected.get())
        .map(|p| match (&p.title, &p.work_phone) {
            (Some(t), Some(ph)) => format!("{}, {t}, {ph}", p.name),
            (Some(t), None) => format!("{}, {t}", p.name),
            _ => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let ids: Vec<i64> = activities.iter().map(|a| a.id).collect();
    let mut externals = supplier_contacts(r, &ids);
    externals.extend(t.externals.iter().map(|e| ExternalContact {
        name: e.name.clone(),
        phone: e.phone.clone(),
        purpose: e.purpose.clone(),
    }));
    PlanContent {
        lead,
        routines,
        call_list: call_list(r, units),
        externals,
        hotline: Hotline {
            number: String::new(),
            hours: t.hotline.hours.clone(),
            answered_by: t.hotline.answered_by.clone(),
            script: t.hotline.script.clone(),
        },
        communication: Communication {
            web: t.communication.web.clone(),
            hotline: t.communication.hotline.clone(),
            media: t.communication.media.clone(),
            spokesperson: t.communication.spokesperson.clone(),
        },
        checklists: t.checklists.iter().map(|c| Checklist { title: c.title.clone(), items: c.items.clone() }).collect(),
    }
}

/// The day a year after `day`; 29 February becomes 28 February.
pub fn one_year_after(day: Day) -> Day {
    day.months_before(-12).unwrap_or(day)
}

/// Where a plan stands: its newest version, its newest approved one and its printed binder.
pub struct Standing {
    pub newest: Option<plans::Version>,
    pub approved: Option<plans::Version>,
    pub printed: Option<plans::Printed>,
}

impl Standing {
    pub fn review_overdue(&self, plan: &plans::Plan, today: Day) -> bool {
        self.approved.is_some() && plan.review_due.is_some_and(|d| d < today)
    }
    /// The approved version has not been printed (or a newer one was approved since).
    pub fn binder_stale(&self) -> bool {
        match (&self.approved, &self.printed) {
            (Some(a), Some(p)) => p.version < a.number,
            (Some(_), None) => true,
            _ => false,
        }
    }
    pub fn has_draft(&self) -> bool {
        self.newest.as_ref().is_some_and(|v| v.is_draft())
    }
}

/// Every plan of the organisation with where it stands.
pub async fn standings(pool: &sqlx::AnyPool, org: i64) -> Result<Vec<(plans::Plan, Standing)>, DbError> {
    let mut conn = pool.acquire().await?;
    let all = plans::list(&mut conn, org).await?;
    // Where each plan stands needs its versions' numbers and dates, not their content.
    let (approved, newest) = plans::heads_all(&mut *conn, org).await?;
    let mut approved: HashMap<i64, plans::Version> = approved.into_iter().map(|v| (v.plan_id, v)).collect();
    let mut newest: HashMap<i64, plans::Version> = newest.into_iter().map(|v| (v.plan_id, v)).collect();
    let mut printed: HashMap<i64, plans::Printed> =
        plans::printed(&mut *conn, org).await?.into_iter().map(|p| (p.plan_id, p)).collect();
    let mut out = Vec::new();
    for p in all {
        let s =
            Standing { newest: newest.remove(&p.id), approved: approved.remove(&p.id), printed: printed.remove(&p.id) };
        out.push((p, s));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_after_keeps_the_day_and_moves_a_leap_day() {
        let day = |s: &str| Day::parse(s).unwrap();
        assert_eq!(one_year_after(day("2026-11-23")), day("2027-11-23"));
        assert_eq!(one_year_after(day("2028-02-29")), day("2029-02-28"));
    }

    fn person(id: i64, name: &str, unit: i64, phone: Option<&str>) -> Person {
        Person {
            id,
            kind: beredd_domain::ContactKind::Staff,
            name: name.into(),
            title: Some("Undersköterska".into()),
            unit_id: Some(unit),
            organisation: None,
            supplier_id: None,
            work_phone: phone.map(str::to_owned),
            private_phone: None,
            email: None,
            reachable_off_hours: Default::default(),
            notes: None,
            employee_number: None,
            updated_at: crate::platform::clock::now_stamp(),
            protected: Default::default(),
        }
    }

    #[test]
    fn the_call_list_starts_with_the_manager_and_forms_a_tree_of_three() {
        let unit = Unit {
            id: 1,
            parent_id: None,
            kind: beredd_domain::UnitKind::Enhet,
            name: "Björkbacken".into(),
            manager_id: Some(9),
            address: None,
            staff_count: None,
            around_the_clock: Default::default(),
            description: None,
            code: None,
            updated_at: crate::platform::clock::now_stamp(),
        };
        let mut people: Vec<Person> = (1..=6).map(|i| person(i, &format!("P{i}"), 1, Some("070-174 06 50"))).collect();
        people.push(person(9, "Chefen", 1, Some("070-174 06 51")));
        people.push(person(10, "Utan telefon", 1, None));
        people.push(person(11, "Annan enhet", 2, Some("070-174 06 52")));
        let units = [unit];
        let r = Registers {
            units: &units,
            activities: &[],
            people: &people,
            dependencies: &[],
            systems: &[],
            suppliers: &[],
        };
        let list = call_list(&r, &[1]);
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Chefen", "P1", "P2", "P3", "P4", "P5", "P6"]);
        assert_eq!(list[0].calls, "P1, P2, P3");
        assert_eq!(list[1].calls, "P4, P5, P6");
        assert_eq!(list[2].calls, "");
    }
}
