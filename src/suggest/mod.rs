//! Suggestions (scenario-format.md, "suggest"): small sets of edits that lower a scenario's
//! trouble, ranked, each with its effect. Pure and deterministic: the same scenario gives
//! the same proposals in the same order.
//!
//! The candidate edits are: move an unpinned card to another column; give an unlocked PM or
//! PO seat to another person or to a placeholder "to hire". Emptying a seat is not a
//! candidate: the hours of an empty seat are unowned, which is trouble itself, and a Scrum
//! team without a PO is an error, so emptying helps only where a seat carries no work,
//! and then the workshop, not the engine, should decide to drop it.
//!
//! A proposal is kept only when every one of its edits pulls its weight: leaving out any
//! one of them gives strictly more trouble. So no proposal is a better one plus an edit
//! that changes nothing useful (such as an edit that only lowers the cost).

mod context;
mod eval;
mod report;
mod search;
mod trouble;

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

pub use report::{json, text};
pub use search::{
    BEAM_WIDTH, BENCH_SIZE, Cancelled, EXTENSION_SINGLES, FULL_SEARCH_PEOPLE, MAX_EDITS,
};
pub use trouble::{Trouble, compare_hours};

use crate::analysis::{Analysis, analyze};
use crate::cost::{SeatKind, default_cost};
use crate::edit::{self, Edit, Place};
use crate::findings::Finding;
use crate::model::{Column, DEFAULT_CAPACITY_HOURS, Person, Scenario};
use crate::num::EPSILON;

use context::{Cand, Context, Seat};
use search::{Control, Found, RankKey};

/// How many proposals `rolesplit suggest` lists when not told.
pub const DEFAULT_MAX: usize = 5;

/// How to run a search.
pub struct SuggestOptions<'a> {
    /// The most proposals to return.
    pub max: usize,
    /// Set to true (from another thread) to stop the search; it then returns `Cancelled`.
    pub cancel: Option<&'a AtomicBool>,
    /// Called now and then with the fraction done, from 0.0 to 1.0.
    pub progress: Option<&'a dyn Fn(f32)>,
}

impl Default for SuggestOptions<'_> {
    fn default() -> Self {
        SuggestOptions {
            max: DEFAULT_MAX,
            cancel: None,
            progress: None,
        }
    }
}

/// One edit of a proposal.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Move a product's card to another column.
    MoveCard {
        /// The product's id.
        product: String,
        /// The card's responsibility id.
        responsibility: String,
        /// The column it is in now.
        from: Column,
        /// The column it goes to.
        to: Column,
    },
    /// Give a product's PM seat to a person; `hire` is the placeholder when the person is new.
    SetPm {
        /// The product's id.
        product: String,
        /// Who holds the seat now (`None`: it is empty).
        from: Option<String>,
        /// The id of the person who takes it.
        person: String,
        /// The person to add first, when they are a placeholder to hire.
        hire: Option<Person>,
    },
    /// Give a team's PO seat to a person; `hire` is the placeholder when the person is new.
    SetPo {
        /// The team's id.
        team: String,
        /// Who holds the seat now (`None`: it is empty).
        from: Option<String>,
        /// The id of the person who takes it.
        person: String,
        /// The person to add first, when they are a placeholder to hire.
        hire: Option<Person>,
    },
}

impl Change {
    /// The edits that make this change: a placeholder is added first, then takes its seat.
    pub fn edits(&self) -> Vec<Edit> {
        let seat = match self {
            Change::MoveCard {
                product,
                responsibility,
                to,
                ..
            } => {
                return vec![Edit::MoveCard {
                    product: product.clone(),
                    responsibility: responsibility.clone(),
                    to: *to,
                    place: Place::Keep,
                }];
            }
            Change::SetPm {
                product, person, ..
            } => Edit::SetPm {
                product: product.clone(),
                person: Some(person.clone()),
            },
            Change::SetPo { team, person, .. } => Edit::SetPo {
                team: team.clone(),
                person: Some(person.clone()),
            },
        };
        let hire = self.hire().cloned().map(Edit::AddPerson);
        hire.into_iter().chain([seat]).collect()
    }

    /// The placeholder this change hires, if any.
    pub fn hire(&self) -> Option<&Person> {
        match self {
            Change::MoveCard { .. } => None,
            Change::SetPm { hire, .. } | Change::SetPo { hire, .. } => hire.as_ref(),
        }
    }

