//! Text to scenario: the format number first, then the file, then validation.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::error::{Position, ReadError, ReadErrorKind};
use crate::model::{FORMAT, MAX_ENGINEERS, Scenario};
use crate::validate;

/// ron's reader, with its recursion limit on so that deep nesting is an error, not a crash.
fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// Reads a scenario from the text of a file, migrating older formats, and validates it.
pub fn scenario_from_str(text: &str) -> Result<Scenario, ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::new(
            ReadErrorKind::Syntax,
            None,
            format!(
                "the file is empty; a scenario file starts with `Scenario(format: {FORMAT}, ...`"
            ),
        ));
    }
    let format = read_format(text)?;
    let scenario = match format {
        // Format 2 only added optional things (the record, `po_strategy_share`), whose
        // defaults are what a format 1 file means: both read the same shape, and a format 1
        // file is migrated by taking those defaults. A later format that changes a shape
        // adds its migration here: parse the old shape, convert, go on.
        1 | 2 => ron_options()
            .from_str::<Scenario>(text)
            .map_err(|e| ron_error(e, text))?,
        _ => {
            return Err(ReadError::new(
                ReadErrorKind::Syntax,
                format_position(text),
                format!("format {format} does not exist; the first scenario format is 1"),
            ));
        }
    };
    let scenario = Scenario {
        format: FORMAT,
        ..scenario
    };
    validate::validate(&scenario, text)?;
    Ok(scenario)
}

/// Only the `format` field; every other field is skipped unread, so that a newer file is
/// refused for its number and never for the fields it added.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct FormatProbe {
    #[serde(default, deserialize_with = "some_number")]
    format: Option<u64>,
}

fn some_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    u64::deserialize(d)
        .map(Some)
        .map_err(|_: D::Error| de::Error::custom("`format` must be a whole number such as 1"))
}

/// The format number when the file starts the usual way, `Scenario(format: N,`, read
/// without parsing the rest; `None` sends the file through the full probe.
fn leading_format(text: &str) -> Option<u64> {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let rest = rest.strip_prefix("Scenario").unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    let after = rest.get(digits.len()..)?.trim_start();
    if !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    digits.parse().ok()
}

/// Where the format number is written, so that an error about it names its line like any
/// other error with a place in the file.
fn format_position(text: &str) -> Option<Position> {
    crate::locate::scan(text).and_then(|root| root.field("format").map(|n| n.position))
}

fn read_format(text: &str) -> Result<u64, ReadError> {
    if let Some(found) = leading_format(text).filter(|f| *f <= u64::from(FORMAT)) {
        return Ok(found);
    }
    let probe: FormatProbe = ron_options()
        .from_str(text)
        .map_err(|e| ron_error(e, text))?;
    let Some(found) = probe.format else {
        return Err(ReadError::new(
            ReadErrorKind::Syntax,
            Some(Position { line: 1, column: 1 }),
            format!(
                "the scenario has no `format` field; a scenario file starts with `Scenario(format: {FORMAT}, ...`"
            ),
        ));
    };
    if found > u64::from(FORMAT) {
        return Err(ReadError::new(
            ReadErrorKind::NewerFormat {
                found,
                known: FORMAT,
            },
            format_position(text),
            format!(
                "this file has format {found}, but this version of rolesplit reads format {FORMAT} at most; open it with a newer rolesplit"
            ),
        ));
    }
    Ok(found)
}

/// Whether ron gave up at the end of the text, on a token the end cut short or on the
/// next one it needed: the file was cut off, whatever ron expected there. Errors that a
/// whole file can end on (a missing field at the last `)`, text after it) are excluded.
fn ends_too_early(e: &ron::error::SpannedError, text: &str) -> bool {
    use ron::Error as E;
    if matches!(
        e.code,
        E::TrailingCharacters
            | E::MissingStructField { .. }
            | E::DuplicateStructField { .. }
            | E::Message(_)
            | E::ExceededRecursionLimit
            | E::Utf8Error(_)
    ) {
        return false;
    }
    // Only blank text after where ron stopped: it ran out of file.
    if text_from(text, &e.span.end).trim().is_empty() {
        return true;
    }
    // A token that runs to the end (`Som`, `"Squads gro`): what follows where ron stopped is
    // short text on one line that closes no bracket.
    let rest = text_from(text, &e.span.start).trim_end();
    !rest.is_empty()
        && rest.len() <= 1000
        && !rest.contains([')', ']', '}'])
        && !rest.chars().any(|c| c.is_control() && c != '\t')
}

