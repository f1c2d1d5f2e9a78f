//! Reporting during an incident: the decisions that start the clocks (kännedom, significant,
//! personal-data breach …) and the assessments without a clock, each a logged decision; where
//! each duty to MCF and IMY stands, in Swedish time; one draft per recipient; reports recorded as
//! sent; the incident's diarienummer.

use super::comms::{back_to, log_writer};
use super::{Head, head_for, writer_for};
use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::crisis::comms;
use crate::services::crisis::drafts::{self, Sources};
use crate::services::crisis::reporting::{self, Reporting, outcome_text, stored};
use crate::store::incidents::{self, NewAssessment};
use crate::store::orgs;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::Query_;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use beredd_domain::reporting::{AssessmentKind, Clock, Due, Duty, Outcome};
use beredd_domain::{FieldError, text};

pub struct ClockView {
    pub code: &'static str,
    pub name: String,
    pub recipient: String,
    pub deadline: String,
    pub state: String,
    /// "state-working", "state-degraded" or "state-down".
    pub class: &'static str,
    pub sent: bool,
    pub body: String,
    pub reference: String,
}

pub struct AssessmentView {
    pub code: &'static str,
    pub question: String,
    pub basis: String,
    pub who: String,
    /// The statute's own words, where the decision turns on them.
    pub quote: Option<String>,
    /// The decision in force, and the earlier ones.
    pub current: Option<String>,
    pub earlier: Vec<String>,
    pub fields: Vec<Field>,
    pub open: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/reporting.html")]
pub struct ReportingPage {
    pub ctx: Ctx,
    pub h: Head,
    pub exercise: bool,
    pub nearest: Option<String>,
    pub clocks: Vec<ClockView>,
    pub clock_decisions: Vec<AssessmentView>,
    pub other_decisions: Vec<AssessmentView>,
    pub diarienummer: Field,
    pub error_summary: Vec<(String, String)>,
}

/// A time as shown, with "svensk tid".
fn shown(tr: &Tr, secs: i64) -> String {
    format!("{} {}", stored(secs).shown_minute(), tr.t("swedish-time"))
}

pub fn span(tr: &Tr, s: i64) -> String {
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3600, (s % 3600) / 60);
    if d > 0 {
        tr.args("duration-dhm", &[("d", &d.to_string()), ("h", &h.to_string()), ("m", &m.to_string())])
    } else {
        tr.ts("duration-hm", "hm", &format!("{h} h {m} min"))
    }
}

fn clock_state(tr: &Tr, duty: Duty, c: Clock) -> (String, &'static str) {
    match c {
        Clock::Sent { at, late: false } => (tr.ts("clock-sent", "at", &shown(tr, at)), "state-working"),
        Clock::Sent { at, late: true } => (tr.ts("clock-sent-late", "at", &shown(tr, at)), "state-degraded"),
        Clock::Running { left } => {
            (tr.ts("clock-left", "left", &span(tr, left)), if left < 6 * 3600 { "state-degraded" } else { "" })
        }
        Clock::Overdue { by } if duty == Duty::ImyBreach => {
            (tr.ts("clock-overdue-imy", "by", &span(tr, by)), "state-down")
        }
        Clock::Overdue { by } => (tr.ts("clock-overdue", "by", &span(tr, by)), "state-down"),
        Clock::Waiting => (tr.t("clock-waiting"), ""),
        Clock::Requested => (tr.t("clock-requested"), "state-degraded"),
    }
}

fn deadline_text(tr: &Tr, due: Due) -> String {
    match due {
        Due::At(t) => shown(tr, t),
        Due::AfterHandled => tr.t("due-after-handled"),
        Due::OnRequest => tr.t("due-on-request"),
    }
}

fn decision_line(tr: &Tr, a: &incidents::Assessment) -> String {
    let mut s = format!(
        "{}. {}: {}, {} {}. {}: {}",
        outcome_text(tr, a.kind, a.outcome, a.at),
        tr.t("report-decided-by"),
        a.decided_by,
        a.recorded_at.shown_minute(),
        tr.t("swedish-time"),
        tr.t("assessment-grounds"),
        a.grounds
    );
    if let Some(r) = &a.reference {
        s.push_str(&format!(" ({}: {r})", tr.t("assessment-reference")));
    }
    s
}

