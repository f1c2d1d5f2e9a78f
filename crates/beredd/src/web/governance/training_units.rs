//! A unit's training: its staff (and the staff of the units below it) with every course each must
//! take and where they stand, for those who manage the unit; and the list of who has training to
//! do as Excel, for coordinators and unit managers (their units).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::Response;

use super::training::{Matrix, StatusView, load, matrix, records, status_view, viewer};
use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::classification::reports::{download_xlsx, workbook};
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::parse_id;

#[derive(Template, WebTemplate)]
#[template(path = "governance/training_unit.html")]
pub struct UnitPage {
    pub ctx: Ctx,
    pub coverage: Matrix,
    pub statuses: Vec<StatusView>,
    pub due: i64,
    /// The units in the coverage table open their own page (the user manages them).
    pub records: bool,
}

pub async fn unit(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<UnitPage, AppError> {
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let unit = reg.unit(parse_id(&id)?).ok_or(AppError::NotFound)?;
    user.require(reg.manages(&v, unit.id))?;
    let mut ctx = Ctx::new(&state, &user, "/governance/training", String::new());
    ctx.title = ctx.tr.ts("training-unit-title", "unit", &unit.name);
    let tr = &ctx.tr;
    let today = clock::today();
    let below = |p: &crate::store::people::Person| reg.within(p.unit_id, unit.id);
    let mut statuses: Vec<StatusView> = reg.statuses(today, below).iter().map(|s| status_view(&reg, s, tr)).collect();
    statuses.sort_by(|a, b| (!a.due, &a.person, &a.course).cmp(&(!b.due, &b.person, &b.course)));
    let coverage = matrix(&reg, &reg.coverage(today, below), tr);
    Ok(UnitPage { due: statuses.iter().filter(|s| s.due).count() as i64, coverage, statuses, records: true, ctx })
}

/// Who has training to do, one row per person and course: name, unit, course, what is due.
fn sheet(rows: &[StatusView], tr: &Tr) -> Result<Vec<u8>, AppError> {
    let header: Vec<String> =
        ["training-col-person", "field-unit", "training-col-course", "training-col-standing", "training-col-last"]
            .iter()
            .map(|l| tr.t(l))
            .collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|s| vec![s.person.clone(), s.unit.clone(), s.course.clone(), s.standing.clone(), s.last.clone()])
        .collect();
    workbook(&tr.t("training-sheet"), &header, &[28.0, 30.0, 40.0, 24.0, 14.0], &rows)
}

pub async fn export(user: CurrentUser, State(state): State<AppState>) -> Result<Response, AppError> {
    user.require(records(&user))?;
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let today = clock::today();
    let mut due: Vec<StatusView> = reg
        .statuses(today, |p| reg.may_record_for(&v, p))
        .iter()
        .filter(|s| s.standing.is_due())
        .map(|s| status_view(&reg, s, &tr))
        .collect();
    due.sort_by(|a, b| (&a.unit, &a.person, &a.course).cmp(&(&b.unit, &b.person, &b.course)));
    let stem = format!("{}-{today}", beredd_domain::text::file_stem(&tr.t("training-file")));
    Ok(download_xlsx(sheet(&due, &tr)?, &stem))
}
