//! The closed vocabularies of the registers. Each value has a stable code (stored in the
//! database and in data files) and a Fluent message id for its label.

/// A stored code that names no value of its vocabulary: the database or a data file holds
/// something Beredd never wrote. Reading it is an error, never a silent default.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code:?} is not a {vocabulary} code")]
pub struct UnknownCode {
    /// The vocabulary's type name, e.g. `SystemKind`.
    pub vocabulary: &'static str,
    pub code: String,
}

/// What a vocabulary stored as text needs to be read back: `TryFrom<String>` (what a read model
/// decodes its column with) and serde (the audit trail and bundles keep the code).
/// The type needs `code()` and `parse()`.
macro_rules! stored_code {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = $crate::kinds::UnknownCode;
            fn try_from(code: String) -> Result<Self, Self::Error> {
                $name::parse(&code).map_err(|_| $crate::kinds::UnknownCode { vocabulary: stringify!($name), code })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = String::deserialize(deserializer)?;
                $name::try_from(code).map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use stored_code;

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

            pub fn parse(code: &str) -> Result<Self, $crate::text::FieldError> {
                match code.trim() {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::text::FieldError::Choice),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        $crate::kinds::stored_code!($name);
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// Where a unit sits in the organisation tree.
    UnitKind, "unit-kind", {
        Forvaltning => "forvaltning",
        Verksamhetsomrade => "verksamhetsomrade",
        Enhet => "enhet",
    }
);

vocabulary!(
    /// How soon an activity must work again after an outage, most critical first. Whether it is
    /// samhällsviktig verksamhet in MSB's sense is a separate flag of the activity, not a step here.
    Criticality, "criticality", {
        Akut => "akut",
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
    /// What a risk analysis covers: the whole organisation, or one unit, system or activity.
    RiskScope, "risk-scope", {
        Org => "org",
        Unit => "unit",
        System => "system",
        Activity => "activity",
    }
);

vocabulary!(
    /// The channels a message during an incident is written for.
    Channel, "channel", {
        Web => "web",
        Press => "press",
        Social => "social",
        Hotline => "hotline",
        Internal => "internal",
    }
);

impl Channel {
    /// Whether its approved messages are for the public (and so for the public web page); the
    /// hotline's script and messages to staff are not.
    pub fn is_public(self) -> bool {
        matches!(self, Channel::Web | Channel::Press | Channel::Social)
    }
}

vocabulary!(
    /// Where an action in the action plan comes from: a self-assessment gap, added by hand, a
    /// lesson learned from an incident, a risk analysis, a framework assessment or a decision of
    /// the management review. Its `origin_ref` says which one.
    ActionOrigin, "action-origin-kind", {
        Requirement => "requirement",
        Manual => "manual",
        Lesson => "lesson",
        Risk => "risk",
        Framework => "framework",
        Review => "review",
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

impl Criticality {
    /// Akut or kritisk (must work again within a day): the activities that need a continuity plan.
    pub fn is_critical(self) -> bool {
        matches!(self, Criticality::Akut | Criticality::Kritisk)
    }
}

impl From<NeedKind> for crate::graph::Need {
    fn from(n: NeedKind) -> Self {
        match n {
            NeedKind::Stops => crate::graph::Need::Stops,
            NeedKind::Degraded => crate::graph::Need::Degraded,
        }
    }
}

impl ActionStatus {
    /// Planned or ongoing: still to be done.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::Ongoing)
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
    /// The roles on the crisis staff, and the people who take the reporting decisions: the
    /// information-security coordinator, the IT manager, the data protection officer (advises on
    /// IMY), the MAS and MAR (lex Maria, patient safety) and the named contact towards MCF.
    StaffRole, "staff-role", {
        CrisisLeader => "crisis_leader",
        ChiefOfStaff => "chief_of_staff",
        LogKeeper => "log_keeper",
        InformationOfficer => "information_officer",
        Spokesperson => "spokesperson",
        AreaContact => "area_contact",
        Ciso => "ciso",
        ItManager => "it_manager",
        Dpo => "dpo",
        Mas => "mas",
        Mar => "mar",
        McfContact => "mcf_contact",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FieldError;

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
    fn a_stored_code_reads_back_and_an_unknown_one_is_an_error() {
        assert_eq!(Hosting::try_from("supplier_cloud".to_owned()), Ok(Hosting::SupplierCloud));
        let e = SystemKind::try_from("mainframe".to_owned()).unwrap_err();
        assert_eq!(e, UnknownCode { vocabulary: "SystemKind", code: "mainframe".into() });
        assert_eq!(e.to_string(), "\"mainframe\" is not a SystemKind code");
    }

    #[test]
    fn criticality_orders_the_most_critical_first() {
        assert!(Criticality::Akut < Criticality::Ovrig);
    }

    #[test]
    fn the_tree_goes_downwards() {
        assert!(UnitKind::Forvaltning.allows_child(UnitKind::Verksamhetsomrade));
        assert!(UnitKind::Verksamhetsomrade.allows_child(UnitKind::Enhet));
        assert!(!UnitKind::Enhet.allows_child(UnitKind::Forvaltning));
    }
}
