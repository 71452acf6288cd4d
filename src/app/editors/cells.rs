//! The cells and rows the editor tables are made of.

use egui::Ui;

use crate::app::action::Action;
use crate::edit::Edit;

/// The height of a table row.
pub const ROW_HEIGHT: f32 = 26.0;

/// A combo box over a few values; returns the new value when the user picked another.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    accessible_name: &str,
    current: T,
    options: &[(T, &str)],
) -> Option<T> {
    let mut value = current;
    let shown = options
        .iter()
        .find(|(v, _)| *v == current)
        .map_or("", |(_, t)| *t);
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(ui.available_width().max(60.0))
        .show_ui(ui, |ui| {
            for (v, text) in options {
                ui.selectable_value(&mut value, *v, *text);
            }
        })
        .response
        .on_hover_text(accessible_name);
    (value != current).then_some(value)
}

/// A person picker (with "(empty seat)"); returns the new choice when it changed.
pub fn person_choice(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    accessible_name: &str,
    doc: &crate::app::document::Document,
    current: Option<&str>,
) -> Option<Option<String>> {
    let width = ui.available_width().max(60.0);
    let (response, changed) = crate::app::widgets::person_picker(ui, id, doc, current, width);
    response.on_hover_text(accessible_name);
    changed
}

/// A one-line text cell; typing into it is one undo step per burst.
pub fn text_cell(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    accessible_name: &str,
    value: &str,
    make: impl FnOnce(String) -> Edit,
    merge_key: String,
    actions: &mut Vec<Action>,
) {
    let mut text = value.to_string();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id_salt(id)
            .desired_width(f32::INFINITY),
    );
    let response = response
        .accessible_name(accessible_name)
        .on_hover_text(accessible_name);
    if response.changed() && text != value {
        actions.push(Action::EditMerging(make(text), merge_key));
    }
}

/// A number cell kept within `range` as you type (dragging or typing).
#[allow(clippy::too_many_arguments)]
pub fn number_cell(
    ui: &mut Ui,
    accessible_name: &str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
    suffix: &str,
    make: impl FnOnce(f64) -> Edit,
    merge_key: String,
    actions: &mut Vec<Action>,
) {
    let mut v = value;
    let response = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(range)
                .speed(speed)
                .suffix(suffix)
                .max_decimals(2),
        )
        .accessible_name(accessible_name)
        .on_hover_text(accessible_name);
    if response.changed() && v.to_bits() != value.to_bits() {
        actions.push(Action::EditMerging(make(v), merge_key));
    }
}

/// The field and button that add a new thing by name (Enter adds too).
pub fn add_row_ui(
    ui: &mut Ui,
    name: &mut String,
    hint: &str,
    button: &str,
    make: impl FnOnce(&str) -> Edit,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(name)
                .hint_text(hint)
                .desired_width(240.0),
        );
        let field = field.on_hover_text(hint);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(!name.trim().is_empty(), egui::Button::new(button))
            .clicked();
        if (entered || clicked) && !name.trim().is_empty() {
            actions.push(Action::Edit(make(name.trim())));
            name.clear();
            if entered {
                field.request_focus();
            }
        }
    });
}

/// A small "Remove" button that asks before removing.
pub fn remove_button(ui: &mut Ui, what: &str, edit: Edit, actions: &mut Vec<Action>) {
    let name = format!("Remove {what}");
    if ui
        .small_button("Remove…")
        .accessible_name(&name)
        .on_hover_text(&name)
        .clicked()
    {
        actions.push(Action::AskRemove(edit));
    }
}
