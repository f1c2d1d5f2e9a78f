//! The `beredd` binary: parse the command line, run, return an exit code.

fn main() -> std::process::ExitCode {
    beredd::cli::main()
}
