//! Every colour and size of the window, in one place.

use egui::Color32;

/// Strategy work: blue (told apart from orange by colour-blind people too).
pub const STRATEGY: Color32 = Color32::from_rgb(0x1F, 0x77, 0xB4);
/// Execution work: orange.
pub const EXECUTION: Color32 = Color32::from_rgb(0xFF, 0x7F, 0x0E);
/// Other duties: grey.
pub const OTHER: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
/// Over capacity.
pub const OVER: Color32 = Color32::from_rgb(0xD6, 0x27, 0x28);
