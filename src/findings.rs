//! The twelve rules of domain.md ("Findings"): data about a scenario, never errors.

use std::fmt::Write as _;

use crate::load::Loads;
use crate::model::{Column, Method, Scenario};
use crate::num::{ge, gt, hours, positive, share_at_least};
use crate::seats::Seats;

/// How serious a finding is; the order is error, warning, info.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The word in JSON: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The heading users see.
    pub fn heading(self) -> &'static str {
        match self {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Information",
        }
    }
}

/// A rule of domain.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    Overload,
    HybridOverload,
    StrategyStarved,
    CombinedRoleBeyondOneTeam,
    CombinedRoleMultipleProducts,
    SplitAtScale,
    PoMultipleTeams,
    ScrumTeamWithoutPo,
    PoOutsideScrum,
    UnownedWork,
    UnassignedCards,
    StakeholderUncovered,
}

impl Rule {
    pub const ALL: [Rule; 12] = [
        Rule::Overload,
        Rule::HybridOverload,
        Rule::StrategyStarved,
        Rule::CombinedRoleBeyondOneTeam,
        Rule::CombinedRoleMultipleProducts,
        Rule::SplitAtScale,
        Rule::PoMultipleTeams,
        Rule::ScrumTeamWithoutPo,
        Rule::PoOutsideScrum,
        Rule::UnownedWork,
        Rule::UnassignedCards,
        Rule::StakeholderUncovered,
    ];

    /// The fixed rule id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Overload => "overload",
            Rule::HybridOverload => "hybrid-overload",
            Rule::StrategyStarved => "strategy-starved",
            Rule::CombinedRoleBeyondOneTeam => "combined-role-beyond-one-team",
            Rule::CombinedRoleMultipleProducts => "combined-role-multiple-products",
            Rule::SplitAtScale => "split-at-scale",
            Rule::PoMultipleTeams => "po-multiple-teams",
            Rule::ScrumTeamWithoutPo => "scrum-team-without-po",
            Rule::PoOutsideScrum => "po-outside-scrum",
            Rule::UnownedWork => "unowned-work",
            Rule::UnassignedCards => "unassigned-cards",
            Rule::StakeholderUncovered => "stakeholder-uncovered",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The articles the rule rests on, exactly as domain.md writes them.
    pub fn source(self) -> &'static str {
        match self {
            Rule::Overload | Rule::UnownedWork | Rule::UnassignedCards => "",
            Rule::HybridOverload | Rule::StrategyStarved | Rule::CombinedRoleMultipleProducts => {
                "003"
            }
            Rule::CombinedRoleBeyondOneTeam => "004, 003",
            Rule::SplitAtScale => "004",
            Rule::PoMultipleTeams => "000",
            Rule::ScrumTeamWithoutPo | Rule::PoOutsideScrum => "000, 003",
            Rule::StakeholderUncovered => "000, 001",
        }
    }

    /// Why the rule exists, in a sentence for tooltips.
    pub fn why(self) -> &'static str {
        match self {
            Rule::Overload => "More hours land on this person than they have in a week.",
            Rule::HybridOverload => {
                "Overloaded with both strategy and execution: split the roles when strategy suffers or the backlog overwhelms strategy."
            }
            Rule::StrategyStarved => "Backlog work is crowding out this PM's strategy work.",
            Rule::CombinedRoleBeyondOneTeam => {
                "One person can do both roles for one team of 5 to 10 engineers; combining works for teams under 15 people."
            }
            Rule::CombinedRoleMultipleProducts => {
                "Several products call for separate PM and PO people."
            }
            Rule::SplitAtScale => {
                "Organisations with 200 or more engineers separate the two roles."
            }
            Rule::PoMultipleTeams => "A product owner works best embedded with one team.",
            Rule::ScrumTeamWithoutPo => "Scrum needs someone who owns the backlog.",
            Rule::PoOutsideScrum => {
                "Product owner is a Scrum role; other methods may not need the seat."
            }
            Rule::UnownedWork => "Work lands on an empty seat: nobody carries it.",
            Rule::UnassignedCards => "The parking lot is not empty yet.",
            Rule::StakeholderUncovered => {
                "The PM aligns stakeholders; nobody is serving this group."
            }
        }
    }
}

/// One thing the engine noticed.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// The ids of what it is about, in the order of domain.md's table.
    pub subjects: Vec<String>,
    pub message: String,
}

impl Finding {
    /// The articles it rests on (the rule's source).
    pub fn source(&self) -> &'static str {
        self.rule.source()
    }

    /// The order of domain.md: severity, rule id, then subjects as sequences of ids.
    pub fn sort_key(&self) -> (Severity, &'static str, &[String]) {
        (self.severity, self.rule.id(), &self.subjects)
    }
}

