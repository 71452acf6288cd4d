//! `--format csv`: one row per card, in file order, with the contract's header.

use super::{Cell, all_cards, table_csv};
use crate::analysis::Analysis;
use crate::model::Scenario;

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
    table_csv(table(s, a))
}

/// The split as a table, the header first: the CSV export and the workbook's `Split`
/// sheet. Rows are made as they are written, so a large scenario is never held twice.
pub(super) fn table<'a>(s: &'a Scenario, a: &'a Analysis) -> impl Iterator<Item = Vec<Cell>> + 'a {
    let header = HEADER.iter().map(|h| Cell::text(*h)).collect();
    let rows = all_cards(s, a).map(|c| {
        let r = c.responsibility;
        vec![
            Cell::text(&c.product.name),
            Cell::text(&c.card.responsibility),
            Cell::text(c.title()),
            Cell::text(r.map_or("", |r| r.kind.name())),
            Cell::text(r.map_or("", |r| r.scope.name())),
            Cell::text(r.map_or("", |r| r.horizon.name())),
            Cell::text(c.card.column.as_str()),
            Cell::text(c.owners(s).join("; ")),
            Cell::Hours(c.hours()),
            Cell::text(&c.card.note),
            Cell::Flag(c.card.flagged),
        ]
    });
    std::iter::once(header).chain(rows)
}
