//! The products table.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::cells::{ROW_HEIGHT, add_row_ui, choice, person_choice, remove_button, text_cell};
use crate::app::action::Action;
use crate::app::document::Document;
use crate::edit::{Edit, unique_id};
use crate::model::{Market, Product, Stage};

const MARKETS: [(Market, &str); 2] = [(Market::Stable, "Stable"), (Market::Evolving, "Evolving")];
const STAGES: [(Option<Stage>, &str); 4] = [
    (None, "(not set)"),
    (Some(Stage::Discovery), "Discovery"),
    (Some(Stage::Growth), "Growth"),
    (Some(Stage::Mature), "Mature"),
];

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
    egui::ScrollArea::horizontal()
        .id_salt("products_scroll")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("products_table")
                .striped(true)
                .column(Column::initial(180.0).at_least(100.0))
                .column(Column::initial(100.0))
                .column(Column::initial(110.0))
                .column(Column::initial(150.0))
                .column(Column::initial(120.0))
                .column(Column::initial(80.0))
                .header(ROW_HEIGHT, |mut h| {
                    for title in [
                        "Name",
                        "Market",
                        "Stage",
                        "Product manager",
                        "Teams and cards",
                        "",
                    ] {
                        h.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, s.products.len(), |mut row| {
                        let i = row.index();
                        let Some(p) = s.products.get(i) else { return };
                        let update = |name: String, market: Market, stage: Option<Stage>| {
                            Edit::UpdateProduct {
                                id: p.id.clone(),
                                name,
                                market,
                                stage,
                                pm_locked: p.pm_locked,
                            }
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
                                person_choice(ui, ("product-pm", &p.id), &name, s, p.pm.as_deref())
                            {
                                actions.push(Action::Edit(Edit::SetPm {
                                    product: p.id.clone(),
                                    person,
                                }));
                            }
                        });
                        row.col(|ui| {
                            let teams = doc.analysis.seats.teams_of.get(i).map_or(0, Vec::len);
                            ui.label(format!("{teams} teams, {} cards", p.cards.len()));
                        });
                        row.col(|ui| {
                            remove_button(ui, &p.name, Edit::RemoveProduct(p.id.clone()), actions)
                        });
                    });
                });
        });
}
