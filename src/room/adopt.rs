//! What the facilitator makes of a round: the cards worth discussing first, and the one
//! edit that adopts the room's placement. Pure: the scenario, the round's results and
//! today's date in, values out; the window applies the edit (one undo step).

use std::collections::HashSet;

use super::{Counts, RoundResults};
use crate::edit::{Edit, Place, all_ids, unique_among};
use crate::model::{Column, Scenario};
use crate::record::{Date, Decision, MAX_TEXT_CHARS};

/// One card of a round with the room's answer: its `responsibility` and `title` (the id
/// when the responsibility is gone), the room's `counts` (their `agreement()` is the
/// share of the most chosen column), the card's `hours` a week on the board (its own, else
/// the responsibility's; 0 when it left the board) and the `weight` of the disagreement,
/// (1 − agreement) × hours (`None`: nobody placed the card).
#[derive(Clone, Debug, PartialEq)]
pub struct CardOutcome {
    pub responsibility: String,
    pub title: String,
    pub counts: Counts,
    pub hours: f64,
    pub weight: Option<f64>,
}

/// The round's cards, those worth discussing first: by (1 − agreement) × hours, largest
/// first; cards nobody placed last; equal weights in the round's order.
pub fn worth_discussing(s: &Scenario, round: &RoundResults) -> Vec<CardOutcome> {
    let product = s.product(&round.product);
    let mut outcomes: Vec<CardOutcome> = round
        .cards
        .iter()
        .map(|(responsibility, counts)| {
            let r = s.responsibility(responsibility);
            let hours = product
                .and_then(|p| p.cards.iter().find(|c| c.responsibility == *responsibility))
                .and_then(|c| c.hours.or(r.map(|r| r.hours)))
                .unwrap_or(0.0);
            CardOutcome {
                responsibility: responsibility.clone(),
                title: r
                    .map_or(responsibility.as_str(), |r| r.title.as_str())
                    .into(),
                counts: *counts,
                hours,
                weight: counts.agreement().map(|a| (1.0 - a) * hours),
            }
        })
        .collect();
    // A stable sort keeps the round's order among equals.
    outcomes.sort_by(|a, b| {
        let key = |o: &CardOutcome| o.weight.unwrap_or(-1.0);
        key(b).total_cmp(&key(a))
    });
    outcomes
}

/// The room's tally in words, columns in board order, those nobody chose left out:
/// `PM 7 · PO 2`; `nobody placed it` when no ballot did.
pub fn tally_words(counts: &Counts) -> String {
    let parts: Vec<String> = Column::ALL
        .iter()
        .filter(|&&c| counts.get(c) > 0)
        .map(|&c| format!("{} {}", c.label(), counts.get(c)))
        .collect();
    if parts.is_empty() {
        "nobody placed it".into()
    } else {
        parts.join(" · ")
    }
}

/// What a card's note gets when the room was split on it.
pub fn split_note(counts: &Counts) -> String {
    format!("The room was split: {}", tally_words(counts))
}

/// Adopting the room's placement: the edit and what it does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Adoption {
    /// One edit for all of it (a batch, one undo step); `None` when nothing changes.
    pub edit: Option<Edit>,
    /// Cards moved to the room's most chosen column (each with a decision recorded).
    pub moved: usize,
    /// Cards the room was split on, flagged "needs discussion" with the split in the note.
    pub tied: usize,
    /// Cards already where the room put them.
    pub agreed: usize,
    /// Cards nobody placed.
    pub unplaced: usize,
    /// Pinned cards, left as they are.
    pub pinned: usize,
}

