//! Money and rates as exact decimals: parsing of the spellings people type (`24 000,00`,
//! `24000.00`, `1.234,56 €`), the rounding rule, and the bounds that make overflow impossible.
//!
//! Rounding is always to the cent, half away from zero (`0.005 → 0.01`), never banker's rounding.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount accepted anywhere: one thousand billion euros. With it, every product
/// computed by the engine stays far below `Decimal::MAX`.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// The largest rate accepted, in percent per year.
pub const MAX_PERCENT: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

/// An amount in euros: non-negative, at most two decimals, at most [`MAX_AMOUNT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Eur(Decimal);

impl Eur {
    pub const ZERO: Eur = Eur(Decimal::ZERO);

    /// `None` when negative, above [`MAX_AMOUNT`] or with sub-cent digits.
    pub fn new(value: Decimal) -> Option<Eur> {
        let value = value.normalize();
        if value.is_sign_negative() && !value.is_zero() || value > MAX_AMOUNT || value.scale() > 2 {
            return None;
        }
        Some(Eur(cents(value)))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// A yearly rate in percent: between 0 and [`MAX_PERCENT`], at most four decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    pub fn new(value: Decimal) -> Option<Percent> {
        let value = value.normalize();
        if value.is_sign_negative() && !value.is_zero() || value > MAX_PERCENT || value.scale() > 4
        {
            return None;
        }
        Some(Percent(value))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// Rounds to the cent, half away from zero, and always shows two decimals.
pub fn round_cents(value: Decimal) -> Decimal {
    cents(round(value, 2))
}

/// Rounds to `dp` decimals, half away from zero: the one rounding rule of every figure shown
/// (`Decimal::round` and `round_dp` round half to even).
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn cents(mut value: Decimal) -> Decimal {
    value.rescale(2);
    value
}

/// Why a typed number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but blanks.
    Empty,
    /// Not a number in any accepted spelling.
    Invalid,
    /// Below zero.
    Negative,
    /// More decimals than allowed (2 for amounts, 4 for rates).
    TooPrecise,
    /// Above the accepted maximum.
    TooLarge,
}

/// Parses an amount in euros, French or English spelling, with or without `€`.
pub fn parse_amount(raw: &str) -> Result<Eur, NumberError> {
    let value = parse_number(raw, &["€", "EUR", "eur"], 2)?;
    if value > MAX_AMOUNT {
        return Err(NumberError::TooLarge);
    }
    Eur::new(value).ok_or(NumberError::Invalid)
}

/// Parses a yearly rate in percent (`15`, `12,5 %`, `10.65`).
pub fn parse_percent(raw: &str) -> Result<Percent, NumberError> {
    let value = parse_number(raw, &["%"], 4)?;
    if value > MAX_PERCENT {
        return Err(NumberError::TooLarge);
    }
    Percent::new(value).ok_or(NumberError::Invalid)
}

/// Normalises separators then parses. Rules: blanks (including no-break spaces) are thousands
/// separators; when both `,` and `.` appear, the last one is the decimal mark; a lone `,` or `.`
/// is the decimal mark; a mark repeated several times separates thousands.
fn parse_number(raw: &str, suffixes: &[&str], max_scale: u32) -> Result<Decimal, NumberError> {
    let mut s = raw.trim();
    for suffix in suffixes {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.trim_end();
            break;
        }
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    if compact.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, digits) = match compact.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    let normalised = normalise_separators(digits).ok_or(NumberError::Invalid)?;
    // Leading zeros of the integer part and trailing zeros of the fraction carry nothing; what
    // is left is checked digit by digit, before `Decimal` could round it away.
    let (int, frac) = normalised
        .split_once('.')
        .unwrap_or((normalised.as_str(), ""));
    let (int, frac) = (int.trim_start_matches('0'), frac.trim_end_matches('0'));
    if negative && !(int.is_empty() && frac.is_empty()) {
        return Err(NumberError::Negative);
    }
    if frac.len() > max_scale as usize {
        return Err(NumberError::TooPrecise);
    }
    let exact = if frac.is_empty() {
        format!("0{int}")
    } else {
        format!("0{int}.{frac}")
    };
    // Only digits are left: `Decimal` refuses them only when they exceed its 28 digits.
    Decimal::from_str(&exact).map_err(|_| NumberError::TooLarge)
}

fn normalise_separators(s: &str) -> Option<String> {
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let decimal_mark = match (commas, dots) {
        (_, 0) if commas == 1 => Some(','),
        (0, _) if dots == 1 => Some('.'),
        (_, 0) | (0, _) => None,
        _ => {
            let last = s.rfind([',', '.'])?;
            s[last..].chars().next()
        }
    };
    let (int_part, frac_part) = match decimal_mark {
        Some(mark) => {
            let at = s.rfind(mark)?;
            (&s[..at], Some(&s[at + 1..]))
        }
        None => (s, None),
    };
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let int_digits = strip_thousands(int_part)?;
    Some(match frac_part {
        Some(frac) => format!("{int_digits}.{frac}"),
        None => int_digits,
    })
}

