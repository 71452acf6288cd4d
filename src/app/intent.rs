//! User intents on cards and seats turned into edits: the one place where moving, flagging
//! or pinning a card, and giving or locking a seat, is built, whichever view asked.

use crate::edit::Edit;
use crate::model::{Scenario, Team};

use super::action::{CardIntent, SeatIntent, SeatRef};

/// The edit that carries out `intent` on the card of `responsibility` on `product`'s
/// board; `None` when there is no such card.
pub fn card_edit(
    s: &Scenario,
    product: &str,
    responsibility: &str,
    intent: CardIntent,
) -> Option<Edit> {
    if let CardIntent::Move { to, place } = intent {
        // A move of an unknown card is refused by the edit path, with its reason.
        return Some(Edit::MoveCard {
            product: product.to_string(),
            responsibility: responsibility.to_string(),
            to,
            place,
        });
    }
    let mut card = s
        .product(product)?
        .cards
        .iter()
        .find(|c| c.responsibility == responsibility)?
        .clone();
    match intent {
        CardIntent::Move { .. } => return None,
        CardIntent::Flag(flagged) => card.flagged = flagged,
        CardIntent::ToggleFlag => card.flagged = !card.flagged,
        CardIntent::Pin(pinned) => card.pinned = pinned,
    }
    Some(Edit::UpdateCard {
        product: product.to_string(),
        card,
    })
}

/// The edit that carries out `intent` on a seat; `None` when the product or team is gone.
pub fn seat_edit(s: &Scenario, seat: &SeatRef, intent: SeatIntent) -> Option<Edit> {
    Some(match (seat, intent) {
        (SeatRef::Pm { product }, SeatIntent::Give(person)) => Edit::SetPm {
            product: product.clone(),
            person,
        },
        (SeatRef::Po { team }, SeatIntent::Give(person)) => Edit::SetPo {
            team: team.clone(),
            person,
        },
        (SeatRef::Pm { product }, SeatIntent::Lock(pm_locked)) => {
            let p = s.product(product)?;
            Edit::UpdateProduct {
                id: p.id.clone(),
                name: p.name.clone(),
                market: p.market,
                stage: p.stage,
                pm_locked,
            }
        }
        (SeatRef::Po { team }, SeatIntent::Lock(po_locked)) => Edit::UpdateTeam(Team {
            po_locked,
            ..s.team(team)?.clone()
        }),
    })
}
