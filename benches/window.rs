//! The window at 500 and 5,000 people (`rolesplit::synth`, seed 42): each row of issue 17's
//! table (an edit and the frame after it, undo and redo, a keystroke, the board with a
//! search, the Compare tab, the overview, the recovery copy) and every tab's frame, each
//! beside the time to parse the same file. A frame is egui's `Context::run_ui` then
//! `tessellate` at 1440×900, as `benches/frame.rs` measures it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolesplit::app::compare::{CompareAction, CompareSection};
use rolesplit::app::{AppState, Tab, workbench_ui};
use rolesplit::edit::{Edit, Place};
use rolesplit::model::{Column, Scenario};
use rolesplit::synth::{Size, generate};

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1440.0, 900.0),
        )),
        ..Default::default()
    }
}

/// A window without a display: the state and egui's context.
struct Window {
    ctx: egui::Context,
    state: AppState,
}

impl Window {
    fn new(scenario: Scenario) -> Window {
        let mut w = Window {
            ctx: egui::Context::default(),
            state: AppState::new(scenario, None),
        };
        w.settle();
        w
    }

    /// One whole frame: the UI pass and tessellation.
    fn frame(&mut self) -> usize {
        let state = &mut self.state;
        let output = self.ctx.run_ui(raw_input(), |ui| workbench_ui(ui, state));
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }

    /// A few frames, so that fonts, layout and derived views are ready, as in a running
    /// window.
    fn settle(&mut self) {
        for _ in 0..3 {
            self.frame();
        }
    }
}

/// The first card in the PM column of the first product: the card the real-window check
/// moves.
fn first_pm_card(s: &Scenario) -> (String, String) {
    let product = s.products.first().expect("a product");
    let card = product
        .cards
        .iter()
        .find(|c| c.column == Column::Pm)
        .expect("a PM card");
    (product.id.clone(), card.responsibility.clone())
}

fn move_card(product: &str, responsibility: &str, to: Column) -> Edit {
    Edit::MoveCard {
        product: product.to_string(),
        responsibility: responsibility.to_string(),
        to,
        place: Place::Keep,
    }
}

/// The resident memory of this process, in MiB (Linux).
fn resident_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

/// What 80 card moves add to the window's memory at 5,000 people (printed, not timed:
/// criterion measures time only).
fn memory_after_moves() {
    let scenario = generate(Size::LARGE, 42);
    let (product, card) = first_pm_card(&scenario);
    let mut w = Window::new(scenario);
    let before = resident_mib();
    for i in 0..80 {
        let to = if i % 2 == 0 { Column::Po } else { Column::Pm };
        w.state.apply(move_card(&product, &card, to)).unwrap();
        w.frame();
    }
    eprintln!(
        "5000 people, 80 card moves: the history counts {:.1} MiB; resident memory grew by {:.0} MiB (to {:.0} MiB)",
        w.state.doc.history.bytes() as f64 / (1024.0 * 1024.0),
        resident_mib() - before,
        resident_mib()
    );
}

