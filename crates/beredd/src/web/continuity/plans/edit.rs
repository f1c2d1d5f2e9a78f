//! Editing the draft as plain text: steps one per line, the call list as `Namn | Roll | Telefon |
//! Ringer`; an error names the field and the line and keeps what was typed.

use super::*;

/// One fallback routine's fields in the editor.
pub struct RoutineBlock {
    pub index: usize,
    pub legend: String,
    pub activity_id: String,
    pub fields: Vec<Field>,
}

pub struct ChecklistBlock {
    pub index: usize,
    pub legend: String,
    pub fields: Vec<Field>,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub id: i64,
    pub error_summary: Vec<(String, String)>,
    pub notice: Option<String>,
    pub head: Vec<Field>,
    pub lead: Vec<Field>,
    pub routines: Vec<RoutineBlock>,
    pub routine_count: usize,
    pub contacts: Vec<Field>,
    pub hotline: Vec<Field>,
    pub communication: Vec<Field>,
    pub checklists: Vec<ChecklistBlock>,
    pub checklist_count: usize,
}

/// The form's values for a stored content (and the plan's name, units and review date).
fn form_from(plan: &plans::Plan, c: &PlanContent, note: &str) -> FormData {
    let mut f = FormData::default();
    f.set("name", plan.name.clone());
    for u in &plan.unit_ids {
        f.push("units", u.to_string());
    }
    f.set("review_due", plan.review_due.clone().unwrap_or_default());
    f.set("change_note", note);
    f.set("lead", c.lead.clone());
    f.set("routines", (c.routines.len() + 1).to_string());
    for (i, r) in c.routines.iter().enumerate() {
        f.set(&format!("r{i}_activity_id"), r.activity_id.map(|a| a.to_string()).unwrap_or_default());
        f.set(&format!("r{i}_activity"), r.activity.clone());
        f.set(&format!("r{i}_trigger"), r.trigger.clone());
        f.set(&format!("r{i}_steps"), r.steps.join("\n"));
        f.set(&format!("r{i}_resources"), r.resources.join("\n"));
        f.set(&format!("r{i}_switch_back"), r.switch_back.clone());
        f.set(&format!("r{i}_reentry"), r.reentry.join("\n"));
    }
    f.set("call_list", plan::call_list_text(&c.call_list));
    f.set("externals", plan::externals_text(&c.externals));
    f.set("hotline_number", c.hotline.number.clone());
    f.set("hotline_hours", c.hotline.hours.clone());
    f.set("hotline_answered_by", c.hotline.answered_by.clone());
    f.set("hotline_script", c.hotline.script.clone());
    f.set("comm_web", c.communication.web.clone());
    f.set("comm_hotline", c.communication.hotline.clone());
    f.set("comm_media", c.communication.media.clone());
    f.set("comm_spokesperson", c.communication.spokesperson.clone());
    f.set("checklists", (c.checklists.len() + 1).to_string());
    for (i, cl) in c.checklists.iter().enumerate() {
        f.set(&format!("c{i}_title"), cl.title.clone());
        f.set(&format!("c{i}_items"), cl.items.join("\n"));
    }
    f
}

/// How many routines and checklists the editor takes: enough for any plan a person keeps up,
/// and at least every one the plan already has (the first draft holds one routine per critical
/// activity, however many), so no stored block is ever left out of the form. A form saying it
/// holds more is refused with a message instead of being cut short (security review F11).
#[derive(Debug, Clone, Copy)]
struct Caps {
    routines: usize,
    checklists: usize,
}

impl Caps {
    const ROUTINES: usize = 200;
    const CHECKLISTS: usize = 100;

    /// The caps for a plan whose newest content is `stored` (with room for one new block).
    fn for_plan(stored: Option<&PlanContent>) -> Caps {
        let (r, c) = stored.map(|c| (c.routines.len(), c.checklists.len())).unwrap_or((0, 0));
        Caps { routines: Caps::ROUTINES.max(r + 1), checklists: Caps::CHECKLISTS.max(c + 1) }
    }
}

