//! Time-based one-time codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30
//! seconds), the second step of a sign-in for accounts that turned it on,
//! and their recovery codes. Server only.

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds a code lives.
pub const PERIOD: i64 = 30;
/// Digits of a code.
const DIGITS: u32 = 6;
/// RFC 4648 base32 alphabet, the one authenticator apps read.
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new secret: 160 random bits, base32 (32 characters).
pub fn new_secret() -> String {
    base32(&crate::base::tokens::random_bytes::<20>())
}

/// `bytes` in base32, without padding.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(BASE32[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The bytes of a base32 text (spaces and case ignored); `None` if it is
/// not base32.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = BASE32
            .iter()
            .position(|&a| a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// The time step of `unix` seconds.
pub fn step_of(unix: i64) -> i64 {
    unix.div_euclid(PERIOD)
}

/// The code of `secret` (base32) at time step `step`.
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let key = from_base32(secret)?;
    let mut mac = Hmac::<Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 0x0f);
    let binary = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    Some(format!(
        "{:0width$}",
        binary % 10u32.pow(DIGITS),
        width = DIGITS as usize
    ))
}

/// The time step whose code `typed` is, among the step of `unix` and its
/// neighbours (a clock a little off, a code typed as it changed); `None`
/// when it is none of them. Spaces in what was typed are ignored.
pub fn matching_step(secret: &str, typed: &str, unix: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let now = step_of(unix);
    [now, now - 1, now + 1]
        .into_iter()
        .find(|&step| code_at(secret, step).is_some_and(|code| code == typed))
}

/// The `otpauth://` address an authenticator app reads from a QR code.
pub fn uri(issuer: &str, account: &str, secret: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={PERIOD}",
        enc(issuer).replace('+', "%20"),
        enc(account).replace('+', "%20"),
        enc(issuer).replace('+', "%20"),
    )
}

/// Ten recovery codes, `xxxx-xxxx` in base32 (40 random bits each).
pub fn recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let code = base32(&crate::base::tokens::random_bytes::<5>()).to_lowercase();
            format!("{}-{}", &code[..4], &code[4..])
        })
        .collect()
}

/// A recovery code as typed, made comparable: lowercase, no spaces or
/// dashes.
pub fn normal_recovery(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_are_those_of_rfc_6238() {
        assert_eq!(base32(b"12345678901234567890"), RFC_SECRET);
        // The RFC gives 8 digits; 6 are their last six.
        for (unix, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(
                code_at(RFC_SECRET, step_of(unix)).unwrap(),
                eight[2..],
                "at {unix}"
            );
        }
    }

    #[test]
    fn a_code_matches_its_step_and_neighbours_only() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        assert_eq!(from_base32(&secret).unwrap().len(), 20);
        let unix = 1_800_000_000;
        let step = step_of(unix);
        let code = code_at(&secret, step).unwrap();
        assert_eq!(matching_step(&secret, &code, unix), Some(step));
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(matching_step(&secret, &spaced, unix + PERIOD), Some(step));
        assert_eq!(matching_step(&secret, &code, unix + 3 * PERIOD), None);
        assert_eq!(matching_step(&secret, "12345", unix), None);
        assert_eq!(matching_step(&secret, "abcdef", unix), None);
    }

    #[test]
    fn the_uri_names_issuer_and_account() {
        assert_eq!(
            uri("Maison Lin", "ana@example.com", "ABC"),
            "otpauth://totp/Maison%20Lin:ana%40example.com?secret=ABC&issuer=Maison%20Lin&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn recovery_codes_are_ten_and_read_loosely() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(codes
            .iter()
            .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-'));
        assert_eq!(normal_recovery(" AB12-cd34 "), "ab12cd34");
    }
}
