//! A placement round: each attendee puts the round's cards in PM, PO or Unassigned; the
//! room's tally counts the latest ballot of each attendee. Pure data, no HTTP.

use std::collections::BTreeMap;

use super::{Limits, RoomError, check_attendee, check_name};
use crate::model::Column;

/// One attendee's placements in a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Ballot {
    /// The display name the attendee gave ("" when anonymous).
    pub name: String,
    /// Responsibility id → the column the attendee put that card in (a subset of the
    /// round's cards, never empty).
    pub placements: BTreeMap<String, Column>,
}

/// A placement round over some cards of one product.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub id: String,
    pub product: String,
    /// The responsibilities of the round's cards, in board order.
    pub cards: Vec<String>,
    /// Whether ballots are still taken (Close stops them).
    pub open: bool,
    /// Whether attendees see the tally (Reveal; independent of `open`).
    pub revealed: bool,
    /// Attendee id → their latest ballot: a second ballot replaces the first.
    ballots: BTreeMap<String, Ballot>,
}

/// How many ballots put one card in each column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pm: usize,
    pub po: usize,
    pub unassigned: usize,
}

impl Counts {
    /// The count of one column.
    pub fn get(&self, column: Column) -> usize {
        match column {
            Column::Pm => self.pm,
            Column::Po => self.po,
            Column::Unassigned => self.unassigned,
        }
    }

    fn add(&mut self, column: Column) {
        match column {
            Column::Pm => self.pm += 1,
            Column::Po => self.po += 1,
            Column::Unassigned => self.unassigned += 1,
        }
    }

    /// How many ballots placed the card.
    pub fn total(&self) -> usize {
        self.pm + self.po + self.unassigned
    }

    /// The share of the most chosen column among the ballots that placed the card (0–1);
    /// `None` when no ballot placed it. A tie shares the same top count, so its share is
    /// that count over the total (two columns at 2 of 4 each: 0.5).
    pub fn agreement(&self) -> Option<f64> {
        let total = self.total();
        let top = Column::ALL.iter().map(|&c| self.get(c)).max().unwrap_or(0);
        (total > 0).then(|| top as f64 / total as f64)
    }

    /// The most chosen columns, in board order: one when the room leans one way, two or
    /// three on a tie, none when no ballot placed the card.
    pub fn leaders(&self) -> Vec<Column> {
        let top = Column::ALL.iter().map(|&c| self.get(c)).max().unwrap_or(0);
        if top == 0 {
            return Vec::new();
        }
        Column::ALL
            .into_iter()
            .filter(|&c| self.get(c) == top)
            .collect()
    }
}

impl Round {
    /// A new open, unrevealed round with no ballots.
    pub fn new(id: String, product: String, cards: Vec<String>) -> Self {
        Round {
            id,
            product,
            cards,
            open: true,
            revealed: false,
            ballots: BTreeMap::new(),
        }
    }

    /// How many attendees have a ballot in the round.
    pub fn ballot_count(&self) -> usize {
        self.ballots.len()
    }

    /// The ballots, by attendee id.
    pub fn ballots(&self) -> &BTreeMap<String, Ballot> {
        &self.ballots
    }

    /// Takes an attendee's ballot, replacing their earlier one. Refused (and the round
    /// left as it was) when the round is closed, the attendee id or name is out of bounds,
    /// the placements are empty, name a card not in the round, or a new attendee would be
    /// one too many.
    pub fn submit(
        &mut self,
        attendee: &str,
        name: &str,
        placements: &BTreeMap<String, String>,
        limits: &Limits,
    ) -> Result<(), RoomError> {
        check_attendee(attendee)?;
        check_name(name)?;
        if !self.open {
            return Err(RoomError::RoundClosed);
        }
        if placements.is_empty() {
            return Err(RoomError::EmptyBallot);
        }
        let mut placed = BTreeMap::new();
        for (card, column) in placements {
            if !self.cards.contains(card) {
                return Err(RoomError::CardNotInRound(card.clone()));
            }
            let column = parse_column(column)?;
            placed.insert(card.clone(), column);
        }
        if !self.ballots.contains_key(attendee) && self.ballots.len() >= limits.attendees {
            return Err(RoomError::TooManyAttendees(limits.attendees));
        }
        self.ballots.insert(
            attendee.to_string(),
            Ballot {
                name: name.to_string(),
                placements: placed,
            },
        );
        Ok(())
    }