fn window(c: &mut Criterion) {
    memory_after_moves();
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (label, size) in [("500 people", Size::MEDIUM), ("5000 people", Size::LARGE)] {
        let scenario = generate(size, 42);
        let text = rolesplit::write::scenario_to_string(&scenario);
        let (product, card) = first_pm_card(&scenario);
        let mut group = c.benchmark_group(label);
        group.sample_size(20);
        group.bench_function(BenchmarkId::new("parse", label), |b| {
            b.iter(|| rolesplit::parse::scenario_from_str(std::hint::black_box(&text)))
        });

        // A card moved by key (Ctrl+2, Ctrl+1), the card selected as in the window.
        let mut w = Window::new(scenario.clone());
        w.state.view.selection.card = Some(card.clone());
        let mut to_po = true;
        group.bench_function(BenchmarkId::new("move a card + frame", label), |b| {
            b.iter(|| {
                let to = if to_po { Column::Po } else { Column::Pm };
                to_po = !to_po;
                w.state.apply(move_card(&product, &card, to)).unwrap();
                w.frame()
            })
        });
        group.bench_function(BenchmarkId::new("move a card (apply alone)", label), |b| {
            b.iter(|| {
                let to = if to_po { Column::Po } else { Column::Pm };
                to_po = !to_po;
                w.state.apply(move_card(&product, &card, to)).unwrap()
            })
        });
        // Undo and redo in turn, so that both stacks stay as they are.
        let mut undo = true;
        group.bench_function(BenchmarkId::new("undo or redo + frame", label), |b| {
            b.iter(|| {
                let done = if undo { w.state.undo() } else { w.state.redo() };
                undo = !undo;
                assert!(done);
                w.frame()
            })
        });
        // An edit that adds to a list (a person): checked and analysed whole.
        let mut n = 0;
        group.bench_function(BenchmarkId::new("add a person + frame", label), |b| {
            b.iter(|| {
                n += 1;
                let person = rolesplit::model::Person {
                    id: format!("bench-person-{n}"),
                    name: format!("Bench person {n}"),
                    capacity_hours: 40.0,
                    other_hours: 0.0,
                    annual_cost: None,
                };
                w.state.apply(Edit::AddPerson(person)).unwrap();
                w.frame()
            })
        });
        // The recovery copy: what the frame that writes it spends on the UI thread.
        w.state = AppState::new(scenario.clone(), None).with_recovery_dir(folder.path().into());
        w.state
            .apply(move_card(&product, &card, Column::Po))
            .unwrap();
        group.bench_function(
            BenchmarkId::new("recovery copy on the UI thread", label),
            |b| b.iter(|| w.state.files.recovery.write(&w.state.doc)),
        );
        // The copies handed over are written before the next measurement.
        w.state.files.recovery.flush();

        // Typing into a person's name in the People table: one burst, one undo step.
        let mut w = Window::new(scenario.clone());
        w.state.view.tab = Tab::People;
        w.settle();
        let person = scenario.people.first().expect("a person").clone();
        let mut longer = true;
        group.bench_function(
            BenchmarkId::new("keystroke in an editor + frame", label),
            |b| {
                b.iter(|| {
                    let mut p = person.clone();
                    if longer {
                        p.name.push('x');
                    }
                    longer = !longer;
                    let edit = Edit::UpdatePerson(p);
                    let key = format!("person:{}:name", person.id);
                    w.state.apply_merging(edit, Some(key)).unwrap();
                    w.frame()
                })
            },
        );

        // The board with text in the search box.
        let mut w = Window::new(scenario.clone());
        w.state.view.search = "responsibility 1".into();
        w.settle();
        group.bench_function(BenchmarkId::new("board frame with a search", label), |b| {
            b.iter(|| w.frame())
        });
        // Typing into the search box: every frame has a new text to filter by.
        let mut longer = true;
        group.bench_function(BenchmarkId::new("typing in the search box", label), |b| {
            b.iter(|| {
                w.state.view.search = if longer {
                    "responsibility 12".into()
                } else {
                    "responsibility 1".into()
                };
                longer = !longer;
                w.frame()
            })
        });

        // The Compare tab with one saved file, each of its parts.
        let other = folder.path().join(format!("other-{}.ron", size.products));
        rolesplit::io::save(&other, &generate(size, 43)).expect("saved");
        let mut w = Window::new(scenario.clone());
        w.state.add_to_comparison(&other);
        w.state.view.tab = Tab::Compare;
        w.state.compare.finish_building(&w.state.doc);
        for section in CompareSection::ALL {
            w.state.compare.act(CompareAction::Section(section));
            w.settle();
            let name = format!("compare frame ({})", section.label());
            group.bench_function(BenchmarkId::new(name, label), |b| b.iter(|| w.frame()));
        }
        // An edit while the Compare tab shows (an undo by key): the comparison is worked
        // out again for the next frame.
        // At 5,000 people the comparison is worked out on a thread: the frame after the
        // edit starts it (from a copy of the scenario), and the tab shows it under way.
        let mut to_po = true;
        group.bench_function(BenchmarkId::new("compare: edit + frame", label), |b| {
            b.iter_custom(|iters| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iters {
                    // The last edit's comparison is in first (not timed).
                    w.state.compare.finish_building(&w.state.doc);
                    let to = if to_po { Column::Po } else { Column::Pm };
                    to_po = !to_po;
                    let started = std::time::Instant::now();
                    w.state.apply(move_card(&product, &card, to)).unwrap();
                    w.frame();
                    spent += started.elapsed();
                }
                spent
            })
        });
        // How long until the comparison after an edit is in (on its thread at 5,000).
        group.bench_function(
            BenchmarkId::new("compare: edit until the comparison is in", label),
            |b| {
                b.iter(|| {
                    let to = if to_po { Column::Po } else { Column::Pm };
                    to_po = !to_po;
                    w.state.apply(move_card(&product, &card, to)).unwrap();
                    w.state.compare.finish_building(&w.state.doc);
                })
            },
        );

        // Every tab, with the first card and the first person selected.
        let mut w = Window::new(scenario.clone());
        w.state.view.selection.card = Some(card.clone());
        w.state
            .view
            .selection
            .select_person(scenario.people.first().map(|p| p.id.as_str()));
        for tab in Tab::ALL {
            w.state.view.tab = tab;
            w.settle();
            let name = format!("frame ({})", tab.label());
            group.bench_function(BenchmarkId::new(name, label), |b| b.iter(|| w.frame()));
        }
        group.finish();
    }
}

criterion_group!(benches, window);
criterion_main!(benches);
