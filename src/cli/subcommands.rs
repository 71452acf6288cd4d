//! The subcommands: each opens its files, calls the core, prints through
//! [`super::print`] and returns its exit status.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::args::{DiffFormat, ExportFormatArg, Format};
use super::{Exit, open, print};
use crate::analysis::analyze;
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

/// `export`: the file's export, written to `output` (atomically) or printed. The workbook
/// is binary and only ever written to a file.
pub(super) fn export(
    file: &Path,
    format: ExportFormatArg,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    if format.text_format().is_none() && output.is_none() {
        let _ = writeln!(
            err,
            "rolesplit: --format xlsx writes a binary workbook, which is never printed: give the file to write with -o OUT.xlsx"
        );
        return Exit::Failure;
    }
    let Some(scenario) = open(file, err) else {
        return Exit::Failure;
    };
    let analysis = analyze(&scenario);
    let bytes = match format.text_format() {
        Some(format) => {
            crate::export::render(format, &scenario, &analysis, io::today()).into_bytes()
        }
        None => match crate::export::workbook(&scenario, &analysis) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(err, "rolesplit: {}: {e}", file.display());
                return Exit::Failure;
            }
        },
    };
    let Some(path) = output else {
        // Text only: the workbook was refused above without -o.
        return print(&String::from_utf8_lossy(&bytes), "export", out, err);
    };
    match io::write_atomically(path, &bytes) {
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

/// `serve`: the room for attendees' phones. Prints the attendees' and the facilitator's
/// addresses (at the machine's local-network address when listening on every interface),
/// then serves until Ctrl+C or SIGTERM, and stops.
pub(super) fn serve(
    file: &Path,
    port: u16,
    bind: IpAddr,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    use crate::room::{Room, RoomServer, ServeOptions, phone_address};
    let Some(scenario) = open(file, err) else {
        return Exit::Failure;
    };
    let analysis = analyze(&scenario);
    let room = Room::new(Arc::new(scenario), Arc::new(analysis));
    // Watch for the signal before serving, so that none is missed.
    let (stop, stopped) = std::sync::mpsc::channel();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(());
    }) {
        let _ = writeln!(err, "rolesplit: cannot watch for Ctrl+C: {e}");
        return Exit::Failure;
    }
    let options = ServeOptions {
        bind,
        port,
        ..ServeOptions::default()
    };
    let server = match RoomServer::start(room, &options) {
        Ok(server) => server,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {e}");
            return Exit::Failure;
        }
    };
    let host = phone_address(bind);
    let text = format!(
        "attendees: {}\nfacilitator: {}\n",
        server.attendee_url(host),
        server.facilitator_url(host)
    );
    if print(&text, "addresses", out, err) == Exit::Failure {
        return Exit::Failure;
    }
    let _ = writeln!(
        err,
        "rolesplit: serving {} on {}; Ctrl+C stops",
        file.display(),
        server.local_addr()
    );
    // Ends on the signal (or if the handler is gone, which cannot happen while it is set).
    let _ = stopped.recv();
    server.stop();
    Exit::Success
}

/// `import`: the sheet's card rows put into the scenario, written to `output` (unless
/// `dry_run`). Refused rows go to `err` by line (CSV) or row (workbook) and make the exit
/// status 1; the other rows are taken. A scenario or sheet that cannot be read is exit 2.
pub(super) fn import(
    scenario_path: &Path,
    sheet_path: &Path,
    output: Option<&Path>,
    dry_run: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let Some(scenario) = open(scenario_path, err) else {
        return Exit::Failure;
    };
    let sheet = match io::read_bytes(sheet_path).and_then(crate::import::read_sheet) {
        Ok(sheet) => sheet,
        Err(e) => {
            let _ = writeln!(err, "rolesplit: {}", e.in_file(sheet_path));
            return Exit::Failure;
        }
    };
    let plan = crate::import::plan_split(&scenario, &sheet);
    let shown = sheet_path.display();
    let mut refused = 0;
    for row in plan.rejected() {
        refused += 1;
        let reason = row.result.as_ref().err().map_or("", String::as_str);
        let _ = writeln!(err, "rolesplit: {shown}: {}: {reason}", plan.place(row));
    }
    let imported = match plan.edit() {
        None => None,
        Some(edit) => match crate::edit::applied(&scenario, &edit) {
            Ok(next) => next,
            Err(e) => {
                // The rows were checked one by one; together they must apply.
                let _ = writeln!(err, "rolesplit: {shown}: the rows cannot be taken: {e}");
                return Exit::Failure;
            }
        },
    };
    let mut text = String::new();
    for row in plan.rows.iter().filter(|r| r.changes) {
        if let Ok(description) = &row.result {
            text.push_str(&format!("{}: {description}\n", plan.place(row)));
        }
    }
    let changing = plan.changing();
    text.push_str(&format!(
        "{} rows: {changing} change the scenario, {} unchanged, {refused} refused.\n",
        plan.rows.len(),
        plan.rows.len() - changing - refused
    ));
    match output {
        Some(path) if !dry_run => {
            let result = imported.as_ref().unwrap_or(&scenario);
            if let Err(e) = io::save(path, result) {
                let _ = writeln!(err, "rolesplit: {e}");
                return Exit::Failure;
            }
            text.push_str(&format!("Wrote {}.\n", path.display()));
        }
        _ => text.push_str("Nothing written (--dry-run).\n"),
    }
    let printed = print(&text, "import report", out, err);
    if refused > 0 {
        printed.worst(Exit::Findings)
    } else {
        printed
    }
}
