//! The command line (scenario-format.md, "The command line"): parse the arguments, call
//! the core, print, return an exit code. No logic of its own. `args` holds what clap
//! reads, `subcommands` what each subcommand does; every subcommand prints through
//! [`print`].

mod args;
mod subcommands;

use std::ffi::OsString;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

pub use args::{Cli, DiffFormat, ExportFormatArg, Format, Subcommand};

use crate::io;
use crate::model::Scenario;

/// The exit status of the command line (scenario-format.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything ran and no error-severity finding exists.
    Success = 0,
    /// Some error-severity finding exists (`import`: some rows were refused).
    Findings = 1,
    /// A file could not be read or written (wins over `Findings`).
    Failure = 2,
}

impl Exit {
    /// The worse of two outcomes.
    pub fn worst(self, other: Exit) -> Exit {
        if (other as u8) > (self as u8) {
            other
        } else {
            self
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}

/// What `main` should do after the arguments are read.
pub enum Outcome {
    /// Exit with this status: a subcommand ran, or the arguments were wrong.
    Exit(Exit),
    /// Open the window on this scenario (from this file, or the bundled sample).
    Window {
        /// The scenario to show.
        scenario: Box<Scenario>,
        /// The file it came from; `None` for the bundled sample.
        path: Option<PathBuf>,
    },
}

/// Runs the command line. Subcommands print to `out` and `err`; without one, the scenario
/// to open in the window is read (a file that fails to open is an error and exit 2).
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            // `--help` and `--version` are answers, not mistakes.
            let code = if e.use_stderr() {
                Exit::Failure
            } else {
                Exit::Success
            };
            return Outcome::Exit(code);
        }
    };
    let exit = match cli.subcommand {
        Some(Subcommand::Check { files, format }) => subcommands::check(&files, format, out, err),
        Some(Subcommand::Export {
            file,
            format,
            output,
        }) => subcommands::export(&file, format, output.as_deref(), out, err),
        Some(Subcommand::Import {
            scenario,
            sheet,
            output,
            dry_run,
        }) => subcommands::import(&scenario, &sheet, output.as_deref(), dry_run, out, err),
        Some(Subcommand::Diff { a, b, format }) => subcommands::diff(&a, &b, format, out, err),
        Some(Subcommand::Suggest { file, format, max }) => {
            subcommands::suggest(&file, format, max, out, err)
        }
        Some(Subcommand::Sources { format }) => {
            let text = match format {
                Format::Text => crate::sources::text(),
                Format::Json => crate::sources::json() + "\n",
            };
            print(&text, "list of sources", out, err)
        }
        Some(Subcommand::Serve { file, port, bind }) => {
            subcommands::serve(&file, port, bind, out, err)
        }
        None => return window(cli.file, err),
    };
    Outcome::Exit(exit)
}

/// The window's scenario: the file given, or the bundled sample.
fn window(file: Option<PathBuf>, err: &mut dyn Write) -> Outcome {
    let scenario = match &file {
        Some(path) => open(path, err),
        None => crate::samples::default_sample()
            .scenario()
            .map_err(|e| {
                let _ = writeln!(err, "rolesplit: the bundled sample does not load: {e}");
            })
            .ok(),
    };
    match scenario {
        Some(scenario) => Outcome::Window {
            scenario: Box::new(scenario),
            path: file,
        },
        None => Outcome::Exit(Exit::Failure),
    }
}

/// Reads a scenario file; one that fails is reported on `err` (the caller exits 2).
fn open(path: &Path, err: &mut dyn Write) -> Option<Scenario> {
    io::open(path)
        .map_err(|e| {
            let _ = writeln!(err, "rolesplit: {e}");
        })
        .ok()
}

/// Writes a subcommand's output (`what` names it in an error) to standard output and
/// flushes it; every subcommand prints through here. A reader that stopped early
/// (`rolesplit check x.ron | head -1`) is no failure: the text is dropped quietly and
/// the command ends with the status it would have had. Any other write error is said on
/// `err` and is exit 2.
fn print(text: &str, what: &str, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Success,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: cannot write the {what}: {e}");
            Exit::Failure
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_exit_wins() {
        assert_eq!(Exit::Success.worst(Exit::Findings), Exit::Findings);
        assert_eq!(Exit::Failure.worst(Exit::Findings), Exit::Failure);
        assert_eq!(Exit::Findings.worst(Exit::Success), Exit::Findings);
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Findings as u8, 1);
        assert_eq!(Exit::Failure as u8, 2);
    }

    /// A writer whose reader has gone, as standard output is under `| head -1`.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_a_full_disk_is_exit_2() {
        let mut err = Vec::new();
        assert_eq!(
            print("text", "report", &mut ClosedPipe, &mut err),
            Exit::Success
        );
        assert!(err.is_empty());
        let mut full = std::io::Cursor::new([0u8; 2]);
        assert_eq!(print("text", "report", &mut full, &mut err), Exit::Failure);
        let said = String::from_utf8_lossy(&err);
        assert!(
            said.starts_with("rolesplit: cannot write the report:"),
            "{said}"
        );
    }
}
