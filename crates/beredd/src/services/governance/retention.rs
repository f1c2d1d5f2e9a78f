//! Thinning (gallring) of what Beredd keeps about people once an incident is closed. The
//! organisation decides after how many months (24 unless it says otherwise) and by which
//! decision; exercises follow the same rule, since their logs and rosters name the same staff.
//! A closed incident past that time has, in one transaction: each log entry's text replaced by
//! the marker "Gallrad <datum> enligt beslut <beslut>" and its grounds emptied (the entry keeps
//! its place and original hash in the chain; `beredd_domain::thinning`), the roster's phone
//! numbers and media contacts removed, who was reached deleted and an exercise's participants
//! emptied. The incident's title, description, decisions' makers, meeting protocols, reports and
//! lessons stay: they are the record of what the municipality did. An incident going on is never
//! thinned. Each incident thinned is in the audit trail with the number of entries.

use beredd_domain::thinning;
use beredd_domain::{FieldError, text};
use serde_json::json;

use crate::platform::clock::{self, Day};
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::{Failure, Invalid};
use crate::store::{audit, incidents, orgs};

/// The months a closed incident is kept when the organisation has not said.
pub const DEFAULT_MONTHS: i64 = 24;
/// The longest retention that can be set: ten years.
pub const MAX_MONTHS: i64 = 120;

/// What would be thinned now, and by which rule.
pub struct Proposal {
    pub rule: orgs::Retention,
    /// Incidents closed before this day (Swedish time) are due.
    pub cutoff: Day,
    pub due: Vec<incidents::Due>,
}

impl Proposal {
    pub fn entries(&self) -> i64 {
        self.due.iter().map(|d| d.entries).sum()
    }
}

/// The day `months` months before `today`; a day the month lacks becomes its last.
pub fn months_before(today: Day, months: i64) -> Day {
    today.months_before(months).unwrap_or(today)
}

/// What would be thinned today under the organisation's rule.
pub async fn proposal(pool: &sqlx::AnyPool, org: i64) -> Result<Proposal, DbError> {
    let rule = orgs::retention(pool, org).await?;
    let cutoff = months_before(clock::today(), rule.retention_months);
    let before = clock::start_of(cutoff);
    let due = incidents::due(pool, org, &before).await?;
    Ok(Proposal { rule, cutoff, due })
}

/// The rule as posted, checked: the months (1–120) and the decision thinning follows.
pub fn check_rule(months: &str, decision: &str) -> Result<(i64, Option<String>), Invalid> {
    let mut e = Invalid::default();
    let months = e.take(
        "retention_months",
        text::optional_number(months, 1, MAX_MONTHS).and_then(|m| m.ok_or(FieldError::Required)),
    );
    let decision = e.take("retention_decision", text::optional_line(decision, 200));
    e.or((months, decision))
}

/// Saves the rule, in the audit trail.
pub async fn save_rule(db: &Db, actor: &audit::Actor, months: i64, decision: Option<&str>) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let before = orgs::retention(&mut *tx, actor.org_id).await?;
    orgs::set_retention(&mut *tx, actor.org_id, months, decision).await?;
    let after = orgs::retention(&mut *tx, actor.org_id).await?;
    let change = audit::Change {
        action: "update",
        entity: "organisation",
        entity_id: Some(actor.org_id),
        summary: "gallring",
        before: Some(&before),
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// What a thinning did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Thinned {
    pub incidents: usize,
    pub entries: i64,
}

/// Thins every incident the proposal holds. Refused (naming the field) while the organisation has
/// not said which decision thinning follows: every marker names it.
pub async fn apply(db: &Db, actor: &audit::Actor, tr: &Tr) -> Result<Thinned, Failure> {
    let p = proposal(&db.pool, actor.org_id).await?;
    let Some(decision) = p.rule.retention_decision.clone() else {
        return Err(Invalid::default().with("retention_decision", FieldError::Required).into());
    };
    let (at, today) = (clock::stamp(), clock::today_text());
    let marker = tr.args("retention-marker", &[("date", &today), ("decision", &decision)]);
    let mut done = Thinned::default();
    let mut tx = db.begin_write().await?;
    for due in &p.due {
        let mut entries = 0;
        for row in incidents::log(&mut *tx, actor.org_id, due.key()).await? {
            if row.thinned.is_some() {
                continue;
            }
            let kept = thinning::thin(&row.entry, &marker);
            let hash = thinning::thinned_hash(&kept, &row.hash, &at);
            incidents::thin_entry(&mut *tx, due.key(), row.entry.seq, &marker, &at, &hash).await?;
            entries += 1;
        }
        incidents::thin_rest(&mut tx, due.key(), &at).await?;
        let after = json!({
            "entries": entries, "phones": due.phones, "reached": due.reached, "contacts": due.contacts,
            "months": p.rule.retention_months, "decision": decision, "closed_at": due.closed_at,
        });
        let change = audit::Change {
            action: "thin",
            entity: "incident",
            entity_id: Some(due.id),
            summary: &due.title,
            before: None,
            after: Some(&after),
        };
        audit::record(&mut *tx, actor, change).await?;
        done.incidents += 1;
        done.entries += entries;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_before_keeps_the_day_or_takes_the_months_last() {
        let day = |s: &str| Day::parse(s).unwrap();
        assert_eq!(months_before(day("2026-11-24"), 24), day("2024-11-24"));
        assert_eq!(months_before(day("2026-03-31"), 1), day("2026-02-28"));
        assert_eq!(months_before(day("2026-01-15"), 1), day("2025-12-15"));
        assert_eq!(months_before(day("2025-05-31"), 15), day("2024-02-29"));
    }

    #[test]
    fn the_rule_names_the_field_it_refuses() {
        assert_eq!(check_rule("24", " KS 2026/12 "), Ok((24, Some("KS 2026/12".into()))));
        assert_eq!(check_rule("", "").unwrap_err().get("retention_months"), Some(&FieldError::Required));
        assert!(matches!(
            check_rule("0", "").unwrap_err().get("retention_months"),
            Some(FieldError::Number { min: 1, max: MAX_MONTHS })
        ));
        assert!(check_rule("24", &"x".repeat(201)).unwrap_err().has("retention_decision"));
    }
}
