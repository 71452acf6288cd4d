//! `--format md`: a Markdown document that pastes cleanly into GitHub, Confluence and
//! Notion. Every string from the scenario goes through `escape::markdown_cell` (tables,
//! headings) or `escape::markdown_text` (paragraphs), so it stays text.

use std::fmt::Write as _;

use super::record::{self, Table};
use super::{
    CardView, FLAGGED_COLUMNS, PEOPLE_COLUMNS, ROLE_FIT_COLUMNS, ROLE_FIT_NOTE, all_cards,
    person_cells, product_cards, report_citations, role_fit_cells, seats_line, sources_table,
};
use crate::analysis::Analysis;
use crate::escape::{markdown_cell, markdown_text};
use crate::findings::by_severity;
use crate::model::{Product, Scenario};
use crate::num::{dollars, gt, hours, positive};
use crate::record::Date;
use crate::sources::{EVIDENCE_NOTE, Source};

/// The Markdown export; `today` decides which actions are overdue.
pub fn render(s: &Scenario, a: &Analysis, today: Date) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", heading(super::title(s)));
    if !s.description.trim().is_empty() {
        let _ = writeln!(out, "\n{}", markdown_text(s.description.trim()));
    }
    for (index, product) in s.products.iter().enumerate() {
        product_section(&mut out, s, a, index, product);
    }
    people_section(&mut out, s, a);
    findings_section(&mut out, a);
    advice_section(&mut out, s, a);
    let _ = writeln!(out, "\n## Leadership cost\n");
    let _ = writeln!(
        out,
        "{} a year for the people who hold a PM or PO seat.",
        dollars(a.leadership_cost)
    );
    flagged_section(&mut out, s, a);
    record_sections(&mut out, s, today);
    sources_section(&mut out, &report_citations(s, a));
    out
}

/// The sources the document cites, each once, with the note on the strength of the
/// evidence; nothing when it cites none.
pub(super) fn sources_section(out: &mut String, cited: &[&Source]) {
    if cited.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "
## Sources

{}
",
        markdown_text(EVIDENCE_NOTE)
    );
    table(out, &sources_table(cited));
}

/// Text for a heading: one line, escaped.
pub(super) fn heading(text: &str) -> String {
    markdown_cell(&text.lines().collect::<Vec<_>>().join(" "))
}

/// One table row; the cells are already escaped.
fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// A header row and its delimiter row; columns listed in `right` are right aligned.
fn table_head(columns: &[&str], right: &[usize]) -> String {
    let names: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let rule: Vec<String> = (0..columns.len())
        .map(|i| if right.contains(&i) { "---:" } else { "---" }.to_string())
        .collect();
    format!("{}{}", row(&names), row(&rule))
}

/// A table of plain text, every cell escaped so that it stays one plain cell.
pub(super) fn table(out: &mut String, t: &Table) {
    out.push_str(&table_head(t.columns, t.right));
    for cells in &t.rows {
        let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
        out.push_str(&row(&cells));
    }
}

/// The workshop record: "Decisions" by product with their dates, then "Actions" as a
/// table with overdue ones marked.
pub(super) fn record_sections(out: &mut String, s: &Scenario, today: Date) {
    let _ = writeln!(out, "\n## Decisions\n");
    let groups = record::decisions(s);
    if groups.is_empty() {
        let _ = writeln!(out, "No decisions recorded.");
    }
    for (i, (product, decisions)) in groups.iter().enumerate() {
        let gap = if i == 0 { "" } else { "\n" };
        let _ = writeln!(out, "{gap}### {}\n", heading(product));
        table(out, decisions);
    }
    let _ = writeln!(out, "\n## Actions\n");
    if s.record.actions.is_empty() {
        let _ = writeln!(out, "No actions recorded.");
        return;
    }
    table(out, &record::actions(s, today));
    let _ = writeln!(out, "\n{}", record::actions_summary(s, today));
}

fn product_section(out: &mut String, s: &Scenario, a: &Analysis, index: usize, p: &Product) {
    let _ = writeln!(out, "\n## {}\n", heading(&p.name));
    let _ = writeln!(out, "{}\n", seats_line(s, p, markdown_text));
    let cards: Vec<CardView> = product_cards(s, a, index, p).collect();
    if cards.is_empty() {
        let _ = writeln!(out, "No cards on this board.");
        return;
    }
    out.push_str(&table_head(
        &[
            "Responsibility",
            "Kind",
            "Column",
            "Owners",
            "Hours a week",
            "Note",
        ],
        &[4],
    ));
    for c in &cards {
        out.push_str(&row(&[
            markdown_cell(c.title()),
            c.responsibility.map_or("", |r| r.kind.name()).to_string(),
            c.card.column.label().to_string(),
            owners_cell(s, c),
            hours(c.hours()),
            markdown_cell(&c.card.note),
        ]));
    }
}

