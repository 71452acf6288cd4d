//! The window fits the room: at projector and laptop sizes, in normal and presentation
//! mode, with and without Suggestions, nothing is cut off or drawn over anything else.
//! Positions come from the accessibility tree, as a screen reader sees them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rolesplit::app::AppState;

type H = Harness<'static, AppState>;

/// The sizes of projectors and laptops the layout is checked at.
const SIZES: [(f32, f32); 2] = [(1280.0, 720.0), (1024.0, 768.0)];

const PANELS: [&str; 5] = [
    "Menu bar",
    "Status line",
    "Products panel",
    "People and findings panel",
    "Central panel",
];

fn enterprise() -> rolesplit::Scenario {
    rolesplit::samples::SAMPLES
        .iter()
        .find(|s| s.file_name == "enterprise.ron")
        .expect("the enterprise sample")
        .scenario()
        .expect("it loads")
}

/// The whole window at a size, optionally in presentation mode and with Suggestions open.
fn window(size: (f32, f32), presenting: bool, suggestions: bool) -> H {
    window_of(enterprise(), size, presenting, suggestions)
}

/// [`window`] on another scenario.
fn window_of(
    scenario: rolesplit::Scenario,
    size: (f32, f32),
    presenting: bool,
    suggestions: bool,
) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(egui::Theme::Dark)
        .with_max_steps(64)
        .build_ui_state(
            |ui, state: &mut AppState| rolesplit::app::workbench_ui(ui, state),
            AppState::new(scenario, None),
        );
    h.run();
    if presenting {
        h.key_press(Key::F11);
        h.run();
    }
    if suggestions {
        h.key_press_modifiers(Modifiers::COMMAND, Key::G);
        wait_for_suggestions(&mut h);
    }
    h
}

