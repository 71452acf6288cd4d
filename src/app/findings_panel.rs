//! The findings, grouped by severity. Clicking one selects what it is about. While a
//! growth is previewed, the findings are the preview's: new ones are marked, and those it
//! would clear are listed last.

use std::collections::HashMap;

use egui::{Color32, Sense, Ui, WidgetInfo};

use crate::findings::{Finding, Severity};

use super::action::Action;
use super::growth::{FindingChange, GrowthInputs};
use super::sources_view::{citation_text, source_links_ui};
use super::state::AppState;
use super::theme;

/// One row of the list: a severity's heading, a finding (its index in the findings shown),
/// or, while a growth is previewed, the heading and the findings (indices) it would clear.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Heading(Severity, usize),
    Finding(usize, Mark),
    ClearedHeading(usize),
    Cleared(usize),
}

/// How a finding compares with the scenario as it is, while a growth is previewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// As it is (no preview, or the preview has it too).
    Same,
    /// The growth would raise it.
    New,
    /// The growth would change its numbers.
    Changed,
    /// The growth would clear it.
    Cleared,
}

/// A finding row's mark, and for a changed one its message before the growth.
#[derive(Clone, Copy)]
struct FindingRow<'a> {
    mark: Mark,
    was: Option<&'a str>,
}

/// The height of a finding's line of source links.
const SOURCE_LINE_HEIGHT: f32 = 18.0;

/// Space around a finding's text.
const ROW_PADDING: f32 = 4.0;
/// The width of the severity tag before a finding's text.
const TAG_WIDTH: f32 = 58.0;

/// What the rows were worked out for: the document's generation, the growth previewed, the
/// text width and the font size.
type RowsKey = (u64, Option<GrowthInputs>, u32, u32);

/// The rows of the findings list and where each starts, for one text width: worked out
/// once per change, not per frame. A finding's height is kept by its text, so after an edit
/// only the findings it reworded are measured again.
#[derive(Clone, Debug, Default)]
pub struct FindingRows {
    made_for: Option<RowsKey>,
    heights: HashMap<String, f32>,
    /// Each row and its top.
    rows: Vec<(Row, f32)>,
    total: f32,
}

/// The findings a frame lists: the scenario's or the previewed growth's, with the marks of
/// a preview and the findings it would clear.
struct Listed<'a> {
    findings: &'a [Finding],
    changes: &'a [FindingChange],
    cleared: &'a [Finding],
}

