//! Continuity plans, their versions (draft → approved → new draft, every one kept) and the
//! record of printed binders.

use beredd_domain::plan::{PlanContent, PlanStatus};
use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Plan {
    pub id: i64,
    pub name: String,
    pub template_id: Option<String>,
    /// The next yearly review.
    pub review_due: Option<Day>,
    pub updated_at: crate::platform::clock::Stamp,
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub plan_id: i64,
    pub number: i64,
    #[sqlx(try_from = "super::Code<PlanStatus>")]
    pub status: PlanStatus,
    pub content: String,
    pub change_note: Option<String>,
    pub created_by: String,
    pub created_at: crate::platform::clock::Stamp,
    pub updated_by: String,
    pub updated_at: crate::platform::clock::Stamp,
    /// Who approved the version: the manager's name as it was at the approval (before issue 24,
    /// the user who approved).
    pub approved_by: Option<String>,
    pub approved_at: Option<crate::platform::clock::Stamp>,
    /// The manager in the people register who approved it (none for older approvals, or when
    /// the person has since been removed from the register).
    pub approver_id: Option<i64>,
    /// The user who recorded the approval in Beredd.
    pub approval_recorded_by: Option<String>,
}

impl Version {
    pub fn is_draft(&self) -> bool {
        self.status == PlanStatus::Draft
    }
    /// The stored content; a version that cannot be read is an error, never an empty plan.
    pub fn content(&self) -> Result<PlanContent, DbError> {
        serde_json::from_str(&self.content).map_err(|e| DbError::Corrupt(format!("plan version {}: {e}", self.id)))
    }
}

macro_rules! plan_cols {
    () => {
        "id, name, template_id, review_due, updated_at"
    };
}
macro_rules! version_cols {
    () => {
        "id, plan_id, number, status, content, change_note, created_by, created_at, updated_by, updated_at, approved_by, approved_at, approver_id, approval_recorded_by"
    };
}

/// A version's columns without its content (an empty text in its place), for lists that only
/// ask where each plan stands.
macro_rules! version_head_cols {
    () => {
        "id, plan_id, number, status, '' AS content, change_note, created_by, created_at, updated_by, updated_at, approved_by, approved_at, approver_id, approval_recorded_by"
    };
}

async fn with_units<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    mut plans: Vec<Plan>,
) -> Result<Vec<Plan>, DbError> {
    let links: Vec<(i64, i64)> =
        sqlx::query_as("SELECT l.plan_id, l.unit_id FROM plan_units l JOIN plans p ON p.id = l.plan_id WHERE p.org_id = $1 ORDER BY l.unit_id").bind(org).fetch_all(e).await?;
    for p in &mut plans {
        p.unit_ids = links.iter().filter(|(pid, _)| *pid == p.id).map(|(_, u)| *u).collect();
    }
    Ok(plans)
}

