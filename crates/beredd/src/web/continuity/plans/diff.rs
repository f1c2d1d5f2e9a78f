//! Two versions of a plan compared line by line.

use super::*;

pub struct DiffRow {
    /// "same", "added" or "removed".
    pub kind: &'static str,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/diff.html")]
pub struct DiffPage {
    pub ctx: Ctx,
    pub id: i64,
    pub numbers: Vec<i64>,
    pub from: i64,
    pub to: i64,
    pub rows: Vec<DiffRow>,
    /// "3 lines added. 1 line removed."
    pub summary: String,
}

/// The section names the diff labels each line with, in the reader's language.
fn section_label(tr: &Tr, key: &str) -> String {
    tr.t(&format!("plan-line-{key}"))
}

pub async fn diff(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<DiffPage, AppError> {
    let id = parse_id(&id)?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let all = plans::versions(&mut *conn, user.org_id, id).await?;
    drop(conn);
    let numbers: Vec<i64> = all.iter().map(|v| v.number).collect();
    let newest = numbers.first().copied().ok_or(AppError::NotFound)?;
    let pick = |k: &str, default: i64| -> Result<i64, AppError> {
        match q.get(k) {
            Some(v) => v.parse::<i64>().ok().filter(|n| numbers.contains(n)).ok_or(AppError::NotFound),
            None => Ok(default),
        }
    };
    let to = pick("to", newest)?;
    let from = pick("from", (to - 1).max(1))?;
    let get = |n: i64| all.iter().find(|v| v.number == n).ok_or(AppError::NotFound);
    let (old, new) = (get(from)?.content()?, get(to)?.content()?);
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
    ctx.title = ctx.tr.ts("plan-diff-title", "name", &plan.name);
    let (a, b) = (old.to_lines(|k| section_label(&ctx.tr, k)), new.to_lines(|k| section_label(&ctx.tr, k)));
    let rows: Vec<DiffRow> = plan::diff(&a, &b)
        .into_iter()
        .map(|d| match d {
            DiffLine::Same(t) => DiffRow { kind: "same", text: t.to_owned() },
            DiffLine::Added(t) => DiffRow { kind: "added", text: t.to_owned() },
            DiffLine::Removed(t) => DiffRow { kind: "removed", text: t.to_owned() },
        })
        .collect();
    let added = rows.iter().filter(|r| r.kind == "added").count();
    let removed = rows.iter().filter(|r| r.kind == "removed").count();
    let summary =
        format!("{} {}", ctx.tr.tn("plan-diff-added", added as i64), ctx.tr.tn("plan-diff-removed", removed as i64));
    Ok(DiffPage { ctx, id, numbers, from, to, rows, summary })
}
