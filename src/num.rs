//! Numbers as domain.md compares and shows them.

/// The tolerance of every comparison of hours and shares.
pub const EPSILON: f64 = 1e-9;

/// a > b, with tolerance.
pub fn gt(a: f64, b: f64) -> bool {
    a - b > EPSILON
}

/// a ≥ b, with tolerance.
pub fn ge(a: f64, b: f64) -> bool {
    a - b >= -EPSILON
}

/// x > 0, with tolerance.
pub fn positive(x: f64) -> bool {
    x > EPSILON
}

/// part / whole ≥ m, computed without dividing: part ≥ m × whole − ε.
pub fn share_at_least(part: f64, whole: f64, m: f64) -> bool {
    part >= m * whole - EPSILON
}

/// Rounded to one decimal, half away from zero.
pub fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// The same number, with −0.0 written as 0.0 (JSON would print `-0.0`).
pub fn unsigned_zero(x: f64) -> f64 {
    x + 0.0
}

/// The sum of `values`, added in order, and 0.0 when there are none (Rust's own float
/// `sum` of nothing is −0.0).
pub fn total(values: impl IntoIterator<Item = f64>) -> f64 {
    unsigned_zero(values.into_iter().sum())
}

/// Hours as text shows them: one decimal, always (`46.0`).
pub fn hours(x: f64) -> String {
    format!("{:.1}", round1(x))
}

/// Dollars as text shows them: whole, with thousands separators (`$159,000`).
pub fn dollars(x: f64) -> String {
    let whole = x.round();
    let sign = if whole < 0.0 { "-" } else { "" };
    format!("{sign}${}", crate::parse::thousands(whole.abs() as u64))
}

/// A share as a percentage, or "—" when there is nothing to divide by.
pub fn percent(part: f64, whole: f64) -> String {
    if whole == 0.0 {
        "—".to_string()
    } else {
        format!("{:.0} %", part / whole * 100.0)
    }
}

/// A count with its noun in agreement: `1 team`, `2 teams`, `0 teams`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    counted_with(n, one, many, " ")
}

/// [`counted`] with `space` between the number and the noun (`&nbsp;` in HTML).
pub fn counted_with(n: usize, one: &str, many: &str, space: &str) -> String {
    format!("{n}{space}{}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero_with_one_decimal() {
        assert_eq!(hours(46.0), "46.0");
        assert_eq!(hours(0.25), "0.3");
        assert_eq!(hours(2.75), "2.8");
        assert_eq!(hours(13.0 / 7.0), "1.9");
        assert_eq!(hours(-0.01), "0.0");
    }

    #[test]
    fn a_total_of_nothing_is_zero_not_minus_zero() {
        let nothing: [f64; 0] = [];
        assert!(total(nothing).is_sign_positive());
        assert!(total([-0.0]).is_sign_positive());
        assert_eq!(total([1.5, 2.25]), 3.75);
        assert_eq!(
            serde_json::to_string(&total(nothing)).ok().as_deref(),
            Some("0.0")
        );
    }

    #[test]
    fn comparisons_allow_the_tolerance() {
        let shared: f64 = (0..7).map(|_| 13.0 / 7.0).sum();
        assert!(!gt(shared, 13.0));
        assert!(ge(shared, 13.0));
        assert!(gt(13.1, 13.0));
        assert!(!positive(1e-10));
        assert!(positive(1e-8));
        assert!(share_at_least(1.0, 4.0, 0.25));
        assert!(!share_at_least(0.99, 4.0, 0.25));
    }

    #[test]
    fn money_and_percentages() {
        assert_eq!(dollars(272000.0), "$272,000");
        assert_eq!(dollars(34113.0), "$34,113");
        assert_eq!(percent(46.0, 40.0), "115 %");
        assert_eq!(percent(1.0, 0.0), "—");
    }
}
