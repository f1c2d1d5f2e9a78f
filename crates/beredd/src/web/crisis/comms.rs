//! Communication during an incident: hotlines for citizens, prepared messages per channel, and
//! media questions. The reports to authorities have a page of their own (`reports`).

use super::{Head, head_for, writer_for};
use crate::platform::i18n::Tr;
use crate::services::crisis::comms::{self, Writer};
use crate::store::incidents;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{Channel, FieldError, text};

pub struct MessageView {
    pub id: i64,
    /// Saved as a draft: not approved, not published.
    pub draft: bool,
    pub published: String,
    pub channel: String,
    pub approved_by: String,
    pub text: String,
}

pub struct MediaView {
    pub id: i64,
    pub outlet: String,
    pub question: String,
    pub received: String,
    pub routed_to: String,
    pub answered: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/comms.html")]
pub struct CommsPage {
    pub ctx: Ctx,
    pub h: Head,
    pub hotlines: Vec<incidents::Hotline>,
    pub messages: Vec<MessageView>,
    pub media: Vec<MediaView>,
    pub hotline_fields: Vec<Field>,
    pub message_fields: Vec<Field>,
    pub media_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    /// May approve drafts and download the public page.
    pub may_approve: bool,
}

impl CommsPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

pub(super) fn hotline_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("hl_number", tr.t("plan-hotline-number"), FieldKind::Tel, form, e, tr).required().maxlength(30),
        Field::new("hl_hours", tr.t("plan-hotline-hours"), FieldKind::Text, form, e, tr).maxlength(200),
        Field::new("hl_answered_by", tr.t("plan-hotline-answered-by"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200),
    ]
}

pub(super) fn message_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    let channels = Channel::ALL
        .iter()
        .map(|c| Choice { value: c.code().to_owned(), label: tr.t(c.label_id()), depth: 0 })
        .collect();
    vec![
        Field::new("msg_channel", tr.t("comms-channel"), FieldKind::Select, form, e, tr).required().choices(channels),
        Field::new("msg_text", tr.t("comms-text"), FieldKind::TextArea, form, e, tr).required().maxlength(4000),
        Field::new("msg_approved_by", tr.t("comms-approved-by"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200)
            .hint(tr.t("comms-hint-approved-by")),
    ]
}

pub(super) fn media_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("media_outlet", tr.t("comms-outlet"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("media_contact", tr.t("comms-contact"), FieldKind::Text, form, e, tr).maxlength(200),
        Field::new("media_question", tr.t("comms-question"), FieldKind::TextArea, form, e, tr)
            .required()
            .maxlength(4000),
    ]
}

fn media_view(m: incidents::MediaRequest) -> MediaView {
    MediaView {
        id: m.id,
        outlet: m.contact.as_deref().map(|c| format!("{} ({c})", m.outlet)).unwrap_or(m.outlet.clone()),
        question: m.question,
        received: m.received_at.shown_minute(),
        routed_to: m.routed_to,
        answered: m
            .answered_by
            .map(|b| format!("{b}, {}", m.answered_at.map(|at| at.shown_minute()).unwrap_or_default()))
            .unwrap_or_default(),
    }
}

fn message_view(tr: &Tr, m: incidents::Message) -> MessageView {
    MessageView {
        id: m.id,
        draft: !m.approved.get(),
        published: m.published_at.shown_minute(),
        channel: tr.t(m.channel.label_id()),
        approved_by: m.approved_by,
        text: m.text,
    }
}

