//! The command line (scenario-format.md, "The command line"): parse the arguments, call
//! the core, print, return an exit code. No logic of its own.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::analyze;
use crate::export::ExportFormat;
use crate::io;
use crate::model::Scenario;
use crate::report;

/// Decide who does product manager and who does product owner work.
#[derive(Debug, Parser)]
#[command(
    name = "rolesplit",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A scenario file to open in the window (without one, the bundled sample opens).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each file's load table, findings, advice and leadership cost.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the responsibility split as Markdown, CSV, an HTML report or a matrix.
    Export {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Show what changed from scenario A to scenario B.
    Diff {
        /// Option A: the scenario compared from (.ron).
        a: PathBuf,
        /// Option B: the scenario compared to (.ron).
        b: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Propose up to N sets of one to three edits that lower the trouble, with their effect.
    Suggest {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The most proposals to list (at least 1).
        #[arg(long, default_value_t = crate::suggest::DEFAULT_MAX, value_parser = at_least_one)]
        max: usize,
    },
}

/// How `diff` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For a person at a terminal.
    Text,
    /// One JSON object, for scripts.
    Json,
    /// A Markdown document for leadership.
    Md,
    /// A self-contained HTML document for leadership.
    Html,
}

/// `--max` takes a whole number of at least 1: asking for no proposals is a mistake.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("“{text}” is not a whole number")),
    }
}

/// How `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The exit status of the command line (scenario-format.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything ran and no error-severity finding exists.
    Success = 0,
    /// Some error-severity finding exists.
    Findings = 1,
    /// A file could not be loaded or written (wins over `Findings`).
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
pub enum Action {
    /// Exit with this status: a subcommand ran, or the arguments were wrong.
    Exit(Exit),
    /// Open the window on this scenario (from this file, or the bundled sample).
    Window {
        scenario: Box<Scenario>,
        path: Option<PathBuf>,
    },
}

/// Runs the command line. Subcommands print to `out` and `err`; without one, the scenario
/// to open in the window is loaded (a file that fails to load is an error and exit 2).
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Action {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            let code = if e.use_stderr() {
                Exit::Failure
            } else {
                Exit::Success
            };
            return Action::Exit(code);
        }
    };
    match cli.command {
        Some(Command::Check { files, format }) => Action::Exit(check(&files, format, out, err)),
        Some(Command::Diff { a, b, format }) => Action::Exit(run_diff(&a, &b, format, out, err)),
        Some(Command::Suggest { file, format, max }) => {
            Action::Exit(run_suggest(&file, format, max, out, err))
        }
        Some(Command::Export {
            file,
            format,
            output,
        }) => Action::Exit(export(&file, format, output.as_deref(), out, err)),
        None => match cli.file {
            Some(path) => match io::open(&path) {
                Ok(scenario) => Action::Window {
                    scenario: Box::new(scenario),
                    path: Some(path),
                },
                Err(e) => {
                    let _ = writeln!(err, "rolesplit: {e}");
                    Action::Exit(Exit::Failure)
                }
            },
            None => match crate::samples::default_sample().scenario() {
                Ok(scenario) => Action::Window {
                    scenario: Box::new(scenario),
                    path: None,
                },
                Err(e) => {
                    let _ = writeln!(err, "rolesplit: the bundled sample does not load: {e}");
                    Action::Exit(Exit::Failure)
                }
            },
        },
    }
}

/// Loads a file and writes its export to `output` (atomically) or to `out`.
fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let scenario = match io::open(file) {
        Ok(scenario) => scenario,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {e}");
            return Exit::Failure;
        }
    };
    let text = crate::export::render(format, &scenario, &analyze(&scenario));
    let written = match output {
        Some(path) => io::write_atomically(path, text.as_bytes()).map_err(|e| e.to_string()),
        None => out
            .write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write the export: {e}")),
    };
    match written {
        Ok(()) => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {e}");
            Exit::Failure
        }
    }
}

/// Loads both files (reporting each that fails) and prints what changed from A to B.
fn run_diff(
    a: &Path,
    b: &Path,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let (sa, sb) = (io::open(a), io::open(b));
    let (sa, sb) = match (sa, sb) {
        (Ok(sa), Ok(sb)) => (sa, sb),
        (ra, rb) => {
            for e in [ra.err(), rb.err()].into_iter().flatten() {
                let _ = writeln!(err, "rolesplit: {e}");
            }
            return Exit::Failure;
        }
    };
    let (a_label, b_label) = (a.display().to_string(), b.display().to_string());
    let diff = crate::diff::diff(&sa, &sb);
    let comparison = crate::diff::Comparison {
        a_label: &a_label,
        a: &sa,
        b_label: &b_label,
        b: &sb,
        diff: &diff,
    };
    let text = match format {
        DiffFormat::Text => comparison.text(),
        DiffFormat::Json => comparison.json() + "\n",
        DiffFormat::Md => comparison.markdown(),
        DiffFormat::Html => comparison.html(),
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Success,
        // The reader stopped early (`| head`): nothing is wrong with the comparison.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: cannot write the comparison: {e}");
            Exit::Failure
        }
    }
}

/// Loads a file and prints the proposals that lower its trouble.
fn run_suggest(
    file: &Path,
    format: Format,
    max: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let scenario = match io::open(file) {
        Ok(scenario) => scenario,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {e}");
            return Exit::Failure;
        }
    };
    let options = crate::suggest::SuggestOptions {
        max,
        ..Default::default()
    };
    let Ok(suggestions) = crate::suggest::suggest(&scenario, &options) else {
        // Nothing cancels a search from the command line.
        return Exit::Failure;
    };
    let shown = file.display().to_string();
    let text = match format {
        Format::Json => crate::suggest::json(&shown, &suggestions) + "\n",
        Format::Text => crate::suggest::text(&shown, &scenario, &suggestions),
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Success,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: cannot write the proposals: {e}");
            Exit::Failure
        }
    }
}

fn check(files: &[PathBuf], format: Format, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let mut exit = Exit::Success;
    for (i, path) in files.iter().enumerate() {
        let shown = path.display().to_string();
        match io::open(path) {
            Ok(scenario) => {
                let analysis = analyze(&scenario);
                if analysis.has_errors() {
                    exit = exit.worst(Exit::Findings);
                }
                let text = match format {
                    Format::Json => report::check_json(&shown, &scenario, &analysis) + "\n",
                    Format::Text => {
                        let sep = if i > 0 { "\n" } else { "" };
                        format!("{sep}{}", report::check_text(&shown, &scenario, &analysis))
                    }
                };
                let _ = out.write_all(text.as_bytes());
            }
            Err(e) => {
                exit = exit.worst(Exit::Failure);
                let _ = writeln!(err, "rolesplit: {e}");
                if format == Format::Json {
                    let _ = writeln!(out, "{}", report::error_json(&shown, &e));
                }
            }
        }
    }
    exit
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_worst_exit_wins() {
        assert_eq!(Exit::Success.worst(Exit::Findings), Exit::Findings);
        assert_eq!(Exit::Failure.worst(Exit::Findings), Exit::Failure);
        assert_eq!(Exit::Findings.worst(Exit::Success), Exit::Findings);
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Findings as u8, 1);
        assert_eq!(Exit::Failure as u8, 2);
    }
}