pub async fn list(conn: &mut sqlx::AnyConnection, org: i64) -> Result<Vec<Plan>, DbError> {
    let plans = sqlx::query_as(concat!("SELECT ", plan_cols!(), " FROM plans WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(&mut *conn)
        .await?;
    with_units(&mut *conn, org, plans).await
}

pub async fn get(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Plan>, DbError> {
    let plan: Option<Plan> =
        sqlx::query_as(concat!("SELECT ", plan_cols!(), " FROM plans WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut plan) = plan else { return Ok(None) };
    plan.unit_ids = sqlx::query_as::<_, (i64,)>("SELECT unit_id FROM plan_units WHERE plan_id = $1 ORDER BY unit_id")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|(u,)| u)
        .collect();
    Ok(Some(plan))
}

pub async fn name_taken<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    name: &str,
    except: Option<i64>,
) -> Result<bool, DbError> {
    let n: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE org_id = $1 AND name = $2 AND id <> $3")
        .bind(org)
        .bind(name)
        .bind(except.unwrap_or(0))
        .fetch_optional(e)
        .await?;
    Ok(n.is_some())
}

/// A new plan with its first draft.
pub async fn create(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    name: &str,
    template: Option<&str>,
    units: &[i64],
    content: &PlanContent,
    by: &str,
) -> Result<i64, DbError> {
    let now = crate::platform::clock::stamp();
    let (id,): (i64,) = sqlx::query_as("INSERT INTO plans (org_id, name, template_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id")
        .bind(org)
        .bind(name)
        .bind(template)
        .bind(&now)
        .fetch_one(&mut *conn)
        .await?;
    set_units(conn, id, units).await?;
    insert_version(&mut *conn, org, id, 1, content, None, by).await?;
    Ok(id)
}

pub async fn set_units(conn: &mut sqlx::AnyConnection, plan: i64, units: &[i64]) -> Result<(), DbError> {
    super::replace_links(
        conn,
        "DELETE FROM plan_units WHERE plan_id = $1",
        "INSERT INTO plan_units (plan_id, unit_id) VALUES ($1, $2)",
        plan,
        units,
    )
    .await
}

pub async fn update_plan<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    name: &str,
    review_due: Option<Day>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE plans SET name = $1, review_due = $2, updated_at = $3 WHERE org_id = $4 AND id = $5")
        .bind(name)
        .bind(review_due)
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM plans WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}

fn json(content: &PlanContent) -> String {
    serde_json::to_string(content).unwrap_or_else(|_| "{}".into())
}

async fn insert_version<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    plan: i64,
    number: i64,
    content: &PlanContent,
    note: Option<&str>,
    by: &str,
) -> Result<i64, DbError> {
    let now = crate::platform::clock::stamp();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plan_versions (org_id, plan_id, number, status, content, change_note, created_by, created_at, updated_by, updated_at)
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $6, $7) RETURNING id",
    )
    .bind(org)
    .bind(plan)
    .bind(number)
    .bind(json(content))
    .bind(note)
    .bind(by)
    .bind(now)
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// Every version of a plan, newest first.
pub async fn versions<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, plan: i64) -> Result<Vec<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM plan_versions WHERE org_id = $1 AND plan_id = $2 ORDER BY number DESC"
    ))
    .bind(org)
    .bind(plan)
    .fetch_all(e)
    .await?)
}

pub async fn version<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    plan: i64,
    number: i64,
) -> Result<Option<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM plan_versions WHERE org_id = $1 AND plan_id = $2 AND number = $3"
    ))
    .bind(org)
    .bind(plan)
    .bind(number)
    .fetch_optional(e)
    .await?)
}

/// The newest approved version of every plan of the organisation.
pub async fn approved_all<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM plan_versions v WHERE org_id = $1 AND status = 'approved' AND number = (SELECT MAX(number) FROM plan_versions w WHERE w.plan_id = v.plan_id AND w.status = 'approved') ORDER BY plan_id"
    ))
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// The same as [`approved_all`] and [`newest_all`] without the content: where each plan stands.
pub async fn heads_all<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
) -> Result<(Vec<Version>, Vec<Version>), DbError> {
    let all: Vec<Version> = sqlx::query_as(concat!(
        "SELECT ",
        version_head_cols!(),
        " FROM plan_versions v WHERE org_id = $1 AND (number = (SELECT MAX(number) FROM plan_versions w WHERE w.plan_id = v.plan_id) OR (status = 'approved' AND number = (SELECT MAX(number) FROM plan_versions w WHERE w.plan_id = v.plan_id AND w.status = 'approved'))) ORDER BY plan_id, number"
    ))
    .bind(org)
    .fetch_all(e)
    .await?;
    // Per plan, its newest version and its newest approved one (one row when they are the same):
    // the approved row is the only approved one, the newest the last in number order.
    let approved: Vec<Version> = all.iter().filter(|v| v.status == PlanStatus::Approved).cloned().collect();
    let mut newest: Vec<Version> = Vec::new();
    for v in all {
        match newest.last_mut() {
            Some(last) if last.plan_id == v.plan_id => *last = v,
            _ => newest.push(v),
        }
    }
    Ok((approved, newest))
}

