//! Exports of the responsibility split (scenario-format.md, "export"): Markdown for wikis,
//! CSV for spreadsheets, a printable HTML report, a responsibility matrix and an Excel
//! workbook ([`workbook`]); and the minutes of the workshop (its record, the open points,
//! the agreed split and the open findings) as Markdown or HTML.
//!
//! Pure: a scenario, its analysis and today's date in, text (or the workbook's bytes) out.
//! Writing it to disk is the caller's business (`crate::io::write_atomically`).

pub mod csv;
pub mod guard;
mod html;
mod matrix;
mod md;
mod minutes;
mod record;
mod xlsx;

pub use xlsx::{ADVICE_HEADER, FINDINGS_HEADER, PEOPLE_HEADER, SHEETS, WorkbookError, workbook};

use crate::analysis::Analysis;
use crate::load::{CardLoad, PersonLoad};
use crate::model::{Card, Product, Responsibility, Scenario};
use crate::num::{hours, percent};
use crate::record::Date;
use crate::role_fit::RoleFit;
use crate::sources::Source;

/// The shapes an export can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Markdown document: per product a table of its cards, then people, findings,
    /// advice, cost and the cards that need discussion.
    Md,
    /// CSV, one row per card.
    Csv,
    /// One self-contained, printable HTML report.
    Html,
    /// CSV with one row per card and one column per person (a RACI-style matrix).
    Matrix,
    /// The workshop's minutes as Markdown: decisions, actions, open points, the agreed
    /// split and the open findings.
    MinutesMd,
    /// The workshop's minutes as one self-contained HTML page that prints on A4.
    MinutesHtml,
}

impl ExportFormat {
    /// Every format, in the order the command line lists them.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Md,
        ExportFormat::Csv,
        ExportFormat::Html,
        ExportFormat::Matrix,
        ExportFormat::MinutesMd,
        ExportFormat::MinutesHtml,
    ];

    /// The name on the command line: `md`, `csv`, `html`, `matrix`.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Matrix => "matrix",
            ExportFormat::MinutesMd => "minutes-md",
            ExportFormat::MinutesHtml => "minutes-html",
        }
    }

    /// The file extension of an export in this format (the matrix is CSV).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md | ExportFormat::MinutesMd => "md",
            ExportFormat::Csv | ExportFormat::Matrix => "csv",
            ExportFormat::Html | ExportFormat::MinutesHtml => "html",
        }
    }
}

/// The export of a scenario in a format, as text. `analysis` must be the scenario's own
/// (`crate::analyze(scenario)`); `today` (the local date, `crate::io::today()`) decides
/// which actions of the record are overdue.
pub fn render(
    format: ExportFormat,
    scenario: &Scenario,
    analysis: &Analysis,
    today: Date,
) -> String {
    match format {
        ExportFormat::Md => md::render(scenario, analysis, today),
        ExportFormat::Csv => csv::render(scenario, analysis),
        ExportFormat::Html => html::render(scenario, analysis, today),
        ExportFormat::Matrix => matrix::render(scenario, analysis),
        ExportFormat::MinutesMd => minutes::markdown(scenario, analysis, today),
        ExportFormat::MinutesHtml => minutes::html(scenario, analysis, today),
    }
}

/// The scenario's name, or a stand-in when it has none.
fn title(s: &Scenario) -> &str {
    if s.name.trim().is_empty() {
        "Untitled scenario"
    } else {
        &s.name
    }
}

/// Who holds the seats of a product, as a sentence: "PM: Maya. Teams: Squad A (6
/// engineers, Scrum, PO: Maya); Squad B (5 engineers, Scrum, no PO)." Names go through
/// `escape`.
fn seats_line(s: &Scenario, p: &Product, escape: fn(&str) -> String) -> String {
    seats_line_spaced(s, p, escape, " ")
}

/// [`seats_line`] with `space` between a number and its unit ("6&nbsp;engineers" in
/// HTML, so that a printed line never breaks between them).
fn seats_line_spaced(s: &Scenario, p: &Product, escape: fn(&str) -> String, space: &str) -> String {
    let person = |id: &Option<String>| id.as_deref().and_then(|id| s.person(id));
    let pm = person(&p.pm).map_or("empty".to_string(), |x| escape(&x.name));
    let teams: Vec<String> = s
        .teams_of(&p.id)
        .map(|t| {
            let po =
                person(&t.po).map_or("no PO".to_string(), |x| format!("PO: {}", escape(&x.name)));
            format!(
                "{} ({}, {}, {po})",
                escape(&t.name),
                crate::num::counted_with(t.engineers as usize, "engineer", "engineers", space),
                t.method.name()
            )
        })
        .collect();
    let teams = if teams.is_empty() {
        "none".to_string()
    } else {
        teams.join("; ")
    };
    format!("PM: {pm}. Teams: {teams}.")
}

