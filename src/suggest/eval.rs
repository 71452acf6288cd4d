//! Evaluating a few edits without copying the scenario: only what the edits touch is
//! recomputed (the seat holders of the products they touch, from per-product sums of
//! hours; those products, card by card; the teams whose seat changes; the stakeholders
//! those products serve), and the totals are the scenario's own plus the changes. The
//! result agrees with [`crate::analyze`] after applying the edits to within the tolerance
//! of domain.md; a proposal's own numbers are `analyze`'s.

use crate::cost::{SeatKind, default_cost};
use crate::findings::person::{self, Held};
use crate::findings::{Severity, scrum_team_without_po, unowned_work};
use crate::load::{PersonLoad, PoWork, po_holders, po_share, product_hours};
use crate::model::Column;
use crate::num::{gt, positive};

use super::context::{Cand, Context};
use super::trouble::Trouble;
use crate::num::unsigned_zero;

/// The trouble and leadership cost after some edits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Outcome {
    pub trouble: Trouble,
    pub cost: f64,
}

/// A person's load, findings and cost, as the rules count them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct PersonEval {
    load: f64,
    capacity: f64,
    errors: usize,
    warnings: usize,
    cost: Option<f64>,
}

impl PersonEval {
    /// Hours above capacity (0 when not over it).
    fn excess(&self) -> f64 {
        if gt(self.load, self.capacity) {
            self.load - self.capacity
        } else {
            0.0
        }
    }
}

