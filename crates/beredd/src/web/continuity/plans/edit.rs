//! Editing the draft in sections: the plan, its lead, each routine (folded away until opened)
//! with its steps as rows that can be added, removed and moved, the call list and the external
//! contacts as rows with people picked from the registers, the hotline, communication and
//! checklists. Every button works as a plain form post; htmx swaps only the list it changes.
//! An error names the field and its row and keeps what was typed.

use super::edit_content::{Caps, LONG, count_errors, form_from, outdated, parse, shown};
use super::edit_rows::{self, List, Op};
use super::edit_views::{RowList, call_picker, external_picker, pick, row_errors, row_list};
use super::*;

/// One fallback routine's fields in the editor.
pub struct RoutineBlock {
    pub index: usize,
    pub legend: String,
    /// "8 steg", after the legend when the routine is folded.
    pub summary: String,
    pub activity_id: String,
    /// Open when it is new, has an error or was just changed.
    pub open: bool,
    pub top: Vec<Field>,
    pub steps: RowList,
    pub bottom: Vec<Field>,
}

pub struct ChecklistBlock {
    pub index: usize,
    pub legend: String,
    pub open: bool,
    pub fields: Vec<Field>,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub id: i64,
    pub error_summary: Vec<(String, String)>,
    pub notice: Option<String>,
    /// The parts of the form, for the links at its top: (anchor, text).
    pub sections: Vec<(String, String)>,
    pub head: Vec<Field>,
    pub lead: Vec<Field>,
    pub routines: Vec<RoutineBlock>,
    pub routine_count: usize,
    pub calls: RowList,
    pub externals: RowList,
    pub hotline: Vec<Field>,
    pub communication: Vec<Field>,
    pub checklists: Vec<ChecklistBlock>,
    pub checklist_count: usize,
}

