//! Small widgets more than one view uses.

use egui::Ui;

use crate::model::Scenario;

/// A picker of the person in a seat, with "(empty seat)" first. Returns the combo box's
/// response and the new choice when it changed.
pub fn person_picker(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    s: &Scenario,
    current: Option<&str>,
    width: f32,
) -> (egui::Response, Option<Option<String>>) {
    let mut value = current.map(str::to_string);
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(current.map_or("(empty seat)", |p| s.name_of(p)))
        .width(width)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut value, None, "(empty seat)");
            for p in &s.people {
                ui.selectable_value(&mut value, Some(p.id.clone()), &p.name);
            }
        })
        .response;
    let changed = (value.as_deref() != current).then_some(value);
    (response, changed)
}
