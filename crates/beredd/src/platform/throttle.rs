//! Login attempts, limited before any password is hashed (security review F3).
//!
//! Two limits, both in memory (a restart forgives, which is acceptable here; for logging in, the
//! database keeps the same two for every process serving it, `services::accounts::shared_limits`):
//! - each address has a budget of attempts that refills slowly; an attempt that succeeds is given
//!   back, so the people of one office behind one address are not held up by each other, while a
//!   script guessing from one address is stopped before it costs any hashing;
//! - failures are counted per (user name, address): five within a quarter of an hour lock that
//!   name *from that address* only. Someone guessing from elsewhere cannot lock the real user
//!   out, and the right password from another address still works.
//!
//! Both tables are bounded. An entry whose time has passed is dropped first (it means nothing any
//! more); then, among failures, the oldest that are not locked. A locked entry is never dropped:
//! when the tables hold nothing else, a new address or name is refused as busy instead.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where a login comes from: an IPv4 address, or the /64 network of an IPv6 address (a home,
/// an office or a server is usually given a whole /64, so one address would be no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin(IpAddr);

impl Origin {
    pub fn of(ip: IpAddr) -> Origin {
        match ip {
            IpAddr::V4(v4) => Origin(IpAddr::V4(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Origin(IpAddr::V4(v4)),
                None => {
                    let s = v6.segments();
                    Origin(IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0)))
                }
            },
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/64"),
        }
    }
}

/// Why an attempt was refused before its password was looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The address has used its budget of attempts: wait a minute.
    Address,
    /// Too many failures for this name from this address: wait a quarter of an hour.
    Locked,
    /// The tables are full of entries that must be kept: try again shortly.
    Full,
}

/// The numbers the throttle works with.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Attempts an address may make at once.
    pub burst: u32,
    /// One attempt is regained this often.
    pub refill: Duration,
    /// Failures of one name from one address that lock it there …
    pub max_failures: u32,
    /// … when they fall within this long of the first.
    pub window: Duration,
    /// Addresses and (name, address) pairs remembered at most.
    pub max_addresses: usize,
    pub max_pairs: usize,
}

impl Limits {
    /// For logging in: 20 attempts at once and then one every 3 seconds (20 a minute) per
    /// address; 5 failures per name and address in 15 minutes.
    pub const LOGIN: Limits = Limits {
        burst: 20,
        refill: Duration::from_secs(3),
        max_failures: 5,
        window: Duration::from_secs(15 * 60),
        max_addresses: 100_000,
        max_pairs: 100_000,
    };
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

struct Failures {
    count: u32,
    first: Instant,
}

#[derive(Default)]
struct Tables {
    addresses: HashMap<Origin, Bucket>,
    failures: HashMap<(String, Origin), Failures>,
}

pub struct LoginThrottle {
    limits: Limits,
    tables: Mutex<Tables>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::new(Limits::LOGIN)
    }
}

/// An attempt let through; the caller says how it went. One dropped without a word counts as
/// made (its part of the address's budget is spent), but not as failed.
#[must_use]
pub struct Attempt<'a> {
    throttle: &'a LoginThrottle,
    name: String,
    origin: Origin,
}

impl Attempt<'_> {
    /// The password was right: the attempt is given back and the name's failures from there end.
    pub fn succeeded(self) {
        self.throttle.succeeded_at(&self.name, self.origin, Instant::now());
    }

    /// The password was wrong (or the name unknown): one more failure for the name from there.
    pub fn failed(self) {
        self.throttle.failed_at(&self.name, self.origin, Instant::now());
    }

    /// Nothing was checked (the server was too busy to hash): the attempt is given back.
    pub fn not_tried(self) {
        self.throttle.give_back(self.origin, Instant::now());
    }
}

impl Bucket {
    fn refilled(&self, limits: &Limits, now: Instant) -> f64 {
        let gained = now.saturating_duration_since(self.at).as_secs_f64() / limits.refill.as_secs_f64();
        (self.tokens + gained).min(f64::from(limits.burst))
    }
}

impl Failures {
    fn current(&self, limits: &Limits, now: Instant) -> bool {
        now.saturating_duration_since(self.first) < limits.window
    }
    fn locked(&self, limits: &Limits, now: Instant) -> bool {
        self.count >= limits.max_failures && self.current(limits, now)
    }
}

impl LoginThrottle {
    pub fn new(limits: Limits) -> LoginThrottle {
        LoginThrottle { limits, tables: Mutex::new(Tables::default()) }
    }

