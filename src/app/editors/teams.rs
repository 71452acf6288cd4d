//! The teams table.

use egui::Ui;

use super::cells::{add_row_ui, choice, number_cell, person_choice, remove_button, text_cell};
use super::table::{TableSpec, editor_table};
use crate::app::action::{Action, SeatIntent, SeatRef};
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{MAX_ENGINEERS, Method, Team};

const METHODS: [(Method, &str); 3] = [
    (Method::Scrum, "Scrum"),
    (Method::Kanban, "Kanban"),
    (Method::Other, "Other"),
];

const TABLE: TableSpec = TableSpec {
    id: "teams",
    columns: &[
        ("Name", 170.0),
        ("Product", 150.0),
        ("Engineers", 80.0),
        ("Method", 100.0),
        ("Product owner", 150.0),
        ("", 80.0),
    ],
};

/// Add, rename and remove teams; their product, engineers, method and PO.
pub fn teams_editor_ui(
    ui: &mut Ui,
    doc: &Document,
    shown_product: Option<&str>,
    new_name: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("Teams");
    let product = shown_product
        .map(str::to_string)
        .or_else(|| s.products.first().map(|p| p.id.clone()));
    if let Some(product) = product {
        ui.label(format!(
            "New teams join {} (the product shown on the board); change it in the table.",
            doc.name_of(&product)
        ));
        add_row_ui(
            ui,
            new_name,
            "Name of a new team",
            "Add team",
            |name| {
                Edit::AddTeam(Team {
                    id: unique_id(s, name, "team"),
                    name: name.to_string(),
                    product,
                    engineers: 5,
                    method: Method::Scrum,
                    po: None,
                    po_locked: false,
                })
            },
            actions,
        );
    } else {
        ui.label("Add a product first: every team works on one product.");
    }
    ui.add_space(6.0);
    let products: Vec<(String, &str)> = s
        .products
        .iter()
        .map(|p| (p.id.clone(), p.name.as_str()))
        .collect();
    editor_table(ui, &TABLE, &s.teams, |row, _, t| {
        row.col(|ui| {
            let base = t.clone();
            text_cell(
                ui,
                ("team-name", &t.id),
                &format!("Name of team {}", t.name),
                &t.name,
                |name| Edit::UpdateTeam(Team { name, ..base }),
                format!("team:{}:name", t.id),
                actions,
            );
        });
        row.col(|ui| {
            let mut value = t.product.clone();
            egui::ComboBox::from_id_salt(("team-product", &t.id))
                .selected_text(doc.name_of(&t.product))
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    for (id, name) in &products {
                        ui.selectable_value(&mut value, id.clone(), *name);
                    }
                })
                .response
                .on_hover_text(format!("Product of team {}", t.name));
            if value != t.product {
                actions.push(Action::Edit(Edit::UpdateTeam(Team {
                    product: value,
                    ..t.clone()
                })));
            }
        });
        row.col(|ui| {
            let base = t.clone();
            number_cell(
                ui,
                &format!("Engineers of team {}", t.name),
                f64::from(t.engineers),
                0.0..=f64::from(MAX_ENGINEERS),
                0.2,
                "",
                |v| {
                    Edit::UpdateTeam(Team {
                        engineers: v.round() as u32,
                        ..base
                    })
                },
                format!("team:{}:engineers", t.id),
                actions,
            );
        });
        row.col(|ui| {
            if let Some(method) = choice(
                ui,
                ("method", &t.id),
                &format!("Method of team {}", t.name),
                t.method,
                &METHODS,
            ) {
                actions.push(Action::Edit(Edit::UpdateTeam(Team {
                    method,
                    ..t.clone()
                })));
            }
        });
        row.col(|ui| {
            let name = format!("Product owner of team {}", t.name);
            if let Some(person) = person_choice(ui, ("team-po", &t.id), &name, doc, t.po.as_deref())
            {
                actions.push(Action::Seat {
                    seat: SeatRef::Po { team: t.id.clone() },
                    intent: SeatIntent::Give(person),
                });
            }
        });
        row.col(|ui| remove_button(ui, &t.name, Edit::RemoveTeam(t.id.clone()), actions));
    });
}
