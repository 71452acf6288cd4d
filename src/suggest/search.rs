//! The search: the candidate edits, narrowed for large organisations, and a beam over
//! combinations of one to three of them.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering as Atomic};

use crate::findings::{Rule, Severity};
use crate::model::{Column, index_by_id};
use crate::num::{gt, positive};

use super::context::{Cand, Context, Seat};
use super::eval::Outcome;
use super::trouble::Trouble;

/// Up to this many people every card, seat and person is a candidate; above it the
/// candidates are narrowed to what the trouble involves.
pub const FULL_SEARCH_PEOPLE: usize = 30;
/// How many of the best one- and two-edit combinations are extended by one more edit.
pub const BEAM_WIDTH: usize = 12;
/// How many of the best single edits are tried as a second or third edit, beside the
/// edits near the combination being extended.
pub const EXTENSION_SINGLES: usize = 128;
/// For large organisations: how many people without a seat (most spare hours first) may
/// take a seat.
pub const BENCH_SIZE: usize = 8;
/// The most edits in one proposal.
pub const MAX_EDITS: usize = 3;

/// The search was cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// Cancellation and progress, checked and reported as the search runs.
pub(crate) struct Control<'o> {
    cancel: Option<&'o AtomicBool>,
    progress: Option<&'o dyn Fn(f32)>,
    /// The last fraction reported: progress never goes back.
    done: std::cell::Cell<f32>,
}

impl<'o> Control<'o> {
    pub fn new(cancel: Option<&'o AtomicBool>, progress: Option<&'o dyn Fn(f32)>) -> Self {
        Control {
            cancel,
            progress,
            done: std::cell::Cell::new(0.0),
        }
    }

    fn check(&self) -> Result<(), Cancelled> {
        match self.cancel {
            Some(flag) if flag.load(Atomic::Relaxed) => Err(Cancelled),
            _ => Ok(()),
        }
    }

    /// Reports the fraction done (never less than reported before).
    pub fn report(&self, fraction: f32) {
        if let Some(progress) = self.progress {
            let done = fraction.clamp(self.done.get(), 1.0);
            self.done.set(done);
            progress(done);
        }
    }
}

/// A combination of edits (sorted by position) and what it leads to.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub changes: Vec<Cand>,
    pub outcome: Outcome,
}

/// Where an edit sits in the file, for the last tie-break: a product's PM seat, then its
/// cards (Pm, Po, Unassigned); products before teams; people in file order, the
/// placeholder last.
pub(crate) type Position = (u8, usize, usize, usize);

pub(crate) fn position(ctx: &Context, c: &Cand) -> Position {
    let n = ctx.people_len();
    let column = |to: Column| Column::ALL.iter().position(|&x| x == to).unwrap_or(0);
    match *c {
        Cand::Pm { product, person } => (0, product, 0, person.min(n)),
        Cand::Move { product, card, to } => (0, product, 1 + card, column(to)),
        Cand::Po { team, person } => (1, team, 0, person.min(n)),
    }
}

fn seat_or_card(c: &Cand) -> (u8, usize, usize) {
    match *c {
        Cand::Pm { product, .. } => (0, product, 0),
        Cand::Move { product, card, .. } => (1, product, card),
        Cand::Po { team, .. } => (2, team, 0),
    }
}

