//! The room in the window: the Workshop menu, the Invite button of presentation mode, and
//! the Room panel: the attendees' address and its QR code, who is connected, the placement
//! round with the room's tally per card (the most worth discussing first) and Adopt, and
//! the dot vote's bars. What it shows is `room_session.rs`'s, rebuilt only on a change.

use egui::{Button, Color32, RichText, Sense, Ui, WidgetInfo, vec2};

use crate::num::counted;
use crate::room::{CardOutcome, MAX_DOTS};

use super::action::Action;
use super::command::Command;
use super::room_session::{RoomAction, RoomSession, RoundShown, VoteShown};
use super::state::AppState;
use super::theme;

/// The QR code's side, quiet zone included: big enough for a phone to read it from the
/// back of a room on a projector.
const QR_SIDE: f32 = 264.0;

/// What the QR code is called for assistive technology (and tests).
pub const QR_LABEL: &str = "QR code of the attendees' address";

/// The Workshop menu: the room, and the timebox.
pub fn workshop_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let mut item = |ui: &mut Ui, text: &str, tip: &str, action: RoomAction| {
        if ui.button(text).on_hover_text(tip).clicked() {
            actions.push(Action::Room(action));
            ui.close();
        }
    };
    match &state.workshop.room {
        None => item(
            ui,
            "Invite the room",
            "Attendees join from their phones on this network: they place cards and vote",
            RoomAction::Invite,
        ),
        Some(room) => {
            let (text, tip) = if room.panel_open {
                ("Hide the Room panel", "The room stays open")
            } else {
                (
                    "Show the Room panel",
                    "The address, the QR code, the round and the vote",
                )
            };
            item(ui, text, tip, RoomAction::ShowPanel(!room.panel_open));
            item(
                ui,
                "Stop the room",
                "Nothing listens on the network any more",
                RoomAction::Stop,
            );
        }
    }
    ui.separator();
    if Command::Timer.menu_button(ui, true) {
        actions.push(Action::Command(Command::Timer));
        ui.close();
    }
}

/// Presentation mode's button beside the tabs: Invite the room, then Room (the panel on or
/// off).
pub fn invite_button_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.separator();
    let action = match &state.workshop.room {
        None => ui
            .button("Invite the room")
            .on_hover_text("Attendees join from their phones on this network")
            .clicked()
            .then_some(RoomAction::Invite),
        Some(room) => ui
            .selectable_label(room.panel_open, "Room")
            .on_hover_text("Show or hide the Room panel (the room stays open)")
            .clicked()
            .then_some(RoomAction::ShowPanel(!room.panel_open)),
    };
    actions.extend(action.map(Action::Room));
}

/// The Room panel.
pub fn room_panel_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(room) = &state.workshop.room else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Room");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let stop = ui
                        .button("Stop")
                        .on_hover_text("Stop the room: nothing listens on the network any more");
                    if stop.clicked() {
                        actions.push(Action::Room(RoomAction::Stop));
                    }
                    let hide = ui
                        .button("Hide")
                        .on_hover_text("Hide this panel; the room stays open (Workshop menu)");
                    if hide.clicked() {
                        actions.push(Action::Room(RoomAction::ShowPanel(false)));
                    }
                });
            });
            invitation_ui(ui, room);
            ui.separator();
            round_ui(ui, state, room, actions);
            ui.separator();
            vote_ui(ui, state, room, actions);
        });
}

/// That the room listens, where to join (as text and as a QR code), who is there.
fn invitation_ui(ui: &mut Ui, room: &RoomSession) {
    ui.label(
        RichText::new("The room is open on this network")
            .strong()
            .color(theme::INFO),
    );
    // Open at first; once everyone is in, folding it brings the round's results up.
    egui::CollapsingHeader::new("Join: the address and its QR code")
        .default_open(true)
        .show(ui, |ui| {
            ui.label("Phones on the same network join at:");
            let url = RichText::new(&room.attendee_url).monospace();
            ui.add(egui::Label::new(url).selectable(true));
            match &room.qr {
                Some(qr) => qr_ui(ui, qr),
                None => drop(ui.label("This address is too long for a QR code: type it in.")),
            }
        });
    let shown = &room.shown;
    let mut words = vec![counted(
        shown.connected,
        "attendee connected",
        "attendees connected",
    )];
    if let Some(round) = &shown.round {
        words.push(format!("{} submitted", round.ballots));
    }
    if let Some(vote) = &shown.vote {
        words.push(format!("{} voted", vote.voters));
    }
    ui.label(RichText::new(words.join(" · ")).strong().size(16.0));
    egui::CollapsingHeader::new("Facilitator's address").show(ui, |ui| {
        ui.label("The same page with the facilitator's controls: keep it to yourself.");
        ui.add(egui::Label::new(RichText::new(&room.facilitator_url).monospace()).selectable(true));
    });
}

