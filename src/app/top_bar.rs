//! The window's chrome: the menu bar with undo, redo, presentation, suggest, theme and the
//! timebox, the File menu, and the status line.

use crate::num::{dollars, hours};

use super::state::AppState;
use super::view::Tab;
use std::time::Duration;

use egui::Ui;

use super::action::Action;
use super::command::Command;
use super::compare::CompareAction;
use super::dialogs::ExportKind;
use super::theme;
use super::timer::{Timer, TimerAction, clock};

pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, actions));
        ui.menu_button("Edit", |ui| {
            let undo = state.doc.history.undo_label().is_some();
            let redo = state.doc.history.redo_label().is_some();
            for (command, enabled) in [(Command::Undo, undo), (Command::Redo, redo)] {
                if command.menu_button(ui, enabled) {
                    actions.push(Action::Command(command));
                }
            }
            ui.separator();
            let card = state.view.selection.card.is_some();
            for column in crate::model::Column::ALL {
                if Command::MoveTo(column).menu_button(ui, card) {
                    actions.push(Action::Command(Command::MoveTo(column)));
                }
            }
        });
        ui.menu_button("View", |ui| {
            for command in [
                Command::Find,
                Command::Presentation,
                Command::ToggleTheme,
                Command::ZoomIn,
                Command::ZoomOut,
                Command::ZoomReset,
                Command::Timer,
                Command::Help,
            ] {
                if command.menu_button(ui, true) {
                    actions.push(Action::Command(command));
                    ui.close();
                }
            }
        });
        ui.separator();
        let marker = if state.is_dirty() { " *" } else { "" };
        ui.strong(format!("{}{marker}", state.doc.scenario.name))
            .on_hover_text(if state.is_dirty() {
                "Unsaved changes"
            } else {
                "No unsaved changes"
            });
        ui.separator();
        let history = &state.doc.history;
        for (command, label) in [
            (Command::Undo, history.undo_label()),
            (Command::Redo, history.redo_label()),
        ] {
            let word = command.label();
            let nothing = format!("Nothing to {}", word.to_lowercase());
            if ui
                .add_enabled(label.is_some(), egui::Button::new(word))
                .on_hover_text(label.map_or(nothing.clone(), |l| format!("{word}: {l}")))
                .on_disabled_hover_text(nothing)
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
        ui.separator();
        let presenting = state.prefs.presentation;
        let label = if presenting {
            "Leave presentation"
        } else {
            "Present"
        };
        if ui
            .selectable_label(presenting, label)
            .on_hover_text("Presentation mode (F11): large text, editors hidden")
            .clicked()
        {
            actions.push(Action::Command(Command::Presentation));
        }
        let suggest_tip = format!(
            "Suggest moves that clear errors, overload and parked work ({})",
            Command::Suggest.shortcut_text(ui.ctx())
        );
        if ui.button("Suggest").on_hover_text(suggest_tip).clicked() {
            actions.push(Action::Command(Command::Suggest));
        }
        let theme = if state.prefs.dark {
            "Light theme"
        } else {
            "Dark theme"
        };
        if ui
            .button(theme)
            .on_hover_text("Switch between the light and the dark theme")
            .clicked()
        {
            actions.push(Action::Command(Command::ToggleTheme));
        }
        if presenting {
            ui.separator();
            product_picker_ui(ui, state, actions);
            ui.separator();
            timer_ui(ui, &state.timer, state.view.now, true, actions);
        } else if state.timer.is_running() || state.timer.elapsed(state.view.now) > 0.0 {
            ui.separator();
            timer_ui(ui, &state.timer, state.view.now, false, actions);
        }
        if ui
            .button("Help")
            .on_hover_text("Keyboard and mouse help (F1)")
            .clicked()
        {
            actions.push(Action::Command(Command::Help));
        }
    });
}

