//! What the impact assessment (DPIA, GDPR art. 35) of the offline kit needs from Beredd: the
//! kits made and who received each file, when the passphrase was last confirmed changed, and the
//! people who have left since (deleted from the register, as the audit trail says), above all
//! those who received a kit. The kit holds private numbers on private phones: once a person who
//! knew the passphrase leaves, every kit under it is to be replaced with a new passphrase.

use beredd_domain::FieldError;
use serde_json::json;

use crate::platform::clock::{self, Day};
use crate::platform::day::optional_day;
use crate::platform::db::{Db, DbError};
use crate::services::Invalid;
use crate::store::{audit, kits, orgs};

/// The most kits the note lists.
const KITS: i64 = 200;

/// A person deleted from the register, and the kits (by id) they had received.
pub struct Departure {
    pub at: clock::Stamp,
    pub name: String,
    pub kits: Vec<i64>,
}

pub struct KitNote {
    pub kits: Vec<kits::KitExport>,
    pub rule: orgs::Retention,
    /// People deleted from the register after the day the passphrase was last changed (ever, when
    /// it never was), oldest first.
    pub departures: Vec<Departure>,
}

impl KitNote {
    /// The latest departure of someone who had received a kit.
    pub fn latest_recipient_left(&self) -> Option<&Departure> {
        self.departures.iter().rev().find(|d| !d.kits.is_empty())
    }
    /// Whether a kit was made under a passphrase that should no longer be in use: before the
    /// latest confirmed change, or before a person who had received a kit left since.
    pub fn to_replace(&self, k: &kits::KitExport) -> bool {
        let changed = self.rule.kit_passphrase_changed_at.and_then(|d| clock::Stamp::parse(&clock::start_of(d)));
        let before_change = changed.is_some_and(|c| k.exported_at < c);
        let before_departure = self.latest_recipient_left().is_some_and(|d| k.exported_at <= d.at);
        before_change || before_departure
    }
}

/// The names of a kit's recipients, one a line.
pub fn recipients(k: &kits::KitExport) -> Vec<String> {
    k.recipients.as_deref().unwrap_or("").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

pub async fn load(pool: &sqlx::AnyPool, org: i64) -> Result<KitNote, DbError> {
    let kits = kits::recent(pool, org, KITS).await?;
    let rule = orgs::retention(pool, org).await?;
    // A change confirmed for a day covers those who left that day.
    let since = rule.kit_passphrase_changed_at.map(|d| clock::start_of(d.plus_days(1))).unwrap_or_default();
    let departures = audit::deleted_since(pool, org, "person", &since)
        .await?
        .into_iter()
        .map(|(at, name)| {
            let had = |k: &&kits::KitExport| {
                k.exported_at <= at && recipients(k).iter().any(|r| r.to_lowercase() == name.trim().to_lowercase())
            };
            let kits = kits.iter().filter(had).map(|k| k.id).collect();
            Departure { at, name, kits }
        })
        .collect();
    Ok(KitNote { kits, rule, departures })
}

/// The date the passphrase was changed, as posted: a date, not after today.
pub fn check_date(input: &str) -> Result<Day, Invalid> {
    let date = optional_day(input).and_then(|d| d.ok_or(FieldError::Required));
    let date = date.and_then(|d| if d > clock::today() { Err(FieldError::Date) } else { Ok(d) });
    date.map_err(|e| Invalid::default().with("changed_on", e))
}

/// Records that the passphrase was changed on `date`, in the audit trail.
pub async fn confirm(db: &Db, actor: &audit::Actor, date: Day, by: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    orgs::set_kit_passphrase_changed(&mut *tx, actor.org_id, date, by).await?;
    let after = json!({ "kit_passphrase_changed_at": date, "by": by });
    let change = audit::Change {
        action: "update",
        entity: "kit",
        entity_id: None,
        summary: &date.to_string(),
        before: None,
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
