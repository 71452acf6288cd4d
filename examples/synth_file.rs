//! Writes a synthetic organisation (`rolesplit::synth`) to a scenario file, for timing
//! `rolesplit check` and the window on large files (README, "Proven at scale").
//!
//! `cargo run --release --example synth_file -- large /tmp/large.ron [SEED]`
//! (`medium`: 100 products × 4 teams × 40 cards, 500 people; `large`: 1,000 products,
//! 5,000 people; the seed defaults to 42, as in the benchmarks).

use std::process::ExitCode;

use rolesplit::synth::{Size, generate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (size, path, seed) = match args.as_slice() {
        [size, path] => (size, path, Some("42")),
        [size, path, seed] => (size, path, Some(seed.as_str())),
        _ => (&String::new(), &String::new(), None),
    };
    let size = match size.as_str() {
        "medium" => Some(Size::MEDIUM),
        "large" => Some(Size::LARGE),
        _ => None,
    };
    let (Some(size), Some(Ok(seed))) = (size, seed.map(str::parse::<u64>)) else {
        eprintln!("usage: synth_file medium|large FILE [SEED]");
        return ExitCode::from(2);
    };
    let scenario = generate(size, seed);
    match rolesplit::io::save(std::path::Path::new(path), &scenario) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth_file: {e}");
            ExitCode::from(2)
        }
    }
}
