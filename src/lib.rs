//! rolesplit: decide who does product manager (PM) and who does product owner (PO) work.
//!
//! The core (model, files, load, findings, advice, cost) is pure and has no GUI in it; the
//! window lives in [`app`] behind the `gui` feature, the command line in [`cli`].

pub mod advice;
pub mod analysis;
pub mod catalogue;
pub mod checklist;
pub mod cli;
pub mod cost;
pub mod diff;
pub mod edit;
pub mod error;
pub mod escape;
pub mod export;
pub mod findings;
pub mod import;
pub mod io;
pub mod load;
pub mod locate;
pub mod model;
pub mod num;
pub mod parse;
pub mod report;
pub mod samples;
pub mod seats;
pub mod suggest;
pub mod synth;
pub mod testkit;
pub mod validate;
pub mod write;

#[cfg(feature = "gui")]
pub mod app;

pub use analysis::{Analysis, analyze};
pub use model::Scenario;
