//! The outage answer as an Excel workbook, like the other lists: what was asked and the three
//! headline numbers, the affected activities with what to do instead, and the affected systems.

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;

use super::outage::{Row, asked, category_choices, choice_groups, duration_choices, results};
use crate::platform::i18n::Tr;
use crate::services::continuity::scenarios::{self, Params, Run};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::classification::reports::{Sheet, download_xlsx, workbook_sheets};
use crate::web::error::AppError;
use crate::web::forms::FormData;

/// What the answer warns of for an activity: the gap, and a routine that must outlast the
/// activity's tolerance.
fn warnings(r: &Row, tr: &Tr) -> String {
    let gap = r.gap.then(|| tr.t("outage-gap"));
    gap.into_iter().chain(r.routine_long.clone()).collect::<Vec<_>>().join("\n")
}

fn activity_row(r: &Row, tr: &Tr) -> Vec<String> {
    vec![
        r.name.clone(),
        r.state.clone(),
        r.criticality.clone(),
        r.mtpd.clone(),
        r.consequence.clone(),
        warnings(r, tr),
        r.fallbacks.join("\n"),
        r.chain.clone(),
    ]
}

/// The sheets of one run's answer.
fn sheets(run: &Run, tr: &Tr) -> Vec<Sheet> {
    let chosen: Vec<&str> = run.params.fail.iter().map(String::as_str).collect();
    let groups = choice_groups(&run.model, &chosen, tr);
    let question = asked(&groups, &category_choices(&run.params, tr), &duration_choices(&run.params, tr), tr);
    let r = results(&run.model, &run.findings, &run.bias, run.params.hours, tr);
    let mut summary = vec![vec![question]];
    summary.extend(r.counts.iter().map(|(n, label, _)| vec![format!("{n} {label}")]));
    let h = |ids: &[&str]| ids.iter().map(|id| tr.t(id)).collect::<Vec<_>>();
    let activity_header = h(&[
        "outage-xlsx-activity",
        "outage-xlsx-state",
        "outage-xlsx-criticality",
        "outage-mtpd",
        "outage-consequence",
        "outage-xlsx-warning",
        "outage-xlsx-instead",
        "outage-chain",
    ]);
    vec![
        (tr.t("outage-result"), h(&["outage-result"]), vec![90.0], summary),
        (
            tr.t("outage-activities"),
            activity_header,
            vec![32.0, 24.0, 18.0, 16.0, 18.0, 40.0, 60.0, 40.0],
            r.activities.iter().map(|a| activity_row(a, tr)).collect(),
        ),
        (
            tr.t("outage-systems"),
            h(&["outage-xlsx-system", "outage-xlsx-state", "outage-chain"]),
            vec![32.0, 24.0, 40.0],
            r.systems.iter().map(|s| vec![s.name.clone(), s.state.clone(), s.chain.clone()]).collect(),
        ),
    ]
}

/// `GET /outage/export.xlsx` with the page's own query: the answer it shows, as a workbook.
pub async fn export(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<Response, AppError> {
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let wanted = Params::asked(&q.all("fail"), &q.all("category"), q.get("hours"));
    let saved = q.get("scenario").and_then(|s| s.parse::<i64>().ok());
    let run = scenarios::run(&state.db, user.org_id, saved, wanted).await?.ok_or(AppError::NotFound)?;
    if !run.ran() {
        return Err(AppError::NotFound);
    }
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let stem =
        format!("{}-{}", beredd_domain::text::file_stem(&tr.t("outage-file")), crate::platform::clock::today_text());
    Ok(download_xlsx(workbook_sheets(&sheets(&run, &tr))?, &stem))
}
