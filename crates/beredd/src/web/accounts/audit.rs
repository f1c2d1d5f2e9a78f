//! The audit page: read-only, filtered by user, entity and date.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};

use crate::platform::i18n::Tr;
use crate::services::accounts::audit;
use crate::store::audit::AuditEntry;
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

pub use crate::services::accounts::audit::{ACTIONS, ENTITIES};

/// The user filter's choices: everyone, then each name with entries.
fn user_choices(names: Vec<String>, all: Choice) -> Vec<Choice> {
    let mut users = vec![all];
    users.extend(names.into_iter().map(|u| Choice { label: u.clone(), value: u, depth: 0 }));
    users
}

fn entity_choices(tr: &Tr, all: Choice) -> Vec<Choice> {
    let mut entities = vec![all];
    entities.extend(ENTITIES.iter().map(|e| Choice {
        value: (*e).into(),
        label: tr.t(&format!("entity-{e}")),
        depth: 0,
    }));
    entities
}

/// An entry with its action and entity in the user's language (another is shown as recorded).
fn row(e: AuditEntry, tr: &Tr) -> Row {
    Row {
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
        at: e.at.shown_second(),
        username: e.username,
        entity_id: e.entity_id,
        summary: e.summary,
        before_json: e.before_json,
        after_json: e.after_json,
    }
}

pub async fn page(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<AuditPage, AppError> {
    user.require(user.role.reads_audit())?;
    let get = |k: &str| q.get(k).map(String::as_str);
    let asked = audit::Asked { user: get("user"), entity: get("entity"), from: get("from"), to: get("to") };
    let found = audit::trail(&state.db.pool, user.org_id, &asked).await?;
    let mut ctx = Ctx::new(&state, &user, "/audit", String::new());
    ctx.title = ctx.tr.t("audit-title");
    let all = Choice { value: String::new(), label: ctx.tr.t("filter-all"), depth: 0 };
    let entries: Vec<Row> = found.entries.into_iter().map(|e| row(e, &ctx.tr)).collect();
    Ok(AuditPage {
        count: ctx.tr.tn("audit-count", entries.len() as i64),
        entries,
        users: user_choices(found.users, all.clone()),
        entities: entity_choices(&ctx.tr, all),
        user: found.user.unwrap_or_default(),
        entity: found.entity.unwrap_or_default(),
        from: found.from.unwrap_or_default(),
        to: found.to.unwrap_or_default(),
        ctx,
    })
}
