//! Suggestions for the bundled enterprise sample and a 100-product synthetic
//! organisation, each beside the time to parse the same file (README, "Suggestions").

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rolesplit::suggest::{SuggestOptions, suggest};
use rolesplit::synth::{Size, generate};

fn suggestions(c: &mut Criterion) {
    let enterprise = rolesplit::samples::SAMPLES
        .iter()
        .find(|s| s.file_name == "enterprise.ron")
        .expect("the enterprise sample is bundled")
        .text
        .to_string();
    let medium = rolesplit::write::scenario_to_string(&generate(Size::MEDIUM, 42));
    for (label, text) in [("enterprise sample", enterprise), ("100 products", medium)] {
        let scenario = rolesplit::parse::scenario_from_str(&text).expect("parses");
        let options = SuggestOptions::default();
        let first = suggest(&scenario, &options).expect("not cancelled");
        assert!(!first.proposals.is_empty(), "{label}: some proposal");
        let mut group = c.benchmark_group(format!("suggest {label}"));
        group.sample_size(10);
        group.bench_function(BenchmarkId::new("suggest", label), |b| {
            b.iter(|| suggest(std::hint::black_box(&scenario), &options))
        });
        group.bench_function(BenchmarkId::new("parse", label), |b| {
            b.iter(|| rolesplit::parse::scenario_from_str(std::hint::black_box(&text)))
        });
        group.finish();
    }
}

criterion_group!(benches, suggestions);
criterion_main!(benches);
