//! The cards in a comparison: those that moved, were added or removed, and those that stayed
//! on their board but whose hours, note, flag or pin differ.
//!
//! Readings where the contract is silent:
//! - A card's hours are the hours it carries (its override, else its responsibility's), as
//!   the exports show them: an override set to the responsibility's own hours is no change,
//!   and a responsibility whose hours change changes every card that takes them.
//! - A card that moved and also changed in another way is in both lists.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{Card, Scenario};
use crate::num::{gt, hours};

use super::document::Section;
use super::{CardMove, CardPlace, Diff};

/// What of a card, apart from its column, the comparison looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDetails {
    /// The hours it carries a week: its override, else its responsibility's.
    pub hours: f64,
    pub note: String,
    pub flagged: bool,
    pub pinned: bool,
}

/// A card on the same product's board in both scenarios whose details differ.
#[derive(Clone, Debug, PartialEq)]
pub struct CardChange {
    pub product: String,
    pub responsibility: String,
    /// What differs, of `hours`, `note`, `flagged`, `pinned`, in that order.
    pub fields: Vec<&'static str>,
    pub before: CardDetails,
    pub after: CardDetails,
}

impl CardChange {
    /// What changed in a few words: "hours 3.0 → 3.5, note changed, now flagged".
    pub fn words(&self) -> String {
        let (a, b) = (&self.before, &self.after);
        let word = |field: &str| match field {
            "hours" => format!("hours {} → {}", hours(a.hours), hours(b.hours)),
            "note" => "note changed".to_string(),
            "flagged" if b.flagged => "now flagged".to_string(),
            "flagged" => "no longer flagged".to_string(),
            _ if b.pinned => "now pinned".to_string(),
            _ => "no longer pinned".to_string(),
        };
        let words: Vec<String> = self.fields.iter().map(|f| word(f)).collect();
        words.join(", ")
    }
}

/// The hours of each responsibility of a scenario, by id.
pub(super) struct ResponsibilityHours<'a>(HashMap<&'a str, f64>);

impl<'a> ResponsibilityHours<'a> {
    pub(super) fn of(s: &'a Scenario) -> Self {
        let mut map = HashMap::default();
        for r in &s.responsibilities {
            map.entry(r.id.as_str()).or_insert(r.hours);
        }
        ResponsibilityHours(map)
    }

    /// The responsibilities whose hours differ in `other` (or that only one of them has):
    /// usually none, so that most cards need no lookup.
    pub(super) fn differing(&self, other: &ResponsibilityHours<'a>) -> HashSet<&'a str> {
        let ids = self.0.keys().chain(other.0.keys()).copied();
        ids.filter(|id| self.0.get(id) != other.0.get(id)).collect()
    }

    /// The hours a card carries: its override, else its responsibility's.
    fn carried(&self, card: &Card) -> f64 {
        let own = || self.0.get(card.responsibility.as_str()).copied();
        card.hours.or_else(own).unwrap_or(0.0)
    }

    fn details(&self, card: &Card) -> CardDetails {
        CardDetails {
            hours: self.carried(card),
            note: card.note.clone(),
            flagged: card.flagged,
            pinned: card.pinned,
        }
    }
}

/// The boards of one product in A and in B.
pub(super) struct Boards<'a> {
    pub product: &'a str,
    pub a: &'a [Card],
    pub b: &'a [Card],
    pub a_hours: &'a ResponsibilityHours<'a>,
    pub b_hours: &'a ResponsibilityHours<'a>,
    /// The responsibilities whose own hours differ between A and B.
    pub new_hours: &'a HashSet<&'a str>,
}

/// Moved, changed and removed cards in A's card order, then added ones in B's.
pub(super) fn compare_boards(boards: &Boards<'_>, d: &mut Diff) {
    let (a, b) = (boards.a, boards.b);
    // Boards with the same cards in the same order (the usual case for two options of one
    // organisation) need no lookups.
    if a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.responsibility == y.responsibility)
    {
        for (card, other) in a.iter().zip(b) {
            compare_card(boards, card, other, d);
        }
        return;
    }
    let a_cards: HashMap<&str, &Card> = a.iter().map(|c| (c.responsibility.as_str(), c)).collect();
    let b_cards: HashMap<&str, &Card> = b.iter().map(|c| (c.responsibility.as_str(), c)).collect();
    for card in a {
        match b_cards.get(card.responsibility.as_str()) {
            Some(other) => compare_card(boards, card, other, d),
            None => d.removed_cards.push(place(boards.product, card)),
        }
    }
    for card in b {
        if !a_cards.contains_key(card.responsibility.as_str()) {
            d.added_cards.push(place(boards.product, card));
        }
    }
}

fn place(product: &str, card: &Card) -> CardPlace {
    CardPlace {
        product: product.to_string(),
        responsibility: card.responsibility.clone(),
        column: card.column,
    }
}

/// One card in A and in B: a move, a change of its details, both or neither.
fn compare_card(boards: &Boards<'_>, card: &Card, other: &Card, d: &mut Diff) {
    if card.column != other.column {
        d.moved_cards.push(CardMove {
            product: boards.product.to_string(),
            responsibility: card.responsibility.clone(),
            from: card.column,
            to: other.column,
        });
    }
    // Each detail is compared once, on the cards themselves; only an edited card's details
    // are copied out (two scenarios of a different make can differ on every card).
    let id = card.responsibility.as_str();
    let hours_apart = (card.hours != other.hours
        || !boards.new_hours.is_empty() && boards.new_hours.contains(id))
        && {
            let (x, y) = (boards.a_hours.carried(card), boards.b_hours.carried(other));
            gt(x, y) || gt(y, x)
        };
    let fields = super::record::differing([
        ("hours", hours_apart),
        ("note", card.note != other.note),
        ("flagged", card.flagged != other.flagged),
        ("pinned", card.pinned != other.pinned),
    ]);
    if !fields.is_empty() {
        let (before, after) = (boards.a_hours.details(card), boards.b_hours.details(other));
        d.changed_cards.push(CardChange {
            product: boards.product.to_string(),
            responsibility: card.responsibility.clone(),
            fields,
            before,
            after,
        });
    }
}

/// One detail of a card in words: "3.5 h", "“the note”", "no note", "flagged", "pinned".
fn detail_words(details: &CardDetails, field: &str) -> String {
    match field {
        "hours" => format!("{} h", hours(details.hours)),
        "note" if details.note.is_empty() => "no note".to_string(),
        "note" => format!("“{}”", details.note),
        "flagged" if details.flagged => "flagged".to_string(),
        "flagged" => "not flagged".to_string(),
        _ if details.pinned => "pinned".to_string(),
        _ => "not pinned".to_string(),
    }
}

/// The comparison document's section of edited cards, one row per detail that differs;
/// `None` when no card changed.
pub(super) fn changed_section(d: &Diff, name: impl Fn(&str) -> String) -> Option<Section> {
    let mut s = Section::new(
        "Cards edited",
        "Cards on the same board in both options whose hours a week, note, flag or pin differ.",
        &["Product", "Responsibility", "Option A", "Option B"],
    );
    for change in &d.changed_cards {
        for field in &change.fields {
            s.rows.push(vec![
                name(&change.product),
                name(&change.responsibility),
                detail_words(&change.before, field),
                detail_words(&change.after, field),
            ]);
        }
    }
    (!s.rows.is_empty()).then_some(s)
}
