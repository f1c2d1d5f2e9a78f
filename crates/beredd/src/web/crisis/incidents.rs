//! Crisis mode: start an incident, the "is it done?" board built from the affected units'
//! continuity plans with live updates, the log (append-only, hash-chained, corrections point to
//! what they correct), staff reached per unit, and the crisis staff roster.

use std::collections::HashMap;
use std::convert::Infallible;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{BoardState, FieldError, LogKind, StaffRole, text};
use serde_json::json;

use crate::platform::i18n::Tr;
use crate::services::continuity::binder::subtree;
use crate::store::incidents::{self, Incident, NewEntry, Verdict};
use crate::store::{audit, plans};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_, parse_id};

fn short(t: &str) -> String {
    t.get(..16).unwrap_or(t).replace('T', " ")
}

/// The incident and the header every incident page shares.
pub struct Head {
    pub i: Incident,
    pub units: String,
    pub tab: &'static str,
    pub may_write: bool,
}

async fn head(state: &AppState, user: &CurrentUser, id: &str, tab: &'static str) -> Result<(Head, Lookups), AppError> {
    let id = parse_id(id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let i = incidents::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let units = i.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ");
    let may_write = user.role.works_incidents() && i.status == "active";
    Ok((Head { i, units, tab, may_write }, lk))
}

/// The incident and shared header, for the other incident pages.
pub async fn head_for(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    tab: &'static str,
) -> Result<(Head, Lookups), AppError> {
    head(state, user, id, tab).await
}

/// The incident, when the user may write to it.
pub async fn writer_for(state: &AppState, user: &CurrentUser, id: &str) -> Result<Head, AppError> {
    let (h, _) = head(state, user, id, "comms").await?;
    writer(user, &h)?;
    Ok(h)
}

fn writer(user: &CurrentUser, h: &Head) -> Result<(), AppError> {
    user.require(user.role.works_incidents())?;
    if h.i.status != "active" {
        return Err(AppError::BadRequest("the incident is closed"));
    }
    Ok(())
}

// ---- The list and starting one -------------------------------------------------------------

pub struct IncidentRow {
    pub id: i64,
    pub exercise: bool,
    pub title: String,
    pub status: String,
    pub active: bool,
    pub started: String,
    pub units: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub rows: Vec<IncidentRow>,
    pub may_start: bool,
    /// Why an uploaded bundle was refused.
    pub import_error: Option<String>,
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.t("incidents-title");
    let mut conn = state.db.pool.acquire().await?;
    let rows = incidents::list(&mut conn, user.org_id)
        .await?
        .into_iter()
        .map(|i| IncidentRow {
            id: i.id,
            exercise: i.exercise.get(),
            status: if i.status == "active" {
                ctx.tr.t("incident-active")
            } else {
                ctx.tr.ts("incident-closed-at", "date", &short(i.closed_at.as_deref().unwrap_or("")))
            },
            active: i.status == "active",
            started: short(&i.started_at),
            units: i.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", "),
            title: i.title,
        })
        .collect();
    Ok(ListPage { ctx, rows, may_start: user.role.works_incidents(), import_error: None })
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/new.html")]
pub struct FormView {
    pub ctx: Ctx,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub submit: String,
    pub secondary: Option<(String, String)>,
    pub notice: Option<String>,
    /// Saved outage scenarios to start from.
    pub scenarios: Vec<(i64, String)>,
}

fn new_fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("title", tr.t("incident-field-title"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200)
            .hint(tr.t("incident-hint-title")),
        Field::new("what_happened", tr.t("incident-field-what"), FieldKind::TextArea, form, e, tr).maxlength(4000),
        Field::new("discovered_at", tr.t("incident-field-discovered"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(16)
            .hint(tr.t("incident-hint-discovered")),
        Field::new("raised_by", tr.t("incident-field-raised-by"), FieldKind::Text, form, e, tr).maxlength(200),
        Field::new("units", tr.t("incident-field-units"), FieldKind::MultiCheck, form, e, tr)
            .required()
            .choices(lk.unit_choices(None))
            .hint(tr.t("incident-hint-units")),
        Field::new("exercise", tr.t("incident-field-exercise"), FieldKind::Checkbox, form, e, tr)
            .hint(tr.t("incident-hint-exercise")),
        Field::new("participants", tr.t("incident-field-participants"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("incident-hint-participants")),
    ]
}

fn form_view(ctx: Ctx, fields: Vec<Field>) -> FormView {
    let submit = ctx.tr.t("incident-start");
    let FormPage { ctx, action, cancel, fields, error_summary, secondary, notice, .. } =
        FormPage::new(ctx, "/incidents/new".into(), "/incidents".into(), fields);
    FormView { ctx, action, cancel, fields, error_summary, submit, secondary, notice, scenarios: Vec::new() }
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormView, AppError> {
    user.require(user.role.works_incidents())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut form = FormData::default();
    form.set("discovered_at", short(&crate::platform::clock::stamp()));
    // Starting from a saved outage scenario: its name, description and the units it stops.
    let scenarios = crate::store::scenarios::list(&state.db.pool, user.org_id).await?;
    if let Some(s) =
        q.get("scenario").and_then(|s| s.parse::<i64>().ok()).and_then(|id| scenarios.iter().find(|s| s.id == id))
    {
        let model = crate::services::continuity::outage::Model::load(&state.db.pool, user.org_id).await?;
        let acts = crate::store::activities::list(&state.db.pool, user.org_id).await?;
        form.set("title", s.name.clone());
        form.set("what_happened", s.description.clone().unwrap_or_default());
        for u in crate::web::continuity::outage::affected_units(&model, s, &acts) {
            form.push("units", u.to_string());
        }
    }
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new());
    ctx.title = ctx.tr.t("incident-new");
    let fields = new_fields(&form, &Errors::default(), &lk, &ctx.tr);
    let mut view = form_view(ctx, fields);
    view.scenarios = scenarios.iter().map(|s| (s.id, s.name.clone())).collect();
    Ok(view)
}

/// "YYYY-MM-DD HH:MM" (or with a T) as stored time, UTC.
pub fn parse_time(input: &str) -> Result<String, FieldError> {
    let s = input.trim().replace('T', " ");
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    let t = time::PrimitiveDateTime::parse(&s, &fmt).map_err(|_| FieldError::Date)?;
    Ok(format!("{}T{:02}:{:02}:00Z", t.date(), t.hour(), t.minute()))
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let what = e.take("what_happened", text::optional_text(form.text("what_happened"), 4000));
    let discovered = e.take("discovered_at", parse_time(form.text("discovered_at")));
    let raised_by = e.take("raised_by", text::optional_line(form.text("raised_by"), 200));
    let exercise = form.checked("exercise");
    let participants = e.take("participants", text::optional_text(form.text("participants"), 4000));
    let mut units: Vec<i64> = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|u| lk.unit(*u).is_some()) {
            Some(u) => units.push(u),
            None => e.add("units", FieldError::Missing),
        }
    }
    if units.is_empty() {
        e.add("units", FieldError::Required);
    }
    if !e.is_empty() {
        let mut ctx = Ctx::new(&state, &user, "/incidents", String::new());
        ctx.title = ctx.tr.t("incident-new");
        let fields = new_fields(&form, &e, &lk, &ctx.tr);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, form_view(ctx, fields)).into_response());
    }
    // The board: every step of the fallback routines of the approved plans of the affected units.
    let covered: Vec<i64> = units.iter().flat_map(|u| subtree(&lk.units, *u)).collect();
    let mut conn = state.db.pool.acquire().await?;
    let all_plans = plans::list(&mut conn, user.org_id).await?;
    let approved = plans::approved_all(&mut *conn, user.org_id).await?;
    drop(conn);
    let mut items: Vec<(String, String, String)> = Vec::new();
    for p in all_plans.iter().filter(|p| p.unit_ids.iter().any(|u| covered.contains(u))) {
        let Some(v) = approved.iter().find(|v| v.plan_id == p.id) else { continue };
        for r in v.content()?.routines {
            for s in r.steps {
                items.push((p.name.clone(), r.activity.clone(), s));
            }
        }
    }
    let mut tx = state.db.begin_write().await?;
    let n = incidents::NewIncident {
        title: &title,
        what_happened: what.as_deref(),
        discovered_at: &discovered,
        raised_by: raised_by.as_deref(),
        exercise,
        started_by: &user.display_name,
        uid: None,
        participants: participants.as_deref(),
    };
    let id = incidents::create(&mut tx, user.org_id, &n, &units).await?;
    for (pos, (area, section, label)) in items.iter().enumerate() {
        incidents::add_board_item(&mut *tx, id, area, section, pos as i64, label).await?;
    }
    let names = units.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ");
    let started = if exercise { "incident-log-exercise-started" } else { "incident-log-started" };
    let text = tr.ts(started, "title", &title)
        + " "
        + &tr.ts("incident-log-units", "units", &names)
        + what.as_deref().map(|w| format!(" {w}")).unwrap_or_default().as_str();
    let entry = NewEntry {
        uid: None,
        kind: LogKind::System,
        text,
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: Some(discovered.clone()),
        corrects: None,
        source: "web".into(),
    };
    incidents::append(&mut tx, user.org_id, id, entry, &user.display_name).await?;
    let after = incidents::get(&mut tx, user.org_id, id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "incident",
            entity_id: Some(id),
            summary: &title,
            before: None,
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{id}?msg=created")).into_response())
}

