//! Small widgets more than one view uses.

use egui::{Rect, Sense, Ui, UiBuilder, pos2, vec2};

use super::document::Document;

/// Lays out `count` rows of one line each in a popup's scroll area, drawing only the rows
/// in view: a list of 5,000 people costs what its visible rows cost.
pub fn visible_rows(ui: &mut Ui, count: usize, mut row_ui: impl FnMut(&mut Ui, usize)) {
    let height = ui.spacing().interact_size.y;
    let stride = height + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let (all, _) = ui.allocate_exact_size(vec2(width, stride * count as f32), Sense::hover());
    let clip = ui.clip_rect();
    let first = ((clip.top() - all.top()) / stride).floor().max(0.0) as usize;
    let last = (((clip.bottom() - all.top()) / stride).ceil().max(0.0) as usize).min(count);
    for i in first..last {
        let rect = Rect::from_min_size(
            pos2(all.left(), all.top() + i as f32 * stride),
            vec2(width, height),
        );
        let mut row = ui.new_child(
            UiBuilder::new()
                .id_salt(("row", i))
                .max_rect(rect)
                .layout(egui::Layout::top_down_justified(egui::Align::LEFT)),
        );
        row_ui(&mut row, i);
    }
}

/// What an empty seat's picker says.
pub const EMPTY_SEAT: &str = "(empty seat)";

/// A picker of the person in a seat, with "(empty seat)" first. Returns the combo box's
/// response and the new choice when it changed.
pub fn person_picker(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    doc: &Document,
    current: Option<&str>,
    width: f32,
) -> (egui::Response, Option<Option<String>>) {
    let s = &doc.scenario;
    let mut value = current.map(str::to_string);
    // The combo box's width is a least width: it would grow to fit a long name. Inside a
    // space of exactly `width`, a long name is cut short ("Nadia (fou…") instead of
    // pushing the picker past its column; the whole name is in the list.
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let picker = |ui: &mut Ui| {
        egui::ComboBox::from_id_salt(id)
            .selected_text(current.map_or(EMPTY_SEAT, |p| doc.name_of(p)))
            .width(width)
            .truncate()
            .show_ui(ui, |ui| {
                visible_rows(ui, s.people.len() + 1, |ui, i| match i.checked_sub(1) {
                    None => {
                        ui.selectable_value(&mut value, None, EMPTY_SEAT);
                    }
                    Some(i) => {
                        if let Some(p) = s.people.get(i) {
                            ui.selectable_value(&mut value, Some(p.id.clone()), &p.name);
                        }
                    }
                });
            })
            .response
    };
    let response = ui.allocate_ui(size, picker).inner;
    let changed = (value.as_deref() != current).then_some(value);
    (response, changed)
}

/// The width a button with this text takes.
pub fn button_width(ui: &Ui, text: &str) -> f32 {
    text_width(ui, text, egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x
}

/// The width of this text on one line, in a style.
pub fn text_width(ui: &Ui, text: &str, style: egui::TextStyle) -> f32 {
    font_width(ui, text, &style.resolve(ui.style()))
}

/// The width of this text on one line, in a font.
pub fn font_width(ui: &Ui, text: &str, font: &egui::FontId) -> f32 {
    ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
    })
}
