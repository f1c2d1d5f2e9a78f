//! Assessments against a framework: starting one, its overview page (progress per chapter, the
//! gap list, filters) and deleting it.

use super::library::list_page;
use super::*;

pub async fn create_assessment(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let all = known(&state, user.org_id).await?;
    let mut e = Errors::default();
    let chosen = form
        .text("framework")
        .split_once('@')
        .and_then(|(k, v)| all.iter().find(|x| x.fw.id == k && x.fw.version == v));
    if chosen.is_none() {
        e.add("framework", FieldError::Choice);
    }
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let scope = e.take("scope", text::optional_line(form.text("scope"), 300));
    let started_on =
        e.take("started_on", optional_date(form.text("started_on")).and_then(|d| d.ok_or(FieldError::Required)));
    let Some(k) = chosen.filter(|_| e.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, &user, &form, &e, None).await?).into_response());
    };
    let a = store::Assessment {
        id: 0,
        framework_key: k.fw.id.clone(),
        version: k.fw.version.clone(),
        title,
        scope,
        started_on,
        created_by: user.display_name.clone(),
    };
    let mut tx = state.db.begin_write().await?;
    let id = store::add_assessment(&mut *tx, user.org_id, &a).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "framework-assessment",
            entity_id: Some(id),
            summary: &a.title,
            before: None,
            after: Some(&a),
        },
    )
    .await?;
    tx.commit().await?;
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
    let gaps: Vec<AnswerRow> =
        s.rows.iter().filter(|r| r.status_code == "no" || r.status_code == "partly").map(clone_row).collect();
    let rows = match filter.as_str() {
        "unanswered" => s.rows.into_iter().filter(|r| r.assessable && r.status_code == "none").collect(),
        "gaps" => s.rows.into_iter().filter(|r| r.status_code == "no" || r.status_code == "partly").collect(),
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

fn clone_row(r: &AnswerRow) -> AnswerRow {
    AnswerRow {
        id: r.id.clone(),
        reference: r.reference.clone(),
        title: r.title.clone(),
        label: r.label.clone(),
        depth: r.depth,
        assessable: r.assessable,
        heading: r.heading,
        anchor: r.anchor.clone(),
        status: r.status.clone(),
        status_code: r.status_code.clone(),
        maturity: r.maturity.clone(),
        comment: r.comment.clone(),
        evidence: r.evidence.clone(),
        actions: r.actions.clone(),
        requirements: r.requirements.clone(),
    }
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
    let a = store::assessments(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    let answers = store::answers(&mut *tx, a.id).await?;
    // The files go with it: the audit trail keeps each one's name, size and SHA-256, so that a
    // copy kept elsewhere can be shown to be the same file (security review F10).
    let evidence = crate::store::evidence::for_assessment(&mut *tx, user.org_id, a.id).await?;
    store::delete_assessment(&mut tx, user.org_id, a.id).await?;
    let before = serde_json::json!({ "assessment": a, "answers": answers, "evidence": evidence });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework-assessment",
            entity_id: Some(a.id),
            summary: &a.title,
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}
