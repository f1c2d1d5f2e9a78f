//! The sections that follow the work up: the largest risks, the action plan, and how far the
//! staff have confirmed reading the steering documents. The registers keep these only as they
//! stand today (a risk's new assessment replaces the old one, an action keeps no date of being
//! done, a confirmation counts for the version read), so they are not compared with last year.

use beredd_domain::{ActionStatus, Role};

use super::{Comparison, Item, Section, figure, sentence};
use crate::platform::clock::Day;
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::attention::action_overdue;
use crate::services::governance::reading::{self, Viewer};
use crate::services::risks::{self as risk_service, register};
use crate::store::actions;

/// How many of the largest risks the review lists.
const RISKS_SHOWN: usize = 5;
/// How many overdue actions the review lists.
const OVERDUE_SHOWN: usize = 10;

/// The risks by their level after the existing measures, and the largest of them.
pub async fn risks(pool: &sqlx::AnyPool, tr: &Tr, org: i64) -> Result<Section, DbError> {
    let scales = risk_service::scales(pool, org, tr).await?;
    let all = register::entries(pool, org, &scales, &register::Filter::default()).await?;
    let at = |code: &str| all.iter().filter(|e| e.residual_level.code() == code).count();
    let (critical, high) = (at("critical"), at("high"));
    let items =
        all.iter()
            .take(RISKS_SHOWN)
            .map(|e| {
                let level = tr.t(&format!("risk-level-{}", e.residual_level.code()));
                Item::line(tr.args(
                    "review-item-risk",
                    &[("threat", &e.risk.threat), ("analysis", &e.analysis), ("level", &level)],
                ))
            })
            .collect();
    let figures = vec![
        figure("review-fig-risks", all.len(), None),
        figure("review-fig-risks-critical", critical, None),
        figure("review-fig-risks-high", high, None),
        figure("review-fig-risks-medium", at("medium"), None),
        figure("review-fig-risks-low", at("low"), None),
    ];
    let summary = vec![sentence(
        "review-sum-risks",
        &[("serious", (critical + high).to_string()), ("all", all.len().to_string())],
        None,
    )];
    Ok(Section {
        key: "risks",
        figures,
        summary,
        items,
        comparison: Comparison::NotPossible("review-why-risks"),
        today_only: true,
    })
}

/// The action plan: done, open and overdue, and the overdue ones by their due date.
pub async fn actions(pool: &sqlx::AnyPool, tr: &Tr, org: i64, today: Day) -> Result<Section, DbError> {
    let all = actions::list(pool, org).await?;
    let done = all.iter().filter(|a| a.status == ActionStatus::Done).count();
    let open = all.iter().filter(|a| a.status.is_open()).count();
    let mut overdue: Vec<&actions::Action> = all.iter().filter(|a| action_overdue(a, today)).collect();
    overdue.sort_by_key(|a| a.due_date);
    let items = overdue
        .iter()
        .take(OVERDUE_SHOWN)
        .map(|a| {
            let due = a.due_date.map(|d| d.to_string()).unwrap_or_default();
            Item::line(tr.args("review-item-action-overdue", &[("title", &a.title), ("due", &due)]))
        })
        .collect();
    let figures = vec![
        figure("review-fig-actions", all.len(), None),
        figure("review-fig-actions-done", done, None),
        figure("review-fig-actions-open", open, None),
        figure("review-fig-actions-overdue", overdue.len(), None),
    ];
    let summary = vec![sentence(
        "review-sum-actions",
        &[("done", done.to_string()), ("all", all.len().to_string()), ("overdue", overdue.len().to_string())],
        None,
    )];
    Ok(Section {
        key: "actions",
        figures,
        summary,
        items,
        comparison: Comparison::NotPossible("review-why-actions"),
        today_only: true,
    })
}

