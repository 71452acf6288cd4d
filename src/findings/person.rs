//! The person rules of domain.md ("Findings"), each threshold test written once: the full
//! analysis ([`super::find`]) words a finding for every rule that fires, the suggestion
//! search's quick evaluation (`suggest::eval`) only counts them, so it builds no text.
//!
//! A new person rule is one test function here and one line in [`check`]; both users
//! follow, and [`finding`] words it.

use crate::load::{PersonLoad, PoWork};
use crate::model::{Person, Scenario, Settings};
use crate::num::{counted, ge, gt, hours, positive, share_at_least};
use crate::seats::Seats;

use super::{Finding, Rule, Severity, names};

/// The seats one person holds, as the person rules see them (after some edits, in the
/// quick evaluation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Held<'a> {
    /// The products (indices) whose PM the person is, in file order.
    pub pm_of: &'a [usize],
    /// The teams (indices) whose PO the person is, in file order.
    pub po_of: &'a [usize],
}

impl<'a> Held<'a> {
    /// The seats a person holds in the scenario as it is.
    pub fn of(seats: &'a Seats, person: usize) -> Held<'a> {
        Held {
            pm_of: seats.pm_of.get(person).map_or(&[][..], Vec::as_slice),
            po_of: seats.po_of.get(person).map_or(&[][..], Vec::as_slice),
        }
    }
}

/// A person rule that fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which rule fired.
    pub rule: Rule,
    /// How serious it is (fixed per rule but for `overload`).
    pub severity: Severity,
    /// For a rule that fires once per product the person works on: that product (index).
    pub product: Option<usize>,
}

impl Hit {
    fn person(rule: Rule, severity: Severity) -> Hit {
        Hit {
            rule,
            severity,
            product: None,
        }
    }
}

/// Runs every person rule on one person and calls `fire` for each that fires. The one
/// list of the person rules: what it reports, both the analysis and the search count.
pub fn check(
    st: &Settings,
    seats: &Seats,
    load: &PersonLoad,
    held: Held<'_>,
    mut fire: impl FnMut(Hit),
) {
    if let Some(severity) = overload(st, load) {
        fire(Hit::person(Rule::Overload, severity));
    }
    if hybrid_overload(st, load) {
        fire(Hit::person(Rule::HybridOverload, Severity::Error));
    }
    if strategy_starved(st, load, held) {
        fire(Hit::person(Rule::StrategyStarved, Severity::Warning));
    }
    for work in &load.po_work {
        if po_strategy_work(st, held, work) {
            fire(Hit {
                rule: Rule::PoStrategyWork,
                severity: Severity::Warning,
                product: Some(work.product),
            });
        }
    }
    for &product in held.pm_of {
        if combined_role_beyond_one_team(st, seats, held, product) {
            fire(Hit {
                rule: Rule::CombinedRoleBeyondOneTeam,
                severity: Severity::Warning,
                product: Some(product),
            });
        }
    }
    if combined_role_multiple_products(held) {
        fire(Hit::person(
            Rule::CombinedRoleMultipleProducts,
            Severity::Warning,
        ));
    }
    if split_at_scale(st, seats, held) {
        fire(Hit::person(Rule::SplitAtScale, Severity::Warning));
    }
    if po_multiple_teams(held) {
        fire(Hit::person(Rule::PoMultipleTeams, Severity::Warning));
    }
}

/// `overload`: more load than capacity; an error beyond `overload_error_ratio` times the
/// capacity, else a warning.
pub fn overload(st: &Settings, load: &PersonLoad) -> Option<Severity> {
    let (l, c) = (load.load_hours(), load.capacity_hours);
    if !gt(l, c) {
        None
    } else if gt(l, st.overload_error_ratio * c) {
        Some(Severity::Error)
    } else {
        Some(Severity::Warning)
    }
}

/// `hybrid-overload`: over capacity while strategy and execution each make at least
/// `hybrid_min_share` of the product work.
pub fn hybrid_overload(st: &Settings, load: &PersonLoad) -> bool {
    let (strategy, execution) = (load.strategy_hours, load.execution_hours);
    let work = strategy + execution;
    let m = st.hybrid_min_share;
    gt(load.load_hours(), load.capacity_hours)
        && positive(work)
        && share_at_least(strategy, work, m)
        && share_at_least(execution, work, m)
}

/// `strategy-starved`: a PM whose execution hours reach `starved_ratio` times their
/// strategy hours.
pub fn strategy_starved(st: &Settings, load: &PersonLoad, held: Held<'_>) -> bool {
    let (strategy, execution) = (load.strategy_hours, load.execution_hours);
    !held.pm_of.is_empty() && positive(strategy) && ge(execution, st.starved_ratio * strategy)
}

/// `po-strategy-work`: of the hours T a PO gets from one product's PO column (T > 0), the
/// strategy hours reach `po_strategy_share` × T, and the person is not that product's PM
/// (a combined role is other rules' business).
pub fn po_strategy_work(st: &Settings, held: Held<'_>, work: &PoWork) -> bool {
    !held.pm_of.contains(&work.product)
        && positive(work.hours)
        && share_at_least(work.strategy_hours, work.hours, st.po_strategy_share)
}

