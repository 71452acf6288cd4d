//! Comparing two scenarios: what changed from option A to option B (scenario-format.md,
//! "diff"). Pure: scenarios and analyses in, a [`Diff`] out; the renderers turn it into
//! JSON, text, Markdown or HTML. The command line and the window share this code.
//!
//! Readings where the contract is silent:
//! - Products, teams and people are matched by id, cards by product and responsibility.
//!   Cards and seats are compared only on products and teams present in both scenarios: a
//!   product or team that is added or removed is reported as that alone, not also as
//!   added or removed cards and seat changes.
//! - `seats` lists the PM seats (products in A's order), then the PO seats (teams in A's
//!   order).
//! - A person's numbers differ when their strategy, execution or load hours differ by more
//!   than domain.md's tolerance, or when the person is in only one of the scenarios.
//!   Capacity is not one of the numbers: a capacity change shows through the findings.
//! - Findings are matched by rule and subjects. Gained ones are in B's order, lost ones in
//!   A's; a finding whose severity changed is placed by its severity in B.

mod cards;
mod document;
mod html;
mod json;
mod markdown;
mod record;
mod text;

// Ids and findings are looked up by the thousand; a fast hasher (the compiler's own) keeps
// the comparison of two organisations of 5,000 people within a frame.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use cards::{CardChange, CardDetails};
pub use document::{Align, Document, Section, TITLE};
pub use record::{ActionChange, DecisionChange};

use crate::analysis::{Analysis, analyze};
use crate::findings::{Finding, Rule, Severity};
use crate::load::PersonLoad;
use crate::model::{Column, Scenario};
use crate::num::gt;
use crate::record::{ActionItem, Decision};

/// One person's hours a week in one scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hours {
    pub strategy_hours: f64,
    pub execution_hours: f64,
    /// Hours of other duties (the person's own, not from any board).
    pub other_hours: f64,
    /// Strategy + execution + other duties.
    pub load_hours: f64,
    /// Not compared; carried so that views can show utilisation.
    pub capacity_hours: f64,
}

impl Hours {
    fn of(load: &PersonLoad) -> Hours {
        Hours {
            strategy_hours: load.strategy_hours,
            execution_hours: load.execution_hours,
            other_hours: load.other_hours,
            load_hours: load.load_hours(),
            capacity_hours: load.capacity_hours,
        }
    }

    /// Whether strategy, execution or load differ beyond domain.md's tolerance.
    fn differs(&self, other: &Hours) -> bool {
        let apart = |x: f64, y: f64| gt(x, y) || gt(y, x);
        apart(self.strategy_hours, other.strategy_hours)
            || apart(self.execution_hours, other.execution_hours)
            || apart(self.load_hours, other.load_hours)
    }
}

/// A person whose numbers differ; `None` where the person is not in that scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadChange {
    pub id: String,
    pub before: Option<Hours>,
    pub after: Option<Hours>,
}

/// A card that is on the same product's board in both scenarios, in another column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardMove {
    pub product: String,
    pub responsibility: String,
    pub from: Column,
    pub to: Column,
}

/// A card that is on a board in only one of the scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardPlace {
    pub product: String,
    pub responsibility: String,
    /// Its column in the scenario that has it.
    pub column: Column,
}

/// Which seat changed hands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seat {
    /// The PM seat of this product.
    Pm { product: String },
    /// The PO seat of this team.
    Po { team: String },
}

/// A seat held by someone else (or by nobody) in B; `None` is an empty seat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatChange {
    pub seat: Seat,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A finding present in both scenarios, with another severity in B.
#[derive(Clone, Debug, PartialEq)]
pub struct SeverityChange {
    pub rule: Rule,
    pub subjects: Vec<String>,
    pub from: Severity,
    pub to: Severity,
    /// B's message.
    pub message: String,
}

/// What changed from scenario A to scenario B. Ids throughout; lists in file order (A's
/// order, then B's new ones), findings in domain.md's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    pub products_added: Vec<String>,
    pub products_removed: Vec<String>,
    pub teams_added: Vec<String>,
    pub teams_removed: Vec<String>,
    pub people_added: Vec<String>,
    pub people_removed: Vec<String>,
    pub moved_cards: Vec<CardMove>,
    pub added_cards: Vec<CardPlace>,
    pub removed_cards: Vec<CardPlace>,
    /// Cards on a board in both scenarios whose hours, note, flag or pin differ.
    pub changed_cards: Vec<CardChange>,
    pub seats: Vec<SeatChange>,
    pub load: Vec<LoadChange>,
    /// B's findings that A does not have (by rule and subjects), with B's messages.
    pub findings_gained: Vec<Finding>,
    /// A's findings that B does not have, with A's messages.
    pub findings_lost: Vec<Finding>,
    pub findings_changed: Vec<SeverityChange>,
    /// Leadership cost of A and of B, in dollars a year.
    pub cost: [f64; 2],
    /// The workshop record (format 2): decisions and actions matched by id, in file order.
    pub decisions_added: Vec<Decision>,
    pub decisions_removed: Vec<Decision>,
    pub decisions_changed: Vec<DecisionChange>,
    pub actions_added: Vec<ActionItem>,
    pub actions_removed: Vec<ActionItem>,
    pub actions_changed: Vec<ActionChange>,
}