/// Every single edit the search may make: all of them for small organisations, the ones the
/// trouble involves for large ones. In position order.
pub(crate) fn candidates(ctx: &Context) -> Vec<Cand> {
    let s = ctx.s;
    let n = ctx.people_len();
    let full = n <= FULL_SEARCH_PEOPLE;
    let scope = (!full).then(|| Narrowing::new(ctx));
    let mut out = Vec::new();
    let recipients = |seat: Seat, holder: Option<usize>, out: &mut Vec<Cand>| {
        let people: Vec<usize> = match &scope {
            None => (0..n).collect(),
            Some(narrow) => narrow.recipients(ctx, seat),
        };
        for x in people.into_iter().chain([ctx.hire_index(seat)]) {
            if Some(x) == holder {
                continue;
            }
            out.push(match seat {
                Seat::Pm(product) => Cand::Pm { product, person: x },
                Seat::Po(team) => Cand::Po { team, person: x },
            });
        }
    };
    for (p, product) in s.products.iter().enumerate() {
        let holder = ctx.pm(&[], p);
        let wanted = scope
            .as_ref()
            .is_none_or(|narrow| narrow.seats.contains(&Seat::Pm(p)));
        if !product.pm_locked && wanted {
            recipients(Seat::Pm(p), holder, &mut out);
        }
        let cards_wanted = scope
            .as_ref()
            .is_none_or(|narrow| narrow.products.contains(&p));
        if !cards_wanted {
            continue;
        }
        for (j, card) in ctx.cards.get(p).into_iter().flatten().enumerate() {
            if card.pinned {
                continue;
            }
            for to in Column::ALL {
                if to != card.column {
                    out.push(Cand::Move {
                        product: p,
                        card: j,
                        to,
                    });
                }
            }
        }
    }
    for (t, team) in s.teams.iter().enumerate() {
        let wanted = scope
            .as_ref()
            .is_none_or(|narrow| narrow.seats.contains(&Seat::Po(t)));
        if !team.po_locked && wanted {
            recipients(Seat::Po(t), ctx.po(&[], t), &mut out);
        }
    }
    out
}

/// What the trouble of a large organisation involves.
struct Narrowing {
    /// Products with parked hours or a troubled seat holder: their cards may move.
    products: HashSet<usize>,
    /// Empty seats and seats held by troubled people: they may change hands.
    seats: HashSet<Seat>,
    /// People without a seat, most spare hours first, at most [`BENCH_SIZE`].
    bench: Vec<usize>,
}

impl Narrowing {
    fn new(ctx: &Context) -> Narrowing {
        let (s, a) = (ctx.s, ctx.a);
        let person_index = index_by_id(&s.people, |p| &p.id);
        let person_rule = |r: Rule| {
            matches!(
                r,
                Rule::Overload
                    | Rule::HybridOverload
                    | Rule::StrategyStarved
                    | Rule::PoStrategyWork
                    | Rule::CombinedRoleBeyondOneTeam
                    | Rule::CombinedRoleMultipleProducts
                    | Rule::SplitAtScale
                    | Rule::PoMultipleTeams
            )
        };
        let troubled: HashSet<usize> = a
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info && person_rule(f.rule))
            .filter_map(|f| f.subjects.first())
            .filter_map(|id| person_index.get(id.as_str()).copied())
            .collect();
        let mut products = HashSet::new();
        let mut seats = HashSet::new();
        for (p, load) in a.loads.products.iter().enumerate() {
            if positive(load.unowned_hours) || positive(load.unassigned_hours) {
                products.insert(p);
            }
            match ctx.pm(&[], p) {
                Some(x) if troubled.contains(&x) => {
                    products.insert(p);
                    seats.insert(Seat::Pm(p));
                }
                Some(_) => {}
                None => {
                    seats.insert(Seat::Pm(p));
                }
            }
        }
        for t in 0..s.teams.len() {
            match ctx.po(&[], t) {
                Some(x) if !troubled.contains(&x) => continue,
                _ => {}
            }
            seats.insert(Seat::Po(t));
            if let Some(p) = ctx.team_product.get(t).copied().flatten() {
                products.insert(p);
            }
        }
        let mut bench: Vec<usize> = (0..s.people.len())
            .filter(|&x| !a.seats.holds_pm(x) && !a.seats.holds_po(x))
            .collect();
        let spare = |x: usize| {
            s.people
                .get(x)
                .map_or(0.0, |p| p.capacity_hours - p.other_hours)
        };
        bench.sort_by(|&x, &y| spare(y).total_cmp(&spare(x)).then(x.cmp(&y)));
        bench.truncate(BENCH_SIZE);
        Narrowing {
            products,
            seats,
            bench,
        }
    }

    /// Who may take a seat: the people holding the other seats of its product, and the
    /// bench; in file order.
    fn recipients(&self, ctx: &Context, seat: Seat) -> Vec<usize> {
        let product = match seat {
            Seat::Pm(p) => Some(p),
            Seat::Po(t) => ctx.team_product.get(t).copied().flatten(),
        };
        let mut people = Vec::new();
        if let Some(p) = product {
            ctx.holders(&[], p, &mut people);
        }
        people.extend(self.bench.iter().copied());
        people.sort_unstable();
        people.dedup();
        people
    }
}

