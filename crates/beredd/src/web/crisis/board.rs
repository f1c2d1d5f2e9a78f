//! The status board: each area's items and their state ("is it done?"), updated live.

use super::*;
use crate::services::crisis::board::{Counts, Filter};
use crate::services::crisis::board_state;

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
    pub counts: Counts,
    pub open: bool,
    pub sections: Vec<SectionView>,
}

/// A filter link above the board: (href, label, count, current).
pub struct FilterLink {
    pub href: String,
    pub label: String,
    pub count: i64,
    pub current: bool,
    /// The total the link counts, for the live updates ("problem" or nothing).
    pub live: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/board.html")]
pub struct BoardPage {
    pub ctx: Ctx,
    pub h: Head,
    pub areas: Vec<AreaView>,
    pub totals: Counts,
    pub filters: Vec<FilterLink>,
    /// What the current filter shows when it shows nothing.
    pub filter_none: Option<String>,
    /// What the current filter keeps, when that needs saying.
    pub filter_note: Option<String>,
    /// The filter that is on ("problems", "mine" or nothing): the live updates then say when a
    /// hidden item changes, and a state button without JavaScript comes back to it.
    pub show: &'static str,
    pub states: Vec<(String, String)>,
    /// The log entry form on the board: kind, text, who decided and on what grounds.
    pub log_fields: Vec<Field>,
    /// The reporting duties with their deadlines, in Swedish time.
    pub deadlines: Vec<super::reports::DeadlineView>,
}

impl BoardPage {
    /// The label of a state, in the page's language.
    pub fn state_name(&self, code: &str) -> String {
        self.states.iter().find(|(c, _)| c == code).map(|(_, l)| l.clone()).unwrap_or_default()
    }
}

fn area_view(tr: &Tr, a: crate::services::crisis::board::Area) -> AreaView {
    let item = |it: incidents::BoardItem| ItemView {
        id: it.id,
        who: who(tr, &it.updated_by, it.updated_at.map(crate::platform::clock::Stamp::shown_minute)),
        state_label: BoardState::parse(&it.state).map(|s| tr.t(s.label_id())).unwrap_or_else(|_| it.state.clone()),
        label: it.label,
        state: it.state,
    };
    AreaView {
        name: a.name,
        counts: a.counts,
        open: a.open,
        sections: a
            .sections
            .into_iter()
            .map(|s| SectionView { name: s.name, items: s.items.into_iter().map(item).collect() })
            .collect(),
    }
}

/// The links above the board: all, the problems, the person's own; each with its count.
fn filter_links(tr: &Tr, incident: i64, b: &crate::services::crisis::board::Board, filter: Filter) -> Vec<FilterLink> {
    let base = format!("/incidents/{incident}");
    [
        (Filter::All, "board-filter-all", b.totals.total, ""),
        (Filter::Problems, "board-filter-problems", b.totals.problem, "problem"),
        (Filter::Mine, "board-filter-mine", b.mine, ""),
    ]
    .into_iter()
    .map(|(f, label, count, live)| FilterLink {
        href: if f == Filter::All { base.clone() } else { format!("{base}?show={}", f.code()) },
        label: tr.t(label),
        count,
        current: f == filter,
        live,
    })
    .collect()
}

/// What a filter shows when it shows nothing, and what it keeps when that needs saying.
fn filter_texts(tr: &Tr, filter: Filter) -> (Option<String>, Option<String>) {
    let none = match filter {
        Filter::All => None,
        Filter::Problems => Some(tr.t("board-filter-none-problems")),
        Filter::Mine => Some(tr.t("board-filter-none-mine")),
    };
    (none, (filter == Filter::Mine).then(|| tr.t("board-filter-mine-hint")))
}

/// The log entry form on the board, an event by default.
fn board_log_fields(tr: &Tr) -> Vec<Field> {
    let mut log_form = FormData::default();
    log_form.set("kind", LogKind::Event.code());
    let kinds = [LogKind::Event, LogKind::Decision, LogKind::Information, LogKind::Task];
    super::log::entry_fields(&log_form, &Errors::default(), tr, &kinds)
}

pub async fn board(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<BoardPage, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let items = incidents::board(&state.db.pool, h.i.key()).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", h.i.title.clone());
    ctx.set_flash(q.get("msg").map(String::as_str));
    match q.get("msg").map(String::as_str) {
        Some("created") => ctx.flash = Some(ctx.tr.t("flash-incident-started")),
        Some("logged") => ctx.flash = Some(ctx.tr.t("flash-logged")),
        _ => {}
    }
    let tr = &ctx.tr;
    let filter = Filter::parse(q.get("show").map(String::as_str));
    let opened = q.get("open").and_then(|o| o.parse::<i64>().ok());
    let b = crate::services::crisis::board::arrange(items, filter, &user.display_name, opened);
    let filters = filter_links(tr, h.i.id, &b, filter);
    let areas = b.areas.into_iter().map(|a| area_view(tr, a)).collect();
    let (filter_none, filter_note) = filter_texts(tr, filter);
    let states = BoardState::ALL.iter().map(|s| (s.code().to_owned(), tr.t(s.label_id()))).collect();
    let log_fields = board_log_fields(tr);
    let mut conn = state.db.pool.acquire().await?;
    let deadlines = super::reports::deadlines(tr, &crate::services::crisis::reporting::load(&mut conn, &h.i).await?);
    Ok(BoardPage {
        ctx,
        h,
        areas,
        totals: b.totals,
        filters,
        filter_none,
        filter_note,
        show: filter.code(),
        states,
        log_fields,
        deadlines,
    })
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
    let m = board_state::set(&state.db, user.org_id, &tr, h.i.key(), item, new, &user.display_name).await?;
    let data = json!({
        "id": item,
        "state": new.code(),
        "state_label": tr.t(new.label_id()),
        "who": who(&tr, &Some(user.display_name.clone()), Some(short(&m.recorded_at))),
        "area": m.item.area,
        "counts": m.area_counts,
        "totals": m.totals,
    });
    state.live.publish(h.i.id, "board", data.to_string());
    if headers.get("accept").and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/json")) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    // Without JavaScript: back to the same view of the board, the item's plan open.
    let show = match Filter::parse(Some(form.text("show"))) {
        Filter::All => String::new(),
        f => format!("show={}&", f.code()),
    };
    Ok(Redirect::to(&format!("/incidents/{}?{show}open={item}#item-{item}", h.i.id)).into_response())
}

/// The board's live updates as server-sent events. A stream ends when its session is no longer
/// valid (logout, deactivation, password change, expiry): checked at each event and every
/// `SESSION_CHECK`, so a dismissed user's open tab stops receiving the board (security review F8).
/// When the server stops, the stream ends with a `shutdown` event (the page says the server is
/// restarting, and its `EventSource` connects again).
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
    let start = Listening {
        rx,
        tick,
        pool: state.db.pool.clone(),
        session: user.session_id,
        _slot: slot,
        closing: Some(state.live.closing()),
    };
    Ok(Sse::new(updates(start)).keep_alive(KeepAlive::default()).into_response())
}

