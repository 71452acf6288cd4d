//! `--format xlsx`: the split as an Excel workbook, written with `rust_xlsxwriter`. Sheets
//! `Split` (the CSV export's rows), `Matrix` (the matrix export), `People`, `Findings` and
//! `Advice`; each with its header row frozen and a filter on it, and columns as wide as
//! their content (within reason). Texts from the scenario are string cells, never
//! formulas, so a name `=1+2` stays text and needs none of the CSV exports' guard; hours
//! are the CSV's numbers (one decimal), flags booleans, costs whole dollars.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::Cell;
use crate::analysis::Analysis;
use crate::model::Scenario;
use crate::num::round1;

/// The sheets, in the workbook's order.
pub const SHEETS: [&str; 5] = ["Split", "Matrix", "People", "Findings", "Advice"];

/// The most characters Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Columns grow with their content up to this width (pixels), so that a long note does
/// not push the rest of the sheet off the screen.
const MAX_COLUMN_PIXELS: u32 = 480;
/// Widths are measured on this many rows: enough for what a screen shows.
const AUTOFIT_ROWS: u32 = 2_000;

/// Why a workbook could not be made (a text too long for a cell, a sheet too large).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the workbook cannot be written: {0}")]
pub struct WorkbookError(String);

/// The workbook export, as the bytes of an `.xlsx` file. `analysis` must be the
/// scenario's own (`crate::analyze(scenario)`).
pub fn workbook(s: &Scenario, a: &Analysis) -> Result<Vec<u8>, WorkbookError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let split = super::csv::table(s, a);
    let matrix = super::matrix::table(s, a);
    // The matrix's totals row stays out of its filter, so sorting keeps it last.
    let matrix_body = matrix.len().saturating_sub(1);
    let tables = [
        (split, None),
        (matrix, Some(matrix_body)),
        (people(s, a), None),
        (findings(a), None),
        (advice(s, a), None),
    ];
    for (name, (rows, filtered)) in SHEETS.into_iter().zip(tables) {
        let sheet = book
            .add_worksheet()
            .set_name(name)
            .map_err(|e| sheet_error(name, &e))?;
        write_sheet(sheet, &rows, filtered, &formats).map_err(|e| sheet_error(name, &e))?;
    }
    book.save_to_buffer()
        .map_err(|e| WorkbookError(e.to_string()))
}

fn sheet_error(sheet: &str, e: &XlsxError) -> WorkbookError {
    WorkbookError(format!("the {sheet} sheet: {e}"))
}

/// The number formats of the typed cells.
struct Formats {
    header: Format,
    hours: Format,
    percent: Format,
    dollars: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            hours: Format::new().set_num_format("0.0"),
            percent: Format::new().set_num_format("0%"),
            dollars: Format::new().set_num_format("$#,##0"),
        }
    }
}

/// Writes a table (its first row the header) into a sheet: header bold and frozen, a
/// filter over the header and the first `filtered` rows after it (all by default),
/// columns fitted to their content.
fn write_sheet(
    sheet: &mut Worksheet,
    rows: &[Vec<Cell>],
    filtered: Option<usize>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let mut columns = 0;
    for (r, row) in rows.iter().enumerate() {
        let r = index(r)?;
        columns = columns.max(row.len());
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) if text.chars().count() > MAX_CELL_CHARS => {
                    return Err(XlsxError::ParameterError(too_long(text)));
                }
                Cell::Text(text) if r == 0 => {
                    sheet.write_string_with_format(r, c, text, &formats.header)?;
                }
                // A string cell, never a formula, whatever the text begins with.
                Cell::Text(text) => drop(sheet.write_string(r, c, text)?),
                Cell::Hours(h) => {
                    sheet.write_number_with_format(r, c, round1(*h), &formats.hours)?;
                }
                Cell::Share(x) => {
                    sheet.write_number_with_format(r, c, *x, &formats.percent)?;
                }
                Cell::Dollars(x) => {
                    sheet.write_number_with_format(r, c, x.round(), &formats.dollars)?;
                }
                Cell::Flag(flag) => drop(sheet.write_boolean(r, c, *flag)?),
                Cell::Blank => {}
            }
        }
    }
    if columns > 0 {
        let last_column = u16::try_from(columns - 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        let last_row = index(filtered.unwrap_or(rows.len()).saturating_sub(1))?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_column)?;
    }
    sheet.set_autofit_max_row(AUTOFIT_ROWS);
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS);
    sheet.autofit();
    Ok(())
}

