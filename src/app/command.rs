//! Commands: what menus, buttons and shortcuts do. Each has one label and one set of
//! shortcuts, shared by the menus and the keyboard.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Column;

/// Something the user asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// A new scenario from the reference catalogue.
    New,
    Open,
    Save,
    SaveAs,
    /// Writes an export through a save dialog.
    Export(super::dialogs::ExportKind),
    Undo,
    Redo,
    /// Moves the selected card to a column.
    MoveTo(Column),
    /// Puts the cursor in the search box.
    Find,
    /// Loads a CSV file or an Excel workbook to import, through a file dialog.
    ImportFile,
    /// Flags or unflags the selected card "needs discussion".
    FlagCard,
    /// Presentation mode on or off.
    Presentation,
    /// The light or the dark theme.
    ToggleTheme,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Starts or pauses the timebox.
    Timer,
    /// The help overlay on or off.
    Help,
    /// Looks for moves that lower the trouble.
    Suggest,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

impl Command {
    /// Every command in the order people read them (menus, help): Save before Save as,
    /// Undo before Redo. Shortcuts are matched most specific first (see `shortcut_order`).
    pub const ALL: [Command; 20] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
        Command::MoveTo(Column::Pm),
        Command::MoveTo(Column::Po),
        Command::MoveTo(Column::Unassigned),
        Command::FlagCard,
        Command::Suggest,
        Command::Find,
        Command::ImportFile,
        Command::Presentation,
        Command::ToggleTheme,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::Timer,
        Command::Help,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New from the catalogue",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::Export(kind) => match kind {
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::Md) => {
                    "Markdown (.md)…"
                }
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::Csv) => {
                    "CSV, one row per card (.csv)…"
                }
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::Html) => {
                    "HTML report (.html)…"
                }
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::Matrix) => {
                    "Responsibility matrix (.csv)…"
                }
                super::dialogs::ExportKind::Workbook => "Excel workbook (.xlsx)…",
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::MinutesMd) => {
                    "Minutes as Markdown (.md)…"
                }
                super::dialogs::ExportKind::Split(crate::export::ExportFormat::MinutesHtml) => {
                    "Minutes as HTML (.html)…"
                }
                super::dialogs::ExportKind::Png => "Image of the window (.png)…",
                super::dialogs::ExportKind::Comparison { html: false } => "Comparison as Markdown…",
                super::dialogs::ExportKind::Comparison { html: true } => "Comparison as HTML…",
            },
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::MoveTo(Column::Pm) => "Move card to PM",
            Command::MoveTo(Column::Po) => "Move card to PO",
            Command::MoveTo(Column::Unassigned) => "Move card to Unassigned",
            Command::Find => "Find products and cards",
            Command::ImportFile => "Import from CSV or Excel…",
            Command::FlagCard => "Flag card: needs discussion",
            Command::Presentation => "Presentation mode",
            Command::ToggleTheme => "Light or dark theme",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Actual size",
            Command::Timer => "Start or pause the timebox",
            Command::Help => "Keyboard and mouse help",
            Command::Suggest => "Suggest moves",
        }
    }

    /// The shortcuts, the first of which menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [shortcut(CMD_SHIFT, Key::S)];
        const UNDO: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [
            shortcut(CMD_SHIFT, Key::Z),
            shortcut(Modifiers::COMMAND, Key::Y),
        ];
        const PM: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Num1)];
        const PO: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Num2)];
        const UNASSIGNED: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Num3)];
        const FIND: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::F)];
        const NONE: [KeyboardShortcut; 0] = [];
        const FLAG: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::D)];
        const PRESENT: [KeyboardShortcut; 1] = [shortcut(Modifiers::NONE, Key::F11)];
        const THEME: [KeyboardShortcut; 1] = [shortcut(CMD_SHIFT, Key::L)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [
            shortcut(Modifiers::COMMAND, Key::Plus),
            shortcut(Modifiers::COMMAND, Key::Equals),
        ];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::Num0)];
        const TIMER: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::T)];
        const HELP: [KeyboardShortcut; 1] = [shortcut(Modifiers::NONE, Key::F1)];
        const SUGGEST: [KeyboardShortcut; 1] = [shortcut(Modifiers::COMMAND, Key::G)];
        match self {
            Command::New => &NEW,
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::Export(_) => &NONE,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::MoveTo(Column::Pm) => &PM,
            Command::MoveTo(Column::Po) => &PO,
            Command::MoveTo(Column::Unassigned) => &UNASSIGNED,
            Command::Find => &FIND,
            Command::ImportFile => &NONE,
            Command::FlagCard => &FLAG,
            Command::Presentation => &PRESENT,
            Command::ToggleTheme => &THEME,
            Command::ZoomIn => &ZOOM_IN,
            Command::ZoomOut => &ZOOM_OUT,
            Command::ZoomReset => &ZOOM_RESET,
            Command::Timer => &TIMER,
            Command::Help => &HELP,
            Command::Suggest => &SUGGEST,
        }
    }

    /// The first shortcut as text, e.g. "Ctrl+Z".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// Whether the View menu lists the command.
    pub fn in_view_menu(self) -> bool {
        matches!(
            self,
            Command::Find
                | Command::Presentation
                | Command::Suggest
                | Command::ToggleTheme
                | Command::ZoomIn
                | Command::ZoomOut
                | Command::ZoomReset
                | Command::Timer
                | Command::Help
        )
    }

    /// Whether a text field with the keyboard focus should keep this shortcut for itself.
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// A menu button for the command, with its shortcut.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let text = self.shortcut_text(ui.ctx());
        ui.add_enabled(enabled, egui::Button::new(self.label()).shortcut_text(text))
            .clicked()
    }
}

/// Every command's shortcuts, most specific first (Ctrl+Shift+Z before Ctrl+Z), so that a
/// shortcut is never taken by one with fewer modifiers.
pub fn shortcut_order() -> Vec<(Command, &'static KeyboardShortcut)> {
    let mut all: Vec<(Command, &'static KeyboardShortcut)> = Command::ALL
        .iter()
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, s)))
        .collect();
    let held = |m: Modifiers| {
        [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
            .iter()
            .filter(|b| **b)
            .count()
    };
    all.sort_by_key(|(_, s)| std::cmp::Reverse(held(s.modifiers)));
    all
}

#[cfg(test)]
mod tests {
    use crate::app::command::{Command, shortcut_order};
    use egui::Key;

    #[test]
    fn every_command_is_listed_once() {
        for command in Command::ALL {
            let times = Command::ALL.iter().filter(|c| **c == command).count();
            assert_eq!(times, 1, "{command:?} once");
        }
    }

    #[test]
    fn ctrl_shift_z_is_matched_before_ctrl_z() {
        let order = shortcut_order();
        let at = |command: Command, shift: bool| {
            order
                .iter()
                .position(|(c, s)| {
                    *c == command && s.logical_key == Key::Z && s.modifiers.shift == shift
                })
                .expect("listed")
        };
        assert!(at(Command::Redo, true) < at(Command::Undo, false));
    }
}
