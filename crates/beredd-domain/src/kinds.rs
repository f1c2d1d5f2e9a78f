//! The closed vocabularies of the registers. Each value has a stable code (stored in the
//! database and in data files) and a Fluent message id for its label.

use crate::text::FieldError;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and in data files.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The Fluent message id of its label.
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $code)),+ }
            }

            pub fn parse(code: &str) -> Result<Self, FieldError> {
                match code.trim() {
                    $($code => Ok($name::$variant),)+
                    _ => Err(FieldError::Choice),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary!(
    /// Where a unit sits in the organisation tree.
    UnitKind, "unit-kind", {
        Forvaltning => "forvaltning",
        Verksamhetsomrade => "verksamhetsomrade",
        Enhet => "enhet",
    }
);

vocabulary!(
    /// How much society and the clients depend on an activity, most critical first.
    Criticality, "criticality", {
        Samhallsviktig => "samhallsviktig",
        Kritisk => "kritisk",
        Viktig => "viktig",
        Ovrig => "ovrig",
    }
);

vocabulary!(
    /// Where a system runs: this decides what survives an attack on the municipal network.
    Hosting, "hosting", {
        Internal => "internal",
        SupplierCloud => "supplier_cloud",
        National => "national",
    }
);

vocabulary!(
    /// What sort of system or service it is.
    SystemKind, "system-kind", {
        ItSystem => "it_system",
        Service => "service",
        WelfareTech => "welfare_tech",
        Infrastructure => "infrastructure",
    }
);

vocabulary!(
    /// Whether a person is on the municipality's staff or an outside contact.
    ContactKind, "contact-kind", {
        Staff => "staff",
        External => "external",
    }
);

vocabulary!(
    /// Shared resources that activities and systems need, beyond the registered systems.
    ResourceKind, "resource-kind", {
        Network => "network",
        Identity => "identity",
        Email => "email",
        Internet => "internet",
        DataCentre => "data_centre",
        Electricity => "electricity",
        Water => "water",
        Heating => "heating",
        MobileNetwork => "mobile_network",
        Telephony => "telephony",
        Premises => "premises",
        Transport => "transport",
        Staff => "staff",
        Other => "other",
    }
);

vocabulary!(
    /// What a dependency edge connects: its `from` is an activity or a system, its `to` a
    /// system, supplier or resource.
    NodeKind, "node-kind", {
        Activity => "activity",
        System => "system",
        Supplier => "supplier",
        Resource => "resource",
    }
);

vocabulary!(
    /// How hard a dependency is (see `graph::Need`).
    NeedKind, "need", {
        Stops => "stops",
        Degraded => "degraded",
    }
);

vocabulary!(
    /// How far a requirement is met.
    Fulfilment, "fulfilment", {
        Fulfilled => "fulfilled",
        Partly => "partly",
        NotFulfilled => "not_fulfilled",
        NotApplicable => "not_applicable",
    }
);

vocabulary!(
    /// Where an action in the action plan stands.
    ActionStatus, "action-status", {
        Planned => "planned",
        Ongoing => "ongoing",
        Done => "done",
        Cancelled => "cancelled",
    }
);

vocabulary!(
    /// How urgent an action is.
    Priority, "priority", {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
);

impl NodeKind {
    /// The register (URL segment) where nodes of this kind live.
    pub fn slug(self) -> &'static str {
        match self {
            NodeKind::Activity => "activities",
            NodeKind::System => "systems",
            NodeKind::Supplier => "suppliers",
            NodeKind::Resource => "resources",
        }
    }

    /// Whether a dependency may start here (activities and systems depend on things).
    pub fn may_depend(self) -> bool {
        matches!(self, NodeKind::Activity | NodeKind::System)
    }
    /// Whether a dependency may end here.
    pub fn may_be_depended_on(self) -> bool {
        !matches!(self, NodeKind::Activity)
    }
}

impl UnitKind {
    /// The kind a child of this unit normally has; the tree is förvaltning > verksamhetsområde > enhet.
    pub fn allows_child(self, child: UnitKind) -> bool {
        child > self || (self == UnitKind::Enhet && child == UnitKind::Enhet)
    }
}

vocabulary!(
    /// What an entry in an incident's log is.
    LogKind, "log-kind", {
        Event => "event",
        Decision => "decision",
        Information => "information",
        Task => "task",
        Status => "status",
        Correction => "correction",
        Meeting => "meeting",
        System => "system",
    }
);

vocabulary!(
    /// Where a checklist item on the crisis staff's board stands ("is it done?").
    BoardState, "board-state", {
        NotStarted => "not_started",
        UnderWay => "under_way",
        Done => "done",
        Problem => "problem",
    }
);

vocabulary!(
    /// The roles on the crisis staff.
    StaffRole, "staff-role", {
        CrisisLeader => "crisis_leader",
        ChiefOfStaff => "chief_of_staff",
        LogKeeper => "log_keeper",
        InformationOfficer => "information_officer",
        Spokesperson => "spokesperson",
        AreaContact => "area_contact",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_value() {
        for c in Criticality::ALL {
            assert_eq!(Criticality::parse(c.code()), Ok(*c));
        }
        for h in Hosting::ALL {
            assert_eq!(Hosting::parse(h.code()), Ok(*h));
        }
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(Criticality::parse("viktigast"), Err(FieldError::Choice));
    }

    #[test]
    fn criticality_orders_the_most_critical_first() {
        assert!(Criticality::Samhallsviktig < Criticality::Ovrig);
    }

    #[test]
    fn the_tree_goes_downwards() {
        assert!(UnitKind::Forvaltning.allows_child(UnitKind::Verksamhetsomrade));
        assert!(UnitKind::Verksamhetsomrade.allows_child(UnitKind::Enhet));
        assert!(!UnitKind::Enhet.allows_child(UnitKind::Forvaltning));
    }
}
