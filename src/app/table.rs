//! A table whose header row and first column (the row's name) stay in view while the rest
//! scrolls, both ways. Only the rows in view are laid out, so a table of thousands of rows
//! costs what its visible part costs.

use std::ops::Range;

use egui::{Rect, Ui, UiBuilder, pos2, vec2};

/// The space between two columns.
const GAP: f32 = 8.0;

/// Where the cells of one row go.
pub struct Cells<'u> {
    ui: &'u mut Ui,
    row: usize,
    next: usize,
    /// The columns drawn in this pass (the name column is drawn in a pass of its own,
    /// on top).
    shown: Range<usize>,
    /// The left edge of each column, and its width.
    columns: &'u [(f32, f32)],
    top: f32,
    height: f32,
    /// Where the name column is pinned (its left edge), when it is the one drawn.
    pinned_left: f32,
    /// Where the scrolling columns may start to show: right of the pinned name column,
    /// so that nothing scrolled under it is drawn over it.
    scrolled_from: f32,
}

impl Cells<'_> {
    /// The next cell of the row.
    pub fn col(&mut self, add_contents: impl FnOnce(&mut Ui)) {
        let index = self.next;
        self.next += 1;
        if !self.shown.contains(&index) {
            return;
        }
        let Some(&(left, width)) = self.columns.get(index) else {
            return;
        };
        let (left, from) = if index == 0 {
            (self.pinned_left, self.pinned_left)
        } else {
            (left, self.scrolled_from)
        };
        let rect = Rect::from_min_size(pos2(left, self.top), vec2(width, self.height));
        cell_ui(self.ui, rect, from, (self.row, index), add_contents);
    }
}

/// Draws into `rect`, clipped to it and to what lies right of `from`.
fn cell_ui(
    ui: &mut Ui,
    rect: Rect,
    from: f32,
    salt: (usize, usize),
    add_contents: impl FnOnce(&mut Ui),
) {
    let mut clip = rect.intersect(ui.clip_rect());
    clip.min.x = clip.min.x.max(from);
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt(("cell", salt))
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    child.set_clip_rect(clip);
    add_contents(&mut child);
}

/// A table's shape.
pub struct FrozenTable<'a> {
    /// Names the table's scroll position.
    pub id: &'a str,
    /// The width of each column; the first is the frozen name column.
    pub widths: &'a [f32],
    pub header_height: f32,
    pub row_height: f32,
}

impl FrozenTable<'_> {
    /// Draws `rows` rows: `header_ui` fills column `i`'s header, `row_ui` a row's cells.
    pub fn show(
        &self,
        ui: &mut Ui,
        rows: usize,
        mut header_ui: impl FnMut(usize, &mut Ui),
        mut row_ui: impl FnMut(usize, &mut Cells),
    ) {
        let mut x = 0.0;
        let offsets: Vec<(f32, f32)> = self
            .widths
            .iter()
            .map(|w| {
                let column = (x, *w);
                x += w + GAP;
                column
            })
            .collect();
        let width = x;
        let height = self.header_height + rows as f32 * self.row_height;
        let count = self.widths.len();
        egui::ScrollArea::both()
            .id_salt(self.id)
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                let origin = ui.min_rect().min;
                ui.allocate_rect(
                    Rect::from_min_size(origin, vec2(width, height)),
                    egui::Sense::hover(),
                );
                let columns: Vec<(f32, f32)> = offsets
                    .iter()
                    .map(|(left, w)| (origin.x + left, *w))
                    .collect();
                let pinned_left = origin.x + viewport.min.x;
                let scrolled_from = pinned_left + self.widths.first().copied().unwrap_or(0.0) + GAP;
                let first = ((viewport.min.y - self.header_height) / self.row_height).floor();
                let last = ((viewport.max.y - self.header_height) / self.row_height).ceil() + 1.0;
                let visible = (first.max(0.0) as usize)..(last.max(0.0) as usize).min(rows);
                let fill = ui.visuals().panel_fill;
                let stripe = ui.visuals().faint_bg_color;
                // The other columns first, then the name column on top of them, then the
                // header on top of everything: what is pinned covers what scrolls under it.
                for (shown, pinned) in [(1..count, false), (0..1, true)] {
                    for row in visible.clone() {
                        let top = origin.y + self.header_height + row as f32 * self.row_height;
                        let band = if pinned {
                            Rect::from_min_size(
                                pos2(pinned_left, top),
                                vec2(
                                    self.widths.first().copied().unwrap_or(0.0) + GAP,
                                    self.row_height,
                                ),
                            )
                        } else {
                            Rect::from_min_size(pos2(origin.x, top), vec2(width, self.row_height))
                        };
                        let background = if row % 2 == 1 { stripe } else { fill };
                        if pinned || row % 2 == 1 {
                            ui.painter().rect_filled(band, 0.0, background);
                        }
                        let mut cells = Cells {
                            ui,
                            row,
                            next: 0,
                            shown: shown.clone(),
                            columns: &columns,
                            top,
                            height: self.row_height,
                            pinned_left,
                            scrolled_from,
                        };
                        row_ui(row, &mut cells);
                    }
                }
                let header_top = origin.y + viewport.min.y;
                let header = Rect::from_min_size(
                    pos2(origin.x + viewport.min.x, header_top),
                    vec2(viewport.width(), self.header_height),
                );
                ui.painter().rect_filled(header, 0.0, fill);
                for i in (1..count).chain(0..1.min(count)) {
                    let Some(&(left, w)) = columns.get(i) else {
                        continue;
                    };
                    let (left, from) = if i == 0 {
                        (pinned_left, pinned_left)
                    } else {
                        (left, scrolled_from)
                    };
                    let rect =
                        Rect::from_min_size(pos2(left, header_top), vec2(w, self.header_height));
                    if i == 0 {
                        ui.painter()
                            .rect_filled(rect.expand2(vec2(GAP, 0.0)), 0.0, fill);
                    }
                    cell_ui(ui, rect, from, (usize::MAX, i), |ui| header_ui(i, ui));
                }
            });
    }
}