impl Diff {
    /// Whether nothing the diff tracks changed: every list empty and the same cost.
    pub fn is_empty(&self) -> bool {
        // Every list empty: the same as a diff of nothing but this cost.
        let nothing = Diff {
            cost: self.cost,
            ..Diff::default()
        };
        *self == nothing && self.cost_change() == 0.0
    }

    /// B's leadership cost minus A's, in whole dollars.
    pub fn cost_change(&self) -> f64 {
        let [a, b] = self.cost;
        let change = (b - a).round();
        if change == 0.0 { 0.0 } else { change }
    }
}

/// A comparison ready to show: both scenarios, what to call them, and their diff.
#[derive(Clone, Copy, Debug)]
pub struct Comparison<'a> {
    /// What to call A, usually its file name as the user gave it ("" for none).
    pub a_label: &'a str,
    pub a: &'a Scenario,
    /// What to call B.
    pub b_label: &'a str,
    pub b: &'a Scenario,
    /// The diff of `a` and `b`.
    pub diff: &'a Diff,
}

impl Comparison<'_> {
    /// The document for people that the text, Markdown and HTML renderers lay out.
    pub fn document(&self) -> Document {
        document::document(self)
    }

    /// One JSON object, exactly as scenario-format.md ("diff") fixes it.
    pub fn json(&self) -> String {
        json::render(self)
    }

    /// Plain text for a terminal.
    pub fn text(&self) -> String {
        text::render(&self.document())
    }

    /// A Markdown document "Option A vs option B" for leadership.
    pub fn markdown(&self) -> String {
        markdown::render(&self.document())
    }

    /// A self-contained HTML document "Option A vs option B" for leadership.
    pub fn html(&self) -> String {
        html::render(&self.document())
    }
}

/// Compares two scenarios, analysing both.
pub fn diff(a: &Scenario, b: &Scenario) -> Diff {
    diff_analyzed(a, &analyze(a), b, &analyze(b))
}

/// Compares two scenarios whose analyses are at hand (the window keeps them cached).
/// Each analysis must be of its scenario.
pub fn diff_analyzed(a: &Scenario, aa: &Analysis, b: &Scenario, ab: &Analysis) -> Diff {
    let mut d = Diff {
        cost: [aa.leadership_cost, ab.leadership_cost],
        ..Diff::default()
    };
    let a_products = index(a.products.iter().map(|p| p.id.as_str()));
    let b_products = index(b.products.iter().map(|p| p.id.as_str()));
    let a_teams = index(a.teams.iter().map(|t| t.id.as_str()));
    let b_teams = index(b.teams.iter().map(|t| t.id.as_str()));
    let a_people = index(a.people.iter().map(|p| p.id.as_str()));
    let b_people = index(b.people.iter().map(|p| p.id.as_str()));

    (d.products_added, d.products_removed) = added_removed(
        a.products.iter().map(|p| p.id.as_str()),
        b.products.iter().map(|p| p.id.as_str()),
        &a_products,
        &b_products,
    );
    (d.teams_added, d.teams_removed) = added_removed(
        a.teams.iter().map(|t| t.id.as_str()),
        b.teams.iter().map(|t| t.id.as_str()),
        &a_teams,
        &b_teams,
    );
    (d.people_added, d.people_removed) = added_removed(
        a.people.iter().map(|p| p.id.as_str()),
        b.people.iter().map(|p| p.id.as_str()),
        &a_people,
        &b_people,
    );

    let (a_hours, b_hours) = (
        cards::ResponsibilityHours::of(a),
        cards::ResponsibilityHours::of(b),
    );
    let new_hours = a_hours.differing(&b_hours);
    for pa in &a.products {
        let Some(pb) = b_products
            .get(pa.id.as_str())
            .and_then(|&i| b.products.get(i))
        else {
            continue;
        };
        let boards = cards::Boards {
            product: &pa.id,
            a: &pa.cards,
            b: &pb.cards,
            a_hours: &a_hours,
            b_hours: &b_hours,
            new_hours: &new_hours,
        };
        cards::compare_boards(&boards, &mut d);
        if pa.pm != pb.pm {
            seat_changed(
                Seat::Pm {
                    product: pa.id.clone(),
                },
                &pa.pm,
                &pb.pm,
                &mut d,
            );
        }
    }
    for ta in &a.teams {
        let Some(tb) = b_teams.get(ta.id.as_str()).and_then(|&i| b.teams.get(i)) else {
            continue;
        };
        if ta.po != tb.po {
            seat_changed(
                Seat::Po {
                    team: ta.id.clone(),
                },
                &ta.po,
                &tb.po,
                &mut d,
            );
        }
    }

    d.load = load_changes(a, aa, b, ab, &a_people, &b_people);
    compare_findings(&aa.findings, &ab.findings, &mut d);
    record::compare(a, b, &mut d);
    d
}

