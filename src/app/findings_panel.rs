//! The findings, grouped by severity. Clicking one selects what it is about.

use egui::{Sense, Ui, WidgetInfo};

use crate::findings::{Finding, Severity};

use super::action::Action;
use super::state::AppState;
use super::theme;

enum Row<'a> {
    Heading(Severity, usize),
    Finding(&'a Finding),
}

/// The findings list; only the visible rows are drawn.
pub fn findings_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let findings = &state.doc.analysis.findings;
    ui.strong(format!("Findings ({})", findings.len()));
    if findings.is_empty() {
        ui.label(
            "No findings: nobody is overloaded, every seat is filled and every card is placed.",
        );
        return;
    }
    let mut rows = Vec::with_capacity(findings.len() + 3);
    for severity in Severity::ALL {
        let count = findings.iter().filter(|f| f.severity == severity).count();
        if count > 0 {
            rows.push(Row::Heading(severity, count));
            rows.extend(
                findings
                    .iter()
                    .filter(|f| f.severity == severity)
                    .map(Row::Finding),
            );
        }
    }
    egui::ScrollArea::vertical()
        .id_salt("findings_list")
        .auto_shrink([false, false])
        .show_rows(ui, theme::FINDING_ROW_HEIGHT, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                match row {
                    Row::Heading(severity, count) => {
                        ui.horizontal(|ui| {
                            ui.set_height(theme::FINDING_ROW_HEIGHT);
                            ui.label(
                                egui::RichText::new(format!("{} ({count})", severity.heading()))
                                    .strong()
                                    .color(theme::severity_text_colour(
                                        *severity,
                                        ui.visuals().dark_mode,
                                    )),
                            );
                        });
                    }
                    Row::Finding(f) => finding_row_ui(ui, state, f, actions),
                }
            }
        });
}

fn finding_row_ui(ui: &mut Ui, state: &AppState, f: &Finding, actions: &mut Vec<Action>) {
    let selected = state
        .view
        .selection
        .finding
        .as_ref()
        .is_some_and(|(rule, subjects)| rule == f.rule.id() && *subjects == f.subjects);
    let word = match f.severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARN",
        Severity::Info => "INFO",
    };
    let response = ui
        .horizontal(|ui| {
            ui.set_height(theme::FINDING_ROW_HEIGHT);
            ui.label(egui::RichText::new(word).small().strong().color(
                theme::severity_text_colour(f.severity, ui.visuals().dark_mode),
            ));
            ui.add(egui::Button::selectable(selected, &f.message).truncate())
        })
        .inner;
    let response = response.interact(Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &f.message));
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
