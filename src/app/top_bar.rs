//! The window's chrome: the menu bar with undo, redo, presentation, suggest, theme and the
//! timebox, the File menu (the Workshop menu is `room_view.rs`'s), and the status line.

use crate::num::{counted, dollars, hours};

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
use super::widgets::button_width;

/// The menu bar. The timebox, the product picker (in presentation mode) and Help are laid
/// out first from the right edge, so they always show; the menus, the scenario's name and
/// the lesser buttons share what is left, and a button that does not fit is left out (each
/// is also in a menu).
pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        let mut right = Vec::new();
        egui::Sides::new().shrink_left().truncate().show(
            ui,
            |ui| left_of_top_bar_ui(ui, state, actions),
            |ui| right_of_top_bar_ui(ui, state, &mut right),
        );
        actions.append(&mut right);
    });
}

/// The right end of the menu bar, laid out from the right: Help, the timebox, the product.
fn right_of_top_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.menu_button("Help", |ui| {
        if Command::Help.menu_button(ui, true) {
            actions.push(Action::Command(Command::Help));
            ui.close();
        }
        if ui
            .button("Sources…")
            .on_hover_text("The articles behind the advice, and how strong the evidence is")
            .clicked()
        {
            actions.push(Action::ShowSources(None));
            ui.close();
        }
    })
    .response
    .on_hover_text("Keyboard and mouse help (F1), and the sources of the advice");
    let presenting = state.prefs.presentation;
    let timer = &state.workshop.timer;
    if presenting || timer.is_running() || timer.elapsed(state.view.now) > 0.0 {
        ui.separator();
        timer_ui(ui, timer, state.view.now, presenting, actions);
    }
    if presenting {
        ui.separator();
        product_picker_ui(ui, state, actions);
    }
}

/// The menus at the left of the bar.
const MENUS: [&str; 4] = ["File", "Edit", "View", "Workshop"];

/// The menus, the scenario's name and the buttons that fit.
fn left_of_top_bar_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let [file, edit, view, workshop] = MENUS;
    ui.menu_button(file, |ui| file_menu_ui(ui, state, actions));
    ui.menu_button(edit, |ui| edit_menu_ui(ui, state, actions));
    ui.menu_button(view, |ui| {
        for command in Command::ALL.into_iter().filter(|c| c.in_view_menu()) {
            if command.menu_button(ui, true) {
                actions.push(Action::Command(command));
                ui.close();
            }
        }
    });
    ui.menu_button(workshop, |ui| {
        super::room_view::workshop_menu_ui(ui, state, actions)
    });
    ui.separator();
    let buttons = top_bar_buttons(state);
    let widths: Vec<f32> = buttons.iter().map(|b| button_width(ui, b.text)).collect();
    // Normally the name keeps at least this much and the buttons take what is left after it,
    // in order; in presentation mode the buttons come first (the board names the product).
    let name_min = if state.prefs.presentation {
        0.0
    } else {
        140.0_f32.min(name_width(ui, state))
    };
    let mut room = ui.available_width() - name_min - ui.spacing().item_spacing.x;
    // Room is given in the buttons' order, but in presentation mode the way out comes first
    // (Undo and Redo keep their keys, and a narrow projector has room for few buttons).
    let mut order: Vec<usize> = (0..buttons.len()).collect();
    if state.prefs.presentation {
        order.sort_by_key(|&i| buttons[i].command != Command::Presentation);
    }
    let mut shown = vec![false; buttons.len()];
    for i in order {
        if widths[i] <= room {
            room -= widths[i] + ui.spacing().item_spacing.x;
            shown[i] = true;
        }
    }
    let buttons_width: f32 = widths
        .iter()
        .zip(&shown)
        .filter(|(_, s)| **s)
        .map(|(w, _)| w + ui.spacing().item_spacing.x)
        .sum();
    let name_room = ui.available_width() - buttons_width;
    let marker = if state.is_dirty() { " *" } else { "" };
    // Narrower than a word or two, the name (also in the window's title) is left out; in
    // presentation mode, narrower than a few words (a room cannot read "Enter…").
    let least = if state.prefs.presentation {
        140.0
    } else {
        40.0
    };
    if name_room >= least {
        ui.scope(|ui| {
            ui.set_max_width(name_room);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("{}{marker}", state.doc.scenario.name)).strong(),
                )
                .truncate(),
            )
            .on_hover_text(if state.is_dirty() {
                "Unsaved changes"
            } else {
                "No unsaved changes"
            });
        });
    }
    for (button, shown) in buttons.iter().zip(shown) {
        if !shown {
            continue;
        }
        let response = ui
            .add_enabled(
                button.enabled,
                egui::Button::selectable(button.selected, button.text),
            )
            .on_hover_text(&button.tip);
        if response.clicked() {
            actions.push(Action::Command(button.command));
        }
    }
}

/// A button of the menu bar that gives way when there is no room (it is in a menu too).
struct BarButton {
    command: Command,
    text: &'static str,
    tip: String,
    enabled: bool,
    selected: bool,
}

