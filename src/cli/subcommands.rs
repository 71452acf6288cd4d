//! The subcommands: each opens its files, calls the core, prints through
//! [`super::print`] and returns its exit status.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    for (i, path) in files.iter().enumerate() {
        let shown = path.display().to_string();
        let text = match io::open(path) {
            Ok(scenario) => {
                let analysis = analyze(&scenario);
                if analysis.has_errors() {
                    exit = exit.worst(Exit::Findings);
                }
                match format {
                    Format::Json => report::check_json(&shown, &scenario, &analysis) + "\n",
                    Format::Text => {
                        let sep = if i > 0 { "\n" } else { "" };
                        format!("{sep}{}", report::check_text(&shown, &scenario, &analysis))
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
    let text = crate::export::render(format, &scenario, &analyze(&scenario));
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
