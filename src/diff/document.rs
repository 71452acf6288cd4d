//! The comparison as a document for people: headings, a summary and tables of plain text,
//! with names rather than ids, hours with one decimal and costs in whole dollars. The
//! text, Markdown and HTML renderers lay this same document out (and escape it).

use std::collections::HashMap;

use crate::findings::Rule;
use crate::model::Scenario;
use crate::num::{dollars, hours, round1};

use super::{Comparison, Diff, Hours, Seat};

/// The title of every comparison document.
pub const TITLE: &str = "Option A vs option B";

/// How a table column lines up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers.
    Right,
}

/// A comparison laid out for people. Every string is plain text, not yet escaped.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    /// One line per option: "Option A: scenario name (file)".
    pub sides: Vec<String>,
    /// The changes in a few sentences.
    pub summary: Vec<String>,
    /// Only the sections that have something in them.
    pub sections: Vec<Section>,
}

/// A heading, an optional note and a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    /// A sentence under the heading ("" for none).
    pub note: String,
    /// The header cells and how each column lines up.
    pub columns: Vec<(String, Align)>,
    /// Rows of as many cells as there are columns.
    pub rows: Vec<Vec<String>>,
}

impl Section {
    /// A section without rows yet; its columns line up left.
    pub(super) fn new(heading: &str, note: &str, columns: &[&str]) -> Section {
        Section {
            heading: heading.to_string(),
            note: note.to_string(),
            columns: columns
                .iter()
                .map(|c| ((*c).to_string(), Align::Left))
                .collect(),
            rows: Vec::new(),
        }
    }

    /// The section with its columns from `first` on lined up right, as numbers.
    fn numbers_from(mut self, first: usize) -> Section {
        for (_, align) in self.columns.iter_mut().skip(first) {
            *align = Align::Right;
        }
        self
    }
}

/// Display names by id in one scenario (people, products, teams, stakeholders by name,
/// responsibilities by title).
struct NameIndex<'a>(HashMap<&'a str, &'a str>);

impl<'a> NameIndex<'a> {
    fn of(s: &'a Scenario) -> Self {
        let mut map = HashMap::new();
        let pairs = s
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .chain(s.products.iter().map(|p| (p.id.as_str(), p.name.as_str())))
            .chain(s.teams.iter().map(|t| (t.id.as_str(), t.name.as_str())))
            .chain(
                s.responsibilities
                    .iter()
                    .map(|r| (r.id.as_str(), r.title.as_str())),
            )
            .chain(
                s.stakeholders
                    .iter()
                    .map(|st| (st.id.as_str(), st.name.as_str())),
            );
        for (id, name) in pairs {
            map.entry(id).or_insert(name);
        }
        NameIndex(map)
    }
}

/// Names from both scenarios: B's name for what B has (its current name), else A's, else
/// the id itself.
struct Names<'a> {
    a: NameIndex<'a>,
    b: NameIndex<'a>,
}