/// The text from a ron position on (ron counts lines and columns in characters); empty
/// past the end. Walks only the lines before the position.
fn text_from<'a>(text: &'a str, at: &ron::error::Position) -> &'a str {
    let line_start = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let Some(line) = text.get(line_start..) else {
        return "";
    };
    match line.char_indices().nth(at.col.saturating_sub(1)) {
        Some((skip, _)) => line.get(skip..).unwrap_or_default(),
        None => "",
    }
}

const ENDS_TOO_EARLY: &str =
    "the file ends too early: a closing bracket or a value is missing (was the file cut off?)";

/// Where a message that quotes the offending value (`date "2026-02-30" is not a calendar
/// date`) should point: at that value, when it is written on the line ron reported at or
/// before ron's column (ron points into or past the value); else where ron said.
fn at_quoted_value(text: &str, at: Position, message: &str) -> Position {
    let quoted = message
        .split_once('"')
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(value, _)| crate::write::string(value));
    let Some(quoted) = quoted else {
        return at;
    };
    let Some(line) = text.split('\n').nth(at.line.saturating_sub(1)) else {
        return at;
    };
    let column_of = |byte: usize| line.get(..byte).map_or(0, |l| l.chars().count()) + 1;
    line.match_indices(quoted.as_str())
        .map(|(byte, _)| column_of(byte))
        .filter(|&column| column <= at.column)
        .last()
        .map_or(at, |column| Position {
            line: at.line,
            column,
        })
}

/// A ron error in words a workshop facilitator understands, at its place in the file.
fn ron_error(e: ron::error::SpannedError, text: &str) -> ReadError {
    use ron::Error as E;
    let mut position = Some(Position {
        line: e.span.start.line,
        column: e.span.start.col,
    });
    if let (E::Message(m), Some(at)) = (&e.code, position) {
        position = Some(at_quoted_value(text, at, m));
    }
    if ends_too_early(&e, text) {
        return ReadError::new(ReadErrorKind::Syntax, position, ENDS_TOO_EARLY.into());
    }
    let thing = |outer: &Option<String>| match outer {
        Some(o) => format!("a {o}"),
        None => "this item".to_string(),
    };
    let message = match &e.code {
        E::Eof => ENDS_TOO_EARLY.to_string(),
        E::Utf8Error(_) => "the file is not UTF-8 text".to_string(),
        E::ExceededRecursionLimit => "the file is nested too deeply to be a scenario".to_string(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected a {expected} here, but found a {found}")
        }
        E::ExpectedNamedStructLike(name) => format!("expected a {name}(...) here"),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {}; its fields are: {}",
            thing(outer),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => {
            format!("{} is missing its required field `{field}`", thing(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("the field `{field}` is written twice in {}", thing(outer))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let of = outer
                .as_ref()
                .map(|o| format!(" for {o}"))
                .unwrap_or_default();
            format!(
                "`{found}` is not a valid value{of}; write one of: {}",
                expected.join(", ")
            )
        }
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected} here, but found {found}")
        }
        E::TrailingCharacters => "there is more text after the end of the scenario".to_string(),
        // A hand-edited optional field written without its `Some(...)`.
        E::ExpectedOption => {
            "this field is optional: write its value inside Some(...), e.g. Some(\"tom\"), or write None".to_string()
        }
        E::ExpectedString => "expected text in quotes here, e.g. \"Checkout\"".to_string(),
        E::Message(m) => m.clone(),
        other => format!(
            "this is not valid scenario text: {}",
            lower_first(&other.to_string())
        ),
    };
    let kind = ReadErrorKind::Syntax;
    ReadError::new(kind, position, message)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A whole number from 0 to `max` for the named field; any other number is an error that
/// names the field.
fn whole_number<'de, D: Deserializer<'de>>(
    d: D,
    field: &'static str,
    max: u64,
) -> Result<u64, D::Error> {
    struct Whole {
        field: &'static str,
        max: u64,
    }
    impl Whole {
        fn refuse<E: de::Error>(&self, shown: String) -> E {
            E::custom(format!(
                "`{}` must be a whole number from 0 to {}, not {shown}",
                self.field,
                thousands(self.max)
            ))
        }
    }
    impl Visitor<'_> for Whole {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a whole number for `{}`", self.field)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            if v <= self.max {
                Ok(v)
            } else {
                Err(self.refuse(v.to_string()))
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(self.refuse(v.to_string())),
            }
        }
        fn visit_u128<E: de::Error>(self, v: u128) -> Result<u64, E> {
            Err(self.refuse(v.to_string()))
        }
        fn visit_i128<E: de::Error>(self, v: i128) -> Result<u64, E> {
            Err(self.refuse(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
            if v.is_finite() && v.fract() == 0.0 && (0.0..=self.max as f64).contains(&v) {
                Ok(v as u64)
            } else {
                Err(self.refuse(v.to_string()))
            }
        }
    }
    d.deserialize_any(Whole { field, max })
}

