//! The incidents: the list, starting one (real or an exercise) and closing it.

use super::*;
use crate::services::crisis::incidents as changes;

pub struct IncidentRow {
    pub id: i64,
    pub exercise: bool,
    pub title: String,
    pub status: String,
    pub active: bool,
    pub started: String,
    pub units: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub rows: Vec<IncidentRow>,
    pub may_start: bool,
    /// Why an uploaded bundle was refused.
    pub import_error: Option<String>,
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.t("incidents-title");
    let mut conn = state.db.pool.acquire().await?;
    let rows = incidents::list(&mut conn, user.org_id)
        .await?
        .into_iter()
        .map(|i| IncidentRow {
            id: i.id,
            exercise: i.exercise.get(),
            status: if i.status.is_active() {
                ctx.tr.t("incident-active")
            } else {
                ctx.tr.ts("incident-closed-at", "date", &i.closed_at.map(|t| t.shown_minute()).unwrap_or_default())
            },
            active: i.status.is_active(),
            started: i.started_at.shown_minute(),
            units: i.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", "),
            title: i.title,
        })
        .collect();
    Ok(ListPage { ctx, rows, may_start: user.role.works_incidents(), import_error: None })
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/new.html")]
pub struct FormView {
    pub ctx: Ctx,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub submit: String,
    pub secondary: Option<(String, String)>,
    pub notice: Option<String>,
    /// Saved outage scenarios to start from.
    pub scenarios: Vec<(i64, String)>,
}

fn new_fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("title", tr.t("incident-field-title"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200)
            .hint(tr.t("incident-hint-title")),
        Field::new("what_happened", tr.t("incident-field-what"), FieldKind::TextArea, form, e, tr).maxlength(4000),
        Field::new("discovered_at", tr.t("incident-field-discovered"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(32)
            .hint(tr.t("incident-hint-discovered")),
        Field::new("aware_by", tr.t("incident-field-aware-by"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("incident-hint-aware-by")),
        Field::new("first_signs", tr.t("incident-field-first-signs"), FieldKind::Text, form, e, tr)
            .maxlength(40)
            .hint(tr.t("incident-hint-first-signs")),
        Field::new("raised_by", tr.t("incident-field-raised-by"), FieldKind::Text, form, e, tr).maxlength(200),
        Field::new("units", tr.t("incident-field-units"), FieldKind::MultiCheck, form, e, tr)
            .required()
            .choices(lk.unit_choices(None))
            .hint(tr.t("incident-hint-units")),
        Field::new("exercise", tr.t("incident-field-exercise"), FieldKind::Checkbox, form, e, tr)
            .hint(tr.t("incident-hint-exercise")),
        Field::new("participants", tr.t("incident-field-participants"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("incident-hint-participants")),
    ]
}

fn form_view(ctx: Ctx, fields: Vec<Field>) -> FormView {
    let submit = ctx.tr.t("incident-start");
    let FormPage { ctx, action, cancel, fields, error_summary, secondary, notice, .. } =
        FormPage::new(ctx, "/incidents/new".into(), "/incidents".into(), fields);
    FormView { ctx, action, cancel, fields, error_summary, submit, secondary, notice, scenarios: Vec::new() }
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormView, AppError> {
    user.require(user.role.works_incidents())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut form = FormData::default();
    form.set("discovered_at", clock::now_minute());
    form.set("aware_by", user.display_name.clone());
    // Starting from a saved outage scenario: its name, description and the units it stops.
    let scenarios = crate::store::scenarios::list(&state.db.pool, user.org_id).await?;
    if let Some(s) =
        q.get("scenario").and_then(|s| s.parse::<i64>().ok()).and_then(|id| scenarios.iter().find(|s| s.id == id))
    {
        let model = crate::services::continuity::outage::Model::cached(&state.db, user.org_id).await?;
        let acts = crate::store::activities::list(&state.db.pool, user.org_id).await?;
        form.set("title", s.name.clone());
        form.set("what_happened", s.description.clone().unwrap_or_default());
        for u in crate::web::continuity::outage::affected_units(&model, s, &acts) {
            form.push("units", u.to_string());
        }
    }
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new());
    ctx.title = ctx.tr.t("incident-new");
    let fields = new_fields(&form, &Errors::default(), &lk, &ctx.tr);
    let mut view = form_view(ctx, fields);
    view.scenarios = scenarios.iter().map(|s| (s.id, s.name.clone())).collect();
    Ok(view)
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let posted = changes::StartForm {
        title: form.text("title"),
        what_happened: form.text("what_happened"),
        discovered_at: form.text("discovered_at"),
        aware_by: form.text("aware_by"),
        first_signs: form.text("first_signs"),
        raised_by: form.text("raised_by"),
        exercise: form.checked("exercise"),
        participants: form.text("participants"),
        units: form.all("units"),
    };
    let start = match changes::check(&posted, &lk.units, &user.display_name) {
        Ok(s) => s,
        Err(found) => {
            let mut ctx = Ctx::new(&state, &user, "/incidents", String::new());
            ctx.title = ctx.tr.t("incident-new");
            let fields = new_fields(&form, &Errors::from(found), &lk, &ctx.tr);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, form_view(ctx, fields)).into_response());
        }
    };
    let id = changes::start(&state.db, &user.actor(), &tr, &lk.units, &start, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{id}?msg=created")).into_response())
}

pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    let (h, _) = head(&state, &user, &id, "board").await?;
    writer(&user, &h)?;
    user.require(user.role.edits_all_content() || user.role == beredd_domain::Role::CrisisStaff)?;
    changes::close(&state.db, &user.actor(), &tr, &h.i, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{}?msg=saved", h.i.id)).into_response())
}
