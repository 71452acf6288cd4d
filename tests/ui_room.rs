//! The room in the window (issue 22): Workshop ▸ Invite the room shows the attendees'
//! address and its QR code and serves it; ballots fed through the room show on the cards
//! after the reveal; Adopt the majority is one undoable edit; a dot vote's bars follow the
//! dots; the page follows the board; the room stops with Stop and when the window closes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{harness, small_board, small_board_builder};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rolesplit::app::{Action, AppState, RoomAction};
use rolesplit::edit::{Edit, Place};
use rolesplit::model::Column;
use rolesplit::record::Date;
use rolesplit::room::Room;

type H = egui_kittest::Harness<'static, AppState>;

const QR_LABEL: &str = "QR code of the attendees' address";

fn today() -> Date {
    Date::parse("2026-03-14").unwrap()
}

/// The window on `scenario` with today fixed, after Workshop ▸ Invite the room.
fn invited(scenario: rolesplit::Scenario) -> H {
    let mut h = harness(scenario);
    h.state_mut().view.today.fix(today());
    h.run();
    assert!(
        h.state().workshop.room.is_none(),
        "nothing listens at first"
    );
    h.get_by_label("Workshop").click();
    h.run();
    h.get_by_label("Invite the room").click();
    h.run();
    assert!(h.state().workshop.room.is_some(), "the room is open");
    h
}

/// The room the window runs (shared with its server, as the server's threads share it).
fn room(h: &H) -> Room {
    h.state().workshop.room.as_ref().unwrap().room().clone()
}

/// The attendees' address the window shows.
fn attendee_url(state: &AppState) -> String {
    state.workshop.room.as_ref().unwrap().attendee_url.clone()
}

/// The port the room listens on, from the attendees' address.
fn port_of(url: &str) -> u16 {
    let rest = url.strip_prefix("http://").unwrap();
    let host = rest.split('/').next().unwrap();
    host.rsplit(':').next().unwrap().parse().unwrap()
}

fn port(h: &H) -> u16 {
    port_of(&attendee_url(h.state()))
}

fn listening(port: u16) -> bool {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&address, Duration::from_millis(500)).is_ok()
}

fn ballot(room: &Room, attendee: &str, pairs: &[(&str, &str)]) {
    let placements: BTreeMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    room.submit_ballot(attendee, attendee, &placements).unwrap();
}

fn card<'a>(h: &'a H, responsibility: &str) -> &'a rolesplit::model::Card {
    h.state().doc.scenario.products[0]
        .cards
        .iter()
        .find(|c| c.responsibility == responsibility)
        .unwrap()
}

/// Opens a round on every card of the small board, from the Room panel.
fn open_round(h: &mut H) {
    h.get_by_label("Open a round on all 3 cards of Shop")
        .click();
    h.run();
    assert!(room(h).round().unwrap().open);
}

#[test]
fn invite_the_room_shows_the_address_and_its_qr_code_and_serves_the_page() {
    let h = invited(small_board());
    let url = attendee_url(h.state());
    assert!(
        url.starts_with("http://") && url.contains("/?k="),
        "the attendees' address: {url}"
    );
    h.get_by_label(&url);
    h.get_by_label("The room is open on this network");
    let qr = h.get_by_label(QR_LABEL).rect();
    assert!(
        qr.width() >= 240.0 && qr.height() >= 240.0,
        "big enough to scan from the back of a room: {qr:?}"
    );
    assert_eq!(qr.width(), qr.height(), "square");
    // The page is served on that port, showing the board's product.
    let key = url.split("?k=").nth(1).unwrap();
    let state: serde_json::Value =
        ureq::get(format!("http://127.0.0.1:{}/api/state?k={key}", port(&h)))
            .call()
            .unwrap()
            .body_mut()
            .read_json()
            .unwrap();
    assert_eq!(state["scenario"], "Small board");
    assert_eq!(state["product"]["id"], "shop");
    // The Room panel takes the people's place.
    assert!(h.query_by_label("People and findings panel").is_none());
    h.get_by_label("Room panel");
}

