//! What every area uses and that knows nothing of areas: the database connection and its
//! migrations, the clock, translations, password hashing, mail and typesetting PDFs.

pub mod clock;
pub mod db;
pub mod i18n;
pub mod mail;
pub mod passwords;
pub mod typeset;
