//! Money in integer minor units: never a float.

use serde::{Deserialize, Serialize};

/// An amount in minor units (cents) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

/// The currencies Soirée prices in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
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

    /// Every currency a brand may price in, in the settings' order.
    pub const ALL: [Currency; 3] = [Currency::Eur, Currency::Gbp, Currency::Chf];

    /// A code read from the database: the stored value is always one of
    /// [`Currency::ALL`] (the settings form refuses others); euro if not.
    pub fn of_db(code: &str) -> Currency {
        Currency::parse(code).unwrap_or(Currency::Eur)
    }

    /// The sign a form label puts after an amount's field: `€`, `£`, `CHF`.
    pub fn unit(self) -> &'static str {
        self.symbol().trim_end()
    }

    /// The currency's name in a sentence, in `lang`: "euros",
    /// "pounds sterling", "francs suisses".
    pub fn name(self, lang: crate::base::l10n::Lang) -> String {
        match self {
            Currency::Eur => tr!(lang, CURRENCY_NAME_EUR),
            Currency::Gbp => tr!(lang, CURRENCY_NAME_GBP),
            Currency::Chf => tr!(lang, CURRENCY_NAME_CHF),
        }
    }

    /// The currency as the brand's settings offer it: "Euro (€)".
    pub fn option(self, lang: crate::base::l10n::Lang) -> String {
        match self {
            Currency::Eur => tr!(lang, CURRENCY_OPTION_EUR),
            Currency::Gbp => tr!(lang, CURRENCY_OPTION_GBP),
            Currency::Chf => tr!(lang, CURRENCY_OPTION_CHF),
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

    /// Euros, for tests: the app always names the currency it read.
    #[cfg(test)]
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

/// The highest price an item may have: 100,000 in the brand's currency.
const PRICE_MAX_CENTS: i64 = 10_000_000;

/// Parses an amount typed in `currency` ("32", "32.5", "32,50",
/// "€ 1 250.00", "£12", "CHF 9.50") into minor units. Never goes through a
/// float. A mistake reads in the page's language and names the currency.
pub fn parse_cents(
    raw: &str,
    field: &str,
    currency: Currency,
) -> Result<i64, crate::base::error::AppError> {
    use crate::base::{error::AppError, l10n::page_lang};
    let unit = currency.unit();
    let name = || currency.name(page_lang());
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_prefix(unit).unwrap_or(trimmed).trim();
    let trimmed = trimmed.strip_suffix(unit).unwrap_or(trimmed);
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let bad = || {
        AppError::invalid(
            field,
            tr!(page_lang(), PRICE_ERROR_SHAPE, currency = name()),
        )
    };
    if cleaned.is_empty() {
        return Err(AppError::invalid(
            field,
            tr!(page_lang(), PRICE_ERROR_EMPTY, currency = name()),
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
            tr!(
                page_lang(),
                PRICE_ERROR_TOO_HIGH,
                limit = crate::base::l10n::fmt::money(
                    page_lang(),
                    Money::new(PRICE_MAX_CENTS, currency)
                )
            ),
        ));
    }
    Ok(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_become_cents_without_floats() {
        let eur = |raw| parse_cents(raw, "price", Currency::Eur);
        assert_eq!(eur("32").unwrap(), 3200);
        assert_eq!(eur("32.5").unwrap(), 3250);
        assert_eq!(eur("32,05").unwrap(), 3205);
        assert_eq!(eur("€ 1 250.00").unwrap(), 125_000);
        assert_eq!(eur("1 250,00 €").unwrap(), 125_000);
        assert_eq!(eur("0").unwrap(), 0);
        assert_eq!(eur(".99").unwrap(), 99);
        for bad in ["", "-1", "1.234", "abc", "1.2.3", "12e3", ".", "£12"] {
            assert!(eur(bad).is_err(), "{bad:?}");
        }
        assert!(eur("100000.01").is_err());
    }

    #[test]
    fn prices_in_pounds_and_swiss_francs() {
        assert_eq!(parse_cents("£12.50", "price", Currency::Gbp).unwrap(), 1250);
        assert_eq!(
            parse_cents("12,50 £", "price", Currency::Gbp).unwrap(),
            1250
        );
        assert_eq!(
            parse_cents("CHF 9.50", "price", Currency::Chf).unwrap(),
            950
        );
        assert_eq!(
            parse_cents("9,50 CHF", "price", Currency::Chf).unwrap(),
            950
        );
        assert!(parse_cents("€9", "price", Currency::Chf).is_err());
    }

    #[test]
    fn codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::parse(c.code()), Some(c));
            assert_eq!(Currency::of_db(c.code()), c);
        }
        assert_eq!(Currency::parse("USD"), None);
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
