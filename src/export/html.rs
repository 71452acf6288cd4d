//! `--format html`: one self-contained report that prints well on A4. Inline CSS, no
//! script, nothing loaded from elsewhere; every string from the scenario goes through
//! `escape::html`, so a scenario received from someone else cannot put markup into it.

use std::fmt::Write as _;

use super::record::{self, Table};
use super::{CardView, FLAGGED_COLUMNS, all_cards, product_cards, seats_line};
use crate::analysis::Analysis;
use crate::escape::html;
use crate::findings::by_severity;
use crate::load::PersonLoad;
use crate::model::{Column, Person, Product, Scenario, Scope};
use crate::num::{dollars, gt, hours, percent, positive};
use crate::record::Date;

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
.column { border: 1px solid var(--line); border-radius: 4px; padding: 0.4rem; background: #fafafa; }
.column h3 { margin: 0 0 0.4rem; font-size: 1em; display: flex; justify-content: space-between; }
.cards { list-style: none; margin: 0; padding: 0; }
.card { border: 1px solid var(--line); border-left: 4px solid var(--other); border-radius: 3px; background: #fff; padding: 0.3rem 0.45rem; margin-bottom: 0.35rem; break-inside: avoid; }
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
.capacity { position: absolute; top: -0.25rem; bottom: -0.25rem; border-left: 2px solid #000; }
.numbers { font-size: 0.9em; }
.legend { font-size: 0.9em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; vertical-align: -0.05em; margin: 0 0.2em 0 0.6em; }
.swatch.strategy { background: var(--strategy); }
.swatch.execution { background: var(--execution); }
.swatch.other { background: var(--other); }
.swatch.capacity-mark { width: 0; border-left: 2px solid #000; }
.finding-list li, .reasons li { margin: 0.2rem 0; }
.severity { font-weight: 600; }
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
  .column { background: #fff; }
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
    out.push_str(
        "<footer>Exported by rolesplit. Hours are hours a week.</footer>\n</body>\n</html>\n",
    );
    out
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
        seats_line(s, p, html)
    );
    let cards: Vec<CardView> = product_cards(s, a, index, p).collect();
    for column in Column::ALL {
        let in_column: Vec<&CardView> = cards.iter().filter(|c| c.card.column == column).collect();
        let count = match in_column.len() {
            1 => "1 card".to_string(),
            n => format!("{n} cards"),
        };
        let _ = writeln!(
            out,
            "<div class=\"column\">\n<h3><span>{}</span> <span class=\"muted\">{count}</span></h3>",
            column.label()
        );
        if in_column.is_empty() {
            out.push_str("<p class=\"muted\">No cards.</p>\n");
        } else {
            out.push_str("<ul class=\"cards\">\n");
            for c in in_column {
                card(out, s, c);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>\n");
}

fn card(out: &mut String, s: &Scenario, c: &CardView) {
    let kind = c.responsibility.map(|r| r.kind.name());
    let class = kind.map_or(String::new(), |k| format!(" {}", k.to_lowercase()));
    let flagged = if c.card.flagged { " flagged" } else { "" };
    let _ = writeln!(
        out,
        "<li class=\"card{class}{flagged}\">\n<div class=\"card-title\">{}</div>",
        html(c.title())
    );
    let per_team = match c.responsibility.map(|r| r.scope) {
        Some(Scope::Team) => " per team",
        _ => "",
    };
    let meta = match kind {
        Some(k) => format!("{k} · {} h a week{per_team}", hours(c.hours())),
        None => format!("{} h a week", hours(c.hours())),
    };
    let _ = writeln!(out, "<div class=\"card-meta muted\">{meta}</div>");
    let mut owners: Vec<String> = c
        .shares(s)
        .into_iter()
        .map(|(name, h)| format!("{} {} h", html(name), hours(h)))
        .collect();
    if positive(c.unowned_hours()) {
        owners.push(format!("empty seat {} h", hours(c.unowned_hours())));
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
    out.push_str("</li>\n");
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
    let _ = writeln!(
        out,
        "<p class=\"muted\">Unowned: {} h. Unassigned: {} h.</p>\n</section>",
        hours(a.loads.total_unowned_hours()),
        hours(a.loads.total_unassigned_hours())
    );
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
            " <span class=\"over\">over capacity by {} h</span>",
            hours(load.load_hours() - load.capacity_hours)
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
         <span class=\"capacity\" style=\"left:{:.2}%\"></span></div>",
        width(load.strategy_hours),
        width(load.execution_hours),
        width(load.other_hours),
        width(load.capacity_hours)
    );
    let _ = writeln!(
        out,
        "<div class=\"numbers\">Strategy {} h · execution {} h · other {} h · load {} h of {} h capacity ({})</div>\n</div>",
        hours(load.strategy_hours),
        hours(load.execution_hours),
        hours(load.other_hours),
        hours(load.load_hours()),
        hours(load.capacity_hours),
        percent(load.load_hours(), load.capacity_hours)
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
                "<li class=\"{}\"><span class=\"severity\">{}</span> <code>{}</code> {}{}</li>",
                f.severity.as_str(),
                f.severity.label(),
                f.rule.id(),
                html(&f.message),
                source(f.source())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
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
            let _ = writeln!(out, "<li>{}{}</li>", html(&r.text()), source(r.source()));
        }
        out.push_str("</ul>\n");
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