    /// The numbers this throttle works with.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        self.tables.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lets an attempt to log in as `name` from `ip` through, or says why not. Nothing is hashed
    /// before this has answered.
    pub fn admit(&self, name: &str, ip: IpAddr) -> Result<Attempt<'_>, Refusal> {
        self.admit_at(name, Origin::of(ip), Instant::now())
    }

    fn admit_at(&self, name: &str, origin: Origin, now: Instant) -> Result<Attempt<'_>, Refusal> {
        let limits = &self.limits;
        let mut t = self.tables();
        let key = (name.to_owned(), origin);
        match t.failures.get(&key) {
            Some(f) if f.locked(limits, now) => return Err(Refusal::Locked),
            Some(_) => {}
            None => {
                // A new pair will need a place if this attempt fails: make sure there is one.
                if t.failures.len() >= limits.max_pairs {
                    prune_failures(&mut t.failures, limits, now);
                    if t.failures.len() >= limits.max_pairs {
                        return Err(Refusal::Full);
                    }
                }
            }
        }
        if !t.addresses.contains_key(&origin) && t.addresses.len() >= limits.max_addresses {
            // A full bucket is the same as none: those can go.
            t.addresses.retain(|_, b| b.refilled(limits, now) < f64::from(limits.burst));
            if t.addresses.len() >= limits.max_addresses {
                return Err(Refusal::Full);
            }
        }
        let bucket = t.addresses.entry(origin).or_insert(Bucket { tokens: f64::from(limits.burst), at: now });
        let tokens = bucket.refilled(limits, now);
        if tokens < 1.0 {
            return Err(Refusal::Address);
        }
        *bucket = Bucket { tokens: tokens - 1.0, at: now };
        Ok(Attempt { throttle: self, name: key.0, origin })
    }

    /// Gives an attempt back to `ip` after the fact: a login through the identity provider that
    /// went through, whose attempt was spent when it started.
    pub fn give_back_to(&self, ip: IpAddr) {
        self.give_back(Origin::of(ip), Instant::now());
    }

    fn give_back(&self, origin: Origin, now: Instant) {
        let limits = &self.limits;
        if let Some(b) = self.tables().addresses.get_mut(&origin) {
            *b = Bucket { tokens: (b.refilled(limits, now) + 1.0).min(f64::from(limits.burst)), at: now };
        }
    }

    fn succeeded_at(&self, name: &str, origin: Origin, now: Instant) {
        self.give_back(origin, now);
        self.tables().failures.remove(&(name.to_owned(), origin));
    }

    fn failed_at(&self, name: &str, origin: Origin, now: Instant) {
        let limits = &self.limits;
        let mut t = self.tables();
        let key = (name.to_owned(), origin);
        // Room is made before the new entry goes in, so it is never the one pushed out. When only
        // locked entries are left it goes in all the same: `admit` lets no new pair through while
        // the table is full, so only attempts already under way can overflow it, by a few.
        if !t.failures.contains_key(&key) && t.failures.len() >= limits.max_pairs {
            prune_failures(&mut t.failures, limits, now);
        }
        let f = t.failures.entry(key).or_insert(Failures { count: 0, first: now });
        if !f.current(limits, now) {
            *f = Failures { count: 0, first: now };
        }
        f.count += 1;
    }

    /// Whether `name` is locked from `ip` now (for tests and the log).
    pub fn is_locked(&self, name: &str, ip: IpAddr) -> bool {
        let key = (name.to_owned(), Origin::of(ip));
        self.tables().failures.get(&key).is_some_and(|f| f.locked(&self.limits, Instant::now()))
    }
}

