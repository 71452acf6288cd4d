//! The spreadsheet guard of the CSV exports (`csv` and `matrix`): a cell that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel, LibreOffice Calc and
//! Google Sheets as the start of a formula, so a name like `=1+2` would show 3 and a
//! `=HYPERLINK(...)` title would become a link. Such a cell gets a leading `'`, which the
//! spreadsheets show as text. The split import removes exactly that guard again
//! ([`unguard`]), so that export → import gives back every text exactly.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell, after any leading `'`s, begins with a formula character.
fn after_quotes_starts_a_formula(cell: &str) -> bool {
    // Most cells (numbers, names, empty cells) are settled by their first byte.
    match cell.as_bytes().first() {
        Some(b'\'') => cell.trim_start_matches('\'').starts_with(FORMULA_STARTS),
        Some(first) => matches!(first, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'),
        None => false,
    }
}

/// A cell as the CSV exports write it: with a leading `'` when it begins with one of
/// [`FORMULA_STARTS`]. A cell that already begins with `'`s before such a character gets
/// one more, so that [`unguard`], which takes one away, gives back exactly the text.
/// Numbers never get one: the exports write no negative numbers.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if after_quotes_starts_a_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell of an imported CSV without the guard [`guard`] added: one leading `'` is removed
/// when a formula character follows it (after any further `'`s). Any other cell is
/// returned as it is.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if after_quotes_starts_a_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_formula_start_gets_a_quote_and_loses_it_again() {
        for start in FORMULA_STARTS {
            let text = format!("{start}1+2");
            let guarded = guard(&text);
            assert_eq!(guarded, format!("'{text}"), "{start:?}");
            assert_eq!(unguard(&guarded), text, "{start:?}");
        }
    }

    #[test]
    fn other_cells_stay_as_they_are() {
        for text in [
            "", "3.0", "Maya", "'quoted'", "a=b", " =x", "'", "''x", "Zoë",
        ] {
            assert_eq!(guard(text), text);
            assert_eq!(unguard(text), text);
        }
    }

    #[test]
    fn a_quote_before_a_formula_start_survives_the_round_trip() {
        for text in ["'=1+2", "''-x", "'@home"] {
            let guarded = guard(text);
            assert_eq!(guarded, format!("'{text}"));
            assert_eq!(unguard(&guarded), text);
        }
    }

    #[test]
    fn unguard_removes_one_quote_only_before_a_formula_start() {
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("'-note"), "-note");
        assert_eq!(
            unguard("'note"),
            "'note",
            "no formula start: a quote of the text"
        );
        assert_eq!(unguard("=1+2"), "=1+2", "an unguarded cell stays as typed");
    }
}