#[test]
fn stop_closes_the_room_and_nothing_listens_any_more() {
    let mut h = invited(small_board());
    let port = port(&h);
    assert!(listening(port));
    h.get_by_label("Stop").click();
    h.run();
    assert!(h.state().workshop.room.is_none());
    assert!(h.query_by_label(QR_LABEL).is_none(), "the panel is gone");
    assert!(!listening(port), "the port is closed");
    h.get_by_label("People and findings panel");
}

#[test]
fn closing_the_window_stops_the_room() {
    let mut app = rolesplit::app::RolesplitApp::new(AppState::new(small_board(), None));
    let ctx = egui::Context::default();
    app.state.act(&ctx, Action::Room(RoomAction::Invite));
    let port = port_of(&attendee_url(&app.state));
    assert!(listening(port));
    eframe::App::on_exit(&mut app);
    assert!(app.state.workshop.room.is_none());
    assert!(
        !listening(port),
        "nothing listens once the window is closed"
    );
}

#[test]
fn connected_and_submitted_attendees_are_counted() {
    let mut h = invited(small_board());
    h.get_by_label_contains("0 attendees connected");
    open_round(&mut h);
    let room = room(&h);
    room.seen("phone-1", Instant::now());
    room.seen("phone-2", Instant::now());
    ballot(&room, "phone-1", &[("vision", "Po")]);
    h.run();
    h.get_by_label("2 attendees connected · 1 submitted");
}

#[test]
fn a_tally_appears_on_the_cards_only_after_the_reveal() {
    let mut h = invited(small_board());
    open_round(&mut h);
    let room = room(&h);
    ballot(&room, "a", &[("vision", "Po"), ("backlog", "Po")]);
    ballot(&room, "b", &[("vision", "Po")]);
    ballot(&room, "c", &[("vision", "Pm")]);
    h.run();
    h.get_by_label_contains("3 submitted");
    assert!(
        h.query_by_label_contains("room:").is_none(),
        "no tally on the board before the reveal"
    );
    // The panel lists the card the room disagrees on most first: vision (2 of 3).
    h.get_by_label("67 %");
    h.get_by_label("Reveal").click();
    h.run();
    assert!(room.round().unwrap().revealed);
    h.get_by_label("room: PM 1 · PO 2");
    h.get_by_label("room: PO 1");
    h.get_by_label("room: nobody placed it");
}

#[test]
fn adopt_moves_the_cards_flags_ties_records_decisions_and_one_undo_takes_it_all_back() {
    let mut s = small_board();
    s.products[0].cards[1].note = "Agreed last week".into();
    let mut h = invited(s);
    let before = h.state().doc.scenario.clone();
    open_round(&mut h);
    let room = room(&h);
    ballot(&room, "a", &[("vision", "Po"), ("backlog", "Pm")]);
    ballot(&room, "b", &[("vision", "Po"), ("backlog", "Po")]);
    ballot(&room, "c", &[("vision", "Pm")]);
    h.run();
    assert_eq!(card(&h, "vision").column, Column::Pm, "before");
    h.get_by_label("Adopt the majority").click();
    h.run();

    assert_eq!(card(&h, "vision").column, Column::Po, "2 of 3 put it in PO");
    let backlog = card(&h, "backlog");
    assert_eq!(backlog.column, Column::Po, "a tie stays where it is");
    assert!(backlog.flagged, "a tie needs discussion");
    assert_eq!(
        backlog.note,
        "Agreed last week\nThe room was split: PM 1 · PO 1"
    );
    assert_eq!(card(&h, "research").column, Column::Unassigned, "nobody");
    let decisions = &h.state().doc.scenario.record.decisions;
    assert_eq!(decisions.len(), 1, "one decision per moved card");
    assert_eq!(
        decisions[0].text,
        "Adopted the room's placement: 2 of 3 put Vision in PO"
    );
    assert_eq!(decisions[0].date, today());
    assert_eq!(decisions[0].product.as_deref(), Some("shop"));
    assert_eq!(decisions[0].responsibility.as_deref(), Some("vision"));
    assert_eq!(
        h.state().doc.status.as_deref(),
        Some(
            "Adopted the room's placement: 1 card moved; 1 card flagged for discussion \
             (the room was split); 1 placed by nobody"
        )
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.scenario,
        before,
        "one Ctrl+Z undoes every move, flag, note and decision"
    );
    assert_eq!(h.state().doc.history.undo_label(), None, "it was one step");
}