/// Removes one kind of thousands separator, checking the groups are of three digits.
fn strip_thousands(int_part: &str) -> Option<String> {
    if int_part.is_empty() {
        return Some("0".to_owned());
    }
    if int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Some(int_part.to_owned());
    }
    let sep = if int_part.contains(',') { ',' } else { '.' };
    let mut groups = int_part.split(sep);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Result<String, NumberError> {
        parse_amount(s).map(|e| e.get().to_string())
    }

    /// Half away from zero, at every precision (rust_decimal's `round` would give 2 and -2).
    #[test]
    fn rounding_at_any_precision_is_half_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(round(d("2.5"), 0), d("3"));
        assert_eq!(round(d("-2.5"), 0), d("-3"));
        assert_eq!(round(d("0.125"), 2), d("0.13"));
        assert_eq!(round(d("65.45"), 1), d("65.5"));
        assert_eq!(round(d("1.2344"), 3), d("1.234"));
    }

    #[test]
    fn amounts_in_french_and_english() {
        for (raw, want) in [
            ("24000.00", "24000.00"),
            ("24 000,00", "24000.00"),
            ("24\u{a0}000,00\u{a0}€", "24000.00"),
            ("24\u{202f}000,5", "24000.50"),
            ("1.234,56 €", "1234.56"),
            ("1,234.56", "1234.56"),
            ("1,234,567", "1234567.00"),
            ("1.234.567", "1234567.00"),
            ("123.456.789", "123456789.00"),
            ("12,5", "12.50"),
            ("0", "0.00"),
            ("1 000 000 000 000", "1000000000000.00"),
            (",5", "0.50"),
        ] {
            assert_eq!(amount(raw).as_deref(), Ok(want), "input {raw:?}");
        }
    }

    #[test]
    fn refused_amounts() {
        for (raw, want) in [
            ("", NumberError::Empty),
            ("  € ", NumberError::Empty),
            ("abc", NumberError::Invalid),
            ("12,345,6", NumberError::Invalid),
            ("1.2.3,4,5", NumberError::Invalid),
            ("12.", NumberError::Invalid),
            ("-5", NumberError::Negative),
            ("12,345", NumberError::TooPrecise),
            ("1000000000000.01", NumberError::TooLarge),
            ("1e5", NumberError::Invalid),
            // Beyond Decimal's 28 digits: too large, not « invalid »; a 31st decimal is not
            // rounded away into an accepted 0.
            (&*"9".repeat(30), NumberError::TooLarge),
            (&*"1".repeat(41), NumberError::TooLarge),
            (&*format!("0,{}1", "0".repeat(30)), NumberError::TooPrecise),
            ("-0,001", NumberError::Negative),
            // Thousands groups: the first has 1 to 3 digits, the others exactly 3.
            (".123.456", NumberError::Invalid),
            ("1234.567.890", NumberError::Invalid),
            ("1.23.456", NumberError::Invalid),
        ] {
            assert_eq!(amount(raw), Err(want), "input {raw:?}");
        }
    }

    /// Zeros that carry nothing do not count against the limits.
    #[test]
    fn leading_and_trailing_zeros_are_free() {
        let long = format!("{}12,5000000000", "0".repeat(40));
        assert_eq!(amount(&long), Ok("12.50".into()));
        assert_eq!(amount("-0,00"), Ok("0.00".into()));
        assert_eq!(amount(",50"), Ok("0.50".into()));
    }

    #[test]
    fn percents() {
        assert_eq!(parse_percent("15").map(Percent::get), Ok(Decimal::from(15)));
        assert_eq!(
            parse_percent("12,5 %").map(|p| p.get().to_string()),
            Ok("12.5".into())
        );
        assert_eq!(parse_percent("101"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_percent("100").map(|p| p.get().to_string()),
            Ok("100".into())
        );
        assert_eq!(parse_percent("1,23456"), Err(NumberError::TooPrecise));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        assert_eq!(round_cents(d("0.005")).to_string(), "0.01");
        assert_eq!(round_cents(d("0.015")).to_string(), "0.02");
        assert_eq!(round_cents(d("0.0149")).to_string(), "0.01");
        assert_eq!(round_cents(d("-0.005")).to_string(), "-0.01");
        assert_eq!(round_cents(d("7")).to_string(), "7.00");
        assert_eq!(MAX_AMOUNT, d("1000000000000"));
    }
}
