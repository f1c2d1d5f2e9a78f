//! Who may do what. The web layer asks these questions on every request; hiding a button is
//! never the protection.

use crate::text::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Manages users and everything else.
    Admin,
    /// The information-security coordinator: edits all content.
    Coordinator,
    /// Edits the units granted to them and their sub-units; reads the rest.
    UnitManager,
    /// The crisis staff: reads the registers (crisis mode adds its own rights).
    CrisisStaff,
    /// Reads.
    Reader,
}

impl Role {
    pub const ALL: &'static [Role] =
        &[Role::Admin, Role::Coordinator, Role::UnitManager, Role::CrisisStaff, Role::Reader];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::UnitManager => "unit_manager",
            Role::CrisisStaff => "crisis_staff",
            Role::Reader => "reader",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Role::Admin => "role-admin",
            Role::Coordinator => "role-coordinator",
            Role::UnitManager => "role-unit_manager",
            Role::CrisisStaff => "role-crisis_staff",
            Role::Reader => "role-reader",
        }
    }

    pub fn parse(code: &str) -> Result<Role, FieldError> {
        Role::ALL.iter().copied().find(|r| r.code() == code.trim()).ok_or(FieldError::Choice)
    }

    /// May change organisation-wide registers (systems, suppliers, external contacts, all units).
    pub fn edits_all_content(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }

    /// May manage user accounts and the organisation's own details.
    pub fn manages_users(self) -> bool {
        self == Role::Admin
    }

    /// May read the audit trail.
    pub fn reads_audit(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }

    /// May start incidents and write to their log, board, staff list and roster. Readers only read.
    pub fn works_incidents(self) -> bool {
        !matches!(self, Role::Reader)
    }

    /// May approve a message for the public and produce an incident's public web page: the crisis
    /// staff and those who edit all content. A unit manager drafts; readers only read.
    pub fn approves_public_messages(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator | Role::CrisisStaff)
    }
}

crate::kinds::stored_code!(Role);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admin_and_coordinator_edit_everything() {
        let editors: Vec<_> = Role::ALL.iter().filter(|r| r.edits_all_content()).collect();
        assert_eq!(editors, [&Role::Admin, &Role::Coordinator]);
    }

    #[test]
    fn everyone_but_readers_works_an_incident() {
        assert!(
            Role::CrisisStaff.works_incidents()
                && Role::UnitManager.works_incidents()
                && Role::Coordinator.works_incidents()
        );
        assert!(!Role::Reader.works_incidents());
    }

    #[test]
    fn the_crisis_staff_approve_public_messages_and_unit_managers_do_not() {
        let approvers: Vec<_> = Role::ALL.iter().filter(|r| r.approves_public_messages()).collect();
        assert_eq!(approvers, [&Role::Admin, &Role::Coordinator, &Role::CrisisStaff]);
    }

    #[test]
    fn roles_round_trip_through_their_codes() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Ok(*r));
        }
        assert!(Role::parse("root").is_err());
    }
}
