//! The articles behind the advice, in the window: a source number is a link that names
//! its publisher and title on hover and opens the Sources overlay on click; the overlay
//! (Help ▸ Sources) lists every article with what rolesplit takes from it and a plain note
//! on the strength of the evidence.

use egui::Ui;

use crate::sources::{self, EVIDENCE_NOTE, SOURCES, Source};

use super::action::Action;
use super::theme;

/// One line per source of a citation, for hover texts: "Source 003: Boundev (…) — [title]".
/// A citation that names no source of the list is shown as written.
pub fn citation_text(citation: &str) -> String {
    let lines: Vec<String> = sources::ids(citation)
        .filter_map(sources::get)
        .map(|s| format!("Source {}: {}", s.id, s.label()))
        .collect();
    if lines.is_empty() && !citation.trim().is_empty() {
        format!("Source: {citation}")
    } else {
        lines.join("\n")
    }
}

/// "source 004, 003" with each number a link: hover names the article, a click opens the
/// Sources overlay on it. Nothing for an empty citation.
pub fn source_links_ui(ui: &mut Ui, citation: &str, actions: &mut Vec<Action>) {
    let known: Vec<&'static Source> = sources::ids(citation).filter_map(sources::get).collect();
    if known.is_empty() {
        if !citation.trim().is_empty() {
            ui.weak(format!("source {citation}"));
        }
        return;
    }
    ui.weak(if known.len() == 1 {
        "source"
    } else {
        "sources"
    });
    for s in known {
        let response = ui
            .link(s.id)
            .on_hover_text(format!("Source {}: {}\n{}", s.id, s.publisher, s.title));
        if response.clicked() {
            actions.push(Action::ShowSources(Some(s.id)));
        }
    }
}

/// Remembers which source the overlay last brought into view.
fn scrolled_id() -> egui::Id {
    egui::Id::unique("sources_overlay_scrolled_to")
}

/// The Sources overlay: every article, the one clicked brought out, and the note on the
/// strength of the evidence.
pub fn sources_overlay_ui(ctx: &egui::Context, focus: Option<&str>, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("sources_overlay")).show(ctx, |ui| {
        // A fixed width: the list's frames and wrapped lines then lay out the same on
        // every frame.
        ui.set_width(620.0);
        ui.heading("Sources of the advice");
        ui.add(egui::Label::new(EVIDENCE_NOTE).wrap());
        ui.add_space(6.0);
        // A fixed height, so that the overlay keeps its place from frame to frame.
        let list_height = (ctx.content_rect().height() * 0.6).max(200.0);
        egui::ScrollArea::vertical()
            .id_salt("sources_list")
            .min_scrolled_height(list_height)
            .max_height(list_height)
            .show(ui, |ui| {
                for s in &SOURCES {
                    source_ui(ui, s, focus == Some(s.id));
                }
            });
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            actions.push(Action::CloseSources);
        }
    });
    if modal.should_close() {
        actions.push(Action::CloseSources);
    }
    if actions.last() == Some(&Action::CloseSources) {
        // Opened again on the same source, it is brought into view again.
        ctx.data_mut(|d| d.remove::<&str>(scrolled_id()));
    }
}

/// One article: number and publisher, title, kind and date, what rolesplit takes from it.
fn source_ui(ui: &mut Ui, s: &Source, focused: bool) {
    let mut frame = egui::Frame::group(ui.style());
    if focused {
        frame = frame
            .fill(theme::highlight_fill())
            .stroke(egui::Stroke::new(2.0, theme::HIGHLIGHT));
    }
    let response = frame.show(ui, |ui| {
        ui.set_width(590.0);
        ui.strong(format!("{}  {}", s.id, s.publisher));
        ui.add(egui::Label::new(s.title).wrap());
        let date = s
            .date
            .map_or("no date given".to_string(), |d| format!("dated {d}"));
        ui.weak(format!("{}, {date}", s.kind));
        ui.label("rolesplit takes from it:");
        for line in s.supports() {
            ui.add(egui::Label::new(format!("• {line}")).wrap());
        }
    });
    // Brought into view once, so that the list still scrolls by hand afterwards.
    let scrolled = scrolled_id();
    if focused && ui.data(|d| d.get_temp::<&str>(scrolled)) != Some(s.id) {
        response.response.scroll_to_me(Some(egui::Align::TOP));
        ui.data_mut(|d| d.insert_temp(scrolled, s.id));
    }
    ui.add_space(4.0);
}
