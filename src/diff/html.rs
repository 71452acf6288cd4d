//! `diff --format html`: "Option A vs option B" as one self-contained HTML file for
//! leadership: inline CSS, no script, nothing fetched, every string escaped with
//! [`crate::escape::html`]. It prints on A4 like the report: headings stay with their
//! tables, rows are never split across pages and a table's header repeats on each page.

use crate::escape::html;

use super::document::{Align, Document};

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff;margin:0}
main{max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin-bottom:.5rem}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.sides{list-style:none;padding:0;color:#57606a}
.summary{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem .75rem 2rem}
.note{color:#57606a;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
tbody tr:nth-child(even){background:#fafbfc}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4;margin:15mm 14mm}
@media print{
body{font-size:9.5pt}
main{margin:0;max-width:none;padding:0}
h1{margin-top:0}
h2{break-after:avoid;margin-top:1.2rem}
.note{break-after:avoid}
.summary,tr{break-inside:avoid}
thead{display:table-header-group}
}
";

/// The document as HTML.
pub(super) fn render(doc: &Document) -> String {
    let title = html(&doc.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<ul class=\"sides\">\n"
    );
    for side in &doc.sides {
        out.push_str(&format!("<li>{}</li>\n", html(side)));
    }
    out.push_str("</ul>\n<ul class=\"summary\">\n");
    for line in &doc.summary {
        out.push_str(&format!("<li>{}</li>\n", html(line)));
    }
    out.push_str("</ul>\n");
    for section in &doc.sections {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", html(&section.heading)));
        if !section.note.is_empty() {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", html(&section.note)));
        }
        out.push_str("<table>\n<thead>\n<tr>");
        for (header, align) in &section.columns {
            out.push_str(&format!("<th{}>{}</th>", class(*align), html(header)));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for cells in &section.rows {
            out.push_str("<tr>");
            for (cell, (_, align)) in cells.iter().zip(&section.columns) {
                out.push_str(&format!("<td{}>{}</td>", class(*align), cell_html(cell)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    }
}

/// A cell's text, escaped; a line break in a name or message shows as one.
fn cell_html(text: &str) -> String {
    html(text).replace("\r\n", "\n").replace('\n', "<br>")
}
