//! `--format matrix`: a responsibility matrix for RACI spreadsheets. One row per card, one
//! column per person, each cell the hours that land on that person; a totals row last.

use super::{Cell, all_cards, table_csv};
use crate::analysis::Analysis;
use crate::model::Scenario;

/// The matrix export.
pub fn render(s: &Scenario, a: &Analysis) -> String {
    table_csv(table(s, a))
}

/// The matrix as a table, the header first and the totals last: the matrix export and
/// the workbook's `Matrix` sheet. Rows are made as they are written: a row has a cell for
/// every person, so the whole table of a large organisation would not fit in memory.
pub(super) fn table<'a>(s: &'a Scenario, a: &'a Analysis) -> impl Iterator<Item = Vec<Cell>> + 'a {
    let header: Vec<Cell> = ["product", "responsibility"]
        .into_iter()
        .map(Cell::text)
        .chain(s.people.iter().map(|p| Cell::text(&p.name)))
        .collect();
    let rows = all_cards(s, a).map(|c| {
        // The hours of this card per person; `None` where none land.
        let mut cells: Vec<Option<f64>> = vec![None; s.people.len()];
        for share in c.load.into_iter().flat_map(|l| &l.shares) {
            if let Some(cell) = cells.get_mut(share.person) {
                *cell = Some(cell.unwrap_or(0.0) + share.hours);
            }
        }
        let mut row = vec![Cell::text(&c.product.name), Cell::text(c.title())];
        row.extend(
            cells
                .into_iter()
                .map(|h| h.map_or(Cell::Blank, Cell::Hours)),
        );
        row
    });
    let mut total = vec![Cell::text("Total"), Cell::Blank];
    total.extend((0..s.people.len()).map(|person| {
        Cell::Hours(
            a.loads
                .people
                .get(person)
                .map_or(0.0, |l| l.product_hours()),
        )
    }));
    std::iter::once(header)
        .chain(rows)
        .chain(std::iter::once(total))
}