/// The newest version (draft or approved) of every plan of the organisation.
pub async fn newest_all<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Version>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        version_cols!(),
        " FROM plan_versions v WHERE org_id = $1 AND number = (SELECT MAX(number) FROM plan_versions w WHERE w.plan_id = v.plan_id) ORDER BY plan_id"
    ))
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// Saves the draft's content: the open draft is changed in place; when the newest version is
/// approved, a new draft (the next number) is started instead. Returns the draft's number.
pub async fn save_draft(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    plan: i64,
    content: &PlanContent,
    note: Option<&str>,
    by: &str,
) -> Result<i64, DbError> {
    let newest = versions(&mut *conn, org, plan).await?.into_iter().next();
    match newest {
        Some(v) if v.is_draft() => {
            sqlx::query("UPDATE plan_versions SET content = $1, change_note = $2, updated_by = $3, updated_at = $4 WHERE id = $5 AND status = 'draft'")
                .bind(json(content))
                .bind(note)
                .bind(by)
                .bind(crate::platform::clock::stamp())
                .bind(v.id)
                .execute(&mut *conn)
                .await?;
            Ok(v.number)
        }
        other => {
            let number = other.map(|v| v.number + 1).unwrap_or(1);
            insert_version(&mut *conn, org, plan, number, content, note, by).await?;
            Ok(number)
        }
    }
}

/// Who approves a version: the manager (a person of the register, and the name to keep) and
/// the user who records it.
pub struct Approval<'a> {
    pub approver_id: Option<i64>,
    pub approver: &'a str,
    pub recorded_by: &'a str,
}

/// Approves the open draft and sets the next review to `review_due`. Returns false when there
/// is no draft to approve.
pub async fn approve(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    (plan, number): (i64, i64),
    by: &Approval<'_>,
    review_due: Day,
) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE plan_versions SET status = 'approved', approved_by = $1, approved_at = $2, approver_id = $6, approval_recorded_by = $7 WHERE org_id = $3 AND plan_id = $4 AND number = $5 AND status = 'draft'")
        .bind(by.approver)
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(plan)
        .bind(number)
        .bind(by.approver_id)
        .bind(by.recorded_by)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1;
    if done {
        sqlx::query("UPDATE plans SET review_due = $1, updated_at = $2 WHERE org_id = $3 AND id = $4")
            .bind(review_due)
            .bind(crate::platform::clock::stamp())
            .bind(org)
            .bind(plan)
            .execute(&mut *conn)
            .await?;
    }
    Ok(done)
}

/// Sets the times of a version as if it had been written and approved at `at` (the demo
/// municipality's history).
pub async fn backdate<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    plan: i64,
    number: i64,
    at: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE plan_versions SET created_at = $1, updated_at = $1, approved_at = CASE WHEN approved_at IS NULL THEN NULL ELSE $1 END WHERE org_id = $2 AND plan_id = $3 AND number = $4")
        .bind(at)
        .bind(org)
        .bind(plan)
        .bind(number)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn backdate_print<'c, E: Executor<'c, Database = Any>>(e: E, print: i64, at: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE binder_prints SET printed_at = $1 WHERE id = $2").bind(at).bind(print).execute(e).await?;
    Ok(())
}

/// One printed binder.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Print {
    pub id: i64,
    pub unit_id: Option<i64>,
    pub scope_name: String,
    pub printed_by: String,
    pub printed_at: crate::platform::clock::Stamp,
}

/// Records a printed binder and the plan versions it held.
pub async fn record_print(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    unit: Option<i64>,
    scope_name: &str,
    by: &str,
    plans: &[(i64, i64)],
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO binder_prints (org_id, unit_id, scope_name, printed_by, printed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(org)
        .bind(unit)
        .bind(scope_name)
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .fetch_one(&mut *conn)
        .await?;
    for (plan, version) in plans {
        sqlx::query("INSERT INTO binder_print_plans (print_id, plan_id, version) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(*plan)
            .bind(*version)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The newest prints of the organisation, newest first.
pub async fn prints<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, limit: i64) -> Result<Vec<Print>, DbError> {
    Ok(sqlx::query_as("SELECT id, unit_id, scope_name, printed_by, printed_at FROM binder_prints WHERE org_id = $1 ORDER BY id DESC LIMIT $2").bind(org).bind(limit).fetch_all(e).await?)
}

/// Per plan: the highest version that has been printed, and when it was last printed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Printed {
    pub plan_id: i64,
    pub version: i64,
    pub printed_at: crate::platform::clock::Stamp,
}

pub async fn printed<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Printed>, DbError> {
    Ok(sqlx::query_as(
        "SELECT l.plan_id, MAX(l.version) AS version, MAX(p.printed_at) AS printed_at FROM binder_print_plans l JOIN binder_prints p ON p.id = l.print_id
         WHERE p.org_id = $1 GROUP BY l.plan_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}
