//! The engine's cost per edit: analysis of synthetic organisations, beside the time to
//! parse the same file (the ratio analysis / parse is what README records).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolesplit::synth::{Size, generate};

fn engine(c: &mut Criterion) {
    for (label, size) in [
        ("100 products", Size::MEDIUM),
        ("1000 products", Size::LARGE),
    ] {
        let scenario = generate(size, 42);
        let text = rolesplit::write::scenario_to_string(&scenario);
        let mut group = c.benchmark_group(label);
        group.sample_size(20);
        group.bench_function(BenchmarkId::new("analyze", label), |b| {
            b.iter(|| rolesplit::analyze(std::hint::black_box(&scenario)))
        });
        group.bench_function(BenchmarkId::new("parse", label), |b| {
            b.iter(|| rolesplit::parse::scenario_from_str(std::hint::black_box(&text)))
        });
        group.bench_function(BenchmarkId::new("save", label), |b| {
            b.iter(|| rolesplit::write::scenario_to_string(std::hint::black_box(&scenario)))
        });
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