/// The order combinations are kept in while searching (exact numbers; the final order uses
/// the tolerance, see [`rank`]).
fn beam_order(ctx: &Context, a: &Found, b: &Found) -> Ordering {
    let (x, y) = (&a.outcome.trouble, &b.outcome.trouble);
    x.errors
        .cmp(&y.errors)
        .then(x.overload_hours.total_cmp(&y.overload_hours))
        .then(x.parked_hours.total_cmp(&y.parked_hours))
        .then(x.warnings.cmp(&y.warnings))
        .then(a.outcome.cost.total_cmp(&b.outcome.cost))
        .then(a.changes.len().cmp(&b.changes.len()))
        .then_with(|| positions(ctx, &a.changes).cmp(&positions(ctx, &b.changes)))
}

pub(crate) fn positions(ctx: &Context, changes: &[Cand]) -> Vec<Position> {
    changes.iter().map(|c| position(ctx, c)).collect()
}

/// Searches one to three edits that lower the trouble; returns them (in no particular
/// order) with the outcome of every combination evaluated.
pub(crate) fn search(ctx: &Context, control: &Control) -> Result<(Vec<Found>, Seen), Cancelled> {
    let singles = candidates(ctx);
    let mut seen: Seen = HashMap::new();
    let mut found: Vec<Found> = Vec::with_capacity(singles.len());
    control.report(0.0);
    for (i, c) in singles.iter().enumerate() {
        if i % 64 == 0 {
            control.check()?;
        }
        let outcome = ctx.evaluate(std::slice::from_ref(c));
        seen.insert(vec![*c], outcome);
        found.push(Found {
            changes: vec![*c],
            outcome,
        });
    }
    let mut by_score: Vec<usize> = (0..found.len()).collect();
    by_score.sort_by(|&i, &j| match (found.get(i), found.get(j)) {
        (Some(a), Some(b)) => beam_order(ctx, a, b),
        _ => Ordering::Equal,
    });
    let best_singles: Vec<Cand> = by_score
        .iter()
        .filter_map(|&i| singles.get(i).copied())
        .take(EXTENSION_SINGLES)
        .collect();
    let mut beam: Vec<Found> = by_score
        .iter()
        .filter_map(|&i| found.get(i).cloned())
        .take(BEAM_WIDTH)
        .collect();
    control.report(0.3);

    for level in 2..=MAX_EDITS {
        let mut next: Vec<Found> = Vec::new();
        for (b, state) in beam.iter().enumerate() {
            control.check()?;
            let near = neighbourhood(ctx, &state.changes, &singles);
            for &extra in best_singles.iter().chain(&near) {
                if state
                    .changes
                    .iter()
                    .any(|c| seat_or_card(c) == seat_or_card(&extra))
                {
                    continue;
                }
                let mut changes = state.changes.clone();
                changes.push(extra);
                changes.sort_by_key(|c| position(ctx, c));
                if seen.contains_key(&changes) {
                    continue;
                }
                let outcome = ctx.evaluate(&changes);
                seen.insert(changes.clone(), outcome);
                next.push(Found { changes, outcome });
            }
            let done = (b + 1) as f32 / beam.len().max(1) as f32;
            // The singles took 0.3, the levels share 0.6, ranking the rest.
            let span = 0.6 / (MAX_EDITS - 1) as f32;
            control.report(0.3 + span * (level as f32 - 2.0 + done));
        }
        next.sort_by(|a, b| beam_order(ctx, a, b));
        beam = next.iter().take(BEAM_WIDTH).cloned().collect();
        found.extend(next);
    }
    control.check()?;

    let before = ctx.before.trouble;
    found.retain(|f| f.outcome.trouble.is_less_than(&before));
    control.report(0.9);
    Ok((found, seen))
}