/// The edit that adopts the room's placement on the round's product: every card moves to
/// its most chosen column, with one decision each in the workshop record ("Adopted the
/// room's placement: 7 of 9 put Write user stories in PO", dated `today`); a card the room
/// was split on stays where it is and is flagged "needs discussion" with the split added
/// to its note (never replacing it, and only once); cards nobody placed, pinned cards and
/// cards no longer on the board stay as they are.
pub fn adoption(s: &Scenario, round: &RoundResults, today: Date) -> Adoption {
    let mut out = Adoption::default();
    let Some(product) = s.product(&round.product) else {
        return out;
    };
    let mut moves = Vec::new();
    let mut flags = Vec::new();
    let mut decisions = Vec::new();
    let mut taken: HashSet<String> = all_ids(s).into_iter().map(str::to_string).collect();
    for (responsibility, counts) in &round.cards {
        let Some(card) = product
            .cards
            .iter()
            .find(|c| c.responsibility == *responsibility)
        else {
            continue;
        };
        if card.pinned {
            out.pinned += 1;
            continue;
        }
        match counts.leaders().as_slice() {
            [] => out.unplaced += 1,
            [to] if *to == card.column => out.agreed += 1,
            [to] => {
                out.moved += 1;
                moves.push(Edit::MoveCard {
                    product: product.id.clone(),
                    responsibility: responsibility.clone(),
                    to: *to,
                    place: Place::Keep,
                });
                let title = s.name_of(responsibility);
                let text = format!(
                    "Adopted the room's placement: {} of {} put {title} in {}",
                    counts.get(*to),
                    counts.total(),
                    to.label()
                );
                let id = {
                    let taken_refs: HashSet<&str> = taken.iter().map(String::as_str).collect();
                    unique_among(&taken_refs, &format!("d-room-{responsibility}"), "d-room")
                };
                taken.insert(id.clone());
                decisions.push(Edit::AddDecision(Decision {
                    id,
                    text: text.chars().take(MAX_TEXT_CHARS).collect(),
                    date: today,
                    product: Some(product.id.clone()),
                    responsibility: Some(responsibility.clone()),
                }));
            }
            _ => {
                out.tied += 1;
                let split = split_note(counts);
                if card.flagged && card.note.ends_with(&split) {
                    continue;
                }
                let mut flagged = card.clone();
                flagged.flagged = true;
                if !card.note.ends_with(&split) {
                    flagged.note = if card.note.is_empty() {
                        split
                    } else {
                        format!("{}\n{split}", card.note)
                    };
                }
                flags.push(Edit::UpdateCard {
                    product: product.id.clone(),
                    card: flagged,
                });
            }
        }
    }
    let edits: Vec<Edit> = moves.into_iter().chain(flags).chain(decisions).collect();
    out.edit = (!edits.is_empty()).then_some(Edit::Batch(edits));
    out
}

impl Adoption {
    /// What adopting does, in words for the status line ("2 cards moved; 1 card flagged
    /// for discussion (the room was split)").
    pub fn summary(&self) -> String {
        use crate::num::counted;
        let mut parts = vec![format!("{} moved", counted(self.moved, "card", "cards"))];
        if self.tied > 0 {
            parts.push(format!(
                "{} flagged for discussion (the room was split)",
                counted(self.tied, "card", "cards")
            ));
        }
        if self.agreed > 0 {
            parts.push(format!("{} already where the room put it", self.agreed));
        }
        if self.unplaced > 0 {
            parts.push(format!("{} placed by nobody", self.unplaced));
        }
        if self.pinned > 0 {
            parts.push(format!("{} pinned, left as it is", self.pinned));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::{Pm, Po, Unassigned};

    /// The small board; research's card is 8 h here, so that it weighs most.
    fn scenario() -> Scenario {
        crate::testkit::Builder::small_board("Adopt")
            .card_hours("research", 8.0)
            .build()
    }

    fn counts(pm: usize, po: usize, unassigned: usize) -> Counts {
        Counts { pm, po, unassigned }
    }

    fn results(cards: &[(&str, Counts)]) -> RoundResults {
        RoundResults {
            id: "round-1".into(),
            product: "shop".into(),
            open: false,
            revealed: true,
            ballots: 9,
            cards: cards.iter().map(|(c, n)| (c.to_string(), *n)).collect(),
        }
    }

    fn today() -> Date {
        Date::new(2026, 3, 14).unwrap()
    }

    fn adopted(s: &Scenario, r: &RoundResults) -> (Adoption, Scenario) {
        let a = adoption(s, r, today());
        let mut next = s.clone();
        crate::edit::apply(&mut next, a.edit.as_ref().expect("an edit")).expect("applies");
        (a, next)
    }

    fn card<'a>(s: &'a Scenario, r: &str) -> &'a crate::model::Card {
        s.products[0]
            .cards
            .iter()
            .find(|c| c.responsibility == r)
            .unwrap()
    }

