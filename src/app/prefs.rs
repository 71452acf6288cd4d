//! The window's preferences, remembered between runs in eframe's storage.

use std::path::{Path, PathBuf};

/// The window's preferences, remembered between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Presentation mode: large text, editors hidden.
    pub presentation: bool,
    /// The dark theme (else the light one).
    pub dark: bool,
    /// The zoom factor (Ctrl+plus / Ctrl+minus), presentation's enlargement included.
    pub zoom: f32,
    /// The timebox's length, in minutes.
    pub timer_minutes: f64,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            presentation: false,
            dark: true,
            zoom: 1.0,
            timer_minutes: 10.0,
            recent: Vec::new(),
        }
    }
}

/// How much larger everything is in presentation mode.
pub const PRESENTATION_ZOOM: f32 = 1.3;

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

impl Prefs {
    /// The zoom factor that "actual size" (Ctrl+0) goes back to.
    pub fn base_zoom(&self) -> f32 {
        if self.presentation {
            PRESENTATION_ZOOM
        } else {
            1.0
        }
    }

    /// Puts a path first in the recent files.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