/// How many blocks the form says it holds: a number no larger than `cap`, or what it says when it
/// says more, as the error.
fn count(form: &FormData, name: &str, cap: usize) -> Result<usize, usize> {
    match form.text(name).trim().parse::<usize>() {
        Ok(n) if n > cap => Err(n),
        Ok(n) => Ok(n),
        Err(_) => Ok(0),
    }
}

/// The blocks the editor shows: every one the form holds, within the cap.
fn shown(form: &FormData, name: &str, cap: usize) -> usize {
    count(form, name, cap).unwrap_or(cap).max(1)
}

/// The messages for counts above the caps, to stand first in the error summary.
fn count_errors(form: &FormData, caps: Caps, tr: &Tr) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Err(n) = count(form, "routines", caps.routines) {
        let text = tr.args("plan-too-many-routines", &[("n", &n.to_string()), ("max", &caps.routines.to_string())]);
        out.push(("routines-heading".to_owned(), text));
    }
    if let Err(n) = count(form, "checklists", caps.checklists) {
        let text = tr.args("plan-too-many-checklists", &[("n", &n.to_string()), ("max", &caps.checklists.to_string())]);
        out.push(("checklists-heading".to_owned(), text));
    }
    out
}

const LONG: usize = 4000;

/// Reads the posted form into content; errors are keyed by field name. The counts have been
/// checked against the caps before.
fn parse(form: &FormData, e: &mut Errors, caps: Caps) -> PlanContent {
    let text_field = |e: &mut Errors, name: &str| {
        e.take(name.to_owned(), text::optional_text(form.text(name), LONG)).unwrap_or_default()
    };
    let lead = text_field(e, "lead");
    let mut routines = Vec::new();
    for i in 0..count(form, "routines", caps.routines).unwrap_or(0) {
        let k = |f: &str| format!("r{i}_{f}");
        if form.checked(&k("remove")) {
            continue;
        }
        let activity = e.take(k("activity"), text::optional_line(form.text(&k("activity")), 200)).unwrap_or_default();
        let trigger = text_field(e, &k("trigger"));
        let switch_back = text_field(e, &k("switch_back"));
        let list = |e: &mut Errors, f: &str| e.take(k(f), plan::lines(form.text(&k(f)), 600).map_err(FieldError::from));
        let steps = list(e, "steps");
        let resources = list(e, "resources");
        let reentry = list(e, "reentry");
        let empty = trigger.is_empty()
            && switch_back.is_empty()
            && steps.is_empty()
            && resources.is_empty()
            && reentry.is_empty();
        if activity.is_empty() {
            if !empty {
                e.add(k("activity"), FieldError::Required);
            }
            continue;
        }
        let activity_id = form.text(&k("activity_id")).parse::<i64>().ok();
        routines.push(RoutinePlan { activity_id, activity, trigger, switch_back, steps, resources, reentry });
    }
    let call_list = e.take("call_list", plan::parse_call_list(form.text("call_list")).map_err(FieldError::from));
    let externals = e.take("externals", plan::parse_externals(form.text("externals")).map_err(FieldError::from));
    let number = e.take("hotline_number", text::optional_phone(form.text("hotline_number"))).unwrap_or_default();
    let hotline = Hotline {
        number,
        hours: text_field(e, "hotline_hours"),
        answered_by: text_field(e, "hotline_answered_by"),
        script: text_field(e, "hotline_script"),
    };
    let communication = Communication {
        web: text_field(e, "comm_web"),
        hotline: text_field(e, "comm_hotline"),
        media: text_field(e, "comm_media"),
        spokesperson: text_field(e, "comm_spokesperson"),
    };
    let mut checklists = Vec::new();
    for i in 0..count(form, "checklists", caps.checklists).unwrap_or(0) {
        let k = |f: &str| format!("c{i}_{f}");
        if form.checked(&k("remove")) {
            continue;
        }
        let title = e.take(k("title"), text::optional_line(form.text(&k("title")), 200)).unwrap_or_default();
        let items = e.take(k("items"), plan::lines(form.text(&k("items")), 600).map_err(FieldError::from));
        if title.is_empty() {
            if !items.is_empty() {
                e.add(k("title"), FieldError::Required);
            }
            continue;
        }
        checklists.push(Checklist { title, items });
    }
    PlanContent { lead, routines, call_list, externals, hotline, communication, checklists }
}

