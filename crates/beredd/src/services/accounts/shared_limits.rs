//! The login limits every process serving the database shares (issue 22). Each process has its
//! own throttle in memory (`platform::throttle`), which answers first and costs nothing; behind
//! a load balancer that spreads one guesser over several processes, those alone would let
//! through five failures per name *per process*. So, once the process's own throttle has let an
//! attempt through, the database is asked too: a name with five failures from the same address
//! within the window is locked there whichever process counted them, and an address makes at
//! most the burst's number of attempts a minute in all. A right password clears the name's
//! failures and gives its attempt back, as in memory.

use std::net::IpAddr;

use crate::platform::db::Db;
use crate::platform::throttle::{Limits, Origin, Refusal};
use crate::store::{DbError, login_limits};

/// An attempt the database let through; say how it went.
#[must_use]
pub struct Shared {
    name_key: String,
    origin: String,
    minute: i64,
    window: i64,
}

fn now() -> i64 {
    crate::platform::clock::now().unix_timestamp()
}

/// Lets the attempt to log in as `name_key` from `ip` through, or says why not.
pub async fn admit(db: &Db, limits: &Limits, name_key: &str, ip: IpAddr) -> Result<Result<Shared, Refusal>, DbError> {
    let now = now();
    let origin = Origin::of(ip).to_string();
    let window = i64::try_from(limits.window.as_secs()).unwrap_or(i64::MAX);
    let failures = login_limits::failures(&db.pool, name_key, &origin, now, window).await?;
    if failures >= i64::from(limits.max_failures) {
        return Ok(Err(Refusal::Locked));
    }
    let minute = now.div_euclid(60);
    if login_limits::spend(&db.pool, &origin, minute).await? > i64::from(limits.burst) {
        return Ok(Err(Refusal::Address));
    }
    Ok(Ok(Shared { name_key: name_key.to_owned(), origin, minute, window }))
}

impl Shared {
    /// The password was right: the attempt is given back and the name's failures from there end.
    pub async fn succeeded(self, db: &Db) -> Result<(), DbError> {
        login_limits::clear_failures(&db.pool, &self.name_key, &self.origin).await?;
        login_limits::give_back(&db.pool, &self.origin, self.minute).await
    }

    /// The password was wrong: one more failure for the name from there. What no longer counts
    /// is deleted at the same time, so the tables hold only the last quarter of an hour.
    pub async fn failed(self, db: &Db) -> Result<(), DbError> {
        let now = now();
        login_limits::add_failure(&db.pool, &self.name_key, &self.origin, now, self.window).await?;
        login_limits::prune(&db.pool, now, self.window).await
    }

    /// Nothing was checked: the attempt is given back.
    pub async fn not_tried(self, db: &Db) -> Result<(), DbError> {
        login_limits::give_back(&db.pool, &self.origin, self.minute).await
    }
}