/// Writes 100000 as "100,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(crate) fn whole_engineers<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = whole_number(d, "engineers", u64::from(MAX_ENGINEERS))?;
    u32::try_from(n).map_err(|_| de::Error::custom("`engineers` is too large"))
}

pub(crate) fn whole_combined_max_engineers<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<u64, D::Error> {
    whole_number(d, "combined_max_engineers", u64::from(u32::MAX))
}

pub(crate) fn whole_split_engineers<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    whole_number(d, "split_engineers", u64::from(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_start_gives_the_format_without_a_full_parse() {
        assert_eq!(
            leading_format("Scenario(\n    format: 1,\n name: oops"),
            Some(1)
        );
        assert_eq!(leading_format("  (format: 12)"), Some(12));
        assert_eq!(leading_format("Scenario(name: \"x\", format: 1)"), None);
        assert_eq!(leading_format("Scenario(format: 1.5,"), None);
        assert_eq!(leading_format("Scenario(format: ,"), None);
    }

    #[test]
    fn a_file_cut_off_anywhere_says_so_at_its_end() {
        let text = include_str!("../tests/fixtures/example.ron");
        let whole = text.trim_end().len();
        // Cuts inside `format: 1` are refused for the format number instead.
        let after_format = text
            .find("format: 1,")
            .map_or(0, |at| at + "format: 1".len());
        for cut in (1..whole).filter(|&c| c >= after_format || c < 12) {
            let Some(part) = text.get(..cut) else {
                continue;
            };
            if part.trim().is_empty() {
                continue;
            }
            let e = scenario_from_str(part).expect_err("a cut file is refused");
            assert_eq!(e.message, ENDS_TOO_EARLY, "cut at byte {cut}: {part:?}");
            let last_line = part.trim_end().matches('\n').count() + 1;
            let line = e.position.map_or(0, |p| p.line);
            assert!(
                line + 1 >= last_line && line <= last_line + 1,
                "cut at byte {cut}: line {line}, the text ends on line {last_line}"
            );
        }
    }

    #[test]
    fn a_whole_file_ending_in_an_error_is_not_called_cut_off() {
        for (text, words) in [
            ("Scenario(format: 1, name: \"x\")", "`people`"),
            (
                "Scenario(format: 1, name: \"x\", people: [], responsibilities: [], products: [], teams: [])\n)",
                "more text after the end",
            ),
            (
                "Scenario(format: 1, name: \"x\", people: [], responsibilities: [], products: [], teams: [], bogus: 1)",
                "`bogus`",
            ),
        ] {
            let e = scenario_from_str(text).expect_err("refused");
            assert!(e.message.contains(words), "{text:?}: {}", e.message);
        }
    }

    #[test]
    fn a_message_quoting_a_value_points_at_it() {
        let text = "S(\n  a: \"x\", date: \"2026-02-30\", b: 1)";
        let at = Position {
            line: 2,
            column: 32,
        };
        let message = "date \"2026-02-30\" is not a calendar date";
        assert_eq!(
            at_quoted_value(text, at, message),
            Position {
                line: 2,
                column: 17
            }
        );
        // Not on that line: where ron said.
        let elsewhere = Position { line: 1, column: 2 };
        assert_eq!(at_quoted_value(text, elsewhere, message), elsewhere);
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