/// The outcomes of every combination evaluated so far.
pub(crate) type Seen = HashMap<Vec<Cand>, Outcome>;

/// Whether every edit pulls its weight: without any one of them the trouble is higher.
pub(crate) fn minimal(ctx: &Context, f: &Found, seen: &mut Seen) -> bool {
    (0..f.changes.len()).all(|leave_out| {
        let rest: Vec<Cand> = f
            .changes
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != leave_out)
            .map(|(_, c)| *c)
            .collect();
        let outcome = *seen
            .entry(rest)
            .or_insert_with_key(|rest| ctx.evaluate(rest));
        f.outcome.trouble.is_less_than(&outcome.trouble)
    })
}

/// The single edits near a combination: on the products it touches, or on seats held by (or
/// given to) the people whose numbers it changes.
fn neighbourhood(ctx: &Context, changes: &[Cand], singles: &[Cand]) -> Vec<Cand> {
    let (products, people) = ctx.touched(changes);
    singles
        .iter()
        .filter(|c| {
            ctx.product_of(c)
                .is_some_and(|p| products.binary_search(&p).is_ok())
                || c.seat().is_some_and(|(seat, person)| {
                    let touched = |x: usize| people.binary_search(&x).is_ok();
                    touched(person) || ctx.holder(&[], seat).is_some_and(touched)
                })
        })
        .copied()
        .collect()
}

/// The sort key of a proposal: its trouble, cost, number of edits and positions.
pub(crate) struct RankKey {
    pub trouble: Trouble,
    pub cost: f64,
    pub positions: Vec<Position>,
}

/// Sorts best first: lowest trouble, then lowest cost, then fewest edits, then file
/// position. Hours and dollars within the tolerance of each other count as equal; to keep
/// the order total, values are grouped into runs where each is within the tolerance of
/// the run's smallest value.
pub(crate) fn rank<T>(items: Vec<T>, key: impl Fn(&T) -> RankKey) -> Vec<T> {
    let keys: Vec<RankKey> = items.iter().map(&key).collect();
    let overload = Runs::new(keys.iter().map(|k| k.trouble.overload_hours));
    let parked = Runs::new(keys.iter().map(|k| k.trouble.parked_hours));
    let cost = Runs::new(keys.iter().map(|k| k.cost));
    let mut keyed: Vec<(TotalKey, T)> = keys
        .into_iter()
        .map(|k| {
            let numbers = [
                k.trouble.errors,
                overload.of(k.trouble.overload_hours),
                parked.of(k.trouble.parked_hours),
                k.trouble.warnings,
                cost.of(k.cost),
                k.positions.len(),
            ];
            (numbers, k.positions)
        })
        .zip(items)
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// Errors, runs of overload, parked hours, warnings, runs of cost, edits; then positions.
type TotalKey = ([usize; 6], Vec<Position>);

/// Values grouped into runs of width at most the tolerance.
struct Runs(Vec<f64>);

impl Runs {
    fn new(values: impl Iterator<Item = f64>) -> Runs {
        let mut sorted: Vec<f64> = values.collect();
        sorted.sort_by(f64::total_cmp);
        let mut starts: Vec<f64> = Vec::new();
        for v in sorted {
            if starts.last().is_none_or(|&s| gt(v, s)) {
                starts.push(v);
            }
        }
        Runs(starts)
    }

    fn of(&self, v: f64) -> usize {
        self.0.partition_point(|&s| s <= v).saturating_sub(1)
    }
}
