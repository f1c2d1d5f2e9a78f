//! Accounts: logging in, the users an administrator keeps, and the audit trail as it is read.
//! Passwords are hashed off the async workers in the server's one queue, a few at a time.

pub mod api_tokens;
pub mod audit;
pub mod login;
pub mod own;
pub mod passkeys;
pub mod platform;
pub mod second_factor;
pub mod shared_limits;
pub mod sso;
pub mod users;

use crate::platform::limit::{Limit, LimitError};
use crate::platform::passwords;
use crate::services::Failure;

fn hashing_failure(e: LimitError) -> Failure {
    match e {
        LimitError::Busy => Failure::Busy("error-busy-hashing"),
        LimitError::Failed(e) => Failure::Internal(e),
    }
}

/// An Argon2id hash of `password`; `Failure::Busy` when the queue is full.
pub async fn hash_password(limit: &Limit, password: String) -> Result<String, Failure> {
    limit
        .run(move || passwords::hash(&password))
        .await
        .map_err(hashing_failure)?
        .map_err(|e| Failure::Internal(e.to_string()))
}

/// Whether `password` matches `hash`; `Failure::Busy` when the queue is full.
pub async fn verify_password(limit: &Limit, password: String, hash: String) -> Result<bool, Failure> {
    limit.run(move || passwords::verify(&password, &hash)).await.map_err(hashing_failure)
}
