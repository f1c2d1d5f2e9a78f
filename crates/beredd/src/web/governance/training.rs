//! Training: the overview (the courses with their coverage, the user's own standing, coverage per
//! unit and who has training to do), and what the other training pages share. A course's page
//! and its completions are `training_course`, the form `training_form`, a unit's page and the
//! Excel list `training_units`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use beredd_domain::training::Standing;

use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::governance::training::{self, CourseView, Coverage, Registry, Status, Viewer};
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::Query_;

/// The registry of courses and the person the user is in the register.
pub(super) async fn load(state: &AppState, user: &CurrentUser) -> Result<(Registry, Option<i64>), AppError> {
    let reg = training::load(&state.db, user.org_id).await?;
    Ok((reg, users::person_of(&state.db.pool, user.id).await?))
}

pub(super) fn viewer(user: &CurrentUser, person: Option<i64>) -> Viewer<'_> {
    Viewer { role: user.role, granted: &user.granted, person }
}

/// Whether the user records training and sees whom it is due for: those who edit all content and
/// unit managers (for their units).
pub(super) fn records(user: &CurrentUser) -> bool {
    user.role.edits_all_content() || user.role == beredd_domain::Role::UnitManager
}

/// A standing in words, with the class that colours it.
pub(super) fn standing_text(s: Standing, tr: &Tr) -> (&'static str, String) {
    let day = |d: i64| clock::Day::from_number(d).map(|d| d.to_string()).unwrap_or_default();
    match s {
        Standing::Missing => ("state-down", tr.t("training-missing")),
        Standing::Expired { due } => ("state-down", tr.ts("training-expired", "date", &day(due))),
        Standing::DueSoon { due } => ("state-degraded", tr.ts("training-due-soon", "date", &day(due))),
        Standing::Done { until: Some(u) } => ("state-working", tr.ts("training-valid-until", "date", &day(u))),
        Standing::Done { until: None } => ("state-working", tr.t("training-done")),
    }
}

/// How often a course recurs, in words.
pub(super) fn every_text(every: Option<i64>, tr: &Tr) -> String {
    match every {
        Some(n) => tr.tn("training-every", n),
        None => tr.t("training-once"),
    }
}

