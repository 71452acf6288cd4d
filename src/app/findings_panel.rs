//! The findings, grouped by severity. Clicking one selects what it is about. While a
//! growth is previewed, the findings are the preview's: new ones are marked, and those it
//! would clear are listed last.

use egui::{Sense, Ui, WidgetInfo};

use crate::findings::{Finding, Severity};

use super::action::Action;
use super::sources_view::{citation_text, source_links_ui};
use super::state::AppState;
use super::theme;

enum Row<'a> {
    Heading(Severity, usize),
    Finding(&'a Finding, Mark),
    /// The heading of the findings a previewed growth would clear.
    ClearedHeading(usize),
}

/// How a finding compares with the scenario as it is, while a growth is previewed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// As it is (no preview, or the preview has it too).
    Same,
    /// The growth would raise it.
    New,
    /// The growth would clear it.
    Cleared,
}

/// The height of a finding's line of source links.
const SOURCE_LINE_HEIGHT: f32 = 18.0;

/// Space around a finding's text.
const ROW_PADDING: f32 = 4.0;
/// The width of the severity tag before a finding's text.
const TAG_WIDTH: f32 = 58.0;

/// The findings list: every finding in full, wrapped to the panel's width (a room cannot
/// read a tooltip); only the rows in view are drawn.
pub fn findings_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let preview = state.view.growth.preview(&state.doc);
    let findings = &state.view.growth.shown(&state.doc).1.findings;
    let cleared = preview.map_or(&[][..], |p| p.marks.cleared.as_slice());
    let mark = |i: usize| match preview.and_then(|p| p.marks.new_findings.get(i)) {
        Some(true) => Mark::New,
        _ => Mark::Same,
    };
    if preview.is_some() {
        ui.strong(format!("Findings ({}), previewed growth", findings.len()));
    } else {
        ui.strong(format!("Findings ({})", findings.len()));
    }
    if findings.is_empty() && cleared.is_empty() {
        ui.label(
            "No findings: nobody is overloaded, every seat is filled and every card is placed.",
        );
        return;
    }
    let mut rows = Vec::with_capacity(findings.len() + cleared.len() + 4);
    for severity in Severity::ALL {
        let count = findings.iter().filter(|f| f.severity == severity).count();
        if count > 0 {
            rows.push(Row::Heading(severity, count));
            rows.extend(
                findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.severity == severity)
                    .map(|(i, f)| Row::Finding(f, mark(i))),
            );
        }
    }
    if !cleared.is_empty() {
        rows.push(Row::ClearedHeading(cleared.len()));
        rows.extend(cleared.iter().map(|f| Row::Finding(f, Mark::Cleared)));
    }
    egui::ScrollArea::vertical()
        .id_salt("findings_list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            let text_width = (width - TAG_WIDTH - ROW_PADDING * 2.0).max(40.0);
            let font = egui::TextStyle::Body.resolve(ui.style());
            let colour = ui.visuals().text_color();
            let heading_height = theme::FINDING_ROW_HEIGHT;
            let top = ui.min_rect().top();
            let mut y = 0.0;
            for (i, row) in rows.iter().enumerate() {
                let height = match row {
                    Row::Heading(..) | Row::ClearedHeading(_) => heading_height,
                    Row::Finding(f, _) => {
                        // egui keeps laid-out text in a cache, so this is cheap on idle frames.
                        let galley = ui.fonts_mut(|fonts| {
                            fonts.layout(f.message.clone(), font.clone(), colour, text_width)
                        });
                        let sources = if f.source().is_empty() {
                            0.0
                        } else {
                            SOURCE_LINE_HEIGHT
                        };
                        galley.size().y + 2.0 * ROW_PADDING + sources
                    }
                };
                if y + height >= viewport.min.y && y <= viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        egui::pos2(ui.min_rect().left(), top + y),
                        egui::vec2(width, height),
                    );
                    let mut row_ui = ui.new_child(
                        egui::UiBuilder::new()
                            .id_salt(("findings_row", i))
                            .max_rect(rect),
                    );
                    match row {
                        Row::Heading(severity, count) => heading_ui(&mut row_ui, *severity, *count),
                        Row::ClearedHeading(count) => {
                            row_ui.strong(format!("The growth would clear ({count})"));
                        }
                        Row::Finding(f, mark) => {
                            finding_row_ui(&mut row_ui, state, f, *mark, text_width, actions)
                        }
                    }
                }
                y += height;
            }
            ui.set_min_height(y);
        });
}

fn heading_ui(ui: &mut Ui, severity: Severity, count: usize) {
    ui.horizontal(|ui| {
        ui.set_height(theme::FINDING_ROW_HEIGHT);
        ui.label(
            egui::RichText::new(format!("{} ({count})", severity.heading()))
                .strong()
                .color(theme::severity_text_colour(
                    severity,
                    ui.visuals().dark_mode,
                )),
        );
    });
}

/// One finding: its severity tag and its whole message, wrapped; a click selects what it is
/// about, the tooltip says why the rule exists and where it comes from.
fn finding_row_ui(
    ui: &mut Ui,
    state: &AppState,
    f: &Finding,
    mark: Mark,
    text_width: f32,
    actions: &mut Vec<Action>,
) {
    let selected = state
        .view
        .selection
        .finding
        .as_ref()
        .is_some_and(|(rule, subjects)| rule == f.rule.id() && *subjects == f.subjects);
    let rect = ui.max_rect();
    let response = ui.interact(
        rect,
        ui.scope_id().with(("finding", &f.subjects, f.rule.id())),
        Sense::click(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &f.message));
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
    } else if mark == Mark::New {
        ui.painter().rect_filled(rect, 4.0, theme::highlight_fill());
    }
    let tag_colour = theme::severity_text_colour(f.severity, ui.visuals().dark_mode);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label = match mark {
        Mark::Same => tag(f.severity),
        Mark::New => "NEW",
        Mark::Cleared => "GONE",
    };
    ui.painter().text(
        rect.left_top() + egui::vec2(ROW_PADDING, ROW_PADDING),
        egui::Align2::LEFT_TOP,
        label,
        font.clone(),
        tag_colour,
    );
    let text_colour = if selected {
        visuals.text_color()
    } else if mark == Mark::Cleared {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().text_color()
    };
    let galley =
        ui.fonts_mut(|fonts| fonts.layout(f.message.clone(), font, text_colour, text_width));
    let text_top = rect.top() + ROW_PADDING + galley.size().y;
    ui.painter().galley(
        rect.left_top() + egui::vec2(TAG_WIDTH + ROW_PADDING, ROW_PADDING),
        galley,
        text_colour,
    );
    let source = citation_text(f.source());
    let source = if source.is_empty() {
        source
    } else {
        format!("\n{source}")
    };
    let response = response.on_hover_text(format!(
        "{}\n\n{} ({}){source}",
        f.message,
        f.rule.why(),
        f.rule.id()
    ));
    if !f.source().is_empty() {
        // The source numbers under the message: hover names the article, a click opens it.
        let line = egui::Rect::from_min_max(
            egui::pos2(rect.left() + TAG_WIDTH + ROW_PADDING, text_top),
            egui::pos2(rect.right(), text_top + SOURCE_LINE_HEIGHT),
        );
        let mut line_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(line)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        source_links_ui(&mut line_ui, f.source(), actions);
    }
    if response.clicked() {
        actions.push(Action::SelectFinding {
            rule: f.rule.id().to_string(),
            subjects: f.subjects.clone(),
        });
    }
}

/// The short tag before a finding, in capitals so it reads as a tag.
fn tag(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARN",
        Severity::Info => "INFO",
    }
}
