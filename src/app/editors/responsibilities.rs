//! The responsibilities table: the kinds of product work cards stand for.

use egui::Ui;

use super::cells::{add_row_ui, choice, number_cell, remove_button, text_cell};
use super::table::{TableSpec, editor_table};
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{Horizon, Kind, MAX_HOURS, Responsibility, Scope};

const KINDS: [(Kind, &str); 2] = [(Kind::Strategy, "Strategy"), (Kind::Execution, "Execution")];
const SCOPES: [(Scope, &str); 2] = [(Scope::Product, "Product"), (Scope::Team, "Team")];
const HORIZONS: [(Horizon, &str); 3] = [
    (Horizon::Sprint, "Sprint"),
    (Horizon::Quarter, "Quarter"),
    (Horizon::Year, "Year"),
];

const TABLE: TableSpec = TableSpec {
    id: "responsibilities",
    columns: &[
        ("Title", 240.0),
        ("Description", 240.0),
        ("Kind", 110.0),
        ("Scope", 100.0),
        ("Horizon", 100.0),
        ("Hours", 90.0),
        ("Stakeholders", 170.0),
        ("Source", 80.0),
        ("", 90.0),
    ],
};

/// Add, rename and remove responsibilities; title, description, kind, scope, horizon,
/// hours, stakeholders and source.
pub fn responsibilities_editor_ui(
    ui: &mut Ui,
    doc: &Document,
    new_title: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("Responsibilities");
    add_row_ui(
        ui,
        new_title,
        "Title of a new responsibility",
        "Add responsibility",
        |title| {
            Edit::AddResponsibility(Responsibility {
                id: unique_id(s, title, "responsibility"),
                title: title.to_string(),
                description: String::new(),
                kind: Kind::Strategy,
                scope: Scope::Product,
                horizon: Horizon::Quarter,
                hours: 1.0,
                stakeholders: Vec::new(),
                source: String::new(),
            })
        },
        actions,
    );
    ui.add_space(6.0);
    editor_table(ui, &TABLE, &s.responsibilities, |row, _, r| {
        let with = |f: &dyn Fn(&mut Responsibility)| {
            let mut copy = r.clone();
            f(&mut copy);
            Edit::UpdateResponsibility(copy)
        };
        row.col(|ui| {
            text_cell(
                ui,
                ("r-title", &r.id),
                &format!("Title of {}", r.title),
                &r.title,
                |v| with(&|x| x.title = v.clone()),
                format!("r:{}:title", r.id),
                actions,
            );
        });
        row.col(|ui| {
            text_cell(
                ui,
                ("r-desc", &r.id),
                &format!("Description of {}", r.title),
                &r.description,
                |v| with(&|x| x.description = v.clone()),
                format!("r:{}:description", r.id),
                actions,
            );
        });
        row.col(|ui| {
            if let Some(kind) = choice(
                ui,
                ("r-kind", &r.id),
                &format!("Kind of {}", r.title),
                r.kind,
                &KINDS,
            ) {
                actions.push(Action::Edit(with(&|x| x.kind = kind)));
            }
        });
        row.col(|ui| {
            if let Some(scope) = choice(
                ui,
                ("r-scope", &r.id),
                &format!("Scope of {}", r.title),
                r.scope,
                &SCOPES,
            ) {
                actions.push(Action::Edit(with(&|x| x.scope = scope)));
            }
        });
        row.col(|ui| {
            if let Some(horizon) = choice(
                ui,
                ("r-horizon", &r.id),
                &format!("Horizon of {}", r.title),
                r.horizon,
                &HORIZONS,
            ) {
                actions.push(Action::Edit(with(&|x| x.horizon = horizon)));
            }
        });
        row.col(|ui| {
            number_cell(
                ui,
                &format!("Hours a week of {}", r.title),
                r.hours,
                0.0..=MAX_HOURS,
                0.25,
                " h",
                |v| with(&|x| x.hours = v),
                format!("r:{}:hours", r.id),
                actions,
            );
        });
        row.col(|ui| {
            let names: Vec<&str> = r.stakeholders.iter().map(|id| doc.name_of(id)).collect();
            let shown = if names.is_empty() {
                "(none)".to_string()
            } else {
                names.join(", ")
            };
            ui.menu_button(shown, |ui| {
                for x in &s.stakeholders {
                    let mut on = r.stakeholders.contains(&x.id);
                    if ui.checkbox(&mut on, &x.name).changed() {
                        actions.push(Action::Edit(with(&|copy| {
                            if on {
                                copy.stakeholders.push(x.id.clone());
                            } else {
                                copy.stakeholders.retain(|id| *id != x.id);
                            }
                        })));
                    }
                }
                if s.stakeholders.is_empty() {
                    ui.label("Add stakeholders first (Stakeholders tab).");
                }
            })
            .response
            .on_hover_text(format!("Stakeholders {} serves", r.title));
        });
        row.col(|ui| {
            text_cell(
                ui,
                ("r-source", &r.id),
                &format!("Source of {}", r.title),
                &r.source,
                |v| with(&|x| x.source = v.clone()),
                format!("r:{}:source", r.id),
                actions,
            );
        });
        row.col(|ui| {
            remove_button(
                ui,
                &r.title,
                Edit::RemoveResponsibility(r.id.clone()),
                actions,
            )
        });
    });
}
