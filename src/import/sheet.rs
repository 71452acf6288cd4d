//! Reading the sheet of the split import: rolesplit's own CSV export (`export --format
//! csv`, edited in a spreadsheet) or the `Split` sheet of its workbook (`--format xlsx`).
//! Either way the first row must be the export's header; the other rows come out as text
//! cells, numbered as the user sees them (CSV: by line, the header being line 1 and line
//! breaks inside quoted cells counted; workbook: by row).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::error::{Position, ReadError, ReadErrorKind};
use crate::export::csv::HEADER;
use crate::export::guard::unguard;

/// How a sheet's rows are numbered in messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Numbering {
    /// CSV: `line N`.
    #[default]
    Line,
    /// A workbook: `row N`.
    Row,
}

impl Numbering {
    /// `line` or `row`.
    pub fn word(self) -> &'static str {
        match self {
            Numbering::Line => "line",
            Numbering::Row => "row",
        }
    }
}

/// One row of a sheet, after the header.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// Its line (CSV) or row (workbook), 1-based; the header is 1.
    pub number: usize,
    /// The cells, one per column of the header; or why the row cannot be read.
    pub cells: Result<Vec<String>, String>,
}

/// A sheet read for the split import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// CSV lines or workbook rows.
    pub numbering: Numbering,
    /// The rows after the header, blank ones left out.
    pub rows: Vec<SheetRow>,
}

/// The name of the workbook's sheet that is imported.
pub const SPLIT_SHEET: &str = "Split";

/// Whether the bytes are a workbook (an `.xlsx` file is a zip archive) rather than text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a sheet from a file's bytes: an Excel workbook, else CSV text.
pub fn read_sheet(bytes: Vec<u8>) -> Result<Sheet, ReadError> {
    if is_workbook(&bytes) {
        read_workbook(&bytes)
    } else {
        read_csv(&csv_text(bytes)?)
    }
}

/// The bytes of a CSV file as text. Spreadsheets save CSV in other encodings too; such a
/// file is refused, at its first byte that is not UTF-8, with how to save it instead.
pub fn csv_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    crate::io::text_from_bytes(bytes).map_err(|e| {
        ReadError::new(
            e.kind,
            e.position,
            "the file is not UTF-8 text: save the sheet as CSV in UTF-8 (Excel: “CSV UTF-8”; LibreOffice: character set “Unicode (UTF-8)”)".into(),
        )
    })
}

/// Whether CSV text begins with the export's header (the window then knows the text is a
/// split to import, not people or teams).
pub fn has_split_header(text: &str) -> bool {
    delimiter(strip_bom(text)).is_some()
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The delimiter under which the first record is the export's header. Spreadsheets set to
/// a language that writes decimal commas save CSV with `;`, some with tabs.
fn delimiter(text: &str) -> Option<u8> {
    [b',', b';', b'\t'].into_iter().find(|&d| {
        let mut reader = csv_reader(text, d);
        let first = reader.records().next().and_then(Result::ok);
        first.is_some_and(|record| is_header(record.iter()))
    })
}

/// Whether cells are the export's header (case and surrounding spaces aside; empty cells
/// after it are allowed).
fn is_header<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let cells: Vec<&str> = cells.map(str::trim).collect();
    let (named, rest) = cells.split_at(cells.len().min(HEADER.len()));
    named.len() == HEADER.len()
        && named
            .iter()
            .zip(HEADER)
            .all(|(cell, name)| cell.eq_ignore_ascii_case(name))
        && rest.iter().all(|c| c.is_empty())
}

fn header_error(position: Option<Position>, found: &str) -> ReadError {
    ReadError::new(
        ReadErrorKind::Syntax,
        position,
        format!(
            "the first row must be the header of rolesplit's CSV export, `{}`, not `{found}`",
            HEADER.join(",")
        ),
    )
}

/// Reads CSV text whose first line is the export's header. Each cell loses the spreadsheet
/// guard the export added (`export::guard`).
pub fn read_csv(text: &str) -> Result<Sheet, ReadError> {
    let text = strip_bom(text);
    let Some(delimiter) = delimiter(text) else {
        let first = text.lines().next().unwrap_or_default();
        let first: String = first.chars().take(120).collect();
        return Err(header_error(Some(Position { line: 1, column: 1 }), &first));
    };
    let mut rows = Vec::new();
    for record in csv_reader(text, delimiter).records().skip(1) {
        let row = match record {
            Ok(record) => {
                let number = record.position().map_or(0, |p| p.line() as usize);
                let cells: Vec<String> = record.iter().map(|c| unguard(c).to_string()).collect();
                SheetRow {
                    number,
                    cells: fit(cells),
                }
            }
            Err(e) => SheetRow {
                number: e.position().map_or(0, |p| p.line() as usize),
                cells: Err(format!("not readable as CSV: {e}")),
            },
        };
        if row
            .cells
            .as_ref()
            .is_ok_and(|c| c.iter().all(String::is_empty))
        {
            continue;
        }
        rows.push(row);
    }
    Ok(Sheet {
        numbering: Numbering::Line,
        rows,
    })
}

/// A row's cells, one per header column: a short row is padded with empty cells (some
/// spreadsheets leave trailing empty cells out); a row with more cells is refused.
fn fit(mut cells: Vec<String>) -> Result<Vec<String>, String> {
    if let Some(extra) = cells.get(HEADER.len()..)
        && extra.iter().any(|c| !c.is_empty())
    {
        return Err(format!(
            "the row has {} cells; the export's header has {}",
            cells.len(),
            HEADER.len()
        ));
    }
    cells.resize(HEADER.len(), String::new());
    Ok(cells)
}

