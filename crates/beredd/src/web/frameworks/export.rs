//! The statement of applicability of an assessment, as Excel and as PDF.

use super::*;

/// The statement of applicability and the gap list, as PDF or as an Excel workbook.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let en = english(&tr);
    let mut s = summarise(&state, &user, &a, &fw, &tr).await?;
    let files = crate::store::evidence::for_assessment(&state.db.pool, user.org_id, a.id).await?;
    for r in s.rows.iter_mut() {
        let names: Vec<&str> = files.iter().filter(|f| f.node_id == r.id).map(|f| f.file_name.as_str()).collect();
        if !names.is_empty() {
            let listed = tr.ts("fw-evidence-files", "names", &names.join(", "));
            r.evidence = if r.evidence.is_empty() { listed } else { format!("{}\n{listed}", r.evidence) };
        }
    }
    let stem = format!("{}-{}", text::file_stem(&tr.t("fw-soa-file")), text::file_stem(&a.title));
    let applicable = |r: &AnswerRow| if r.status_code == "na" { tr.t("fw-soa-no") } else { tr.t("fw-soa-yes") };
    let actions_text =
        |r: &AnswerRow| r.actions.iter().map(|(id, t, st)| format!("#{id} {t} ({st})")).collect::<Vec<_>>().join("\n");
    let assessable: Vec<&AnswerRow> = s.rows.iter().filter(|r| r.assessable).collect();
    let gaps: Vec<&AnswerRow> =
        assessable.iter().copied().filter(|r| r.status_code == "no" || r.status_code == "partly").collect();
    match file.as_str() {
        "soa.xlsx" => {
            let header = [
                "fw-ref",
                "fw-requirement",
                "fw-soa-applicable",
                "fw-status",
                "fw-maturity",
                "fw-comment",
                "fw-evidence",
                "fw-linked-requirements",
                "fw-actions",
            ]
            .map(|h| tr.t(h));
            let row = |r: &&AnswerRow| {
                vec![
                    r.reference.clone(),
                    r.title.clone(),
                    applicable(r),
                    r.status.clone(),
                    r.maturity.clone(),
                    r.comment.clone(),
                    r.evidence.clone(),
                    r.requirements.clone(),
                    actions_text(r),
                ]
            };
            let soa: Vec<Vec<String>> = assessable.iter().map(row).collect();
            let gap_rows: Vec<Vec<String>> = gaps.iter().map(row).collect();
            let chapter_header = [
                "fw-chapter",
                "fw-assessable",
                "fw-status-yes",
                "fw-status-partly",
                "fw-status-no",
                "fw-status-na",
                "fw-status-none",
                "fw-fulfilment",
                "fw-maturity-mean",
            ]
            .map(|h| tr.t(h));
            let chapter_rows: Vec<Vec<String>> = s
                .chapters
                .iter()
                .chain(std::iter::once(&s.total))
                .map(|c| {
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
                })
                .collect();
            let widths = [14.0, 50.0, 12.0, 14.0, 10.0, 50.0, 40.0, 20.0, 40.0];
            let bytes = crate::web::classification::reports::workbook_sheets(&[
                (tr.t("fw-soa-sheet"), header.to_vec(), widths.to_vec(), soa),
                (tr.t("fw-gaps-sheet"), header.to_vec(), widths.to_vec(), gap_rows),
                (
                    tr.t("fw-progress-sheet"),
                    chapter_header.to_vec(),
                    vec![50.0, 12.0, 10.0, 10.0, 10.0, 10.0, 12.0, 12.0, 12.0],
                    chapter_rows,
                ),
            ])?;
            Ok(crate::web::classification::reports::download_xlsx(bytes, &stem))
        }
        "soa.pdf" => {
            let row = |r: &AnswerRow| serde_json::json!({ "ref": r.reference, "title": r.title, "applicable": applicable(r), "status": r.status, "maturity": r.maturity, "comment": r.comment, "evidence": r.evidence, "requirements": r.requirements, "actions": actions_text(r) });
            let chapters: Vec<serde_json::Value> = s
                .chapters
                .iter()
                .chain(std::iter::once(&s.total))
                .map(|c| {
                    serde_json::json!([
                        c.title,
                        c.tally.assessable.to_string(),
                        c.tally.answered().to_string(),
                        c.percent,
                        c.maturity
                    ])
                })
                .collect();
            let org = crate::store::orgs::get(&state.db.pool, user.org_id).await?.ok_or(AppError::NotFound)?;
            let data = serde_json::json!({
                "lang": if en { "en" } else { "sv" },
                "title": tr.t("fw-soa-title"),
                "subtitle": format!("{} – {} ({})", a.title, fw.title(en), fw.version),
                "stamp": tr.ts("pdf-stamp", "date", &crate::platform::clock::today_text()),
                "cover_lines": [org.name, a.scope.clone().unwrap_or_default(), tr.ts("pdf-printed-by", "name", &user.display_name)],
                "marking": tr.t("pdf-marking-internal"),
                "intro": tr.t("fw-soa-intro"),
                "chapters": chapters,
                "rows": assessable.iter().map(|r| row(r)).collect::<Vec<_>>(),
                "gaps": gaps.iter().map(|r| row(r)).collect::<Vec<_>>(),
                "labels": crate::web::classification::reports::labels(&tr, &[("progress", "fw-progress"), ("chapter", "fw-chapter"), ("assessable", "fw-assessable"), ("answered", "fw-answered-col"), ("fulfilment", "fw-fulfilment"), ("maturity_mean", "fw-maturity-mean"), ("soa", "fw-soa"), ("ref", "fw-ref"), ("requirement", "fw-requirement"), ("applicable", "fw-soa-applicable"), ("status", "fw-status"), ("maturity", "fw-maturity"), ("comment", "fw-comment"), ("evidence", "fw-evidence"), ("linked", "fw-linked-requirements"), ("actions", "fw-actions"), ("gaps", "fw-gaps"), ("no_gaps", "fw-no-gaps")]),
            });
            Ok(crate::web::classification::reports::download_pdf(
                crate::web::classification::reports::pdf(beredd_render::Document::Assessment, data).await?,
                &stem,
            ))
        }
        _ => Err(AppError::NotFound),
    }
}