/// The plan being edited: its id, how many blocks its form may hold, and what gets the focus
/// after a button changed a list.
struct Editing<'a> {
    id: i64,
    caps: Caps,
    focus: &'a str,
    /// A message for the call list (after filling it from the register).
    calls_notice: Option<String>,
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
    let Editing { id, caps, focus, calls_notice } = plan;
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
    let steps_name = tr.t("plan-steps");
    let mut summary_rows = Vec::new();
    let routines: Vec<RoutineBlock> = (0..routine_count)
        .map(|i| {
            let k = |x: &str| format!("r{i}_{x}");
            let name = form.text(&k("activity"));
            let steps = row_list(form, e, tr, List::Steps(i), caps.steps, focus);
            let filled = steps.rows.iter().filter(|r| r.cells.iter().any(|c| !c.value.trim().is_empty())).count();
            let top = vec![
                f(&k("activity"), "field-routine-activity", FieldKind::Text).maxlength(200),
                f(&k("trigger"), "plan-trigger", FieldKind::TextArea).maxlength(LONG).hint(tr.t("hint-trigger")),
            ];
            let bottom = vec![
                f(&k("resources"), "plan-resources", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                f(&k("switch_back"), "plan-switch-back", FieldKind::TextArea).maxlength(LONG),
                f(&k("reentry"), "plan-reentry", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                f(&k("remove"), "field-remove-routine", FieldKind::Checkbox),
            ];
            let errors = row_errors(&steps, &format!("{} ({steps_name})", name));
            let open = name.is_empty() && i + 1 < routine_count
                || !errors.is_empty()
                || top.iter().chain(&bottom).any(|x| x.error.is_some())
                || focus.starts_with(&format!("r{i}_s"))
                || focus.starts_with(&format!("r{i}-"));
            summary_rows.push((top.clone(), errors, bottom.clone()));
            RoutineBlock {
                index: i,
                legend: if name.is_empty() {
                    tr.t("plan-new-routine")
                } else {
                    tr.ts("plan-routine-for", "activity", name)
                },
                summary: tr.tn("plan-step-count", filled as i64),
                activity_id: form.text(&k("activity_id")).to_owned(),
                open,
                top,
                steps,
                bottom,
            }
        })
        .collect();
    let mut calls = row_list(form, e, tr, List::Calls, caps.calls, focus);
    calls.notice = calls_notice;
    let plan_units: Vec<i64> = form.all("units").iter().filter_map(|u| u.parse().ok()).collect();
    calls.picker = Some(call_picker(lk, &plan_units, tr));
    calls.picker_focus = focus == "call_person";
    let mut externals = row_list(form, e, tr, List::Externals, caps.externals, focus);
    externals.picker = Some(external_picker(lk, tr));
    externals.picker_focus = focus == "external_person";
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
            let fields = vec![
                f(&k("title"), "field-checklist-title", FieldKind::Text).maxlength(200),
                f(&k("items"), "field-checklist-items", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                f(&k("remove"), "field-remove-checklist", FieldKind::Checkbox),
            ];
            ChecklistBlock {
                index: i,
                legend: if title.is_empty() { tr.t("plan-new-checklist") } else { title.to_owned() },
                open: fields.iter().any(|x| x.error.is_some()),
                fields,
            }
        })
        .collect();
    // The error summary in the order of the page.
    let mut error_summary = count_errors(form, caps, tr);
    error_summary.extend(summary(&head.iter().chain(&lead).cloned().collect::<Vec<_>>()));
    for (top, steps, bottom) in summary_rows {
        error_summary.extend(summary(&top));
        error_summary.extend(steps);
        error_summary.extend(summary(&bottom));
    }
    error_summary.extend(row_errors(&calls, &tr.t("plan-call-list")));
    error_summary.extend(row_errors(&externals, &tr.t("plan-externals")));
    error_summary.extend(summary(&hotline.iter().chain(&communication).cloned().collect::<Vec<_>>()));
    for c in &checklists {
        error_summary.extend(summary(&c.fields));
    }
    let filled_routines = routines.iter().filter(|r| !form.text(&format!("r{}_activity", r.index)).is_empty()).count();
    let sections = vec![
        ("plan-head".to_owned(), tr.t("plan-section-head")),
        ("lead-heading".to_owned(), tr.t("plan-lead")),
        ("routines-heading".to_owned(), format!("{} ({filled_routines})", tr.t("plan-routines"))),
        ("calls-heading".to_owned(), format!("{} ({})", tr.t("plan-call-list"), calls.count)),
        ("externals-heading".to_owned(), format!("{} ({})", tr.t("plan-externals"), externals.count)),
        ("hotline-heading".to_owned(), tr.t("plan-hotline")),
        ("communication-heading".to_owned(), tr.t("plan-communication")),
        ("checklists-heading".to_owned(), format!("{} ({})", tr.t("plan-checklists"), checklist_count - 1)),
    ];
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    EditPage {
        ctx,
        id,
        error_summary,
        notice,
        sections,
        head,
        lead,
        routines,
        routine_count,
        calls,
        externals,
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
    let editing = Editing { id: plan.id, caps: Caps::for_plan(Some(&content)), focus: "", calls_notice: None };
    Ok(edit_page(&state, &user, editing, &form, &Errors::default(), &lk, notice))
}

/// Replaces the call list with what the staff register gives for the plan's units, and says
/// what happened: how many people, whether anything changed, and when the register has fewer
/// people with a phone number than the units have staff. An empty result changes nothing.
fn fill_calls(form: &mut FormData, lk: &Lookups, user: &CurrentUser, caps: Caps, tr: &Tr) -> String {
    let units = parse_units(form, lk, user, &mut Errors::default());
    let regs = Registers {
        units: &lk.units,
        activities: &[],
        people: &lk.people,
        dependencies: &[],
        systems: &[],
        suppliers: &[],
    };
    let found = builder::call_list_report(&regs, &units);
    let rows: Vec<Vec<String>> =
        found.list.iter().map(|c| vec![c.name.clone(), c.role.clone(), c.phone.clone(), c.calls.clone()]).collect();
    let n = rows.len().to_string();
    let mut text = if rows.is_empty() {
        tr.t("plan-fill-none")
    } else if rows == edit_rows::read(form, List::Calls, caps.calls) {
        tr.tn("plan-fill-same", rows.len() as i64)
    } else {
        edit_rows::write(form, List::Calls, &rows);
        tr.tn("plan-fill-replaced", rows.len() as i64)
    };
    if let Some(staff) = found.staff_count.filter(|s| *s > rows.len() as i64) {
        text.push(' ');
        text.push_str(&tr.args("plan-fill-fewer", &[("staff", &staff.to_string()), ("n", &n)]));
    }
    if found.without_phone > 0 {
        text.push(' ');
        text.push_str(&tr.tn("plan-fill-without-phone", found.without_phone as i64));
    }
    text
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    let (plan, lk) = editable(&state, &user, &id).await?;
    let stored = plans::versions(&state.db.pool, user.org_id, plan.id).await?.into_iter().next();
    let caps = Caps::for_plan(stored.map(|v| v.content()).transpose()?.as_ref());
    if outdated(&form) {
        let e = Errors::default();
        let mut page = edit_page(
            &state,
            &user,
            Editing { id: plan.id, caps, focus: "", calls_notice: None },
            &form,
            &e,
            &lk,
            None,
        );
        page.error_summary.insert(0, ("plan-head".into(), tr.t("plan-form-outdated")));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    // A button that changes a list shows the form again, changed; nothing is saved.
    if let Some(op) = form.get("op").and_then(edit_rows::parse_op) {
        form.set("op", "");
        let mut calls_notice = None;
        let focus = match op {
            Op::Rows(list, m) => edit_rows::apply(&mut form, list, m, caps.of(list)),
            Op::PickCall => pick(&mut form, &lk, List::Calls, caps.calls).unwrap_or_else(|| "call_person".into()),
            Op::PickExternal => {
                pick(&mut form, &lk, List::Externals, caps.externals).unwrap_or_else(|| "external_person".into())
            }
            Op::FillCalls => {
                calls_notice = Some(fill_calls(&mut form, &lk, &user, caps, &tr));
                "calls-notice".to_owned()
            }
        };
        let editing = Editing { id: plan.id, caps, focus: &focus, calls_notice };
        let page = edit_page(&state, &user, editing, &form, &Errors::default(), &lk, None);
        return Ok(page.into_response());
    }
    // A person or contact chosen in a picker but not added yet is added now.
    pick(&mut form, &lk, List::Calls, caps.calls);
    pick(&mut form, &lk, List::Externals, caps.externals);
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
        let editing = Editing { id: plan.id, caps, focus: "", calls_notice: None };
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
