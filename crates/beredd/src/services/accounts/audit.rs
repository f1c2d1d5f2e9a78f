//! The audit trail as it is read: the actions and kinds of record it names, and the newest
//! entries matching a filter by user, kind of record and Swedish days.

use crate::platform::clock;
use crate::platform::db::DbError;
use crate::store::audit;

/// The actions the audit trail names (`audit-action-…`); another is shown as recorded.
pub const ACTIONS: &[&str] = &[
    "create",
    "update",
    "delete",
    "login",
    "logout",
    "password",
    "password-reset",
    "import",
    "sign-off",
    "run",
    "classify",
    "assess",
    "upload",
    "disable",
    "enable",
    "approve",
    "print",
    "export",
    "close",
    "unlink",
    "replace",
    "backup",
    "revoke",
    "break-glass-login",
    "deactivate",
    "second-factor-reset",
    "passkey-add",
    "passkey-remove",
    "acknowledge",
    "protect",
    "unprotect",
    "thin",
    "suspend",
    "resume",
    "publish",
    "withdraw",
    "adopt",
];

/// The kinds of record the audit trail names and filters on (`entity-…`).
pub const ENTITIES: &[&str] = &[
    "unit",
    "activity",
    "person",
    "system",
    "supplier",
    "resource",
    "dependency",
    "bia",
    "scenario",
    "asset",
    "action",
    "evidence",
    "self-assessment",
    "requirement",
    "plan",
    "binder",
    "kit",
    "incident",
    "cycle",
    "calendar-address",
    "risk",
    "risk-analysis",
    "risk-scales",
    "framework",
    "framework-assessment",
    "framework-answer",
    "framework-evidence",
    "user",
    "organisation",
    "session",
    "api-token",
    "sso-provider",
    "second-factor",
    "document",
    "document-version",
    "document-link",
    "training-course",
    "training-completion",
    "management-review",
    "shared-item",
];
/// The most entries one page shows.
const LIMIT: i64 = 500;

/// The filter as asked for; anything not understood is left out.
#[derive(Default)]
pub struct Asked<'a> {
    pub user: Option<&'a str>,
    pub entity: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// The entries found, the names that have entries, and the filter as it was understood.
pub struct Trail {
    pub entries: Vec<audit::AuditEntry>,
    pub users: Vec<String>,
    pub user: Option<String>,
    pub entity: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A date filter is either empty or `YYYY-MM-DD`; anything else is ignored.
fn date(s: Option<&str>) -> Option<clock::Day> {
    s.and_then(|s| clock::Day::parse(s.trim()))
}

/// The newest entries matching the filter (at most 500).
pub async fn trail(pool: &sqlx::AnyPool, org: i64, asked: &Asked<'_>) -> Result<Trail, DbError> {
    let (from, to) = (date(asked.from), date(asked.to));
    // The days are Swedish days: from the start of the first to the start of the day after the last.
    let filter = audit::Filter {
        username: asked.user.filter(|s| !s.is_empty()).map(str::to_owned),
        entity: asked.entity.filter(|s| ENTITIES.contains(s)).map(str::to_owned),
        from: from.map(clock::start_of),
        until: to.map(|d| clock::start_of(d.plus_days(1))),
    };
    let entries = audit::list(pool, org, &filter, LIMIT).await?;
    let users = audit::distinct_users(pool, org).await?;
    let (from, to) = (from.map(|d| d.to_string()), to.map(|d| d.to_string()));
    Ok(Trail { entries, users, user: filter.username, entity: filter.entity, from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_filter_is_a_day_or_nothing() {
        assert_eq!(date(Some(" 2026-03-01 ")).map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
        assert_eq!(date(Some("2026-13-01")), None);
        assert_eq!(date(Some("igår")), None);
        assert_eq!(date(None), None);
    }
}
