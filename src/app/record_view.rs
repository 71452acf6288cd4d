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
                "What the room decided and who does what by when, kept in the scenario file. {} on {today}.",
                c.words()
            ));
            ui.add_space(8.0);
            open_points_ui(ui, doc, actions);
            ui.add_space(12.0);
            ui.separator();
            decisions_ui(ui, doc, today, &mut inputs.decision, actions);
            ui.add_space(12.0);
            ui.separator();
            actions_ui(ui, s, today, &mut inputs.action, actions);
        });
}

/// A striped grid of the record's lists.
fn grid(id: &str, columns: usize) -> egui::Grid {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(columns)
        .spacing([14.0, 6.0])
}

/// A grid cell `width` wide, whatever its texts, for an item's text (wrapped) and the
/// lines under it: a cell as wide as a short first line would wrap the lines under it a
/// few letters at a time.
fn text_cell(ui: &mut Ui, width: f32, text: RichText, under: impl FnOnce(&mut Ui)) {
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
        under(ui);
    });
}

/// The width left for the long text column of a grid whose other columns take `others`.
fn text_width(ui: &Ui, others: f32) -> f32 {
    (ui.available_width() - others).max(220.0)
}

/// The cards flagged "needs discussion", across all products, with their notes.
fn open_points_ui(ui: &mut Ui, doc: &Document, actions: &mut Vec<Action>) {
    let s = &doc.scenario;
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
    // One block per point: the buttons first, so they stay in view however narrow the
    // window; the card, its product and column, and the note wrap after them.
    for (product, card) in flagged {
        let title = doc.name_of(&card.responsibility);
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
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!(
                        "{title} — {}, {}",
                        product.name,
                        card.column.label()
                    ))
                    .strong(),
                )
                .wrap(),
            );
        });
        ui.add(
            egui::Label::new(if card.note.is_empty() {
                "(no note)"
            } else {
                card.note.as_str()
            })
            .wrap(),
        );
        ui.add_space(4.0);
    }
}