/// The plan being edited: its id, and how many blocks its form may hold.
#[derive(Debug, Clone, Copy)]
struct Editing {
    id: i64,
    caps: Caps,
}

fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    plan: Editing,
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    notice: Option<String>,
) -> EditPage {
    let Editing { id, caps } = plan;
    let mut ctx = Ctx::new(state, user, "/plans", String::new());
    ctx.title = ctx.tr.ts("plans-edit", "name", form.text("name"));
    let tr = &ctx.tr;
    let f = |name: &str, label: &str, kind: FieldKind| Field::new(name.to_owned(), tr.t(label), kind, form, e, tr);
    let head = vec![
        f("name", "field-plan-name", FieldKind::Text).required().maxlength(200),
        f("units", "field-plan-units", FieldKind::MultiCheck).required().choices(lk.editable_unit_choices(user, None)),
        f("review_due", "field-review-due", FieldKind::Text).maxlength(10).hint(tr.t("hint-review-due")),
        f("change_note", "field-change-note", FieldKind::Text).maxlength(500).hint(tr.t("hint-change-note")),
    ];
    let lead = vec![f("lead", "plan-lead", FieldKind::TextArea).maxlength(LONG).hint(tr.t("hint-plan-lead"))];
    let routine_count = shown(form, "routines", caps.routines);
    let routines: Vec<RoutineBlock> = (0..routine_count)
        .map(|i| {
            let k = |x: &str| format!("r{i}_{x}");
            let name = form.text(&k("activity"));
            RoutineBlock {
                index: i,
                legend: if name.is_empty() {
                    tr.t("plan-new-routine")
                } else {
                    tr.ts("plan-routine-for", "activity", name)
                },
                activity_id: form.text(&k("activity_id")).to_owned(),
                fields: vec![
                    f(&k("activity"), "field-routine-activity", FieldKind::Text).maxlength(200),
                    f(&k("trigger"), "plan-trigger", FieldKind::TextArea).maxlength(LONG).hint(tr.t("hint-trigger")),
                    f(&k("steps"), "plan-steps", FieldKind::TextArea).hint(tr.t("hint-steps")),
                    f(&k("resources"), "plan-resources", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("switch_back"), "plan-switch-back", FieldKind::TextArea).maxlength(LONG),
                    f(&k("reentry"), "plan-reentry", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("remove"), "field-remove-routine", FieldKind::Checkbox),
                ],
            }
        })
        .collect();
    let contacts = vec![
        f("call_list", "plan-call-list", FieldKind::TextArea).hint(tr.t("hint-call-list")),
        f("refresh_call_list", "plan-refresh-call-list", FieldKind::Checkbox).hint(tr.t("hint-refresh-call-list")),
        f("externals", "plan-externals", FieldKind::TextArea).hint(tr.t("hint-externals")),
    ];
    let hotline = vec![
        f("hotline_number", "plan-hotline-number", FieldKind::Tel).maxlength(30),
        f("hotline_hours", "plan-hotline-hours", FieldKind::TextArea).maxlength(LONG),
        f("hotline_answered_by", "plan-hotline-answered-by", FieldKind::TextArea).maxlength(LONG),
        f("hotline_script", "plan-hotline-script", FieldKind::TextArea).maxlength(LONG),
    ];
    let communication = vec![
        f("comm_spokesperson", "plan-comm-spokesperson", FieldKind::TextArea).maxlength(LONG),
        f("comm_web", "plan-comm-web", FieldKind::TextArea).maxlength(LONG),
        f("comm_hotline", "plan-comm-hotline", FieldKind::TextArea).maxlength(LONG),
        f("comm_media", "plan-comm-media", FieldKind::TextArea).maxlength(LONG),
    ];
    let checklist_count = shown(form, "checklists", caps.checklists);
    let checklists: Vec<ChecklistBlock> = (0..checklist_count)
        .map(|i| {
            let k = |x: &str| format!("c{i}_{x}");
            let title = form.text(&k("title"));
            ChecklistBlock {
                index: i,
                legend: if title.is_empty() { tr.t("plan-new-checklist") } else { title.to_owned() },
                fields: vec![
                    f(&k("title"), "field-checklist-title", FieldKind::Text).maxlength(200),
                    f(&k("items"), "field-checklist-items", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("remove"), "field-remove-checklist", FieldKind::Checkbox),
                ],
            }
        })
        .collect();
    let mut all: Vec<Field> = head.iter().chain(&lead).cloned().collect();
    for r in &routines {
        all.extend(r.fields.iter().cloned());
    }
    all.extend(contacts.iter().chain(&hotline).chain(&communication).cloned());
    for c in &checklists {
        all.extend(c.fields.iter().cloned());
    }
    let mut error_summary = count_errors(form, caps, &ctx.tr);
    error_summary.extend(summary(&all));
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    EditPage {
        ctx,
        id,
        error_summary,
        notice,
        head,
        lead,
        routines,
        routine_count,
        contacts,
        hotline,
        communication,
        checklists,
        checklist_count,
    }
}

