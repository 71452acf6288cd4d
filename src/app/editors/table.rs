//! The one table every editor draws: the header and the name column stay in view while the
//! other columns scroll, and only the rows in view are laid out.

use egui::Ui;

use super::cells::ROW_HEIGHT;
use crate::app::table::{Cells, FrozenTable};

/// An editor table's shape.
pub struct TableSpec<'a> {
    /// Names the table's scroll position and column widths.
    pub id: &'a str,
    /// Each column's title and initial width; the first is the item's name.
    pub columns: &'a [(&'a str, f32)],
}

/// Draws `items` as a table; `row_ui` fills the cells of one item's row.
pub fn editor_table<T>(
    ui: &mut Ui,
    spec: &TableSpec,
    items: &[T],
    mut row_ui: impl FnMut(&mut Cells, usize, &T),
) {
    let widths: Vec<f32> = spec.columns.iter().map(|(_, w)| *w).collect();
    FrozenTable {
        id: spec.id,
        widths: &widths,
        header_height: ROW_HEIGHT,
        row_height: ROW_HEIGHT,
    }
    .show(
        ui,
        items.len(),
        |i, ui| {
            if let Some((title, _)) = spec.columns.get(i) {
                ui.strong(*title);
            }
        },
        |i, cells| {
            if let Some(item) = items.get(i) {
                row_ui(cells, i, item);
            }
        },
    );
}