pub(super) async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<CommsPage, AppError> {
    let (h, _) = head_for(state, user, id, "comms").await?;
    let pool = &state.db.pool;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("comms-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let media = incidents::media(pool, h.i.key()).await?.into_iter().map(media_view).collect();
    let (hotline_fields, message_fields, media_fields) =
        (hotline_fields(form, e, tr), message_fields(form, e, tr), media_fields(form, e, tr));
    let all: Vec<Field> = hotline_fields.iter().chain(&message_fields).chain(&media_fields).cloned().collect();
    let error_summary = summary(&all);
    ctx.mark_errors(&error_summary);
    Ok(CommsPage {
        hotlines: incidents::hotlines(pool, h.i.key()).await?,
        messages: incidents::messages(pool, h.i.key()).await?.into_iter().map(|m| message_view(&ctx.tr, m)).collect(),
        media,
        hotline_fields,
        message_fields,
        media_fields,
        error_summary,
        may_approve: user.role.approves_public_messages(),
        h,
        ctx,
    })
}

pub async fn comms(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<CommsPage, AppError> {
    let mut form = FormData::default();
    form.set("msg_channel", "web");
    let mut p = page(&state, &user, &id, &form, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// The incident's writer as the service layer takes it.
pub(super) fn log_writer<'a>(state: &'a AppState, user: &'a CurrentUser, incident: incidents::Key) -> Writer<'a> {
    Writer { db: &state.db, org: user.org_id, incident, by: &user.display_name }
}

/// Back to the communication page after a change, telling the board's readers the log grew.
fn logged(state: &AppState, id: i64) -> Response {
    state.live.publish(id, "log", "{}".into());
    back(id)
}

pub(super) fn back(id: i64) -> Response {
    back_to(&format!("/incidents/{id}/comms"), "")
}

/// Back to an incident page after a change, with "saved" and the place on the page.
pub(super) fn back_to(path: &str, anchor: &str) -> Response {
    let anchor = if anchor.is_empty() { String::new() } else { format!("#{anchor}") };
    Redirect::to(&format!("{path}?msg=saved{anchor}")).into_response()
}

async fn refuse(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<Response, AppError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page(state, user, id, form, e).await?).into_response())
}

pub async fn add_hotline(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let mut e = Errors::default();
    let number =
        e.take("hl_number", text::optional_phone(form.text("hl_number")).and_then(|p| p.ok_or(FieldError::Required)));
    let hours = e.take("hl_hours", text::optional_line(form.text("hl_hours"), 200));
    let by = e.take(
        "hl_answered_by",
        text::optional_line(form.text("hl_answered_by"), 200).and_then(|p| p.ok_or(FieldError::Required)),
    );
    if !e.is_empty() {
        return refuse(&state, &user, &id, &form, &e).await;
    }
    comms::add_hotline(&log_writer(&state, &user, h.i.key()), &tr, &number, hours.as_deref(), &by).await?;
    Ok(logged(&state, h.i.id))
}

/// The message form checked: (channel, text, approver); the approver is empty for a draft.
fn checked_message(form: &FormData, draft: bool) -> Result<(Channel, String, String), Errors> {
    let mut e = Errors::default();
    let channel = e.take("msg_channel", Channel::parse(form.text("msg_channel")).map(Some));
    let text = e
        .take("msg_text", text::optional_text(form.text("msg_text"), 4000).and_then(|t| t.ok_or(FieldError::Required)));
    let approved = if draft {
        String::new()
    } else {
        e.take(
            "msg_approved_by",
            text::optional_line(form.text("msg_approved_by"), 200).and_then(|t| t.ok_or(FieldError::Required)),
        )
    };
    match channel {
        Some(channel) if e.is_empty() => Ok((channel, text, approved)),
        _ => Err(e),
    }
}

/// Records a message as published with its approver, or (the "draft" button) as a draft that
/// nobody has approved yet and that is published by approving it.
pub async fn add_message(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let draft = form.text("draft") == "1";
    let (channel, text, approved) = match checked_message(&form, draft) {
        Ok(m) => m,
        Err(e) => return refuse(&state, &user, &id, &form, &e).await,
    };
    comms::add_message(&log_writer(&state, &user, h.i.key()), &tr, channel, &text, &approved, draft).await?;
    Ok(logged(&state, h.i.id))
}

/// Approves a draft: it is published now, with the user as its approver.
pub async fn approve_message(
    State(state): State<AppState>,
    Path((id, mid)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    user.require(user.role.approves_public_messages())?;
    let h = writer_for(&state, &user, &id).await?;
    let mid = parse_id(&mid)?;
    comms::approve_message(&log_writer(&state, &user, h.i.key()), &tr, mid).await?;
    Ok(logged(&state, h.i.id))
}

pub async fn add_media(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let mut e = Errors::default();
    let outlet = e.take(
        "media_outlet",
        text::optional_line(form.text("media_outlet"), 200).and_then(|t| t.ok_or(FieldError::Required)),
    );
    let contact = e.take("media_contact", text::optional_line(form.text("media_contact"), 200));
    let question = e.take(
        "media_question",
        text::optional_text(form.text("media_question"), 4000).and_then(|t| t.ok_or(FieldError::Required)),
    );
    if !e.is_empty() {
        return refuse(&state, &user, &id, &form, &e).await;
    }
    comms::add_media(&log_writer(&state, &user, h.i.key()), &tr, &outlet, contact.as_deref(), &question).await?;
    Ok(logged(&state, h.i.id))
}

pub async fn answer_media(
    State(state): State<AppState>,
    Path((id, mid)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let mid = parse_id(&mid)?;
    comms::answer_media(&log_writer(&state, &user, h.i.key()), &tr, mid).await?;
    Ok(logged(&state, h.i.id))
}
