//! The audit page: read-only, filtered by user, entity and date.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};

use crate::platform::clock;
use crate::store::audit;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::Choice;
use crate::web::page::Ctx;
use crate::web::register::Query_;

#[derive(Template, WebTemplate)]
#[template(path = "accounts/audit.html")]
pub struct AuditPage {
    pub ctx: Ctx,
    pub entries: Vec<Row>,
    pub users: Vec<Choice>,
    pub entities: Vec<Choice>,
    pub user: String,
    pub entity: String,
    pub from: String,
    pub to: String,
    pub count: String,
}

/// One entry, with its action and entity in the user's language.
pub struct Row {
    pub at: String,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

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
];
const LIMIT: i64 = 500;

/// A date filter is either empty or `YYYY-MM-DD`; anything else is ignored.
fn date(q: &Query_, key: &str) -> Option<String> {
    q.get(key)
        .map(|s| s.trim().to_owned())
        .filter(|s| time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok())
}

pub async fn page(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<AuditPage, AppError> {
    user.require(user.role.reads_audit())?;
    let (from, to) = (date(&q, "from"), date(&q, "to"));
    // The days are Swedish days: from the start of the first to the start of the day after the last.
    let filter = audit::Filter {
        username: q.get("user").filter(|s| !s.is_empty()).cloned(),
        entity: q.get("entity").filter(|s| ENTITIES.contains(&s.as_str())).cloned(),
        from: from.as_deref().and_then(clock::day_start),
        until: to.as_deref().and_then(clock::day_number).and_then(|n| clock::day_start(&clock::date_of(n + 1))),
    };
    let entries = audit::list(&state.db.pool, user.org_id, &filter, LIMIT).await?;
    let mut ctx = Ctx::new(&state, &user, "/audit", String::new());
    ctx.title = ctx.tr.t("audit-title");
    let all = Choice { value: String::new(), label: ctx.tr.t("filter-all"), depth: 0 };
    let mut users = vec![all.clone()];
    users.extend(audit::distinct_users(&state.db.pool, user.org_id).await?.into_iter().map(|u| Choice {
        label: u.clone(),
        value: u,
        depth: 0,
    }));
    let mut entities = vec![all];
    entities.extend(ENTITIES.iter().map(|e| Choice {
        value: (*e).into(),
        label: ctx.tr.t(&format!("entity-{e}")),
        depth: 0,
    }));
    let tr = &ctx.tr;
    let entries: Vec<Row> = entries
        .into_iter()
        .map(|e| Row {
            action: if ACTIONS.contains(&e.action.as_str()) {
                tr.t(&format!("audit-action-{}", e.action))
            } else {
                e.action.clone()
            },
            entity: if ENTITIES.contains(&e.entity.as_str()) {
                tr.t(&format!("entity-{}", e.entity))
            } else {
                e.entity.clone()
            },
            at: clock::shown_second(&e.at),
            username: e.username,
            entity_id: e.entity_id,
            summary: e.summary,
            before_json: e.before_json,
            after_json: e.after_json,
        })
        .collect();
    Ok(AuditPage {
        count: ctx.tr.tn("audit-count", entries.len() as i64),
        entries,
        users,
        entities,
        user: filter.username.unwrap_or_default(),
        entity: filter.entity.unwrap_or_default(),
        from: from.unwrap_or_default(),
        to: to.unwrap_or_default(),
        ctx,
    })
}
