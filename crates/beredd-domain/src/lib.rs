//! Beredd's domain: validated values, the registers' closed vocabularies, roles and unit scope.
//! Nothing here does I/O, so the compiler keeps HTTP and SQL out of the rules.

pub mod access;
pub mod bia;
pub mod civil;
pub mod classification;
pub mod cycle;
pub mod document;
pub mod field_error;
pub mod framework;
pub mod gdpr;
pub mod graph;
pub mod hosting;
pub mod incident;
pub mod job;
pub mod kinds;
pub mod passphrase;
pub mod plan;
pub mod recovery;
pub mod reporting;
pub mod risk;
pub mod roles;
pub mod sharing;
pub mod sort;
pub mod sso;
pub mod text;
pub mod thinning;
pub mod training;
pub mod tree;
pub mod upload;

pub use kinds::{
    ActionOrigin, ActionStatus, BoardState, Channel, ContactKind, Criticality, Fulfilment, Hosting, LogKind, NeedKind,
    NodeKind, Priority, ResourceKind, RiskScope, StaffRole, SystemKind, UnitKind, UnknownCode,
};
pub use roles::Role;
pub use text::FieldError;
