//! Crisis mode: incident bundles between installations and the offline kit's log read back in,
//! both through the same checks of every entry; the board as a person reads it.

pub mod board;
pub mod board_state;
pub mod bundle;
pub mod checks;
pub mod comms;
pub mod drafts;
pub mod imports;
pub mod incidents;
pub mod kit_import;
pub mod lessons;
pub mod log;
pub mod meetings;
pub mod publish;
pub mod recovery;
pub mod reporting;
pub mod signatures;
pub mod staff;

use crate::store::incidents::Verdict;

use crate::platform::i18n::Tr;

/// What a check of an incident's log found, in words (the log page and `beredd incident verify`).
pub fn verdict_text(tr: &Tr, v: &Verdict) -> String {
    use beredd_domain::incident::Break;
    match v {
        Verdict::Intact { entries, thinned: 0 } => tr.tn("incident-chain-intact", *entries as i64),
        Verdict::Intact { entries, thinned } => format!(
            "{} {}",
            tr.tn("incident-chain-intact", *entries as i64),
            tr.tn("incident-chain-thinned", *thinned as i64)
        ),
        Verdict::Broken(Break::Changed { seq }) => tr.tn("incident-chain-changed", *seq),
        Verdict::Broken(Break::Link { seq }) => tr.tn("incident-chain-link", *seq),
        Verdict::Broken(Break::Gap { expected, .. }) => tr.tn("incident-chain-gap", *expected),
        Verdict::Truncated { found, .. } => tr.tn("incident-chain-truncated", *found),
    }
}

/// The head of a log as printed on paper: the last entry's number and the first 16 digits of its
/// hash. Anyone can later type them on the log page (or give them to `beredd incident verify`)
/// to see that nothing up to that entry has changed since the paper was printed.
pub fn head_text(tr: &Tr, rows: &[crate::store::incidents::LogRow]) -> String {
    match rows.last() {
        Some(r) => tr.args(
            "incident-log-head",
            &[("seq", &r.entry.seq.to_string()), ("hash", &beredd_domain::incident::paper_hash(&r.hash))],
        ),
        None => String::new(),
    }
}