/// The QR code, dark modules on white with a quiet zone of four modules, painted as one
/// mesh (crisp edges, no seams between modules).
fn qr_ui(ui: &mut Ui, qr: &super::room_session::Qr) {
    let (rect, response) = ui.allocate_exact_size(vec2(QR_SIDE, QR_SIDE), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, QR_LABEL));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let modules = qr.width + 8;
    let module = QR_SIDE / modules as f32;
    let mut mesh = egui::Mesh::default();
    mesh.add_colored_rect(rect, Color32::WHITE);
    for y in 0..qr.width {
        let mut x = 0;
        while x < qr.width {
            if !qr.is_dark(x, y) {
                x += 1;
                continue;
            }
            // One rectangle for each run of dark modules along the row.
            let start = x;
            while qr.is_dark(x, y) {
                x += 1;
            }
            let min = rect.min + vec2((start + 4) as f32, (y + 4) as f32) * module;
            let size = vec2((x - start) as f32 * module, module);
            mesh.add_colored_rect(egui::Rect::from_min_size(min, size), Color32::BLACK);
        }
    }
    ui.painter().add(egui::Shape::mesh(mesh));
}

/// The placement round: its state, Close, Reveal and Adopt, each card's tally, and opening
/// a new round on the board's product.
fn round_ui(ui: &mut Ui, state: &AppState, room: &RoomSession, actions: &mut Vec<Action>) {
    ui.strong("Placement round");
    match &room.shown.round {
        Some(round) => round_results_ui(ui, round, actions),
        None => drop(ui.label(
            "Everyone places the board's cards on their phone, on their own; then reveal the \
             room's tally and discuss where it disagrees.",
        )),
    }
    let s = &state.doc.scenario;
    let Some(product) = state
        .view
        .selection
        .product
        .as_deref()
        .and_then(|id| s.product(id))
    else {
        return;
    };
    let flagged = product.cards.iter().filter(|c| c.flagged).count();
    let all = Button::new(format!(
        "Open a round on all {} of {}",
        counted(product.cards.len(), "card", "cards"),
        product.name
    ));
    let open = |flagged_only| {
        Action::Room(RoomAction::OpenRound {
            product: product.id.clone(),
            flagged_only,
        })
    };
    if ui
        .add_enabled(!product.cards.is_empty(), all)
        .on_hover_text("A new round replaces the one before")
        .clicked()
    {
        actions.push(open(false));
    }
    let some = Button::new(match flagged {
        0 => "Open a round on the cards needing discussion (none yet)".to_string(),
        n => format!(
            "Open a round on the {} needing discussion",
            counted(n, "card", "cards")
        ),
    });
    if ui
        .add_enabled(flagged > 0, some)
        .on_disabled_hover_text("No card of this board is flagged “needs discussion” (Ctrl+D)")
        .clicked()
    {
        actions.push(open(true));
    }
}

fn round_results_ui(ui: &mut Ui, round: &RoundShown, actions: &mut Vec<Action>) {
    ui.label(format!(
        "On {}: {}, {}.",
        round.product_name,
        if round.open {
            "open for ballots"
        } else {
            "closed"
        },
        if round.revealed {
            "revealed on the board and the phones"
        } else {
            "not revealed yet"
        }
    ));
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut Ui, shown: bool, text: &str, tip: &str, action: RoomAction| {
            if shown && ui.button(text).on_hover_text(tip).clicked() {
                actions.push(Action::Room(action));
            }
        };
        button(
            ui,
            round.open,
            "Close",
            "Stop taking ballots",
            RoomAction::CloseRound,
        );
        button(
            ui,
            !round.revealed,
            "Reveal",
            "Show the room's tally on the board and on the phones",
            RoomAction::RevealRound,
        );
        button(
            ui,
            round.ballots > 0,
            "Adopt the majority",
            "Move every card to the room's most chosen column, as one undoable step; a tie is \
             flagged for discussion with the split in its note; each move is recorded as a decision",
            RoomAction::Adopt,
        );
    });
    if round.ballots > 0 {
        ui.weak("Adopt leaves pinned cards as they are: pin the ones the room has just decided.");
    }
    ui.weak("Most disagreement × hours first:");
    egui::Grid::new("room_round_results")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for head in ["Card", "PM", "PO", "Unas.", "Agree"] {
                ui.strong(head);
            }
            ui.end_row();
            for card in &round.cards {
                card_row_ui(ui, card);
            }
        });
}

