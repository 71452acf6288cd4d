//! `--format html`: one self-contained report that prints well on A4. Inline CSS, no
//! script, nothing loaded from elsewhere; every string from the scenario goes through
//! `escape::html`, so a scenario received from someone else cannot put markup into it.

use std::fmt::Write as _;

use super::record::{self, Table};
use super::{
    CardView, FLAGGED_COLUMNS, ROLE_FIT_COLUMNS, ROLE_FIT_NOTE, all_cards, product_cards,
    report_citations, role_fit_cells, seats_line_spaced, sources_table,
};
use crate::analysis::Analysis;
use crate::escape::html;
use crate::findings::{Rule, by_severity};
use crate::load::PersonLoad;
use crate::model::{Column, Person, Product, Scenario, Scope};
use crate::num::{dollars, gt, hours, percent, positive};
use crate::record::Date;
use crate::sources::{EVIDENCE_NOTE, Source};

/// The style sheet: screen and print (A4), no external resources. The minutes use it too.
pub(super) const STYLE: &str = r#"
:root { --strategy: #2f6db5; --execution: #d9822b; --other: #9a9a9a; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; max-width: 64rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7em; margin: 0 0 0.3em; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.4em; padding-bottom: 0.15em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
.description { white-space: pre-line; margin: 0 0 1em; }
.muted, .source { color: #595959; }
.board { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.6rem; }
table.column { border: 1px solid var(--line); border-collapse: separate; border-spacing: 0; border-radius: 4px; background: #fafafa; align-self: start; table-layout: fixed; }
.column th, .column td { border: 0; padding: 0 0.4rem 0.35rem; white-space: normal; font-weight: normal; }
.column th { padding-top: 0.4rem; }
.column-product { display: block; font-size: 0.85em; color: #595959; overflow-wrap: anywhere; }
.column-head { display: flex; justify-content: space-between; font-weight: 600; }
.column tr { break-inside: avoid; }
.card { border: 1px solid var(--line); border-left: 4px solid var(--other); border-radius: 3px; background: #fff; padding: 0.3rem 0.45rem; break-inside: avoid; overflow-wrap: anywhere; }
.card.strategy { border-left-color: var(--strategy); }
.card.execution { border-left-color: var(--execution); }
.card-title { font-weight: 600; white-space: pre-line; }
.card-meta, .owners { font-size: 0.9em; }
.note { font-size: 0.9em; font-style: italic; white-space: pre-line; margin-top: 0.15rem; }
.flag { font-size: 0.85em; font-weight: 600; color: #8a1c1c; }
.person { margin: 0.55rem 0; break-inside: avoid; }
.person .who { display: flex; gap: 0.6rem; align-items: baseline; }
.over { font-weight: 600; color: #8a1c1c; }
.bar { position: relative; display: flex; height: 1.1rem; background: #eee; border: 1px solid var(--line); margin: 0.15rem 0; }
.seg { display: block; height: 100%; }
.seg.strategy { background: var(--strategy); }
.seg.execution { background: var(--execution); }
.seg.other { background: var(--other); }
.capacity { position: absolute; top: -0.25rem; bottom: -0.25rem; width: 2px; background: #000; }
.numbers { font-size: 0.9em; }
.legend { font-size: 0.9em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; vertical-align: -0.05em; margin: 0 0.2em 0 0.6em; }
.swatch.strategy { background: var(--strategy); }
.swatch.execution { background: var(--execution); }
.swatch.other { background: var(--other); }
.swatch.capacity-mark { width: 0; border-left: 2px solid #000; }
.finding-list li, .reasons li { margin: 0.2rem 0; }
.finding-list li { break-inside: avoid; margin-bottom: 0.45rem; }
.severity, .rule-name { font-weight: 600; }
.rule-id { font-size: 0.8em; color: #595959; }
.error .severity { color: #8a1c1c; }
.warning .severity { color: #7a4a00; }
.recommendation { font-weight: 600; margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
td { white-space: pre-line; }
td.num, th.num { text-align: right; white-space: nowrap; }
code { font-size: 0.92em; }
footer { margin-top: 2rem; font-size: 0.85em; color: #595959; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  .product { break-before: auto; }
  table.column { background: #fff; }
  thead { display: table-header-group; }
}
"#;

/// The start of a page: the document head with `title` (already escaped) and the style
/// sheet, up to the opening `<body>`.
pub(super) fn page_head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
}

/// The HTML export; `today` decides which actions are overdue.
pub fn render(s: &Scenario, a: &Analysis, today: Date) -> String {
    let mut out = String::new();
    let title = html(super::title(s));
    page_head(&mut out, &title);
    let _ = writeln!(out, "<header>\n<h1>{title}</h1>");
    if !s.description.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"description\">{}</p>",
            html(s.description.trim())
        );
    }
    out.push_str("</header>\n");
    for (index, product) in s.products.iter().enumerate() {
        product_section(&mut out, s, a, index, product);
    }
    people_section(&mut out, s, a);
    findings_section(&mut out, a);
    advice_section(&mut out, s, a);
    let _ = writeln!(
        out,
        "<section>\n<h2>Leadership cost</h2>\n<p>{} a year for the people who hold a PM or PO seat.</p>\n</section>",
        dollars(a.leadership_cost)
    );
    flagged_section(&mut out, s, a);
    record_sections(&mut out, s, today);
    sources_section(&mut out, &report_citations(s, a));
    out.push_str(
        "<footer>Exported by rolesplit. Hours are hours a week.</footer>\n</body>\n</html>\n",
    );
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
        "<section class=\"sources\">\n<h2>Sources</h2>\n<p>{}</p>",
        html(EVIDENCE_NOTE)
    );
    table(out, &sources_table(cited));
    out.push_str("</section>\n");
}

/// A table of plain text, every cell escaped; line breaks in a cell stay line breaks.
pub(super) fn table(out: &mut String, t: &Table) {
    let class = |i: usize| {
        if t.right.contains(&i) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, column) in t.columns.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), html(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cells in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), html(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The workshop record: "Decisions" by product with their dates, then "Actions" as a
/// table with overdue ones marked.
pub(super) fn record_sections(out: &mut String, s: &Scenario, today: Date) {
    out.push_str("<section class=\"decisions\">\n<h2>Decisions</h2>\n");
    let groups = record::decisions(s);
    if groups.is_empty() {
        out.push_str("<p>No decisions recorded.</p>\n");
    }
    for (product, decisions) in &groups {
        let _ = writeln!(out, "<h3>{}</h3>", html(product));
        table(out, decisions);
    }
    out.push_str("</section>\n<section class=\"actions\">\n<h2>Actions</h2>\n");
    if s.record.actions.is_empty() {
        out.push_str("<p>No actions recorded.</p>\n");
    } else {
        table(out, &record::actions(s, today));
        let _ = writeln!(out, "<p>{}</p>", html(&record::actions_summary(s, today)));
    }
    out.push_str("</section>\n");
}

fn product_section(out: &mut String, s: &Scenario, a: &Analysis, index: usize, p: &Product) {
    let _ = writeln!(
        out,
        "<section class=\"product\">\n<h2>{}</h2>\n<p class=\"seats\">{}</p>\n<div class=\"board\">",
        html(&p.name),
        seats_line_spaced(s, p, html, NBSP)
    );
    let cards: Vec<CardView> = product_cards(s, a, index, p).collect();
    for column in Column::ALL {
        let in_column: Vec<&CardView> = cards.iter().filter(|c| c.card.column == column).collect();
        column_table(out, s, p, column, &in_column);
    }
    out.push_str("</div>\n</section>\n");
}

/// One column of a board as a table whose header names the product and the column: a
/// browser repeats a table's header on every printed page the table runs over, so a
/// column continued on the next page still says whose and which it is.
fn column_table(out: &mut String, s: &Scenario, p: &Product, column: Column, cards: &[&CardView]) {
    let count = match cards.len() {
        1 => format!("1{NBSP}card"),
        n => format!("{n}{NBSP}cards"),
    };
    let _ = writeln!(
        out,
        "<table class=\"column\">\n<thead><tr><th><span class=\"column-product\">{}</span>\
         <span class=\"column-head\"><span>{}</span> <span class=\"muted\">{count}</span></span></th></tr></thead>\n<tbody>",
        html(&p.name),
        column.label()
    );
    if cards.is_empty() {
        out.push_str("<tr><td><p class=\"muted\">No cards.</p></td></tr>\n");
    }
    for c in cards {
        out.push_str("<tr><td>\n");
        card(out, s, c);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn card(out: &mut String, s: &Scenario, c: &CardView) {
    let kind = c.responsibility.map(|r| r.kind.name());
    let class = kind.map_or(String::new(), |k| format!(" {}", k.to_lowercase()));
    let flagged = if c.card.flagged { " flagged" } else { "" };
    let _ = writeln!(
        out,
        "<div class=\"card{class}{flagged}\">\n<div class=\"card-title\">{}</div>",
        html(c.title())
    );
    let per_team = match c.responsibility.map(|r| r.scope) {
        Some(Scope::Team) => " per team",
        _ => "",
    };
    let meta = match kind {
        Some(k) => format!("{k} · {} a week{per_team}", h(c.hours())),
        None => format!("{} a week", h(c.hours())),
    };
    let _ = writeln!(out, "<div class=\"card-meta muted\">{meta}</div>");
    let mut owners: Vec<String> = c
        .shares(s)
        .into_iter()
        .map(|(name, hours)| format!("{} {}", html(name), h(hours)))
        .collect();
    if positive(c.unowned_hours()) {
        owners.push(format!("empty seat {}", h(c.unowned_hours())));
    }
    let owners = match (owners.is_empty(), c.card.column) {
        (false, _) => owners.join(" · "),
        (true, Column::Unassigned) => "Parked: nobody carries it yet".to_string(),
        (true, _) => "Nobody".to_string(),
    };
    let _ = writeln!(out, "<div class=\"owners\">{owners}</div>");
    if !c.card.note.trim().is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"note\">{}</div>",
            html(c.card.note.trim())
        );
    }
    if c.card.flagged {
        out.push_str("<div class=\"flag\">Needs discussion</div>\n");
    }
    out.push_str("</div>\n");
}

fn people_section(out: &mut String, s: &Scenario, a: &Analysis) {
    out.push_str("<section class=\"people\">\n<h2>People</h2>\n");
    if s.people.is_empty() {
        out.push_str("<p>No people in this scenario.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"legend\">Hours a week:<span class=\"swatch strategy\"></span>strategy\
         <span class=\"swatch execution\"></span>execution<span class=\"swatch other\"></span>other duties\
         <span class=\"swatch capacity-mark\"></span> capacity</p>\n",
    );
    // Every bar is drawn to one scale: the largest load or capacity.
    let scale = a
        .loads
        .people
        .iter()
        .map(|l| l.load_hours().max(l.capacity_hours))
        .fold(0.0_f64, f64::max);
    for (person, load) in s.people.iter().zip(&a.loads.people) {
        person_bar(out, person, load, scale);
    }
    role_fit_table(out, s, a);
    let _ = writeln!(
        out,
        "<p class=\"muted\">Unowned: {}. Unassigned: {}.</p>\n</section>",
        h(a.loads.total_unowned_hours()),
        h(a.loads.total_unassigned_hours())
    );
}

/// The people table's role-fit columns: each person's hours by horizon and by the sides
/// of the stakeholders served.
fn role_fit_table(out: &mut String, s: &Scenario, a: &Analysis) {
    out.push_str("<table class=\"role-fit\">\n<thead><tr><th>Person</th>");
    for column in ROLE_FIT_COLUMNS {
        let _ = write!(out, "<th class=\"num\">{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, person) in s.people.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td>", html(&person.name));
        for cell in role_fit_cells(&a.role_fit.get(i).copied().unwrap_or_default()) {
            let _ = write!(out, "<td class=\"num\">{cell}{NBSP}h</td>");
        }
        out.push_str("</tr>\n");
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"muted\">{}</p>",
        html(ROLE_FIT_NOTE)
    );
}

/// Between a number and its unit, so that a printed line never breaks between them.
const NBSP: &str = "&nbsp;";

/// Hours with their unit, never broken apart: `3.0&nbsp;h`.
fn h(x: f64) -> String {
    format!("{}{NBSP}h", hours(x))
}

/// Escaped text with a non-breaking space between a number and the unit after it
/// (`54.5&nbsp;h`, `11&nbsp;engineers`, `136&nbsp;%`), for the sentences the engine
/// writes (findings, advice).
fn keep_units(escaped: &str) -> String {
    const UNITS: [&str; 14] = [
        "h",
        "%",
        "hours",
        "engineer",
        "engineers",
        "team",
        "teams",
        "card",
        "cards",
        "product",
        "products",
        "person",
        "people",
        "stakeholders",
    ];
    let mut out = String::with_capacity(escaped.len());
    let mut after_digit = false;
    for (i, ch) in escaped.char_indices() {
        let next_word = || {
            escaped[i + ch.len_utf8()..]
                .split(|c: char| !(c.is_alphanumeric() || c == '%'))
                .next()
                .unwrap_or_default()
        };
        if ch == ' ' && after_digit && UNITS.contains(&next_word()) {
            out.push_str(NBSP);
        } else {
            out.push(ch);
        }
        after_digit = ch.is_ascii_digit();
    }
    out
}

/// The capacity mark at `left` percent of the bar, drawn inside the bar's box: shifted
/// left by as much of its own width as it is placed along the bar, so that at 100 % (a
/// capacity that is the top of the scale) it ends at the bar's right edge instead of
/// being drawn past it.
fn capacity_mark(left: f64) -> String {
    format!(
        "<span class=\"capacity\" style=\"left:{left:.2}%;transform:translateX(-{left:.2}%)\"></span>"
    )
}

fn person_bar(out: &mut String, person: &Person, load: &PersonLoad, scale: f64) {
    let width = |h: f64| {
        if scale > 0.0 {
            (h / scale * 100.0).clamp(0.0, 100.0)
        } else {
            0.0
        }
    };
    let over = gt(load.load_hours(), load.capacity_hours);
    let over_text = if over {
        format!(
            " <span class=\"over\">over capacity by {}</span>",
            h(load.load_hours() - load.capacity_hours)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<div class=\"person\">\n<div class=\"who\"><strong>{}</strong>{over_text}</div>",
        html(&person.name)
    );
    let _ = writeln!(
        out,
        "<div class=\"bar\" aria-hidden=\"true\"><span class=\"seg strategy\" style=\"width:{:.2}%\"></span>\
         <span class=\"seg execution\" style=\"width:{:.2}%\"></span>\
         <span class=\"seg other\" style=\"width:{:.2}%\"></span>\
         {}</div>",
        width(load.strategy_hours),
        width(load.execution_hours),
        width(load.other_hours),
        capacity_mark(width(load.capacity_hours))
    );
    let _ = writeln!(
        out,
        "<div class=\"numbers\">Strategy {} · execution {} · other {} · load {} of {} capacity ({})</div>\n</div>",
        h(load.strategy_hours),
        h(load.execution_hours),
        h(load.other_hours),
        h(load.load_hours()),
        h(load.capacity_hours),
        percent(load.load_hours(), load.capacity_hours).replace(' ', NBSP)
    );
}

fn findings_section(out: &mut String, a: &Analysis) {
    out.push_str("<section class=\"findings\">\n<h2>Findings</h2>\n");
    if a.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for (severity, list) in by_severity(&a.findings) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{} ({})</h3>\n<ul class=\"finding-list\">",
            severity.heading(),
            list.len()
        );
        for f in list {
            let _ = writeln!(
                out,
                "<li class=\"{}\"><span class=\"severity\">{}</span> {}<div class=\"message\">{}{}</div></li>",
                f.severity.as_str(),
                f.severity.label(),
                rule_name(f.rule),
                keep_units(&html(&f.message)),
                source(f.source())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The rule's readable name, its id small beside it (for finding it in README and in
/// `check --format json`).
fn rule_name(rule: Rule) -> String {
    format!(
        "<span class=\"rule-name\">{}</span> <code class=\"rule-id\">{}</code>",
        rule.name(),
        rule.id()
    )
}

/// A source note, or nothing when there is no source.
fn source(source: &str) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"source\">(source {})</span>", html(source))
    }
}

fn advice_section(out: &mut String, s: &Scenario, a: &Analysis) {
    out.push_str("<section class=\"advice\">\n<h2>Advice</h2>\n");
    if a.advice.is_empty() {
        out.push_str("<p>No products in this scenario.</p>\n");
    }
    for advice in &a.advice {
        let name = s
            .product(&advice.product)
            .map_or(advice.product.as_str(), |p| p.name.as_str());
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"recommendation\">{}</p>\n<ul class=\"reasons\">",
            html(name),
            html(advice.recommendation.label())
        );
        for r in &advice.reasons {
            let _ = writeln!(
                out,
                "<li>{}{}</li>",
                keep_units(&html(&r.text())),
                source(r.source())
            );
        }
        out.push_str("</ul>\n");
        for edge in crate::advice::edges(advice, &s.settings, a.engineers_to_large_org) {
            let _ = writeln!(out, "<p class=\"edge\">{}.</p>", keep_units(&html(&edge)));
        }
    }
    out.push_str("</section>\n");
}

fn flagged_section(out: &mut String, s: &Scenario, a: &Analysis) {
    out.push_str("<section class=\"flagged\">\n<h2>Needs discussion</h2>\n");
    flagged_table(out, s, a);
    out.push_str("</section>\n");
}

/// The cards flagged "needs discussion" with their notes, or a sentence saying there are
/// none.
pub(super) fn flagged_table(out: &mut String, s: &Scenario, a: &Analysis) {
    let flagged: Vec<CardView> = all_cards(s, a).filter(|c| c.card.flagged).collect();
    if flagged.is_empty() {
        out.push_str("<p>No cards are flagged for discussion.</p>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for column in FLAGGED_COLUMNS {
        let _ = write!(out, "<th>{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in flagged {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html(&c.product.name),
            html(c.title()),
            c.card.column.label(),
            html(&c.card.note)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}
