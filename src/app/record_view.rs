//! The Record tab, the workshop record: the open points (cards flagged "needs
//! discussion"), the decisions with their dates, products and cards, and the actions with
//! owner, due date and done mark. Recording, editing, ticking done and removing are
//! undoable edits; the forms' input lives in `Editors::record`.

use egui::{RichText, Ui};

use crate::edit::{Edit, short_text};
use crate::model::Scenario;
use crate::record::{ActionItem, Date, Decision};

use super::action::{Action, CardIntent};
use super::document::Document;
use super::record_inputs::{ActionDraft, DecisionDraft, OwnerChoice, RecordInputs};
use super::theme;
use super::view::{Tab, View};

/// The whole tab: a summary, then open points, decisions and actions.
pub fn record_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &View,
    inputs: &mut RecordInputs,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    let today = view.today.date;
    egui::ScrollArea::vertical()
        .id_salt("record")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Workshop record");
            let c = s.record.counts(today);
            ui.label(format!(
                "What the room decided and who does what by when, kept in the scenario file. {} decisions, {} actions: {} open, {} overdue on {today}.",
                c.decisions, c.actions, c.open_actions, c.overdue_actions
            ));
            ui.add_space(8.0);
            open_points_ui(ui, s, actions);
            ui.add_space(12.0);
            ui.separator();
            decisions_ui(ui, s, today, &mut inputs.decision, actions);
            ui.add_space(12.0);
            ui.separator();
            actions_ui(ui, s, today, &mut inputs.action, actions);
        });
}

/// A label that wraps within `width`, so long texts stay readable in a grid.
fn wrapped(ui: &mut Ui, text: impl Into<egui::WidgetText>, width: f32) {
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The width left for the long text column of a grid whose other columns take `others`.
fn text_width(ui: &Ui, others: f32) -> f32 {
    (ui.available_width() - others).max(220.0)
}

/// The cards flagged "needs discussion", across all products, with their notes.
fn open_points_ui(ui: &mut Ui, s: &Scenario, actions: &mut Vec<Action>) {
    ui.heading("Open points");
    ui.label("Cards flagged “needs discussion”: parked for later, not lost. They go into the exports and the minutes too.");
    let flagged: Vec<(&crate::model::Product, &crate::model::Card)> = s
        .products
        .iter()
        .flat_map(|p| p.cards.iter().filter(|c| c.flagged).map(move |c| (p, c)))
        .collect();
    if flagged.is_empty() {
        ui.add_space(4.0);
        ui.weak("No open points. Flag a card from its details (click it on the board) or its right-click menu.");
        return;
    }
    let width = text_width(ui, 520.0);
    egui::Grid::new("open_points_grid")
        .striped(true)
        .num_columns(5)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for (product, card) in flagged {
                let title = s.name_of(&card.responsibility);
                ui.label(&product.name);
                ui.strong(title);
                ui.label(card.column.label());
                wrapped(
                    ui,
                    if card.note.is_empty() {
                        "(no note)"
                    } else {
                        card.note.as_str()
                    },
                    width,
                );
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Show")
                        .accessible_name(format!("Show {title}"))
                        .clicked()
                    {
                        actions.push(Action::SelectProduct(product.id.clone()));
                        actions.push(Action::SelectCard(Some(card.responsibility.clone())));
                        actions.push(Action::SetTab(Tab::Board));
                    }
                    if ui
                        .small_button("Resolved")
                        .accessible_name(format!("Resolved {title}"))
                        .clicked()
                    {
                        actions.push(Action::Card {
                            product: product.id.clone(),
                            responsibility: card.responsibility.clone(),
                            intent: CardIntent::Flag(false),
                        });
                    }
                });
                ui.end_row();
            }
        });
}

/// What a decision is about, in words: "Checkout · Refine and order the team backlog".
fn about(s: &Scenario, d: &Decision) -> String {
    let parts: Vec<&str> = [d.product.as_deref(), d.responsibility.as_deref()]
        .into_iter()
        .flatten()
        .map(|id| s.name_of(id))
        .collect();
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The decisions, by date, and the form to record one.
fn decisions_ui(
    ui: &mut Ui,
    s: &Scenario,
    today: Date,
    draft: &mut DecisionDraft,
    actions: &mut Vec<Action>,
) {
    ui.heading("Decisions");
    let mut decisions: Vec<&Decision> = s.record.decisions.iter().collect();
    decisions.sort_by_key(|d| d.date);
    if decisions.is_empty() {
        ui.weak("No decisions yet. Record one below, or from a card's right-click menu (“Record a decision…”), which starts from the move just made.");
    } else {
        let width = text_width(ui, 260.0);
        egui::Grid::new("decisions_grid")
            .striped(true)
            .num_columns(3)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for d in decisions {
                    let short = short_text(&d.text);
                    ui.label(d.date.to_string());
                    ui.vertical(|ui| {
                        wrapped(ui, RichText::new(&d.text).strong(), width);
                        ui.weak(about(s, d));
                    });
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("Edit")
                            .accessible_name(format!("Edit decision: {short}"))
                            .clicked()
                        {
                            *draft = DecisionDraft::editing(d);
                        }
                        if ui
                            .small_button("Remove")
                            .accessible_name(format!("Remove decision: {short}"))
                            .on_hover_text("Ctrl+Z brings it back")
                            .clicked()
                        {
                            actions.push(Action::Edit(Edit::RemoveDecision(d.id.clone())));
                        }
                    });
                    ui.end_row();
                }
            });
    }
    ui.add_space(8.0);
    decision_form_ui(ui, s, today, draft, actions);
}

