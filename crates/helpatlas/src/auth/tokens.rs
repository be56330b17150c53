//! Secrets handed to browsers: random tokens (sessions, setup links, CSRF), stored only as their
//! SHA-256 where they grant access, compared in constant time; and tokens signed with the server's
//! key for the sign-in form, which has no session yet.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 256 random bits from the operating system, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What the database keeps of a token: a copy of the database then opens no session.
pub fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Signs and checks values with the server's key (kept in the database, so every replica has it).
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl Signer {
    pub fn new(key: &str) -> Signer {
        Signer { key: key.as_bytes().to_vec() }
    }

    fn mac(&self, value: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(value.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// A keyed hash: the same input gives the same output only on servers with this key (used for
    /// client addresses, which are never stored as such).
    pub fn keyed_hash(&self, value: &str) -> String {
        self.mac(&format!("hash:{value}"))
    }

    /// A token valid until `expires`: `NONCE.EXPIRY.MAC`.
    pub fn form_token(&self, expires: DateTime<Utc>) -> String {
        let body = format!("{}.{}", random_token(), expires.timestamp());
        format!("{body}.{}", self.mac(&body))
    }

    /// Whether `token` was made by [`Signer::form_token`] with this key and is still valid at `now`.
    pub fn check_form_token(&self, token: &str, now: DateTime<Utc>) -> bool {
        let Some((body, mac)) = token.rsplit_once('.') else { return false };
        let Some((_, expires)) = body.split_once('.') else { return false };
        let fresh = expires.parse::<i64>().is_ok_and(|e| e > now.timestamp());
        fresh && same(&self.mac(body), mac)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(digest(&a), digest(&a));
        assert_ne!(digest(&a), a);
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same(&a, "short"));
    }

    #[test]
    fn form_tokens_hold_only_with_the_key_and_before_expiry() {
        let now = Utc::now();
        let signer = Signer::new("key one");
        let token = signer.form_token(now + Duration::hours(1));
        assert!(signer.check_form_token(&token, now));
        assert!(!signer.check_form_token(&token, now + Duration::hours(2)), "expired");
        assert!(!Signer::new("key two").check_form_token(&token, now), "another key");
        // Another last character, whatever the last one was (a fixed one would match it one time in 16).
        let last = if token.ends_with('0') { '1' } else { '0' };
        let forged = format!("{}{last}", &token[..token.len() - 1]);
        assert!(!signer.check_form_token(&forged, now));
        assert!(!signer.check_form_token("", now) && !signer.check_form_token("a.b", now));
    }
}
