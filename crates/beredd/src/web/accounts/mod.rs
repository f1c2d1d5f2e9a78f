//! Accounts: logging in, first-time setup, the user's own account, users, the organisation's
//! details and the audit trail.

pub mod account;
pub mod audit;
pub mod backups;
pub mod jobs;
pub mod login;
pub mod organisation;
pub mod passkeys;
pub mod second_factor;
pub mod setup;
pub mod sso;
pub mod sso_settings;
pub mod users;
