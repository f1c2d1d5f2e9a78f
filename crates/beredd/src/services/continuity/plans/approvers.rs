//! Who may be named as the manager approving a plan: the staff of the people register, those of
//! the plan's units first; by default the manager of the plan's unit (or of the nearest unit
//! above it that has one). A person with protected personal data is never offered, since the
//! approver's name is printed in the binder.

use beredd_domain::ContactKind;

use crate::store::{people::Person, units::Unit};

/// The people to choose from, grouped by unit (the plan's units first, then by name), and the one
/// chosen by default.
pub struct Approvers {
    pub groups: Vec<(String, Vec<(i64, String)>)>,
    pub default: Option<i64>,
}

/// Whether `p` may be named as approver.
pub fn eligible(p: &Person) -> bool {
    p.kind == ContactKind::Staff && !p.protected.0
}

/// The manager of `unit` or of the nearest unit above it that has an eligible one.
fn manager_above(units: &[Unit], people: &[Person], unit: i64) -> Option<i64> {
    let mut at = units.iter().find(|u| u.id == unit);
    // A tree has at most as many levels as units; the bound keeps a broken parent chain finite.
    for _ in 0..=units.len() {
        let u = at?;
        if let Some(m) = u.manager_id.filter(|m| people.iter().any(|p| p.id == *m && eligible(p))) {
            return Some(m);
        }
        at = u.parent_id.and_then(|parent| units.iter().find(|x| x.id == parent));
    }
    None
}

/// The approvers of a plan for `plan_units`.
pub fn for_plan(units: &[Unit], people: &[Person], plan_units: &[i64]) -> Approvers {
    let default = plan_units.iter().find_map(|u| manager_above(units, people, *u));
    let mut order: Vec<&Unit> = units.iter().collect();
    order.sort_by_key(|u| (!plan_units.contains(&u.id), beredd_domain::sort::swedish_key(&u.name)));
    let label = |p: &Person| match p.title.as_deref() {
        Some(t) if !t.is_empty() => format!("{}, {t}", p.name),
        _ => p.name.clone(),
    };
    let mut groups: Vec<(String, Vec<(i64, String)>)> = order
        .into_iter()
        .filter_map(|u| {
            let mut in_unit: Vec<(i64, String)> =
                people.iter().filter(|p| eligible(p) && p.unit_id == Some(u.id)).map(|p| (p.id, label(p))).collect();
            in_unit.sort_by_key(|(_, l)| beredd_domain::sort::swedish_key(l));
            (!in_unit.is_empty()).then(|| (u.name.clone(), in_unit))
        })
        .collect();
    let mut unplaced: Vec<(i64, String)> =
        people.iter().filter(|p| eligible(p) && p.unit_id.is_none()).map(|p| (p.id, label(p))).collect();
    if !unplaced.is_empty() {
        unplaced.sort_by_key(|(_, l)| beredd_domain::sort::swedish_key(l));
        groups.push((String::new(), unplaced));
    }
    Approvers { groups, default }
}