/// Tries a form's edit: a problem (a bad date, a rule of the file) stays in the form;
/// an edit that applies is pushed and the form starts afresh.
fn submit(
    s: &Scenario,
    edit: Result<Edit, String>,
    problem: &mut Option<String>,
    actions: &mut Vec<Action>,
) -> bool {
    let checked = edit.and_then(|edit| match crate::edit::applied(s, &edit) {
        Ok(_) => Ok(edit),
        Err(e) => Err(e.to_string()),
    });
    match checked {
        Ok(edit) => {
            actions.push(Action::Edit(edit));
            true
        }
        Err(e) => {
            *problem = Some(e);
            false
        }
    }
}

fn problem_ui(ui: &mut Ui, problem: &Option<String>) {
    if let Some(problem) = problem {
        ui.colored_label(theme::OVER, format!("Not recorded: {problem}"));
    }
}

/// The form that records a new decision or changes one.
fn decision_form_ui(
    ui: &mut Ui,
    s: &Scenario,
    today: Date,
    draft: &mut DecisionDraft,
    actions: &mut Vec<Action>,
) {
    ui.group(|ui| {
        ui.strong(if draft.editing.is_some() {
            "Edit the decision"
        } else {
            "Record a decision"
        });
        let label = ui.label("Decision");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut draft.text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text(
                        "What the workshop decided, e.g. “Write user stories moves to the PM”",
                    ),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut draft.focus) {
            response.request_focus();
        }
        let text_id = response.id;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Date");
            ui.add(
                egui::TextEdit::singleline(&mut draft.date)
                    .desired_width(100.0)
                    .hint_text(today.to_string()),
            )
            .labelled_by(label.id)
            .on_hover_text("YYYY-MM-DD; empty for today");
            ui.label("Product");
            let product_name = draft
                .product
                .as_deref()
                .map_or("(no product)", |p| s.name_of(p));
            egui::ComboBox::from_id_salt("decision_product")
                .selected_text(product_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut draft.product, None, "(no product)");
                    for p in &s.products {
                        ui.selectable_value(&mut draft.product, Some(p.id.clone()), &p.name);
                    }
                })
                .response
                .accessible_name("Product of the decision")
                .on_hover_text("The product the decision is about");
            // The card must be on the chosen product's board.
            let cards: Vec<&str> = match draft.product.as_deref().and_then(|p| s.product(p)) {
                Some(p) => p.cards.iter().map(|c| c.responsibility.as_str()).collect(),
                None => s.responsibilities.iter().map(|r| r.id.as_str()).collect(),
            };
            if draft
                .responsibility
                .as_deref()
                .is_some_and(|r| !cards.contains(&r))
            {
                draft.responsibility = None;
            }
            ui.label("Card");
            let card_name = draft
                .responsibility
                .as_deref()
                .map_or("(no card)", |r| s.name_of(r));
            egui::ComboBox::from_id_salt("decision_card")
                .selected_text(card_name)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut draft.responsibility, None, "(no card)");
                    for r in cards {
                        ui.selectable_value(
                            &mut draft.responsibility,
                            Some(r.to_string()),
                            s.name_of(r),
                        );
                    }
                })
                .response
                .accessible_name("Card of the decision")
                .on_hover_text("The card (responsibility) the decision is about");
        });
        ui.horizontal(|ui| {
            let button = if draft.editing.is_some() {
                "Save the decision"
            } else {
                "Record decision"
            };
            if ui.button(button).clicked()
                && submit(s, draft.edit(s, today), &mut draft.problem, actions)
            {
                *draft = DecisionDraft::default();
                // Ctrl+Z now undoes the recorded decision, not the typing.
                ui.memory_mut(|m| m.surrender_focus(text_id));
            }
            if (draft.editing.is_some() || !draft.text.is_empty())
                && ui
                    .button("Cancel")
                    .accessible_name("Cancel the decision")
                    .clicked()
            {
                *draft = DecisionDraft::default();
            }
        });
        problem_ui(ui, &draft.problem);
    });
}

