//! A new plan for one or more units, drafted from a template and the registers.

use super::*;

fn new_fields(
    form: &FormData,
    errors: &Errors,
    lk: &Lookups,
    user: &CurrentUser,
    state: &AppState,
    tr: &Tr,
) -> Vec<Field> {
    let templates: Vec<Choice> =
        state.plan_templates.iter().map(|t| Choice { value: t.id.clone(), label: t.name.clone(), depth: 0 }).collect();
    vec![
        Field::new("name", tr.t("field-plan-name"), FieldKind::Text, form, errors, tr)
            .required()
            .maxlength(200)
            .hint(tr.t("hint-plan-name")),
        Field::new("template", tr.t("field-plan-template"), FieldKind::Radio, form, errors, tr)
            .required()
            .choices(templates)
            .hint(tr.t("hint-plan-template")),
        Field::new("units", tr.t("field-plan-units"), FieldKind::MultiCheck, form, errors, tr)
            .required()
            .choices(lk.editable_unit_choices(user, None))
            .hint(tr.t("hint-plan-units")),
    ]
}

/// The new-plan form: the shared form page with its own submit label.
fn simple_form(ctx: Ctx, action: String, cancel: String, fields: Vec<Field>, submit: String) -> FormPage {
    FormPage { submit, ..FormPage::new(ctx, action, cancel, fields) }
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content() || !user.granted.is_empty())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut form = FormData::default();
    if let Some(t) = q.get("template") {
        form.set("template", t.clone());
    }
    if let Some(u) = q.get("unit").and_then(|u| u.parse::<i64>().ok()).and_then(|u| lk.unit(u)) {
        form.set("units", u.id.to_string());
        form.set("name", Tr::new(state.catalog.clone(), user.lang).ts("plan-default-name", "unit", &u.name));
    }
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
    ctx.title = ctx.tr.t("plans-new");
    let fields = new_fields(&form, &Errors::default(), &lk, &user, &state, &ctx.tr);
    let submit = ctx.tr.t("plans-create");
    Ok(simple_form(ctx, "/plans/new".into(), "/plans".into(), fields, submit))
}

/// The registers a draft is built from.
async fn registers_data(
    state: &AppState,
    org: i64,
) -> Result<
    (Vec<activities::Activity>, Vec<dependencies::Dependency>, Vec<systems::System>, Vec<suppliers::Supplier>),
    AppError,
> {
    let pool = &state.db.pool;
    Ok((
        activities::list(pool, org).await?,
        dependencies::list(pool, org).await?,
        systems::list(pool, org).await?,
        suppliers::list(pool, org).await?,
    ))
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content() || !user.granted.is_empty())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let template = state.plan_templates.iter().find(|t| t.id == form.text("template"));
    if template.is_none() {
        e.add("template", if form.text("template").is_empty() { FieldError::Required } else { FieldError::Choice });
    }
    let units = parse_units(&form, &lk, &user, &mut e);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, None).await? {
        e.add("name", FieldError::Duplicate);
    }
    let Some(template) = template.filter(|_| e.is_empty()) else {
        let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
        ctx.title = ctx.tr.t("plans-new");
        let fields = new_fields(&form, &e, &lk, &user, &state, &ctx.tr);
        let submit = ctx.tr.t("plans-create");
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            simple_form(ctx, "/plans/new".into(), "/plans".into(), fields, submit),
        )
            .into_response());
    };
    let (acts, deps, syss, sups) = registers_data(&state, user.org_id).await?;
    let regs = Registers {
        units: &lk.units,
        activities: &acts,
        people: &lk.people,
        dependencies: &deps,
        systems: &syss,
        suppliers: &sups,
    };
    let content = builder::draft(template, &regs, &units);
    let mut tx = state.db.begin_write().await?;
    let id =
        plans::create(&mut tx, user.org_id, &name, Some(&template.id), &units, &content, &user.display_name).await?;
    let after = plans::version(&mut *tx, user.org_id, id, 1).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "plan",
            entity_id: Some(id),
            summary: &name,
            before: None,
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{id}?msg=created")).into_response())
}
