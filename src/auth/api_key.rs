//! The API key format: `gbl_live_` + 30 random base62 characters (178 bits) + a 6-character
//! base62 CRC32 of those 30 characters, the shape GitHub uses for its tokens so that secret
//! scanners can recognise a Gable key and check its checksum without calling us.
//!
//! Only the SHA-256 of the whole key is stored. A presented key whose shape or checksum is
//! wrong is refused before any database lookup.

use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "gbl_live_";
const RANDOM_LEN: usize = 30;
const CHECKSUM_LEN: usize = 6;
pub const KEY_LEN: usize = PREFIX.len() + RANDOM_LEN + CHECKSUM_LEN;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A freshly generated key: the secret is shown once, the hash is stored.
pub struct NewKey {
    pub secret: SecretString,
    pub hash: String,
    pub last4: String,
}

impl std::fmt::Debug for NewKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewKey").field("last4", &self.last4).finish_non_exhaustive()
    }
}

pub fn generate() -> NewKey {
    let mut random = String::with_capacity(RANDOM_LEN);
    let mut buf = [0u8; 64];
    while random.len() < RANDOM_LEN {
        getrandom::fill(&mut buf).expect("the operating system's random source is available");
        // Rejection sampling: 248 = 4 × 62, so every accepted byte maps uniformly.
        random.extend(buf.iter().filter(|&&b| b < 248).map(|&b| BASE62[usize::from(b % 62)] as char));
        random.truncate(RANDOM_LEN);
    }
    let key = format!("{PREFIX}{random}{}", checksum(&random));
    NewKey { hash: hash(&key), last4: key[key.len() - 4..].to_owned(), secret: SecretString::from(key) }
}

/// The stored hash of a presented key, or `None` when it cannot be a Gable key.
pub fn hash_if_well_formed(key: &str) -> Option<String> {
    let body = key.strip_prefix(PREFIX)?;
    if key.len() != KEY_LEN || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let (random, check) = body.split_at(RANDOM_LEN);
    (checksum(random) == check).then(|| hash(key))
}

fn hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

fn checksum(random: &str) -> String {
    let mut n = crc32fast::hash(random.as_bytes());
    let mut out = [b'0'; CHECKSUM_LEN];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl NewKey {
    pub fn expose(&self) -> &str {
        self.secret.expose_secret()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_validate_and_differ() {
        let a = generate();
        let b = generate();
        assert!(a.expose().starts_with(PREFIX));
        assert_eq!(a.expose().len(), KEY_LEN);
        assert_ne!(a.expose(), b.expose());
        assert_eq!(hash_if_well_formed(a.expose()), Some(a.hash.clone()));
        assert!(a.expose().ends_with(&a.last4));
        assert!(!format!("{a:?}").contains(a.expose()));
    }

    #[test]
    fn tampered_or_foreign_keys_are_refused() {
        let key = generate();
        let mut tampered = key.expose().to_owned();
        let flipped = if tampered.as_bytes()[12] == b'a' { "b" } else { "a" };
        tampered.replace_range(12..13, flipped);
        assert_eq!(hash_if_well_formed(&tampered), None);
        assert_eq!(hash_if_well_formed("aura_pk_live_xxxxx"), None);
        assert_eq!(hash_if_well_formed(&format!("{}x", key.expose())), None);
        assert_eq!(hash_if_well_formed(""), None);
    }
}