/// Sorts findings as domain.md says, so output is stable.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Every finding of the scenario, sorted.
pub fn find(s: &Scenario, seats: &Seats, loads: &Loads) -> Vec<Finding> {
    let mut out = Vec::new();
    people_rules(s, seats, loads, &mut out);
    team_rules(s, seats, &mut out);
    product_rules(s, seats, loads, &mut out);
    stakeholder_rule(s, loads, &mut out);
    sort(&mut out);
    out
}

fn finding(rule: Rule, severity: Severity, subjects: Vec<String>, message: String) -> Finding {
    Finding {
        rule,
        severity,
        subjects,
        message,
    }
}

fn names<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn people_rules(s: &Scenario, seats: &Seats, loads: &Loads, out: &mut Vec<Finding>) {
    let st = &s.settings;
    for (i, (person, load)) in s.people.iter().zip(&loads.people).enumerate() {
        let (strategy, execution, c) = (
            load.strategy_hours,
            load.execution_hours,
            load.capacity_hours,
        );
        let l = load.load_hours();
        let work = strategy + execution;
        let id = || vec![person.id.clone()];
        let name = &person.name;
        let pm_of = seats.pm_of.get(i).map_or(&[][..], Vec::as_slice);
        let po_of = seats.po_of.get(i).map_or(&[][..], Vec::as_slice);

        if gt(l, c) {
            let severity = if gt(l, st.overload_error_ratio * c) {
                Severity::Error
            } else {
                Severity::Warning
            };
            let message = format!(
                "{name} carries {} h a week for {} h of capacity: {} h strategy, {} h execution, {} h other duties",
                hours(l),
                hours(c),
                hours(strategy),
                hours(execution),
                hours(load.other_hours)
            );
            out.push(finding(Rule::Overload, severity, id(), message));

            let m = st.hybrid_min_share;
            if positive(work)
                && share_at_least(strategy, work, m)
                && share_at_least(execution, work, m)
            {
                let message = format!(
                    "{name} is over capacity ({} h for {} h) while carrying both strategy ({} h) and execution ({} h): split the PM and PO work",
                    hours(l),
                    hours(c),
                    hours(strategy),
                    hours(execution)
                );
                out.push(finding(
                    Rule::HybridOverload,
                    Severity::Error,
                    id(),
                    message,
                ));
            }
        }
        if !pm_of.is_empty() && positive(strategy) && ge(execution, st.starved_ratio * strategy) {
            let message = format!(
                "{name} is a PM with {} h of execution work for only {} h of strategy (ratio {:.1}, limit {}): the backlog crowds out strategy",
                hours(execution),
                hours(strategy),
                execution / strategy,
                st.starved_ratio
            );
            out.push(finding(
                Rule::StrategyStarved,
                Severity::Warning,
                id(),
                message,
            ));
        }
        for &p in pm_of {
            let Some(product) = s.products.get(p) else {
                continue;
            };
            let teams = seats.teams_of.get(p).map_or(&[][..], Vec::as_slice);
            let holds_po_here = po_of.iter().any(|t| teams.contains(t));
            let engineers = seats.engineers_of.get(p).copied().unwrap_or(0);
            if holds_po_here && (teams.len() > 1 || engineers > st.combined_max_engineers) {
                let message = format!(
                    "{name} is both PM and PO of {}, which has {} team{} and {engineers} engineers; one person can do both for one team of up to {} engineers",
                    product.name,
                    teams.len(),
                    if teams.len() == 1 { "" } else { "s" },
                    st.combined_max_engineers
                );
                out.push(finding(
                    Rule::CombinedRoleBeyondOneTeam,
                    Severity::Warning,
                    vec![person.id.clone(), product.id.clone()],
                    message,
                ));
            }
        }
        if !po_of.is_empty() && pm_of.len() >= 2 {
            let products: Vec<&str> = pm_of
                .iter()
                .filter_map(|&p| s.products.get(p))
                .map(|p| p.name.as_str())
                .collect();
            let message = format!(
                "{name} holds a PO seat and is also PM of {} products ({}): several products call for separate PM and PO people",
                pm_of.len(),
                names(products.into_iter())
            );
            let mut subjects = id();
            subjects.extend(
                pm_of
                    .iter()
                    .filter_map(|&p| s.products.get(p))
                    .map(|p| p.id.clone()),
            );
            out.push(finding(
                Rule::CombinedRoleMultipleProducts,
                Severity::Warning,
                subjects,
                message,
            ));
        }
        if seats.total_engineers >= st.split_engineers && !pm_of.is_empty() && !po_of.is_empty() {
            let message = format!(
                "{name} holds both a PM and a PO seat in an organisation of {} engineers; at {} or more engineers the roles are separated",
                seats.total_engineers, st.split_engineers
            );
            out.push(finding(
                Rule::SplitAtScale,
                Severity::Warning,
                id(),
                message,
            ));
        }
        if po_of.len() >= 2 {
            let teams: Vec<&str> = po_of
                .iter()
                .filter_map(|&t| s.teams.get(t))
                .map(|t| t.name.as_str())
                .collect();
            let message = format!(
                "{name} is PO of {} teams ({}); a PO works best embedded with one team",
                po_of.len(),
                names(teams.into_iter())
            );
            let mut subjects = id();
            subjects.extend(
                po_of
                    .iter()
                    .filter_map(|&t| s.teams.get(t))
                    .map(|t| t.id.clone()),
            );
            out.push(finding(
                Rule::PoMultipleTeams,
                Severity::Warning,
                subjects,
                message,
            ));
        }
    }
}

