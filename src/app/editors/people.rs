//! The people table.

use egui::Ui;

use super::cells::{add_row_ui, number_cell, remove_button, text_cell};
use super::table::{TableSpec, editor_table};
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{MAX_COST, MAX_HOURS, Person};
use crate::num::hours;

const TABLE: TableSpec = TableSpec {
    id: "people",
    columns: &[
        ("Name", 170.0),
        ("Capacity", 84.0),
        ("Other duties", 84.0),
        ("Annual cost", 150.0),
        ("Seats", 110.0),
        ("Load", 64.0),
        ("", 80.0),
    ],
};

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
    editor_table(ui, &TABLE, &s.people, |row, i, p| {
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
            let set = |p: &mut Person, v| p.capacity_hours = v;
            hours_cell(
                ui,
                p,
                "Capacity",
                "capacity",
                p.capacity_hours,
                set,
                actions,
            );
        });
        row.col(|ui| {
            let set = |p: &mut Person, v| p.other_hours = v;
            hours_cell(ui, p, "Other duties", "other", p.other_hours, set, actions);
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
        row.col(|ui| remove_button(ui, &p.name, Edit::RemovePerson(p.id.clone()), actions));
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
            let field = PersonField {
                label: format!("Annual cost of {}, dollars", p.name),
                key: "cost",
                range: 0.0..=MAX_COST,
                speed: 500.0,
                suffix: "",
            };
            let set = |p: &mut Person, v| p.annual_cost = Some(v);
            person_cell(ui, p, field, cost, set, actions);
        } else {
            ui.weak("seat default");
        }
    });
}

/// A number of a person's, its label and limits.
struct PersonField<'a> {
    label: String,
    /// Names the burst of typing that becomes one undo step.
    key: &'a str,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
    suffix: &'a str,
}

/// A person's hours a week (capacity, other duties), kept within a week's hours.
fn hours_cell(
    ui: &mut Ui,
    p: &Person,
    what: &str,
    key: &str,
    value: f64,
    set: impl FnOnce(&mut Person, f64),
    actions: &mut Vec<Action>,
) {
    let field = PersonField {
        label: format!("{what} of {}, hours a week", p.name),
        key,
        range: 0.0..=MAX_HOURS,
        speed: 0.5,
        suffix: " h",
    };
    person_cell(ui, p, field, value, set, actions);
}

/// A number cell of a person, as one undoable edit of the person per burst of typing.
fn person_cell(
    ui: &mut Ui,
    p: &Person,
    field: PersonField,
    value: f64,
    set: impl FnOnce(&mut Person, f64),
    actions: &mut Vec<Action>,
) {
    let mut person = p.clone();
    number_cell(
        ui,
        &field.label,
        value,
        field.range,
        field.speed,
        field.suffix,
        |v| {
            set(&mut person, v);
            Edit::UpdatePerson(person)
        },
        format!("person:{}:{}", p.id, field.key),
        actions,
    );
}
