//! The list of plans with where each stands, and the recent binder prints.

use super::*;

pub struct PlanRow {
    pub id: i64,
    pub name: String,
    pub units: String,
    pub status: String,
    pub review: String,
    pub review_overdue: bool,
    pub binder: String,
    pub binder_stale: bool,
}

pub struct PrintRow {
    pub scope: String,
    pub by: String,
    pub at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub rows: Vec<PlanRow>,
    pub may_create: bool,
    pub units: Vec<Choice>,
    pub prints: Vec<PrintRow>,
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.t("plans-title");
    let today = crate::platform::clock::today();
    let rows = standings(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .map(|(p, s)| PlanRow {
            id: p.id,
            units: unit_names(&lk, &p.unit_ids),
            status: status_text(&ctx.tr, &s),
            review: p.review_due.map(|d| d.to_string()).unwrap_or_default(),
            review_overdue: s.review_overdue(&p, today),
            binder: binder_text(&ctx.tr, &s),
            binder_stale: s.binder_stale(),
            name: p.name,
        })
        .collect();
    let prints = plans::prints(&state.db.pool, user.org_id, 10)
        .await?
        .into_iter()
        .map(|p| PrintRow { scope: p.scope_name, by: p.printed_by, at: p.printed_at.shown_minute() })
        .collect();
    let mut units = vec![Choice { value: String::new(), label: ctx.tr.t("binder-whole-org"), depth: 0 }];
    units.extend(lk.unit_choices(None));
    Ok(ListPage { rows, may_create: user.role.edits_all_content() || !user.granted.is_empty(), units, prints, ctx })
}