fn fields(kind: AssessmentKind, form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    let k = kind.code();
    let first = if kind.timed() {
        Field::new(format!("{k}_at"), tr.t(&format!("{}-at", kind.label_id())), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(40)
            .hint(tr.t("assessment-hint-at"))
    } else {
        let choices = kind
            .outcomes()
            .iter()
            .map(|o| Choice { value: o.code().to_owned(), label: tr.t(&kind.outcome_id(Some(*o))), depth: 0 })
            .collect();
        Field::new(format!("{k}_outcome"), tr.t("assessment-outcome"), FieldKind::Radio, form, e, tr)
            .required()
            .choices(choices)
    };
    vec![
        first,
        Field::new(format!("{k}_decided_by"), tr.t("assessment-decided-by"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200)
            .hint(tr.t(&format!("{}-who", kind.label_id()))),
        Field::new(format!("{k}_grounds"), tr.t("assessment-grounds"), FieldKind::TextArea, form, e, tr)
            .required()
            .maxlength(4000)
            .hint(tr.t("assessment-hint-grounds")),
        Field::new(format!("{k}_reference"), tr.t("assessment-reference"), FieldKind::Text, form, e, tr)
            .maxlength(100)
            .hint(tr.t("assessment-hint-reference")),
    ]
}

/// Each duty's clock: its deadline and state, and the report sent or the draft to send.
fn clock_views(state: &AppState, tr: &Tr, r: &Reporting, sources: &Sources) -> Vec<ClockView> {
    r.duties
        .iter()
        .map(|d| {
            let (state_text, class) = clock_state(tr, d.duty, d.clock);
            let draft = state.drafts.iter().find(|x| x.duty == d.duty);
            ClockView {
                code: d.duty.code(),
                name: tr.t(d.duty.label_id()),
                recipient: draft.map(|x| x.recipient.clone()).unwrap_or_default(),
                deadline: deadline_text(tr, d.due),
                state: state_text,
                class,
                sent: d.report.is_some(),
                body: match (&d.report, draft) {
                    (Some(rep), _) => rep.body.clone(),
                    (None, Some(x)) => drafts::draft(tr, x, sources),
                    (None, None) => String::new(),
                },
                reference: d.report.as_ref().and_then(|x| x.reference.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// What the decision forms are built from.
struct Decisions<'a> {
    state: &'a AppState,
    tr: &'a Tr,
    r: &'a Reporting,
    e: &'a Errors,
    /// The user's name and the time now, filled in a closed form that is still empty.
    who: &'a str,
    now: String,
    /// The form posted with errors, kept open.
    open: Option<AssessmentKind>,
}

impl Decisions<'_> {
    /// The decisions that start and stop the clocks, and the others.
    fn all(&self, form: &mut FormData) -> (Vec<AssessmentView>, Vec<AssessmentView>) {
        let clocks = AssessmentKind::CLOCKS.iter().map(|k| self.view(*k, form)).collect();
        let others = AssessmentKind::ALL.iter().filter(|k| !AssessmentKind::CLOCKS.contains(k));
        (clocks, others.map(|k| self.view(*k, form)).collect())
    }

    fn view(&self, kind: AssessmentKind, form: &mut FormData) -> AssessmentView {
        let (tr, k) = (self.tr, kind.code());
        if form.text(&format!("{k}_decided_by")).is_empty() && self.open != Some(kind) {
            form.set(&format!("{k}_decided_by"), self.who.to_owned());
            if kind.timed() {
                form.set(&format!("{k}_at"), self.now.clone());
            }
        }
        let mine: Vec<&incidents::Assessment> = self.r.assessments.iter().filter(|a| a.kind == kind).collect();
        let quote = (kind == AssessmentKind::Significant)
            .then(|| self.state.frameworks.statute_paragraph("cybersakerhetslagen", "2 kap. 5 §", 1))
            .flatten();
        AssessmentView {
            code: k,
            question: tr.t(kind.label_id()),
            basis: tr.t(&format!("{}-basis", kind.label_id())),
            who: tr.t(&format!("{}-who", kind.label_id())),
            quote,
            current: mine.last().map(|a| decision_line(tr, a)),
            earlier: mine.iter().rev().skip(1).map(|a| decision_line(tr, a)).collect(),
            fields: fields(kind, form, self.e, tr),
            open: self.open == Some(kind),
        }
    }
}

/// The incident's diarienummer, as stored unless posted.
fn diarienummer_field(form: &mut FormData, h: &Head, e: &Errors, tr: &Tr) -> Field {
    if form.get("diarienummer").is_none() {
        form.set("diarienummer", h.i.diarienummer.clone().unwrap_or_default());
    }
    Field::new("diarienummer", tr.t("incident-diarienummer"), FieldKind::Text, form, e, tr)
        .maxlength(100)
        .hint(tr.t("incident-hint-diarienummer"))
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
    open: Option<AssessmentKind>,
) -> Result<ReportingPage, AppError> {
    let (h, _) = head_for(state, user, id, "reporting").await?;
    let mut conn = state.db.pool.acquire().await?;
    let r: Reporting = reporting::load(&mut conn, &h.i).await?;
    let org = orgs::get(&mut *conn, user.org_id).await?.ok_or(AppError::NotFound)?;
    let roster = incidents::roster(&mut *conn, h.i.key()).await?;
    let board = incidents::board(&mut *conn, h.i.key()).await?;
    drop(conn);
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("reporting-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let sources = Sources { org: &org, incident: &h.i, units: &h.units, reporting: &r, roster: &roster, board: &board };
    let (clocks, mut form, now) =
        (clock_views(state, tr, &r, &sources), form.clone(), clock::now_stamp().shown_minute());
    let (clock_decisions, other_decisions) =
        Decisions { state, tr, r: &r, e, who: &user.display_name, now, open }.all(&mut form);
    let diarienummer = diarienummer_field(&mut form, &h, e, tr);
    let all = clock_decisions.iter().chain(&other_decisions).flat_map(|v| v.fields.iter());
    let error_summary = summary(&all.chain([&diarienummer]).cloned().collect::<Vec<_>>());
    let nearest = r.nearest().map(|(d, t)| format!("{}: {}", tr.t(d.label_id()), shown(tr, t)));
    ctx.mark_errors(&error_summary);
    Ok(ReportingPage {
        exercise: h.i.exercise.get(),
        nearest,
        clocks,
        clock_decisions,
        other_decisions,
        diarienummer,
        error_summary,
        h,
        ctx,
    })
}

pub async fn reporting_page(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<ReportingPage, AppError> {
    let mut p = page(&state, &user, &id, &FormData::default(), &Errors::default(), None).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

fn back(id: i64, anchor: &str) -> Response {
    back_to(&format!("/incidents/{id}/reporting"), anchor)
}

/// A decision's form checked: (outcome, when, decided by, grounds, reference).
type Decision = (Option<Outcome>, Option<clock::Stamp>, String, String, Option<String>);

fn checked_decision(kind: AssessmentKind, form: &FormData) -> Result<Decision, Errors> {
    let k = kind.code();
    let mut e = Errors::default();
    let outcome = if kind.timed() {
        None
    } else {
        let raw = form.text(&format!("{k}_outcome"));
        let parsed = if raw.is_empty() { Err(FieldError::Required) } else { Outcome::parse(raw).map(Some) };
        e.take(format!("{k}_outcome"), parsed.and_then(|o| kind.check(o)))
    };
    let at = if kind.timed() {
        Some(e.take(format!("{k}_at"), clock::parse_local_stamp(form.text(&format!("{k}_at")))))
    } else {
        None
    };
    let required = |name: String, max: usize| {
        text::optional_line(form.text(&name), max).and_then(|v| v.ok_or(FieldError::Required))
    };
    let decided_by = e.take(format!("{k}_decided_by"), required(format!("{k}_decided_by"), 200));
    let grounds = e.take(
        format!("{k}_grounds"),
        text::optional_text(form.text(&format!("{k}_grounds")), 4000).and_then(|v| v.ok_or(FieldError::Required)),
    );
    let reference = e.take(format!("{k}_reference"), text::optional_line(form.text(&format!("{k}_reference")), 100));
    if e.is_empty() { Ok((outcome, at, decided_by, grounds, reference)) } else { Err(e) }
}

/// Records a decision of one kind: who judged, when, on what grounds.
pub async fn assess(
    State(state): State<AppState>,
    Path((id, kind)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let kind = AssessmentKind::parse(&kind).map_err(|_| AppError::NotFound)?;
    let k = kind.code();
    let (outcome, at, decided_by, grounds, reference) = match checked_decision(kind, &form) {
        Ok(checked) => checked,
        Err(e) => {
            let p = page(&state, &user, &id, &form, &e, Some(kind)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
        }
    };
    let a = NewAssessment {
        kind,
        outcome,
        at,
        decided_by: &decided_by,
        grounds: &grounds,
        reference: reference.as_deref().or(h.i.diarienummer.as_deref()),
    };
    reporting::record_assessment(&state.db, &tr, user.org_id, &h.i, &a, &user.display_name).await?;
    state.live.publish(h.i.id, "log", "{}".into());
    Ok(back(h.i.id, &format!("assessment-{k}")))
}

/// Records a report as sent, with the text that was sent.
pub async fn report(
    State(state): State<AppState>,
    Path((id, duty)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let duty = Duty::parse(&duty).ok_or(AppError::NotFound)?;
    let mut conn = state.db.pool.acquire().await?;
    let r = reporting::load(&mut conn, &h.i).await?;
    drop(conn);
    if !r.duties.iter().any(|d| d.duty == duty) {
        return Err(AppError::BadRequest("this duty does not apply"));
    }
    let body =
        text::optional_text(form.text("body"), 20_000).ok().flatten().ok_or(AppError::BadRequest("empty report"))?;
    let reference =
        text::optional_line(form.text("reference"), 200).map_err(|_| AppError::BadRequest("bad reference"))?;
    if !comms::record_report(&log_writer(&state, &user, h.i.key()), &tr, duty, reference.as_deref(), &body).await? {
        return Err(AppError::BadRequest("already sent"));
    }
    state.live.publish(h.i.id, "log", "{}".into());
    Ok(back(h.i.id, &format!("clock-{}", duty.code())))
}

/// The municipality's diarienummer for the incident.
pub async fn diarienummer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let mut e = Errors::default();
    let value = e.take("diarienummer", text::optional_line(form.text("diarienummer"), 100));
    if !e.is_empty() {
        let p = page(&state, &user, &id, &form, &e, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    }
    comms::set_diarienummer(&log_writer(&state, &user, h.i.key()), &tr, value.as_deref()).await?;
    state.live.publish(h.i.id, "log", "{}".into());
    Ok(back(h.i.id, "diarienummer"))
}

/// The duties with deadline and state, and every decision, for the incident's PDF.
pub(super) fn printed(tr: &Tr, r: &Reporting) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let duties = deadlines(tr, r)
        .into_iter()
        .zip(&r.duties)
        .map(|(v, d)| {
            serde_json::json!({
                "name": v.name,
                "deadline": v.deadline,
                "sent": v.state,
                "reference": d.report.as_ref().and_then(|x| x.reference.clone()).unwrap_or_default(),
            })
        })
        .collect();
    let decisions = r
        .assessments
        .iter()
        .map(|a| serde_json::json!({ "kind": tr.t(a.kind.label_id()), "text": decision_line(tr, a) }))
        .collect();
    (duties, decisions)
}

/// One duty in a compact list (the board, the PDF): its short name, deadline and state.
pub struct DeadlineView {
    pub name: String,
    pub deadline: String,
    pub state: String,
    pub class: &'static str,
}

pub(super) fn deadlines(tr: &Tr, r: &Reporting) -> Vec<DeadlineView> {
    r.duties
        .iter()
        .map(|d| {
            let (state, class) = clock_state(tr, d.duty, d.clock);
            DeadlineView {
                name: beredd_domain::text::capitalised(&tr.t(&format!("duty-short-{}", d.duty.code()))),
                deadline: deadline_text(tr, d.due),
                state,
                class,
            }
        })
        .collect()
}
