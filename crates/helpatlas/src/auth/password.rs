//! Passwords: the rules a new one must meet (OWASP ASVS 5.0 chapter 6: length, not common, no
//! composition rules) and argon2id hashing, always on a blocking thread.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::collections::HashSet;
use std::io::Read;
use std::sync::OnceLock;

pub const MIN_CHARS: usize = 12;
/// Long enough for any passphrase; bounded so that a request cannot make hashing arbitrarily slow.
pub const MAX_CHARS: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("The password must have at least {MIN_CHARS} characters.")]
    TooShort,
    #[error("The password must have at most {MAX_CHARS} characters.")]
    TooLong,
    #[error("This password is on a list of common passwords that attackers try first. Choose another.")]
    Common,
    #[error("The password must not be your email address or contain its name part.")]
    ContainsEmail,
    #[error("The two passwords differ.")]
    Mismatch,
}

/// Django's list of 20,000 common passwords (lowercase), see NOTICE.
const COMMON_GZ: &[u8] = include_bytes!("../../../../data/passwords/common-passwords.txt.gz");

fn common_passwords() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut text = String::new();
        // The list is compiled in and checked by a test: failing to read it is a build bug.
        if let Err(e) = flate2::read::GzDecoder::new(COMMON_GZ).read_to_string(&mut text) {
            panic!("the bundled common-password list is unreadable: {e}");
        }
        text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
    })
}

/// Whether `password` may become an account's password for `email`.
pub fn check_new(password: &str, confirm: &str, email: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lower = password.to_lowercase();
    if common_passwords().contains(&lower) {
        return Err(PasswordError::Common);
    }
    let name = email.split('@').next().unwrap_or_default().to_lowercase();
    if lower == email.to_lowercase() || (name.chars().count() >= 4 && lower.contains(&name)) {
        return Err(PasswordError::ContainsEmail);
    }
    if password != confirm {
        return Err(PasswordError::Mismatch);
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// The argon2id hash (PHC string, with its parameters and salt) of `password`. Argon2's defaults are
/// OWASP's recommendation (19 MiB, 2 passes, 1 lane); the hash takes tens of milliseconds, so it runs
/// on a blocking thread.
pub async fn hash(password: String) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError(e.to_string()))
    })
    .await
    .map_err(|e| HashError(e.to_string()))?
}

/// Whether `password` matches `stored`. Without a stored hash (unknown account, no password yet) a
/// hash is still computed, so that the answer takes as long either way and does not tell which
/// accounts exist.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| dummy_hash().to_string());
        let matches = PasswordHash::new(&stored)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false);
        matches && stored != dummy_hash()
    })
    .await
    .unwrap_or(false)
}

/// A hash of a random password nobody knows, made once per process.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        let secret = super::tokens::random_token();
        Argon2::default().hash_password(secret.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_name_what_is_wrong() {
        let email = "kari.nordmann@example.org";
        assert_eq!(check_new("short", "short", email), Err(PasswordError::TooShort));
        assert_eq!(check_new(&"x".repeat(257), &"x".repeat(257), email), Err(PasswordError::TooLong));
        assert_eq!(check_new("qwertyuiop123", "qwertyuiop123", email), Err(PasswordError::Common));
        assert_eq!(check_new("QWERTYUIOP123", "QWERTYUIOP123", email), Err(PasswordError::Common), "any case");
        assert_eq!(check_new("kari.nordmann-2026", "kari.nordmann-2026", email), Err(PasswordError::ContainsEmail));
        assert_eq!(check_new("a long quiet river", "a long quiet rivers", email), Err(PasswordError::Mismatch));
        assert_eq!(check_new("a long quiet river", "a long quiet river", email), Ok(()));
        assert_eq!(check_new("ålesund fjord hæ", "ålesund fjord hæ", email), Ok(()), "characters, not bytes");
    }

    #[test]
    fn the_bundled_list_is_read_whole() {
        assert_eq!(common_passwords().len(), 19_640);
        assert!(common_passwords().contains("password"));
    }

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let hashed = hash("a long quiet river".into()).await.expect("hash");
        assert!(hashed.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hashed}");
        assert!(verify("a long quiet river".into(), Some(hashed.clone())).await);
        assert!(!verify("a long quiet rivers".into(), Some(hashed)).await);
        assert!(!verify("anything".into(), None).await);
        assert!(!verify("anything".into(), Some("not a hash".into())).await);
    }
}
