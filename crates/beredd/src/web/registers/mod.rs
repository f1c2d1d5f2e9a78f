//! The registers of the foundation, each described for the generic handlers in `register`.

pub mod actions;
pub mod activities;
pub mod assets;
pub mod dependencies;
pub mod people;
pub mod resources;
pub mod scenarios;
pub mod suppliers;
pub mod systems;
pub mod units;

use super::i18n::Tr;

/// "Ja"/"Nej" in the user's language.
pub(crate) fn yes_no(b: bool, tr: &Tr) -> String {
    tr.t(if b { "yes" } else { "no" })
}

pub(crate) fn opt_string(v: Option<i64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub(crate) fn flag(b: bool) -> String {
    if b { "on".into() } else { String::new() }
}