fn card_row_ui(ui: &mut Ui, card: &CardOutcome) {
    ui.allocate_ui(vec2(130.0, 18.0), |ui| {
        ui.add(egui::Label::new(&card.title).truncate())
            .on_hover_text(format!("{} ({} h a week)", card.title, card.hours));
    });
    for column in crate::model::Column::ALL {
        ui.label(card.counts.get(column).to_string());
    }
    match card.counts.agreement() {
        Some(share) => ui.label(format!("{:.0} %", share * 100.0)),
        None => ui.weak("—"),
    };
    ui.end_row();
}

/// The dot vote among the Compare tab's scenarios: the dots each, Open, the bars, Close.
fn vote_ui(ui: &mut Ui, state: &AppState, room: &RoomSession, actions: &mut Vec<Action>) {
    ui.strong("Dot vote");
    let entries = state.compare.entries(&state.doc);
    let names: Vec<&str> = entries.iter().map(|e| e.scenario.name.as_str()).collect();
    ui.label(format!(
        "Among the scenarios of the Compare tab: {}.",
        names.join(", ")
    ));
    if names.len() < 2 {
        ui.weak("Add saved scenarios in the Compare tab to vote among them.");
    }
    ui.horizontal(|ui| {
        let label = ui.label("Dots each:");
        let mut dots = room.dots;
        let response = ui
            .add(egui::DragValue::new(&mut dots).range(1..=MAX_DOTS))
            .labelled_by(label.id);
        if response.changed() {
            actions.push(Action::Room(RoomAction::Dots(dots)));
        }
        if ui
            .button("Open the vote")
            .on_hover_text("A new vote replaces the one before")
            .clicked()
        {
            actions.push(Action::Room(RoomAction::OpenVote));
        }
    });
    if let Some(vote) = &room.shown.vote {
        vote_results_ui(ui, vote, actions);
    }
}

fn vote_results_ui(ui: &mut Ui, vote: &VoteShown, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{}: {} voted, {} each.",
        if vote.open { "Open" } else { "Closed" },
        vote.voters,
        counted(vote.dots_each as usize, "dot", "dots")
    ));
    for (option, dots) in &vote.options {
        bar_ui(ui, option, *dots, vote.most);
    }
    if vote.open && ui.button("Close the vote").clicked() {
        actions.push(Action::Room(RoomAction::CloseVote));
    }
}

/// One option's dots: its name and count, and a bar as long as its share of the most.
fn bar_ui(ui: &mut Ui, option: &str, dots: u64, most: u64) {
    let text = format!("{option}: {}", counted(dots as usize, "dot", "dots"));
    // Clear of the panel's scroll bar, which floats over the right edge of what it scrolls.
    let scroll = &ui.spacing().scroll;
    let width = (ui.available_width() - scroll.bar_width - scroll.bar_outer_margin - 4.0).max(40.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 34.0), Sense::hover());
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(egui::Role::Meter, true, &text);
        info.value = Some(dots as f64);
        info
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    let visuals = ui.visuals();
    let mut job = egui::text::LayoutJob::simple_singleline(
        text,
        egui::FontId::proportional(14.0),
        visuals.text_color(),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    painter.galley(rect.min, galley, visuals.text_color());
    let track = egui::Rect::from_min_size(rect.min + vec2(0.0, 20.0), vec2(width, 12.0));
    painter.rect_filled(track, 3.0, visuals.extreme_bg_color);
    let share = if most == 0 {
        0.0
    } else {
        dots as f32 / most as f32
    };
    let bar = egui::Rect::from_min_size(track.min, vec2(width * share, 12.0));
    painter.rect_filled(bar, 3.0, theme::STRATEGY);
}