/// What a decision is about, in words: "Checkout · Refine and order the team backlog".
fn about(doc: &Document, d: &Decision) -> String {
    let parts: Vec<&str> = [d.product.as_deref(), d.responsibility.as_deref()]
        .into_iter()
        .flatten()
        .map(|id| doc.name_of(id))
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
    doc: &Document,
    today: Date,
    draft: &mut DecisionDraft,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
    ui.heading("Decisions");
    let mut decisions: Vec<&Decision> = s.record.decisions.iter().collect();
    decisions.sort_by_key(|d| d.date);
    if decisions.is_empty() {
        ui.weak("No decisions yet. Record one below, or from a card's right-click menu (“Record a decision…”), which starts from the move just made.");
    } else {
        let width = text_width(ui, 260.0);
        grid("decisions_grid", 3).show(ui, |ui| {
            for d in decisions {
                let short = short_text(&d.text);
                ui.label(d.date.to_string());
                text_cell(ui, width, RichText::new(&d.text).strong(), |ui| {
                    ui.weak(about(doc, d));
                });
                let remove = Edit::RemoveDecision(d.id.clone());
                if edit_remove_ui(ui, "decision", &short, remove, actions) {
                    *draft = DecisionDraft::editing(d);
                }
                ui.end_row();
            }
        });
    }
    ui.add_space(8.0);
    decision_form_ui(ui, doc, today, draft, actions);
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

/// The Edit and Remove buttons of a recorded item (`what`: "decision" or "action", named
/// by its short text for screen readers and tests). Pushes the removal; returns whether
/// Edit was clicked.
fn edit_remove_ui(
    ui: &mut Ui,
    what: &str,
    short: &str,
    remove: Edit,
    actions: &mut Vec<Action>,
) -> bool {
    ui.horizontal(|ui| {
        let edit = ui
            .small_button("Edit")
            .accessible_name(format!("Edit {what}: {short}"))
            .clicked();
        if ui
            .small_button("Remove")
            .accessible_name(format!("Remove {what}: {short}"))
            .on_hover_text("Ctrl+Z brings it back")
            .clicked()
        {
            actions.push(Action::Edit(remove));
        }
        edit
    })
    .inner
}

/// A combo box over `options` (value, name), showing the chosen value's name; the pair
/// is its accessible name and its tooltip.
fn pick<T: Clone + PartialEq>(
    ui: &mut Ui,
    (name, hover): (&str, &str),
    value: &mut T,
    options: Vec<(T, String)>,
    width: f32,
) {
    let shown = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or(String::new(), |(_, n)| n.clone());
    egui::ComboBox::from_id_salt(name)
        .selected_text(shown)
        .width(width)
        .show_ui(ui, |ui| {
            for (v, n) in options {
                ui.selectable_value(value, v, n);
            }
        })
        .response
        .accessible_name(name)
        .on_hover_text(hover);
}

/// A form's buttons: add (or save, when `editing`) and, once the form holds something,
/// cancel; `labels` are [add, save, cancel]. `Some(true)` to submit, `Some(false)` to
/// cancel.
fn form_buttons_ui(ui: &mut Ui, labels: [&str; 3], editing: bool, filled: bool) -> Option<bool> {
    let [add, save, cancel] = labels;
    ui.horizontal(|ui| {
        if ui.button(if editing { save } else { add }).clicked() {
            return Some(true);
        }
        let cancelled = filled && ui.button("Cancel").accessible_name(cancel).clicked();
        cancelled.then_some(false)
    })
    .inner
}

fn problem_ui(ui: &mut Ui, problem: &Option<String>) {
    if let Some(problem) = problem {
        ui.colored_label(theme::OVER, format!("Not recorded: {problem}"));
    }
}

/// The form that records a new decision or changes one.
fn decision_form_ui(
    ui: &mut Ui,
    doc: &Document,
    today: Date,
    draft: &mut DecisionDraft,
    actions: &mut Vec<Action>,
) {
    let s = &doc.scenario;
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
            let products = s
                .products
                .iter()
                .map(|p| (Some(p.id.clone()), p.name.clone()));
            let options = [(None, "(no product)".to_string())]
                .into_iter()
                .chain(products);
            let about = (
                "Product of the decision",
                "The product the decision is about",
            );
            pick(ui, about, &mut draft.product, options.collect(), 160.0);
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
            let cards = cards
                .into_iter()
                .map(|r| (Some(r.to_string()), doc.name_of(r).to_string()));
            let options = [(None, "(no card)".to_string())].into_iter().chain(cards);
            let about = (
                "Card of the decision",
                "The card (responsibility) the decision is about",
            );
            pick(
                ui,
                about,
                &mut draft.responsibility,
                options.collect(),
                260.0,
            );
        });
        let labels = [
            "Record decision",
            "Save the decision",
            "Cancel the decision",
        ];
        let filled = draft.editing.is_some() || !draft.text.is_empty();
        match form_buttons_ui(ui, labels, draft.editing.is_some(), filled) {
            Some(true) if submit(s, draft.edit(s, today), &mut draft.problem, actions) => {
                *draft = DecisionDraft::default();
                // Ctrl+Z now undoes the recorded decision, not the typing.
                ui.memory_mut(|m| m.surrender_focus(text_id));
            }
            Some(false) => *draft = DecisionDraft::default(),
            _ => {}
        }
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
        grid("actions_grid", 3).show(ui, |ui| {
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
                let text = RichText::new(&a.text).strong();
                let text = if a.done { text.strikethrough() } else { text };
                text_cell(ui, width, text, |ui| {
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
                let remove = Edit::RemoveAction(a.id.clone());
                if edit_remove_ui(ui, "action", &short, remove, actions) {
                    *draft = ActionDraft::editing(a);
                }
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
            let people = s
                .people
                .iter()
                .map(|p| (OwnerChoice::Person(p.id.clone()), p.name.clone()));
            let options = [(OwnerChoice::Nobody, "Nobody yet".to_string())]
                .into_iter()
                .chain(people)
                .chain([(OwnerChoice::Named, "Someone else".to_string())]);
            let about = (
                "Owner of the action",
                "A person of the scenario, or someone else by name",
            );
            pick(ui, about, &mut draft.owner, options.collect(), 160.0);
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
        let labels = ["Add action", "Save the action", "Cancel the action"];
        let filled = draft.editing.is_some() || !draft.text.is_empty();
        match form_buttons_ui(ui, labels, draft.editing.is_some(), filled) {
            Some(true) if submit(s, draft.edit(s), &mut draft.problem, actions) => {
                *draft = ActionDraft::default();
            }
            Some(false) => *draft = ActionDraft::default(),
            _ => {}
        }
        problem_ui(ui, &draft.problem);
    });
}