impl FindingRows {
    /// Brings the rows up to date with the findings listed, for text `width`.
    fn update(&mut self, ui: &Ui, listed: &Listed, key: RowsKey) {
        if self.made_for.as_ref() == Some(&key) {
            return;
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = f32::from_bits(key.2);
        if self
            .made_for
            .as_ref()
            .is_none_or(|made| (made.2, made.3) != (key.2, key.3))
        {
            self.heights.clear();
        }
        self.made_for = Some(key);
        self.rows.clear();
        let mut used = HashMap::with_capacity(listed.findings.len() + listed.cleared.len());
        let mut height_of = |f: &Finding| {
            let text = match self.heights.get(&f.message) {
                Some(h) => *h,
                None => {
                    let galley = ui.fonts_mut(|fonts| {
                        fonts.layout(f.message.clone(), font.clone(), Color32::WHITE, width)
                    });
                    galley.size().y
                }
            };
            used.insert(f.message.clone(), text);
            let sources = if f.source().is_empty() {
                0.0
            } else {
                SOURCE_LINE_HEIGHT
            };
            text + 2.0 * ROW_PADDING + sources
        };
        let mut y = 0.0;
        for severity in Severity::ALL {
            let count = listed
                .findings
                .iter()
                .filter(|f| f.severity == severity)
                .count();
            if count == 0 {
                continue;
            }
            self.rows.push((Row::Heading(severity, count), y));
            y += theme::FINDING_ROW_HEIGHT;
            for (i, f) in listed.findings.iter().enumerate() {
                if f.severity != severity {
                    continue;
                }
                let mark = match listed.changes.get(i) {
                    Some(FindingChange::New) => Mark::New,
                    Some(FindingChange::Changed(_)) => Mark::Changed,
                    _ => Mark::Same,
                };
                self.rows.push((Row::Finding(i, mark), y));
                y += height_of(f);
            }
        }
        if !listed.cleared.is_empty() {
            self.rows
                .push((Row::ClearedHeading(listed.cleared.len()), y));
            y += theme::FINDING_ROW_HEIGHT;
            for (i, f) in listed.cleared.iter().enumerate() {
                self.rows.push((Row::Cleared(i), y));
                y += height_of(f);
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
    let growth = &state.view.growth;
    let preview = growth.preview(&state.doc);
    let listed = Listed {
        findings: &growth.shown(&state.doc).1.findings,
        changes: preview.map_or(&[][..], |p| p.marks.findings.as_slice()),
        cleared: preview.map_or(&[][..], |p| p.marks.cleared.as_slice()),
    };
    let count = listed.findings.len();
    if preview.is_some() {
        ui.strong(format!("Findings ({count}), previewed growth"));
    } else {
        ui.strong(format!("Findings ({count})"));
    }
    if listed.findings.is_empty() && listed.cleared.is_empty() {
        ui.label(
            "No findings: nobody is overloaded, every seat is filled and every card is placed.",
        );
        return;
    }
    let previewed = preview.and(growth.inputs.clone());
    let mut cache = state.view.shown.findings.borrow_mut();
    egui::ScrollArea::vertical()
        .id_salt("findings_list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            let text_width = (width - TAG_WIDTH - ROW_PADDING * 2.0).max(40.0);
            let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
            let key = (
                state.doc.generation,
                previewed,
                text_width.to_bits(),
                font_size.to_bits(),
            );
            cache.update(ui, &listed, key);
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
                let finding = |f: Option<&Finding>, row: FindingRow, row_ui: &mut Ui, actions| {
                    if let Some(f) = f {
                        finding_row_ui(row_ui, state, f, row, text_width, actions);
                    }
                };
                match row {
                    Row::Heading(severity, count) => heading_ui(&mut row_ui, severity, count),
                    Row::ClearedHeading(count) => {
                        row_ui.strong(format!("The growth would clear ({count})"));
                    }
                    Row::Finding(f, mark) => {
                        let was = match listed.changes.get(f) {
                            Some(FindingChange::Changed(now)) => Some(now.as_str()),
                            _ => None,
                        };
                        let row = FindingRow { mark, was };
                        finding(listed.findings.get(f), row, &mut row_ui, actions)
                    }
                    Row::Cleared(f) => {
                        let row = FindingRow {
                            mark: Mark::Cleared,
                            was: None,
                        };
                        finding(listed.cleared.get(f), row, &mut row_ui, actions)
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
    row: FindingRow,
    text_width: f32,
    actions: &mut Vec<Action>,
) {
    let mark = row.mark;
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
    } else if matches!(mark, Mark::New | Mark::Changed) {
        ui.painter().rect_filled(rect, 4.0, theme::highlight_fill());
    }
    let tag_colour = theme::severity_text_colour(f.severity, ui.visuals().dark_mode);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (label, tag_font) = match mark {
        Mark::Same => (tag(f.severity), font.clone()),
        Mark::New => ("NEW", font.clone()),
        // The longest tag, smaller so that it fits the tag's column.
        Mark::Changed => ("CHANGED", egui::TextStyle::Small.resolve(ui.style())),
        Mark::Cleared => ("GONE", font.clone()),
    };
    ui.painter().text(
        rect.left_top() + egui::vec2(ROW_PADDING, ROW_PADDING),
        egui::Align2::LEFT_TOP,
        label,
        tag_font,
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
    let was = row
        .was
        .map_or(String::new(), |was| format!("\n\nBefore the growth: {was}"));
    let response = response.on_hover_text(format!(
        "{}{was}\n\n{} ({}){source}",
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
