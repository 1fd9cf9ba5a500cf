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
    }
}
