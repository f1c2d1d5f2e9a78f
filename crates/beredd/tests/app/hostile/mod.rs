//! Proof against hostile input, faults and slow clients (security review, issue 16): property
//! tests of every reader of outside input, every form over HTTP fed hostile values, the server
//! killed in the middle of writes, concurrent saves, and clients that never finish a request.

mod bundles;
mod concurrent_saves;
mod crash;
mod every_form;
mod fill;
mod forms;
mod frameworks;
mod memory;
mod site;
mod slow_clients;

use proptest::prelude::*;

/// Text as people and other programs write it, markup and quotes included, never empty after
/// trimming and without control characters: what every reader must take and give back as it was.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    let chars = "A-Za-zåäöÅÄÖéü0-9<>&'\"/;=()#%!?,.:*_+😀-";
    proptest::string::string_regex(&format!("[{chars}][ {chars}]{{0,{max}}}")).expect("a valid pattern")
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
