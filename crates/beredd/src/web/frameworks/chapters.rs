//! A whole chapter of an assessment answered on one page; only the rows a person changed are
//! written, so a colleague's concurrent change is never put back.

use super::*;
use crate::services::frameworks::chapters::{self as service, Part, RowDraft, fingerprint};

/// One requirement on the chapter page: its heading and link, its whole text (never cut short:
/// it is what is answered), its fields, and the name and value of the hidden fingerprint of what
/// is shown.
pub struct ChapterRow {
    pub heading: String,
    pub href: String,
    /// The requirement's text when it says more than the heading.
    pub text: Option<String>,
    pub fields: Vec<Field>,
    pub shown: (String, String),
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/chapter.html")]
pub struct ChapterPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    pub rows: Vec<ChapterRow>,
    pub error_summary: Vec<(String, String)>,
    pub action: String,
    pub next: Option<usize>,
    pub may_edit: bool,
    pub language: Option<super::Language>,
}

fn name(i: usize, part: Part) -> String {
    match part {
        Part::Status => format!("s{i}"),
        Part::Maturity => format!("m{i}"),
        Part::Comment => format!("c{i}"),
    }
}

/// A row of the form as it was posted or shown.
fn row_draft(form: &FormData, i: usize) -> RowDraft<'_> {
    RowDraft {
        status: form.text(&format!("s{i}")),
        maturity: form.text(&format!("m{i}")),
        comment: form.text(&format!("c{i}")),
        shown: form.get(&format!("o{i}")),
    }
}

/// The form as stored.
fn stored(fw: &Framework, nodes: &[usize], answers: &[store::Answer]) -> FormData {
    let mut f = FormData::default();
    for &i in nodes {
        if let Some(x) = answers.iter().find(|x| x.node_id == fw.nodes[i].id) {
            f.set(&name(i, Part::Status), x.status.clone().unwrap_or_default());
            f.set(&name(i, Part::Maturity), x.maturity.map(|m| m.to_string()).unwrap_or_default());
            f.set(&name(i, Part::Comment), x.comment.clone().unwrap_or_default());
        }
    }
    f
}

fn row_fields(
    i: usize,
    node: &framework::Node,
    statuses: &[Choice],
    form: &FormData,
    e: &Errors,
    tr: &Tr,
) -> Vec<Field> {
    let label = |id: &str| tr.ts(id, "req", &node.reference);
    vec![
        Field::new(name(i, Part::Status), label("fw-status-of"), FieldKind::Radio, form, e, tr)
            .choices(statuses.to_vec()),
        Field::new(name(i, Part::Maturity), label("fw-maturity-of"), FieldKind::Select, form, e, tr)
            .choices(maturity_choices(tr)),
        Field::new(name(i, Part::Comment), label("fw-comment-of"), FieldKind::TextArea, form, e, tr).maxlength(4000),
    ]
}

fn rows(
    a: &store::Assessment,
    fw: &Framework,
    nodes: &[usize],
    form: &FormData,
    e: &Errors,
    tr: &Tr,
) -> Vec<ChapterRow> {
    let en = english(tr);
    let statuses: Vec<Choice> = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let row = |&i: &usize| {
        let node = &fw.nodes[i];
        let d = row_draft(form, i);
        let shown = d.shown.map(str::to_owned).unwrap_or_else(|| fingerprint(d.status, d.maturity, d.comment));
        ChapterRow {
            heading: answer_heading(node, tr),
            href: format!("/assessments/{}/requirements/{}", a.id, node.id),
            text: node.text_adds(en).then(|| node.text(en).to_owned()),
            fields: row_fields(i, node, &statuses, form, e, tr),
            shown: (format!("o{i}"), shown),
        }
    };
    nodes.iter().map(row).collect()
}

async fn chapter_page(
    state: &AppState,
    user: &CurrentUser,
    a: store::Assessment,
    fw: &Framework,
    n: usize,
    form: Option<FormData>,
    e: &Errors,
) -> Result<ChapterPage, AppError> {
    let nodes = service::nodes(fw, n).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    ctx.title = answer_heading(&fw.nodes[fw.chapters()[n]], &ctx.tr);
    let form = match form {
        Some(f) => f,
        None => stored(fw, &nodes, &store::answers(&state.db.pool, a.key()).await?),
    };
    let rows = rows(&a, fw, &nodes, &form, e, &ctx.tr);
    let all: Vec<Field> = rows.iter().flat_map(|r| r.fields.iter().cloned()).collect();
    let error_summary = summary(&all);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(ChapterPage {
        action: format!("/assessments/{}/chapters/{n}", a.id),
        rows,
        error_summary,
        next: (n + 1 < fw.chapters().len()).then_some(n + 1),
        may_edit: user.role.edits_all_content(),
        language: super::language(fw, &ctx.tr),
        a,
        ctx,
    })
}

fn chapter_number(n: &str) -> Result<usize, AppError> {
    n.parse().map_err(|_| AppError::NotFound)
}

pub async fn chapter_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<ChapterPage, AppError> {
    let n = chapter_number(&n)?;
    let (a, fw) = load(&state, &user, &id).await?;
    let mut p = chapter_page(&state, &user, a, &fw, n, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// Saves the status, maturity and comment of every requirement of a chapter at once (see
/// `services::frameworks::chapters`).
pub async fn save_chapter(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let n = chapter_number(&n)?;
    let (a, fw) = load(&state, &user, &id).await?;
    let nodes = service::nodes(&fw, n).ok_or(AppError::NotFound)?;
    let rows = |i| row_draft(&form, i);
    let saved = service::save(&state.db, &user.actor(), &user.display_name, (&a, &fw, &nodes), rows, name).await?;
    if let Err(e) = saved {
        let page = chapter_page(&state, &user, a, &fw, n, Some(form), &Errors::from(e)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let to = match (form.text("go"), n + 1 < fw.chapters().len()) {
        ("next", true) => format!("/assessments/{}/chapters/{}?msg=saved", a.id, n + 1),
        _ => format!("/assessments/{}/chapters/{n}?msg=saved", a.id),
    };
    Ok(Redirect::to(&to).into_response())
}