    #[test]
    fn the_majority_moves_each_card_and_is_recorded_once_per_moved_card() {
        let s = scenario();
        let r = results(&[
            ("vision", counts(2, 7, 0)),
            ("backlog", counts(0, 5, 1)),
            ("research", counts(4, 1, 0)),
        ]);
        let (a, next) = adopted(&s, &r);
        assert_eq!((a.moved, a.agreed, a.tied), (2, 1, 0));
        assert_eq!(card(&next, "vision").column, Po);
        assert_eq!(card(&next, "backlog").column, Po, "already in PO");
        assert_eq!(card(&next, "research").column, Pm);
        let texts: Vec<&str> = next
            .record
            .decisions
            .iter()
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Adopted the room's placement: 7 of 9 put Vision in PO",
                "Adopted the room's placement: 4 of 5 put Research in PM",
            ]
        );
        let d = &next.record.decisions[0];
        assert_eq!(d.date, today());
        assert_eq!(d.product.as_deref(), Some("shop"));
        assert_eq!(d.responsibility.as_deref(), Some("vision"));
        assert_eq!(d.id, "d-room-vision");
    }

    #[test]
    fn a_tie_stays_put_and_is_flagged_with_the_split_added_to_its_note() {
        let mut s = scenario();
        s.products[0].cards[0].note = "Agreed in March".into();
        let r = results(&[("vision", counts(4, 4, 1)), ("research", counts(2, 2, 0))]);
        let (a, next) = adopted(&s, &r);
        assert_eq!((a.moved, a.tied), (0, 2));
        let vision = card(&next, "vision");
        assert_eq!(vision.column, Pm, "a tie stays where it is");
        assert!(vision.flagged);
        assert_eq!(
            vision.note,
            "Agreed in March\nThe room was split: PM 4 · PO 4 · Unassigned 1"
        );
        assert_eq!(
            card(&next, "research").note,
            "The room was split: PM 2 · PO 2"
        );
        assert_eq!(card(&next, "research").column, Unassigned);
        assert!(next.record.decisions.is_empty(), "no decision for a tie");
        // Adopting again adds nothing more.
        assert_eq!(adoption(&next, &r, today()).edit, None);
    }

    #[test]
    fn pinned_and_unplaced_cards_stay_as_they_are() {
        let mut s = scenario();
        s.products[0].cards[0].pinned = true;
        let r = results(&[("vision", counts(0, 9, 0)), ("research", counts(0, 0, 0))]);
        let a = adoption(&s, &r, today());
        assert_eq!(
            a.edit, None,
            "the pinned card stays in PM, research stays parked"
        );
        assert_eq!((a.moved, a.pinned, a.unplaced), (0, 1, 1));
        assert_eq!(
            a.summary(),
            "0 cards moved; 1 placed by nobody; 1 pinned, left as it is"
        );
    }

    #[test]
    fn nothing_to_adopt_gives_no_edit() {
        let s = scenario();
        let r = results(&[("vision", counts(5, 0, 0))]);
        let a = adoption(&s, &r, today());
        assert_eq!(a.edit, None);
        assert_eq!(a.agreed, 1);
        let gone = RoundResults {
            product: "nowhere".into(),
            ..r
        };
        assert_eq!(adoption(&s, &gone, today()), Adoption::default());
    }

    #[test]
    fn decision_ids_never_clash_with_ids_already_taken() {
        let mut s = scenario();
        s.record.decisions.push(Decision {
            id: "d-room-vision".into(),
            text: "Earlier".into(),
            date: today(),
            product: None,
            responsibility: None,
        });
        let (_, next) = adopted(&s, &results(&[("vision", counts(0, 3, 0))]));
        assert_eq!(next.record.decisions[1].id, "d-room-vision-2");
    }

    #[test]
    fn the_cards_worth_discussing_come_first() {
        let s = scenario();
        // research: (1 − 0.5) × 8 = 4; vision: (1 − 0.6) × 3 = 1.2; backlog: nobody
        // placed it; and with the same weight, the round's order.
        let cards = [
            ("backlog", counts(0, 0, 0)),
            ("vision", counts(3, 2, 0)),
            ("research", counts(1, 1, 0)),
        ];
        let ranked = worth_discussing(&s, &results(&cards));
        let order: Vec<&str> = ranked.iter().map(|o| o.responsibility.as_str()).collect();
        assert_eq!(order, ["research", "vision", "backlog"]);
        assert_eq!(ranked[0].weight, Some(4.0));
        assert_eq!(ranked[0].hours, 8.0, "the card's own hours");
        assert_eq!(ranked[0].title, "Research");
        assert_eq!(ranked[1].counts.agreement(), Some(0.6));
        assert_eq!(ranked[2].weight, None);
        let agreed = results(&[("vision", counts(2, 0, 0)), ("backlog", counts(0, 5, 0))]);
        let order: Vec<String> = worth_discussing(&s, &agreed)
            .into_iter()
            .map(|o| o.responsibility)
            .collect();
        assert_eq!(
            order,
            ["vision", "backlog"],
            "equal weights keep their order"
        );
    }

    #[test]
    fn the_tally_in_words_leaves_out_empty_columns() {
        assert_eq!(tally_words(&counts(7, 2, 0)), "PM 7 · PO 2");
        assert_eq!(tally_words(&counts(0, 0, 3)), "Unassigned 3");
        assert_eq!(tally_words(&counts(0, 0, 0)), "nobody placed it");
    }
}