#[test]
fn a_vote_among_the_compared_scenarios_shows_bars_that_follow_the_dots() {
    let mut other = small_board();
    other.name = "Option B".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("option-b.ron");
    std::fs::write(&path, rolesplit::write::scenario_to_string(&other)).unwrap();
    let mut h = invited(small_board());
    h.state_mut().add_to_comparison(&path);
    h.run();
    h.get_by_label_contains("Among the scenarios of the Compare tab: Small board, Option B");
    h.get_by_label("Open the vote").click();
    h.run();
    let room = room(&h);
    let vote = room.vote().unwrap();
    assert_eq!(vote.options, ["Small board", "Option B"]);
    assert_eq!(
        vote.dots, 3,
        "three dots unless the facilitator says otherwise"
    );

    let dots = |pairs: &[(&str, u64)]| -> BTreeMap<String, u64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    };
    room.submit_dots("a", &dots(&[("Small board", 2), ("Option B", 1)]))
        .unwrap();
    h.run();
    let value = |h: &H, label: &str| h.get_by_label(label).accesskit_node().numeric_value();
    assert_eq!(value(&h, "Small board: 2 dots"), Some(2.0));
    assert_eq!(value(&h, "Option B: 1 dot"), Some(1.0));
    room.submit_dots("b", &dots(&[("Option B", 3)])).unwrap();
    h.run();
    assert_eq!(value(&h, "Option B: 4 dots"), Some(4.0), "live");
    assert_eq!(value(&h, "Small board: 2 dots"), Some(2.0));
    h.get_by_label("Open: 2 voted, 3 dots each.");

    h.get_by_label("Close the vote").click();
    h.run();
    assert!(!room.vote().unwrap().open);
    h.get_by_label("Closed: 2 voted, 3 dots each.");
}

#[test]
fn the_page_follows_the_board_and_every_edit_reaches_the_room() {
    let s = small_board_builder()
        .product("app", Some("pat"), &[("vision", Column::Po)])
        .build();
    let mut h = invited(s);
    let room = room(&h);
    assert_eq!(room.shown_product().as_deref(), Some("shop"));
    h.state_mut().act(
        &egui::Context::default(),
        Action::SelectProduct("app".into()),
    );
    h.run();
    assert_eq!(
        room.shown_product().as_deref(),
        Some("app"),
        "follows the board"
    );
    let edit = Edit::MoveCard {
        product: "app".into(),
        responsibility: "vision".into(),
        to: Column::Pm,
        place: Place::Keep,
    };
    h.state_mut().apply(edit).unwrap();
    h.run();
    let state: serde_json::Value = serde_json::from_str(&room.state_json()).unwrap();
    assert_eq!(
        state["product"]["columns"]["Pm"][0]["responsibility"], "vision",
        "the attendees see the edit on the next frame"
    );
}

#[test]
fn presentation_mode_has_an_invite_button() {
    let mut h = harness(small_board());
    h.state_mut().prefs.presentation = true;
    h.run();
    h.get_by_label("Invite the room").click();
    h.run();
    assert!(h.state().workshop.room.is_some());
    h.get_by_label(QR_LABEL);
    common::open_tab(&mut h, "Room");
    assert!(!h.state().workshop.room.as_ref().unwrap().panel_open);
    assert!(h.query_by_label(QR_LABEL).is_none(), "hidden, still open");
    assert!(h.state().workshop.room.is_some());
}
