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
}

impl Currency {
    /// Parses an ISO 4217 code.
    pub fn parse(code: &str) -> Option<Currency> {
        match code {
            "EUR" => Some(Currency::Eur),
            _ => None,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Eur => "€",
        }
    }
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::Eur)
    }

    pub fn minor(self) -> i64 {
        self.minor
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

#[cfg(test)]
mod tests {
    use super::*;

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
