//! What every area uses and that knows nothing of areas: the database connection and its
//! migrations, the clock, translations, the keys that sign incident logs, password hashing and the login throttle, where a request
//! comes from, bounded queues for heavy work, mail, typesetting PDFs, how far long work has come, and the lines the operator reads.

pub mod clock;
pub mod console;
pub mod day;
pub mod db;
pub mod i18n;
pub mod keys;
pub mod limit;
pub mod mail;
pub mod net;
pub mod passwords;
pub mod progress;
pub mod relay;
pub mod stamp;
pub mod throttle;
pub mod totp;
pub mod typeset;