    /// The tally of every card of the round, in round order (all zeros for a card no
    /// ballot placed). Counted afresh from the ballots, so it always adds up.
    pub fn tally(&self) -> Vec<(&str, Counts)> {
        self.cards
            .iter()
            .map(|card| {
                let mut counts = Counts::default();
                for ballot in self.ballots.values() {
                    if let Some(&column) = ballot.placements.get(card) {
                        counts.add(column);
                    }
                }
                (card.as_str(), counts)
            })
            .collect()
    }
}

/// A column as the contract spells it: `Pm`, `Po` or `Unassigned`.
pub fn parse_column(text: &str) -> Result<Column, RoomError> {
    Column::ALL
        .into_iter()
        .find(|c| c.as_str() == text)
        .ok_or_else(|| RoomError::UnknownColumn(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> Round {
        Round::new(
            "round-1".into(),
            "shop".into(),
            vec!["vision".into(), "backlog".into(), "pricing".into()],
        )
    }

    fn ballot(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn counts_of(r: &Round, card: &str) -> Counts {
        r.tally()
            .into_iter()
            .find(|(c, _)| *c == card)
            .map(|(_, n)| n)
            .unwrap_or_default()
    }

    const LIMITS: Limits = Limits { attendees: 500 };

    #[test]
    fn a_second_ballot_replaces_the_first() {
        let mut r = round();
        r.submit("a1", "Ann", &ballot(&[("vision", "Pm")]), &LIMITS)
            .unwrap();
        assert_eq!(counts_of(&r, "vision").pm, 1);
        r.submit("a1", "Ann", &ballot(&[("vision", "Po")]), &LIMITS)
            .unwrap();
        assert_eq!(r.ballot_count(), 1, "one attendee, one ballot");
        assert_eq!(
            counts_of(&r, "vision"),
            Counts {
                pm: 0,
                po: 1,
                unassigned: 0
            }
        );
    }

    #[test]
    fn the_tally_counts_each_attendee_once_per_card() {
        let mut r = round();
        r.submit(
            "a",
            "",
            &ballot(&[("vision", "Pm"), ("backlog", "Po")]),
            &LIMITS,
        )
        .unwrap();
        r.submit(
            "b",
            "Bo",
            &ballot(&[("vision", "Pm"), ("backlog", "Unassigned")]),
            &LIMITS,
        )
        .unwrap();
        r.submit("c", "", &ballot(&[("vision", "Po")]), &LIMITS)
            .unwrap();
        let tally = r.tally();
        let names: Vec<&str> = tally.iter().map(|(c, _)| *c).collect();
        assert_eq!(names, ["vision", "backlog", "pricing"], "round order");
        assert_eq!(
            counts_of(&r, "vision"),
            Counts {
                pm: 2,
                po: 1,
                unassigned: 0
            }
        );
        assert_eq!(
            counts_of(&r, "backlog"),
            Counts {
                pm: 0,
                po: 1,
                unassigned: 1
            }
        );
        assert_eq!(counts_of(&r, "pricing"), Counts::default());
    }

    #[test]
    fn agreement_is_the_top_share_and_none_for_an_unplaced_card() {
        let two_to_one = Counts {
            pm: 2,
            po: 1,
            unassigned: 0,
        };
        assert_eq!(two_to_one.agreement(), Some(2.0 / 3.0));
        assert_eq!(two_to_one.leaders(), vec![Column::Pm]);
        let all_one_way = Counts {
            pm: 0,
            po: 0,
            unassigned: 4,
        };
        assert_eq!(all_one_way.agreement(), Some(1.0));
        assert_eq!(Counts::default().agreement(), None);
        assert_eq!(Counts::default().leaders(), Vec::<Column>::new());
    }

    #[test]
    fn a_tie_has_several_leaders_and_the_shared_top_share() {
        let tie = Counts {
            pm: 2,
            po: 2,
            unassigned: 1,
        };
        assert_eq!(tie.agreement(), Some(0.4));
        assert_eq!(tie.leaders(), vec![Column::Pm, Column::Po]);
        let three_way = Counts {
            pm: 1,
            po: 1,
            unassigned: 1,
        };
        assert_eq!(three_way.agreement(), Some(1.0 / 3.0));
        assert_eq!(three_way.leaders(), Column::ALL.to_vec());
    }

    #[test]
    fn bad_ballots_are_refused_and_change_nothing() {
        let mut r = round();
        r.submit("a", "", &ballot(&[("vision", "Pm")]), &LIMITS)
            .unwrap();
        let before = r.clone();
        let long_id = "y".repeat(65);
        let cases: Vec<(&str, String, BTreeMap<String, String>, RoomError)> = vec![
            (
                "a",
                String::new(),
                ballot(&[("nope", "Pm")]),
                RoomError::CardNotInRound("nope".into()),
            ),
            (
                "a",
                String::new(),
                ballot(&[("vision", "Cto")]),
                RoomError::UnknownColumn("Cto".into()),
            ),
            ("a", String::new(), ballot(&[]), RoomError::EmptyBallot),
            (
                "a",
                "x".repeat(41),
                ballot(&[("vision", "Po")]),
                RoomError::NameTooLong,
            ),
            (
                "",
                String::new(),
                ballot(&[("vision", "Po")]),
                RoomError::BadAttendee,
            ),
            (
                &long_id,
                String::new(),
                ballot(&[("vision", "Po")]),
                RoomError::BadAttendee,
            ),
        ];
        for (attendee, name, placements, expected) in cases {
            let got = r.submit(attendee, &name, &placements, &LIMITS);
            assert_eq!(got, Err(expected));
            assert_eq!(r, before, "a refused ballot leaves the round as it was");
        }
    }

    #[test]
    fn names_and_ids_are_counted_in_characters() {
        let mut r = round();
        let forty = "é".repeat(40);
        let sixty_four = "ü".repeat(64);
        r.submit(&sixty_four, &forty, &ballot(&[("vision", "Pm")]), &LIMITS)
            .unwrap();
        assert_eq!(r.ballots()[&sixty_four].name, forty);
    }

    #[test]
    fn a_closed_round_takes_no_ballot_and_stays_revealable() {
        let mut r = round();
        r.open = false;
        assert_eq!(
            r.submit("a", "", &ballot(&[("vision", "Pm")]), &LIMITS),
            Err(RoomError::RoundClosed)
        );
        assert_eq!(r.ballot_count(), 0);
    }

    #[test]
    fn the_attendee_limit_counts_distinct_attendees_and_not_refusals() {
        let limits = Limits { attendees: 2 };
        let mut r = round();
        r.submit("a", "", &ballot(&[("vision", "Pm")]), &limits)
            .unwrap();
        // A refused attempt by a third attendee does not take a place.
        assert!(r.submit("c", "", &ballot(&[]), &limits).is_err());
        r.submit("b", "", &ballot(&[("vision", "Pm")]), &limits)
            .unwrap();
        assert_eq!(
            r.submit("c", "", &ballot(&[("vision", "Pm")]), &limits),
            Err(RoomError::TooManyAttendees(2))
        );
        // Those already in may still change their ballot.
        r.submit("a", "", &ballot(&[("vision", "Po")]), &limits)
            .unwrap();
        assert_eq!(r.ballot_count(), 2);
        assert_eq!(counts_of(&r, "vision").po, 1);
    }
}
