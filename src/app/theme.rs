//! Every colour and size of the window, in one place. Colours come from the Okabe–Ito
//! palette, which people with the common kinds of colour blindness can tell apart; none
//! of them is ever the only sign of anything (words and marks go with them).

use egui::Color32;

/// Strategy work: blue.
pub const STRATEGY: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// Execution work: orange.
pub const EXECUTION: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
/// Other duties: grey.
pub const OTHER: Color32 = Color32::from_rgb(0x8C, 0x8C, 0x8C);
/// Over capacity, and error findings: vermillion.
pub const OVER: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Warning findings: reddish purple.
pub const WARNING: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
/// Information findings: sky blue.
pub const INFO: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// A highlighted card, seat or person: yellow.
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
/// The capacity line on load bars: white on the dark theme, black on the light one.
pub fn capacity_line(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xF5, 0xF5, 0xF5)
    } else {
        Color32::from_rgb(0x10, 0x10, 0x10)
    }
}

/// egui's fonts with Hack (egui's own monospace font, built in already) after Ubuntu in
/// the proportional family, for the symbols Ubuntu lacks: the arrow of a recorded move
/// ("Write user stories: PO → PM") and others users type. Installed once per context;
/// the fonts change from the next frame on.
pub fn install_fonts(ctx: &egui::Context) {
    let installed = egui::Id::unique("rolesplit_fonts_installed");
    if ctx.data(|d| d.get_temp::<bool>(installed)).unwrap_or(false) {
        return;
    }
    let mut fonts = egui::FontDefinitions::default();
    if let Some(proportional) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        let after_ubuntu = usize::from(!proportional.is_empty());
        proportional.insert(after_ubuntu, "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
    ctx.data_mut(|d| d.insert_temp(installed, true));
}

/// The height of a card on the board.
pub const CARD_HEIGHT: f32 = 56.0;
/// The height of a person's row in the people panel.
pub const PERSON_ROW_HEIGHT: f32 = 38.0;
/// The height of a finding's row.
pub const FINDING_ROW_HEIGHT: f32 = 22.0;

/// The colour of a kind of work.
pub fn kind_colour(kind: crate::model::Kind) -> Color32 {
    match kind {
        crate::model::Kind::Strategy => STRATEGY,
        crate::model::Kind::Execution => EXECUTION,
    }
}

/// The colour of a kind's word on a card: the kind's colour, darkened on the light
/// theme so that it keeps its contrast on a projector.
pub fn kind_text_colour(kind: crate::model::Kind, dark_mode: bool) -> Color32 {
    match (kind, dark_mode) {
        (crate::model::Kind::Strategy, true) => STRATEGY,
        (crate::model::Kind::Execution, true) => EXECUTION,
        (crate::model::Kind::Strategy, false) => Color32::from_rgb(0x00, 0x52, 0x80),
        (crate::model::Kind::Execution, false) => Color32::from_rgb(0x8A, 0x5C, 0x00),
    }
}

/// The colour of a severity.
pub fn severity_colour(severity: crate::findings::Severity) -> Color32 {
    match severity {
        crate::findings::Severity::Error => OVER,
        crate::findings::Severity::Warning => WARNING,
        crate::findings::Severity::Info => INFO,
    }
}

/// A severity's colour for text: darker on the light theme, for contrast.
pub fn severity_text_colour(severity: crate::findings::Severity, dark_mode: bool) -> Color32 {
    match (severity, dark_mode) {
        (_, true) => severity_colour(severity),
        (crate::findings::Severity::Error, false) => Color32::from_rgb(0xA8, 0x3C, 0x00),
        (crate::findings::Severity::Warning, false) => Color32::from_rgb(0x9A, 0x3E, 0x74),
        (crate::findings::Severity::Info, false) => Color32::from_rgb(0x1D, 0x66, 0x9A),
    }
}

/// A background tint for a highlighted element.
pub fn highlight_fill() -> Color32 {
    HIGHLIGHT.gamma_multiply(0.15)
}