/// The steering documents in force, those due for review, and how many of the staff they apply
/// to have confirmed reading the current version.
pub async fn reading(pool: &sqlx::AnyPool, tr: &Tr, org: i64, today: Day) -> Result<Section, DbError> {
    let reg = reading::load_from(pool, org).await?;
    // The whole organisation, as those who edit all content see it.
    let everyone = Viewer { role: Role::Coordinator, granted: &[], person: None };
    let in_force: Vec<_> = reg.docs.iter().filter(|d| d.current.is_some()).collect();
    let (mut read, mut expected) = (0, 0);
    let mut items = Vec::new();
    for d in &in_force {
        let (r, all) = reg.coverage(d, &everyone);
        read += r;
        expected += all;
        let args = [("title", d.doc.title.as_str()), ("read", &r.to_string()), ("all", &all.to_string())];
        items.push(Item::line(tr.args("review-item-document", &args)));
    }
    let to_review = reg.to_review(&everyone, today).len();
    let figures = vec![
        figure("review-fig-documents", in_force.len(), None),
        figure("review-fig-documents-review", to_review, None),
        figure("review-fig-read", read, None),
        figure("review-fig-read-expected", expected, None),
    ];
    let percent = (read * 100).checked_div(expected).unwrap_or(0);
    let summary = if expected == 0 {
        vec![sentence("review-sum-reading-none", &[("documents", in_force.len().to_string())], None)]
    } else {
        vec![sentence(
            "review-sum-reading",
            &[("read", read.to_string()), ("all", expected.to_string()), ("percent", percent.to_string())],
            None,
        )]
    };
    Ok(Section {
        key: "reading",
        figures,
        summary,
        items,
        comparison: Comparison::NotPossible("review-why-reading"),
        today_only: true,
    })
}

/// How far the staff have taken the training they must (the register of training): required
/// and done over every course, per course; last year's counted from the completions dated by
/// then, against today's staff.
pub async fn training(
    pool: &sqlx::AnyPool,
    tr: &Tr,
    org: i64,
    as_of: crate::platform::clock::Day,
    previous_end: crate::platform::clock::Day,
) -> Result<Section, DbError> {
    let now = crate::services::governance::training::coverage(pool, org, as_of).await?;
    let before = crate::services::governance::training::coverage(pool, org, previous_end).await?;
    let sum = |c: &[crate::services::governance::training::Coverage]| {
        (c.iter().map(|x| x.required).sum::<usize>(), c.iter().map(|x| x.done).sum::<usize>())
    };
    let ((required, done), (required_before, done_before)) = (sum(&now), sum(&before));
    let mut courses: Vec<(i64, String, usize, usize)> = Vec::new();
    for c in &now {
        match courses.iter_mut().find(|(id, ..)| *id == c.course_id) {
            Some(row) => {
                row.2 += c.required;
                row.3 += c.done;
            }
            None => courses.push((c.course_id, c.course.clone(), c.required, c.done)),
        }
    }
    let items =
        courses
            .iter()
            .map(|(_, name, req, d)| {
                Item::line(tr.args(
                    "review-item-training",
                    &[("course", name), ("done", &d.to_string()), ("all", &req.to_string())],
                ))
            })
            .collect();
    let figures = vec![
        figure("review-fig-courses", courses.len(), None),
        figure("review-fig-training-required", required, Some(required_before)),
        figure("review-fig-training-done", done, Some(done_before)),
    ];
    // Rounded down, as the training page does: 99.5 % is not all done.
    let percent = beredd_domain::training::percent(done, required).unwrap_or(0);
    let summary = if required == 0 {
        vec![sentence("review-sum-training-none", &[("courses", courses.len().to_string())], None)]
    } else {
        vec![sentence(
            "review-sum-training",
            &[("done", done.to_string()), ("all", required.to_string()), ("percent", percent.to_string())],
            Some(done as i64 - done_before as i64),
        )]
    };
    Ok(Section {
        key: "training",
        figures,
        summary,
        items,
        comparison: Comparison::Counted { note: Some("review-note-training") },
        today_only: false,
    })
}
