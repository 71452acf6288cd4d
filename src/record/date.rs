//! Calendar dates as scenario files write them, `YYYY-MM-DD`. A ten-line job (the
//! Gregorian leap-year rule), so no date crate in the core: what today's date is comes
//! from the edge (`crate::io::today`) and is passed in.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// A day of the Gregorian calendar, years 0000 to 9999. Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`.
    Shape,
    /// Written `YYYY-MM-DD`, but no such day exists (2026-02-30).
    NoSuchDay,
}

impl DateError {
    /// The sentence for a field's value: `due "13/12/2026" must be written YYYY-MM-DD`.
    pub fn message(self, field: &str, text: &str) -> String {
        let quoted = crate::write::string(text);
        match self {
            DateError::Shape => {
                format!("{field} {quoted} must be written YYYY-MM-DD, for example 2026-12-13")
            }
            DateError::NoSuchDay => format!("{field} {quoted} is not a calendar date"),
        }
    }
}

/// Days in a month of a year (0 for a month that does not exist).
fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1970-01-01, the Unix epoch: a stand-in where a clock gives nothing usable.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// The date, if that day exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (year <= 9999 && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Reads `YYYY-MM-DD` (exactly: four digits, two, two, with dashes).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b.get(4) == Some(&b'-')
            && b.get(7) == Some(&b'-')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return Err(DateError::Shape);
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range)
                .and_then(|t| t.parse::<u16>().ok())
                .ok_or(DateError::Shape)
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
            return Err(DateError::NoSuchDay);
        };
        Date::new(year, month, day).ok_or(DateError::NoSuchDay)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date field of a file: the error names the field and quotes the value.
fn field<E: de::Error>(field: &str, text: &str) -> Result<Date, E> {
    Date::parse(text).map_err(|e| E::custom(e.message(field, text)))
}

/// A decision's `date` (required).
pub(crate) fn decision_date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    field("date", &String::deserialize(d)?)
}

/// An action's `due` (optional).
pub(crate) fn due_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(text) => field("due", &text).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_read_and_write_back() {
        for text in [
            "2026-11-29",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            let d = Date::parse(text).expect(text);
            assert_eq!(d.to_string(), text);
        }
        let d = Date::parse("2026-12-13").expect("a date");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 12, 13));
    }

    #[test]
    fn days_that_do_not_exist_are_not_dates() {
        for text in [
            "2026-02-29", // not a leap year
            "1900-02-29", // a century that is not a leap year
            "2026-02-30",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "2026-01-32",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::NoSuchDay), "{text}");
        }
    }

    #[test]
    fn other_ways_of_writing_are_refused_for_their_shape() {
        for text in [
            "13/12/2026",
            "2026-1-05",
            "2026/01/05",
            " 2026-01-05",
            "2026-01-05T10:00",
            "",
            "２０２６-01-05",
            "+202-01-05",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::Shape), "{text}");
        }
    }

    #[test]
    fn dates_order_by_time() {
        let d = |t: &str| Date::parse(t).expect(t);
        assert!(d("2026-12-13") < d("2027-01-01"));
        assert!(d("2026-02-28") < d("2026-03-01"));
        assert!(d("2026-03-01") > d("2026-02-28"));
    }

    #[test]
    fn messages_quote_the_value_and_name_the_field() {
        assert_eq!(
            DateError::NoSuchDay.message("date", "2026-02-30"),
            "date \"2026-02-30\" is not a calendar date"
        );
        assert!(
            DateError::Shape
                .message("due", "13/12/2026")
                .starts_with("due \"13/12/2026\" must be written YYYY-MM-DD")
        );
    }
}
