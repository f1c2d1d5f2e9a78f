//! Plans that cover the same unit. A second plan for a unit is allowed (a shared plan and a
//! unit's own one, say), but a unit's fallback routine is then in both; wherever approved plans
//! are put together (the binder, the offline kit, an incident's board) each routine is taken
//! once: from the plan that covers the fewest units (the one written most closely for the unit),
//! then from the one approved most recently.

use beredd_domain::plan::{PlanContent, RoutinePlan};

use crate::platform::db::DbError;
use crate::store::plans;

/// Another plan that covers some of the same units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub plan_id: i64,
    pub plan_name: String,
    /// The units both cover, in the order of `units` given.
    pub units: Vec<i64>,
}

/// The plans (other than `except`) that cover any of `units`.
pub fn overlapping(all: &[plans::Plan], units: &[i64], except: Option<i64>) -> Vec<Overlap> {
    all.iter()
        .filter(|p| Some(p.id) != except)
        .filter_map(|p| {
            let shared: Vec<i64> = units.iter().copied().filter(|u| p.unit_ids.contains(u)).collect();
            (!shared.is_empty()).then(|| Overlap { plan_id: p.id, plan_name: p.name.clone(), units: shared })
        })
        .collect()
}

/// One approved plan as it is put together with others.
pub struct Held<'a> {
    pub plan: &'a plans::Plan,
    pub approved_at: Option<crate::platform::clock::Stamp>,
    pub content: &'a PlanContent,
}

/// Where a routine of a plan goes when plans are put together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// It is taken from this plan.
    Here,
    /// The same routine is taken from another plan (its index in the list given).
    Elsewhere(usize),
}

fn same_routine(a: &RoutinePlan, a_units: &[i64], b: &RoutinePlan, b_units: &[i64]) -> bool {
    match (a.activity_id, b.activity_id) {
        (Some(x), Some(y)) => x == y,
        // A routine not tied to a registered activity is the same when it has the same name and
        // the plans share a unit.
        _ => {
            let name = |r: &RoutinePlan| r.activity.trim().to_lowercase();
            !name(a).is_empty() && name(a) == name(b) && a_units.iter().any(|u| b_units.contains(u))
        }
    }
}

/// For each plan, for each of its routines, whether it is taken from that plan or from another.
/// Within one plan nothing is left out.
pub fn places(held: &[Held]) -> Vec<Vec<Place>> {
    // The plan written most closely for its units first, then the newest approval, then the
    // newest plan.
    let mut order: Vec<usize> = (0..held.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&held[a], &held[b]);
        x.plan
            .unit_ids
            .len()
            .cmp(&y.plan.unit_ids.len())
            .then_with(|| y.approved_at.cmp(&x.approved_at))
            .then_with(|| y.plan.id.cmp(&x.plan.id))
    });
    let mut out: Vec<Vec<Place>> = held.iter().map(|h| vec![Place::Here; h.content.routines.len()]).collect();
    let mut taken: Vec<(usize, &RoutinePlan)> = Vec::new();
    for &i in &order {
        let h = &held[i];
        let mut mine = Vec::new();
        for (j, r) in h.content.routines.iter().enumerate() {
            let other = taken.iter().find(|(k, t)| same_routine(r, &h.plan.unit_ids, t, &held[*k].plan.unit_ids));
            match other {
                Some((k, _)) => out[i][j] = Place::Elsewhere(*k),
                None => mine.push((i, r)),
            }
        }
        taken.extend(mine);
    }
    out
}

