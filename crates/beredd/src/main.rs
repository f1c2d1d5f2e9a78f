//! The `beredd` binary: parse the command line, run, return an exit code. This is where the
//! command line is given the web interface to serve (the one place that names both).

/// mimalloc instead of glibc's allocator: a page allocates many small strings and vectors, and
/// with glibc's the start page answered 1 500–1 950 requests/s against 2 260–2 400 with mimalloc
/// (the same release binary, the large demo, three runs each; README, "How fast the pages are").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    beredd::cli::main(beredd::cli::Web {
        serve: beredd::web::server::serve,
        public_page: beredd::web::crisis::publish::render,
    })
}