/// The owners of a card, with the empty seat its hours land on, if any.
fn owners_cell(s: &Scenario, c: &CardView) -> String {
    let mut owners: Vec<String> = c.owners(s).into_iter().map(markdown_cell).collect();
    if positive(c.unowned_hours()) {
        owners.push("empty seat".to_string());
    }
    owners.join("; ")
}

fn people_section(out: &mut String, s: &Scenario, a: &Analysis) {
    let _ = writeln!(out, "\n## People\n");
    if s.people.is_empty() {
        let _ = writeln!(out, "No people in this scenario.");
        return;
    }
    let columns: Vec<&str> = PEOPLE_COLUMNS.into_iter().chain(ROLE_FIT_COLUMNS).collect();
    let numbers: Vec<usize> = (1..columns.len()).collect();
    out.push_str(&table_head(&columns, &numbers));
    for (i, (person, load)) in s.people.iter().zip(&a.loads.people).enumerate() {
        let mut cells = person_cells(markdown_cell(&person.name), load);
        if let Some(utilisation) = cells.last_mut()
            && gt(load.load_hours(), load.capacity_hours)
        {
            utilisation.push_str(" (over capacity)");
        }
        cells.extend(role_fit_cells(
            &a.role_fit.get(i).copied().unwrap_or_default(),
        ));
        out.push_str(&row(&cells));
    }
    let _ = writeln!(
        out,
        "\nHours a week. Unowned: {} h. Unassigned: {} h.\n\n{ROLE_FIT_NOTE}",
        hours(a.loads.total_unowned_hours()),
        hours(a.loads.total_unassigned_hours())
    );
}

fn findings_section(out: &mut String, a: &Analysis) {
    let _ = writeln!(out, "\n## Findings");
    if a.findings.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
        return;
    }
    for (severity, list) in by_severity(&a.findings) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {} ({})\n", severity.heading(), list.len());
        for f in list {
            let _ = writeln!(
                out,
                "- `{}`: {}{}",
                f.rule.id(),
                markdown_text(&f.message),
                source(f.source())
            );
        }
    }
}

/// " (source 003)", or nothing when there is no source.
fn source(source: &str) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!(" (source {source})")
    }
}

fn advice_section(out: &mut String, s: &Scenario, a: &Analysis) {
    let _ = writeln!(out, "\n## Advice");
    if a.advice.is_empty() {
        let _ = writeln!(out, "\nNo products in this scenario.");
        return;
    }
    for advice in &a.advice {
        let name = s
            .product(&advice.product)
            .map_or(advice.product.as_str(), |p| p.name.as_str());
        let _ = writeln!(out, "\n### {}\n", heading(name));
        let _ = writeln!(out, "**{}**\n", advice.recommendation.label());
        for r in &advice.reasons {
            let _ = writeln!(out, "- {}{}", markdown_text(&r.text()), source(r.source()));
        }
        for edge in crate::advice::edges(advice, &s.settings, a.engineers_to_large_org) {
            let _ = writeln!(out, "\n{}.", markdown_text(&edge));
        }
    }
}

fn flagged_section(out: &mut String, s: &Scenario, a: &Analysis) {
    let _ = writeln!(out, "\n## Needs discussion\n");
    flagged_table(out, s, a);
}

/// The cards flagged "needs discussion" with their notes, or a sentence saying there are
/// none.
pub(super) fn flagged_table(out: &mut String, s: &Scenario, a: &Analysis) {
    let flagged: Vec<CardView> = all_cards(s, a).filter(|c| c.card.flagged).collect();
    if flagged.is_empty() {
        let _ = writeln!(out, "No cards are flagged for discussion.");
        return;
    }
    out.push_str(&table_head(&FLAGGED_COLUMNS, &[]));
    for c in flagged {
        out.push_str(&row(&[
            markdown_cell(&c.product.name),
            markdown_cell(c.title()),
            c.card.column.label().to_string(),
            markdown_cell(&c.card.note),
        ]));
    }
}