/// Whom a course applies to, in words.
pub(super) fn audience_text(reg: &Registry, c: &CourseView, tr: &Tr) -> String {
    use beredd_domain::training::Audience;
    match c.course.audience {
        Audience::AllStaff => tr.t("training-audience-all"),
        Audience::Units => reg
            .units
            .iter()
            .filter(|u| c.unit_ids.contains(&u.id))
            .map(|u| u.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Audience::People => tr.tn("training-audience-people-n", c.person_ids.len() as i64),
    }
}

/// A person's standing with a course, as the tables show it.
pub struct StatusView {
    pub course_id: i64,
    pub course: String,
    pub person_id: i64,
    pub person: String,
    pub unit: String,
    pub class: &'static str,
    pub standing: String,
    pub due: bool,
    /// The last completion: the day, and the exercise it came from (id, title).
    pub last: String,
    pub exercise: Option<(i64, String)>,
}

pub(super) fn status_view(reg: &Registry, s: &Status, tr: &Tr) -> StatusView {
    let (class, standing) = standing_text(s.standing, tr);
    let exercise = s.last.and_then(|d| match &d.source {
        training::Source::Exercise { incident, title } => Some((*incident, title.clone())),
        training::Source::Recorded { .. } => None,
    });
    StatusView {
        course_id: s.course.course.id,
        course: s.course.course.name.clone(),
        person_id: s.person.id,
        person: s.person.name.clone(),
        unit: s.person.unit_id.and_then(|u| reg.unit(u)).map(|u| u.name.clone()).unwrap_or_default(),
        class,
        standing,
        due: s.standing.is_due(),
        last: s.last.map(|d| d.on.to_string()).unwrap_or_default(),
        exercise,
    }
}

/// Coverage as a table: a row per unit, a column per course; a cell is "done of required" and
/// the percentage, or nothing where nobody in the unit must take the course.
pub struct Matrix {
    pub courses: Vec<(i64, String)>,
    pub rows: Vec<MatrixRow>,
}

pub struct MatrixRow {
    pub unit_id: Option<i64>,
    pub unit: String,
    pub cells: Vec<Option<(String, u32)>>,
}

impl Matrix {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

pub(super) fn matrix(reg: &Registry, coverage: &[Coverage], tr: &Tr) -> Matrix {
    let courses: Vec<(i64, String)> = reg
        .courses
        .iter()
        .filter(|c| coverage.iter().any(|x| x.course_id == c.course.id))
        .map(|c| (c.course.id, c.course.name.clone()))
        .collect();
    let mut units: Vec<(Option<i64>, String)> = Vec::new();
    for c in coverage {
        if !units.iter().any(|(u, _)| *u == c.unit_id) {
            units.push((c.unit_id, if c.unit_id.is_some() { c.unit.clone() } else { tr.t("training-no-unit") }));
        }
    }
    units.sort_by_key(|(u, name)| (u.is_none(), beredd_domain::sort::swedish_key(name)));
    let cell = |unit: Option<i64>, course: i64| {
        coverage.iter().find(|x| x.unit_id == unit && x.course_id == course).map(|x| {
            let count = tr.args("training-count", &[("done", &x.done.to_string()), ("all", &x.required.to_string())]);
            (count, x.percent().unwrap_or(0))
        })
    };
    let rows = units
        .into_iter()
        .map(|(unit_id, unit)| MatrixRow {
            unit_id,
            unit,
            cells: courses.iter().map(|(c, _)| cell(unit_id, *c)).collect(),
        })
        .collect();
    Matrix { courses, rows }
}

pub struct CourseRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub every: String,
    pub applies: String,
    pub coverage: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/training.html")]
pub struct OverviewPage {
    pub ctx: Ctx,
    pub courses: Vec<CourseRow>,
    pub mine: Vec<StatusView>,
    pub coverage: Matrix,
    pub due: Vec<StatusView>,
    pub may_edit: bool,
    pub records: bool,
}

/// The courses with their coverage among the people in view.
fn course_rows(reg: &Registry, coverage: &[Coverage], tr: &Tr) -> Vec<CourseRow> {
    reg.courses
        .iter()
        .map(|c| {
            let rows = coverage.iter().filter(|x| x.course_id == c.course.id);
            let (done, all) = rows.fold((0, 0), |(d, a), x| (d + x.done, a + x.required));
            CourseRow {
                id: c.course.id,
                name: c.course.name.clone(),
                kind: tr.t(c.course.kind.label_id()),
                every: every_text(c.course.every_months, tr),
                applies: audience_text(reg, c, tr),
                coverage: tr.args("training-count", &[("done", &done.to_string()), ("all", &all.to_string())]),
            }
        })
        .collect()
}

pub async fn overview(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<OverviewPage, AppError> {
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let mut ctx = Ctx::new(&state, &user, "/governance/training", String::new());
    ctx.title = ctx.tr.t("training-title");
    ctx.set_flash(q.get("msg").map(String::as_str));
    let (tr, today) = (&ctx.tr, clock::today());
    // A unit manager's view is their own units; everyone else sees the whole organisation's.
    let in_view = |p: &crate::store::people::Person| user.role != beredd_domain::Role::UnitManager || reg.sees(&v, p);
    let coverage = reg.coverage(today, in_view);
    let courses = course_rows(&reg, &coverage, tr);
    let statuses = reg.statuses(today, |p| reg.may_record_for(&v, p));
    Ok(OverviewPage {
        courses,
        mine: reg.statuses(today, |p| Some(p.id) == person).iter().map(|s| status_view(&reg, s, tr)).collect(),
        coverage: matrix(&reg, &coverage, tr),
        due: statuses.iter().filter(|s| s.standing.is_due()).map(|s| status_view(&reg, s, tr)).collect(),
        may_edit: user.role.edits_all_content(),
        records: records(&user),
        ctx,
    })
}
