//! The command line's own argument types, as clap reads them. Each maps to a core type
//! (`ExportFormatArg` to `export::ExportFormat`) so that the core knows nothing of clap.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::export::ExportFormat;

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
    pub subcommand: Option<Subcommand>,
}

/// The subcommands: each reads files, prints to standard output and exits.
#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Print each file's load table, findings, advice and leadership cost.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the responsibility split as Markdown, CSV, an HTML report, a matrix or an
    /// Excel workbook, or the workshop's minutes as Markdown or HTML.
    Export {
        /// The scenario file (.ron).
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Write to this file instead of standard output (needed for xlsx).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Take the split back from a sheet: rolesplit's CSV export or its workbook (the
    /// `Split` sheet), edited in a spreadsheet.
    Import {
        /// The scenario file (.ron) the sheet's rows go into.
        scenario: PathBuf,
        /// The sheet: the CSV export (.csv) or the workbook (.xlsx).
        sheet: PathBuf,
        /// Write the scenario with the sheet's rows to this file (.ron).
        #[arg(short, long, required_unless_present = "dry_run")]
        output: Option<PathBuf>,
        /// Say what would change, and write nothing.
        #[arg(long)]
        dry_run: bool,
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
    /// Print the articles rolesplit rests on: number, publisher, title, date, kind and
    /// what rolesplit takes from each.
    Sources {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Serve the room to attendees' phones: print the attendees' and the facilitator's
    /// addresses, then serve until Ctrl+C.
    Serve {
        /// The scenario file (.ron).
        file: PathBuf,
        /// The port to listen on (default: a free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The address to listen on (default: every interface, so phones can reach it;
        /// 127.0.0.1 for this machine only).
        #[arg(long, default_value = "0.0.0.0")]
        bind: IpAddr,
    },
}

/// How `check`, `suggest` and `sources` print.
// The variants have no doc comments on purpose: clap would print them in `--help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
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

/// `export --format`: the command line's name for each `ExportFormat`. The doc comments
/// are the help that `rolesplit export --help` shows beside each value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// A Markdown document: per product a table of its cards, then people, findings,
    /// advice, cost and the cards that need discussion.
    Md,
    /// CSV, one row per card.
    Csv,
    /// One self-contained, printable HTML report.
    Html,
    /// CSV with one row per card and one column per person (a RACI-style matrix).
    Matrix,
    /// Minutes of the workshop in Markdown (decisions, actions, open points, split,
    /// findings).
    MinutesMd,
    /// Minutes of the workshop as a self-contained HTML page for A4.
    MinutesHtml,
    /// An Excel workbook: the split, the matrix, people, findings and advice (needs -o).
    Xlsx,
}

impl ExportFormatArg {
    /// The text export asked for; `None` for the workbook, which is binary and written by
    /// `export::workbook`.
    pub fn text_format(self) -> Option<ExportFormat> {
        match self {
            ExportFormatArg::Md => Some(ExportFormat::Md),
            ExportFormatArg::Csv => Some(ExportFormat::Csv),
            ExportFormatArg::Html => Some(ExportFormat::Html),
            ExportFormatArg::Matrix => Some(ExportFormat::Matrix),
            ExportFormatArg::MinutesMd => Some(ExportFormat::MinutesMd),
            ExportFormatArg::MinutesHtml => Some(ExportFormat::MinutesHtml),
            ExportFormatArg::Xlsx => None,
        }
    }
}

/// `--max` takes a whole number of at least 1: asking for no proposals is a mistake.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("“{text}” is not a whole number")),
    }
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
    fn each_export_format_is_spelled_by_its_name() {
        let args = ExportFormatArg::value_variants();
        let formats: Vec<ExportFormat> = args.iter().filter_map(|a| a.text_format()).collect();
        assert_eq!(
            formats,
            ExportFormat::ALL,
            "every text format, in the core's order"
        );
        for &arg in args {
            let value = arg.to_possible_value().map(|v| v.get_name().to_string());
            let name = arg.text_format().map_or("xlsx", ExportFormat::name);
            assert_eq!(value.as_deref(), Some(name));
        }
    }
}
