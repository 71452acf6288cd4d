//! The room as the facilitator and the window use it: rounds, reveal, votes, the shown
//! product, the JSON answers; and property tests over random ballots.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::model::Column::{Pm, Po};

fn scenario() -> Scenario {
    crate::testkit::shop_with_two_teams("Room test")
        .product("app", None, &[("vision", Po)])
        .build()
}

fn room() -> Room {
    let s = scenario();
    let a = crate::analyze(&s);
    Room::new(Arc::new(s), Arc::new(a))
}

fn placements(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn state(room: &Room) -> Value {
    serde_json::from_str(&room.state_json()).unwrap()
}

#[test]
fn the_state_shows_the_first_product_with_owners_hours_and_loads_as_check_does() {
    let room = room();
    let st = state(&room);
    assert_eq!(st["scenario"], "Room test");
    assert_eq!(st["product"]["id"], "shop");
    assert_eq!(
        st["product"]["columns"]["Pm"],
        json!([{"responsibility": "vision", "title": "Vision", "kind": "Strategy", "hours": 3.0, "owners": ["Pat"]}])
    );
    assert_eq!(
        st["product"]["columns"]["Po"],
        json!([{"responsibility": "backlog", "title": "Backlog", "kind": "Execution", "hours": 4.0, "owners": ["Olga", "Ivan"]}])
    );
    assert_eq!(
        st["product"]["columns"]["Unassigned"][0]["owners"],
        json!([])
    );
    // The same numbers as `check --format json`.
    let s = scenario();
    let check: Value = serde_json::from_str(&crate::report::check_json(
        "x",
        &s,
        &crate::analyze(&s),
        crate::record::Date::new(2026, 11, 29).expect("a day"),
    ))
    .unwrap();
    for (person, checked) in st["people"]
        .as_array()
        .unwrap()
        .iter()
        .zip(check["people"].as_array().unwrap())
    {
        assert_eq!(person["id"], checked["id"]);
        assert_eq!(person["load_hours"], checked["load_hours"]);
        assert_eq!(person["capacity_hours"], checked["capacity_hours"]);
    }
    assert_eq!(st["people"][0]["name"], "Pat");
    assert_eq!(st["round"], Value::Null);
    assert_eq!(st["vote"], Value::Null);
    let findings = st["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the app product's empty PM seat");
    assert_eq!(
        findings[0].as_object().unwrap().len(),
        2,
        "severity and message"
    );
}

#[test]
fn the_board_product_is_shown_until_the_facilitator_shows_one() {
    let room = room();
    room.set_board_product(Some("app".into()));
    assert_eq!(room.shown_product().as_deref(), Some("app"));
    room.show("shop").unwrap();
    room.set_board_product(Some("app".into()));
    assert_eq!(room.shown_product().as_deref(), Some("shop"), "Show wins");
    assert_eq!(
        room.show("nope"),
        Err(RoomError::UnknownProduct("nope".into()))
    );
    assert_eq!(room.shown_product().as_deref(), Some("shop"));
}

#[test]
fn opening_a_round_shows_its_product_and_takes_every_card_by_default() {
    let room = room();
    let id = room.open_round("app", None).unwrap();
    assert_eq!(room.shown_product().as_deref(), Some("app"));
    let st = state(&room);
    assert_eq!(
        st["round"],
        json!({"id": id, "product": "app", "cards": ["vision"], "open": true, "revealed": false})
    );
    let chosen = ["backlog".to_string(), "vision".to_string()];
    room.open_round("shop", Some(&chosen)).unwrap();
    assert_eq!(state(&room)["round"]["cards"], json!(["backlog", "vision"]));
}

#[test]
fn a_round_needs_a_product_and_cards_on_its_board() {
    let room = room();
    let cases = [
        (
            "nope",
            Some(vec![]),
            RoomError::UnknownProduct("nope".into()),
        ),
        (
            "app",
            Some(vec!["backlog".to_string()]),
            RoomError::CardNotOnBoard {
                card: "backlog".into(),
                product: "app".into(),
            },
        ),
        ("shop", Some(vec![]), RoomError::NoCards),
        (
            "shop",
            Some(vec!["vision".to_string(), "vision".to_string()]),
            RoomError::CardTwice("vision".into()),
        ),
    ];
    for (product, cards, expected) in cases {
        assert_eq!(room.open_round(product, cards.as_deref()), Err(expected));
    }
    assert_eq!(room.round(), None);
}

#[test]
fn close_and_reveal_are_independent_and_the_tally_shows_only_after_the_reveal() {
    let room = room();
    room.open_round("shop", None).unwrap();
    room.submit_ballot(
        "a",
        "Ann",
        &placements(&[("vision", "Pm"), ("backlog", "Po")]),
    )
    .unwrap();
    assert_eq!(
        state(&room)["round"].get("tally"),
        None,
        "hidden before the reveal"
    );
    room.reveal_round().unwrap();
    let st = state(&room);
    assert_eq!(st["round"]["open"], true, "Reveal does not close");
    assert_eq!(
        st["round"]["tally"],
        json!({
            "vision": {"Pm": 1, "Po": 0, "Unassigned": 0},
            "backlog": {"Pm": 0, "Po": 1, "Unassigned": 0},
            "research": {"Pm": 0, "Po": 0, "Unassigned": 0},
        })
    );
    // Ballots still count while the round is open after the reveal.
    room.submit_ballot("b", "", &placements(&[("vision", "Po")]))
        .unwrap();
    assert_eq!(state(&room)["round"]["tally"]["vision"]["Po"], 1);
    room.close_round().unwrap();
    assert_eq!(
        room.submit_ballot("c", "", &placements(&[("vision", "Po")])),
        Err(RoomError::RoundClosed)
    );
    let st = state(&room);
    assert_eq!(
        (st["round"]["open"].clone(), st["round"]["revealed"].clone()),
        (json!(false), json!(true))
    );
}

#[test]
fn closing_first_then_revealing_works_too() {
    let room = room();
    assert_eq!(room.close_round(), Err(RoomError::NoRound));
    assert_eq!(room.reveal_round(), Err(RoomError::NoRound));
    room.open_round("shop", None).unwrap();
    room.close_round().unwrap();
    assert_eq!(state(&room)["round"].get("tally"), None);
    room.reveal_round().unwrap();
    assert_eq!(
        state(&room)["round"]["tally"]["vision"],
        json!({"Pm": 0, "Po": 0, "Unassigned": 0})
    );
}

#[test]
fn results_give_ballots_tally_and_agreement_with_null_for_an_unplaced_card() {
    let room = room();
    assert_eq!(
        serde_json::from_str::<Value>(&room.results_json()).unwrap(),
        json!({"round": null, "vote": null})
    );
    let id = room.open_round("shop", None).unwrap();
    for (who, column) in [("a", "Pm"), ("b", "Pm"), ("c", "Po")] {
        room.submit_ballot(who, "", &placements(&[("vision", column)]))
            .unwrap();
    }
    room.submit_ballot(
        "a",
        "",
        &placements(&[("vision", "Pm"), ("backlog", "Unassigned")]),
    )
    .unwrap();
    let results: Value = serde_json::from_str(&room.results_json()).unwrap();
    assert_eq!(
        results["round"],
        json!({
            "id": id,
            "product": "shop",
            "ballots": 3,
            "tally": {
                "vision": {"Pm": 2, "Po": 1, "Unassigned": 0},
                "backlog": {"Pm": 0, "Po": 0, "Unassigned": 1},
                "research": {"Pm": 0, "Po": 0, "Unassigned": 0},
            },
            "agreement": {"vision": 2.0 / 3.0, "backlog": 1.0, "research": null},
        })
    );
    let typed = room.results().round.unwrap();
    assert_eq!(typed.cards[0].1.leaders(), vec![Pm]);
}

#[test]
fn votes_open_take_dots_and_close() {
    let room = room();
    assert_eq!(
        room.submit_dots("a", &BTreeMap::from([("A".to_string(), 1)])),
        Err(RoomError::NoVote)
    );
    let id = room
        .open_vote(vec!["Option A".into(), "Option B".into()], None)
        .unwrap();
    assert_eq!(
        state(&room)["vote"],
        json!({"id": id, "options": ["Option A", "Option B"], "dots": 3, "open": true})
    );
    room.submit_dots(
        "a",
        &BTreeMap::from([("Option A".to_string(), 2), ("Option B".to_string(), 1)]),
    )
    .unwrap();
    room.submit_dots("b", &BTreeMap::from([("Option B".to_string(), 3)]))
        .unwrap();
    assert_eq!(
        room.submit_dots("b", &BTreeMap::from([("Option B".to_string(), 4)])),
        Err(RoomError::TooManyDots(3))
    );
    let results: Value = serde_json::from_str(&room.results_json()).unwrap();
    assert_eq!(
        results["vote"],
        json!({"dots": {"Option A": 2, "Option B": 4}, "voters": 2})
    );
    room.close_vote().unwrap();
    assert_eq!(state(&room)["vote"]["open"], false);
    assert_eq!(
        room.submit_dots("c", &BTreeMap::from([("Option A".to_string(), 1)])),
        Err(RoomError::VoteClosed)
    );
    let other = room.open_vote(vec!["X".into()], Some(5)).unwrap();
    assert_ne!(other, id, "each vote has its own id");
    assert_eq!(state(&room)["vote"]["dots"], 5);
}

#[test]
fn a_new_scenario_shows_at_once_and_the_round_carries_on() {
    let room = room();
    room.open_round("shop", None).unwrap();
    let mut s = scenario();
    s.name = "Renamed".into();
    if let Some(card) = s.products[0].cards.get_mut(0) {
        card.column = Po;
    }
    let a = crate::analyze(&s);
    room.update_scenario(Arc::new(s), Arc::new(a));
    let st = state(&room);
    assert_eq!(st["scenario"], "Renamed");
    assert_eq!(st["product"]["columns"]["Pm"], json!([]));
    assert_eq!(st["round"]["product"], "shop");
}

/// A ballot drawn at random: an attendee from a small pool (so some replace their
/// ballot) and a non-empty subset of the round's cards with columns.
fn ballots() -> impl proptest::strategy::Strategy<Value = Vec<(usize, Vec<(usize, usize)>)>> {
    let one = (
        0usize..8,
        prop::collection::vec((0usize..3, 0usize..3), 1..4),
    );
    prop::collection::vec(one, 0..40)
}

proptest! {
    #[test]
    fn counts_always_add_up(ballots in ballots()) {
        let room = room();
        room.open_round("shop", None).unwrap();
        let cards = ["vision", "backlog", "research"];
        let columns = ["Pm", "Po", "Unassigned"];
        // The reference: each attendee's latest ballot.
        let mut latest: HashMap<usize, BTreeMap<String, String>> = HashMap::new();
        for (who, picks) in &ballots {
            let p: BTreeMap<String, String> = picks
                .iter()
                .map(|&(c, col)| (cards[c].to_string(), columns[col].to_string()))
                .collect();
            room.submit_ballot(&format!("attendee-{who}"), "", &p).unwrap();
            latest.insert(*who, p);
        }
        let results = room.results().round.unwrap();
        prop_assert_eq!(results.ballots, latest.len());
        for (card, counts) in &results.cards {
            let placed = latest.values().filter(|b| b.contains_key(card)).count();
            prop_assert_eq!(counts.total(), placed, "{} counts every ballot that placed it once", card);
            for column in crate::model::Column::ALL {
                let expected = latest.values().filter(|b| b.get(card).map(String::as_str) == Some(column.as_str())).count();
                prop_assert_eq!(counts.get(column), expected);
            }
            match counts.agreement() {
                None => prop_assert_eq!(placed, 0),
                Some(share) => prop_assert!((1.0 / 3.0..=1.0).contains(&share)),
            }
        }
        let total: usize = results.cards.iter().map(|(_, c)| c.total()).sum();
        let placements: usize = latest.values().map(BTreeMap::len).sum();
        prop_assert_eq!(total, placements);
    }

    #[test]
    fn dots_always_add_up_and_stay_within_the_budget(
        submissions in prop::collection::vec((0usize..6, prop::collection::vec((0usize..3, 0u64..4), 0..4)), 0..30)
    ) {
        let room = room();
        let options = ["A", "B", "C"];
        room.open_vote(options.iter().map(|o| o.to_string()).collect(), Some(3)).unwrap();
        let mut latest: HashMap<usize, BTreeMap<String, u64>> = HashMap::new();
        for (who, picks) in &submissions {
            let d: BTreeMap<String, u64> = picks.iter().map(|&(o, n)| (options[o].to_string(), n)).collect();
            let total: u64 = d.values().sum();
            let got = room.submit_dots(&format!("a{who}"), &d);
            prop_assert_eq!(got.is_ok(), (1..=3).contains(&total), "{:?}", d);
            if got.is_ok() {
                latest.insert(*who, d);
            }
        }
        let vote = room.results().vote.unwrap();
        prop_assert_eq!(vote.voters, latest.len());
        let given: u64 = vote.dots.iter().map(|(_, n)| n).sum();
        let expected: u64 = latest.values().flat_map(|d| d.values()).sum();
        prop_assert_eq!(given, expected);
        prop_assert!(given <= 3 * latest.len() as u64);
    }
}
