//! Password hashing with Argon2id (the crate's default parameters), for the web, the CLI and the
//! demo loader alike.

/// Hashing failed (it does not, short of the system running out of memory).
#[derive(Debug, thiserror::Error)]
#[error("hashing a password failed: {0}")]
pub struct HashError(String);

/// An Argon2id hash in PHC string form, with a random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    use argon2::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// True when `password` matches the stored hash; a hash that cannot be read matches nothing.
pub fn verify(password: &str, hash: &str) -> bool {
    use argon2::{PasswordHash, PasswordVerifier};
    match PasswordHash::new(hash) {
        Ok(parsed) => argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}