// ---- The board -------------------------------------------------------------------------------

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
}

fn who(tr: &Tr, by: &Option<String>, at: &Option<String>) -> String {
    match (by, at) {
        (Some(b), Some(a)) => tr.ts("incident-by-at", "who", &format!("{b}, {}", short(a))),
        _ => String::new(),
    }
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
    Ok(BoardPage { ctx, h, areas, states })
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
    let entry = NewEntry {
        uid: None,
        kind: LogKind::Status,
        text,
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: None,
        corrects: None,
        source: "web".into(),
    };
    let row = incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    let data = json!({ "id": item, "state": new.code(), "state_label": tr.t(new.label_id()), "who": who(&tr, &Some(user.display_name.clone()), &Some(row.recorded_at.clone())) });
    state.live.publish(h.i.id, "board", data.to_string());
    if headers.get("accept").and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/json")) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    Ok(Redirect::to(&format!("/incidents/{}#item-{item}", h.i.id)).into_response())
}

/// The board's live updates as server-sent events.
pub async fn events(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let rx = state.live.sender(h.i.id).subscribe();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok((event, data)) => {
                    return Some((Ok::<Event, Infallible>(Event::default().event(event).data(data)), rx));
                }
                // Too far behind: tell the page to load itself again.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    return Some((Ok(Event::default().event("reload").data("")), rx));
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()).into_response())
}

