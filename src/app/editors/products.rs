//! The products table.

use egui::Ui;

use super::cells::{add_row_ui, choice, person_choice, remove_button, text_cell};
use super::table::{TableSpec, editor_table};
use crate::app::action::{Action, SeatIntent, SeatRef};
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{Market, Product, Stage};
use crate::num::counted;

const MARKETS: [(Market, &str); 2] = [(Market::Stable, "Stable"), (Market::Evolving, "Evolving")];
const STAGES: [(Option<Stage>, &str); 4] = [
    (None, "(not set)"),
    (Some(Stage::Discovery), "Discovery"),
    (Some(Stage::Growth), "Growth"),
    (Some(Stage::Mature), "Mature"),
];

const TABLE: TableSpec = TableSpec {
    id: "products",
    columns: &[
        ("Name", 180.0),
        ("Market", 100.0),
        ("Stage", 110.0),
        ("Product manager", 150.0),
        ("Teams and cards", 120.0),
        ("", 80.0),
    ],
};

/// Add, rename and remove products; market, stage and PM.
pub fn products_editor_ui(
    ui: &mut Ui,
    doc: &Document,
    new_name: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("Products");
    add_row_ui(
        ui,
        new_name,
        "Name of a new product",
        "Add product",
        |name| {
            Edit::AddProduct(Product {
                id: unique_id(s, name, "product"),
                name: name.to_string(),
                market: Market::Stable,
                stage: None,
                pm: None,
                pm_locked: false,
                checklist: Default::default(),
                cards: Vec::new(),
            })
        },
        actions,
    );
    ui.add_space(6.0);
    editor_table(ui, &TABLE, &s.products, |row, i, p| {
        let update = |name: String, market: Market, stage: Option<Stage>| Edit::UpdateProduct {
            id: p.id.clone(),
            name,
            market,
            stage,
            pm_locked: p.pm_locked,
        };
        row.col(|ui| {
            text_cell(
                ui,
                ("product-name", &p.id),
                &format!("Name of product {}", p.name),
                &p.name,
                |name| update(name, p.market, p.stage),
                format!("product:{}:name", p.id),
                actions,
            );
        });
        row.col(|ui| {
            if let Some(market) = choice(
                ui,
                ("market", &p.id),
                &format!("Market of {}", p.name),
                p.market,
                &MARKETS,
            ) {
                actions.push(Action::Edit(update(p.name.clone(), market, p.stage)));
            }
        });
        row.col(|ui| {
            if let Some(stage) = choice(
                ui,
                ("stage", &p.id),
                &format!("Stage of {}", p.name),
                p.stage,
                &STAGES,
            ) {
                actions.push(Action::Edit(update(p.name.clone(), p.market, stage)));
            }
        });
        row.col(|ui| {
            let name = format!("Product manager of {}", p.name);
            if let Some(person) =
                person_choice(ui, ("product-pm", &p.id), &name, doc, p.pm.as_deref())
            {
                actions.push(Action::Seat {
                    seat: SeatRef::Pm {
                        product: p.id.clone(),
                    },
                    intent: SeatIntent::Give(person),
                });
            }
        });
        row.col(|ui| {
            let teams = doc.analysis.seats.teams_of.get(i).map_or(0, Vec::len);
            ui.label(format!(
                "{}, {}",
                counted(teams, "team", "teams"),
                counted(p.cards.len(), "card", "cards")
            ));
        });
        row.col(|ui| remove_button(ui, &p.name, Edit::RemoveProduct(p.id.clone()), actions));
    });
}
