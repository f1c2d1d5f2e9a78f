//! The plan page (routines, call list, versions, the way to approve a complete draft), and
//! deleting.

use super::*;
use crate::services::continuity::plans::changes;
use crate::services::continuity::plans::shown::{self, Shown};

pub struct StepView {
    pub role: Option<String>,
    pub text: String,
}

pub struct RoutineView {
    pub r: RoutinePlan,
    pub facts: String,
    pub steps: Vec<StepView>,
}

pub struct ApproverView {
    pub name: String,
    pub href: Option<String>,
    pub date: String,
    /// "Registrerat av Administratör", when someone else recorded the approval.
    pub recorded: Option<String>,
}

fn approver_view(tr: &Tr, v: &plans::Version) -> Option<ApproverView> {
    let name = v.approved_by.clone()?;
    let recorded =
        v.approval_recorded_by.as_ref().filter(|r| **r != name).map(|r| tr.ts("plan-approval-recorded-by", "name", r));
    Some(ApproverView {
        href: v.approver_id.map(|p| format!("/people/{p}")),
        date: date_part(v.approved_at),
        recorded,
        name,
    })
}

pub struct VersionRow {
    pub number: i64,
    pub status: String,
    pub created: String,
    pub approved: String,
    pub note: String,
    /// The link text to the diff with the version before, empty for the first.
    pub compare: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub id: i64,
    pub units: String,
    pub review_due: String,
    pub version: plans::Version,
    pub version_label: String,
    pub is_newest: bool,
    pub content: PlanContent,
    pub routines: Vec<RoutineView>,
    pub warnings: Vec<String>,
    /// What keeps the draft from being approved (shown when it is the draft on view).
    pub gaps: Vec<String>,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
    pub may_delete: bool,
    /// Administrators and coordinators share a plan as a template with other municipalities.
    pub may_share: bool,
    pub can_approve: bool,
    pub has_approved: bool,
    /// The approved version has not been printed since it was approved: printing comes first.
    pub print_first: bool,
    /// Who approved the version on view, with a link to them in the register, and who recorded it.
    pub approver: Option<ApproverView>,
    pub versions: Vec<VersionRow>,
    /// The fingerprint of the content shown, posted back when approving.
    pub seen: String,
}

impl ShowPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

fn version_label(tr: &Tr, v: &plans::Version) -> String {
    let number = v.number.to_string();
    if v.is_draft() {
        tr.ts("plan-version-draft", "number", &number)
            + &format!(" ({}, {})", v.updated_by, date_part(Some(v.updated_at)))
    } else {
        tr.ts("plan-version-approved", "number", &number)
            + &format!(" ({}, {})", v.approved_by.clone().unwrap_or_default(), date_part(v.approved_at))
    }
}

/// What the page warns of: a review overdue, a binder older than the plan, no approved version,
/// and other plans covering the same units.
fn warnings(tr: &Tr, lk: &Lookups, s: &Shown) -> Vec<String> {
    let (plan, standing) = (&s.plan, &s.standing);
    let mut warnings = Vec::new();
    if standing.review_overdue(plan, crate::platform::clock::today()) {
        let due = plan.review_due.map(|d| d.to_string()).unwrap_or_default();
        warnings.push(tr.ts("plan-warn-review", "date", &due));
    }
    if standing.binder_stale() {
        warnings.push(binder_text(tr, standing));
    }
    if standing.approved.is_none() {
        warnings.push(tr.t("plan-warn-not-approved"));
    }
    for o in &s.overlaps {
        let units = unit_names(lk, &o.units);
        let n = o.units.len().to_string();
        warnings.push(tr.args("plan-warn-overlap", &[("units", &units), ("plan", &o.plan_name), ("n", &n)]));
    }
    warnings
}

fn routine_views(s: &Shown) -> Vec<RoutineView> {
    let step = |text: &String| {
        let (role, text) = step_parts(text);
        StepView { role: role.map(str::to_owned), text: text.to_owned() }
    };
    s.content
        .routines
        .iter()
        .zip(&s.facts)
        .map(|(r, facts)| RoutineView { facts: facts.clone(), steps: r.steps.iter().map(step).collect(), r: r.clone() })
        .collect()
}

fn version_rows(tr: &Tr, all: &[plans::Version]) -> Vec<VersionRow> {
    all.iter()
        .map(|v| VersionRow {
            number: v.number,
            status: tr.t(v.status.label_id()),
            created: format!("{}, {}", v.created_by, date_part(Some(v.created_at))),
            approved: v.approved_by.as_ref().map(|b| format!("{b}, {}", date_part(v.approved_at))).unwrap_or_default(),
            note: v.change_note.clone().unwrap_or_default(),
            compare: if v.number > 1 { tr.tn("plan-compare-with", v.number - 1) } else { String::new() },
        })
        .collect()
}

async fn show_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    number: Option<i64>,
    errors: Vec<String>,
) -> Result<ShowPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let s = shown::plan(&state.db.pool, user.org_id, id, number, &tr).await?.ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/plans", s.plan.name.clone());
    let gaps = if s.version.is_draft() { gap_texts(&tr, &s.content) } else { Vec::new() };
    let editable = may_edit(user, &lk, &s.plan.unit_ids);
    let error_summary: Vec<(String, String)> = errors.into_iter().map(|e| ("approve".to_owned(), e)).collect();
    ctx.title_prefix = (!error_summary.is_empty()).then(|| tr.t("error-prefix"));
    Ok(ShowPage {
        id,
        units: unit_names(&lk, &s.plan.unit_ids),
        review_due: s.plan.review_due.map(|d| d.to_string()).unwrap_or_default(),
        can_approve: editable && s.version.is_draft() && s.is_newest() && gaps.is_empty(),
        has_approved: s.standing.approved.is_some(),
        print_first: s.standing.binder_stale(),
        approver: approver_view(&tr, &s.version),
        version_label: version_label(&tr, &s.version),
        is_newest: s.is_newest(),
        seen: shown::fingerprint(&s.version),
        routines: routine_views(&s),
        warnings: warnings(&tr, &lk, &s),
        versions: version_rows(&tr, &s.versions),
        version: s.version,
        content: s.content,
        gaps,
        error_summary,
        may_edit: editable,
        may_delete: user.role.edits_all_content(),
        may_share: user.role.edits_all_content(),
        ctx,
    })
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<ShowPage, AppError> {
    let id = parse_id(&id)?;
    let number = match q.get("version") {
        Some(v) => Some(v.parse::<i64>().map_err(|_| AppError::NotFound)?),
        None => None,
    };
    let mut page = show_page(&state, &user, id, number, Vec::new()).await?;
    page.ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("approved") {
        page.ctx.flash = Some(page.ctx.tr.t("flash-plan-approved"));
    }
    Ok(page)
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    changes::delete(&state.db, &user.actor(), id).await?;
    Ok(Redirect::to("/plans?msg=deleted").into_response())
}
