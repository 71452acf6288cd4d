//! A dot vote: each attendee spreads up to the vote's dots over its options; a second
//! submission from the same attendee replaces the first. Pure data, no HTTP.

use std::collections::BTreeMap;

use super::{Limits, RoomError, check_attendee};

/// The most options a vote may have.
pub const MAX_OPTIONS: usize = 50;
/// The longest option name, in characters.
pub const MAX_OPTION_CHARS: usize = 100;
/// The most dots an attendee may be given.
pub const MAX_DOTS: u32 = 100;
/// The dots each attendee gets when the facilitator names no number.
pub const DEFAULT_DOTS: u32 = 3;

/// A dot vote over named options.
#[derive(Clone, Debug, PartialEq)]
pub struct Vote {
    pub id: String,
    /// The options, in the facilitator's order.
    pub options: Vec<String>,
    /// The dots each attendee may spread.
    pub dots: u32,
    /// Whether dots are still taken.
    pub open: bool,
    /// Attendee id → their dots per option (options with no dot left out).
    ballots: BTreeMap<String, BTreeMap<String, u32>>,
}

impl Vote {
    /// A new open vote, after checking its options (1 to 50 distinct names of 1 to 100
    /// characters) and dots (1 to 100).
    pub fn new(id: String, options: Vec<String>, dots: u32) -> Result<Self, RoomError> {
        if options.is_empty() || options.len() > MAX_OPTIONS {
            return Err(RoomError::BadOptions(format!(
                "a vote needs 1 to {MAX_OPTIONS} options"
            )));
        }
        for (i, option) in options.iter().enumerate() {
            let chars = option.chars().count();
            if option.trim().is_empty() || chars > MAX_OPTION_CHARS {
                return Err(RoomError::BadOptions(format!(
                    "each option needs a name of 1 to {MAX_OPTION_CHARS} characters"
                )));
            }
            if options[..i].contains(option) {
                return Err(RoomError::BadOptions(format!(
                    "the option “{option}” is listed twice"
                )));
            }
        }
        if dots == 0 || dots > MAX_DOTS {
            return Err(RoomError::BadOptions(format!(
                "each attendee gets 1 to {MAX_DOTS} dots"
            )));
        }
        Ok(Vote {
            id,
            options,
            dots,
            open: true,
            ballots: BTreeMap::new(),
        })
    }

    /// How many attendees have given their dots.
    pub fn voters(&self) -> usize {
        self.ballots.len()
    }

    /// Takes an attendee's dots, replacing their earlier ones. Refused (and the vote left
    /// as it was) when it is closed, an option is unknown, the dots add up to none or to
    /// more than the vote's, or a new attendee would be one too many.
    pub fn submit(
        &mut self,
        attendee: &str,
        dots: &BTreeMap<String, u64>,
        limits: &Limits,
    ) -> Result<(), RoomError> {
        check_attendee(attendee)?;
        if !self.open {
            return Err(RoomError::VoteClosed);
        }
        let mut total: u64 = 0;
        let mut kept = BTreeMap::new();
        for (option, &n) in dots {
            if !self.options.contains(option) {
                return Err(RoomError::UnknownOption(option.clone()));
            }
            total = total.saturating_add(n);
            if n > 0 {
                kept.insert(option.clone(), u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
        if total > u64::from(self.dots) {
            return Err(RoomError::TooManyDots(self.dots));
        }
        if total == 0 {
            return Err(RoomError::NoDots);
        }
        if !self.ballots.contains_key(attendee) && self.ballots.len() >= limits.attendees {
            return Err(RoomError::TooManyAttendees(limits.attendees));
        }
        self.ballots.insert(attendee.to_string(), kept);
        Ok(())
    }

    /// The dots each option received, in option order (0 for one nobody chose).
    pub fn totals(&self) -> Vec<(&str, u64)> {
        self.options
            .iter()
            .map(|option| {
                let n = self
                    .ballots
                    .values()
                    .filter_map(|b| b.get(option))
                    .map(|&n| u64::from(n))
                    .sum();
                (option.as_str(), n)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits { attendees: 500 };

    fn vote() -> Vote {
        Vote::new("vote-1".into(), vec!["A".into(), "B".into(), "C".into()], 3).unwrap()
    }

    fn dots(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn dots_add_up_per_option_and_a_second_submission_replaces_the_first() {
        let mut v = vote();
        v.submit("a", &dots(&[("A", 2), ("B", 1)]), &LIMITS)
            .unwrap();
        v.submit("b", &dots(&[("A", 3)]), &LIMITS).unwrap();
        assert_eq!(v.totals(), vec![("A", 5), ("B", 1), ("C", 0)]);
        v.submit("a", &dots(&[("C", 1)]), &LIMITS).unwrap();
        assert_eq!(v.totals(), vec![("A", 3), ("B", 0), ("C", 1)]);
        assert_eq!(v.voters(), 2);
    }

    #[test]
    fn over_the_budget_unknown_options_none_and_closed_votes_are_refused() {
        let mut v = vote();
        v.submit("a", &dots(&[("A", 1)]), &LIMITS).unwrap();
        let before = v.clone();
        let cases = [
            (dots(&[("A", 2), ("B", 2)]), RoomError::TooManyDots(3)),
            (
                dots(&[("A", u64::MAX), ("B", 1)]),
                RoomError::TooManyDots(3),
            ),
            (dots(&[("Z", 1)]), RoomError::UnknownOption("Z".into())),
            (dots(&[]), RoomError::NoDots),
            (dots(&[("A", 0)]), RoomError::NoDots),
        ];
        for (d, expected) in cases {
            assert_eq!(v.submit("a", &d, &LIMITS), Err(expected));
            assert_eq!(v, before, "a refused submission changes nothing");
        }
        v.open = false;
        assert_eq!(
            v.submit("a", &dots(&[("A", 1)]), &LIMITS),
            Err(RoomError::VoteClosed)
        );
    }

    #[test]
    fn the_attendee_limit_holds_per_vote() {
        let mut v = vote();
        let limits = Limits { attendees: 1 };
        v.submit("a", &dots(&[("A", 1)]), &limits).unwrap();
        assert_eq!(
            v.submit("b", &dots(&[("A", 1)]), &limits),
            Err(RoomError::TooManyAttendees(1))
        );
        v.submit("a", &dots(&[("B", 3)]), &limits).unwrap();
        assert_eq!(v.totals(), vec![("A", 0), ("B", 3), ("C", 0)]);
    }

    #[test]
    fn a_vote_needs_sensible_options_and_dots() {
        let bad = [
            (vec![], 3),
            (vec!["A".to_string(), "A".to_string()], 3),
            (vec![" ".to_string()], 3),
            (vec!["x".repeat(101)], 3),
            (vec!["A".to_string()], 0),
            (vec!["A".to_string()], 101),
        ];
        for (options, dots) in bad {
            assert!(
                matches!(
                    Vote::new("v".into(), options.clone(), dots),
                    Err(RoomError::BadOptions(_))
                ),
                "{options:?} with {dots} dots"
            );
        }
        let ok = Vote::new("v".into(), vec!["x".repeat(100)], 100).unwrap();
        assert_eq!(ok.dots, 100);
    }
}