fn team_rules(s: &Scenario, seats: &Seats, out: &mut Vec<Finding>) {
    for (i, team) in s.teams.iter().enumerate() {
        let po = seats
            .po
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| s.people.get(p));
        match (team.method, po) {
            (Method::Scrum, None) => {
                let product = s
                    .product(&team.product)
                    .map_or(team.product.as_str(), |p| p.name.as_str());
                out.push(finding(
                    Rule::ScrumTeamWithoutPo,
                    Severity::Error,
                    vec![team.id.clone(), team.product.clone()],
                    format!(
                        "{} ({product}) works in Scrum but has no product owner: nobody owns its backlog",
                        team.name
                    ),
                ));
            }
            (Method::Kanban | Method::Other, Some(person)) => {
                out.push(finding(
                    Rule::PoOutsideScrum,
                    Severity::Info,
                    vec![team.id.clone(), person.id.clone()],
                    format!(
                        "{} works in {} and has {} as product owner; the PO is a Scrum role, check that the seat is needed",
                        team.name,
                        team.method.name(),
                        person.name
                    ),
                ));
            }
            _ => {}
        }
    }
}

fn product_rules(s: &Scenario, seats: &Seats, loads: &Loads, out: &mut Vec<Finding>) {
    for (p, (product, load)) in s.products.iter().zip(&loads.products).enumerate() {
        if positive(load.unowned_hours) {
            let mut subjects = vec![product.id.clone()];
            for (card, cl) in product.cards.iter().zip(&load.cards) {
                if positive(cl.unowned_hours) {
                    subjects.push(card.responsibility.clone());
                }
            }
            let mut empty = Vec::new();
            if seats.pm.get(p).copied().flatten().is_none() {
                empty.push("the PM seat".to_string());
            }
            let teams = seats.teams_of.get(p).map_or(&[][..], Vec::as_slice);
            if teams.is_empty() {
                empty.push("the PO seat (the product has no team)".to_string());
            }
            for &t in teams {
                if let Some(team) = s
                    .teams
                    .get(t)
                    .filter(|_| seats.po.get(t).copied().flatten().is_none())
                {
                    empty.push(format!("the PO seat of {}", team.name));
                }
            }
            let mut message = format!(
                "{} has {} h a week of work that lands on an empty seat",
                product.name,
                hours(load.unowned_hours)
            );
            if !empty.is_empty() {
                let _ = write!(
                    message,
                    " (empty: {})",
                    names(empty.iter().map(String::as_str))
                );
            }
            out.push(finding(
                Rule::UnownedWork,
                Severity::Warning,
                subjects,
                message,
            ));
        }
        let parked: Vec<&str> = product
            .cards
            .iter()
            .filter(|c| c.column == Column::Unassigned)
            .map(|c| c.responsibility.as_str())
            .collect();
        if !parked.is_empty() {
            let message = format!(
                "{} has {} card{} in Unassigned ({} h a week): decide who takes {}",
                product.name,
                parked.len(),
                if parked.len() == 1 { "" } else { "s" },
                hours(load.unassigned_hours),
                if parked.len() == 1 { "it" } else { "them" }
            );
            let mut subjects = vec![product.id.clone()];
            subjects.extend(parked.into_iter().map(str::to_string));
            out.push(finding(
                Rule::UnassignedCards,
                Severity::Info,
                subjects,
                message,
            ));
        }
    }
}

fn stakeholder_rule(s: &Scenario, loads: &Loads, out: &mut Vec<Finding>) {
    if s.stakeholders.is_empty() {
        return;
    }
    // Which responsibilities give hours to someone somewhere.
    let mut carried: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (product, load) in s.products.iter().zip(&loads.products) {
        for (card, cl) in product.cards.iter().zip(&load.cards) {
            if cl.shares.iter().any(|sh| positive(sh.hours)) {
                carried.insert(card.responsibility.as_str());
            }
        }
    }
    let served: std::collections::HashSet<&str> = s
        .responsibilities
        .iter()
        .filter(|r| carried.contains(r.id.as_str()))
        .flat_map(|r| r.stakeholders.iter().map(String::as_str))
        .collect();
    for stakeholder in &s.stakeholders {
        if !served.contains(stakeholder.id.as_str()) {
            out.push(finding(
                Rule::StakeholderUncovered,
                Severity::Warning,
                vec![stakeholder.id.clone()],
                format!(
                    "Nobody serves {}: no card that serves them gives hours to a person",
                    stakeholder.name
                ),
            ));
        }
    }
}
