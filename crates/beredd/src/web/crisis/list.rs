//! The incidents: the list, starting one (real or an exercise) and closing it.

use super::*;
use crate::services::continuity::overlap;

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
                ctx.tr.ts("incident-closed-at", "date", &short(i.closed_at.as_deref().unwrap_or("")))
            },
            active: i.status.is_active(),
            started: short(&i.started_at),
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
        let model = crate::services::continuity::outage::Model::load(&state.db.pool, user.org_id).await?;
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
    let mut e = Errors::default();
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let what = e.take("what_happened", text::optional_text(form.text("what_happened"), 4000));
    let discovered = e.take("discovered_at", clock::parse_local(form.text("discovered_at")));
    // Empty: the person who starts the incident judged it.
    let aware_by = e
        .take("aware_by", text::optional_line(form.text("aware_by"), 200))
        .unwrap_or_else(|| user.display_name.clone());
    let first_signs = match form.text("first_signs").trim() {
        "" => None,
        t => Some(e.take("first_signs", clock::parse_local(t))),
    };
    let raised_by = e.take("raised_by", text::optional_line(form.text("raised_by"), 200));
    let exercise = form.checked("exercise");
    let participants = e.take("participants", text::optional_text(form.text("participants"), 4000));
    let mut units: Vec<i64> = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|u| lk.unit(*u).is_some()) {
            Some(u) => units.push(u),
            None => e.add("units", FieldError::Missing),
        }
    }
    if units.is_empty() {
        e.add("units", FieldError::Required);
    }
    if !e.is_empty() {
        let mut ctx = Ctx::new(&state, &user, "/incidents", String::new());
        ctx.title = ctx.tr.t("incident-new");
        let fields = new_fields(&form, &e, &lk, &ctx.tr);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, form_view(ctx, fields)).into_response());
    }
    // The board: every step of the fallback routines of the approved plans of the affected units,
    // a routine that two plans hold taken once.
    let covered: Vec<i64> = units.iter().flat_map(|u| subtree(&lk.units, *u)).collect();
    let mut items: Vec<(String, String, String)> = Vec::new();
    for (plan, r) in overlap::approved_routines(&state.db.pool, user.org_id, &covered).await? {
        for s in r.steps {
            items.push((plan.clone(), r.activity.clone(), s));
        }
    }
    let mut tx = state.db.begin_write().await?;
    let n = incidents::NewIncident {
        title: &title,
        what_happened: what.as_deref(),
        discovered_at: &discovered,
        raised_by: raised_by.as_deref(),
        exercise,
        started_by: &user.display_name,
        uid: None,
        participants: participants.as_deref(),
        times_zone_known: true,
    };
    let id = incidents::create(&mut tx, user.org_id, &n, &units).await?;
    for (pos, (area, section, label)) in items.iter().enumerate() {
        incidents::add_board_item(&mut *tx, id, area, section, pos as i64, label).await?;
    }
    let names = units.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ");
    let started = if exercise { "incident-log-exercise-started" } else { "incident-log-started" };
    let text = tr.ts(started, "title", &title)
        + " "
        + &tr.ts("incident-log-units", "units", &names)
        + what.as_deref().map(|w| format!(" {w}")).unwrap_or_default().as_str();
    // The first entry is also the decision that the municipality has kännedom (from when the
    // reporting deadlines count); the first signs, when earlier, are an event of their own.
    let text =
        text + " " + &tr.ts("incident-log-aware", "at", &format!("{} {}", short(&discovered), tr.t("swedish-time")));
    let grounds = tr.t("incident-aware-grounds");
    let entry = NewEntry {
        occurred_at: Some(discovered.clone()),
        decided_by: Some(aware_by.clone()),
        grounds: Some(grounds.clone()),
        ..NewEntry::web(LogKind::Decision, text, &user.display_name)
    };
    let first = incidents::append(&mut tx, &state.db.keys, user.org_id, id, entry, &user.display_name).await?;
    let aware = incidents::NewAssessment {
        kind: beredd_domain::reporting::AssessmentKind::Aware,
        outcome: None,
        at: Some(&discovered),
        decided_by: &aware_by,
        grounds: &grounds,
        reference: None,
    };
    incidents::keep(&mut tx, user.org_id, id, &aware, &first).await?;
    if let Some(at) = first_signs {
        let text = tr.t("incident-log-first-signs");
        let entry = NewEntry { occurred_at: Some(at), ..NewEntry::web(LogKind::Event, text, &user.display_name) };
        incidents::append(&mut tx, &state.db.keys, user.org_id, id, entry, &user.display_name).await?;
    }
    let after = incidents::get(&mut tx, user.org_id, id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "incident",
            entity_id: Some(id),
            summary: &title,
            before: None,
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
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
    let mut tx = state.db.begin_write().await?;
    let entry = NewEntry::web(LogKind::System, tr.t("incident-log-closed"), &user.display_name);
    incidents::append(&mut tx, &state.db.keys, user.org_id, h.i.id, entry, &user.display_name).await?;
    incidents::close(&mut *tx, user.org_id, h.i.id).await?;
    let after = incidents::get(&mut tx, user.org_id, h.i.id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "close",
            entity: "incident",
            entity_id: Some(h.i.id),
            summary: &h.i.title,
            before: Some(&h.i),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}?msg=saved", h.i.id)).into_response())
}
