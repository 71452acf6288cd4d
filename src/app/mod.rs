//! The window: state, panels and the one place that handles commands.

mod people;
mod theme;

use std::path::PathBuf;

use crate::analysis::{Analysis, analyze};
use crate::model::Scenario;

/// Everything the window shows: the scenario, its cached analysis and where it came from.
pub struct AppState {
    pub scenario: Scenario,
    /// Recomputed whenever the scenario changes, never per frame.
    pub analysis: Analysis,
    pub path: Option<PathBuf>,
    /// The product whose board is shown (an index into `scenario.products`).
    pub selected_product: usize,
}

impl AppState {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let analysis = analyze(&scenario);
        Self {
            scenario,
            analysis,
            path,
            selected_product: 0,
        }
    }

    /// The window title: the scenario's name, then the file's name.
    pub fn title(&self) -> String {
        match self.path.as_ref().and_then(|p| p.file_name()) {
            Some(file) => format!(
                "{} — {} — rolesplit",
                self.scenario.name,
                file.to_string_lossy()
            ),
            None => format!("{} — rolesplit", self.scenario.name),
        }
    }
}

/// The eframe application.
pub struct RolesplitApp {
    pub state: AppState,
}

impl RolesplitApp {
    pub fn new(state: AppState) -> Self {
        Self { state }
    }
}

impl eframe::App for RolesplitApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        workbench_ui(ui, &mut self.state);
    }
}

/// The whole window's content; draws into any `Ui`, so tests can run it in a harness.
pub fn workbench_ui(ui: &mut egui::Ui, state: &mut AppState) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(&state.scenario.name);
        });
    });
    egui::Panel::left("products")
        .default_size(220.0)
        .show(ui, |ui| {
            ui.strong("Products");
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, product) in state.scenario.products.iter().enumerate() {
                    if ui
                        .selectable_label(state.selected_product == i, &product.name)
                        .clicked()
                    {
                        state.selected_product = i;
                    }
                }
            });
        });
    egui::Panel::right("people")
        .default_size(340.0)
        .show(ui, |ui| {
            people::people_ui(ui, &state.scenario, &state.analysis);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        board_ui(ui, state);
    });
}

fn board_ui(ui: &mut egui::Ui, state: &AppState) {
    let s = &state.scenario;
    let Some(product) = s.products.get(state.selected_product) else {
        ui.label("This scenario has no products yet.");
        return;
    };
    ui.heading(&product.name);
    ui.columns(3, |columns| {
        for (ui, column) in columns.iter_mut().zip(crate::model::Column::ALL) {
            ui.strong(column.label());
            for card in product.cards.iter().filter(|c| c.column == column) {
                let title = s
                    .responsibility(&card.responsibility)
                    .map_or(card.responsibility.as_str(), |r| r.title.as_str());
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(title);
                });
            }
        }
    });
}

/// rolesplit's icon (`assets/icon.png`).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).unwrap_or_default()
}

/// Opens the window on a scenario.
pub fn run(scenario: Scenario, path: Option<PathBuf>) -> eframe::Result<()> {
    let state = AppState::new(scenario, path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(state.title())
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_icon(icon()),
        ..Default::default()
    };
    eframe::run_native(
        "rolesplit",
        options,
        Box::new(|_cc| Ok(Box::new(RolesplitApp::new(state)))),
    )
}
