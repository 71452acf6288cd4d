//! People with their load bars.

use crate::analysis::Analysis;
use crate::model::Scenario;
use crate::num::{gt, hours};

use super::theme;

/// The people list: name, hours and a stacked bar of strategy, execution and other duties
/// against a capacity line.
pub fn people_ui(ui: &mut egui::Ui, s: &Scenario, a: &Analysis) {
    ui.strong("People");
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (person, load) in s.people.iter().zip(&a.loads.people) {
            let over = gt(load.load_hours(), load.capacity_hours);
            let text = format!(
                "{}: {} h of {} h{}",
                person.name,
                hours(load.load_hours()),
                hours(load.capacity_hours),
                if over { " — over capacity" } else { "" }
            );
            ui.label(text);
            load_bar_ui(ui, load);
        }
    });
}

fn load_bar_ui(ui: &mut egui::Ui, load: &crate::load::PersonLoad) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 10.0), egui::Sense::hover());
    let scale = width / load.capacity_hours.max(load.load_hours()).max(1.0) as f32;
    let mut x = rect.left();
    for (value, colour) in [
        (load.strategy_hours, theme::STRATEGY),
        (load.execution_hours, theme::EXECUTION),
        (load.other_hours, theme::OTHER),
    ] {
        let w = value as f32 * scale;
        let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w, rect.height()));
        ui.painter().rect_filled(r, 0.0, colour);
        x += w;
    }
    let cap_x = rect.left() + load.capacity_hours as f32 * scale;
    ui.painter()
        .vline(cap_x, rect.y_range(), egui::Stroke::new(2.0, theme::OVER));
}
