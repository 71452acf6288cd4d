//! Leadership cost (domain.md, "Cost").

use crate::model::{CostRegion, Scenario};
use crate::seats::Seats;

/// Which seat decides a person's default cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatKind {
    Pm,
    Po,
}

/// The default annual cost of a seat in a region, in dollars.
pub fn default_cost(region: CostRegion, seat: SeatKind) -> f64 {
    match (region, seat) {
        // 003: US averages, 2026.
        (CostRegion::Us, SeatKind::Pm) => 159_000.0,
        (CostRegion::Us, SeatKind::Po) => 113_000.0,
        // 000: a senior PM costs $46K–50K in Latin America (the midpoint); 000 gives no PO
        // figure, so the PO default keeps 003's PO/PM ratio (113/159).
        (CostRegion::LatinAmerica, SeatKind::Pm) => 48_000.0,
        (CostRegion::LatinAmerica, SeatKind::Po) => 34_113.0,
    }
}

/// What each person costs the leadership budget: `None` for people who hold no seat.
pub fn person_costs(s: &Scenario, seats: &Seats) -> Vec<Option<f64>> {
    (0..s.people.len())
        .map(|i| person_cost(s, seats, i))
        .collect()
}

/// What person `i` costs the leadership budget: `None` without a seat.
pub(crate) fn person_cost(s: &Scenario, seats: &Seats, i: usize) -> Option<f64> {
    let p = s.people.get(i)?;
    let seat = if seats.holds_pm(i) {
        SeatKind::Pm
    } else if seats.holds_po(i) {
        SeatKind::Po
    } else {
        return None;
    };
    Some(
        p.annual_cost
            .unwrap_or_else(|| default_cost(s.settings.cost_region, seat)),
    )
}

/// The sum over people who hold any seat.
pub fn leadership_cost(costs: &[Option<f64>]) -> f64 {
    crate::num::total(costs.iter().flatten().copied())
}