/// Notes a seat that changed hands from A to B.
fn seat_changed(seat: Seat, from: &Option<String>, to: &Option<String>, d: &mut Diff) {
    d.seats.push(SeatChange {
        seat,
        from: from.clone(),
        to: to.clone(),
    });
}

/// Position by id (the first, should a broken scenario repeat an id).
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// B's ids that A lacks (B's order) and A's ids that B lacks (A's order).
fn added_removed<'a>(
    a: impl Iterator<Item = &'a str>,
    b: impl Iterator<Item = &'a str>,
    a_index: &HashMap<&str, usize>,
    b_index: &HashMap<&str, usize>,
) -> (Vec<String>, Vec<String>) {
    let added = b
        .filter(|id| !a_index.contains_key(id))
        .map(str::to_string)
        .collect();
    let removed = a
        .filter(|id| !b_index.contains_key(id))
        .map(str::to_string)
        .collect();
    (added, removed)
}

fn load_changes(
    a: &Scenario,
    aa: &Analysis,
    b: &Scenario,
    ab: &Analysis,
    a_people: &HashMap<&str, usize>,
    b_people: &HashMap<&str, usize>,
) -> Vec<LoadChange> {
    let hours_in = |analysis: &Analysis, at: Option<usize>| {
        at.map(|i| analysis.loads.people.get(i).map(Hours::of).unwrap_or(ZERO))
    };
    let mut out = Vec::new();
    for (i, p) in a.people.iter().enumerate() {
        let before = hours_in(aa, Some(i));
        let after = hours_in(ab, b_people.get(p.id.as_str()).copied());
        let differs = match (&before, &after) {
            (Some(x), Some(y)) => x.differs(y),
            _ => true,
        };
        if differs {
            out.push(LoadChange {
                id: p.id.clone(),
                before,
                after,
            });
        }
    }
    for (i, p) in b.people.iter().enumerate() {
        if !a_people.contains_key(p.id.as_str()) {
            out.push(LoadChange {
                id: p.id.clone(),
                before: None,
                after: hours_in(ab, Some(i)),
            });
        }
    }
    out
}

const ZERO: Hours = Hours {
    strategy_hours: 0.0,
    execution_hours: 0.0,
    other_hours: 0.0,
    load_hours: 0.0,
    capacity_hours: 0.0,
};

fn compare_findings(a: &[Finding], b: &[Finding], d: &mut Diff) {
    let a_map: HashMap<(Rule, &[String]), &Finding> = a
        .iter()
        .map(|f| ((f.rule, f.subjects.as_slice()), f))
        .collect();
    let b_keys: HashSet<(Rule, &[String])> =
        b.iter().map(|f| (f.rule, f.subjects.as_slice())).collect();
    for f in b {
        match a_map.get(&(f.rule, f.subjects.as_slice())) {
            None => d.findings_gained.push(f.clone()),
            Some(old) if old.severity != f.severity => d.findings_changed.push(SeverityChange {
                rule: f.rule,
                subjects: f.subjects.clone(),
                from: old.severity,
                to: f.severity,
                message: f.message.clone(),
            }),
            Some(_) => {}
        }
    }
    d.findings_lost = a
        .iter()
        .filter(|f| !b_keys.contains(&(f.rule, f.subjects.as_slice())))
        .cloned()
        .collect();
    // The analyses are sorted already; sorting again keeps the order whatever the caller
    // passed in.
    crate::findings::sort(&mut d.findings_gained);
    crate::findings::sort(&mut d.findings_lost);
    d.findings_changed
        .sort_by(|x, y| (x.to, x.rule.id(), &x.subjects).cmp(&(y.to, y.rule.id(), &y.subjects)));
}

#[cfg(test)]
mod tests;
