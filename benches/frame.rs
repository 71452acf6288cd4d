//! One full frame of the window (egui's `Context::run_ui` then `tessellate`), as
//! egui_demo_lib's own benchmark measures it: the bundled enterprise sample and a
//! synthetic organisation of 100 products × 4 teams × 40 cards.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use criterion::{Criterion, criterion_group, criterion_main};
use rolesplit::app::{AppState, workbench_ui};

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1440.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let enterprise = rolesplit::samples::SAMPLES
        .iter()
        .find(|s| s.file_name == "enterprise.ron")
        .expect("bundled")
        .scenario()
        .expect("loads");
    let synthetic = rolesplit::synth::generate(rolesplit::synth::Size::MEDIUM, 42);
    for (label, scenario) in [
        ("enterprise sample", enterprise),
        ("100 products", synthetic),
    ] {
        let ctx = egui::Context::default();
        let mut state = AppState::new(scenario, None);
        // Settle fonts and layout first, as a running window has.
        for _ in 0..3 {
            let _ = ctx.run_ui(raw_input(), |ui| workbench_ui(ui, &mut state));
        }
        c.bench_function(&format!("frame/{label}"), |b| {
            b.iter(|| {
                let output = ctx.run_ui(raw_input(), |ui| workbench_ui(ui, &mut state));
                ctx.tessellate(output.shapes, output.pixels_per_point)
            })
        });
    }
}

criterion_group!(benches, frame);
criterion_main!(benches);
