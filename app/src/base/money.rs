//! Money in integer minor units: never a float.

use serde::{Deserialize, Serialize};

/// An amount in minor units (cents) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

/// The currencies Soirée prices in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    Eur,
    Gbp,
    Chf,
}

impl Currency {
    /// Parses an ISO 4217 code.
    pub fn parse(code: &str) -> Option<Currency> {
        match code {
            "EUR" => Some(Currency::Eur),
            "GBP" => Some(Currency::Gbp),
            "CHF" => Some(Currency::Chf),
            _ => None,
        }
    }

    /// The ISO 4217 code: `EUR`, `GBP`, `CHF`.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Chf => "CHF",
        }
    }

    /// Digits after the decimal point: minor units per major unit is
    /// 10^this (2 for all three).
    pub fn minor_digits(self) -> u32 {
        2
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Chf => "CHF ",
        }
    }
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::Eur)
    }

    pub fn minor(self) -> i64 {
        self.minor
    }

    pub fn currency(self) -> Currency {
        self.currency
    }

    /// Like the display, with thousands grouped: `€15,000.00`.
    pub fn grouped(self) -> String {
        let plain = self.to_string();
        let Some((head, cents)) = plain.rsplit_once('.') else {
            return plain;
        };
        let digits_at = head
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(head.len());
        let (sign, digits) = head.split_at(digits_at);
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{cents}")
    }
}

impl std::fmt::Display for Money {
    /// `€24.90`, `-€3.05`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        write!(
            f,
            "{sign}{}{}.{:02}",
            self.currency.symbol(),
            abs / 100,
            abs % 100
        )
    }
}

/// Serialises a euro [`Money`] as a bare number of cents, for wire formats
/// whose fields are named `…_cents` (`#[serde(with = "as_cents")]`).
pub mod as_cents {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Money;

    pub fn serialize<S: Serializer>(money: &Money, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(money.minor())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        Ok(Money::eur(i64::deserialize(d)?))
    }
}

/// The highest price an item may have: €100,000.
const PRICE_MAX_CENTS: i64 = 10_000_000;

/// Parses an amount typed in euros ("32", "32.5", "32,50", "€ 1 250.00")
/// into cents. Never goes through a float. A mistake reads in the page's
/// language.
pub fn parse_cents(raw: &str, field: &str) -> Result<i64, crate::base::error::AppError> {
    use crate::base::{error::AppError, l10n::page_lang};
    let cleaned: String = raw
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let bad = || AppError::invalid(field, tr!(page_lang(), PRICE_ERROR_SHAPE));
    if cleaned.is_empty() {
        return Err(AppError::invalid(
            field,
            tr!(page_lang(), PRICE_ERROR_EMPTY),
        ));
    }
    if cleaned.starts_with('-') {
        return Err(AppError::invalid(
            field,
            tr!(page_lang(), PRICE_ERROR_NEGATIVE),
        ));
    }
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty() && frac.is_empty()
        || frac.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 9
    {
        return Err(bad());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    let cents = whole * 100 + frac;
    if cents > PRICE_MAX_CENTS {
        return Err(AppError::invalid(
            field,
            tr!(page_lang(), PRICE_ERROR_TOO_HIGH),
        ));
    }
    Ok(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_become_cents_without_floats() {
        assert_eq!(parse_cents("32", "price").unwrap(), 3200);
        assert_eq!(parse_cents("32.5", "price").unwrap(), 3250);
        assert_eq!(parse_cents("32,05", "price").unwrap(), 3205);
        assert_eq!(parse_cents("€ 1 250.00", "price").unwrap(), 125_000);
        assert_eq!(parse_cents("0", "price").unwrap(), 0);
        assert_eq!(parse_cents(".99", "price").unwrap(), 99);
        for bad in ["", "-1", "1.234", "abc", "1.2.3", "12e3", "."] {
            assert!(parse_cents(bad, "price").is_err(), "{bad:?}");
        }
        assert!(parse_cents("100000.01", "price").is_err());
    }

    #[test]
    fn formats_cents() {
        assert_eq!(Money::eur(2490).to_string(), "€24.90");
        assert_eq!(Money::eur(5).to_string(), "€0.05");
        assert_eq!(Money::eur(-305).to_string(), "-€3.05");
        assert_eq!(Money::eur(0).to_string(), "€0.00");
        assert_eq!(Money::eur(1_500_000).grouped(), "€15,000.00");
        assert_eq!(Money::eur(-123_456_789).grouped(), "-€1,234,567.89");
        assert_eq!(Money::eur(99_999).grouped(), "€999.99");
    }
}
