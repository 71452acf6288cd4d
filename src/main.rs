//! The `rolesplit` binary: the command line, or the window when no subcommand is given.
//! Built with the `cli` feature only (`required-features` in Cargo.toml).

use std::process::ExitCode;

use rolesplit::cli::{self, Exit, Outcome};

fn main() -> ExitCode {
    let launched = std::time::Instant::now();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::run(std::env::args_os(), &mut out, &mut err) {
        Outcome::Exit(code) => code.into(),
        Outcome::Window { scenario, path } => {
            open_window(*scenario, path, launched, &mut err).into()
        }
    }
}

#[cfg(feature = "gui")]
fn open_window(
    scenario: rolesplit::Scenario,
    path: Option<std::path::PathBuf>,
    launched: std::time::Instant,
    err: &mut dyn std::io::Write,
) -> Exit {
    match rolesplit::app::run(scenario, path, launched) {
        Ok(()) => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: the window could not open: {e}");
            Exit::Failure
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(
    _scenario: rolesplit::Scenario,
    _path: Option<std::path::PathBuf>,
    _launched: std::time::Instant,
    err: &mut dyn std::io::Write,
) -> Exit {
    let _ = writeln!(
        err,
        "rolesplit: this build has no window (built without the `gui` feature); use `rolesplit check FILE`"
    );
    Exit::Failure
}
