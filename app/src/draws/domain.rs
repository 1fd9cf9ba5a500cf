//! The fair drawing's arithmetic, which anyone can redo: before the party
//! the page shows the commitment, the SHA-256 of a random seed; at the
//! drawing the seed is revealed, and the winner is the eligible guest at
//! index `n mod count`, where `n` is the first 8 bytes (big-endian) of
//! SHA-256 of `"<seed>:<ids>"`, the ids being the eligible guests' ids in
//! ascending order joined by commas. `soiree verify-draw` does the same.

use sha2::{Digest, Sha256};

/// The commitment to a seed: its SHA-256, in lower-case hex.
pub fn commitment(seed: &str) -> String {
    hex::encode(Sha256::digest(seed.as_bytes()))
}

/// The text hashed for the winner: the seed, a colon, the ids ascending
/// joined by commas.
pub fn draw_input(seed: &str, ids: &[i64]) -> String {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let list: Vec<String> = sorted.iter().map(i64::to_string).collect();
    format!("{seed}:{}", list.join(","))
}

/// The winner among the eligible guests `ids` (any order): `None` when
/// there is nobody to draw.
pub fn winner(seed: &str, ids: &[i64]) -> Option<i64> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.is_empty() {
        return None;
    }
    let hash = Sha256::digest(draw_input(seed, &sorted).as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash[..8]);
    let n = u64::from_be_bytes(first);
    let at = (n % sorted.len() as u64) as usize;
    Some(sorted[at])
}

/// Whether `seed` is the one `commitment` promised.
pub fn keeps_promise(seed: &str, promised: &str) -> bool {
    commitment(seed).eq_ignore_ascii_case(promised.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commitment_is_the_seeds_sha256() {
        // echo -n abc | sha256sum
        assert_eq!(
            commitment("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(keeps_promise("abc", &commitment("abc").to_uppercase()));
        assert!(!keeps_promise("abd", &commitment("abc")));
    }

    #[test]
    fn the_winner_depends_on_the_seed_and_the_ids_not_their_order() {
        let ids = [42, 7, 19, 3];
        let won = winner("seed-1", &ids).unwrap();
        assert!(ids.contains(&won));
        assert_eq!(winner("seed-1", &[3, 7, 19, 42]), Some(won));
        assert_eq!(
            winner("seed-1", &[3, 7, 7, 19, 42]),
            Some(won),
            "an id counts once"
        );
        assert_eq!(draw_input("s", &[9, 2, 5]), "s:2,5,9");
        assert_eq!(winner("seed-1", &[]), None);
        assert_eq!(winner("anything", &[5]), Some(5));
        // Over many seeds every guest wins sometimes.
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..200 {
            seen.insert(winner(&format!("seed-{i}"), &ids).unwrap());
        }
        assert_eq!(seen.len(), ids.len());
    }
}
