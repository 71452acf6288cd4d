//! rolesplit: decide who does product manager (PM) and who does product owner (PO) work.
//!
//! The core (model, files, load, findings, advice, cost) is pure and has no GUI in it; the
//! window lives in `app` behind the `gui` feature, the command line in `cli` behind the
//! `cli` feature. `testkit` and `synth` serve tests, benchmarks and examples (the
//! `testkit` feature) and are not part of the shipped program.

pub mod advice;
pub mod analysis;
pub mod catalogue;
pub mod changes;
pub mod checklist;
pub mod cost;
pub mod diff;
pub mod edit;
pub mod error;
pub mod escape;
pub mod export;
pub mod findings;
pub mod growth;
pub mod import;
pub mod io;
pub mod load;
pub mod locate;
pub mod model;
pub mod num;
pub mod parse;
pub mod record;
pub mod report;
pub mod role_fit;
pub mod room;
pub mod samples;
pub mod seats;
pub mod sources;
pub mod suggest;
pub mod validate;
pub mod write;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "cli")]
pub mod cli;
#[cfg(any(test, feature = "testkit"))]
pub mod synth;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

pub use analysis::{Analysis, analyze};
pub use model::Scenario;