/// `combined-role-beyond-one-team`: PM of `product` and PO of one of its teams, while the
/// product has several teams or more than `combined_max_engineers` engineers.
pub fn combined_role_beyond_one_team(
    st: &Settings,
    seats: &Seats,
    held: Held<'_>,
    product: usize,
) -> bool {
    let teams = seats.teams_of.get(product).map_or(&[][..], Vec::as_slice);
    let engineers = seats.engineers_of.get(product).copied().unwrap_or(0);
    held.po_of.iter().any(|t| teams.contains(t))
        && (teams.len() > 1 || engineers > st.combined_max_engineers)
}

/// `combined-role-multiple-products`: a PO seat and the PM seats of two products or more.
pub fn combined_role_multiple_products(held: Held<'_>) -> bool {
    !held.po_of.is_empty() && held.pm_of.len() >= 2
}

/// `split-at-scale`: a PM and a PO seat in an organisation of `split_engineers` or more.
pub fn split_at_scale(st: &Settings, seats: &Seats, held: Held<'_>) -> bool {
    seats.total_engineers >= st.split_engineers && !held.pm_of.is_empty() && !held.po_of.is_empty()
}

/// `po-multiple-teams`: the PO seats of two teams or more.
pub fn po_multiple_teams(held: Held<'_>) -> bool {
    held.po_of.len() >= 2
}

/// The finding of a person rule that fired, worded for people; `None` for a rule that is
/// not a person rule or a product that does not exist.
pub fn finding(
    s: &Scenario,
    seats: &Seats,
    person: &Person,
    load: &PersonLoad,
    held: Held<'_>,
    hit: Hit,
) -> Option<Finding> {
    let st = &s.settings;
    let (strategy, execution) = (load.strategy_hours, load.execution_hours);
    let (l, c) = (load.load_hours(), load.capacity_hours);
    let name = &person.name;
    let mut subjects = vec![person.id.clone()];
    let message = match hit.rule {
        Rule::Overload => format!(
            "{name} carries {} h a week for {} h of capacity: {} h strategy, {} h execution, {} h other duties",
            hours(l),
            hours(c),
            hours(strategy),
            hours(execution),
            hours(load.other_hours)
        ),
        Rule::HybridOverload => format!(
            "{name} is over capacity ({} h for {} h) while carrying both strategy ({} h) and execution ({} h): split the PM and PO work",
            hours(l),
            hours(c),
            hours(strategy),
            hours(execution)
        ),
        Rule::StrategyStarved => format!(
            "{name} is a PM with {} h of execution work for only {} h of strategy (ratio {:.1}, limit {}): the backlog crowds out strategy",
            hours(execution),
            hours(strategy),
            execution / strategy,
            st.starved_ratio
        ),
        Rule::CombinedRoleBeyondOneTeam => {
            let p = hit.product?;
            let product = s.products.get(p)?;
            let teams = seats.teams_of.get(p).map_or(0, Vec::len);
            let engineers = seats.engineers_of.get(p).copied().unwrap_or(0);
            subjects.push(product.id.clone());
            format!(
                "{name} is both PM and PO of {}, which has {} and {}; one person can do both for one team of up to {} engineers",
                product.name,
                counted(teams, "team", "teams"),
                counted(engineers as usize, "engineer", "engineers"),
                st.combined_max_engineers
            )
        }
        Rule::PoStrategyWork => {
            let p = hit.product?;
            let product = s.products.get(p)?;
            let work = load.po_work.iter().find(|w| w.product == p)?;
            subjects.push(product.id.clone());
            format!(
                "{name} gets {} h a week from the PO column of {}, and {} h of it is strategy work ({}, limit {}): long-term strategy is the product manager's work",
                hours(work.hours),
                product.name,
                hours(work.strategy_hours),
                crate::num::percent(work.strategy_hours, work.hours),
                crate::num::percent(st.po_strategy_share, 1.0)
            )
        }
        Rule::CombinedRoleMultipleProducts => {
            let list = listed(held.pm_of, &s.products, |p| (&p.id, &p.name), &mut subjects);
            format!(
                "{name} holds a PO seat and is also PM of {} products ({list}): several products call for separate PM and PO people",
                held.pm_of.len()
            )
        }
        Rule::SplitAtScale => format!(
            "{name} holds both a PM and a PO seat in an organisation of {} engineers; at {} or more engineers the roles are separated",
            seats.total_engineers, st.split_engineers
        ),
        Rule::PoMultipleTeams => {
            let list = listed(held.po_of, &s.teams, |t| (&t.id, &t.name), &mut subjects);
            format!(
                "{name} is PO of {} teams ({list}); a PO works best embedded with one team",
                held.po_of.len()
            )
        }
        _ => return None,
    };
    Some(Finding {
        rule: hit.rule,
        severity: hit.severity,
        subjects,
        message,
    })
}

/// The items at these indices: their ids added to `subjects`, their names as a list.
fn listed<'a, T>(
    indices: &[usize],
    items: &'a [T],
    id_and_name: impl Fn(&'a T) -> (&'a String, &'a String),
    subjects: &mut Vec<String>,
) -> String {
    let found: Vec<(&String, &String)> = indices
        .iter()
        .filter_map(|&i| items.get(i))
        .map(id_and_name)
        .collect();
    subjects.extend(found.iter().map(|(id, _)| (*id).clone()));
    names(found.iter().map(|(_, name)| name.as_str()))
}