impl<'a> Names<'a> {
    fn name(&self, id: &'a str) -> &'a str {
        self.b
            .0
            .get(id)
            .or_else(|| self.a.0.get(id))
            .copied()
            .unwrap_or(id)
    }

    fn person(&self, id: Option<&'a str>) -> &'a str {
        id.map_or("empty", |id| self.name(id))
    }
}

const NOT_ON_BOARD: &str = "not on the board";

/// Lays the comparison out as a document.
pub fn document(c: &Comparison<'_>) -> Document {
    let names = Names {
        a: NameIndex::of(c.a),
        b: NameIndex::of(c.b),
    };
    let d = c.diff;
    let mut sections = Vec::new();
    sections.extend(structure(d, &names));
    sections.extend(seats(d, &names));
    sections.extend(cards(d, &names));
    sections.extend(super::cards::changed_section(d, |id| {
        names.name(id).to_string()
    }));
    sections.extend(load(d, &names));
    sections.extend(findings(d));
    sections.extend(super::record::sections(d, c.a, c.b));
    sections.push(cost(d));
    sections.extend(sources(d));
    Document {
        title: TITLE.to_string(),
        sides: vec![side("A", c.a, c.a_label), side("B", c.b, c.b_label)],
        summary: summary(d),
        sections,
    }
}

fn side(letter: &str, s: &Scenario, label: &str) -> String {
    if label.is_empty() {
        format!("Option {letter}: {}", s.name)
    } else {
        format!("Option {letter}: {} ({label})", s.name)
    }
}

fn count(n: usize, one: &str, many: &str) -> Option<String> {
    match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    }
}

/// The counts that are not zero, each with its word for one or many, joined ("2 cards
/// moved, 1 team added"); `None` when all are zero.
fn counts<const N: usize>(counts: [(usize, &str, &str); N]) -> Option<String> {
    let parts: Vec<String> = counts
        .into_iter()
        .filter_map(|(n, one, many)| count(n, one, many))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn summary(d: &Diff) -> Vec<String> {
    if d.is_empty() {
        return vec![
            "No differences: both options have the same products, teams, people, seats, cards, load, findings, cost and workshop record."
                .to_string(),
        ];
    }
    let mut out = Vec::new();
    let changes = counts([
        (d.products_added.len(), "product added", "products added"),
        (
            d.products_removed.len(),
            "product removed",
            "products removed",
        ),
        (d.teams_added.len(), "team added", "teams added"),
        (d.teams_removed.len(), "team removed", "teams removed"),
        (d.people_added.len(), "person added", "people added"),
        (d.people_removed.len(), "person removed", "people removed"),
        (d.seats.len(), "seat changed hands", "seats changed hands"),
        (d.moved_cards.len(), "card moved", "cards moved"),
        (d.added_cards.len(), "card added", "cards added"),
        (d.removed_cards.len(), "card removed", "cards removed"),
        (d.changed_cards.len(), "card edited", "cards edited"),
        (
            changed_load(d),
            "person's load changed",
            "people's load changed",
        ),
        (d.decisions_added.len(), "decision added", "decisions added"),
        (
            d.decisions_removed.len(),
            "decision removed",
            "decisions removed",
        ),
        (
            d.decisions_changed.len(),
            "decision changed",
            "decisions changed",
        ),
        (d.actions_added.len(), "action added", "actions added"),
        (d.actions_removed.len(), "action removed", "actions removed"),
        (d.actions_changed.len(), "action changed", "actions changed"),
    ]);
    if let Some(changes) = changes {
        out.push(format!("Changes: {changes}."));
    }
    let findings = counts([
        (d.findings_gained.len(), "gained", "gained"),
        (d.findings_lost.len(), "lost", "lost"),
        (
            d.findings_changed.len(),
            "changed in severity",
            "changed in severity",
        ),
    ]);
    out.push(match findings {
        Some(findings) => format!("Findings: {findings}."),
        None => "Findings: the same in both options.".to_string(),
    });
    out.push(cost_sentence(d));
    out
}

/// People in both options whose load changed: the load table also lists the people
/// added or removed, whom the summary counts as such, not twice.
fn changed_load(d: &Diff) -> usize {
    d.load
        .iter()
        .filter(|change| change.before.is_some() && change.after.is_some())
        .count()
}

/// One dollar figure per sentence, so that Markdown renderers never read a pair of `$`
/// as a formula.
fn cost_sentence(d: &Diff) -> String {
    let change = d.cost_change();
    if change > 0.0 {
        format!("Leadership cost: up {} a year.", dollars(change))
    } else if change < 0.0 {
        format!("Leadership cost: down {} a year.", dollars(-change))
    } else {
        format!(
            "Leadership cost: unchanged at {} a year.",
            dollars(d.cost[1])
        )
    }
}

fn structure(d: &Diff, names: &Names<'_>) -> Option<Section> {
    let mut s = Section::new(
        "Products, teams and people",
        "",
        &["Change", "What", "Name"],
    );
    let groups: [(&[String], &str, &str); 6] = [
        (&d.products_added, "Added", "Product"),
        (&d.products_removed, "Removed", "Product"),
        (&d.teams_added, "Added", "Team"),
        (&d.teams_removed, "Removed", "Team"),
        (&d.people_added, "Added", "Person"),
        (&d.people_removed, "Removed", "Person"),
    ];
    for (ids, change, what) in groups {
        for id in ids {
            s.rows.push(vec![
                change.to_string(),
                what.to_string(),
                names.name(id).to_string(),
            ]);
        }
    }
    (!s.rows.is_empty()).then_some(s)
}

fn seats(d: &Diff, names: &Names<'_>) -> Option<Section> {
    let mut s = Section::new("Seats", "", &["Seat", "Option A", "Option B"]);
    for change in &d.seats {
        let seat = match &change.seat {
            Seat::Pm { product } => format!("PM of {}", names.name(product)),
            Seat::Po { team } => format!("PO of {}", names.name(team)),
        };
        s.rows.push(vec![
            seat,
            names.person(change.from.as_deref()).to_string(),
            names.person(change.to.as_deref()).to_string(),
        ]);
    }
    (!s.rows.is_empty()).then_some(s)
}

fn cards(d: &Diff, names: &Names<'_>) -> Option<Section> {
    let mut s = Section::new(
        "Cards",
        "The column of each card that moved, was added or was removed.",
        &["Product", "Responsibility", "Option A", "Option B"],
    );
    let mut row = |product: &str, responsibility: &str, from: &str, to: &str| {
        s.rows.push(vec![
            names.name(product).to_string(),
            names.name(responsibility).to_string(),
            from.to_string(),
            to.to_string(),
        ]);
    };
    for m in &d.moved_cards {
        row(&m.product, &m.responsibility, m.from.label(), m.to.label());
    }
    for c in &d.added_cards {
        row(
            &c.product,
            &c.responsibility,
            NOT_ON_BOARD,
            c.column.label(),
        );
    }
    for c in &d.removed_cards {
        row(
            &c.product,
            &c.responsibility,
            c.column.label(),
            NOT_ON_BOARD,
        );
    }
    (!s.rows.is_empty()).then_some(s)
}

fn arrow(before: Option<f64>, after: Option<f64>) -> String {
    let shown = |x: Option<f64>| x.map_or_else(|| "—".to_string(), hours);
    format!("{} → {}", shown(before), shown(after))
}

fn signed_hours(x: f64) -> String {
    let r = round1(x);
    if r > 0.0 {
        format!("+{}", hours(r))
    } else {
        hours(r)
    }
}

fn load(d: &Diff, names: &Names<'_>) -> Option<Section> {
    let mut s = Section::new(
        "Load",
        "Hours a week, option A → option B; — where the person is not in that option. Strategy + execution + other duties = load.",
        &[
            "Person",
            "Strategy",
            "Execution",
            "Other duties",
            "Load",
            "Change",
            "Capacity",
        ],
    )
    .numbers_from(1);
    for change in &d.load {
        let (a, b) = (change.before.as_ref(), change.after.as_ref());
        let pick = |f: fn(&Hours) -> f64| arrow(a.map(f), b.map(f));
        let delta = match (a, b) {
            (Some(x), Some(y)) => signed_hours(y.load_hours - x.load_hours),
            (None, _) => "new in B".to_string(),
            (_, None) => "not in B".to_string(),
        };
        let capacity = match (a, b) {
            (Some(x), Some(y)) if round1(x.capacity_hours) != round1(y.capacity_hours) => {
                arrow(Some(x.capacity_hours), Some(y.capacity_hours))
            }
            (_, Some(h)) | (Some(h), None) => hours(h.capacity_hours),
            (None, None) => "—".to_string(),
        };
        s.rows.push(vec![
            names.name(&change.id).to_string(),
            pick(|h| h.strategy_hours),
            pick(|h| h.execution_hours),
            pick(|h| h.other_hours),
            pick(|h| h.load_hours),
            delta,
            capacity,
        ]);
    }
    (!s.rows.is_empty()).then_some(s)
}

/// A rule's source as a table cell: "—" where no article is the basis.
fn source_cell(rule: Rule) -> String {
    match rule.source() {
        "" => "—".to_string(),
        source => source.to_string(),
    }
}

fn findings(d: &Diff) -> Vec<Section> {
    // A finding's row: what leads it (its severity, or both), then message, rule, source.
    let row = |lead: &[&str], message: &str, rule: Rule| -> Vec<String> {
        let mut cells: Vec<String> = lead.iter().map(|c| c.to_string()).collect();
        cells.extend([
            message.to_string(),
            rule.id().to_string(),
            source_cell(rule),
        ]);
        cells
    };
    let listed = |list: &[crate::findings::Finding]| -> Vec<Vec<String>> {
        list.iter()
            .map(|f| row(&[f.severity.label()], &f.message, f.rule))
            .collect()
    };
    let changed = d
        .findings_changed
        .iter()
        .map(|f| row(&[f.from.label(), f.to.label()], &f.message, f.rule))
        .collect();
    let one = ["Severity", "Finding", "Rule", "Source"];
    let two = ["Option A", "Option B", "Finding", "Rule", "Source"];
    let section = |heading: &str, note: &str, columns: &[&str], rows| Section {
        rows,
        ..Section::new(heading, note, columns)
    };
    [
        section(
            "Findings gained",
            "In option B, not in option A.",
            &one,
            listed(&d.findings_gained),
        ),
        section(
            "Findings lost",
            "In option A, gone in option B.",
            &one,
            listed(&d.findings_lost),
        ),
        section("Findings that changed severity", "", &two, changed),
    ]
    .into_iter()
    .filter(|s| !s.rows.is_empty())
    .collect()
}

/// The sources the findings of the comparison cite, each once, as the document's last
/// section; `None` when it cites none.
fn sources(d: &Diff) -> Option<Section> {
    let rules = d
        .findings_gained
        .iter()
        .chain(&d.findings_lost)
        .map(|f| f.rule)
        .chain(d.findings_changed.iter().map(|f| f.rule));
    let cited = crate::sources::cited(rules.map(Rule::source));
    let mut s = Section::new(
        "Sources",
        crate::sources::EVIDENCE_NOTE,
        &crate::sources::COLUMNS,
    );
    s.rows = cited.iter().map(|source| source.row()).collect();
    (!s.rows.is_empty()).then_some(s)
}

fn cost(d: &Diff) -> Section {
    let mut s = Section::new(
        "Leadership cost",
        "A year, for everyone who holds a PM or PO seat.",
        &["", "Option A", "Option B", "Change"],
    )
    .numbers_from(1);
    let change = d.cost_change();
    let shown = if change > 0.0 {
        format!("+{}", dollars(change))
    } else if change < 0.0 {
        dollars(change)
    } else {
        "none".to_string()
    };
    s.rows.push(vec![
        "Leadership cost".to_string(),
        dollars(d.cost[0]),
        dollars(d.cost[1]),
        shown,
    ]);
    s
}
