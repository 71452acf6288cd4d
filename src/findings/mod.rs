//! The thirteen rules of domain.md ("Findings"): data about a scenario, never errors. The
//! person rules live in [`person`], where the suggestion search shares their tests.

pub(crate) mod person;

use std::fmt::Write as _;

use crate::load::Loads;
use crate::model::{Column, IdIndex, Method, Scenario};
use crate::num::{hours, positive};
use crate::seats::Seats;
use person::Held;

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

    /// The word for one finding of this severity: `Error`, `Warning`, `Info`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
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
    /// `po-strategy-work` (format 2).
    PoStrategyWork,
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
    pub const ALL: [Rule; 13] = [
        Rule::Overload,
        Rule::HybridOverload,
        Rule::StrategyStarved,
        Rule::PoStrategyWork,
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
            Rule::PoStrategyWork => "po-strategy-work",
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

    /// The rule's name for readers of a report ("Overloaded with strategy and
    /// execution"); the id stays the fixed name for scripts and files.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Overload => "Overloaded",
            Rule::HybridOverload => "Overloaded with strategy and execution",
            Rule::StrategyStarved => "Strategy crowded out by execution",
            Rule::PoStrategyWork => "Strategy work in a PO seat",
            Rule::CombinedRoleBeyondOneTeam => "Combined role beyond one team",
            Rule::CombinedRoleMultipleProducts => "Combined role across several products",
            Rule::SplitAtScale => "Roles not split at scale",
            Rule::PoMultipleTeams => "PO of several teams",
            Rule::ScrumTeamWithoutPo => "Scrum team without a PO",
            Rule::PoOutsideScrum => "PO outside Scrum",
            Rule::UnownedWork => "Unowned work",
            Rule::UnassignedCards => "Cards in Unassigned",
            Rule::StakeholderUncovered => "Stakeholder not served",
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
            Rule::PoStrategyWork => "001, 003",
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
            Rule::PoStrategyWork => {
                "The PO is the tactical executor and long-term strategy is the PM's; treating the two titles as interchangeable is a costly mistake."
            }
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

/// The findings of each severity, in the order of [`Severity::ALL`] (also a severity
/// without findings), for reports that list them under one heading per severity.
pub fn by_severity(findings: &[Finding]) -> impl Iterator<Item = (Severity, Vec<&Finding>)> {
    Severity::ALL.into_iter().map(move |severity| {
        let list = findings.iter().filter(|f| f.severity == severity).collect();
        (severity, list)
    })
}

/// Every finding of the scenario, sorted.
pub fn find(s: &Scenario, seats: &Seats, loads: &Loads) -> Vec<Finding> {
    let mut out = Vec::new();
    for i in 0..s.people.len() {
        person_findings(s, seats, loads, i, &mut out);
    }
    for t in 0..s.teams.len() {
        team_findings(s, seats, t, &mut out);
    }
    for p in 0..s.products.len() {
        product_findings(s, seats, loads, p, &mut out);
    }
    let index = crate::model::index_by_id(&s.responsibilities, |r| &r.id);
    stakeholder_findings(s, &index, loads, &mut out);
    sort(&mut out);
    out
}

/// What a rule's findings are about first: the unit whose facts fire it, and whose id is
/// the finding's first subject. An update of the analysis words the findings of the units
/// an edit touched again, and keeps the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Person,
    Team,
    Product,
    /// The stakeholder rule looks at every card: it is worked out whole.
    Stakeholder,
}

impl Rule {
    /// The unit whose id comes first in the rule's findings.
    pub(crate) fn unit(self) -> Unit {
        match self {
            Rule::Overload
            | Rule::HybridOverload
            | Rule::StrategyStarved
            | Rule::PoStrategyWork
            | Rule::CombinedRoleBeyondOneTeam
            | Rule::CombinedRoleMultipleProducts
            | Rule::SplitAtScale
            | Rule::PoMultipleTeams => Unit::Person,
            Rule::ScrumTeamWithoutPo | Rule::PoOutsideScrum => Unit::Team,
            Rule::UnownedWork | Rule::UnassignedCards => Unit::Product,
            Rule::StakeholderUncovered => Unit::Stakeholder,
        }
    }
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

/// The person rules' findings about person `i`.
pub(crate) fn person_findings(
    s: &Scenario,
    seats: &Seats,
    loads: &Loads,
    i: usize,
    out: &mut Vec<Finding>,
) {
    let (Some(person), Some(load)) = (s.people.get(i), loads.people.get(i)) else {
        return;
    };
    let held = Held::of(seats, i);
    person::check(&s.settings, seats, load, held, |hit| {
        out.extend(person::finding(s, seats, person, load, held, hit));
    });
}

/// The team rules' findings about team `i`.
pub(crate) fn team_findings(s: &Scenario, seats: &Seats, i: usize, out: &mut Vec<Finding>) {
    if let Some(team) = s.teams.get(i) {
        let po = seats
            .po
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| s.people.get(p));
        if scrum_team_without_po(team.method, po.is_some()) {
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
        if let Some(person) = po
            && team.method != Method::Scrum
        {
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
    }
}

/// `scrum-team-without-po`: a Scrum team whose PO seat is empty (also counted by the
/// suggestion search).
pub(crate) fn scrum_team_without_po(method: Method, po_seat_filled: bool) -> bool {
    method == Method::Scrum && !po_seat_filled
}

/// `unowned-work`: some of a product's hours land on an empty seat (also counted by the
/// suggestion search).
pub(crate) fn unowned_work(unowned_hours: f64) -> bool {
    positive(unowned_hours)
}

/// The product rules' findings about product `p`.
pub(crate) fn product_findings(
    s: &Scenario,
    seats: &Seats,
    loads: &Loads,
    p: usize,
    out: &mut Vec<Finding>,
) {
    if let (Some(product), Some(load)) = (s.products.get(p), loads.products.get(p)) {
        if unowned_work(load.unowned_hours) {
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

/// `stakeholder-uncovered`: the stakeholders no carried card serves. It looks at every
/// card, so an update of the analysis works it out whole.
pub(crate) fn stakeholder_findings(
    s: &Scenario,
    index: &IdIndex,
    loads: &Loads,
    out: &mut Vec<Finding>,
) {
    if s.stakeholders.is_empty() {
        return;
    }
    // Which responsibilities give hours to someone somewhere; the search stops once every
    // responsibility is found carried.
    let mut carried = vec![false; s.responsibilities.len()];
    let mut left = carried.len();
    'products: for (product, load) in s.products.iter().zip(&loads.products) {
        for (card, cl) in product.cards.iter().zip(&load.cards) {
            if left == 0 {
                break 'products;
            }
            if cl.shares.iter().any(|sh| positive(sh.hours))
                && let Some(slot) = index
                    .get(card.responsibility.as_str())
                    .and_then(|&r| carried.get_mut(r))
                && !*slot
            {
                *slot = true;
                left -= 1;
            }
        }
    }
    let served: std::collections::HashSet<&str> = s
        .responsibilities
        .iter()
        .filter(|r| {
            index
                .get(r.id.as_str())
                .is_some_and(|&i| carried.get(i) == Some(&true))
        })
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
