//! Cards on a product's board: moving, adding, replacing and taking them off.

use super::{product_mut, remove as remove_from, replace};
use crate::edit::{EditError, Place};
use crate::model::{Card, Column, Scenario};

fn no_card(product: &str, responsibility: &str) -> EditError {
    EditError::NoCard {
        product: product.to_string(),
        responsibility: responsibility.to_string(),
    }
}

/// Moves a card to a column, at the place the move asks for.
pub(super) fn move_card(
    s: &mut Scenario,
    product: &str,
    responsibility: &str,
    to: Column,
    place: &Place,
) -> Result<bool, EditError> {
    let p = product_mut(s, product)?;
    let from = p
        .cards
        .iter()
        .position(|c| c.responsibility == responsibility)
        .ok_or_else(|| no_card(product, responsibility))?;
    if let Place::Before(other) = place
        && !p.cards.iter().any(|c| c.responsibility == *other)
    {
        return Err(no_card(product, other));
    }
    let before = p.cards.clone();
    let mut card = p.cards.remove(from);
    card.column = to;
    let at = match place {
        Place::Keep => from,
        Place::End => p
            .cards
            .iter()
            .rposition(|c| c.column == to)
            .map_or(from, |last| last + 1),
        Place::Before(other) => p
            .cards
            .iter()
            .position(|c| c.responsibility == *other)
            .unwrap_or(from),
    };
    p.cards.insert(at.min(p.cards.len()), card);
    Ok(p.cards != before)
}

/// Adds a card after the last card of its column.
pub(super) fn add(s: &mut Scenario, product: &str, card: &Card) -> Result<bool, EditError> {
    let p = product_mut(s, product)?;
    let at = p
        .cards
        .iter()
        .rposition(|c| c.column == card.column)
        .map_or(p.cards.len(), |i| i + 1);
    p.cards.insert(at, card.clone());
    Ok(true)
}

/// Replaces the card of the same responsibility, keeping its place.
pub(super) fn update(s: &mut Scenario, product: &str, card: &Card) -> Result<bool, EditError> {
    let p = product_mut(s, product)?;
    replace(&mut p.cards, card, |r| no_card(product, &r))
}

/// Takes a card off the board; decisions naming it keep the product and name no card.
pub(super) fn remove(
    s: &mut Scenario,
    product: &str,
    responsibility: &str,
) -> Result<bool, EditError> {
    let p = product_mut(s, product)?;
    remove_from(&mut p.cards, responsibility, |r| no_card(product, &r))?;
    super::record::card_left(s, product, responsibility);
    Ok(true)
}
