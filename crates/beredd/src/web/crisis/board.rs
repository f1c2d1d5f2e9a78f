//! The status board: each area's items and their state ("is it done?"), updated live.

use super::*;

pub struct ItemView {
    pub id: i64,
    pub label: String,
    pub state: String,
    pub state_label: String,
    pub who: String,
}

pub struct SectionView {
    pub name: String,
    pub items: Vec<ItemView>,
}

pub struct AreaView {
    pub name: String,
    pub summary: String,
    pub sections: Vec<SectionView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/board.html")]
pub struct BoardPage {
    pub ctx: Ctx,
    pub h: Head,
    pub areas: Vec<AreaView>,
    pub states: Vec<(String, String)>,
    /// The reporting duties with their deadlines, in Swedish time.
    pub deadlines: Vec<super::reports::DeadlineView>,
}

pub async fn board(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<BoardPage, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let items = incidents::board(&state.db.pool, h.i.id).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", h.i.title.clone());
    ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("created") {
        ctx.flash = Some(ctx.tr.t("flash-incident-started"));
    }
    let tr = &ctx.tr;
    let mut areas: Vec<AreaView> = Vec::new();
    for it in items {
        if areas.last().is_none_or(|a| a.name != it.area) {
            areas.push(AreaView { name: it.area.clone(), summary: String::new(), sections: Vec::new() });
        }
        let area = areas.last_mut().expect("pushed above");
        if area.sections.last().is_none_or(|s| s.name != it.section) {
            area.sections.push(SectionView { name: it.section.clone(), items: Vec::new() });
        }
        let state_label = BoardState::parse(&it.state).map(|s| tr.t(s.label_id())).unwrap_or_else(|_| it.state.clone());
        area.sections.last_mut().expect("pushed above").items.push(ItemView {
            id: it.id,
            who: who(tr, &it.updated_by, &it.updated_at),
            label: it.label,
            state: it.state,
            state_label,
        });
    }
    for a in &mut areas {
        let all: Vec<&ItemView> = a.sections.iter().flat_map(|s| &s.items).collect();
        let done = all.iter().filter(|i| i.state == "done").count();
        let problems = all.iter().filter(|i| i.state == "problem").count();
        a.summary = format!(
            "{} {}",
            tr.ts("incident-done-of", "counts", &format!("{done}/{}", all.len())),
            if problems > 0 { tr.tn("incident-problems", problems as i64) } else { String::new() }
        );
    }
    let states = BoardState::ALL.iter().map(|s| (s.code().to_owned(), tr.t(s.label_id()))).collect();
    let mut conn = state.db.pool.acquire().await?;
    let deadlines = super::reports::deadlines(tr, &crate::services::crisis::reporting::load(&mut conn, &h.i).await?);
    Ok(BoardPage { ctx, h, areas, states, deadlines })
}

pub async fn set_state(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    headers: HeaderMap,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, _) = head(&state, &user, &id, "board").await?;
    writer(&user, &h)?;
    let item = parse_id(&item)?;
    let new = BoardState::parse(form.text("state")).map_err(|_| AppError::BadRequest("unknown state"))?;
    let mut tx = state.db.begin_write().await?;
    let it = incidents::board_item(&mut *tx, h.i.id, item).await?.ok_or(AppError::NotFound)?;
    incidents::set_board_state(&mut *tx, h.i.id, item, new, &user.display_name).await?;
    let text = tr.ts("incident-log-board", "item", &format!("{} – {}: {}", it.area, it.label, tr.t(new.label_id())));
    let entry = NewEntry::web(LogKind::Status, text, &user.display_name);
    let row = incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    let data = json!({ "id": item, "state": new.code(), "state_label": tr.t(new.label_id()), "who": who(&tr, &Some(user.display_name.clone()), &Some(row.entry.recorded_at.clone())) });
    state.live.publish(h.i.id, "board", data.to_string());
    if headers.get("accept").and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/json")) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    Ok(Redirect::to(&format!("/incidents/{}#item-{item}", h.i.id)).into_response())
}

/// The board's live updates as server-sent events. A stream ends when its session is no longer
/// valid (logout, deactivation, password change, expiry): checked at each event and every
/// `SESSION_CHECK`, so a dismissed user's open tab stops receiving the board (security review F8).
pub async fn events(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let slot = state.live.open_stream(user.id).ok_or(AppError::Busy("error-busy-streams"))?;
    let rx = state.live.sender(h.i.id).subscribe();
    let mut tick = tokio::time::interval(crate::web::live::SESSION_CHECK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.reset();
    let start = (rx, tick, state.db.pool.clone(), user.session_id, slot);
    let stream = futures_util::stream::unfold(start, |(mut rx, mut tick, pool, session, slot)| async move {
        loop {
            let event = tokio::select! {
                got = rx.recv() => match got {
                    Ok((event, data)) => Event::default().event(event).data(data),
                    // Too far behind: tell the page to load itself again.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => Event::default().event("reload").data(""),
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                },
                _ = tick.tick() => {
                    if !crate::store::sessions::still_valid(&pool, session).await.unwrap_or(false) {
                        return None;
                    }
                    continue;
                }
            };
            if !crate::store::sessions::still_valid(&pool, session).await.unwrap_or(false) {
                return None;
            }
            return Some((Ok::<Event, Infallible>(event), (rx, tick, pool, session, slot)));
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()).into_response())
}
