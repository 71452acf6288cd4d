//! The trouble of a scenario (scenario-format.md, "suggest"): what a proposal must lower.

use std::cmp::Ordering;

use crate::analysis::Analysis;
use crate::findings::Severity;
use crate::num::{gt, positive, total};

/// How much trouble a scenario is in, compared field by field in this order: errors,
/// hours above capacity, parked hours, warnings. Hours compare with domain.md's tolerance.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Trouble {
    /// Error-severity findings.
    pub errors: usize,
    /// The sum of load − capacity over the people whose load is above their capacity.
    pub overload_hours: f64,
    /// Unowned + unassigned hours over all products.
    pub parked_hours: f64,
    /// Warning-severity findings.
    pub warnings: usize,
}

impl Trouble {
    /// The trouble of an analysed scenario.
    pub fn of(a: &Analysis) -> Trouble {
        let overload_hours = total(
            a.loads
                .people
                .iter()
                .map(|p| (p.load_hours(), p.capacity_hours))
                .filter(|&(l, c)| gt(l, c))
                .map(|(l, c)| l - c),
        );
        Trouble {
            errors: a.count(Severity::Error),
            overload_hours,
            parked_hours: a.loads.total_unowned_hours() + a.loads.total_unassigned_hours(),
            warnings: a.count(Severity::Warning),
        }
    }

    /// Whether there is nothing to fix: no errors, nobody over capacity, no parked hours and
    /// no warnings.
    pub fn is_zero(&self) -> bool {
        self.errors == 0
            && !positive(self.overload_hours)
            && !positive(self.parked_hours)
            && self.warnings == 0
    }

    /// The trouble order: errors, hours above capacity, parked hours, warnings; hours that
    /// differ by no more than the tolerance are equal.
    pub fn compare(&self, other: &Trouble) -> Ordering {
        self.errors
            .cmp(&other.errors)
            .then_with(|| compare_hours(self.overload_hours, other.overload_hours))
            .then_with(|| compare_hours(self.parked_hours, other.parked_hours))
            .then_with(|| self.warnings.cmp(&other.warnings))
    }

    /// Whether this is less trouble than `other`.
    pub fn is_less_than(&self, other: &Trouble) -> bool {
        self.compare(other) == Ordering::Less
    }
}

/// Compares two sums (of hours or dollars) with domain.md's tolerance.
pub fn compare_hours(a: f64, b: f64) -> Ordering {
    if gt(a, b) {
        Ordering::Greater
    } else if gt(b, a) {
        Ordering::Less
    } else {
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(errors: usize, overload: f64, parked: f64, warnings: usize) -> Trouble {
        Trouble {
            errors,
            overload_hours: overload,
            parked_hours: parked,
            warnings,
        }
    }

    #[test]
    fn errors_weigh_more_than_hours_and_hours_more_than_warnings() {
        assert!(t(0, 50.0, 50.0, 9).is_less_than(&t(1, 0.0, 0.0, 0)));
        assert!(t(1, 1.0, 50.0, 9).is_less_than(&t(1, 2.0, 0.0, 0)));
        assert!(t(1, 1.0, 1.0, 9).is_less_than(&t(1, 1.0, 2.0, 0)));
        assert!(t(1, 1.0, 1.0, 1).is_less_than(&t(1, 1.0, 1.0, 2)));
    }

    #[test]
    fn hours_within_the_tolerance_are_equal() {
        let shared: f64 = (0..7).map(|_| 13.0 / 7.0).sum();
        assert_eq!(
            t(0, shared, 0.0, 0).compare(&t(0, 13.0, 0.0, 0)),
            Ordering::Equal
        );
        assert!(t(0, 0.0, 1e-10, 0).is_zero());
        assert!(!t(0, 0.0, 1e-8, 0).is_zero());
    }
}
