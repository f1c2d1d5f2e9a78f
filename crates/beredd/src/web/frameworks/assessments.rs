//! Assessments against a framework: starting one, its overview page (progress per chapter, the
//! gap list, filters) and deleting it.

use super::library::list_page;
use super::*;

pub async fn create_assessment(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let all = known(&state, user.org_id).await?;
    let draft = service::Draft {
        framework: form.text("framework"),
        title: form.text("title"),
        scope: form.text("scope"),
        started_on: form.text("started_on"),
    };
    let a = match service::parse(&draft, &all, &user.display_name) {
        Ok(a) => a,
        Err(e) => {
            let page = list_page(&state, &user, &form, &Errors::from(e), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let id = service::create(&state.db, &user.actor(), &a).await?;
    Ok(Redirect::to(&format!("/assessments/{id}?msg=created")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/assessment.html")]
pub struct AssessmentPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    pub framework_title: String,
    pub framework_href: String,
    pub chapters: Vec<ChapterView>,
    pub total: ChapterView,
    pub rows: Vec<AnswerRow>,
    pub gaps: Vec<AnswerRow>,
    pub filter: String,
    pub filters: Vec<(String, String)>,
    pub may_edit: bool,
}

pub async fn assessment(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<AssessmentPage, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let mut ctx = Ctx::new(&state, &user, "/frameworks", a.title.clone());
    ctx.set_flash(q.get("msg").map(String::as_str));
    let tr = &ctx.tr;
    let s = summarise(&state, &user, &a, &fw, tr).await?;
    let filter = q.get("show").cloned().filter(|f| ["unanswered", "gaps"].contains(&f.as_str())).unwrap_or_default();
    let gaps: Vec<AnswerRow> = s.rows.iter().filter(|r| r.is_gap()).cloned().collect();
    let rows = match filter.as_str() {
        "unanswered" => s.rows.into_iter().filter(|r| r.assessable && r.status_code == "none").collect(),
        "gaps" => s.rows.into_iter().filter(|r| r.is_gap()).collect(),
        _ => s.rows,
    };
    let filters = vec![
        (String::new(), tr.t("fw-show-all")),
        ("unanswered".into(), tr.t("fw-show-unanswered")),
        ("gaps".into(), tr.t("fw-show-gaps")),
    ];
    Ok(AssessmentPage {
        framework_title: titled_version(&fw, tr),
        framework_href: format!("/frameworks/{}/{}", fw.id, fw.version),
        chapters: s.chapters,
        total: s.total,
        rows,
        gaps,
        filter,
        filters,
        may_edit: user.role.edits_all_content(),
        a,
        ctx,
    })
}

/// Removes an assessment with its answers; the actions its gaps made stay in the action plan.
pub async fn delete_assessment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    // Found without its framework, so an assessment of a framework that no longer reads can go.
    let id = parse_id(&id)?;
    let a = service::find(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    service::delete(&state.db, &user.actor(), &a).await?;
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}
