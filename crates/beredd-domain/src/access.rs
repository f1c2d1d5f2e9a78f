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
}