impl Context<'_> {
    /// A person's load, findings and cost after the edits (`changes` empty: as they are).
    pub(crate) fn person_eval(&self, x: usize, changes: &[Cand]) -> PersonEval {
        let (capacity, other, annual_cost) = match self.s.people.get(x).or_else(|| self.hire(x)) {
            Some(p) => (p.capacity_hours, p.other_hours, p.annual_cost),
            None => return PersonEval::default(),
        };
        let (pm_of, po_of) = self.seats_after(x, changes);
        let mut products: Vec<usize> = pm_of
            .iter()
            .copied()
            .chain(
                po_of
                    .iter()
                    .filter_map(|&t| self.team_product.get(t).copied().flatten()),
            )
            .collect();
        products.sort_unstable();
        products.dedup();
        let mut load = PersonLoad {
            other_hours: other,
            capacity_hours: capacity,
            ..PersonLoad::default()
        };
        for p in products {
            let teams = self.teams_of(p);
            let n = teams.len();
            let mut sums = self.sums.get(p).copied().unwrap_or_default();
            for c in changes {
                if let Cand::Move {
                    product,
                    card: j,
                    to,
                } = *c
                    && product == p
                    && let Some(card) = self.cards.get(p).and_then(|cards| cards.get(j))
                {
                    sums.add(card, card.column, n, -1.0);
                    sums.add(card, to, n, 1.0);
                }
            }
            let mut hours = [0.0; 2];
            if self.pm(changes, p) == Some(x) {
                hours = sums.pm;
            }
            let k = teams
                .iter()
                .filter(|&&t| self.po(changes, t) == Some(x))
                .count();
            if k > 0 {
                let (k, n) = (k as f64, n as f64);
                // What the PO column gives: strategy, execution.
                let mut po = [0.0; 2];
                for (i, (h, from_po)) in hours.iter_mut().zip(&mut po).enumerate() {
                    let team = sums.po_team.get(i).copied().unwrap_or(0.0);
                    let product = sums.po_product.get(i).copied().unwrap_or(0.0);
                    *from_po = team * k + product * k / n;
                    *h += *from_po;
                }
                let [strategy, execution] = po;
                load.po_work.push(PoWork {
                    product: p,
                    strategy_hours: strategy,
                    hours: strategy + execution,
                });
            }
            let [strategy, execution] = hours;
            load.strategy_hours += strategy;
            load.execution_hours += execution;
        }
        let (errors, warnings) = self.person_findings(&load, &pm_of, &po_of);
        let region = self.s.settings.cost_region;
        let cost = if !pm_of.is_empty() {
            Some(annual_cost.unwrap_or_else(|| default_cost(region, SeatKind::Pm)))
        } else if !po_of.is_empty() {
            Some(annual_cost.unwrap_or_else(|| default_cost(region, SeatKind::Po)))
        } else {
            None
        };
        PersonEval {
            load: load.load_hours(),
            capacity,
            errors,
            warnings,
            cost,
        }
    }

    /// Counts the person rules of domain.md (errors, warnings) with the tests `findings`
    /// fires them by.
    fn person_findings(
        &self,
        load: &PersonLoad,
        pm_of: &[usize],
        po_of: &[usize],
    ) -> (usize, usize) {
        let held = Held { pm_of, po_of };
        let (mut errors, mut warnings) = (0, 0);
        person::check(
            &self.s.settings,
            &self.a.seats,
            load,
            held,
            |hit| match hit.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => {}
            },
        );
        (errors, warnings)
    }

    /// A product's unowned and unassigned hours after the edits, card by card as `load`
    /// adds them, and which of its cards carry hours to someone.
    fn product_eval(&self, p: usize, changes: &[Cand], carried: &mut Vec<bool>) -> (f64, f64) {
        carried.clear();
        let teams = self.teams_of(p);
        let n = teams.len();
        let pm = self.pm(changes, p);
        let (holders, empty_po) = po_holders(teams, |t| self.po(changes, t));
        // Hours only grow with k, so a card reaches someone if it reaches the largest holder.
        let most = holders.iter().map(|&(_, k)| k).max().unwrap_or(0);
        let (mut unowned, mut unassigned) = (0.0, 0.0);
        for (j, card) in self.cards.get(p).into_iter().flatten().enumerate() {
            let h = card.hours;
            let per_team = product_hours(card.scope, h, n);
            let portion = |k: usize| po_share(card.scope, h, k, n);
            let (mut card_unowned, mut card_unassigned, mut is_carried) = (0.0, 0.0, false);
            match self.column(changes, p, j, card.column) {
                Column::Pm => match pm {
                    Some(_) => is_carried = positive(per_team),
                    None => card_unowned = per_team,
                },
                Column::Po if n == 0 => card_unowned = h,
                Column::Po => {
                    is_carried = most > 0 && positive(portion(most));
                    if empty_po > 0 {
                        card_unowned = portion(empty_po);
                    }
                }
                Column::Unassigned => card_unassigned = per_team,
            }
            unowned += card_unowned;
            unassigned += card_unassigned;
            carried.push(is_carried);
        }
        (unowned, unassigned)
    }

    fn scrum_without_po(&self, team: usize, changes: &[Cand]) -> bool {
        self.s
            .teams
            .get(team)
            .is_some_and(|t| scrum_team_without_po(t.method, self.po(changes, team).is_some()))
    }

    /// The trouble and cost after the edits (which must touch different cards and seats).
    pub fn evaluate(&self, changes: &[Cand]) -> Outcome {
        let before = &self.before.trouble;
        let (products, people) = self.touched(changes);
        let mut errors = before.errors as isize;
        let mut warnings = before.warnings as isize;
        let mut overload_hours = before.overload_hours;
        let mut cost = self.before.cost;
        for &x in &people {
            let old = self.people.get(x).copied().unwrap_or_default();
            let new = self.person_eval(x, changes);
            errors += new.errors as isize - old.errors as isize;
            warnings += new.warnings as isize - old.warnings as isize;
            overload_hours += new.excess() - old.excess();
            cost += new.cost.unwrap_or(0.0) - old.cost.unwrap_or(0.0);
        }
        for c in changes {
            if let Cand::Po { team, .. } = *c {
                errors += self.scrum_without_po(team, changes) as isize
                    - self.scrum_without_po(team, &[]) as isize;
            }
        }
        let mut parked_hours = before.parked_hours;
        let mut flips: Vec<(usize, isize)> = Vec::new();
        let mut carried = Vec::new();
        for &p in &products {
            let (unowned, unassigned) = self.product_eval(p, changes, &mut carried);
            let (old_unowned, old_unassigned) = self
                .a
                .loads
                .products
                .get(p)
                .map_or((0.0, 0.0), |l| (l.unowned_hours, l.unassigned_hours));
            parked_hours += (unowned + unassigned) - (old_unowned + old_unassigned);
            warnings += unowned_work(unowned) as isize - unowned_work(old_unowned) as isize;
            for (card, &now) in self.cards.get(p).into_iter().flatten().zip(&carried) {
                if card.carried != now {
                    let d = if now { 1 } else { -1 };
                    match flips.iter_mut().find(|(r, _)| *r == card.responsibility) {
                        Some((_, n)) => *n += d,
                        None => flips.push((card.responsibility, d)),
                    }
                }
            }
        }
        warnings += self.uncovered_change(&flips);
        Outcome {
            trouble: Trouble {
                errors: errors.max(0) as usize,
                overload_hours: unsigned_zero(overload_hours),
                parked_hours: unsigned_zero(parked_hours),
                warnings: warnings.max(0) as usize,
            },
            cost: unsigned_zero(cost),
        }
    }

    /// How the number of uncovered stakeholders changes when responsibilities gain or lose
    /// carried cards.
    fn uncovered_change(&self, flips: &[(usize, isize)]) -> isize {
        let mut served: Vec<(usize, isize)> = Vec::new();
        for &(r, d) in flips {
            let old = self.carried_count.get(r).copied().unwrap_or(0) as isize;
            let new = old + d;
            if (old > 0) == (new > 0) {
                continue;
            }
            let step = if new > 0 { 1 } else { -1 };
            for &x in self.resp_stakeholders.get(r).map_or(&[][..], Vec::as_slice) {
                match served.iter_mut().find(|(y, _)| *y == x) {
                    Some((_, n)) => *n += step,
                    None => served.push((x, step)),
                }
            }
        }
        served
            .iter()
            .map(|&(x, d)| {
                let old = self.served.get(x).copied().unwrap_or(0) as isize;
                ((old + d) == 0) as isize - (old == 0) as isize
            })
            .sum()
    }
}