    /// The change in words, with the scenario's names.
    pub fn describe(&self, s: &Scenario) -> String {
        let person = |id: &str, hire: &Option<Person>| match hire {
            Some(h) => format!("a new {} ({})", h.name, h.id),
            None => s.name_of(id).to_string(),
        };
        let from = |id: &Option<String>| match id {
            Some(id) => format!(" (now {})", s.name_of(id)),
            None => " (now empty)".to_string(),
        };
        match self {
            Change::MoveCard {
                product,
                responsibility,
                from,
                to,
            } => format!(
                "Move “{}” on {} from {} to {}",
                s.name_of(responsibility),
                s.name_of(product),
                from.label(),
                to.label()
            ),
            Change::SetPm {
                product,
                from: old,
                person: id,
                hire,
            } => format!(
                "Give the PM seat of {}{} to {}",
                s.name_of(product),
                from(old),
                person(id, hire)
            ),
            Change::SetPo {
                team,
                from: old,
                person: id,
                hire,
            } => format!(
                "Give the PO seat of {}{} to {}",
                s.name_of(team),
                from(old),
                person(id, hire)
            ),
        }
    }
}

/// A person whose load a proposal changes.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadChange {
    /// The person's id.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// Hours a week before; `None` for a placeholder, who is not in the scenario yet.
    pub before: Option<f64>,
    /// Hours a week after.
    pub after: f64,
    /// Capacity after, in hours a week.
    pub capacity_hours: f64,
}

/// One to three edits that lower the trouble, with their effect. Every number is what
/// [`analyze`] gives on the scenario before and after applying [`Proposal::edit`].
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The edits, in file order.
    pub changes: Vec<Change>,
    /// The scenario's trouble as it is.
    pub trouble_before: Trouble,
    /// The trouble after the edits.
    pub trouble_after: Trouble,
    /// The leadership cost as it is, in dollars a year.
    pub cost_before: f64,
    /// The leadership cost after the edits.
    pub cost_after: f64,
    /// Findings of the scenario before that are gone after (matched by rule and subjects),
    /// in domain.md's order.
    pub findings_cleared: Vec<Finding>,
    /// Findings after that were not there before, in domain.md's order.
    pub findings_raised: Vec<Finding>,
    /// The people whose load changes, in file order; placeholders last, always listed.
    pub load: Vec<LoadChange>,
}

impl Proposal {
    /// The whole proposal as one edit (one undoable step in the window).
    pub fn edit(&self) -> Edit {
        Edit::Batch(self.changes.iter().flat_map(Change::edits).collect())
    }

    fn rank_key(&self, ctx_positions: Vec<search::Position>) -> RankKey {
        RankKey {
            trouble: self.trouble_after,
            cost: self.cost_after,
            positions: ctx_positions,
        }
    }
}

/// The proposals for a scenario, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestions {
    /// The scenario's trouble as it is.
    pub trouble: Trouble,
    /// Its leadership cost as it is.
    pub cost: f64,
    /// Best first.
    pub proposals: Vec<Proposal>,
}

/// Proposes up to `options.max` sets of one to three edits that lower the trouble, best
/// first. A scenario with no trouble gets none.
pub fn suggest(s: &Scenario, options: &SuggestOptions) -> Result<Suggestions, Cancelled> {
    suggest_analyzed(s, &analyze(s), options)
}

/// Like [`suggest`], for a scenario whose analysis is at hand.
pub fn suggest_analyzed(
    s: &Scenario,
    a: &Analysis,
    options: &SuggestOptions,
) -> Result<Suggestions, Cancelled> {
    let ctx = Context::new(s, a, placeholders(s));
    let mut out = Suggestions {
        trouble: ctx.before.trouble,
        cost: ctx.before.cost,
        proposals: Vec::new(),
    };
    let control = Control::new(options.cancel, options.progress);
    if out.trouble.is_zero() || options.max == 0 {
        control.report(1.0);
        return Ok(out);
    }
    let (found, mut seen) = search::search(&ctx, &control)?;
    let found = search::rank(found, |f: &Found| RankKey {
        trouble: f.outcome.trouble,
        cost: f.outcome.cost,
        positions: search::positions(&ctx, &f.changes),
    });
    let mut built: Vec<(Proposal, Vec<search::Position>)> = Vec::new();
    for f in &found {
        if built.len() >= options.max {
            break;
        }
        if f.changes.len() > 1 && !search::minimal(&ctx, f, &mut seen) {
            continue;
        }
        if let Some(p) = build(&ctx, f)
            && p.trouble_after.is_less_than(&p.trouble_before)
        {
            built.push((p, search::positions(&ctx, &f.changes)));
        }
    }
    // The numbers come from `analyze` now: order by them (they agree with the search's).
    let built = search::rank(built, |(p, pos)| p.rank_key(pos.clone()));
    out.proposals = built.into_iter().map(|(p, _)| p).collect();
    control.report(1.0);
    Ok(out)
}