/// The events of one open board until its session ends, its channel closes, or the server stops
/// (then a last `shutdown` event).
fn updates(start: Listening) -> impl futures_util::Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold(start, |mut l| async move {
        loop {
            let closing = l.closing.as_mut()?;
            let event = tokio::select! {
                got = l.rx.recv() => match got {
                    Ok((event, data)) => Event::default().event(event).data(data),
                    // Too far behind: tell the page to load itself again.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => Event::default().event("reload").data(""),
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                },
                () = async { let _ = closing.wait_for(|stopping| *stopping).await; } => {
                    // The last event; the next turn ends the stream.
                    l.closing = None;
                    return Some((Ok::<Event, Infallible>(Event::default().event("shutdown").data("")), l));
                }
                _ = l.tick.tick() => {
                    if !crate::store::sessions::still_valid(&l.pool, l.session).await.unwrap_or(false) {
                        return None;
                    }
                    continue;
                }
            };
            if !crate::store::sessions::still_valid(&l.pool, l.session).await.unwrap_or(false) {
                return None;
            }
            return Some((Ok::<Event, Infallible>(event), l));
        }
    })
}

/// What an open board stream holds: its channel, its session check, its place in the count, and
/// the signal that the server is stopping (none once the stream has been told).
struct Listening {
    rx: tokio::sync::broadcast::Receiver<crate::web::live::Message>,
    tick: tokio::time::Interval,
    pool: sqlx::AnyPool,
    session: i64,
    _slot: crate::web::live::Slot,
    closing: Option<tokio::sync::watch::Receiver<bool>>,
}