fn index(row: usize) -> Result<u32, XlsxError> {
    u32::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Says which text does not fit a cell, by its beginning.
fn too_long(text: &str) -> String {
    let start: String = text.chars().take(40).collect();
    format!(
        "the text “{start}…” has {} characters; a cell holds at most 32,767",
        crate::parse::thousands(text.chars().count() as u64)
    )
}

/// The header of the `People` sheet. Like the `Split` sheet's, in lower case.
pub const PEOPLE_HEADER: [&str; 8] = [
    "person",
    "capacity",
    "strategy",
    "execution",
    "other",
    "load",
    "utilisation",
    "annual_cost",
];

/// `People`: the people table of the Markdown export (hours a week, utilisation as a
/// percentage), with the annual cost each person adds to the leadership cost (empty for
/// people who hold no seat).
fn people(s: &Scenario, a: &Analysis) -> Vec<Vec<Cell>> {
    let header = PEOPLE_HEADER.into_iter().map(Cell::text).collect();
    let rows = s.people.iter().enumerate().map(|(i, p)| {
        let load = a.loads.people.get(i).cloned().unwrap_or_default();
        let cost = a.person_costs.get(i).copied().flatten();
        vec![
            Cell::text(&p.name),
            Cell::Hours(load.capacity_hours),
            Cell::Hours(load.strategy_hours),
            Cell::Hours(load.execution_hours),
            Cell::Hours(load.other_hours),
            Cell::Hours(load.load_hours()),
            load.utilisation().map_or(Cell::Blank, Cell::Share),
            cost.map_or(Cell::Blank, Cell::Dollars),
        ]
    });
    std::iter::once(header).chain(rows).collect()
}

/// The header of the `Findings` sheet.
pub const FINDINGS_HEADER: [&str; 4] = ["severity", "rule", "message", "source"];
/// The header of the `Advice` sheet.
pub const ADVICE_HEADER: [&str; 3] = ["product", "recommendation", "reasons"];

/// `Findings`: in the analysis' order (severity, rule, subjects).
fn findings(a: &Analysis) -> Vec<Vec<Cell>> {
    let header = FINDINGS_HEADER.into_iter().map(Cell::text).collect();
    let rows = a.findings.iter().map(|f| {
        vec![
            Cell::text(f.severity.as_str()),
            Cell::text(f.rule.id()),
            Cell::text(&f.message),
            Cell::text(f.source()),
        ]
    });
    std::iter::once(header).chain(rows).collect()
}

/// `Advice`: one row per product, the reasons in one cell, each with its source.
fn advice(s: &Scenario, a: &Analysis) -> Vec<Vec<Cell>> {
    let header = ADVICE_HEADER.into_iter().map(Cell::text).collect();
    let rows = a.advice.iter().map(|advice| {
        let product = s
            .product(&advice.product)
            .map_or(advice.product.as_str(), |p| p.name.as_str());
        let reasons: Vec<String> = advice
            .reasons
            .iter()
            .map(|r| match r.source() {
                "" => r.text(),
                source => format!("{} ({source})", r.text()),
            })
            .collect();
        vec![
            Cell::text(product),
            Cell::text(advice.recommendation.as_str()),
            Cell::text(reasons.join("; ")),
        ]
    });
    std::iter::once(header).chain(rows).collect()
}
