//! A new plan for one or more units, drafted from a template and the registers. A unit that
//! another plan already covers is named before the plan is made, with the other plan a click away.

use super::*;
use crate::services::continuity::overlap::{self, Overlap};
use crate::services::continuity::plans::changes;

/// Another plan that covers some of the chosen units, as the warning names it.
pub struct OverlapView {
    pub plan_id: i64,
    pub plan_name: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/new.html")]
pub struct NewPage {
    pub ctx: Ctx,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub overlaps: Vec<OverlapView>,
    /// The units the user has been warned about and chose to go on with (`overlap_ok`).
    pub acknowledged: String,
    /// The unit check boxes grouped by administration, shown whole (no scroll box).
    pub unit_groups: Vec<UnitGroup>,
}

/// One unit's check box as the form shows it.
pub struct UnitBox {
    pub value: String,
    pub label: String,
    /// Indentation inside its group.
    pub depth: usize,
    pub checked: bool,
}

/// An administration (a top unit of the tree the user may plan for) and its areas, each area a
/// unit with the units under it.
pub struct UnitGroup {
    pub top: UnitBox,
    pub areas: Vec<Vec<UnitBox>>,
}

/// The units field's choices (a tree in order, with depths) as groups under their top units.
fn unit_groups(field: &Field) -> Vec<UnitGroup> {
    let min = field.choices.iter().map(|c| c.depth).min().unwrap_or(0);
    let mut groups: Vec<UnitGroup> = Vec::new();
    for c in &field.choices {
        let b = |depth| UnitBox {
            value: c.value.clone(),
            label: c.label.clone(),
            depth,
            checked: field.has_value(&c.value),
        };
        match groups.last_mut() {
            Some(g) if c.depth > min => match g.areas.last_mut() {
                Some(area) if c.depth > min + 1 => area.push(b(c.depth - min - 1)),
                _ => g.areas.push(vec![b(0)]),
            },
            _ => groups.push(UnitGroup { top: b(0), areas: Vec::new() }),
        }
    }
    groups
}

/// The chosen units as the warning's confirmation carries them.
fn unit_key(units: &[i64]) -> String {
    units.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn new_page(ctx: Ctx, fields: Vec<Field>, overlaps: Vec<OverlapView>, acknowledged: String) -> NewPage {
    let mut ctx = ctx;
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let unit_groups = fields.iter().find(|f| f.name == "units").map(unit_groups).unwrap_or_default();
    NewPage { ctx, fields, error_summary, overlaps, acknowledged, unit_groups }
}

/// The unit choices, each unit that a plan covers already saying which.
fn unit_choices(lk: &Lookups, user: &CurrentUser, all: &[plans::Plan], tr: &Tr) -> Vec<Choice> {
    let mut choices = lk.editable_unit_choices(user, None);
    for c in &mut choices {
        let Ok(id) = c.value.parse::<i64>() else { continue };
        let names: Vec<&str> = all.iter().filter(|p| p.unit_ids.contains(&id)).map(|p| p.name.as_str()).collect();
        if !names.is_empty() {
            c.label = tr.args("plan-unit-has-plan", &[("unit", &c.label), ("plans", &names.join(", "))]);
        }
    }
    choices
}

fn overlap_views(found: &[Overlap], lk: &Lookups, tr: &Tr) -> Vec<OverlapView> {
    found
        .iter()
        .map(|o| OverlapView {
            plan_id: o.plan_id,
            plan_name: o.plan_name.clone(),
            text: tr.args(
                "plan-overlap-unit",
                &[("units", &unit_names(lk, &o.units)), ("plan", &o.plan_name), ("n", &o.units.len().to_string())],
            ),
        })
        .collect()
}

fn new_fields(form: &FormData, errors: &Errors, units: Vec<Choice>, state: &AppState, tr: &Tr) -> Vec<Field> {
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
            .choice_hints(state.plan_templates.iter().map(|t| (t.id.clone(), t.description.clone())).collect())
            .hint(tr.t("hint-plan-template")),
        Field::new("units", tr.t("field-plan-units"), FieldKind::MultiCheck, form, errors, tr)
            .required()
            .choices(units)
            .hint(tr.t("hint-plan-units")),
    ]
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<NewPage, AppError> {
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
    let all = plans::list(&mut *state.db.pool.acquire().await?, user.org_id).await?;
    let units = unit_choices(&lk, &user, &all, &ctx.tr);
    let fields = new_fields(&form, &Errors::default(), units, &state, &ctx.tr);
    Ok(new_page(ctx, fields, Vec::new(), String::new()))
}

/// The form's name, template and units, checked; the name must be one no other plan has.
async fn read(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    lk: &Lookups,
) -> Result<(Errors, String, Option<usize>, Vec<i64>), AppError> {
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let template = state.plan_templates.iter().position(|t| t.id == form.text("template"));
    if template.is_none() {
        e.add("template", if form.text("template").is_empty() { FieldError::Required } else { FieldError::Choice });
    }
    let units = parse_units(form, lk, user, &mut e);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, None).await? {
        e.add("name", FieldError::Duplicate);
    }
    Ok((e, name, template, units))
}

/// A posted form, with the registers and plans it is shown again with.
struct Posting<'a> {
    form: &'a FormData,
    lk: &'a Lookups,
    all: &'a [plans::Plan],
}

/// The form again: with what was wrong, or with the plans that already cover the units.
fn again(
    state: &AppState,
    user: &CurrentUser,
    p: &Posting,
    e: &Errors,
    overlaps: &[Overlap],
    units: &[i64],
) -> NewPage {
    let (form, lk) = (p.form, p.lk);
    let mut ctx = Ctx::new(state, user, "/plans", String::new());
    ctx.title = ctx.tr.t("plans-new");
    let fields = new_fields(form, e, unit_choices(lk, user, p.all, &ctx.tr), state, &ctx.tr);
    let overlaps = overlap_views(overlaps, lk, &ctx.tr);
    let acknowledged = if overlaps.is_empty() { String::new() } else { unit_key(units) };
    new_page(ctx, fields, overlaps, acknowledged)
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content() || !user.granted.is_empty())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let (e, name, template, units) = read(&state, &user, &form, &lk).await?;
    let all = plans::list(&mut *state.db.pool.acquire().await?, user.org_id).await?;
    let posting = Posting { form: &form, lk: &lk, all: &all };
    let Some(template) = template.map(|t| &state.plan_templates[t]).filter(|_| e.is_empty()) else {
        let page = again(&state, &user, &posting, &e, &[], &units);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    // A unit that another plan covers: said first, and made only when the user goes on with
    // the same units.
    let found = overlap::overlapping(&all, &units, None);
    if !found.is_empty() && form.text("overlap_ok") != unit_key(&units) {
        return Ok(again(&state, &user, &posting, &e, &found, &units).into_response());
    }
    let id = changes::create(&state.db, &user.actor(), template, &name, &units, &user.display_name).await?;
    Ok(Redirect::to(&format!("/plans/{id}?msg=created")).into_response())
}
