//! What the Compare tab shows, worked out once per change of the open scenario or of the
//! comparison (never per frame): the summary against the baseline, and the rows of the two
//! grids (every card, everyone) with where each is found. A grid row's cells (where the
//! card goes, a person's load, in each scenario, with what differs from the baseline
//! marked) are worded only when the row is in view: two organisations of 5,000 people have
//! 40,000 cards.

use std::collections::HashSet;

use crate::analysis::Analysis;
use crate::diff::{Diff, Seat};
use crate::load::PersonLoad;
use crate::model::{Column, Product, Scenario};
use crate::num::{counted, dollars, gt, hours};

use super::names::Names;

/// One scenario of the comparison, borrowed.
pub struct ComparedScenario<'a> {
    pub label: &'a str,
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
    /// Its ids, indexed.
    pub names: &'a Names,
}

/// How a line of the summary is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The scenario the following lines are about.
    Heading,
    Plain,
    /// A finding the scenario gains: drawn in the warning colour.
    Gain,
    /// Nothing to say.
    Quiet,
}

/// One line of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryLine {
    pub kind: LineKind,
    pub text: String,
}

/// A cell of a table: its text, and whether it differs from the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct CellText {
    pub text: String,
    pub changed: bool,
}

/// One card (product and responsibility) of the comparison: where it is in the scenario
/// it was first found in (an entry, a product and a card, by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardRow {
    entry: usize,
    product: usize,
    card: usize,
}

/// A person's load in one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadCell {
    pub text: String,
    pub load: PersonLoad,
    pub over: bool,
    /// Differs from the baseline (or the person is not in it).
    pub changed: bool,
}

/// One person of the comparison: where they are in the scenario they were first found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonRow {
    entry: usize,
    person: usize,
}

/// Everything the Compare tab draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareTables {
    pub summary: Vec<SummaryLine>,
    pub cards: Vec<CardRow>,
    pub people: Vec<PersonRow>,
}

impl CompareTables {
    /// The tables of `entries` against the one at `baseline`; `diffs` has each entry against
    /// the baseline (`None` for the baseline itself).
    pub fn build(
        entries: &[ComparedScenario],
        baseline: usize,
        diffs: &[Option<Diff>],
    ) -> CompareTables {
        if entries.get(baseline).is_none() {
            return CompareTables::default();
        }
        CompareTables {
            summary: summary(entries, diffs, baseline),
            cards: card_rows(entries, baseline),
            people: person_rows(entries),
        }
    }
}

fn line(kind: LineKind, text: impl Into<String>) -> SummaryLine {
    SummaryLine {
        kind,
        text: text.into(),
    }
}

fn summary(
    entries: &[ComparedScenario],
    diffs: &[Option<Diff>],
    baseline: usize,
) -> Vec<SummaryLine> {
    let mut out = Vec::new();
    let Some(base) = entries.get(baseline) else {
        return out;
    };
    let base = (base.scenario, base.names);
    for (e, diff) in entries.iter().zip(diffs) {
        let e_names = e.names;
        out.push(line(LineKind::Heading, e.label));
        let cost = e.analysis.leadership_cost;
        let Some(d) = diff else {
            out.push(line(
                LineKind::Plain,
                format!("Baseline. Leadership cost {} a year.", dollars(cost)),
            ));
            continue;
        };
        let change = d.cost_change();
        let against = if change == 0.0 {
            "no change".to_string()
        } else {
            format!("{}{}", if change > 0.0 { "+" } else { "" }, dollars(change))
        };
        out.push(line(
            LineKind::Plain,
            format!(
                "Leadership cost {} a year ({against} against the baseline).",
                dollars(cost)
            ),
        ));
        let holder = |p: &Option<String>, (s, names): (&Scenario, &Names)| {
            p.as_deref()
                .map_or("nobody".to_string(), |id| names.name_of(s, id).to_string())
        };
        for seat in &d.seats {
            let (what, id) = match &seat.seat {
                Seat::Pm { product } => ("PM of", product),
                Seat::Po { team } => ("PO of", team),
            };
            out.push(line(
                LineKind::Plain,
                format!(
                    "Seat: {what} {}: {} before, {} now",
                    e_names.name_of(e.scenario, id),
                    holder(&seat.from, base),
                    holder(&seat.to, (e.scenario, e_names))
                ),
            ));
        }
        // A few by name; the cards grid and `rolesplit diff` have them all.
        const EDITED_SHOWN: usize = 12;
        for card in d.changed_cards.iter().take(EDITED_SHOWN) {
            out.push(line(
                LineKind::Plain,
                format!(
                    "Card: {} on {}: {}",
                    e_names.name_of(e.scenario, &card.responsibility),
                    e_names.name_of(e.scenario, &card.product),
                    card.words()
                ),
            ));
        }
        if let Some(more) = d.changed_cards.len().checked_sub(EDITED_SHOWN)
            && more > 0
        {
            out.push(line(
                LineKind::Plain,
                format!(
                    "… and {} more",
                    counted(more, "card edited", "cards edited")
                ),
            ));
        }
        for f in &d.findings_gained {
            out.push(line(
                LineKind::Gain,
                format!("Gains {}: {}", f.rule.id(), f.message),
            ));
        }
        for f in &d.findings_lost {
            out.push(line(
                LineKind::Plain,
                format!("Loses {}: {}", f.rule.id(), f.message),
            ));
        }
        for f in &d.findings_changed {
            out.push(line(
                LineKind::Plain,
                format!(
                    "{} now {} (was {}): {}",
                    f.rule.id(),
                    f.to.as_str(),
                    f.from.as_str(),
                    f.message
                ),
            ));
        }
        if d.is_empty() {
            out.push(line(LineKind::Quiet, "The same as the baseline."));
        }
    }
    out
}

