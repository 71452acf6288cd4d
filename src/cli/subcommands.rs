//! The subcommands: each opens its files, calls the core, prints through
//! [`super::print`] and returns its exit status.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{DiffFormat, Format};
use super::{Exit, open, print};
use crate::analysis::analyze;
use crate::export::ExportFormat;
use crate::{io, report};

/// `check`: each file's load table, findings, advice and cost, in file order. A file that
/// does not open is reported and the rest are still checked; with JSON it has its own line.
pub(super) fn check(
    files: &[PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let mut exit = Exit::Success;
    let today = io::today();
    for (i, path) in files.iter().enumerate() {
        let shown = path.display().to_string();
        let text = match io::open(path) {
            Ok(scenario) => {
                let analysis = analyze(&scenario);
                if analysis.has_errors() {
                    exit = exit.worst(Exit::Findings);
                }
                match format {
                    Format::Json => report::check_json(&shown, &scenario, &analysis, today) + "\n",
                    Format::Text => {
                        let sep = if i > 0 { "\n" } else { "" };
                        format!(
                            "{sep}{}",
                            report::check_text(&shown, &scenario, &analysis, today)
                        )
                    }
                }
            }
            Err(e) => {
                exit = exit.worst(Exit::Failure);
                let _ = writeln!(err, "rolesplit: {e}");
                match format {
                    Format::Json => format!("{}\n", report::error_json(&shown, &e)),
                    Format::Text => continue,
                }
            }
        };
        if print(&text, "report", out, err) == Exit::Failure {
            // Standard output failed for good (a full disk, not a closed pipe): exit 2
            // already outranks whatever the remaining files would add.
            return Exit::Failure;
        }
    }
    exit
}

/// `export`: the file's export, written to `output` (atomically) or printed.
pub(super) fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let Some(scenario) = open(file, err) else {
        return Exit::Failure;
    };
    let text = crate::export::render(format, &scenario, &analyze(&scenario), io::today());
    let Some(path) = output else {
        return print(&text, "export", out, err);
    };
    match io::write_atomically(path, text.as_bytes()) {
        Ok(()) => Exit::Success,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {e}");
            Exit::Failure
        }
    }
}

/// `diff`: what changed from A to B. Both files are opened first so that each one that
/// fails is reported.
pub(super) fn diff(
    a: &Path,
    b: &Path,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let (sa, sb) = (open(a, err), open(b, err));
    let (Some(sa), Some(sb)) = (sa, sb) else {
        return Exit::Failure;
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
    print(&text, "comparison", out, err)
}

/// `suggest`: up to `max` proposals that lower the file's trouble.
pub(super) fn suggest(
    file: &Path,
    format: Format,
    max: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let Some(scenario) = open(file, err) else {
        return Exit::Failure;
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
    print(&text, "proposals", out, err)
}
