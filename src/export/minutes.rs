//! The minutes of a workshop, to send the same day: the scenario's name and the date of
//! its latest decision; the decisions by product with their dates; the actions (what,
//! owner, due, done; overdue ones said in words); the open points with their notes; per
//! product the agreed split on one line (who holds the seats, hours a week per column);
//! the findings still open with their sources. Short enough to read in two minutes.
//!
//! As Markdown (every string through `escape::markdown_cell`, in tables, so it stays plain
//! text) or as one self-contained HTML page that prints on A4 (the report's style sheet,
//! every string through `escape::html`).

use std::fmt::Write as _;

use super::{html as report, md, record};
use crate::analysis::Analysis;
use crate::escape::html as escape;
use crate::model::Scenario;
use crate::record::Date;

/// "Minutes: Scale-up" (the scenario's name, or a stand-in).
fn title(s: &Scenario) -> String {
    format!("Minutes: {}", super::title(s))
}

/// The line under the title: the date of the latest decision, and the day the
/// overdue marks are counted on.
fn date_line(s: &Scenario, today: Date) -> String {
    match s.record.latest_decision_date() {
        Some(date) => format!("Date: {date} (the latest decision). Actions as of {today}."),
        None => format!("No decisions recorded yet. Actions as of {today}."),
    }
}

const SPLIT_NOTE: &str = "Hours a week in each column of the product's board.";

/// The minutes as Markdown.
pub(super) fn markdown(s: &Scenario, a: &Analysis, today: Date) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md::heading(&title(s)));
    let _ = writeln!(out, "{}", date_line(s, today));
    md::record_sections(&mut out, s, today);
    let _ = writeln!(out, "\n## Open points\n");
    md::flagged_table(&mut out, s, a);
    let _ = writeln!(out, "\n## Agreed split\n");
    if s.products.is_empty() {
        let _ = writeln!(out, "No products in this scenario.");
    } else {
        md::table(&mut out, &record::split(s, a));
        let _ = writeln!(out, "\n{SPLIT_NOTE}");
    }
    let _ = writeln!(out, "\n## Open findings\n");
    let findings = record::open_findings(a);
    if findings.rows.is_empty() {
        let _ = writeln!(out, "No findings are open.");
    } else {
        md::table(&mut out, &findings);
    }
    md::sources_section(&mut out, &cited(a));
    out
}

/// The sources the minutes cite: those of the open findings.
fn cited(a: &Analysis) -> Vec<&'static crate::sources::Source> {
    crate::sources::cited(a.findings.iter().map(|f| f.source()))
}

/// The minutes as one self-contained HTML page (inline CSS, no script, nothing fetched)
/// that prints on A4.
pub(super) fn html(s: &Scenario, a: &Analysis, today: Date) -> String {
    let mut out = String::new();
    let title = escape(&title(s));
    report::page_head(&mut out, &title);
    let _ = writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"muted\">{}</p>\n</header>",
        escape(&date_line(s, today))
    );
    report::record_sections(&mut out, s, today);
    out.push_str("<section class=\"open-points\">\n<h2>Open points</h2>\n");
    report::flagged_table(&mut out, s, a);
    out.push_str("</section>\n<section class=\"split\">\n<h2>Agreed split</h2>\n");
    if s.products.is_empty() {
        out.push_str("<p>No products in this scenario.</p>\n");
    } else {
        report::table(&mut out, &record::split(s, a));
        let _ = writeln!(out, "<p class=\"muted\">{SPLIT_NOTE}</p>");
    }
    out.push_str("</section>\n<section class=\"open-findings\">\n<h2>Open findings</h2>\n");
    let findings = record::open_findings(a);
    if findings.rows.is_empty() {
        out.push_str("<p>No findings are open.</p>\n");
    } else {
        report::table(&mut out, &findings);
    }
    out.push_str("</section>\n");
    report::sources_section(&mut out, &cited(a));
    out.push_str(
        "<footer>Minutes exported by rolesplit from the scenario file.</footer>\n</body>\n</html>\n",
    );
    out
}
