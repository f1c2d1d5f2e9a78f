//! The `beredd` binary: parse the command line, run, return an exit code. This is where the
//! command line is given the web interface to serve (the one place that names both).

fn main() -> std::process::ExitCode {
    beredd::cli::main(beredd::cli::Web {
        serve: beredd::web::server::serve,
        public_page: beredd::web::crisis::publish::render,
    })
}
