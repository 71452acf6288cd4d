//! Keeping an analysis up to date after an edit: only the people, teams and products the
//! change can reach are worked out again, with the very functions [`super::analyze`] runs
//! for each of them, so the result is `analyze`'s to the last bit (tests/analysis_update.rs
//! checks it after random edits). Anything that reaches everyone (settings, a
//! responsibility's hours, a list that grew or shrank) runs the whole analysis.

use std::collections::{BTreeSet, HashSet};

use crate::advice;
use crate::changes::Changes;
use crate::cost;
use crate::findings::{self, Unit};
use crate::load;
use crate::model::{Responsibility, Scenario, index_by_id};
use crate::role_fit;
use crate::seats::Seats;

use super::{Analysis, analyze};

/// What the scenario held before the change, for the one fact the analysis cannot tell
/// from itself: whether a changed responsibility kept its kind, scope, hours and
/// stakeholders (`edit::ScenarioPatch` answers it).
pub trait Before {
    /// Responsibility `index` as it was, when it changed in place.
    fn responsibility(&self, index: usize) -> Option<&Responsibility>;
}

/// Nothing known of before: every changed responsibility counts as changed in full.
impl Before for () {
    fn responsibility(&self, _: usize) -> Option<&Responsibility> {
        None
    }
}

/// Whether a responsibility changed only in words (title, description, source), which no
/// number, finding, advice or role fit depends on.
fn words_only(before: &dyn Before, s: &Scenario, i: usize) -> bool {
    match (before.responsibility(i), s.responsibilities.get(i)) {
        (Some(old), Some(new)) => {
            old.kind == new.kind
                && old.scope == new.scope
                && old.hours.to_bits() == new.hours.to_bits()
                && old.stakeholders == new.stakeholders
                && old.horizon == new.horizon
        }
        _ => false,
    }
}

/// Brings `a`, the analysis of the scenario before `changes`, up to date with `s`.
pub fn update(s: &Scenario, a: &mut Analysis, changes: &Changes, before: &dyn Before) {
    if changes.is_empty() {
        return;
    }
    let reaches_everyone = !changes.in_place()
        || changes.settings
        || changes
            .responsibilities
            .items()
            .iter()
            .any(|&i| !words_only(before, s, i));
    if reaches_everyone {
        *a = analyze(s);
        return;
    }
    let (people, teams, products) = (
        changes.people.items(),
        changes.teams.items(),
        changes.products.items(),
    );
    if people.is_empty()
        && teams.is_empty()
        && products.is_empty()
        && !changes.stakeholders.changed()
    {
        // The scenario's name or a responsibility's words: nothing to work out again.
        return;
    }
    let old_seats = seats_after(s, a, teams, products);
    let reach = Reach::of(&a.seats, old_seats.as_ref(), people, teams, products);
    let responsibility_index = index_by_id(&s.responsibilities, |r| &r.id);

    for &p in &reach.products {
        let load = load::product_load(s, &a.seats, &responsibility_index, p, |_, _, _| {});
        if let Some(slot) = a.loads.products.get_mut(p) {
            *slot = load;
        }
    }
    for &x in &reach.people {
        let held = held_products(&a.seats, &reach.team_product, x);
        let load = load::person_load(s, &responsibility_index, &a.loads.products, x, &held);
        if let Some(slot) = a.loads.people.get_mut(x) {
            *slot = load;
        }
        if let Some(slot) = a.person_costs.get_mut(x) {
            *slot = cost::person_cost(s, &a.seats, x);
        }
        // A stakeholder's side counts in everyone's role fit: then it is worked out whole,
        // below.
        if !changes.stakeholders.changed()
            && let Some(slot) = a.role_fit.get_mut(x)
        {
            *slot = role_fit::person_fit(s, &responsibility_index, &a.loads.products, x, &held);
        }
    }
    if changes.stakeholders.changed() {
        a.role_fit = role_fit::compute(s, &a.loads);
    }
    a.leadership_cost = cost::leadership_cost(&a.person_costs);
    a.engineers_to_large_org = advice::engineers_to_large_org(s, &a.seats);

    // The findings of the units reached are worded again; the others stay.
    let people_ids = ids_of(&s.people, &reach.people, |x| &x.id);
    let team_ids = ids_of(&s.teams, &reach.teams, |x| &x.id);
    let product_ids = ids_of(&s.products, &reach.products, |x| &x.id);
    a.findings.retain(|f| {
        let first = f.subjects.first().map_or("", String::as_str);
        match f.rule.unit() {
            Unit::Person => !people_ids.contains(first),
            Unit::Team => !team_ids.contains(first),
            Unit::Product => !product_ids.contains(first),
            Unit::Stakeholder => false,
        }
    });
    for &x in &reach.people {
        findings::person_findings(s, &a.seats, &a.loads, x, &mut a.findings);
    }
    for &t in &reach.teams {
        findings::team_findings(s, &a.seats, t, &mut a.findings);
    }
    for &p in &reach.products {
        findings::product_findings(s, &a.seats, &a.loads, p, &mut a.findings);
    }
    findings::stakeholder_findings(s, &responsibility_index, &a.loads, &mut a.findings);
    // The kept findings are in order and so are most new ones: the sort merges runs.
    findings::sort(&mut a.findings);

    let strained = advice::strained(&a.findings);
    let advised: Box<dyn Iterator<Item = usize>> = if reach.resized {
        Box::new(0..s.products.len())
    } else {
        Box::new(reach.advice.iter().copied())
    };
    for p in advised {
        if let (Some(advice), Some(slot)) = (
            advice::product_advice(s, &a.seats, &strained, p),
            a.advice.get_mut(p),
        ) {
            *slot = advice;
        }
    }
}

