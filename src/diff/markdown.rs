//! `diff --format md`: "Option A vs option B" as Markdown for leadership. Every string
//! goes through [`crate::escape`], so names stay text and table rows keep their cells.

use crate::escape::{markdown_cell, markdown_text};

use super::document::{Align, Document};

/// The document as Markdown (GitHub-flavoured tables).
pub(super) fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", markdown_cell(&doc.title));
    for side in &doc.sides {
        out.push_str(&format!("- {}\n", markdown_cell(side)));
    }
    out.push_str("\n## Summary\n\n");
    for line in &doc.summary {
        out.push_str(&format!("- {}\n", markdown_cell(line)));
    }
    for section in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", markdown_cell(&section.heading)));
        if !section.note.is_empty() {
            out.push_str(&markdown_text(&section.note));
            out.push_str("\n\n");
        }
        let header: Vec<String> = section
            .columns
            .iter()
            .map(|(h, _)| markdown_cell(h))
            .collect();
        out.push_str(&row(&header));
        let rule: Vec<String> = section
            .columns
            .iter()
            .map(|(_, align)| match align {
                Align::Left => "---".to_string(),
                Align::Right => "---:".to_string(),
            })
            .collect();
        out.push_str(&row(&rule));
        for cells in &section.rows {
            let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
            out.push_str(&row(&cells));
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}
