//! The organisation's registers (units, activities, people, suppliers, systems, resources,
//! dependencies, information assets), each described for the generic handlers in `register`.

pub mod activities;
pub mod assets;
pub mod dependencies;
pub mod import;
pub mod people;
pub mod protection;
pub mod resources;
pub mod suppliers;
pub mod systems;
pub mod units;
