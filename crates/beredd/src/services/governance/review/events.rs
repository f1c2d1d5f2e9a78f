//! The sections of what happened in the year: the incidents and exercises with their lessons, and
//! the duties to report incidents (to MCF under the cybersecurity act, to IMY under GDPR) and
//! whether they were met in time. Both have dates, so last year is counted the same way.

use beredd_domain::reporting::Clock;

use super::{Comparison, Item, Section, figure, in_year, sentence};
use crate::platform::clock;
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::crisis::reporting;
use crate::store::incidents::{self, Incident};

/// The incidents and exercises that became known in `year`, oldest first.
fn of_year(all: &[Incident], year: i64) -> Vec<&Incident> {
    let mut out: Vec<&Incident> = all.iter().filter(|i| in_year(&i.discovered_at, year)).collect();
    out.sort_by(|a, b| a.discovered_at.cmp(&b.discovered_at));
    out
}

#[derive(Default)]
struct Happened {
    incidents: usize,
    exercises: usize,
    lessons: usize,
    actions: usize,
    /// Each incident or exercise with its lessons.
    items: Vec<Item>,
}

async fn happened(conn: &mut sqlx::AnyConnection, tr: &Tr, all: &[Incident], year: i64) -> Result<Happened, DbError> {
    let mut h = Happened::default();
    for i in of_year(all, year) {
        let lessons = incidents::lessons(&mut *conn, i.key()).await?;
        let exercise = i.exercise.get();
        if exercise {
            h.exercises += 1;
        } else {
            h.incidents += 1;
        }
        h.lessons += lessons.len();
        h.actions += lessons.iter().filter(|l| l.action_id.is_some()).count();
        let kind = if exercise { "review-item-exercise" } else { "review-item-incident" };
        let text = tr.args(kind, &[("title", &i.title), ("date", &clock::shown_day(&i.discovered_at))]);
        let details = lessons
            .iter()
            .map(|l| {
                let line = format!("{}: {}", tr.t(l.kind.label_id()), l.text);
                if l.action_id.is_some() { format!("{line} ({})", tr.t("review-item-lesson-action")) } else { line }
            })
            .collect();
        h.items.push(Item { text, details });
    }
    Ok(h)
}

/// The incidents and exercises of the year and the lessons drawn from them; the same for last
/// year.
pub async fn exercises(pool: &sqlx::AnyPool, tr: &Tr, org: i64, year: i64) -> Result<Section, DbError> {
    let mut conn = pool.acquire().await?;
    let all = incidents::list(&mut conn, org).await?;
    let now = happened(&mut conn, tr, &all, year).await?;
    let then = happened(&mut conn, tr, &all, year - 1).await?;
    let figures = vec![
        figure("review-fig-incidents", now.incidents, Some(then.incidents)),
        figure("review-fig-exercises", now.exercises, Some(then.exercises)),
        figure("review-fig-lessons", now.lessons, Some(then.lessons)),
        figure("review-fig-lesson-actions", now.actions, Some(then.actions)),
    ];
    let summary = vec![
        sentence(
            "review-sum-exercises",
            &[
                ("incidents", now.incidents.to_string()),
                ("exercises", now.exercises.to_string()),
                ("year", year.to_string()),
            ],
            None,
        ),
        sentence(
            "review-sum-exercises-before",
            &[("incidents", then.incidents.to_string()), ("exercises", then.exercises.to_string())],
            None,
        ),
        sentence(
            "review-sum-lessons",
            &[("lessons", now.lessons.to_string()), ("actions", now.actions.to_string())],
            None,
        ),
    ];
    Ok(Section {
        key: "exercises",
        figures,
        summary,
        items: now.items,
        comparison: Comparison::Counted { note: None },
        today_only: false,
    })
}

#[derive(Default)]
struct Duties {
    all: usize,
    on_time: usize,
    late: usize,
    missed: usize,
    open: usize,
    /// The duties sent late or not sent past their deadline, in words.
    items: Vec<Item>,
}

async fn duties(conn: &mut sqlx::AnyConnection, tr: &Tr, all: &[Incident], year: i64) -> Result<Duties, DbError> {
    let mut d = Duties::default();
    for i in of_year(all, year).into_iter().filter(|i| !i.exercise.get()) {
        let r = reporting::load(&mut *conn, i).await?;
        for s in &r.duties {
            d.all += 1;
            let what = match s.clock {
                Clock::Sent { late: false, .. } => {
                    d.on_time += 1;
                    None
                }
                Clock::Sent { late: true, .. } => {
                    d.late += 1;
                    Some("review-item-duty-late")
                }
                Clock::Overdue { .. } => {
                    d.missed += 1;
                    Some("review-item-duty-missed")
                }
                Clock::Running { .. } | Clock::Waiting | Clock::Requested => {
                    d.open += 1;
                    None
                }
            };
            if let Some(id) = what {
                let args = [("incident", i.title.as_str()), ("duty", &tr.t(s.duty.label_id()))];
                d.items.push(Item::line(tr.args(id, &args)));
            }
        }
    }
    Ok(d)
}

/// The reporting duties of the year's incidents: how many were met in time, late, or not at all;
/// the same for last year.
pub async fn reporting(pool: &sqlx::AnyPool, tr: &Tr, org: i64, year: i64) -> Result<Section, DbError> {
    let mut conn = pool.acquire().await?;
    let all = incidents::list(&mut conn, org).await?;
    let now = duties(&mut conn, tr, &all, year).await?;
    let then = duties(&mut conn, tr, &all, year - 1).await?;
    let figures = vec![
        figure("review-fig-duties", now.all, Some(then.all)),
        figure("review-fig-duties-on-time", now.on_time, Some(then.on_time)),
        figure("review-fig-duties-late", now.late, Some(then.late)),
        figure("review-fig-duties-missed", now.missed, Some(then.missed)),
        figure("review-fig-duties-open", now.open, Some(then.open)),
    ];
    let summary = if now.all == 0 {
        vec![sentence("review-sum-reporting-none", &[("year", year.to_string())], None)]
    } else {
        vec![sentence(
            "review-sum-reporting",
            &[("on_time", now.on_time.to_string()), ("all", now.all.to_string())],
            None,
        )]
    };
    Ok(Section {
        key: "reporting",
        figures,
        summary,
        items: now.items,
        comparison: Comparison::Counted { note: None },
        today_only: false,
    })
}
