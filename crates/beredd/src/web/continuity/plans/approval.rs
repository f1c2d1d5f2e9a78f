//! Approving a plan's draft: a page of its own that says what is approved and asks who the
//! approving manager is (a person of the register, by default the manager of the plan's unit),
//! so that nothing is approved by one stray click and it works without JavaScript.

use super::*;
use crate::services::continuity::plans::{approvers, changes, shown};

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/approve.html")]
pub struct ApprovePage {
    pub ctx: Ctx,
    pub id: i64,
    pub plan_name: String,
    pub units: String,
    /// The newest version, the one approving would approve.
    pub version: plans::Version,
    /// The next review, set by the approval.
    pub review_due: String,
    /// The fingerprint of the content the user read, posted back with the approval.
    pub seen: String,
    /// What keeps the draft from being approved.
    pub gaps: Vec<String>,
    /// The draft is not what the user read on the plan page (changed, or approved, since).
    pub stale: bool,
    pub error_summary: Vec<(String, String)>,
    pub approver_error: Option<String>,
    /// The people to choose from, by unit, with the chosen one.
    pub groups: Vec<(String, Vec<(String, String)>)>,
    pub chosen: String,
}

impl ApprovePage {
    pub fn may_approve(&self) -> bool {
        self.version.is_draft() && !self.stale && self.gaps.is_empty() && !self.groups.is_empty()
    }
}

/// The approver choices as the select shows them; the people without a unit under a name.
fn group_views(groups: Vec<(String, Vec<(i64, String)>)>, tr: &Tr) -> Vec<(String, Vec<(String, String)>)> {
    let no_unit = tr.t("plan-approver-no-unit");
    groups
        .into_iter()
        .map(|(unit, people)| {
            let unit = if unit.is_empty() { no_unit.clone() } else { unit };
            (unit, people.into_iter().map(|(p, label)| (p.to_string(), label)).collect())
        })
        .collect()
}

/// What the user saw (version and fingerprint), when they came from the plan page.
type Seen = Option<(Option<i64>, String)>;

/// The page for the newest version of plan `id`; `chosen` is the approver posted (none: the
/// default), `errors` what was wrong with the posting.
async fn approve_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    (seen, chosen): (Seen, Option<String>),
    errors: Vec<(String, String)>,
) -> Result<ApprovePage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let s = shown::plan(&state.db.pool, user.org_id, id, None, &tr).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(user, &lk, &s.plan.unit_ids))?;
    let fingerprint = shown::fingerprint(&s.version);
    let stale =
        !s.version.is_draft() || seen.as_ref().is_some_and(|(n, f)| *n != Some(s.version.number) || *f != fingerprint);
    let found = approvers::for_plan(&lk.units, &lk.people, &s.plan.unit_ids);
    let groups = group_views(found.groups, &tr);
    let title = tr.args("plan-approve-title", &[("plan", &s.plan.name), ("number", &s.version.number.to_string())]);
    let mut ctx = Ctx::new(state, user, "/plans", title);
    ctx.title_prefix = (!errors.is_empty()).then(|| tr.t("error-prefix"));
    let approver_error = errors.iter().find(|(f, _)| f == "approver").map(|(_, e)| e.clone());
    Ok(ApprovePage {
        id,
        units: unit_names(&lk, &s.plan.unit_ids),
        plan_name: s.plan.name,
        review_due: builder::one_year_after(crate::platform::clock::today()).to_string(),
        gaps: if s.version.is_draft() { gap_texts(&tr, &s.content) } else { Vec::new() },
        seen: seen.map(|(_, f)| f).unwrap_or(fingerprint),
        chosen: chosen.unwrap_or_else(|| found.default.map(|p| p.to_string()).unwrap_or_default()),
        version: s.version,
        stale,
        error_summary: errors,
        approver_error,
        groups,
        ctx,
    })
}

/// The page that asks before approving; the plan page's button leads here with what it showed.
pub async fn confirm(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<ApprovePage, AppError> {
    let id = parse_id(&id)?;
    let seen = q.get("seen").map(|f| (q.get("version").and_then(|v| v.parse::<i64>().ok()), f.clone()));
    approve_page(&state, &user, id, (seen, None), Vec::new()).await
}

pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let id = parse_id(&id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let plan = plans::get(&mut *state.db.pool.acquire().await?, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(&user, &lk, &plan.unit_ids))?;
    // The version the user looked at must still be the open draft, with the content they saw.
    let number = form.text("version").parse::<i64>().ok();
    let seen = changes::Seen { number, fingerprint: form.text("seen") };
    let approver = form.text("approver").parse::<i64>().ok();
    let actor = user.actor();
    let refused = changes::approve(&state.db, &actor, &tr, (&plan, &seen), approver, &user.display_name);
    let problems = match refused.await? {
        None => return Ok(Redirect::to(&format!("/plans/{id}?msg=approved")).into_response()),
        Some(changes::Refusal::Stale) => vec![("approve".to_owned(), tr.t("plan-approve-stale"))],
        Some(changes::Refusal::Gaps(gaps)) => gaps.iter().map(|g| ("approve".to_owned(), gap_text(&tr, g))).collect(),
        Some(changes::Refusal::NoApprover) => vec![("approver".to_owned(), tr.t("plan-approver-missing"))],
    };
    let seen = Some((number, form.text("seen").to_owned()));
    let page = approve_page(&state, &user, id, (seen, Some(form.text("approver").to_owned())), problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