/// The owner of an action in words.
fn owner_text<'a>(s: &'a Scenario, a: &'a ActionItem) -> &'a str {
    a.owner.as_ref().map_or("nobody yet", |o| o.name(s))
}

/// The actions, in the order recorded, and the form to add one.
fn actions_ui(
    ui: &mut Ui,
    s: &Scenario,
    today: Date,
    draft: &mut ActionDraft,
    actions: &mut Vec<Action>,
) {
    ui.heading("Actions");
    if s.record.actions.is_empty() {
        ui.weak("No actions yet: who does what by when. Add one below.");
    } else {
        let width = text_width(ui, 250.0);
        egui::Grid::new("actions_grid")
            .striped(true)
            .num_columns(3)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for a in &s.record.actions {
                    let short = short_text(&a.text);
                    let mut done = a.done;
                    if ui
                        .checkbox(&mut done, "Done")
                        .accessible_name(format!("Done: {short}"))
                        .changed()
                    {
                        actions.push(Action::Edit(Edit::UpdateAction(ActionItem {
                            done,
                            ..a.clone()
                        })));
                    }
                    ui.vertical(|ui| {
                        let text = RichText::new(&a.text).strong();
                        wrapped(ui, if a.done { text.strikethrough() } else { text }, width);
                        ui.horizontal_wrapped(|ui| {
                            ui.label(owner_text(s, a));
                            ui.weak("·");
                            match a.due {
                                Some(due) if a.is_overdue(today) => {
                                    ui.colored_label(theme::OVER, format!("due {due}, overdue"));
                                }
                                Some(due) => {
                                    ui.label(format!("due {due}"));
                                }
                                None => {
                                    ui.weak("no due date");
                                }
                            }
                        });
                    });
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("Edit")
                            .accessible_name(format!("Edit action: {short}"))
                            .clicked()
                        {
                            *draft = ActionDraft::editing(a);
                        }
                        if ui
                            .small_button("Remove")
                            .accessible_name(format!("Remove action: {short}"))
                            .on_hover_text("Ctrl+Z brings it back")
                            .clicked()
                        {
                            actions.push(Action::Edit(Edit::RemoveAction(a.id.clone())));
                        }
                    });
                    ui.end_row();
                }
            });
    }
    ui.add_space(8.0);
    action_form_ui(ui, s, draft, actions);
}

/// The form that adds an action or changes one.
fn action_form_ui(ui: &mut Ui, s: &Scenario, draft: &mut ActionDraft, actions: &mut Vec<Action>) {
    ui.group(|ui| {
        ui.strong(if draft.editing.is_some() {
            "Edit the action"
        } else {
            "Add an action"
        });
        ui.horizontal(|ui| {
            let label = ui.label("What");
            ui.add(
                egui::TextEdit::singleline(&mut draft.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("Who does what, e.g. “Draft the PO job description”"),
            )
            .labelled_by(label.id);
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Owner");
            let shown = match &draft.owner {
                OwnerChoice::Nobody => "Nobody yet".to_string(),
                OwnerChoice::Person(id) => s.name_of(id).to_string(),
                OwnerChoice::Named => "Someone else".to_string(),
            };
            egui::ComboBox::from_id_salt("action_owner")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut draft.owner, OwnerChoice::Nobody, "Nobody yet");
                    for p in &s.people {
                        ui.selectable_value(
                            &mut draft.owner,
                            OwnerChoice::Person(p.id.clone()),
                            &p.name,
                        );
                    }
                    ui.selectable_value(&mut draft.owner, OwnerChoice::Named, "Someone else");
                })
                .response
                .accessible_name("Owner of the action")
                .on_hover_text("A person of the scenario, or someone else by name");
            if draft.owner == OwnerChoice::Named {
                let label = ui.label("Name");
                ui.add(
                    egui::TextEdit::singleline(&mut draft.named)
                        .desired_width(180.0)
                        .char_limit(crate::record::MAX_NAMED_CHARS)
                        .hint_text("e.g. HR partner"),
                )
                .labelled_by(label.id);
            }
            let label = ui.label("Due");
            ui.add(
                egui::TextEdit::singleline(&mut draft.due)
                    .desired_width(100.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label.id)
            .on_hover_text("Optional: the day it is due, YYYY-MM-DD");
        });
        ui.horizontal(|ui| {
            let button = if draft.editing.is_some() {
                "Save the action"
            } else {
                "Add action"
            };
            if ui.button(button).clicked() && submit(s, draft.edit(s), &mut draft.problem, actions)
            {
                *draft = ActionDraft::default();
            }
            if (draft.editing.is_some() || !draft.text.is_empty())
                && ui
                    .button("Cancel")
                    .accessible_name("Cancel the action")
                    .clicked()
            {
                *draft = ActionDraft::default();
            }
        });
        problem_ui(ui, &draft.problem);
    });
}