/// The File menu: new, open, recent, save, export, compare.
pub fn file_menu_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    fn command(ui: &mut egui::Ui, c: Command, actions: &mut Vec<Action>) {
        if c.menu_button(ui, true) {
            actions.push(Action::Command(c));
            ui.close();
        }
    }
    command(ui, Command::New, actions);
    ui.menu_button("New from a sample", |ui| {
        for sample in &crate::samples::SAMPLES {
            if let Ok(scenario) = sample.scenario()
                && ui.button(&scenario.name).clicked()
            {
                actions.push(Action::New(Box::new(scenario)));
                ui.close();
            }
        }
    });
    command(ui, Command::Open, actions);
    ui.menu_button("Open recent", |ui| {
        if state.prefs.recent.is_empty() {
            ui.weak("No recent files yet");
        }
        for path in &state.prefs.recent {
            if ui.button(path.display().to_string()).clicked() {
                actions.push(Action::Open(path.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    command(ui, Command::Save, actions);
    command(ui, Command::SaveAs, actions);
    ui.separator();
    ui.menu_button("Export", |ui| {
        use crate::export::ExportFormat;
        for kind in [
            ExportKind::Split(ExportFormat::Md),
            ExportKind::Split(ExportFormat::Csv),
            ExportKind::Split(ExportFormat::Html),
            ExportKind::Split(ExportFormat::Matrix),
            ExportKind::Png,
        ] {
            command(ui, Command::Export(kind), actions);
        }
        // The workshop's minutes (issue 18).
        ui.menu_button("Minutes", |ui| {
            for format in [ExportFormat::MinutesMd, ExportFormat::MinutesHtml] {
                command(ui, Command::Export(ExportKind::Split(format)), actions);
            }
        });
    });
    if ui.button("Compare with a saved scenario…").clicked() {
        actions.push(Action::SetTab(Tab::Compare));
        actions.push(Action::Compare(CompareAction::AddFile));
        ui.close();
    }
    command(ui, Command::ImportFile, actions);
}

/// In presentation mode, where the products list is hidden: the product on the board.
pub fn product_picker_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let current = state
        .view
        .selection
        .product
        .as_deref()
        .map_or("", |p| s.name_of(p));
    egui::ComboBox::from_id_salt("present_product")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for p in &s.products {
                if ui
                    .selectable_label(
                        state.view.selection.product.as_deref() == Some(p.id.as_str()),
                        &p.name,
                    )
                    .clicked()
                {
                    actions.push(Action::SelectProduct(p.id.clone()));
                }
            }
        })
        .response
        .on_hover_text("The product on the board");
}

pub fn status_ui(ui: &mut egui::Ui, state: &AppState) {
    let a = &state.doc.analysis;
    ui.horizontal(|ui| {
        ui.label(format!(
            "Unassigned: {} h a week",
            hours(a.loads.total_unassigned_hours())
        ));
        ui.separator();
        ui.label(format!(
            "Unowned: {} h a week",
            hours(a.loads.total_unowned_hours())
        ));
        ui.separator();
        ui.label(format!(
            "Leadership cost: {} a year",
            dollars(a.leadership_cost)
        ));
        ui.separator();
        use crate::findings::Severity;
        ui.label(format!(
            "{} errors, {} warnings, {} information",
            a.count(Severity::Error),
            a.count(Severity::Warning),
            a.count(Severity::Info)
        ));
        if let Some(status) = &state.doc.status {
            ui.separator();
            ui.weak(status);
        }
    });
}

/// The timer's face and buttons. While it runs it asks for a repaint once a second;
/// paused or stopped, it asks for none.
pub fn timer_ui(ui: &mut Ui, timer: &Timer, now: f64, big: bool, actions: &mut Vec<Action>) {
    let remaining = timer.remaining(now);
    ui.horizontal(|ui| {
        let size = if big { 28.0 } else { 16.0 };
        let mut text = egui::RichText::new(clock(remaining))
            .size(size)
            .monospace()
            .strong();
        if remaining < 0.0 {
            text = text.color(theme::OVER);
        }
        let face = ui.label(text);
        let state = if remaining < 0.0 {
            "time is up"
        } else if timer.is_running() {
            "running"
        } else {
            "paused"
        };
        face.on_hover_text(format!("Timebox: {} left, {state}", clock(remaining)));
        if remaining < 0.0 {
            ui.colored_label(theme::OVER, "Time is up");
        }
        if timer.is_running() {
            if ui
                .button("Pause")
                .on_hover_text("Pause the timebox")
                .clicked()
            {
                actions.push(Action::Timer(TimerAction::Pause));
            }
        } else if ui
            .button("Start")
            .on_hover_text("Start the timebox")
            .clicked()
        {
            actions.push(Action::Timer(TimerAction::Start));
        }
        if ui
            .button("Reset")
            .on_hover_text("Reset the timebox")
            .clicked()
        {
            actions.push(Action::Timer(TimerAction::Reset));
        }
        let mut minutes = timer.length_seconds / 60.0;
        let response = ui
            .add(
                egui::DragValue::new(&mut minutes)
                    .range(1.0..=180.0)
                    .speed(0.5)
                    .suffix(" min")
                    .max_decimals(0),
            )
            .on_hover_text("Length of the timebox, minutes");
        if response.changed() {
            actions.push(Action::Timer(TimerAction::Length(minutes * 60.0)));
        }
    });
    if timer.is_running() {
        // Only while counting: one repaint a second keeps the face current.
        let fraction = remaining.rem_euclid(1.0);
        let wait = if fraction > 0.0 { fraction } else { 1.0 };
        ui.ctx()
            .request_repaint_after(Duration::from_secs_f64(wait.clamp(0.05, 1.0)));
    }
}
