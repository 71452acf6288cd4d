//! `diff --format text`: the comparison for a person at a terminal.

use super::document::{Align, Document, Section};
use crate::escape;

/// The document as plain text: the title, both options, the summary, then each section
/// as a padded table.
pub(super) fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&doc.title);
    out.push('\n');
    for side in &doc.sides {
        out.push_str(&escape::terminal_cell(side));
        out.push('\n');
    }
    out.push('\n');
    for line in &doc.summary {
        out.push_str(line);
        out.push('\n');
    }
    for section in &doc.sections {
        out.push('\n');
        out.push_str(&section.heading);
        out.push('\n');
        if !section.note.is_empty() {
            out.push_str(&section.note);
            out.push('\n');
        }
        table(section, &mut out);
    }
    out
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// The table indented by two spaces, each column as wide as its widest cell, numbers
/// aligned right.
fn table(section: &Section, out: &mut String) {
    let rows: Vec<Vec<String>> = section
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| escape::terminal_cell(cell)).collect())
        .collect();
    let mut widths: Vec<usize> = section.columns.iter().map(|(h, _)| width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for ((cell, w), (_, align)) in cells.zip(&widths).zip(&section.columns) {
            let pad = " ".repeat(w.saturating_sub(width(cell)));
            text.push_str("  ");
            match align {
                Align::Left => {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                Align::Right => {
                    text.push_str(&pad);
                    text.push_str(cell);
                }
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut section.columns.iter().map(|(h, _)| h.as_str()));
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
}
