//! The plan page (routines, call list, versions), approving a complete draft, and deleting.

use super::*;

pub struct StepView {
    pub role: Option<String>,
    pub text: String,
}

pub struct RoutineView {
    pub r: RoutinePlan,
    pub facts: String,
    pub steps: Vec<StepView>,
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
    pub can_approve: bool,
    pub has_approved: bool,
    pub versions: Vec<VersionRow>,
    /// The fingerprint of the content shown, posted back when approving.
    pub seen: String,
}

/// A fingerprint of a version's content (SHA-256): approving compares the one the user saw with
/// the stored one, since a draft edited in place keeps its number (security review F17).
fn fingerprint(v: &plans::Version) -> String {
    crate::store::sessions::hash_token(&v.content)
}

impl ShowPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

async fn show_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    number: Option<i64>,
    errors: Vec<String>,
) -> Result<ShowPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let all = plans::versions(&mut *conn, user.org_id, id).await?;
    drop(conn);
    let newest = all.first().cloned().ok_or(AppError::NotFound)?;
    let version = match number {
        Some(n) => all.iter().find(|v| v.number == n).cloned().ok_or(AppError::NotFound)?,
        None => newest.clone(),
    };
    let content = version.content()?;
    let (every, mut standing): (Vec<plans::Plan>, Vec<Standing>) =
        standings(&state.db.pool, user.org_id).await?.into_iter().unzip();
    let standing = every.iter().position(|p| p.id == id).map(|i| standing.swap_remove(i)).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/plans", plan.name.clone());
    let tr = &ctx.tr;
    let version_label = if version.is_draft() {
        tr.ts("plan-version-draft", "number", &version.number.to_string())
            + &format!(" ({}, {})", version.updated_by, date_part(&Some(version.updated_at.clone())))
    } else {
        tr.ts("plan-version-approved", "number", &version.number.to_string())
            + &format!(" ({}, {})", version.approved_by.clone().unwrap_or_default(), date_part(&version.approved_at))
    };
    let today = crate::platform::clock::today_text();
    let mut warnings = Vec::new();
    if standing.review_overdue(&plan, &today) {
        warnings.push(tr.ts("plan-warn-review", "date", plan.review_due.as_deref().unwrap_or("")));
    }
    if standing.binder_stale() {
        warnings.push(binder_text(tr, &standing));
    }
    if standing.approved.is_none() {
        warnings.push(tr.t("plan-warn-not-approved"));
    }
    for o in crate::services::continuity::overlap::overlapping(&every, &plan.unit_ids, Some(plan.id)) {
        let units = unit_names(&lk, &o.units);
        let n = o.units.len().to_string();
        warnings.push(tr.args("plan-warn-overlap", &[("units", &units), ("plan", &o.plan_name), ("n", &n)]));
    }
    let pool = &state.db.pool;
    let bias: HashMap<i64, bia::Bia> =
        bia::list(pool, user.org_id).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let deps = dependencies::list(pool, user.org_id).await?;
    let system_names: HashMap<i64, String> =
        systems::list(pool, user.org_id).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let routines = content
        .routines
        .iter()
        .map(|r| RoutineView {
            facts: binder::facts(tr, r.activity_id, &bias, &deps, &system_names),
            steps: r
                .steps
                .iter()
                .map(|s| {
                    let (role, text) = step_parts(s);
                    StepView { role: role.map(str::to_owned), text: text.to_owned() }
                })
                .collect(),
            r: r.clone(),
        })
        .collect();
    let is_newest = version.number == newest.number;
    let gaps = if version.is_draft() { gap_texts(tr, &content) } else { Vec::new() };
    let versions = all
        .iter()
        .map(|v| VersionRow {
            number: v.number,
            status: tr.t(v.status.label_id()),
            created: format!("{}, {}", v.created_by, date_part(&Some(v.created_at.clone()))),
            approved: v.approved_by.as_ref().map(|b| format!("{b}, {}", date_part(&v.approved_at))).unwrap_or_default(),
            note: v.change_note.clone().unwrap_or_default(),
            compare: if v.number > 1 { tr.tn("plan-compare-with", v.number - 1) } else { String::new() },
        })
        .collect();
    let editable = may_edit(user, &lk, &plan.unit_ids);
    let error_summary: Vec<(String, String)> = errors.into_iter().map(|e| ("approve".to_owned(), e)).collect();
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(ShowPage {
        id,
        units: unit_names(&lk, &plan.unit_ids),
        review_due: plan.review_due.clone().unwrap_or_default(),
        can_approve: editable && version.is_draft() && is_newest && gaps.is_empty(),
        has_approved: standing.approved.is_some(),
        version_label,
        is_newest,
        seen: fingerprint(&version),
        version,
        content,
        routines,
        warnings,
        gaps,
        error_summary,
        may_edit: editable,
        may_delete: user.role.edits_all_content(),
        versions,
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

pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let id = parse_id(&id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut tx = state.db.begin_write().await?;
    let plan = plans::get(&mut tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(&user, &lk, &plan.unit_ids))?;
    let newest = plans::versions(&mut *tx, user.org_id, id).await?.into_iter().next().ok_or(AppError::NotFound)?;
    // The version the user looked at must still be the open draft, with the content they saw.
    let seen = form.text("version").parse::<i64>().ok();
    let unchanged = form.text("seen") == fingerprint(&newest);
    let problems = if !newest.is_draft() || seen != Some(newest.number) {
        vec![tr.t("plan-approve-stale")]
    } else {
        let gaps = gap_texts(&tr, &newest.content()?);
        if gaps.is_empty() && !unchanged { vec![tr.t("plan-approve-stale")] } else { gaps }
    };
    if !problems.is_empty() {
        drop(tx);
        let page = show_page(&state, &user, id, None, problems).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let review_due = builder::one_year_after(&crate::platform::clock::today_text());
    plans::approve(&mut tx, user.org_id, id, newest.number, &user.display_name, &review_due).await?;
    let after = plans::version(&mut *tx, user.org_id, id, newest.number).await?;
    let summary = format!("{} ({})", plan.name, tr.tn("binder-version-n", newest.number));
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "approve",
            entity: "plan",
            entity_id: Some(id),
            summary: &summary,
            before: Some(&newest),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{id}?msg=approved")).into_response())
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    let plan = plans::get(&mut tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    plans::delete(&mut *tx, user.org_id, id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "plan",
            entity_id: Some(id),
            summary: &plan.name,
            before: Some(&plan),
            after: None::<&plans::Plan>,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/plans?msg=deleted").into_response())
}