/// The columns of the people table, in the Markdown export and in `check`'s text report.
pub(crate) const PEOPLE_COLUMNS: [&str; 7] = [
    "Person",
    "Capacity",
    "Strategy",
    "Execution",
    "Other",
    "Load",
    "Utilisation",
];

/// A person's row of the people table: the name as given, then capacity, strategy,
/// execution, other duties and load in hours, and the utilisation.
pub(crate) fn person_cells(name: String, load: &PersonLoad) -> Vec<String> {
    vec![
        name,
        hours(load.capacity_hours),
        hours(load.strategy_hours),
        hours(load.execution_hours),
        hours(load.other_hours),
        hours(load.load_hours()),
        percent(load.load_hours(), load.capacity_hours),
    ]
}

/// The role-fit columns of the people table (Markdown and HTML): hours a week by how far
/// ahead the work looks, then by the sides of the stakeholders it serves.
pub(crate) const ROLE_FIT_COLUMNS: [&str; 7] = [
    "Sprint",
    "Quarter",
    "Year",
    "External",
    "Internal",
    "Both sides",
    "No stakeholder",
];

/// What the role-fit columns mean, with the articles behind them.
const ROLE_FIT_NOTE: &str = "Role fit: Sprint, Quarter and Year split each person's strategy and execution hours by how far ahead the work looks; External, Internal, Both sides and No stakeholder by the sides of the stakeholders it serves (sources 001, 003, 004).";

/// A person's role-fit cells, in the order of [`ROLE_FIT_COLUMNS`].
pub(crate) fn role_fit_cells(fit: &RoleFit) -> Vec<String> {
    fit.horizon_hours
        .iter()
        .chain(&fit.stakeholder_hours)
        .map(|h| hours(*h))
        .collect()
}

/// The sources the Markdown and HTML reports cite: the findings', the advice's and, when
/// there are people, role fit's.
fn report_citations(s: &Scenario, a: &Analysis) -> Vec<&'static Source> {
    let role_fit = (!s.people.is_empty()).then_some(crate::role_fit::SOURCES);
    crate::sources::cited(
        a.findings
            .iter()
            .map(|f| f.source())
            .chain(
                a.advice
                    .iter()
                    .flat_map(|x| x.reasons.iter().map(|r| r.source())),
            )
            .chain(role_fit),
    )
}

/// The sources a document cites, as a plain table (empty when it cites none).
fn sources_table(cited: &[&Source]) -> record::Table {
    record::Table {
        columns: &crate::sources::COLUMNS,
        right: &[],
        rows: cited.iter().map(|s| s.row()).collect(),
    }
}

/// The columns of the table of cards flagged for discussion (Markdown and HTML).
const FLAGGED_COLUMNS: [&str; 4] = ["Product", "Responsibility", "Column", "Note"];

/// One card with everything an export shows about it (the room's board shows the same).
pub(crate) struct CardView<'a> {
    pub(crate) product: &'a Product,
    pub(crate) card: &'a Card,
    /// `None` only for a reference that does not resolve (a validated scenario has none).
    pub(crate) responsibility: Option<&'a Responsibility>,
    /// Where the card's hours go.
    load: Option<&'a CardLoad>,
}

impl CardView<'_> {
    /// The responsibility's title (its id when it does not resolve).
    fn title(&self) -> &str {
        self.responsibility
            .map_or(self.card.responsibility.as_str(), |r| r.title.as_str())
    }

    /// The card's hours: its override, else the responsibility's.
    pub(crate) fn hours(&self) -> f64 {
        match self.load {
            Some(load) => load.hours,
            None => self
                .card
                .hours
                .or(self.responsibility.map(|r| r.hours))
                .unwrap_or(0.0),
        }
    }

    /// The people the card's hours land on, with their hours, in seat order.
    fn shares<'s>(&self, s: &'s Scenario) -> Vec<(&'s str, f64)> {
        self.load
            .into_iter()
            .flat_map(|load| &load.shares)
            .filter_map(|share| {
                s.people
                    .get(share.person)
                    .map(|p| (p.name.as_str(), share.hours))
            })
            .collect()
    }

    /// The names of the people the card's hours land on, in seat order.
    pub(crate) fn owners<'s>(&self, s: &'s Scenario) -> Vec<&'s str> {
        self.shares(s).into_iter().map(|(name, _)| name).collect()
    }

    /// Hours of this card that land on an empty seat.
    fn unowned_hours(&self) -> f64 {
        self.load.map_or(0.0, |l| l.unowned_hours)
    }
}

/// The cards of one product, in card order.
pub(crate) fn product_cards<'a>(
    s: &'a Scenario,
    a: &'a Analysis,
    index: usize,
    product: &'a Product,
) -> impl Iterator<Item = CardView<'a>> + 'a {
    let loads = a.loads.products.get(index).map(|p| p.cards.as_slice());
    product
        .cards
        .iter()
        .enumerate()
        .map(move |(i, card)| CardView {
            product,
            card,
            responsibility: s.responsibility(&card.responsibility),
            load: loads.and_then(|l| l.get(i)),
        })
}

