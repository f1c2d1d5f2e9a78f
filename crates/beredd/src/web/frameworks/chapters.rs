//! A whole chapter of an assessment answered on one page; only the rows a person changed are
//! written, so a colleague's concurrent change is never put back.

use super::*;

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
}

/// The assessable requirements of chapter `n` (position among the chapters), as indices.
fn chapter_nodes(fw: &Framework, n: usize) -> Option<Vec<usize>> {
    let chapter = *fw.chapters().get(n)?;
    Some(fw.nodes.iter().enumerate().filter(|(_, x)| x.assessable && x.chapter == chapter).map(|(i, _)| i).collect())
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
    let nodes = chapter_nodes(fw, n).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    let head = &fw.nodes[fw.chapters()[n]];
    ctx.title = answer_heading(head, &ctx.tr);
    let answers = store::answers(&state.db.pool, a.id).await?;
    let form = form.unwrap_or_else(|| {
        let mut f = FormData::default();
        for &i in &nodes {
            if let Some(x) = answers.iter().find(|x| x.node_id == fw.nodes[i].id) {
                f.set(&format!("s{i}"), x.status.clone().unwrap_or_default());
                f.set(&format!("m{i}"), x.maturity.map(|m| m.to_string()).unwrap_or_default());
                f.set(&format!("c{i}"), x.comment.clone().unwrap_or_default());
            }
        }
        f
    });
    let tr = &ctx.tr;
    let statuses: Vec<Choice> = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let rows: Vec<ChapterRow> = nodes
        .iter()
        .map(|&i| {
            let node = &fw.nodes[i];
            let fields = vec![
                Field::new(
                    format!("s{i}"),
                    tr.ts("fw-status-of", "req", &node.reference),
                    FieldKind::Radio,
                    &form,
                    e,
                    tr,
                )
                .choices(statuses.clone()),
                Field::new(
                    format!("m{i}"),
                    tr.ts("fw-maturity-of", "req", &node.reference),
                    FieldKind::Select,
                    &form,
                    e,
                    tr,
                )
                .choices(maturity_choices(tr)),
                Field::new(
                    format!("c{i}"),
                    tr.ts("fw-comment-of", "req", &node.reference),
                    FieldKind::TextArea,
                    &form,
                    e,
                    tr,
                )
                .maxlength(4000),
            ];
            let shown = match form.get(&format!("o{i}")) {
                Some(o) => o.to_owned(),
                None => {
                    fingerprint(form.text(&format!("s{i}")), form.text(&format!("m{i}")), form.text(&format!("c{i}")))
                }
            };
            ChapterRow {
                heading: answer_heading(node, tr),
                href: format!("/assessments/{}/requirements/{}", a.id, node.id),
                text: node.text_adds(en).then(|| node.text(en).to_owned()),
                fields,
                shown: (format!("o{i}"), shown),
            }
        })
        .collect();
    let all: Vec<Field> = rows.iter().flat_map(|r| r.fields.iter().cloned()).collect();
    let error_summary = summary(&all);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let next = (n + 1 < fw.chapters().len()).then_some(n + 1);
    Ok(ChapterPage {
        action: format!("/assessments/{}/chapters/{n}", a.id),
        rows,
        error_summary,
        next,
        may_edit: user.role.edits_all_content(),
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

/// Saves the status, maturity and comment of every requirement of a chapter at once. Answers
/// that did not change are left alone; evidence and links stay as they were.
pub async fn save_chapter(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let n = chapter_number(&n)?;
    let (a, fw) = load(&state, &user, &id).await?;
    let nodes = chapter_nodes(&fw, n).ok_or(AppError::NotFound)?;
    let existing = store::answers(&state.db.pool, a.id).await?;
    let mut e = Errors::default();
    let mut changed = Vec::new();
    for &i in &nodes {
        let node = &fw.nodes[i];
        let status = match form.text(&format!("s{i}")) {
            "" => None,
            s => match Status::parse(s) {
                Some(s) => Some(s.code().to_owned()),
                None => {
                    e.add(format!("s{i}"), FieldError::Choice);
                    None
                }
            },
        };
        let maturity = match form.text(&format!("m{i}")).trim() {
            "" => None,
            m => match m.parse::<u8>() {
                Ok(x) if x <= framework::MATURITY_MAX => Some(i64::from(x)),
                _ => {
                    e.add(format!("m{i}"), FieldError::Number { min: 0, max: i64::from(framework::MATURITY_MAX) });
                    None
                }
            },
        };
        let comment = e.take(format!("c{i}"), text::optional_text(form.text(&format!("c{i}")), 4000));
        // A row the user left as the page showed it is not written, whatever the database says now.
        let posted = fingerprint(form.text(&format!("s{i}")), form.text(&format!("m{i}")), form.text(&format!("c{i}")));
        if form.get(&format!("o{i}")) == Some(posted.as_str()) {
            continue;
        }
        let before = existing.iter().find(|x| x.node_id == node.id).cloned();
        let old = before.clone().unwrap_or_default();
        if old.status == status && old.maturity == maturity && old.comment == comment {
            continue;
        }
        let after = store::Answer {
            node_id: node.id.clone(),
            status,
            maturity,
            comment,
            updated_by: user.display_name.clone(),
            ..old
        };
        changed.push((node.reference.clone(), before, after));
    }
    if !e.is_empty() {
        let page = chapter_page(&state, &user, a, &fw, n, Some(form), &e).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    for (reference, before, after) in &changed {
        store::save_answer(&mut tx, a.id, after).await?;
        let summary_text = format!("{} · {reference}", a.title);
        audit::record(
            &mut *tx,
            &user.actor(),
            audit::Change {
                action: "update",
                entity: "framework-answer",
                entity_id: Some(a.id),
                summary: &summary_text,
                before: before.as_ref(),
                after: Some(after),
            },
        )
        .await?;
    }
    tx.commit().await?;
    let to = match (form.text("go"), n + 1 < fw.chapters().len()) {
        ("next", true) => format!("/assessments/{}/chapters/{}?msg=saved", a.id, n + 1),
        _ => format!("/assessments/{}/chapters/{n}?msg=saved", a.id),
    };
    Ok(Redirect::to(&to).into_response())
}
