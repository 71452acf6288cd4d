//! The scenario's name, description and settings (domain.md, "Settings").

use egui::Ui;

use super::cells::choice;
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::Edit;
use crate::model::{CostRegion, Settings};

/// Name and description of the scenario, the rule thresholds and the cost region, each
/// kept within its valid range as you type.
pub fn settings_editor_ui(ui: &mut Ui, doc: &Document, actions: &mut Vec<Action>) {
    let s = &doc.scenario;
    ui.heading("Scenario");
    egui::Grid::new("scenario_grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Name");
            let mut name = s.name.clone();
            if ui
                .add(egui::TextEdit::singleline(&mut name).desired_width(420.0))
                .labelled_by(label.id)
                .changed()
            {
                actions.push(Action::EditMerging(
                    Edit::SetScenarioInfo {
                        name,
                        description: s.description.clone(),
                    },
                    "scenario:name".into(),
                ));
            }
            ui.end_row();
            let label = ui.label("Description");
            let mut description = s.description.clone();
            if ui
                .add(
                    egui::TextEdit::multiline(&mut description)
                        .desired_width(420.0)
                        .desired_rows(3),
                )
                .labelled_by(label.id)
                .changed()
            {
                actions.push(Action::EditMerging(
                    Edit::SetScenarioInfo {
                        name: s.name.clone(),
                        description,
                    },
                    "scenario:description".into(),
                ));
            }
            ui.end_row();
        });
    ui.add_space(12.0);
    ui.heading("Settings");
    ui.label(
        "The thresholds the findings and the advice use. The defaults come from the articles.",
    );
    let st = &s.settings;
    egui::Grid::new("settings_grid").num_columns(3).spacing([12.0, 8.0]).show(ui, |ui| {
        whole(ui, "Combined role: most engineers", "combined_max_engineers", "One person may do both roles for one team of up to this many engineers (004: 5–10).", st.combined_max_engineers, |v| Settings { combined_max_engineers: v, ..st.clone() }, actions);
        whole(ui, "Split at: engineers in all", "split_engineers", "Organisations with this many engineers or more separate the roles (004: 200+).", st.split_engineers, |v| Settings { split_engineers: v, ..st.clone() }, actions);
        fraction(ui, "Hybrid overload: smallest share", "hybrid_min_share", "Both strategy and execution at least this share of an overloaded person's work (0 to 0.5).", st.hybrid_min_share, 0.0..=0.5, 0.01, |v| Settings { hybrid_min_share: v, ..st.clone() }, actions);
        fraction(ui, "Strategy starved: ratio", "starved_ratio", "A PM whose execution hours are this many times their strategy hours (above 0).", st.starved_ratio, 0.1..=100.0, 0.05, |v| Settings { starved_ratio: v, ..st.clone() }, actions);
        fraction(ui, "Overload error: share of capacity", "overload_error_ratio", "Overload above this share of capacity is an error, below it a warning (at least 1).", st.overload_error_ratio, 1.0..=10.0, 0.01, |v| Settings { overload_error_ratio: v, ..st.clone() }, actions);
        fraction(ui, "PO strategy work: smallest share", "po_strategy_share", "A PO who is not the PM, with at least this share of their PO-column hours in strategy work (above 0, at most 1; 001, 003).", st.po_strategy_share, 0.001..=1.0, 0.01, |v| Settings { po_strategy_share: v, ..st.clone() }, actions);
        ui.label("Cost region");
        let options = [(CostRegion::Us, "United States"), (CostRegion::LatinAmerica, "Latin America")];
        if let Some(cost_region) = choice(ui, "cost_region", "Cost region", st.cost_region, &options) {
            actions.push(Action::Edit(Edit::SetSettings(Settings { cost_region, ..st.clone() })));
        }
        ui.weak("Default annual costs of people without one: US $159,000 PM / $113,000 PO (003); Latin America $48,000 / $34,113 (000).");
        ui.end_row();
    });
}

#[allow(clippy::too_many_arguments)]
fn whole(
    ui: &mut Ui,
    label: &str,
    field: &str,
    help: &str,
    value: u64,
    make: impl FnOnce(u64) -> Settings,
    actions: &mut Vec<Action>,
) {
    let l = ui.label(label);
    let mut v = value;
    let r = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(0..=u64::from(u32::MAX))
                .speed(1.0),
        )
        .labelled_by(l.id);
    if r.changed() && v != value {
        actions.push(Action::EditMerging(
            Edit::SetSettings(make(v)),
            format!("settings:{field}"),
        ));
    }
    ui.weak(help);
    ui.end_row();
}

#[allow(clippy::too_many_arguments)]
fn fraction(
    ui: &mut Ui,
    label: &str,
    field: &str,
    help: &str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
    make: impl FnOnce(f64) -> Settings,
    actions: &mut Vec<Action>,
) {
    let l = ui.label(label);
    let mut v = value;
    let r = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(range)
                .speed(speed)
                .max_decimals(3),
        )
        .labelled_by(l.id);
    if r.changed() && v.to_bits() != value.to_bits() {
        actions.push(Action::EditMerging(
            Edit::SetSettings(make(v)),
            format!("settings:{field}"),
        ));
    }
    ui.weak(help);
    ui.end_row();
}