// ---- The log ---------------------------------------------------------------------------------

pub struct EntryView {
    pub seq: i64,
    pub kind: String,
    pub kind_code: String,
    pub text: String,
    pub author: String,
    pub occurred: String,
    pub recorded: String,
    pub decided_by: String,
    pub grounds: String,
    pub corrects: Option<i64>,
    pub corrected_by: Vec<i64>,
    pub source: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/log.html")]
pub struct LogPage {
    pub ctx: Ctx,
    pub h: Head,
    pub verdict: String,
    pub intact: bool,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub entries: Vec<EntryView>,
    /// Why an uploaded kit log was refused.
    pub import_error: Option<String>,
}

fn log_fields(form: &FormData, e: &Errors, tr: &Tr, seqs: &[i64]) -> Vec<Field> {
    let kinds = [LogKind::Event, LogKind::Decision, LogKind::Information, LogKind::Task, LogKind::Correction];
    let mut corrects = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    corrects.extend(seqs.iter().rev().map(|s| Choice {
        value: s.to_string(),
        label: tr.tn("incident-entry-n", *s),
        depth: 0,
    }));
    vec![
        Field::new("kind", tr.t("incident-field-kind"), FieldKind::Select, form, e, tr)
            .required()
            .choices(vocabulary_choices(&kinds, LogKind::code, LogKind::label_id, tr)),
        Field::new("text", tr.t("incident-field-text"), FieldKind::TextArea, form, e, tr).required().maxlength(4000),
        Field::new("decided_by", tr.t("incident-field-decided-by"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("incident-hint-decided-by")),
        Field::new("grounds", tr.t("incident-field-grounds"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000)
            .hint(tr.t("incident-hint-grounds")),
        Field::new("occurred_at", tr.t("incident-field-occurred"), FieldKind::Text, form, e, tr)
            .maxlength(16)
            .hint(tr.t("incident-hint-occurred")),
        Field::new("corrects", tr.t("incident-field-corrects"), FieldKind::Select, form, e, tr)
            .choices(corrects)
            .hint(tr.t("incident-hint-corrects")),
    ]
}

async fn log_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<LogPage, AppError> {
    let (h, _) = head(state, user, id, "log").await?;
    let mut conn = state.db.pool.acquire().await?;
    let verdict = incidents::verify(&mut conn, user.org_id, h.i.id).await?.ok_or(AppError::NotFound)?;
    let rows = incidents::log(&mut *conn, user.org_id, h.i.id).await?;
    drop(conn);
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("incident-log-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let seqs: Vec<i64> = rows.iter().map(|r| r.seq).collect();
    let fields = log_fields(form, e, tr, &seqs);
    let error_summary = summary(&fields);
    let mut corrected: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in &rows {
        if let Some(c) = r.corrects {
            corrected.entry(c).or_default().push(r.seq);
        }
    }
    let entries = rows
        .iter()
        .rev()
        .map(|r| EntryView {
            seq: r.seq,
            kind: LogKind::parse(&r.kind).map(|k| tr.t(k.label_id())).unwrap_or_else(|_| r.kind.clone()),
            kind_code: r.kind.clone(),
            text: r.text.clone(),
            author: r.author.clone(),
            occurred: short(&r.occurred_at),
            recorded: if r.recorded_by != r.author || r.source != "web" {
                tr.ts("incident-recorded-by", "who", &format!("{}, {}", r.recorded_by, short(&r.recorded_at)))
            } else {
                String::new()
            },
            decided_by: r.decided_by.clone().unwrap_or_default(),
            grounds: r.grounds.clone().unwrap_or_default(),
            corrects: r.corrects,
            corrected_by: corrected.get(&r.seq).cloned().unwrap_or_default(),
            source: if r.source == "web" { String::new() } else { r.source.clone() },
        })
        .collect();
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(LogPage {
        verdict: crate::services::crisis::verdict_text(&ctx.tr, &verdict),
        intact: matches!(verdict, Verdict::Intact { .. }),
        fields,
        error_summary,
        entries,
        h,
        ctx,
        import_error: None,
    })
}

pub async fn log(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<LogPage, AppError> {
    let mut form = FormData::default();
    form.set("kind", "event");
    let mut page = log_page(&state, &user, &id, &form, &Errors::default()).await?;
    page.ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("imported") {
        page.ctx.flash = Some(page.ctx.tr.t("flash-imported"));
    }
    Ok(page)
}

/// Reads a crisis log exported from an offline kit (an upload) into the incident.
pub async fn import(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "log").await?;
    writer(&user, &h)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let parsed = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Err(e) => Err(crate::web::forms::error_text(&e, &tr)),
        Ok((_, bytes)) => crate::services::crisis::kit_import::parse(&bytes).map_err(|e| e.to_string()),
    };
    let log = match parsed {
        Ok(log) => log,
        Err(message) => {
            let mut form = FormData::default();
            form.set("kind", "event");
            let mut page = log_page(&state, &user, &id, &form, &Errors::default()).await?;
            page.import_error = Some(message);
            page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let note = |r: crate::services::crisis::kit_import::Report| {
        tr.ts("incident-log-imported", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped))
    };
    let report =
        crate::services::crisis::kit_import::import(&mut tx, user.org_id, h.i.id, &log, &user.display_name, note)
            .await?;
    let record = json!({ "imported": report.imported, "skipped": report.skipped, "kit_id": log.kit_id });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "import",
            entity: "incident",
            entity_id: Some(h.i.id),
            summary: &h.i.title,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    state.live.publish(h.i.id, "log", json!({ "imported": report.imported }).to_string());
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=imported", h.i.id)).into_response())
}

pub async fn add_entry(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let (h, _) = head(&state, &user, &id, "log").await?;
    writer(&user, &h)?;
    let mut e = Errors::default();
    let kind = e.take(
        "kind",
        LogKind::parse(form.text("kind")).and_then(|k| {
            if matches!(k, LogKind::Status | LogKind::System) { Err(FieldError::Choice) } else { Ok(Some(k)) }
        }),
    );
    let text = e.take("text", text::optional_text(form.text("text"), 4000).and_then(|t| t.ok_or(FieldError::Required)));
    let decided_by = e.take("decided_by", text::optional_line(form.text("decided_by"), 200));
    let grounds = e.take("grounds", text::optional_text(form.text("grounds"), 2000));
    let occurred = if form.text("occurred_at").trim().is_empty() {
        None
    } else {
        e.take("occurred_at", parse_time(form.text("occurred_at")).map(Some))
    };
    let corrects = if form.text("corrects").is_empty() {
        None
    } else {
        e.take(
            "corrects",
            form.text("corrects")
                .parse::<i64>()
                .ok()
                .filter(|s| *s >= 1 && *s <= h.i.log_count)
                .map(Some)
                .ok_or(FieldError::Missing),
        )
    };
    if kind == Some(LogKind::Decision) && decided_by.is_none() && !e.0.contains_key("decided_by") {
        e.add("decided_by", FieldError::Required);
    }
    if kind == Some(LogKind::Correction) && corrects.is_none() && !e.0.contains_key("corrects") {
        e.add("corrects", FieldError::Required);
    }
    let Some(kind) = kind.filter(|_| e.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, log_page(&state, &user, &id, &form, &e).await?).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    let entry = NewEntry {
        uid: None,
        kind,
        text,
        decided_by,
        grounds,
        author: user.display_name.clone(),
        occurred_at: occurred,
        corrects,
        source: "web".into(),
    };
    let row = incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    state.live.publish(h.i.id, "log", json!({ "seq": row.seq }).to_string());
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=saved", h.i.id)).into_response())
}

// ---- Staff reached ---------------------------------------------------------------------------

pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub reached: bool,
    pub who: String,
}

pub struct UnitStaff {
    pub name: String,
    pub share: String,
    pub people: Vec<PersonView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/staff.html")]
pub struct StaffPage {
    pub ctx: Ctx,
    pub h: Head,
    pub units: Vec<UnitStaff>,
}

impl StaffPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

pub async fn staff(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<StaffPage, AppError> {
    let (h, lk) = head(&state, &user, &id, "staff").await?;
    let reached = incidents::reached(&state.db.pool, h.i.id).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.ts("incident-staff-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let covered: Vec<i64> = h.i.unit_ids.iter().flat_map(|u| subtree(&lk.units, *u)).collect();
    let mut units = Vec::new();
    for u in lk.units.iter().filter(|u| covered.contains(&u.id)) {
        let people: Vec<PersonView> = lk
            .people
            .iter()
            .filter(|p| p.kind == "staff" && p.unit_id == Some(u.id))
            .map(|p| {
                let r = reached.iter().find(|r| r.person_id == p.id);
                PersonView {
                    id: p.id,
                    name: p.name.clone(),
                    title: p.title.clone().unwrap_or_default(),
                    phone: p.work_phone.clone().or_else(|| p.private_phone.clone()).unwrap_or_default(),
                    reached: r.is_some_and(|r| r.reached.get()),
                    who: r.map(|r| who(tr, &Some(r.by_name.clone()), &Some(r.at.clone()))).unwrap_or_default(),
                }
            })
            .collect();
        if people.is_empty() {
            continue;
        }
        let n = people.iter().filter(|p| p.reached).count();
        units.push(UnitStaff {
            name: u.name.clone(),
            share: tr.ts(
                "incident-reached-share",
                "share",
                &format!("{n}/{} ({} %)", people.len(), n * 100 / people.len()),
            ),
            people,
        });
    }
    Ok(StaffPage { ctx, h, units })
}

pub async fn set_reached(
    State(state): State<AppState>,
    Path((id, person)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, lk) = head(&state, &user, &id, "staff").await?;
    writer(&user, &h)?;
    let person = parse_id(&person)?;
    let p = lk.person(person).ok_or(AppError::NotFound)?;
    let reached = form.text("reached") == "1";
    let mut tx = state.db.begin_write().await?;
    incidents::set_reached(&mut *tx, h.i.id, person, reached, &user.display_name).await?;
    let text = tr.ts(if reached { "incident-log-reached" } else { "incident-log-not-reached" }, "name", &p.name);
    let entry = NewEntry {
        uid: None,
        kind: LogKind::Status,
        text,
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: None,
        corrects: None,
        source: "web".into(),
    };
    incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}/staff#person-{person}", h.i.id)).into_response())
}

// ---- The roster ------------------------------------------------------------------------------

pub struct RosterView {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub phone: String,
    pub area: String,
    pub on_duty: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/roster.html")]
pub struct RosterPage {
    pub ctx: Ctx,
    pub h: Head,
    pub rows: Vec<RosterView>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

impl RosterPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

fn roster_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("role", tr.t("incident-field-role"), FieldKind::Select, form, e, tr)
            .required()
            .choices(vocabulary_choices(StaffRole::ALL, StaffRole::code, StaffRole::label_id, tr)),
        Field::new("name", tr.t("field-name"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("phone", tr.t("plan-col-phone"), FieldKind::Tel, form, e, tr).maxlength(30),
        Field::new("area", tr.t("incident-field-area"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("incident-hint-area")),
        Field::new("on_duty", tr.t("incident-field-on-duty"), FieldKind::Checkbox, form, e, tr),
    ]
}

async fn roster_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<RosterPage, AppError> {
    let (h, _) = head(state, user, id, "roster").await?;
    let rows = incidents::roster(&state.db.pool, h.i.id).await?;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("incident-roster-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let rows = rows
        .into_iter()
        .map(|r| RosterView {
            id: r.id,
            role: StaffRole::parse(&r.role).map(|x| tr.t(x.label_id())).unwrap_or(r.role),
            name: r.name,
            phone: r.phone.unwrap_or_default(),
            area: r.area.unwrap_or_default(),
            on_duty: r.on_duty.get(),
        })
        .collect();
    let fields = roster_fields(form, e, tr);
    let error_summary = summary(&fields);
    Ok(RosterPage { ctx, h, rows, fields, error_summary })
}

pub async fn roster(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<RosterPage, AppError> {
    let mut form = FormData::default();
    form.set("on_duty", "on");
    roster_page(&state, &user, &id, &form, &Errors::default()).await
}

pub async fn add_roster(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, _) = head(&state, &user, &id, "roster").await?;
    writer(&user, &h)?;
    let mut e = Errors::default();
    let role = e.take("role", StaffRole::parse(form.text("role")).map(Some));
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let phone = e.take("phone", text::optional_phone(form.text("phone")));
    let area = e.take("area", text::optional_line(form.text("area"), 200));
    let Some(role) = role.filter(|_| e.is_empty()) else {
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, roster_page(&state, &user, &id, &form, &e).await?).into_response()
        );
    };
    let mut tx = state.db.begin_write().await?;
    incidents::add_roster(&mut *tx, h.i.id, role, &name, phone.as_deref(), area.as_deref(), form.checked("on_duty"))
        .await?;
    let text = tr.ts("incident-log-roster", "who", &format!("{} – {name}", tr.t(role.label_id())));
    let entry = NewEntry {
        uid: None,
        kind: LogKind::Status,
        text,
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: None,
        corrects: None,
        source: "web".into(),
    };
    incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}/roster", h.i.id)).into_response())
}

/// Marks a member of the crisis staff as on duty or off duty.
pub async fn set_duty(
    State(state): State<AppState>,
    Path((id, row)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, _) = head(&state, &user, &id, "roster").await?;
    writer(&user, &h)?;
    let row = parse_id(&row)?;
    let on = form.text("on_duty") == "1";
    let mut tx = state.db.begin_write().await?;
    let r = incidents::roster(&mut *tx, h.i.id).await?.into_iter().find(|r| r.id == row).ok_or(AppError::NotFound)?;
    incidents::set_on_duty(&mut *tx, h.i.id, row, on).await?;
    let text = tr.ts(if on { "incident-log-on-duty" } else { "incident-log-off-duty" }, "name", &r.name);
    let entry = NewEntry {
        uid: None,
        kind: LogKind::Status,
        text,
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: None,
        corrects: None,
        source: "web".into(),
    };
    incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}/roster", h.i.id)).into_response())
}

// ---- Closing ---------------------------------------------------------------------------------

pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    let (h, _) = head(&state, &user, &id, "board").await?;
    writer(&user, &h)?;
    user.require(user.role.edits_all_content() || user.role == beredd_domain::Role::CrisisStaff)?;
    let mut tx = state.db.begin_write().await?;
    let entry = NewEntry {
        uid: None,
        kind: LogKind::System,
        text: tr.t("incident-log-closed"),
        decided_by: None,
        grounds: None,
        author: user.display_name.clone(),
        occurred_at: None,
        corrects: None,
        source: "web".into(),
    };
    incidents::append(&mut tx, user.org_id, h.i.id, entry, &user.display_name).await?;
    incidents::close(&mut *tx, user.org_id, h.i.id).await?;
    let after = incidents::get(&mut tx, user.org_id, h.i.id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "close",
            entity: "incident",
            entity_id: Some(h.i.id),
            summary: &h.i.title,
            before: Some(&h.i),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}?msg=saved", h.i.id)).into_response())
}

// ---- Bundles -----------------------------------------------------------------------------------

/// The incident as a bundle file for another Beredd.
pub async fn export_bundle(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let mut conn = state.db.pool.acquire().await?;
    let b = crate::services::crisis::bundle::export(&mut conn, user.org_id, h.i.id).await?.ok_or(AppError::NotFound)?;
    let body = serde_json::to_string_pretty(&b).map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!("incident-{}-{}.json", text::file_stem(&h.i.title), &crate::platform::clock::today_text());
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/json".to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response())
}

/// Imports a bundle made by another Beredd (an upload on the incident list).
pub async fn import_bundle(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.works_incidents())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let parsed = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Err(e) => Err(crate::web::forms::error_text(&e, &tr)),
        Ok((_, bytes)) => crate::services::crisis::bundle::parse(&bytes).map_err(|e| e.to_string()),
    };
    let b = match parsed {
        Ok(b) => b,
        Err(message) => {
            let mut page = list(user.clone(), State(state.clone()), Query(Query_::default())).await?;
            page.import_error = Some(message);
            page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let note = |r: &crate::services::crisis::bundle::Report| {
        tr.ts("incident-log-bundle", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped))
            + " "
            + &tr.ts("incident-log-bundle-from", "instance", &b.instance)
    };
    let report = crate::services::crisis::bundle::import(&mut tx, user.org_id, &b, &user.display_name, note).await?;
    let record = json!({ "uid": b.incident.uid, "instance": b.instance, "created": report.created, "imported": report.imported, "skipped": report.skipped });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "import",
            entity: "incident",
            entity_id: Some(report.incident),
            summary: &b.incident.title,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=imported", report.incident)).into_response())
}
