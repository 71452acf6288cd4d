//! `--format xlsx`: the split as an Excel workbook, written with `rust_xlsxwriter`. Sheets
//! `Split` (the CSV export's rows), `Matrix` (the matrix export), `People`, `Findings` and
//! `Advice`; each with its header row frozen and a filter on it, and columns as wide as
//! their content (within reason). Texts from the scenario are string cells, never
//! formulas, so a name `=1+2` stays text and needs none of the CSV exports' guard; hours
//! are the CSV's numbers (one decimal), flags booleans, costs whole dollars.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

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
    // A fixed creation time instead of the clock's: the same scenario gives the same bytes,
    // so an export can be compared, checked in or regenerated without noise.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(|e| WorkbookError(e.to_string()))?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let [split, matrix, people_sheet, findings_sheet, advice_sheet] = SHEETS;
    let mut add = |name: &str, rows: &mut dyn Iterator<Item = Vec<Cell>>, filter: Filter| {
        let sheet = book
            .add_worksheet()
            .set_name(name)
            .map_err(|e| sheet_error(name, &e))?;
        write_sheet(sheet, rows, filter, &formats).map_err(|e| sheet_error(name, &e))
    };
    add(split, &mut super::csv::table(s, a), Filter::AllRows)?;
    // The matrix's totals row stays out of its filter, so sorting keeps it last.
    add(matrix, &mut super::matrix::table(s, a), Filter::AllButLast)?;
    add(people_sheet, &mut people(s, a), Filter::AllRows)?;
    add(findings_sheet, &mut findings(a), Filter::AllRows)?;
    add(advice_sheet, &mut advice(s, a), Filter::AllRows)?;
    book.save_to_buffer()
        .map_err(|e| WorkbookError(e.to_string()))
}

fn sheet_error(sheet: &str, e: &XlsxError) -> WorkbookError {
    WorkbookError(format!("the {sheet} sheet: {e}"))
}

/// Which rows a sheet's filter covers (the header always).
#[derive(Clone, Copy)]
enum Filter {
    AllRows,
    /// All but a totals row at the end.
    AllButLast,
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
/// filter over the rows `filter` says, columns fitted to their content. Rows are written
/// as they come.
fn write_sheet(
    sheet: &mut Worksheet,
    rows: &mut dyn Iterator<Item = Vec<Cell>>,
    filter: Filter,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let mut columns = 0;
    let mut written: usize = 0;
    for (r, row) in rows.enumerate() {
        written += 1;
        let r = index(r)?;
        columns = columns.max(row.len());
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            write_cell(sheet, r, c, cell, formats)?;
        }
    }
    if columns > 0 {
        let last_column = u16::try_from(columns - 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        let filtered = match filter {
            Filter::AllRows => written,
            Filter::AllButLast => written.saturating_sub(1),
        };
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, index(filtered.max(1) - 1)?, last_column)?;
    }
    sheet.set_autofit_max_row(AUTOFIT_ROWS);
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS);
    sheet.autofit();
    Ok(())
}

/// One typed cell; row 0 is the header.
fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
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
        Cell::Hours(h) => drop(sheet.write_number_with_format(r, c, round1(*h), &formats.hours)?),
        Cell::Share(x) => drop(sheet.write_number_with_format(r, c, *x, &formats.percent)?),
        Cell::Dollars(x) => {
            sheet.write_number_with_format(r, c, x.round(), &formats.dollars)?;
        }
        Cell::Flag(flag) => drop(sheet.write_boolean(r, c, *flag)?),
        Cell::Blank => {}
    }
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
fn people<'a>(s: &'a Scenario, a: &'a Analysis) -> impl Iterator<Item = Vec<Cell>> + 'a {
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
    std::iter::once(header).chain(rows)
}

/// The header of the `Findings` sheet.
pub const FINDINGS_HEADER: [&str; 4] = ["severity", "rule", "message", "source"];
/// The header of the `Advice` sheet.
pub const ADVICE_HEADER: [&str; 3] = ["product", "recommendation", "reasons"];

/// `Findings`: in the analysis' order (severity, rule, subjects).
fn findings(a: &Analysis) -> impl Iterator<Item = Vec<Cell>> + '_ {
    let header = FINDINGS_HEADER.into_iter().map(Cell::text).collect();
    let rows = a.findings.iter().map(|f| {
        vec![
            Cell::text(f.severity.as_str()),
            Cell::text(f.rule.id()),
            Cell::text(&f.message),
            Cell::text(f.source()),
        ]
    });
    std::iter::once(header).chain(rows)
}

/// `Advice`: one row per product, the reasons in one cell, each with its source.
fn advice<'a>(s: &'a Scenario, a: &'a Analysis) -> impl Iterator<Item = Vec<Cell>> + 'a {
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
    std::iter::once(header).chain(rows)
}