/// Reads the `Split` sheet of an Excel workbook (`.xlsx`) whose first row is the export's
/// header. Cells are taken as they are: the workbook export writes texts unguarded.
pub fn read_workbook(bytes: &[u8]) -> Result<Sheet, ReadError> {
    let unreadable = |message: String| ReadError::new(ReadErrorKind::Syntax, None, message);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        unreadable(format!(
            "not an Excel workbook (.xlsx) that can be read: {e}"
        ))
    })?;
    let names = book.sheet_names();
    if !names.iter().any(|n| n == SPLIT_SHEET) {
        return Err(unreadable(format!(
            "the workbook has no sheet called “{SPLIT_SHEET}” (the sheet of rolesplit's export to import); its sheets: {}",
            names.join(", ")
        )));
    }
    let range = book
        .worksheet_range(SPLIT_SHEET)
        .map_err(|e| unreadable(format!("the sheet “{SPLIT_SHEET}” cannot be read: {e}")))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut lines = range.rows();
    let header: Vec<String> = lines
        .next()
        .map(|cells| {
            cells
                .iter()
                .map(|c| cell_text(c).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    if first_row != 0 || first_column != 0 || !is_header(header.iter().map(String::as_str)) {
        return Err(unreadable(format!(
            "row 1 of the sheet “{SPLIT_SHEET}” must be the export's header, `{}`",
            HEADER.join(",")
        )));
    }
    let rows = lines
        .enumerate()
        .map(|(i, cells)| SheetRow {
            // The header is row 1.
            number: i + 2,
            cells: cells
                .iter()
                .zip(HEADER.iter().chain(std::iter::repeat(&"")))
                .map(|(cell, column)| {
                    cell_text(cell).map_err(|e| format!("the cell under “{column}” {e}"))
                })
                .collect::<Result<Vec<String>, String>>()
                .and_then(fit),
        })
        .filter(|row| {
            !row.cells
                .as_ref()
                .is_ok_and(|c| c.iter().all(String::is_empty))
        })
        .collect();
    Ok(Sheet {
        numbering: Numbering::Row,
        rows,
    })
}

/// A workbook cell as text: numbers as a spreadsheet shows them in general format (`4`,
/// `7.5`), booleans as `true`/`false`.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(e) => return Err(format!("holds the spreadsheet error {e}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged\n";

    #[test]
    fn lines_count_the_breaks_inside_quoted_cells() {
        let text = format!(
            "{HEAD}Shop,vision,Vision,Strategy,Product,Year,Pm,Pat,3.0,\"two\nlines\",false\nShop,backlog,Backlog,Execution,Team,Sprint,Po,,4.0,,false\n"
        );
        let sheet = read_csv(&text).expect("reads");
        let numbers: Vec<usize> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4], "the second card starts on line 4");
        assert_eq!(
            sheet.rows[0].cells.as_ref().map(|c| c[9].clone()),
            Ok("two\nlines".to_string())
        );
    }

    #[test]
    fn a_guarded_cell_comes_back_without_its_quote() {
        let text = format!("{HEAD}'=1+2,vision,'-x,Strategy,Product,Year,Pm,,3.0,'note,false\n");
        let sheet = read_csv(&text).expect("reads");
        let cells = sheet.rows[0].cells.clone().expect("cells");
        assert_eq!(cells[0], "=1+2");
        assert_eq!(cells[2], "-x");
        assert_eq!(
            cells[9], "'note",
            "a quote before other text is the text's own"
        );
    }

    #[test]
    fn semicolons_a_bom_and_short_rows_are_read() {
        let text = format!(
            "\u{feff}{}Shop;vision;Vision;Strategy;Product;Year;Pm;;3,0\n",
            HEAD.replace(',', ";")
        );
        let sheet = read_csv(&text).expect("reads");
        let cells = sheet.rows[0].cells.clone().expect("cells");
        assert_eq!(cells.len(), 11);
        assert_eq!((cells[8].as_str(), cells[10].as_str()), ("3,0", ""));
    }

    #[test]
    fn another_header_is_refused_at_line_1() {
        let e = read_csv("name,capacity_hours\nLee,40\n").expect_err("not the export");
        assert_eq!(e.position, Some(Position { line: 1, column: 1 }));
        assert!(
            e.message.contains("product,responsibility_id"),
            "{}",
            e.message
        );
        assert!(e.message.contains("name,capacity_hours"), "{}", e.message);
    }

    #[test]
    fn extra_cells_with_text_are_refused_and_blank_rows_skipped() {
        let text = format!(
            "{HEAD},,,,,,,,,,\nShop,vision,Vision,Strategy,Product,Year,Pm,,3.0,,false,extra\n"
        );
        let sheet = read_csv(&text).expect("reads");
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].number, 3);
        assert_eq!(
            sheet.rows[0].cells,
            Err("the row has 12 cells; the export's header has 11".to_string())
        );
    }

    #[test]
    fn bytes_that_are_no_workbook_are_refused() {
        let e = read_sheet(b"PK\x03\x04 not really a zip".to_vec()).expect_err("no workbook");
        assert!(e.message.contains("not an Excel workbook"), "{}", e.message);
    }
}
