//! Proof against hostile input, faults and slow clients (security review, issue 16): property
//! tests of every reader of outside input, every form over HTTP fed hostile values, the server
//! killed in the middle of writes, concurrent saves, and clients that never finish a request.

mod bundles;
mod concurrent_numbers;
mod concurrent_saves;
mod crash;
mod every_form;
mod fill;
mod forms;
mod frameworks;
mod headers;
mod links;
mod memory;
mod page_views;
pub(crate) mod site;
mod slow_clients;

use proptest::prelude::*;

/// Text as people and other programs write it, markup and quotes included, never empty after
/// trimming and without control characters: what every reader must take and give back as it was.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    let chars = "A-Za-zåäöÅÄÖéü0-9<>&'\"/;=()#%!?,.:*_+😀-";
    proptest::string::string_regex(&format!("[{chars}][ {chars}]{{0,{max}}}")).expect("a valid pattern")
}

/// The settings of every property test here: `cases` cases from a fixed seed, so that a run on
/// any machine on any day tries the same values and a failure can be run again. Set
/// `PROPTEST_RNG_SEED` to try other values.
pub fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig { cases, max_shrink_time: 20_000, ..ProptestConfig::default() };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = proptest::test_runner::RngSeed::Fixed(0x6265_7265_6464);
    }
    c
}

/// Runs `work` on a thread with the stack a server's worker thread has (2 MiB), so that a parser
/// recursing without bound fails the test instead of passing on the test's larger stack.
pub fn on_small_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(work)
        .expect("a thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}
