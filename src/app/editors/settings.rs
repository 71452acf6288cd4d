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
        number_setting(ui, Row { label: "Combined role: most engineers", field: "combined_max_engineers", help: "One person may do both roles for one team of up to this many engineers (004: 5–10)." }, st.combined_max_engineers, 0..=u64::from(u32::MAX), 1.0, |v| Settings { combined_max_engineers: v, ..st.clone() }, actions);
        number_setting(ui, Row { label: "Split at: engineers in all", field: "split_engineers", help: "Organisations with this many engineers or more separate the roles (004: 200+)." }, st.split_engineers, 0..=u64::from(u32::MAX), 1.0, |v| Settings { split_engineers: v, ..st.clone() }, actions);
        number_setting(ui, Row { label: "Hybrid overload: smallest share", field: "hybrid_min_share", help: "Both strategy and execution at least this share of an overloaded person's work (0 to 0.5)." }, st.hybrid_min_share, 0.0..=0.5, 0.01, |v| Settings { hybrid_min_share: v, ..st.clone() }, actions);
        number_setting(ui, Row { label: "Strategy starved: ratio", field: "starved_ratio", help: "A PM whose execution hours are this many times their strategy hours (above 0)." }, st.starved_ratio, 0.1..=100.0, 0.05, |v| Settings { starved_ratio: v, ..st.clone() }, actions);
        number_setting(ui, Row { label: "Overload error: share of capacity", field: "overload_error_ratio", help: "Overload above this share of capacity is an error, below it a warning (at least 1)." }, st.overload_error_ratio, 1.0..=10.0, 0.01, |v| Settings { overload_error_ratio: v, ..st.clone() }, actions);
        number_setting(ui, Row { label: "PO strategy work: smallest share", field: "po_strategy_share", help: "A PO who is not the PM, with at least this share of their PO-column hours in strategy work (above 0, at most 1; 001, 003)." }, st.po_strategy_share, 0.001..=1.0, 0.01, |v| Settings { po_strategy_share: v, ..st.clone() }, actions);
        ui.label("Cost region");
        let options = [(CostRegion::Us, "United States"), (CostRegion::LatinAmerica, "Latin America")];
        if let Some(cost_region) = choice(ui, "cost_region", "Cost region", st.cost_region, &options) {
            actions.push(Action::Edit(Edit::SetSettings(Settings { cost_region, ..st.clone() })));
        }
        ui.weak("Default annual costs of people without one: US $159,000 PM / $113,000 PO (003); Latin America $48,000 / $34,113 (000).");
        ui.end_row();
    });
}

/// What a setting's row says: its label, its field in the file, and a line of help.
struct Row<'a> {
    label: &'a str,
    field: &'a str,
    help: &'a str,
}

/// One number setting, kept within `range` as it is dragged or typed; a burst of changes
/// is one undo step.
fn number_setting<N: egui::emath::Numeric>(
    ui: &mut Ui,
    row: Row,
    value: N,
    range: std::ops::RangeInclusive<N>,
    speed: f64,
    make: impl FnOnce(N) -> Settings,
    actions: &mut Vec<Action>,
) {
    let l = ui.label(row.label);
    let mut v = value;
    let r = ui
        .add(
            egui::DragValue::new(&mut v)
                .range(range)
                .speed(speed)
                .max_decimals(3),
        )
        .labelled_by(l.id);
    if r.changed() && v != value {
        actions.push(Action::EditMerging(
            Edit::SetSettings(make(v)),
            format!("settings:{}", row.field),
        ));
    }
    ui.weak(row.help);
    ui.end_row();
}