/// Drops the failures whose window has passed, then the oldest that are not locked until there
/// is room again. Locked ones always stay.
fn prune_failures(failures: &mut HashMap<(String, Origin), Failures>, limits: &Limits, now: Instant) {
    failures.retain(|_, f| f.current(limits, now));
    if failures.len() < limits.max_pairs {
        return;
    }
    let mut unlocked: Vec<((String, Origin), Instant)> =
        failures.iter().filter(|(_, f)| !f.locked(limits, now)).map(|(k, f)| (k.clone(), f.first)).collect();
    unlocked.sort_by_key(|(_, first)| *first);
    let excess = failures.len() + 1 - limits.max_pairs;
    for (key, _) in unlocked.into_iter().take(excess) {
        failures.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Origin {
        Origin::of(s.parse().unwrap())
    }

    fn small() -> Limits {
        Limits {
            burst: 3,
            refill: Duration::from_secs(10),
            max_failures: 2,
            window: Duration::from_secs(60),
            max_addresses: 3,
            max_pairs: 3,
        }
    }

    #[test]
    fn an_address_has_a_budget_that_refills_and_success_gives_back() {
        let t = LoginThrottle::new(small());
        let now = Instant::now();
        let a = ip("10.0.0.1");
        for n in 0..3 {
            let attempt = t.admit_at(&format!("n{n}"), a, now).unwrap();
            t.failed_at(&attempt.name, attempt.origin, now);
        }
        assert_eq!(t.admit_at("bertil", a, now).err(), Some(Refusal::Address), "budget spent");
        assert!(t.admit_at("bertil", ip("10.0.0.2"), now).is_ok(), "another address has its own");
        assert!(t.admit_at("bertil", a, now + Duration::from_secs(10)).is_ok(), "one regained after 10 s");
        // Successes are given back: a whole office logs in from one address.
        let t = LoginThrottle::new(small());
        for n in 0..50 {
            let attempt = t.admit_at(&format!("u{n}"), a, now).unwrap();
            t.succeeded_at(&attempt.name, attempt.origin, now);
        }
    }

    #[test]
    fn failures_lock_a_name_from_one_address_only() {
        let t = LoginThrottle::new(Limits { burst: 100, ..small() });
        let now = Instant::now();
        let (attacker, user) = (ip("10.0.0.66"), ip("10.0.0.7"));
        t.failed_at("anna", attacker, now);
        t.failed_at("anna", attacker, now);
        assert_eq!(t.admit_at("anna", attacker, now).err(), Some(Refusal::Locked));
        assert!(t.admit_at("anna", user, now).is_ok(), "the real user, elsewhere, is let in");
        assert!(t.admit_at("anna", attacker, now + Duration::from_secs(61)).is_ok(), "the window passes");
    }

    #[test]
    fn a_locked_entry_is_never_pushed_out_by_a_flood_of_names() {
        let t = LoginThrottle::new(Limits { burst: 1000, ..small() });
        let now = Instant::now();
        let a = ip("10.0.0.66");
        t.failed_at("admin", a, now);
        t.failed_at("admin", a, now);
        for n in 0..100 {
            let later = now + Duration::from_millis(n);
            if let Ok(attempt) = t.admit_at(&format!("x{n}"), a, later) {
                t.failed_at(&attempt.name, attempt.origin, later);
            }
        }
        assert_eq!(t.admit_at("admin", a, now + Duration::from_secs(1)).err(), Some(Refusal::Locked));
        assert!(t.tables().failures.len() <= 3, "the table stays bounded");
        // Fill it with locked entries: a new name is refused as busy, and the locks stay.
        for n in ["b", "c"] {
            t.failed_at(n, a, now);
            t.failed_at(n, a, now);
        }
        assert_eq!(t.admit_at("d", a, now + Duration::from_secs(1)).err(), Some(Refusal::Full));
        for n in ["admin", "b", "c"] {
            assert_eq!(t.admit_at(n, a, now + Duration::from_secs(1)).err(), Some(Refusal::Locked));
        }
        // Once their window has passed, they make room.
        assert!(t.admit_at("d", a, now + Duration::from_secs(61)).is_ok());
    }

    #[test]
    fn the_address_table_is_bounded_without_forgetting_spent_budgets() {
        let t = LoginThrottle::new(small());
        let now = Instant::now();
        for n in 1..=3 {
            for _ in 0..3 {
                let _ = t.admit_at("x", ip(&format!("10.0.0.{n}")), now).unwrap();
            }
        }
        assert_eq!(t.admit_at("x", ip("10.0.0.9"), now).err(), Some(Refusal::Full));
        assert_eq!(t.admit_at("x", ip("10.0.0.1"), now).err(), Some(Refusal::Address), "not forgotten");
        // Full buckets (idle addresses) are the same as none and make room.
        assert!(t.admit_at("x", ip("10.0.0.9"), now + Duration::from_secs(30)).is_ok());
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_network_and_mapped_v4_as_v4() {
        assert_eq!(ip("2001:db8:1:2:aaaa::1"), ip("2001:db8:1:2:bbbb::9"));
        assert_ne!(ip("2001:db8:1:2::1"), ip("2001:db8:1:3::1"));
        assert_eq!(ip("::ffff:10.0.0.1"), ip("10.0.0.1"));
        assert_eq!(ip("2001:db8:1:2::1").to_string(), "2001:db8:1:2::/64");
    }
}
