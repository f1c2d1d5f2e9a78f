//! One requirement's answer in an assessment: status, maturity, comment, evidence, linked
//! catalogue requirements (with suggestions) and linked actions.

use super::*;
use crate::content::catalogue::Requirement;
use crate::services::frameworks::answers::{self as service, Draft, next_assessable};
use crate::store::actions;

pub struct Suggested {
    pub id: String,
    pub title: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/answer.html")]
pub struct AnswerPage {
    pub ctx: Ctx,
    pub language: Option<super::Language>,
    pub a: store::Assessment,
    pub node: NodeView,
    pub fields: Vec<Field>,
    pub action_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub linked: Vec<(i64, String, String)>,
    pub may_edit: bool,
    pub action: String,
    pub next: Option<String>,
    pub updated: Option<String>,
    /// Evidence files: (id, name, size, who uploaded).
    pub files: Vec<(i64, String, String, String)>,
    pub upload_action: String,
    pub upload_error: Option<String>,
    /// The file types the upload offers.
    pub accept: String,
    /// Every other catalogue requirement to tick: (id, "ID title", ticked).
    pub picker: Vec<(String, String, bool)>,
}

impl AnswerPage {
    /// How many of the picker's requirements are ticked.
    pub fn picked(&self) -> usize {
        self.picker.iter().filter(|p| p.2).count()
    }
    pub fn picker_summary(&self) -> String {
        self.ctx
            .tr
            .args("fw-linked-pick", &[("n", &self.picker.len().to_string()), ("picked", &self.picked().to_string())])
    }
}

/// The catalogue's requirements that are not among the suggestions, ticked when the form links them.
fn picker(all: &[Requirement], suggested: &[Suggested], form: &FormData, en: bool) -> Vec<(String, String, bool)> {
    let ticked = form.all("req");
    all.iter()
        .filter(|r| !suggested.iter().any(|s| s.id == r.id))
        .map(|r| {
            let title = format!("{} {}", r.id, if en { &r.title_en } else { &r.title_sv });
            (r.id.clone(), title, ticked.contains(&r.id.as_str()))
        })
        .collect()
}

/// Catalogue requirements that share a reference with the framework requirement, as offered.
fn suggested(reqs: &[&Requirement], en: bool) -> Vec<Suggested> {
    reqs.iter()
        .map(|r| Suggested {
            id: r.id.clone(),
            title: format!("{} {}", r.id, if en { &r.title_en } else { &r.title_sv }),
        })
        .collect()
}

/// The form as stored: the linked requirements ticked.
fn stored(current: Option<&store::Answer>) -> FormData {
    let mut f = FormData::default();
    if let Some(c) = current {
        f.set("status", c.status.clone().unwrap_or_default());
        f.set("maturity", c.maturity.map(|m| m.to_string()).unwrap_or_default());
        f.set("comment", c.comment.clone().unwrap_or_default());
        f.set("evidence", c.evidence.clone().unwrap_or_default());
        // Each linked requirement is ticked, among the suggestions or in the catalogue's list.
        for r in c.requirements() {
            f.push("req", r);
        }
    }
    f
}

/// "Ändrat av Anna 2026-11-24 09:10".
fn updated_text(c: &store::Answer, tr: &Tr) -> String {
    tr.args("fw-updated", &[("who", &c.updated_by), ("when", &c.updated_at.shown_minute())])
}

fn file_row(f: crate::store::evidence::FrameworkFile) -> (i64, String, String, String) {
    (f.id, f.file_name, format!("{} kB", (f.size + 1023) / 1024), f.uploaded_by)
}

fn answer_fields(form: &FormData, e: &Errors, tr: &Tr, suggested: &[Suggested]) -> Vec<Field> {
    let statuses = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let mut f = vec![
        Field::new("status", tr.t("fw-status"), FieldKind::Radio, form, e, tr).choices(statuses),
        Field::new("maturity", tr.t("fw-maturity"), FieldKind::Select, form, e, tr)
            .choices(maturity_choices(tr))
            .hint(tr.t("fw-maturity-hint")),
        Field::new("comment", tr.t("fw-comment"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-comment-hint")),
        Field::new("evidence", tr.t("fw-evidence"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-evidence-hint")),
    ];
    if !suggested.is_empty() {
        f.push(Field::new("req", tr.t("fw-linked-suggested"), FieldKind::MultiCheck, form, e, tr).choices(
            suggested.iter().map(|s| Choice { value: s.id.clone(), label: s.title.clone(), depth: 0 }).collect(),
        ));
    }
    f.push(
        Field::new("req_other", tr.t("fw-linked-other"), FieldKind::Text, form, e, tr)
            .maxlength(500)
            .hint(tr.t("fw-linked-other-hint")),
    );
    f
}

fn action_fields(form: &FormData, e: &Errors, lk: &Lookups, open: &[actions::Action], tr: &Tr) -> Vec<Field> {
    let mut existing = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    existing.extend(open.iter().map(|x| Choice { value: x.id.to_string(), label: x.title.clone(), depth: 0 }));
    vec![
        Field::new("new_action", tr.t("fw-new-action"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("fw-new-action-hint")),
        Field::new("action_owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.staff_choices(tr.t("choice-none"))),
        Field::new("action_due", tr.t("field-due-date"), FieldKind::Date, form, e, tr)
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("link_action", tr.t("fw-link-action"), FieldKind::Select, form, e, tr).choices(existing),
    ]
}

/// The answer's fields, the action's fields, and the error summary of both.
fn form_fields(
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    (open, suggested): (&[actions::Action], &[Suggested]),
    tr: &Tr,
) -> (Vec<Field>, Vec<Field>, Vec<(String, String)>) {
    let (fields, action_fields) = (answer_fields(form, e, tr, suggested), action_fields(form, e, lk, open, tr));
    let error_summary = summary(&[fields.clone(), action_fields.clone()].concat());
    (fields, action_fields, error_summary)
}

pub(super) async fn answer_page(
    state: &AppState,
    user: &CurrentUser,
    a: store::Assessment,
    fw: &Framework,
    node_id: &str,
    form: Option<FormData>,
    e: &Errors,
) -> Result<AnswerPage, AppError> {
    let node = fw.node(node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    let (en, tr) = (english(&ctx.tr), ctx.tr.clone());
    ctx.title = answer_heading(node, &tr);
    let catalogue = state.catalogue_for(user.org_id).await?;
    let around = service::around(&state.db.pool, &catalogue, user.org_id, &a, node).await?;
    let suggested = suggested(&around.suggested, en);
    let form = form.unwrap_or_else(|| stored(around.current.as_ref()));
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let (fields, action_fields, error_summary) = form_fields(&form, e, &lk, (&around.open, &suggested), &tr);
    ctx.title_prefix = (!error_summary.is_empty()).then(|| tr.t("error-prefix"));
    Ok(AnswerPage {
        files: around.files.into_iter().map(file_row).collect(),
        upload_action: format!("/assessments/{}/requirements/{}/evidence", a.id, node.id),
        upload_error: None,
        accept: beredd_domain::upload::extensions().map(|e| format!(".{e}")).collect::<Vec<_>>().join(","),
        action: format!("/assessments/{}/requirements/{}", a.id, node.id),
        picker: picker(&catalogue.requirements, &suggested, &form, en),
        node: node_view(node, en),
        language: super::language(fw, &tr),
        fields,
        action_fields,
        error_summary,
        linked: around.linked.iter().map(|x| (x.id, x.title.clone(), tr.t(x.status.label_id()))).collect(),
        may_edit: user.role.edits_all_content(),
        next: next_assessable(fw, &node.id).map(|n| n.id.clone()),
        updated: around.current.as_ref().map(|c| updated_text(c, &tr)),
        a,
        ctx,
    })
}

pub async fn answer_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, node)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<AnswerPage, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let mut p = answer_page(&state, &user, a, &fw, &node, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

fn draft(form: &FormData) -> Draft<'_> {
    Draft {
        status: form.text("status"),
        maturity: form.text("maturity"),
        comment: form.text("comment"),
        evidence: form.text("evidence"),
        req: form.all("req"),
        req_other: form.text("req_other"),
        new_action: form.text("new_action"),
        action_owner: form.text("action_owner"),
        action_due: form.text("action_due"),
        link_action: form.text("link_action"),
    }
}

pub async fn save_answer(
    State(state): State<AppState>,
    Path((id, node_id)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?;
    let catalogue = state.catalogue_for(user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let known_action = |x: i64| all_actions.iter().any(|a| a.id == x);
    let parsed = match service::parse(&draft(&form), &catalogue, |p| lk.is_staff(p), known_action) {
        Ok(p) => p,
        Err(e) => {
            let page = answer_page(&state, &user, a, &fw, &node_id, Some(form), &Errors::from(e)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    service::save(&state.db, &user.actor(), &user.display_name, (&a, &fw, node), parsed, english(&tr)).await?;
    let to = match (form.text("go"), next_assessable(&fw, &node.id)) {
        ("next", Some(n)) => n,
        _ => node,
    };
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=saved", a.id, to.id)).into_response())
}

pub async fn unlink(
    State(state): State<AppState>,
    Path((id, node_id, action)): Path<(String, String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).ok_or(AppError::NotFound)?;
    let action = parse_id(&action)?;
    service::unlink(&state.db, &user.actor(), &a, node, action).await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=saved", a.id, node.id)).into_response())
}
