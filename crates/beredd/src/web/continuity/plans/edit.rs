//! Editing the draft in sections: the plan, its lead, each routine (folded away until opened)
//! with its steps as rows that can be added, removed and moved, the call list and the external
//! contacts as rows with people picked from the registers, the hotline, communication and
//! checklists. Every button works as a plain form post; htmx swaps only the list it changes.
//! An error names the field and its row and keeps what was typed.

use super::edit_content::{Caps, LONG, count_errors, form_from, outdated, parse, shown};
use super::edit_rows::{self, List, Op};
use super::edit_views::{RowList, call_picker, external_picker, pick, row_errors, row_list};
use super::*;
use crate::services::continuity::plans::changes::{self, Draft};

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
    /// The version the editor was opened on (`changes::edit_token`), posted back on saving.
    pub seen: String,
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

/// Builds one field of the editor from the form and its errors.
struct Fields<'a> {
    form: &'a FormData,
    e: &'a Errors,
    tr: &'a Tr,
}

impl Fields<'_> {
    fn f(&self, name: &str, label: &str, kind: FieldKind) -> Field {
        Field::new(name.to_owned(), self.tr.t(label), kind, self.form, self.e, self.tr)
    }
    fn long(&self, name: &str, label: &str) -> Field {
        self.f(name, label, FieldKind::TextArea).maxlength(LONG)
    }
    fn head(&self, user: &CurrentUser, lk: &Lookups) -> Vec<Field> {
        let tr = self.tr;
        vec![
            self.f("name", "field-plan-name", FieldKind::Text).required().maxlength(200),
            self.f("units", "field-plan-units", FieldKind::MultiCheck)
                .required()
                .choices(lk.editable_unit_choices(user, None)),
            self.f("review_due", "field-review-due", FieldKind::Date).maxlength(10).hint(tr.t("hint-review-due")),
            self.f("change_note", "field-change-note", FieldKind::Text).maxlength(500).hint(tr.t("hint-change-note")),
        ]
    }
    fn lead(&self) -> Vec<Field> {
        vec![self.long("lead", "plan-lead").hint(self.tr.t("hint-plan-lead"))]
    }
    fn hotline(&self) -> Vec<Field> {
        vec![
            self.f("hotline_number", "plan-hotline-number", FieldKind::Tel).maxlength(30),
            self.long("hotline_hours", "plan-hotline-hours"),
            self.long("hotline_answered_by", "plan-hotline-answered-by"),
            self.long("hotline_script", "plan-hotline-script"),
        ]
    }
    fn communication(&self) -> Vec<Field> {
        vec![
            self.long("comm_spokesperson", "plan-comm-spokesperson"),
            self.long("comm_web", "plan-comm-web"),
            self.long("comm_hotline", "plan-comm-hotline"),
            self.long("comm_media", "plan-comm-media"),
        ]
    }
    /// A routine's fields above its steps and below them.
    fn routine(&self, i: usize) -> (Vec<Field>, Vec<Field>) {
        let k = |x: &str| format!("r{i}_{x}");
        let tr = self.tr;
        let top = vec![
            self.f(&k("activity"), "field-routine-activity", FieldKind::Text).maxlength(200),
            self.long(&k("trigger"), "plan-trigger").hint(tr.t("hint-trigger")),
        ];
        let bottom = vec![
            self.f(&k("resources"), "plan-resources", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
            self.long(&k("switch_back"), "plan-switch-back"),
            self.f(&k("reentry"), "plan-reentry", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
            self.f(&k("remove"), "field-remove-routine", FieldKind::Checkbox),
        ];
        (top, bottom)
    }
}

/// A routine's fields and error lines, for the error summary in the order of the page.
type RoutineSummary = (Vec<Field>, Vec<(String, String)>, Vec<Field>);

/// One routine's block: folded unless it is new, has an error or was just changed.
fn routine_block(fields: &Fields, i: usize, count: usize, caps: Caps, focus: &str) -> (RoutineBlock, RoutineSummary) {
    let (form, tr) = (fields.form, fields.tr);
    let name = form.text(&format!("r{i}_activity"));
    let steps = row_list(form, fields.e, tr, List::Steps(i), caps.steps, focus);
    let filled = steps.rows.iter().filter(|r| r.cells.iter().any(|c| !c.value.trim().is_empty())).count();
    let (top, bottom) = fields.routine(i);
    let errors = row_errors(&steps, &format!("{} ({})", name, tr.t("plan-steps")));
    let open = name.is_empty() && i + 1 < count
        || !errors.is_empty()
        || top.iter().chain(&bottom).any(|x| x.error.is_some())
        || focus.starts_with(&format!("r{i}_s"))
        || focus.starts_with(&format!("r{i}-"));
    let summary = (top.clone(), errors, bottom.clone());
    let legend = if name.is_empty() { tr.t("plan-new-routine") } else { tr.ts("plan-routine-for", "activity", name) };
    let block = RoutineBlock {
        index: i,
        legend,
        summary: tr.tn("plan-step-count", filled as i64),
        activity_id: form.text(&format!("r{i}_activity_id")).to_owned(),
        open,
        top,
        steps,
        bottom,
    };
    (block, summary)
}

fn checklist_block(fields: &Fields, i: usize) -> ChecklistBlock {
    let k = |x: &str| format!("c{i}_{x}");
    let title = fields.form.text(&k("title"));
    let tr = fields.tr;
    let fields = vec![
        fields.f(&k("title"), "field-checklist-title", FieldKind::Text).maxlength(200),
        fields.f(&k("items"), "field-checklist-items", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
        fields.f(&k("remove"), "field-remove-checklist", FieldKind::Checkbox),
    ];
    ChecklistBlock {
        index: i,
        legend: if title.is_empty() { tr.t("plan-new-checklist") } else { title.to_owned() },
        open: fields.iter().any(|x| x.error.is_some()),
        fields,
    }
}

/// The call list and the external contacts, each with its picker from the registers.
fn contact_lists(fields: &Fields, lk: &Lookups, plan: &Editing) -> (RowList, RowList) {
    let (form, e, tr, focus) = (fields.form, fields.e, fields.tr, plan.focus);
    let mut calls = row_list(form, e, tr, List::Calls, plan.caps.calls, focus);
    calls.notice = plan.calls_notice.clone();
    let plan_units: Vec<i64> = form.all("units").iter().filter_map(|u| u.parse().ok()).collect();
    calls.picker = Some(call_picker(lk, &plan_units, tr));
    calls.picker_focus = focus == "call_person";
    let mut externals = row_list(form, e, tr, List::Externals, plan.caps.externals, focus);
    externals.picker = Some(external_picker(lk, tr));
    externals.picker_focus = focus == "external_person";
    (calls, externals)
}

/// The error summary in the order of the page: too many blocks first, then each part's fields.
fn error_summary(p: &EditPage, routines: Vec<RoutineSummary>, form: &FormData, caps: Caps) -> Vec<(String, String)> {
    let tr = &p.ctx.tr;
    let mut out = count_errors(form, caps, tr);
    out.extend(summary(&p.head.iter().chain(&p.lead).cloned().collect::<Vec<_>>()));
    for (top, steps, bottom) in routines {
        out.extend(summary(&top));
        out.extend(steps);
        out.extend(summary(&bottom));
    }
    out.extend(row_errors(&p.calls, &tr.t("plan-call-list")));
    out.extend(row_errors(&p.externals, &tr.t("plan-externals")));
    out.extend(summary(&p.hotline.iter().chain(&p.communication).cloned().collect::<Vec<_>>()));
    for c in &p.checklists {
        out.extend(summary(&c.fields));
    }
    out
}

/// The links to the parts of the form, with how many routines, people and checklists they hold.
fn sections(p: &EditPage, form: &FormData) -> Vec<(String, String)> {
    let tr = &p.ctx.tr;
    let filled_routines =
        p.routines.iter().filter(|r| !form.text(&format!("r{}_activity", r.index)).is_empty()).count();
    let counted = |id: &str, n: usize| format!("{} ({n})", tr.t(id));
    vec![
        ("plan-head".to_owned(), tr.t("plan-section-head")),
        ("lead-heading".to_owned(), tr.t("plan-lead")),
        ("routines-heading".to_owned(), counted("plan-routines", filled_routines)),
        ("calls-heading".to_owned(), counted("plan-call-list", p.calls.count)),
        ("externals-heading".to_owned(), counted("plan-externals", p.externals.count)),
        ("hotline-heading".to_owned(), tr.t("plan-hotline")),
        ("communication-heading".to_owned(), tr.t("plan-communication")),
        ("checklists-heading".to_owned(), counted("plan-checklists", p.checklist_count - 1)),
    ]
}

/// The routines, the contact lists and the checklists, as many as the form holds.
struct Blocks {
    routines: Vec<RoutineBlock>,
    summaries: Vec<RoutineSummary>,
    routine_count: usize,
    calls: RowList,
    externals: RowList,
    checklists: Vec<ChecklistBlock>,
    checklist_count: usize,
}

fn blocks(fields: &Fields, lk: &Lookups, plan: &Editing) -> Blocks {
    let (form, caps) = (fields.form, plan.caps);
    let routine_count = shown(form, "routines", caps.routines);
    let (routines, summaries) =
        (0..routine_count).map(|i| routine_block(fields, i, routine_count, caps, plan.focus)).unzip();
    let (calls, externals) = contact_lists(fields, lk, plan);
    let checklist_count = shown(form, "checklists", caps.checklists);
    let checklists = (0..checklist_count).map(|i| checklist_block(fields, i)).collect();
    Blocks { routines, summaries, routine_count, calls, externals, checklists, checklist_count }
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
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let ctx = Ctx::new(state, user, "/plans", tr.ts("plans-edit", "name", form.text("name")));
    let fields = Fields { form, e, tr: &tr };
    let b = blocks(&fields, lk, &plan);
    let mut page = EditPage {
        ctx,
        id: plan.id,
        error_summary: Vec::new(),
        notice,
        sections: Vec::new(),
        head: fields.head(user, lk),
        lead: fields.lead(),
        routines: b.routines,
        routine_count: b.routine_count,
        calls: b.calls,
        externals: b.externals,
        hotline: fields.hotline(),
        communication: fields.communication(),
        checklists: b.checklists,
        checklist_count: b.checklist_count,
        seen: form.text("seen").to_owned(),
    };
    page.error_summary = error_summary(&page, b.summaries, form, plan.caps);
    page.sections = sections(&page, form);
    if !page.error_summary.is_empty() {
        page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
    }
    page
}

async fn editable(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<(plans::Plan, std::sync::Arc<Lookups>), AppError> {
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
    let mut form = form_from(&plan, &content, &note);
    form.set("seen", changes::edit_token(&newest));
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

/// The form again after a button that changes a list (rows added, removed or moved, a person
/// picked, the call list filled from the register); nothing is saved.
fn changed_list(
    state: &AppState,
    user: &CurrentUser,
    (id, caps): (i64, Caps),
    lk: &Lookups,
    op: Op,
    mut form: FormData,
    tr: &Tr,
) -> Response {
    form.set("op", "");
    let mut calls_notice = None;
    let focus = match op {
        Op::Rows(list, m) => edit_rows::apply(&mut form, list, m, caps.of(list)),
        Op::PickCall => pick(&mut form, lk, List::Calls, caps.calls).unwrap_or_else(|| "call_person".into()),
        Op::PickExternal => {
            pick(&mut form, lk, List::Externals, caps.externals).unwrap_or_else(|| "external_person".into())
        }
        Op::FillCalls => {
            calls_notice = Some(fill_calls(&mut form, lk, user, caps, tr));
            "calls-notice".to_owned()
        }
    };
    let editing = Editing { id, caps, focus: &focus, calls_notice };
    edit_page(state, user, editing, &form, &Errors::default(), lk, None).into_response()
}

/// Reads the whole form into a draft; errors are keyed by field name, and a form holding more
/// blocks than the caps (said in the summary) is refused too.
async fn read_draft(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    lk: &Lookups,
    (id, caps): (i64, Caps),
    tr: &Tr,
) -> Result<Result<Draft, Errors>, AppError> {
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let units = parse_units(form, lk, user, &mut e);
    let review_due = e.take("review_due", crate::platform::day::optional_day(form.text("review_due")));
    let note = e.take("change_note", text::optional_line(form.text("change_note"), 500));
    let content = parse(form, &mut e, caps);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, Some(id)).await? {
        e.add("name", FieldError::Duplicate);
    }
    if !e.is_empty() || !count_errors(form, caps, tr).is_empty() {
        return Ok(Err(e));
    }
    Ok(Ok(Draft { name, review_due, units, content, note }))
}

/// Someone saved since the editor was opened: what was typed stays in the form, and saving it
/// again replaces their version knowingly.
fn stale(state: &AppState, user: &CurrentUser, editing: Editing, form: &FormData, lk: &Lookups) -> Response {
    let mut page = edit_page(state, user, editing, form, &Errors::default(), lk, None);
    let message = page.ctx.tr.t("plan-edit-stale");
    page.error_summary.insert(0, ("plan-head".into(), message));
    page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
    (StatusCode::CONFLICT, page).into_response()
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    let (plan, lk) = editable(&state, &user, &id).await?;
    let stored = plans::versions(&state.db.pool, user.org_id, plan.id).await?.into_iter().next();
    let caps = Caps::for_plan(stored.map(|v| v.content()).transpose()?.as_ref());
    let editing = Editing { id: plan.id, caps, focus: "", calls_notice: None };
    if outdated(&form) {
        let mut page = edit_page(&state, &user, editing, &form, &Errors::default(), &lk, None);
        page.error_summary.insert(0, ("plan-head".into(), tr.t("plan-form-outdated")));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    if let Some(op) = form.get("op").and_then(edit_rows::parse_op) {
        return Ok(changed_list(&state, &user, (plan.id, caps), &lk, op, form, &tr));
    }
    // A person or contact chosen in a picker but not added yet is added now.
    pick(&mut form, &lk, List::Calls, caps.calls);
    pick(&mut form, &lk, List::Externals, caps.externals);
    match read_draft(&state, &user, &form, &lk, (plan.id, caps), &tr).await? {
        Ok(draft) => {
            let seen = form.text("seen").to_owned();
            match changes::save(&state.db, &user.actor(), &tr, (plan.id, &seen), &draft, &user.display_name).await? {
                Ok(()) => Ok(Redirect::to(&format!("/plans/{}?msg=saved", plan.id)).into_response()),
                Err(newest) => {
                    form.set("seen", newest);
                    Ok(stale(&state, &user, editing, &form, &lk))
                }
            }
        }
        Err(e) => {
            let page = edit_page(&state, &user, editing, &form, &e, &lk, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
