//! Everything the engine derives from a scenario, in one pure function.

use crate::advice::{self, Advice};
use crate::cost;
use crate::findings::{self, Finding, Severity};
use crate::load::{self, Loads};
use crate::model::Scenario;
use crate::role_fit::{self, RoleFit};
use crate::seats::Seats;

/// The load table, findings, advice and cost of a scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub seats: Seats,
    pub loads: Loads,
    /// Per person, in file order: their hours by horizon and by stakeholder side.
    pub role_fit: Vec<RoleFit>,
    /// Sorted as domain.md says.
    pub findings: Vec<Finding>,
    /// One per product, in file order.
    pub advice: Vec<Advice>,
    /// The engineers the organisation can add before `large_org` holds; `None` at and
    /// above `split_engineers`.
    pub engineers_to_large_org: Option<u64>,
    /// Per person, in file order: their cost, or `None` when they hold no seat.
    pub person_costs: Vec<Option<f64>>,
    pub leadership_cost: f64,
}

impl Analysis {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Analyses a scenario: scenario in, analysis out.
pub fn analyze(s: &Scenario) -> Analysis {
    let seats = Seats::compute(s);
    let loads = load::compute(s, &seats);
    let role_fit = role_fit::compute(s, &loads);
    let findings = findings::find(s, &seats, &loads);
    let advice = advice::advise(s, &seats, &findings);
    let engineers_to_large_org = advice::engineers_to_large_org(s, &seats);
    let person_costs = cost::person_costs(s, &seats);
    let leadership_cost = cost::leadership_cost(&person_costs);
    Analysis {
        seats,
        loads,
        role_fit,
        findings,
        advice,
        engineers_to_large_org,
        person_costs,
        leadership_cost,
    }
}

mod update;

pub use update::{Before, update};
