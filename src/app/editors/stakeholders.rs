//! The stakeholders table.

use egui::Ui;

use super::cells::{add_row_ui, choice, remove_button, text_cell};
use super::table::{TableSpec, editor_table};
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{Side, Stakeholder};
use crate::num::counted;

const TABLE: TableSpec = TableSpec {
    id: "stakeholders",
    columns: &[
        ("Name", 240.0),
        ("Side", 140.0),
        ("Served by", 220.0),
        ("", 90.0),
    ],
};

/// Add, rename and remove stakeholders; their side.
pub fn stakeholders_editor_ui(
    ui: &mut Ui,
    doc: &Document,
    new_name: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("Stakeholders");
    ui.label("The groups the product work serves: external (leadership, sales, customers…) or internal (the team, design, QA…).");
    add_row_ui(
        ui,
        new_name,
        "Name of a new stakeholder",
        "Add stakeholder",
        |name| {
            Edit::AddStakeholder(Stakeholder {
                id: unique_id(s, name, "stakeholder"),
                name: name.to_string(),
                side: Side::External,
            })
        },
        actions,
    );
    ui.add_space(6.0);
    editor_table(ui, &TABLE, &s.stakeholders, |row, _, x| {
        row.col(|ui| {
            let base = x.clone();
            text_cell(
                ui,
                ("stakeholder-name", &x.id),
                &format!("Name of stakeholder {}", x.name),
                &x.name,
                |name| Edit::UpdateStakeholder(Stakeholder { name, ..base }),
                format!("stakeholder:{}:name", x.id),
                actions,
            );
        });
        row.col(|ui| {
            let options = [(Side::External, "External"), (Side::Internal, "Internal")];
            if let Some(side) = choice(
                ui,
                ("side", &x.id),
                &format!("Side of {}", x.name),
                x.side,
                &options,
            ) {
                actions.push(Action::Edit(Edit::UpdateStakeholder(Stakeholder {
                    side,
                    ..x.clone()
                })));
            }
        });
        row.col(|ui| {
            let n = s
                .responsibilities
                .iter()
                .filter(|r| r.stakeholders.contains(&x.id))
                .count();
            ui.label(counted(n, "responsibility", "responsibilities"));
        });
        row.col(|ui| remove_button(ui, &x.name, Edit::RemoveStakeholder(x.id.clone()), actions));
    });
}
