//! `--format matrix`: a responsibility matrix for RACI spreadsheets. One row per card, one
//! column per person, each cell the hours that land on that person; a totals row last.

use super::{all_cards, csv_text};
use crate::analysis::Analysis;
use crate::model::Scenario;
use crate::num::hours;

/// The matrix export.
pub fn render(s: &Scenario, a: &Analysis) -> String {
    let header: Vec<String> = ["product", "responsibility"]
        .into_iter()
        .map(str::to_string)
        .chain(s.people.iter().map(|p| p.name.clone()))
        .collect();
    let rows = all_cards(s, a).map(|c| {
        // The hours of this card per person; `None` where none land.
        let mut cells: Vec<Option<f64>> = vec![None; s.people.len()];
        for share in c.load.into_iter().flat_map(|l| &l.shares) {
            if let Some(cell) = cells.get_mut(share.person) {
                *cell = Some(cell.unwrap_or(0.0) + share.hours);
            }
        }
        let mut row = vec![c.product.name.clone(), c.title().to_string()];
        row.extend(cells.into_iter().map(|h| h.map(hours).unwrap_or_default()));
        row
    });
    let mut total = vec!["Total".to_string(), String::new()];
    total.extend((0..s.people.len()).map(|person| {
        hours(
            a.loads
                .people
                .get(person)
                .map_or(0.0, |l| l.product_hours()),
        )
    }));
    csv_text(
        std::iter::once(header)
            .chain(rows)
            .chain(std::iter::once(total)),
    )
}
