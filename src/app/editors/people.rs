//! The people table.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::cells::{ROW_HEIGHT, add_row_ui, number_cell, remove_button, text_cell};
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{MAX_COST, MAX_HOURS, Person};
use crate::num::hours;

/// Add, rename and remove people; capacity, other duties and annual cost.
pub fn people_editor_ui(
    ui: &mut Ui,
    doc: &Document,
    new_name: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("People");
    add_row_ui(
        ui,
        new_name,
        "Name of a new person",
        "Add person",
        |name| {
            Edit::AddPerson(Person {
                id: unique_id(s, name, "person"),
                name: name.to_string(),
                capacity_hours: crate::model::DEFAULT_CAPACITY_HOURS,
                other_hours: 0.0,
                annual_cost: None,
            })
        },
        actions,
    );
    ui.add_space(6.0);
    egui::ScrollArea::horizontal()
        .id_salt("people_scroll")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("people_table")
                .striped(true)
                .column(Column::initial(170.0).at_least(100.0))
                .column(Column::initial(84.0))
                .column(Column::initial(84.0))
                .column(Column::initial(150.0))
                .column(Column::initial(110.0))
                .column(Column::initial(64.0))
                .column(Column::initial(80.0))
                .header(ROW_HEIGHT, |mut h| {
                    for title in [
                        "Name",
                        "Capacity",
                        "Other duties",
                        "Annual cost",
                        "Seats",
                        "Load",
                        "",
                    ] {
                        h.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, s.people.len(), |mut row| {
                        let i = row.index();
                        let Some(p) = s.people.get(i) else { return };
                        row.col(|ui| {
                            let base = p.clone();
                            text_cell(
                                ui,
                                ("person-name", &p.id),
                                &format!("Name of {}", p.name),
                                &p.name,
                                |name| Edit::UpdatePerson(Person { name, ..base }),
                                format!("person:{}:name", p.id),
                                actions,
                            );
                        });
                        row.col(|ui| {
                            let base = p.clone();
                            number_cell(
                                ui,
                                &format!("Capacity of {}, hours a week", p.name),
                                p.capacity_hours,
                                0.0..=MAX_HOURS,
                                0.5,
                                " h",
                                |v| {
                                    Edit::UpdatePerson(Person {
                                        capacity_hours: v,
                                        ..base
                                    })
                                },
                                format!("person:{}:capacity", p.id),
                                actions,
                            );
                        });
                        row.col(|ui| {
                            let base = p.clone();
                            number_cell(
                                ui,
                                &format!("Other duties of {}, hours a week", p.name),
                                p.other_hours,
                                0.0..=MAX_HOURS,
                                0.5,
                                " h",
                                |v| {
                                    Edit::UpdatePerson(Person {
                                        other_hours: v,
                                        ..base
                                    })
                                },
                                format!("person:{}:other", p.id),
                                actions,
                            );
                        });
                        row.col(|ui| cost_cell(ui, p, actions));
                        row.col(|ui| {
                            let pm = doc.analysis.seats.pm_of.get(i).map_or(0, Vec::len);
                            let po = doc.analysis.seats.po_of.get(i).map_or(0, Vec::len);
                            ui.label(match (pm, po) {
                                (0, 0) => "no seat".to_string(),
                                (pm, 0) => format!("PM ×{pm}"),
                                (0, po) => format!("PO ×{po}"),
                                (pm, po) => format!("PM ×{pm}, PO ×{po}"),
                            });
                        });
                        row.col(|ui| {
                            if let Some(l) = doc.analysis.loads.people.get(i) {
                                ui.label(format!("{} h", hours(l.load_hours())));
                            }
                        });
                        row.col(|ui| {
                            remove_button(ui, &p.name, Edit::RemovePerson(p.id.clone()), actions)
                        });
                    });
                });
        });
}

/// The annual cost: a box to say whether the person has one, and the amount.
fn cost_cell(ui: &mut Ui, p: &Person, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let mut known = p.annual_cost.is_some();
        if ui
            .checkbox(&mut known, "")
            .on_hover_text(format!(
                "{} has a known annual cost (else the default of their seat)",
                p.name
            ))
            .changed()
        {
            let annual_cost = known.then_some(100_000.0);
            actions.push(Action::Edit(Edit::UpdatePerson(Person {
                annual_cost,
                ..p.clone()
            })));
        }
        if let Some(cost) = p.annual_cost {
            let base = p.clone();
            number_cell(
                ui,
                &format!("Annual cost of {}, dollars", p.name),
                cost,
                0.0..=MAX_COST,
                500.0,
                "",
                |v| {
                    Edit::UpdatePerson(Person {
                        annual_cost: Some(v),
                        ..base
                    })
                },
                format!("person:{}:cost", p.id),
                actions,
            );
        } else {
            ui.weak("seat default");
        }
    });
}
