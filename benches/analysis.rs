//! The engine's cost per edit: analysis, validation and saving of the bundled enterprise
//! sample and of synthetic organisations of 100 and 1,000 products, beside the time to
//! parse the same file (README records each and its ratio to parse), and the whole of
//! `check` once the file is read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolesplit::synth::{Size, generate};

fn engine(c: &mut Criterion) {
    // The bundled enterprise sample as it is on disk, beside its frame in benches/frame.rs.
    let enterprise = rolesplit::samples::SAMPLES
        .iter()
        .find(|s| s.file_name == "enterprise.ron")
        .expect("bundled")
        .text
        .to_string();
    for (label, text) in [
        ("enterprise sample", enterprise),
        (
            "100 products",
            rolesplit::write::scenario_to_string(&generate(Size::MEDIUM, 42)),
        ),
        (
            "1000 products",
            rolesplit::write::scenario_to_string(&generate(Size::LARGE, 42)),
        ),
    ] {
        let scenario = rolesplit::parse::scenario_from_str(&text).expect("loads");
        let mut group = c.benchmark_group(label);
        group.sample_size(20);
        group.bench_function(BenchmarkId::new("analyze", label), |b| {
            b.iter(|| rolesplit::analyze(std::hint::black_box(&scenario)))
        });
        group.bench_function(BenchmarkId::new("parse", label), |b| {
            b.iter(|| rolesplit::parse::scenario_from_str(std::hint::black_box(&text)))
        });
        group.bench_function(BenchmarkId::new("validate", label), |b| {
            b.iter(|| rolesplit::validate::validate_scenario(std::hint::black_box(&scenario)))
        });
        group.bench_function(BenchmarkId::new("save", label), |b| {
            b.iter(|| rolesplit::write::scenario_to_string(std::hint::black_box(&scenario)))
        });
        // What `rolesplit check FILE` does once the file is read: load, analyse, report.
        group.bench_function(BenchmarkId::new("check text", label), |b| {
            b.iter(|| {
                let s = rolesplit::parse::scenario_from_str(std::hint::black_box(&text)).unwrap();
                let a = rolesplit::analyze(&s);
                rolesplit::report::check_text("x.ron", &s, &a, rolesplit::io::today())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