/// Runs frames until the search for proposals has finished.
fn wait_for_suggestions(h: &mut H) {
    for _ in 0..600 {
        h.run_steps(1);
        if !h.state().suggest.is_running() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the suggestions never finished");
}

/// The window's rectangle, in the same (logical) units as the nodes' rectangles.
fn screen(h: &H) -> Rect {
    h.ctx.content_rect()
}

fn rect_of(h: &H, label: &str) -> Rect {
    h.get_by_label(label).rect()
}

/// Whether `inner` lies inside `outer` (half a point of rounding allowed).
fn inside(inner: Rect, outer: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

fn describe(size: (f32, f32), presenting: bool, suggestions: bool) -> String {
    format!(
        "{}×{}{}{}",
        size.0,
        size.1,
        if presenting { ", presenting" } else { "" },
        if suggestions {
            ", with Suggestions"
        } else {
            ""
        }
    )
}

#[test]
fn no_two_panels_overlap_and_every_panel_is_inside_the_window() {
    for size in SIZES {
        for presenting in [false, true] {
            for suggestions in [false, true] {
                let h = window(size, presenting, suggestions);
                let case = describe(size, presenting, suggestions);
                let panels: Vec<(&str, Rect)> = PANELS
                    .iter()
                    .filter(|name| !(presenting && **name == "Products panel"))
                    .map(|name| (*name, rect_of(&h, name)))
                    .collect();
                for (i, (a, ra)) in panels.iter().enumerate() {
                    assert!(
                        inside(*ra, screen(&h)),
                        "{case}: {a} {ra:?} inside {:?}",
                        screen(&h)
                    );
                    for (b, rb) in panels.iter().skip(i + 1) {
                        // Neighbours share their separator line (a point or two once
                        // presentation's enlargement is rounded), never more.
                        let overlap = ra.intersect(*rb);
                        assert!(
                            overlap.width() <= 3.0 || overlap.height() <= 3.0,
                            "{case}: {a} {ra:?} and {b} {rb:?} overlap"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_board_column_header_shows_inside_the_board() {
    for size in SIZES {
        for presenting in [false, true] {
            for suggestions in [false, true] {
                let h = window(size, presenting, suggestions);
                let case = describe(size, presenting, suggestions);
                let board = rect_of(&h, "Central panel");
                for header in ["PM", "PO", "Unassigned"] {
                    let r = h
                        .get_all_by_label(header)
                        .map(|n| n.rect())
                        .find(|r| r.top() > board.top())
                        .unwrap_or_else(|| panic!("{case}: the {header} column's header"));
                    assert!(inside(r, board), "{case}: {header} {r:?} inside {board:?}");
                }
                // The header line of the board: market, teams, engineers.
                let line = rect_of(&h, "Evolving · 5 teams · 80 engineers");
                assert!(inside(line, board), "{case}: header line {line:?}");
            }
        }
    }
}

/// With a card selected, its details take the bottom of the board: each column's cards end
/// above them, never under them. (egui lays out one row past the end of a list, clipped
/// out of sight: at most that one card of a column may start under the details.)
#[test]
fn the_cards_end_above_the_card_details() {
    for size in SIZES {
        let mut h = window(size, false, false);
        let case = describe(size, false, false);
        let product = h.state().doc.scenario.products[0].clone();
        let selected = product.cards[0].responsibility.clone();
        h.state_mut().view.selection.card = Some(selected.clone());
        h.run();
        let details = rect_of(&h, "Card details panel");
        let central = rect_of(&h, "Central panel");
        // The selected card also shows in its details: only the others are looked at.
        let titles: Vec<String> = product
            .cards
            .iter()
            .filter(|c| c.responsibility != selected)
            .filter_map(|c| h.state().doc.scenario.responsibility(&c.responsibility))
            .map(|r| r.title.clone())
            .collect();
        let mut shown = 0;
        // Per column (by its left edge): the tops of the cards that start under the details.
        let mut under: std::collections::BTreeMap<i32, Vec<f32>> = Default::default();
        for title in &titles {
            for node in h
                .query_all_by_label(title)
                .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
            {
                let r = node.rect();
                if r.top() < central.top() {
                    continue;
                }
                shown += 1;
                if r.top() >= details.top() {
                    under.entry(r.left() as i32).or_default().push(r.top());
                }
            }
        }
        assert!(shown > 3, "{case}: the board shows cards ({shown})");
        for button in ["Record a decision…", "Take off this board…", "Close"] {
            let r = h
                .query_all_by_label(button)
                .map(|n| n.rect())
                .find(|r| r.top() >= details.top())
                .unwrap_or_else(|| panic!("{case}: the details' {button}"));
            assert!(
                inside(r, details),
                "{case}: {button} {r:?} inside {details:?}"
            );
        }
        for (left, tops) in &under {
            assert!(
                tops.len() <= 1,
                "{case}: cards of the column at x = {left} start under the card details at {details:?}: {tops:?}"
            );
        }
    }
}

#[test]
fn the_timer_and_its_controls_show_in_presentation_mode_running_or_not() {
    for size in SIZES {
        let mut h = window(size, true, false);
        let case = describe(size, true, false);
        for word in ["Start", "Reset", "Help"] {
            let r = rect_of(&h, word);
            assert!(inside(r, screen(&h)), "{case}: {word} {r:?}");
        }
        h.get_by_label("Start").click();
        h.run();
        assert!(
            h.state().workshop.timer.is_running(),
            "{case}: Start starts the timer"
        );
        for word in ["Pause", "Reset", "Help"] {
            let r = rect_of(&h, word);
            assert!(inside(r, screen(&h)), "{case} (running): {word} {r:?}");
        }
        let clock = rect_of(&h, "10:00");
        assert!(inside(clock, screen(&h)), "{case}: the clock {clock:?}");
    }
}

#[test]
fn the_way_out_of_presentation_shows_at_every_size_and_leaves_it() {
    for size in SIZES {
        for suggestions in [false, true] {
            let mut h = window(size, true, suggestions);
            let case = describe(size, true, suggestions);
            let r = rect_of(&h, "Leave presentation");
            assert!(inside(r, screen(&h)), "{case}: Leave presentation {r:?}");
            h.get_by_label("Leave presentation").click();
            h.run();
            assert!(!h.state().prefs.presentation, "{case}: it leaves");
        }
    }
}

#[test]
fn each_seat_lock_stays_on_the_line_of_its_picker_inside_its_column() {
    for sample in rolesplit::samples::SAMPLES {
        for size in SIZES {
            for presenting in [false, true] {
                let scenario = sample.scenario().expect("loads");
                let h = window_of(scenario, size, presenting, false);
                let case = format!(
                    "{}, {}",
                    sample.file_name,
                    describe(size, presenting, false)
                );
                seats_fit(&h, &case);
            }
        }
    }
}

/// Each seat of the board's product: its lock just right of a picker on the same line, and
/// ending before the next column's header.
fn seats_fit(h: &H, case: &str) {
    let board = rect_of(h, "Central panel");
    let header = |name: &str| {
        h.get_all_by_label(name)
            .map(|n| n.rect())
            .find(|r| r.top() > board.top())
            .unwrap_or_else(|| panic!("{case}: the {name} header"))
    };
    let (po, unassigned) = (header("PO"), header("Unassigned"));
    let product = h.state().view.selection.product.clone().expect("a product");
    let s = &h.state().doc.scenario;
    let shown = s.products.iter().find(|p| p.id == product).expect("board");
    let mut seats = vec![(format!("PM of {}", shown.name), po)];
    seats.extend(
        s.teams
            .iter()
            .filter(|t| t.product == product)
            .map(|t| (format!("PO of {}", t.name), unassigned)),
    );
    let pickers: Vec<Rect> = h
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .map(|n| n.rect())
        .collect();
    for (seat, next_column) in seats {
        let lock = rect_of(h, &format!("Lock the seat: {seat}"));
        let beside = pickers.iter().any(|picker| {
            (picker.center().y - lock.center().y).abs() < 1.0
                && picker.right() <= lock.left()
                && lock.left() - picker.right() < 40.0
        });
        assert!(
            beside,
            "{case}: a picker just left of the lock {lock:?} of {seat}"
        );
        assert!(
            lock.right() <= next_column.left(),
            "{case}: the lock {lock:?} of {seat} ends before the next column {next_column:?}"
        );
    }
}

#[test]
fn the_advice_answers_show_at_every_size() {
    for size in SIZES {
        for presenting in [false, true] {
            let mut h = window(size, presenting, false);
            common::open_tab(&mut h, "Advice");
            let case = describe(size, presenting, false);
            let central = rect_of(&h, "Central panel");
            // The six product-manager questions come first; the list scrolls below them.
            for q in [
                "needs_strategy",
                "market_research",
                "many_departments",
                "new_products",
                "validating_fit",
                "outcomes_over_velocity",
            ] {
                for answer in ["Yes", "No", "Not answered"] {
                    let name = format!("{answer}: {q}");
                    let r = rect_of(&h, &name);
                    assert!(
                        r.left() >= central.left() - 0.5 && r.right() <= central.right() + 0.5,
                        "{case}: {name} {r:?} within {central:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_open_points_buttons_show_at_every_size() {
    let mut scenario = enterprise();
    for product in &mut scenario.products {
        for card in product.cards.iter_mut().take(2) {
            card.flagged = true;
            card.note = "We could not agree who runs this; the PO wants it, the PM says it is strategy and should stay with product management for now".into();
        }
    }
    for size in SIZES {
        for presenting in [false, true] {
            let mut h = window(size, presenting, false);
            h.state_mut().doc.scenario = scenario.clone().into();
            h.run();
            common::open_tab(&mut h, "Record");
            let case = describe(size, presenting, false);
            let central = rect_of(&h, "Central panel");
            let buttons: Vec<Rect> = h
                .query_all_by(|n| {
                    n.label()
                        .is_some_and(|l| l.starts_with("Show ") || l.starts_with("Resolved "))
                })
                .map(|n| n.rect())
                .filter(|r| r.top() < central.bottom())
                .collect();
            assert!(buttons.len() >= 4, "{case}: open points' buttons in view");
            for r in buttons {
                assert!(
                    r.left() >= central.left() - 0.5 && r.right() <= central.right() + 0.5,
                    "{case}: button {r:?} within {central:?}"
                );
            }
        }
    }
}

#[test]
fn a_finding_shows_its_whole_message_not_only_in_a_tooltip() {
    let h = window((1280.0, 720.0), true, false);
    let finding = h
        .state()
        .doc
        .analysis
        .findings
        .first()
        .expect("a finding")
        .clone();
    assert!(
        finding.message.len() > 60,
        "a long message: {}",
        finding.message
    );
    let node = h.get_by_label(&finding.message);
    let panel = rect_of(&h, "People and findings panel");
    assert!(
        inside(node.rect(), panel),
        "the finding's row lies in its panel"
    );
    assert!(
        node.rect().height() > 30.0,
        "the message wraps over more than one line: {:?}",
        node.rect()
    );
}

#[test]
fn clicking_a_finding_leaves_the_panel_as_wide_as_it_was() {
    let mut h = window((1280.0, 720.0), false, false);
    let before = rect_of(&h, "People and findings panel");
    let message = h
        .state()
        .doc
        .analysis
        .findings
        .first()
        .expect("a finding")
        .message
        .clone();
    h.get_by_label(&message).click();
    h.run();
    let after = rect_of(&h, "People and findings panel");
    assert!(
        h.state().view.selection.finding.is_some(),
        "the finding is selected"
    );
    assert!(
        (after.width() - before.width()).abs() < 1.0,
        "width {} then {}",
        before.width(),
        after.width()
    );
}

#[test]
fn snapshots_at_projector_sizes() {
    let mut results = egui_kittest::SnapshotResults::new();
    for size in SIZES {
        let tag = format!("{}x{}", size.0, size.1);
        let mut h = window(size, false, false);
        results.add(h.try_snapshot(format!("layout_board_{tag}")));
        // A card selected: its details under the board's columns.
        let first = h.state().doc.scenario.products[0].cards[0]
            .responsibility
            .clone();
        h.state_mut().view.selection.card = Some(first);
        h.run();
        results.add(h.try_snapshot(format!("layout_card_details_{tag}")));
        drop(h);
        h = window(size, true, false);
        results.add(h.try_snapshot(format!("layout_presentation_{tag}")));
        common::open_tab(&mut h, "Advice");
        results.add(h.try_snapshot(format!("layout_advice_{tag}")));
        common::open_tab(&mut h, "Record");
        results.add(h.try_snapshot(format!("layout_record_{tag}")));
        h = window(size, true, true);
        results.add(h.try_snapshot(format!("layout_presentation_suggestions_{tag}")));
    }
}
