//! Paying by bank transfer: the brand's account number (IBAN, checked with
//! the ISO 13616 checksum) and bank code (BIC), and each order's payment
//! reference, a structured creditor reference (ISO 11649, `RF…`) that a
//! bank checks as it is typed and that names the order.

use crate::base::l10n::page_lang;

/// The letters and digits of `raw`, upper-cased (spaces and dashes go).
fn compact(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `text` (letters and digits) modulo 97, letters counting A = 10 … Z = 35.
fn mod97(text: &str) -> Option<u32> {
    let mut rest = 0u32;
    for c in text.chars() {
        let value = c.to_digit(36)?;
        rest = if value >= 10 {
            (rest * 100 + value) % 97
        } else {
            (rest * 10 + value) % 97
        };
    }
    Some(rest)
}

/// An IBAN, checked: its country, length and check digits. Returned in
/// groups of four, as it is printed; a mistake reads in the page's language.
pub fn parse_iban(raw: &str) -> Result<String, String> {
    let iban = compact(raw);
    let shape = iban.len() >= 15
        && iban.len() <= 34
        && iban.chars().all(|c| c.is_ascii_alphanumeric())
        && iban[..2].chars().all(|c| c.is_ascii_alphabetic())
        && iban[2..4].chars().all(|c| c.is_ascii_digit());
    if !shape {
        return Err(tr!(page_lang(), BANK_ERROR_IBAN_SHAPE));
    }
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    if mod97(&rearranged) != Some(1) {
        return Err(tr!(page_lang(), BANK_ERROR_IBAN_CHECK));
    }
    Ok(groups_of_four(&iban))
}

/// A BIC (SWIFT code): 8 or 11 characters.
pub fn parse_bic(raw: &str) -> Result<String, String> {
    let bic = compact(raw);
    let ok = matches!(bic.len(), 8 | 11)
        && bic[..6].chars().all(|c| c.is_ascii_alphabetic())
        && bic[6..].chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(bic)
    } else {
        Err(tr!(page_lang(), BANK_ERROR_BIC))
    }
}

/// `text` in groups of four characters.
pub fn groups_of_four(text: &str) -> String {
    text.chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The payment reference of order `id`: `RF` + check digits + `SOI` + the
/// order's number, as a structured creditor reference.
pub fn payment_reference(order_id: i64) -> String {
    let body = format!("SOI{order_id}");
    let check = 98 - mod97(&format!("{body}RF00")).unwrap_or(0);
    format!("RF{check:02}{body}")
}

/// The order a payment reference names, when it is one of ours and its
/// check digits hold (spaces and case do not matter).
pub fn order_of_reference(raw: &str) -> Option<i64> {
    let reference = compact(raw);
    let (head, body) = (reference.get(..4)?, reference.get(4..)?);
    if !head.starts_with("RF") || mod97(&format!("{body}{head}")) != Some(1) {
        return None;
    }
    body.strip_prefix("SOI")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_with_their_check_digits() {
        assert_eq!(
            parse_iban("fr76 3000 6000 0112 3456 7890 189").unwrap(),
            "FR76 3000 6000 0112 3456 7890 189"
        );
        assert_eq!(
            parse_iban("DE89370400440532013000").unwrap(),
            "DE89 3704 0044 0532 0130 00"
        );
        assert!(
            parse_iban("FR76 3000 6000 0112 3456 7890 188").is_err(),
            "one digit off"
        );
        assert!(parse_iban("FR76").is_err());
        assert!(parse_iban("7676 3000 6000 0112 3456 7890 189").is_err());
        assert!(parse_iban("").is_err());
    }

    #[test]
    fn bics_have_8_or_11_characters() {
        assert_eq!(parse_bic("bnpa frpp").unwrap(), "BNPAFRPP");
        assert_eq!(parse_bic("BNPAFRPPXXX").unwrap(), "BNPAFRPPXXX");
        assert!(parse_bic("BNPAFR").is_err());
        assert!(parse_bic("12PAFRPP").is_err());
    }

    #[test]
    fn a_payment_reference_names_its_order_and_catches_typos() {
        let reference = payment_reference(1234);
        assert!(reference.starts_with("RF"), "{reference}");
        assert!(reference.ends_with("SOI1234"), "{reference}");
        assert_eq!(order_of_reference(&reference), Some(1234));
        assert_eq!(
            order_of_reference(&groups_of_four(&reference.to_lowercase())),
            Some(1234)
        );
        let typo = reference.replace("1234", "1235");
        assert_eq!(order_of_reference(&typo), None);
        assert_eq!(order_of_reference("RF18539007547034"), None, "not ours");
        assert_eq!(order_of_reference("hello"), None);
        // The ISO 11649 example holds.
        assert_eq!(mod97("539007547034RF18"), Some(1));
    }
}
