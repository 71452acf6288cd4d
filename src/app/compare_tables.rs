//! What the Compare tab shows, worked out once per change of the open scenario or of the
//! comparison (never per frame): the summary against the baseline, where each card goes in
//! each scenario, and everyone's load in each, with what differs from the baseline marked.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::diff::{Diff, Seat};
use crate::load::PersonLoad;
use crate::model::{Column, Scenario};
use crate::num::{dollars, gt, hours};

use super::names::Names;

/// One scenario of the comparison, borrowed.
pub struct ComparedScenario<'a> {
    pub label: &'a str,
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
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

/// One card (product and responsibility) across the scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct CardRow {
    pub name: String,
    pub cells: Vec<CellText>,
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

/// One person across the scenarios (`None` where the person is not in a scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct PersonRow {
    pub name: String,
    pub cells: Vec<Option<LoadCell>>,
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
        // Names by id, indexed once per scenario rather than looked up through every list
        // for each of thousands of rows.
        let names: Vec<Names> = entries.iter().map(|e| Names::new(e.scenario)).collect();
        CompareTables {
            summary: summary(entries, diffs, baseline, &names),
            cards: card_rows(entries, baseline, &names),
            people: person_rows(entries, baseline),
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
    names: &[Names],
) -> Vec<SummaryLine> {
    let mut out = Vec::new();
    let (Some(base), Some(base_names)) = (entries.get(baseline), names.get(baseline)) else {
        return out;
    };
    let base = (base.scenario, base_names);
    for ((e, diff), e_names) in entries.iter().zip(diffs).zip(names) {
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

type CardKey<'a> = (&'a str, &'a str);

/// Every card of a scenario by (product, responsibility).
fn cells<'a>(e: &'a ComparedScenario) -> HashMap<CardKey<'a>, Cell> {
    let mut out = HashMap::new();
    for (product, load) in e.scenario.products.iter().zip(&e.analysis.loads.products) {
        for (card, card_load) in product.cards.iter().zip(&load.cards) {
            let owners = card_load
                .shares
                .iter()
                .filter_map(|sh| e.scenario.people.get(sh.person))
                .map(|p| p.name.clone())
                .collect();
            out.insert(
                (product.id.as_str(), card.responsibility.as_str()),
                Cell {
                    column: card.column,
                    owners,
                },
            );
        }
    }
    out
}

/// Rows in file order: the baseline's cards, then the new ones of the others.
fn card_rows(entries: &[ComparedScenario], baseline: usize, names: &[Names]) -> Vec<CardRow> {
    let all: Vec<HashMap<CardKey, Cell>> = entries.iter().map(cells).collect();
    let base = all.get(baseline);
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    let named = entries.iter().zip(names);
    for (e, e_names) in entries
        .get(baseline)
        .zip(names.get(baseline))
        .into_iter()
        .chain(named)
    {
        for p in &e.scenario.products {
            for c in &p.cards {
                let key = (p.id.as_str(), c.responsibility.as_str());
                if !seen.insert(key) {
                    continue;
                }
                let base_cell = base.and_then(|b| b.get(&key));
                let cells = all
                    .iter()
                    .map(|cells| {
                        let cell = cells.get(&key);
                        CellText {
                            text: cell.map_or("not on the board".to_string(), Cell::text),
                            changed: cell != base_cell,
                        }
                    })
                    .collect();
                rows.push(CardRow {
                    name: format!(
                        "{} · {}",
                        p.name,
                        e_names.name_of(e.scenario, &c.responsibility)
                    ),
                    cells,
                });
            }
        }
    }
    rows
}

/// Everyone of every scenario, in the order they first appear.
fn person_rows(entries: &[ComparedScenario], baseline: usize) -> Vec<PersonRow> {
    let loads: Vec<HashMap<&str, &PersonLoad>> = entries
        .iter()
        .map(|e| {
            e.scenario
                .people
                .iter()
                .zip(&e.analysis.loads.people)
                .map(|(p, l)| (p.id.as_str(), l))
                .collect()
        })
        .collect();
    let base = loads.get(baseline);
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for e in entries {
        for p in &e.scenario.people {
            if !seen.insert(p.id.as_str()) {
                continue;
            }
            let base_load = base.and_then(|b| b.get(p.id.as_str()));
            let cells = loads
                .iter()
                .map(|by_id| {
                    let load = *by_id.get(p.id.as_str())?;
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
            rows.push(PersonRow {
                name: p.name.clone(),
                cells,
            });
        }
    }
    rows
}

/// Whether two loads differ by more than the engine's tolerance in any of their parts.
fn differs(a: &PersonLoad, b: &PersonLoad) -> bool {
    let apart = |x: f64, y: f64| gt((x - y).abs(), 0.0);
    apart(a.strategy_hours, b.strategy_hours)
        || apart(a.execution_hours, b.execution_hours)
        || apart(a.other_hours, b.other_hours)
        || apart(a.capacity_hours, b.capacity_hours)
}