/// The seats after the change: `a.seats` is replaced when a seat, a team's product or its
/// engineers changed, and the seats before are returned.
fn seats_after(
    s: &Scenario,
    a: &mut Analysis,
    teams: &[usize],
    products: &[usize],
) -> Option<Seats> {
    let pm_moved = products.iter().any(|&p| {
        let now = s
            .products
            .get(p)
            .and_then(|x| x.pm.as_deref())
            .and_then(|id| s.people.iter().rposition(|x| x.id == id));
        now != a.seats.pm.get(p).copied().flatten()
    });
    if !pm_moved && teams.is_empty() {
        return None;
    }
    let fresh = Seats::compute(s);
    (fresh != a.seats).then(|| std::mem::replace(&mut a.seats, fresh))
}

/// The ids of the items at `picked`.
fn ids_of<'a, T>(
    list: &'a [T],
    picked: &BTreeSet<usize>,
    id: impl Fn(&'a T) -> &'a String,
) -> HashSet<&'a str> {
    picked
        .iter()
        .filter_map(|&i| list.get(i))
        .map(|x| id(x).as_str())
        .collect()
}

/// The products a person holds a seat in (ascending).
fn held_products(seats: &Seats, team_product: &[Option<usize>], x: usize) -> Vec<usize> {
    let mut products: Vec<usize> = seats.pm_of.get(x).cloned().unwrap_or_default();
    for &t in seats.po_of.get(x).map_or(&[][..], Vec::as_slice) {
        products.extend(team_product.get(t).copied().flatten());
    }
    products.sort_unstable();
    products.dedup();
    products
}

/// Per team: its product (index), from the seats.
fn team_products(seats: &Seats, teams: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; teams];
    for (p, list) in seats.teams_of.iter().enumerate() {
        for &t in list {
            if let Some(slot) = out.get_mut(t) {
                *slot = Some(p);
            }
        }
    }
    out
}

/// What a change reaches: the units whose numbers, findings or advice may differ.
struct Reach {
    /// Products whose cards, seats or teams changed.
    products: BTreeSet<usize>,
    /// People who changed, and everyone in a seat of those products, before and after.
    people: BTreeSet<usize>,
    /// Teams that changed, the teams of those products, and the teams whose PO changed.
    teams: BTreeSet<usize>,
    /// Products whose advice may differ: those products and every product the people
    /// reached hold a seat in.
    advice: BTreeSet<usize>,
    /// Per team, its product now.
    team_product: Vec<Option<usize>>,
    /// The organisation's number of engineers changed: every advice is worked out again
    /// (it may have crossed the size at which roles are split).
    resized: bool,
}

impl Reach {
    fn of(
        now: &Seats,
        before: Option<&Seats>,
        people: &[usize],
        teams: &[usize],
        products: &[usize],
    ) -> Reach {
        let team_product = team_products(now, now.po.len());
        let old_team_product = before.map(|b| team_products(b, b.po.len()));
        let both: Vec<(&Seats, &[Option<usize>])> = std::iter::once((now, team_product.as_slice()))
            .chain(before.zip(old_team_product.as_deref()))
            .collect();
        let mut reach = Reach {
            products: products.iter().copied().collect(),
            people: people.iter().copied().collect(),
            teams: teams.iter().copied().collect(),
            advice: BTreeSet::new(),
            resized: false,
            team_product: Vec::new(),
        };
        for &(_, team_product) in &both {
            for &t in teams {
                reach
                    .products
                    .extend(team_product.get(t).copied().flatten());
            }
        }
        for &(seats, _) in &both {
            for &p in &reach.products {
                reach.people.extend(seats.pm.get(p).copied().flatten());
                for &t in seats.teams_of.get(p).map_or(&[][..], Vec::as_slice) {
                    reach.teams.insert(t);
                    reach.people.extend(seats.po.get(t).copied().flatten());
                }
            }
            for &x in people {
                reach
                    .teams
                    .extend(seats.po_of.get(x).map_or(&[][..], Vec::as_slice));
            }
        }
        if let Some(before) = before
            && before.total_engineers != now.total_engineers
        {
            // Every holder of both a PM and a PO seat is told the organisation's size.
            for seats in [now, before] {
                for x in 0..seats.pm_of.len() {
                    if seats.holds_pm(x) && seats.holds_po(x) {
                        reach.people.insert(x);
                    }
                }
            }
            reach.resized = true;
        }
        reach.advice = reach.products.clone();
        for &(seats, team_product) in &both {
            for &x in &reach.people {
                reach.advice.extend(held_products(seats, team_product, x));
            }
        }
        reach.team_product = team_product;
        reach
    }
}
