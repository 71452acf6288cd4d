//! `--format csv`: one row per card, in file order, with the contract's header.

use super::{all_cards, csv_text};
use crate::analysis::Analysis;
use crate::model::Scenario;
use crate::num::hours;

/// The header of scenario-format.md, "export".
pub const HEADER: [&str; 11] = [
    "product",
    "responsibility_id",
    "responsibility",
    "kind",
    "scope",
    "horizon",
    "column",
    "owners",
    "hours",
    "note",
    "flagged",
];

/// The CSV export.
pub fn render(s: &Scenario, a: &Analysis) -> String {
    let header = HEADER.iter().map(|h| h.to_string()).collect();
    let rows = all_cards(s, a).map(|c| {
        let r = c.responsibility;
        vec![
            c.product.name.clone(),
            c.card.responsibility.clone(),
            c.title().to_string(),
            r.map_or("", |r| r.kind.name()).to_string(),
            r.map_or("", |r| r.scope.name()).to_string(),
            r.map_or("", |r| r.horizon.name()).to_string(),
            c.card.column.as_str().to_string(),
            c.owners(s).join("; "),
            hours(c.hours()),
            c.card.note.clone(),
            c.card.flagged.to_string(),
        ]
    });
    csv_text(std::iter::once(header).chain(rows))
}
