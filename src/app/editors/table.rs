//! The one table every editor draws: a name column that stays readable, a header row, and
//! one row per item, laid out only while visible.

use egui::Ui;
use egui_extras::{Column, TableBuilder, TableRow};

use super::cells::ROW_HEIGHT;

/// An editor table's shape.
pub struct TableSpec<'a> {
    /// Names the table's scroll position and column widths.
    pub id: &'a str,
    /// Each column's title and initial width; the first is the item's name.
    pub columns: &'a [(&'a str, f32)],
    /// The narrowest the name column can become.
    pub min_name_width: f32,
    /// Whether the user can drag column widths.
    pub resizable: bool,
}

/// Draws `items` as a table; `row_ui` fills the cells of one item's row.
pub fn editor_table<T>(
    ui: &mut Ui,
    spec: &TableSpec,
    items: &[T],
    mut row_ui: impl FnMut(&mut TableRow, usize, &T),
) {
    egui::ScrollArea::horizontal()
        .id_salt(format!("{}_scroll", spec.id))
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(format!("{}_table", spec.id))
                .striped(true)
                .resizable(spec.resizable);
            for (i, (_, width)) in spec.columns.iter().enumerate() {
                let column = Column::initial(*width);
                table = table.column(if i == 0 {
                    column.at_least(spec.min_name_width)
                } else {
                    column
                });
            }
            table
                .header(ROW_HEIGHT, |mut header| {
                    for (title, _) in spec.columns {
                        header.col(|ui| {
                            ui.strong(*title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, items.len(), |mut row| {
                        let i = row.index();
                        if let Some(item) = items.get(i) {
                            row_ui(&mut row, i, item);
                        }
                    });
                });
        });
}