/// One placeholder per seat, in seat order (products' PM seats, then teams' PO seats):
/// `hire-pm-PRODUCT` or `hire-po-TEAM`, with `-2`, `-3`… when the id is taken.
fn placeholders(s: &Scenario) -> Vec<Person> {
    let mut taken: HashSet<String> = edit::all_ids(s).into_iter().map(str::to_string).collect();
    let region = s.settings.cost_region;
    let seats = s
        .products
        .iter()
        .map(|p| (format!("hire-pm-{}", p.id), "PM to hire", SeatKind::Pm))
        .chain(
            s.teams
                .iter()
                .map(|t| (format!("hire-po-{}", t.id), "PO to hire", SeatKind::Po)),
        );
    seats
        .map(|(base, name, kind)| {
            let id = if taken.contains(&base) {
                (2u64..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|id| !taken.contains(id))
                    .unwrap_or(base)
            } else {
                base
            };
            taken.insert(id.clone());
            Person {
                id,
                name: name.to_string(),
                capacity_hours: DEFAULT_CAPACITY_HOURS,
                other_hours: 0.0,
                annual_cost: Some(default_cost(region, kind)),
            }
        })
        .collect()
}

fn change(ctx: &Context, c: &Cand) -> Option<Change> {
    let s = ctx.s;
    let person = |x: usize| -> Option<(String, Option<Person>)> {
        match s.people.get(x) {
            Some(p) => Some((p.id.clone(), None)),
            None => ctx.hire(x).map(|h| (h.id.clone(), Some(h.clone()))),
        }
    };
    if let Cand::Move { product, card, to } = *c {
        let p = s.products.get(product)?;
        let card = p.cards.get(card)?;
        return Some(Change::MoveCard {
            product: p.id.clone(),
            responsibility: card.responsibility.clone(),
            from: card.column,
            to,
        });
    }
    let (seat, x) = c.seat()?;
    let (person, hire) = person(x)?;
    let from = ctx
        .holder(&[], seat)
        .and_then(|x| s.people.get(x))
        .map(|p| p.id.clone());
    Some(match seat {
        Seat::Pm(product) => {
            let product = s.products.get(product)?.id.clone();
            Change::SetPm {
                product,
                from,
                person,
                hire,
            }
        }
        Seat::Po(team) => {
            let team = s.teams.get(team)?.id.clone();
            Change::SetPo {
                team,
                from,
                person,
                hire,
            }
        }
    })
}

/// The proposal of a combination, with its effect computed by applying it and analysing
/// the result.
fn build(ctx: &Context, f: &Found) -> Option<Proposal> {
    let (s, a) = (ctx.s, ctx.a);
    let changes: Vec<Change> = f
        .changes
        .iter()
        .map(|c| change(ctx, c))
        .collect::<Option<_>>()?;
    let mut proposal = Proposal {
        changes,
        trouble_before: ctx.before.trouble,
        trouble_after: Trouble::default(),
        cost_before: a.leadership_cost,
        cost_after: 0.0,
        findings_cleared: Vec::new(),
        findings_raised: Vec::new(),
        load: Vec::new(),
    };
    let after = edit::applied(s, &proposal.edit()).ok()??;
    let aa = analyze(&after);
    proposal.trouble_after = Trouble::of(&aa);
    proposal.cost_after = aa.leadership_cost;
    let key = |f: &Finding| (f.rule.id(), f.subjects.clone());
    let old: HashSet<_> = a.findings.iter().map(key).collect();
    let new: HashSet<_> = aa.findings.iter().map(key).collect();
    proposal.findings_cleared = a
        .findings
        .iter()
        .filter(|f| !new.contains(&key(f)))
        .cloned()
        .collect();
    proposal.findings_raised = aa
        .findings
        .iter()
        .filter(|f| !old.contains(&key(f)))
        .cloned()
        .collect();
    for (i, (person, load)) in after.people.iter().zip(&aa.loads.people).enumerate() {
        let before = a.loads.people.get(i).map(|l| l.load_hours());
        let now = load.load_hours();
        if before.is_some_and(|b| (now - b).abs() <= EPSILON) {
            continue;
        }
        proposal.load.push(LoadChange {
            id: person.id.clone(),
            name: person.name.clone(),
            before,
            after: now,
            capacity_hours: load.capacity_hours,
        });
    }
    Some(proposal)
}

#[cfg(test)]
mod tests;