/// Where a card is and who carries it, in one scenario.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    column: Column,
    owners: Vec<String>,
}

impl Cell {
    /// Card `responsibility` of product `product` in `e`.
    fn of(e: &ComparedScenario, product: &str, responsibility: &str) -> Option<Cell> {
        let p = e.names.product(product)?;
        let (board, loads) = (
            e.scenario.products.get(p)?,
            e.analysis.loads.products.get(p)?,
        );
        let (card, load) = board
            .cards
            .iter()
            .zip(&loads.cards)
            .find(|(c, _)| c.responsibility == responsibility)?;
        let owners = load
            .shares
            .iter()
            .filter_map(|sh| e.scenario.people.get(sh.person))
            .map(|p| p.name.clone())
            .collect();
        Some(Cell {
            column: card.column,
            owners,
        })
    }

    fn text(&self) -> String {
        let owners = if self.owners.is_empty() {
            "nobody".to_string()
        } else {
            self.owners.join(", ")
        };
        match self.column {
            Column::Unassigned => "parked".to_string(),
            c => format!("{}: {owners}", c.label()),
        }
    }
}

/// Whether `board` has a card of `responsibility` (looked for first at `at`, where it is
/// when both boards keep one order).
fn has_card(board: Option<&Product>, responsibility: &str, at: usize) -> bool {
    board.is_some_and(|p| {
        p.cards
            .get(at)
            .is_some_and(|c| c.responsibility == responsibility)
            || p.cards.iter().any(|c| c.responsibility == responsibility)
    })
}

/// Rows in file order: the baseline's cards, then the new ones of the others.
fn card_rows(entries: &[ComparedScenario], baseline: usize) -> Vec<CardRow> {
    let mut rows = Vec::new();
    let Some(base) = entries.get(baseline) else {
        return rows;
    };
    for (product, p) in base.scenario.products.iter().enumerate() {
        rows.extend((0..p.cards.len()).map(|card| CardRow {
            entry: baseline,
            product,
            card,
        }));
    }
    // Cards the baseline lacks, once each however many others have them.
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for (entry, e) in entries.iter().enumerate() {
        if entry == baseline {
            continue;
        }
        for (product, p) in e.scenario.products.iter().enumerate() {
            let board = base
                .names
                .product(&p.id)
                .and_then(|i| base.scenario.products.get(i));
            for (card, c) in p.cards.iter().enumerate() {
                let key = (p.id.as_str(), c.responsibility.as_str());
                if !has_card(board, key.1, card) && seen.insert(key) {
                    rows.push(CardRow {
                        entry,
                        product,
                        card,
                    });
                }
            }
        }
    }
    rows
}

/// A card row's name and its cells, one per scenario, against the baseline's.
pub fn card_cells(
    entries: &[ComparedScenario],
    baseline: usize,
    row: CardRow,
) -> Option<(String, Vec<CellText>)> {
    let origin = entries.get(row.entry)?;
    let product = origin.scenario.products.get(row.product)?;
    let card = product.cards.get(row.card)?;
    let cell = |e: &ComparedScenario| Cell::of(e, &product.id, &card.responsibility);
    let base = entries.get(baseline).and_then(cell);
    let cells = entries
        .iter()
        .map(|e| {
            let cell = cell(e);
            CellText {
                text: cell
                    .as_ref()
                    .map_or("not on the board".to_string(), Cell::text),
                changed: cell != base,
            }
        })
        .collect();
    let title = origin.names.name_of(origin.scenario, &card.responsibility);
    Some((format!("{} · {title}", product.name), cells))
}

/// Everyone of every scenario, in the order they first appear.
fn person_rows(entries: &[ComparedScenario]) -> Vec<PersonRow> {
    let mut rows = Vec::new();
    for (entry, e) in entries.iter().enumerate() {
        for (person, p) in e.scenario.people.iter().enumerate() {
            let before = entries
                .iter()
                .take(entry)
                .any(|earlier| earlier.names.person(&p.id).is_some());
            if !before {
                rows.push(PersonRow { entry, person });
            }
        }
    }
    rows
}

/// A person row's name and their load in each scenario (`None` where they are not in it),
/// against the baseline's.
pub fn person_cells(
    entries: &[ComparedScenario],
    baseline: usize,
    row: PersonRow,
) -> Option<(String, Vec<Option<LoadCell>>)> {
    let person = entries.get(row.entry)?.scenario.people.get(row.person)?;
    fn load_of<'a>(e: &ComparedScenario<'a>, id: &str) -> Option<&'a PersonLoad> {
        e.names
            .person(id)
            .and_then(|i| e.analysis.loads.people.get(i))
    }
    let base_load = entries.get(baseline).and_then(|e| load_of(e, &person.id));
    let cells = entries
        .iter()
        .map(|e| {
            let load = load_of(e, &person.id)?;
            let over = gt(load.load_hours(), load.capacity_hours);
            Some(LoadCell {
                text: format!(
                    "{} / {} h{}",
                    hours(load.load_hours()),
                    hours(load.capacity_hours),
                    if over { " ! over" } else { "" }
                ),
                load: load.clone(),
                over,
                changed: base_load.is_none_or(|b| differs(b, load)),
            })
        })
        .collect();
    Some((person.name.clone(), cells))
}

/// Whether two loads differ by more than the engine's tolerance in any of their parts.
fn differs(a: &PersonLoad, b: &PersonLoad) -> bool {
    let apart = |x: f64, y: f64| gt((x - y).abs(), 0.0);
    apart(a.strategy_hours, b.strategy_hours)
        || apart(a.execution_hours, b.execution_hours)
        || apart(a.other_hours, b.other_hours)
        || apart(a.capacity_hours, b.capacity_hours)
}
