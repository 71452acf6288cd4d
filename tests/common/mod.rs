//! Helpers shared by the integration tests.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

/// The scenario file of scenario-format.md's example.
pub fn example_text() -> String {
    std::fs::read_to_string("tests/fixtures/example.ron").expect("fixture exists")
}

/// The example with `from` replaced by `to` (which must occur).
pub fn example_with(from: &str, to: &str) -> String {
    let text = example_text();
    assert!(text.contains(from), "the example contains {from:?}");
    text.replacen(from, to, 1)
}

/// Writes text to a file in a fresh temporary folder; keep the folder alive while used.
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in text"));
    text[..at].matches('\n').count() + 1
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