/// The fallback routines of the approved plans covering any of `units`, each routine once, in
/// the order of the plans: (plan name, routine). The incident board is made from them.
pub async fn approved_routines(
    pool: &sqlx::AnyPool,
    org: i64,
    units: &[i64],
) -> Result<Vec<(String, RoutinePlan)>, DbError> {
    let mut conn = pool.acquire().await?;
    let all = plans::list(&mut conn, org).await?;
    let approved = plans::approved_all(&mut *conn, org).await?;
    drop(conn);
    let mut chosen = Vec::new();
    for p in all.iter().filter(|p| p.unit_ids.iter().any(|u| units.contains(u))) {
        let Some(v) = approved.iter().find(|v| v.plan_id == p.id) else { continue };
        chosen.push((p, v.approved_at, v.content()?));
    }
    let held: Vec<Held> =
        chosen.iter().map(|(plan, approved_at, content)| Held { plan, approved_at: *approved_at, content }).collect();
    let places = places(&held);
    let mut out = Vec::new();
    for (h, places) in held.iter().zip(places) {
        for (r, place) in h.content.routines.iter().zip(places) {
            if place == Place::Here {
                out.push((h.plan.name.clone(), r.clone()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: i64, name: &str, units: &[i64]) -> plans::Plan {
        plans::Plan {
            id,
            name: name.into(),
            template_id: None,
            review_due: None,
            updated_at: crate::platform::clock::now_stamp(),
            unit_ids: units.to_vec(),
        }
    }

    fn routine(activity_id: Option<i64>, name: &str, step: &str) -> RoutinePlan {
        RoutinePlan { activity_id, activity: name.into(), steps: vec![step.into()], ..Default::default() }
    }

    #[test]
    fn overlapping_plans_name_the_units_they_share() {
        let all = [plan(1, "Hemtjänsten", &[10, 11, 12]), plan(2, "Boendet", &[20]), plan(3, "Norr", &[11])];
        assert_eq!(
            overlapping(&all, &[11, 20], Some(3)),
            vec![
                Overlap { plan_id: 1, plan_name: "Hemtjänsten".into(), units: vec![11] },
                Overlap { plan_id: 2, plan_name: "Boendet".into(), units: vec![20] }
            ]
        );
        assert!(overlapping(&all, &[99], None).is_empty());
    }

    #[test]
    fn a_routine_in_two_plans_is_taken_from_the_unit_s_own_plan_then_from_the_newest() {
        let shared = plan(1, "Hemtjänsten", &[10, 11]);
        let own = plan(2, "Hemtjänst Norr", &[11]);
        let a = PlanContent {
            routines: vec![
                routine(Some(100), "Besök Centrum", "gammal"),
                routine(Some(101), "Besök Norr", "gammal"),
                routine(None, "Nycklar", "gammal"),
            ],
            ..Default::default()
        };
        let b = PlanContent {
            routines: vec![routine(Some(101), "Besök Norr", "ny"), routine(None, "nycklar ", "ny")],
            ..Default::default()
        };
        let held = [
            Held {
                plan: &shared,
                approved_at: crate::platform::clock::Stamp::parse("2026-12-01T09:00:00Z"),
                content: &a,
            },
            Held { plan: &own, approved_at: crate::platform::clock::Stamp::parse("2026-01-01T09:00:00Z"), content: &b },
        ];
        assert_eq!(
            places(&held),
            vec![vec![Place::Here, Place::Elsewhere(1), Place::Elsewhere(1)], vec![Place::Here, Place::Here]]
        );
        // Two plans for the same units: the newest approval wins.
        let other = plan(3, "Hemtjänsten igen", &[10, 11]);
        let held = [
            Held {
                plan: &shared,
                approved_at: crate::platform::clock::Stamp::parse("2026-01-01T09:00:00Z"),
                content: &a,
            },
            Held {
                plan: &other,
                approved_at: crate::platform::clock::Stamp::parse("2026-06-01T09:00:00Z"),
                content: &a,
            },
        ];
        assert_eq!(places(&held)[0], vec![Place::Elsewhere(1); 3]);
        assert_eq!(places(&held)[1], vec![Place::Here; 3]);
        // A routine of the same name in plans without a shared unit is two routines.
        let elsewhere = plan(4, "Söder", &[30]);
        let held = [
            Held { plan: &own, approved_at: None, content: &b },
            Held { plan: &elsewhere, approved_at: None, content: &b },
        ];
        assert_eq!(
            places(&held),
            vec![vec![Place::Elsewhere(1), Place::Here], vec![Place::Here, Place::Here]],
            "the registered activity is the same one; the routine by name alone is not"
        );
    }
}