/// The menu bar's lesser buttons, in the order they are given room.
fn top_bar_buttons(state: &AppState) -> Vec<BarButton> {
    let history = &state.doc.history;
    let mut buttons = Vec::new();
    for (command, label) in [
        (Command::Undo, history.undo_label()),
        (Command::Redo, history.redo_label()),
    ] {
        let word = command.label();
        buttons.push(BarButton {
            command,
            text: word,
            tip: label.map_or(format!("Nothing to {}", word.to_lowercase()), |l| {
                format!("{word}: {l}")
            }),
            enabled: label.is_some(),
            selected: false,
        });
    }
    let presenting = state.prefs.presentation;
    buttons.push(BarButton {
        command: Command::Presentation,
        text: if presenting {
            "Leave presentation"
        } else {
            "Present"
        },
        tip: "Presentation mode (F11): large text, editors hidden".into(),
        enabled: true,
        selected: presenting,
    });
    buttons.push(BarButton {
        command: Command::Suggest,
        text: "Suggest",
        tip: "Suggest moves that clear errors, overload and parked work (Ctrl+G)".into(),
        enabled: true,
        selected: state.suggest.open,
    });
    buttons.push(BarButton {
        command: Command::ToggleTheme,
        text: if state.prefs.dark {
            "Light theme"
        } else {
            "Dark theme"
        },
        tip: "Switch between the light and the dark theme".into(),
        enabled: true,
        selected: false,
    });
    buttons
}

/// What the left of the bar needs in presentation mode for the menus and the button that
/// leaves it, with the separators between and a little to spare.
fn room_for_the_way_out(ui: &Ui) -> f32 {
    let gap = ui.spacing().item_spacing.x;
    let words = MENUS.iter().chain(&["Leave presentation"]);
    let buttons: f32 = words.map(|w| button_width(ui, w) + gap).sum();
    buttons + 4.0 * gap + 8.0
}

/// The width the scenario's name takes in full.
fn name_width(ui: &Ui, state: &AppState) -> f32 {
    button_width(ui, &state.doc.scenario.name)
}

/// The Edit menu: undo, redo, and moving the selected card.
fn edit_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
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
            ExportKind::Workbook,
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
        .map_or("", |p| state.doc.name_of(p));
    egui::ComboBox::from_id_salt("present_product")
        .selected_text(current)
        // Narrower on a narrow screen, so that the way out of presentation keeps its room.
        .width((ui.available_width() - room_for_the_way_out(ui)).clamp(90.0, 170.0))
        .truncate()
        .show_ui(ui, |ui| {
            super::widgets::visible_rows(ui, s.products.len(), |ui, i| {
                if let Some(p) = s.products.get(i)
                    && ui
                        .selectable_label(
                            state.view.selection.product.as_deref() == Some(p.id.as_str()),
                            &p.name,
                        )
                        .clicked()
                {
                    actions.push(Action::SelectProduct(p.id.clone()));
                }
            });
        })
        .response
        .on_hover_text("The product on the board");
}

pub fn status_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    // While a growth is previewed, its numbers.
    let (_, a) = state.view.growth.shown(&state.doc);
    // Wraps in a narrow window rather than running past its edge.
    ui.horizontal_wrapped(|ui| {
        // Each part whole: a part that does not fit goes to the next line as one.
        let part = |ui: &mut egui::Ui, text: String| ui.add(egui::Label::new(text).extend());
        part(
            ui,
            format!(
                "Unassigned: {} h a week",
                hours(a.loads.total_unassigned_hours())
            ),
        );
        ui.separator();
        part(
            ui,
            format!("Unowned: {} h a week", hours(a.loads.total_unowned_hours())),
        );
        ui.separator();
        part(
            ui,
            format!("Leadership cost: {} a year", dollars(a.leadership_cost)),
        );
        let region = state.doc.scenario.settings.cost_region;
        super::sources_view::source_links_ui(ui, crate::sources::cost_source(region), actions);
        ui.separator();
        use crate::findings::Severity;
        part(
            ui,
            format!(
                "{}, {}, {} information",
                counted(a.count(Severity::Error), "error", "errors"),
                counted(a.count(Severity::Warning), "warning", "warnings"),
                a.count(Severity::Info)
            ),
        );
        if let Some(status) = &state.doc.status {
            ui.separator();
            ui.weak(status);
        }
    });
}

/// The timer's face and buttons: the clock, "Time is up" once over, Start or Pause, Reset
/// and the length, in that order from the left. It is laid out inside the menu bar's
/// right-to-left end, so its parts are added from the right. While it runs it asks for a
/// repaint once a second; paused or stopped, it asks for none.
pub fn timer_ui(ui: &mut Ui, timer: &Timer, now: f64, big: bool, actions: &mut Vec<Action>) {
    let remaining = timer.remaining(now);
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
    if ui
        .button("Reset")
        .on_hover_text("Reset the timebox")
        .clicked()
    {
        actions.push(Action::Timer(TimerAction::Reset));
    }
    let (word, tip, action) = if timer.is_running() {
        ("Pause", "Pause the timebox", TimerAction::Pause)
    } else {
        ("Start", "Start the timebox", TimerAction::Start)
    };
    if ui.button(word).on_hover_text(tip).clicked() {
        actions.push(Action::Timer(action));
    }
    if remaining < 0.0 {
        ui.colored_label(theme::OVER, "Time is up");
    }
    let size = if big { 28.0 } else { 16.0 };
    let mut text = egui::RichText::new(clock(remaining))
        .size(size)
        .monospace()
        .strong();
    if remaining < 0.0 {
        text = text.color(theme::OVER);
    }
    let state = if remaining < 0.0 {
        "time is up"
    } else if timer.is_running() {
        "running"
    } else {
        "paused"
    };
    ui.label(text)
        .on_hover_text(format!("Timebox: {} left, {state}", clock(remaining)));
    if timer.is_running() {
        // Only while counting: one repaint a second keeps the face current.
        let fraction = remaining.rem_euclid(1.0);
        let wait = if fraction > 0.0 { fraction } else { 1.0 };
        ui.ctx()
            .request_repaint_after(Duration::from_secs_f64(wait.clamp(0.05, 1.0)));
    }
}