/// Every card of the scenario, in file order (products, then their cards).
fn all_cards<'a>(s: &'a Scenario, a: &'a Analysis) -> impl Iterator<Item = CardView<'a>> + 'a {
    s.products
        .iter()
        .enumerate()
        .flat_map(move |(i, product)| product_cards(s, a, i, product))
}

/// One cell of a table that a CSV export and the workbook share: the CSV writes it as
/// text, the workbook as a typed cell, so both carry the same values.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// Hours a week: one decimal in CSV, the same rounded number in the workbook.
    Hours(f64),
    /// `true` or `false`.
    Flag(bool),
    /// A share (load / capacity), shown as a percentage.
    Share(f64),
    /// Dollars, shown whole.
    Dollars(f64),
    /// Nothing (a person who carries none of a card's hours).
    Blank,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// The cell as the CSV exports write it.
    fn csv(self) -> String {
        match self {
            Cell::Text(text) => text,
            Cell::Hours(h) => hours(h),
            Cell::Flag(flag) => flag.to_string(),
            Cell::Share(x) => percent(x, 1.0),
            Cell::Dollars(x) => crate::num::dollars(x),
            Cell::Blank => String::new(),
        }
    }
}

/// A table as CSV text.
fn table_csv(rows: impl Iterator<Item = Vec<Cell>>) -> String {
    csv_text(rows.map(|row| row.into_iter().map(Cell::csv)))
}

/// Records as CSV text (RFC 4180 quoting where needed, `\n` line ends), each cell behind the
/// spreadsheet guard (`guard::guard`): no cell starts a formula.
fn csv_text<R, C>(records: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        // Writing to memory cannot fail.
        for cell in record {
            let _ = writer.write_field(guard::guard(cell.as_ref()).as_bytes());
        }
        // Ends the record.
        let _ = writer.write_record(None::<&[u8]>);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_teams() -> Scenario {
        crate::testkit::shop_with_two_teams("Two teams").build()
    }

    #[test]
    fn cards_come_in_file_order_with_their_owners() {
        let s = two_teams();
        let a = crate::analyze(&s);
        let cards: Vec<(String, Vec<&str>, f64)> = all_cards(&s, &a)
            .map(|c| (c.title().to_string(), c.owners(&s), c.hours()))
            .collect();
        assert_eq!(
            cards,
            vec![
                ("Vision".to_string(), vec!["Pat"], 3.0),
                ("Backlog".to_string(), vec!["Olga", "Ivan"], 4.0),
                ("Research".to_string(), vec![], 2.0),
            ]
        );
    }

    #[test]
    fn extensions_and_names() {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            names,
            ["md", "csv", "html", "matrix", "minutes-md", "minutes-html"]
        );
        let ext: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.extension()).collect();
        assert_eq!(ext, ["md", "csv", "html", "csv", "md", "html"]);
        // That the command line spells each format by its `name` is `cli`'s test.
    }

    #[test]
    fn csv_and_matrix_guard_every_formula_start() {
        for start in guard::FORMULA_STARTS {
            let mut s = two_teams();
            s.products[0].name = format!("{start}1+2");
            s.people[0].name = format!("{start}cmd|' /C calc'!A0");
            s.products[0].cards[0].note = format!("{start}HYPERLINK(\"x\")");
            let a = crate::analyze(&s);
            let read = |text: String| -> Vec<Vec<String>> {
                ::csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.as_bytes())
                    .records()
                    .map(|r| {
                        r.map(|r| r.iter().map(str::to_string).collect())
                            .unwrap_or_default()
                    })
                    .collect()
            };
            let today = crate::record::Date::new(2026, 11, 29).expect("a day");
            let rows = read(render(ExportFormat::Csv, &s, &a, today));
            let vision = &rows[1];
            assert_eq!(vision[0], format!("'{}", s.products[0].name), "{start:?}");
            assert_eq!(vision[7], format!("'{}", s.people[0].name), "{start:?}");
            assert_eq!(
                vision[9],
                format!("'{}", s.products[0].cards[0].note),
                "{start:?}"
            );
            assert_eq!(vision[8], "3.0", "numbers are not guarded");
            let matrix = read(render(ExportFormat::Matrix, &s, &a, today));
            assert_eq!(matrix[0][2], format!("'{}", s.people[0].name), "{start:?}");
            assert_eq!(
                matrix[1][0],
                format!("'{}", s.products[0].name),
                "{start:?}"
            );
            assert_eq!(matrix[1][2], "3.0");
        }
    }

    #[test]
    fn csv_text_quotes_what_needs_quoting() {
        let text = csv_text([["a", "b, c"], ["say \"hi\"", "two\nlines"]]);
        assert_eq!(text, "a,\"b, c\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }
}
