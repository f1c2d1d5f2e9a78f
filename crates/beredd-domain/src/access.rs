//! Unit scope: a unit manager edits the units granted to them and everything below those.

use std::collections::HashMap;

use crate::{Role, tree};

/// Whether a user with `role` and the `granted` units may change things that belong to `unit`.
pub fn may_edit_unit(role: Role, granted: &[i64], parents: &HashMap<i64, Option<i64>>, unit: i64) -> bool {
    if role.edits_all_content() {
        return true;
    }
    if role != Role::UnitManager {
        return false;
    }
    granted.contains(&unit) || tree::ancestors(parents, unit).iter().any(|a| granted.contains(a))
}

/// Whether a user may see the name and numbers of a person with protected personal data
/// (skyddade personuppgifter) who belongs to `unit`: those who keep every register, and the
/// managers of the person's unit or a unit above it. Everyone else is shown that a protected
/// person is there and whom to contact instead.
pub fn may_see_protected(role: Role, granted: &[i64], parents: &HashMap<i64, Option<i64>>, unit: Option<i64>) -> bool {
    role.edits_all_content() || unit.is_some_and(|u| may_edit_unit(role, granted, parents, u))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> HashMap<i64, Option<i64>> {
        [(1, None), (2, Some(1)), (3, Some(2)), (4, Some(1))].into_iter().collect()
    }

    #[test]
    fn a_unit_manager_edits_their_unit_and_its_sub_units() {
        assert!(may_edit_unit(Role::UnitManager, &[2], &tree(), 2));
        assert!(may_edit_unit(Role::UnitManager, &[2], &tree(), 3));
    }

    #[test]
    fn a_unit_manager_cannot_edit_a_sibling_or_the_parent() {
        assert!(!may_edit_unit(Role::UnitManager, &[2], &tree(), 4));
        assert!(!may_edit_unit(Role::UnitManager, &[2], &tree(), 1));
    }

    #[test]
    fn readers_and_crisis_staff_edit_no_unit_and_coordinators_edit_all() {
        assert!(!may_edit_unit(Role::Reader, &[1], &tree(), 1));
        assert!(!may_edit_unit(Role::CrisisStaff, &[1], &tree(), 1));
        assert!(may_edit_unit(Role::Coordinator, &[], &tree(), 3));
    }

    #[test]
    fn a_protected_person_is_seen_by_coordinators_and_their_own_units_managers_only() {
        assert!(may_see_protected(Role::Admin, &[], &tree(), Some(3)));
        assert!(may_see_protected(Role::Coordinator, &[], &tree(), None));
        assert!(may_see_protected(Role::UnitManager, &[3], &tree(), Some(3)));
        assert!(may_see_protected(Role::UnitManager, &[2], &tree(), Some(3)), "the unit above");
        assert!(!may_see_protected(Role::UnitManager, &[4], &tree(), Some(3)), "another unit");
        assert!(!may_see_protected(Role::UnitManager, &[4], &tree(), None));
        assert!(!may_see_protected(Role::CrisisStaff, &[3], &tree(), Some(3)));
        assert!(!may_see_protected(Role::Reader, &[], &tree(), Some(3)));
    }
}
