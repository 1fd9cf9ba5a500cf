//! Random tokens and their hashes: one generator, one hashing, for every
//! link, key, code and file name Soirée makes.

use base64::Engine as _;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// `N` bytes from the operating system's generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

/// 128 random bits, URL-safe base64 (22 characters): idempotency keys,
/// tracking codes, share-link slugs, webhook event ids.
pub fn random_key() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<16>())
}

/// 256 random bits, URL-safe base64 (43 characters): session tokens,
/// set-password links, API keys.
pub fn random_token() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// `N` random bytes as lowercase hex: nonces, Message-IDs, file names and
/// signing secrets.
pub fn random_hex<const N: usize>() -> String {
    hex::encode(random_bytes::<N>())
}

/// The SHA-256 of a token, hex: what the database stores, never the token.
pub fn hash_token(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_their_length_and_differ() {
        assert_eq!(random_key().len(), 22);
        assert_eq!(random_token().len(), 43);
        assert_eq!(random_hex::<12>().len(), 24);
        assert_ne!(random_key(), random_key());
        assert_eq!(hash_token("a").len(), 64);
        assert_eq!(hash_token("a"), hash_token("a"));
    }
}
