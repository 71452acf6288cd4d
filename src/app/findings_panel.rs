//! The findings, grouped by severity. Clicking one selects what it is about.

use egui::{Sense, Ui, WidgetInfo};

use crate::findings::{Finding, Severity};

use super::action::Action;
use super::state::AppState;
use super::theme;

/// Space around a finding's text.
const ROW_PADDING: f32 = 4.0;
/// The width of the severity tag before a finding's text.
const TAG_WIDTH: f32 = 58.0;

/// One row of the list: a severity's heading, or a finding (its index).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Heading(Severity, usize),
    Finding(usize),
}

/// The rows of the findings list and where each starts, for one text width: worked out
/// once per change, not per frame. A finding's height is kept by its text, so after an edit
/// only the findings it reworded are measured again.
#[derive(Clone, Debug, Default)]
pub struct FindingRows {
    made_for: Option<(u64, u32, u32)>,
    heights: std::collections::HashMap<String, f32>,
    /// Each row and its top.
    rows: Vec<(Row, f32)>,
    total: f32,
}

impl FindingRows {
    /// Brings the rows up to date with the findings, for text `width` in `font`.
    fn update(&mut self, ui: &Ui, findings: &[Finding], generation: u64, width: f32) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let key = (generation, width.to_bits(), font.size.to_bits());
        if self.made_for == Some(key) {
            return;
        }
        if self
            .made_for
            .is_none_or(|(_, w, f)| (w, f) != (key.1, key.2))
        {
            self.heights.clear();
        }
        self.made_for = Some(key);
        self.rows.clear();
        let mut y = 0.0;
        let mut used = std::collections::HashMap::with_capacity(findings.len());
        for severity in Severity::ALL {
            let count = findings.iter().filter(|f| f.severity == severity).count();
            if count == 0 {
                continue;
            }
            self.rows.push((Row::Heading(severity, count), y));
            y += theme::FINDING_ROW_HEIGHT;
            for (i, f) in findings.iter().enumerate() {
                if f.severity != severity {
                    continue;
                }
                let height = match self.heights.get(&f.message) {
                    Some(h) => *h,
                    None => {
                        let galley = ui.fonts_mut(|fonts| {
                            fonts.layout(
                                f.message.clone(),
                                font.clone(),
                                egui::Color32::WHITE,
                                width,
                            )
                        });
                        galley.size().y + 2.0 * ROW_PADDING
                    }
                };
                used.insert(f.message.clone(), height);
                self.rows.push((Row::Finding(i), y));
                y += height;
            }
        }
        // Only the texts shown now are kept.
        self.heights = used;
        self.total = y;
    }
}

/// The findings list: every finding in full, wrapped to the panel's width (a room cannot
/// read a tooltip); only the rows in view are drawn.
pub fn findings_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let findings = &state.doc.analysis.findings;
    ui.strong(format!("Findings ({})", findings.len()));
    if findings.is_empty() {
        ui.label(
            "No findings: nobody is overloaded, every seat is filled and every card is placed.",
        );
        return;
    }
    let mut cache = state.view.shown.findings.borrow_mut();
    egui::ScrollArea::vertical()
        .id_salt("findings_list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            let text_width = (width - TAG_WIDTH - ROW_PADDING * 2.0).max(40.0);
            cache.update(ui, findings, state.doc.generation, text_width);
            let top = ui.min_rect().top();
            let first = cache
                .rows
                .partition_point(|(_, y)| *y <= viewport.min.y)
                .saturating_sub(1);
            for (i, &(row, y)) in cache.rows.iter().enumerate().skip(first) {
                if y > viewport.max.y {
                    break;
                }
                let bottom = cache.rows.get(i + 1).map_or(cache.total, |(_, next)| *next);
                let rect = egui::Rect::from_min_size(
                    egui::pos2(ui.min_rect().left(), top + y),
                    egui::vec2(width, bottom - y),
                );
                let mut row_ui = ui.new_child(
                    egui::UiBuilder::new()
                        .id_salt(("findings_row", i))
                        .max_rect(rect),
                );
                match row {
                    Row::Heading(severity, count) => heading_ui(&mut row_ui, severity, count),
                    Row::Finding(f) => {
                        if let Some(f) = findings.get(f) {
                            finding_row_ui(&mut row_ui, state, f, text_width, actions);
                        }
                    }
                }
            }
            ui.set_min_height(cache.total);
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
    }
    let tag_colour = theme::severity_text_colour(f.severity, ui.visuals().dark_mode);
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.painter().text(
        rect.left_top() + egui::vec2(ROW_PADDING, ROW_PADDING),
        egui::Align2::LEFT_TOP,
        tag(f.severity),
        font.clone(),
        tag_colour,
    );
    let text_colour = if selected {
        visuals.text_color()
    } else {
        ui.visuals().text_color()
    };
    let galley =
        ui.fonts_mut(|fonts| fonts.layout(f.message.clone(), font, text_colour, text_width));
    ui.painter().galley(
        rect.left_top() + egui::vec2(TAG_WIDTH + ROW_PADDING, ROW_PADDING),
        galley,
        text_colour,
    );
    let source = if f.source().is_empty() {
        String::new()
    } else {
        format!("\nSource: {}", f.source())
    };
    let response = response.on_hover_text(format!(
        "{}\n\n{} ({}){source}",
        f.message,
        f.rule.why(),
        f.rule.id()
    ));
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