async fn editable(state: &AppState, user: &CurrentUser, id: &str) -> Result<(plans::Plan, Lookups), AppError> {
    let id = parse_id(id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(user, &lk, &plan.unit_ids))?;
    Ok((plan, lk))
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<EditPage, AppError> {
    let (plan, lk) = editable(&state, &user, &id).await?;
    let newest =
        plans::versions(&state.db.pool, user.org_id, plan.id).await?.into_iter().next().ok_or(AppError::NotFound)?;
    let note = if newest.is_draft() { newest.change_note.clone().unwrap_or_default() } else { String::new() };
    let content = newest.content()?;
    let form = form_from(&plan, &content, &note);
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let notice = if newest.is_draft() { None } else { Some(tr.tn("plan-edit-new-draft", newest.number + 1)) };
    let editing = Editing { id: plan.id, caps: Caps::for_plan(Some(&content)) };
    Ok(edit_page(&state, &user, editing, &form, &Errors::default(), &lk, notice))
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    let (plan, lk) = editable(&state, &user, &id).await?;
    let stored = plans::versions(&state.db.pool, user.org_id, plan.id).await?.into_iter().next();
    let caps = Caps::for_plan(stored.map(|v| v.content()).transpose()?.as_ref());
    let editing = Editing { id: plan.id, caps };
    // "Fill the call list from the staff register" re-shows the form with the list replaced.
    if form.checked("refresh_call_list") {
        let units = parse_units(&form, &lk, &user, &mut Errors::default());
        let regs = Registers {
            units: &lk.units,
            activities: &[],
            people: &lk.people,
            dependencies: &[],
            systems: &[],
            suppliers: &[],
        };
        form.set("call_list", plan::call_list_text(&builder::call_list(&regs, &units)));
        form.set("refresh_call_list", "");
        let notice = Some(tr.t("plan-call-list-refreshed"));
        let page = edit_page(&state, &user, editing, &form, &Errors::default(), &lk, notice);
        return Ok(page.into_response());
    }
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let units = parse_units(&form, &lk, &user, &mut e);
    let review_due = e.take("review_due", beredd_domain::text::optional_date(form.text("review_due")));
    let note = e.take("change_note", text::optional_line(form.text("change_note"), 500));
    let content = parse(&form, &mut e, caps);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, Some(plan.id)).await? {
        e.add("name", FieldError::Duplicate);
    }
    if !e.is_empty() || !count_errors(&form, caps, &tr).is_empty() {
        let page = edit_page(&state, &user, editing, &form, &e, &lk, None);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    let before = plans::versions(&mut *tx, user.org_id, plan.id).await?.into_iter().next();
    plans::update_plan(&mut *tx, user.org_id, plan.id, &name, review_due.as_deref()).await?;
    plans::set_units(&mut tx, plan.id, &units).await?;
    let number =
        plans::save_draft(&mut tx, user.org_id, plan.id, &content, note.as_deref(), &user.display_name).await?;
    let after = plans::version(&mut *tx, user.org_id, plan.id, number).await?;
    let summary = format!("{} ({})", name, tr.tn("binder-version-n", number));
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "plan",
            entity_id: Some(plan.id),
            summary: &summary,
            before: before.as_ref(),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{}?msg=saved", plan.id)).into_response())
}
