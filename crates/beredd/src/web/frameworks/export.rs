//! The statement of applicability of an assessment, as Excel and as PDF.

use super::*;
use crate::web::classification::reports::{download_pdf, download_xlsx, labels, pdf, workbook_sheets};
use std::collections::HashMap;

/// What the exports list of a row: whether it applies, and its actions in one text.
fn applicable(r: &AnswerRow, tr: &Tr) -> String {
    if r.status_code == "na" { tr.t("fw-soa-no") } else { tr.t("fw-soa-yes") }
}

fn actions_text(r: &AnswerRow) -> String {
    r.actions.iter().map(|(id, t, st)| format!("#{id} {t} ({st})")).collect::<Vec<_>>().join("\n")
}

/// The evidence of each row with the names of its files added.
fn add_files(rows: &mut [AnswerRow], files: &HashMap<String, Vec<String>>, tr: &Tr) {
    for r in rows.iter_mut() {
        if let Some(names) = files.get(&r.id).filter(|n| !n.is_empty()) {
            let listed = tr.ts("fw-evidence-files", "names", &names.join(", "));
            r.evidence = if r.evidence.is_empty() { listed } else { format!("{}\n{listed}", r.evidence) };
        }
    }
}

fn sheet_row(r: &AnswerRow, tr: &Tr) -> Vec<String> {
    vec![
        r.reference.clone(),
        r.title.clone(),
        applicable(r, tr),
        r.status.clone(),
        r.maturity.clone(),
        r.comment.clone(),
        r.evidence.clone(),
        r.requirements.clone(),
        actions_text(r),
    ]
}

fn chapter_sheet_row(c: &ChapterView) -> Vec<String> {
    let t = &c.tally;
    vec![
        c.title.clone(),
        t.assessable.to_string(),
        t.yes.to_string(),
        t.partly.to_string(),
        t.no.to_string(),
        t.na.to_string(),
        t.unanswered().to_string(),
        c.percent.clone(),
        c.maturity.clone(),
    ]
}

/// The workbook: the statement of applicability, the gaps, and the progress per chapter.
fn soa_workbook(s: &Summary, rows: &[&AnswerRow], gaps: &[&AnswerRow], tr: &Tr) -> Result<Vec<u8>, AppError> {
    let ids = ["fw-ref", "fw-requirement", "fw-soa-applicable", "fw-status", "fw-maturity", "fw-comment"];
    let header: Vec<String> =
        ids.iter().chain(&["fw-evidence", "fw-linked-requirements", "fw-actions"]).map(|h| tr.t(h)).collect();
    let chapter_ids = ["fw-chapter", "fw-assessable", "fw-status-yes", "fw-status-partly", "fw-status-no"];
    let chapter_header: Vec<String> = chapter_ids
        .iter()
        .chain(&["fw-status-na", "fw-status-none", "fw-fulfilment", "fw-maturity-mean"])
        .map(|h| tr.t(h))
        .collect();
    let chapter_rows = s.chapters.iter().chain(std::iter::once(&s.total)).map(chapter_sheet_row).collect();
    let widths = vec![14.0, 50.0, 12.0, 14.0, 10.0, 50.0, 40.0, 20.0, 40.0];
    let chapter_widths = vec![50.0, 12.0, 10.0, 10.0, 10.0, 10.0, 12.0, 12.0, 12.0];
    workbook_sheets(&[
        (tr.t("fw-soa-sheet"), header.clone(), widths.clone(), rows.iter().map(|r| sheet_row(r, tr)).collect()),
        (tr.t("fw-gaps-sheet"), header, widths, gaps.iter().map(|r| sheet_row(r, tr)).collect()),
        (tr.t("fw-progress-sheet"), chapter_header, chapter_widths, chapter_rows),
    ])
}

fn pdf_row(r: &AnswerRow, tr: &Tr) -> serde_json::Value {
    serde_json::json!({ "ref": r.reference, "title": r.title, "applicable": applicable(r, tr), "status": r.status, "maturity": r.maturity, "comment": r.comment, "evidence": r.evidence, "requirements": r.requirements, "actions": actions_text(r) })
}

fn pdf_chapter(c: &ChapterView) -> serde_json::Value {
    let t = &c.tally;
    serde_json::json!([c.title, t.assessable.to_string(), t.answered().to_string(), c.percent, c.maturity])
}

/// The PDF's data: cover, progress per chapter, the statement and the gaps.
fn soa_data(
    (a, fw, org): (&store::Assessment, &Framework, &str),
    s: &Summary,
    (rows, gaps): (&[&AnswerRow], &[&AnswerRow]),
    tr: &Tr,
    by: &str,
) -> serde_json::Value {
    let en = english(tr);
    serde_json::json!({
        "lang": if en { "en" } else { "sv" },
        "title": tr.t("fw-soa-title"),
        "subtitle": format!("{} – {} ({})", a.title, fw.title(en), fw.version),
        "stamp": tr.ts("pdf-stamp", "date", &crate::platform::clock::today_text()),
        "cover_lines": [org, a.scope.clone().unwrap_or_default(), tr.ts("pdf-printed-by", "name", by)],
        "marking": tr.t("pdf-marking-internal"),
        "intro": tr.t("fw-soa-intro"),
        "chapters": s.chapters.iter().chain(std::iter::once(&s.total)).map(pdf_chapter).collect::<Vec<_>>(),
        "rows": rows.iter().map(|r| pdf_row(r, tr)).collect::<Vec<_>>(),
        "gaps": gaps.iter().map(|r| pdf_row(r, tr)).collect::<Vec<_>>(),
        "labels": labels(tr, &[("progress", "fw-progress"), ("chapter", "fw-chapter"), ("assessable", "fw-assessable"), ("answered", "fw-answered-col"), ("fulfilment", "fw-fulfilment"), ("maturity_mean", "fw-maturity-mean"), ("soa", "fw-soa"), ("ref", "fw-ref"), ("requirement", "fw-requirement"), ("applicable", "fw-soa-applicable"), ("status", "fw-status"), ("maturity", "fw-maturity"), ("comment", "fw-comment"), ("evidence", "fw-evidence"), ("linked", "fw-linked-requirements"), ("actions", "fw-actions"), ("gaps", "fw-gaps"), ("no_gaps", "fw-no-gaps")]),
    })
}

/// The statement of applicability and the gap list, as PDF or as an Excel workbook.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let mut s = summarise(&state, &user, &a, &fw, &tr).await?;
    let files = crate::services::frameworks::evidence::names(&state.db.pool, user.org_id, a.id).await?;
    add_files(&mut s.rows, &files, &tr);
    let stem = format!("{}-{}", text::file_stem(&tr.t("fw-soa-file")), text::file_stem(&a.title));
    let rows: Vec<&AnswerRow> = s.rows.iter().filter(|r| r.assessable).collect();
    let gaps: Vec<&AnswerRow> = rows.iter().copied().filter(|r| r.is_gap()).collect();
    match file.as_str() {
        "soa.xlsx" => Ok(download_xlsx(soa_workbook(&s, &rows, &gaps, &tr)?, &stem)),
        "soa.pdf" => {
            let org = crate::store::orgs::get(&state.db.pool, user.org_id).await?.ok_or(AppError::NotFound)?;
            let data = soa_data((&a, &fw, &org.name), &s, (&rows, &gaps), &tr, &user.display_name);
            Ok(download_pdf(pdf(beredd_render::Document::Assessment, data).await?, &stem))
        }
        _ => Err(AppError::NotFound),
    }
}
