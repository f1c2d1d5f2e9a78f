//! The organisation's registers beyond their generic forms: what a system must meet, given the
//! information it holds.

pub mod import;
pub mod protection;
pub mod systems;
