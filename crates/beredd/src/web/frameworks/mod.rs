//! Frameworks and gap analysis: the shipped and imported frameworks, and assessments against
//! them (per requirement a status, a maturity, a comment, evidence, linked catalogue requirements
//! and linked actions; progress per chapter, the gap list and the statement of applicability).
//! This module holds what the pages share; each page group is a file of its own.

pub mod answers;
pub mod assessments;
pub mod chapters;
pub mod evidence;
pub mod export;
pub mod library;

use crate::platform::i18n::{Lang, Tr};
use crate::services::frameworks::summary::Summary as Answered;
use crate::services::frameworks::{Failure, Known, assessments as service};
use crate::store::frameworks as store;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::framework::{self, FileError, Framework, Limit, Problem, Status, Tally};
use beredd_domain::text;
use std::sync::Arc;

impl From<Failure> for AppError {
    fn from(e: Failure) -> Self {
        match e {
            Failure::Db(e) => AppError::Db(e),
            Failure::Stopped(e) => AppError::Internal(e),
        }
    }
}

/// Every framework of the organisation: the shipped ones first, then the imported ones.
pub async fn known(state: &AppState, org: i64) -> Result<Vec<Known>, AppError> {
    Ok(state.frameworks.known(&state.db.pool, org).await?)
}

async fn find(state: &AppState, org: i64, key: &str, version: &str) -> Result<Known, AppError> {
    state.frameworks.find(&state.db.pool, org, key, version).await?.ok_or(AppError::NotFound)
}

fn english(tr: &Tr) -> bool {
    tr.lang == Lang::En
}

/// A framework file problem in the user's language, with its line.
pub fn problem_text(e: &FileError, tr: &Tr) -> String {
    let what = match &e.problem {
        Problem::Syntax(m) => tr.ts("fw-err-syntax", "detail", m),
        Problem::Missing(k) => tr.ts("fw-err-missing", "key", k),
        Problem::UnknownKey(k) => tr.ts("fw-err-unknown-key", "key", k),
        Problem::BadId(id) => tr.ts("fw-err-bad-id", "id", id),
        Problem::BadVersion(v) => tr.ts("fw-err-bad-version", "version", v),
        Problem::BadTextKind(t) => tr.ts("fw-err-text-kind", "value", t),
        Problem::Duplicate(id) => tr.ts("fw-err-duplicate", "id", id),
        Problem::UnknownParent { id, parent } => tr.args("fw-err-parent", &[("id", id), ("parent", parent)]),
        Problem::NothingAssessable => tr.t("fw-err-nothing"),
        Problem::TooMany(n) => tr.tn("fw-err-too-many", *n as i64),
        Problem::NotAFramework => tr.t("fw-err-not-framework"),
        Problem::OverLimit { limit, max } => {
            let id = match limit {
                Limit::Aliases => "fw-err-limit-aliases",
                Limit::Values => "fw-err-limit-values",
                Limit::TextLength => "fw-err-limit-text-length",
                Limit::Text => "fw-err-limit-text",
                Limit::Depth => "fw-err-limit-depth",
            };
            tr.ts(id, "max", &grouped(*max, tr.lang))
        }
    };
    if e.line > 0 { format!("{} {what}", tr.tn("err-on-line", e.line as i64)) } else { what }
}

/// A whole number with its thousands apart: "100 000" (a no-break space) in Swedish, "100,000" in
/// English.
fn grouped(n: usize, lang: Lang) -> String {
    let sep = if lang == Lang::En { ',' } else { '\u{a0}' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The language of a framework whose texts are not in Swedish: its tag for the texts' `lang`
/// attribute, and the note that says so.
pub struct Language {
    pub code: String,
    pub note: String,
}

fn language(fw: &Framework, tr: &Tr) -> Option<Language> {
    let code = fw.foreign_language()?.replace('_', "-");
    let primary = code.split('-').next().unwrap_or_default().to_owned();
    let note = tr.args("fw-language-note", &[("lang", &primary), ("code", &code)]);
    Some(Language { code, note })
}

fn text_kind(fw: &Framework, tr: &Tr) -> String {
    tr.t(&format!("fw-text-{}", fw.text.code()))
}

/// "12 av 19 besvarade · uppfyllt till 58 %": how far the answers have come, and how far what
/// they say is fulfilled (two different shares, each named).
fn progress_text(t: &Tally, tr: &Tr) -> String {
    let answered = tr.args("fw-answered", &[("n", &t.answered().to_string()), ("all", &t.assessable.to_string())]);
    match t.percent() {
        Some(p) => format!("{answered} · {}", tr.ts("fw-fulfilled-share", "p", &p.to_string())),
        None => answered,
    }
}

/// For the start page: each assessment with how far it has come, and the gaps (no or partly)
/// that have no action yet, as (text, link).
pub async fn start_page(
    state: &AppState,
    org: i64,
    tr: &Tr,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let en = english(tr);
    let (mut progress, mut gaps) = (Vec::new(), Vec::new());
    for s in service::kept_standings(&state.db, &state.frameworks, org).await?.iter() {
        let a = &s.assessment;
        progress.push((format!("{}: {}", a.title, progress_text(&s.tally, tr)), format!("/assessments/{}", a.id)));
        for n in s.open_gaps.iter().filter_map(|id| s.fw.node(id)) {
            gaps.push((n.label(en), format!("/assessments/{}/requirements/{}", a.id, n.id)));
        }
    }
    Ok((progress, gaps))
}

pub struct NodeView {
    pub id: String,
    pub reference: String,
    /// The reference and the requirement's own title (`Node::heading`).
    pub label: String,
    /// Whether the requirement has a title of its own; without one its text follows the
    /// reference directly.
    pub titled: bool,
    /// Whether the text says more than the title.
    pub text_adds: bool,
    pub text: String,
    pub guidance: Option<String>,
    pub references: String,
    pub assessable: bool,
    pub depth: usize,
    pub heading: bool,
}

fn node_view(n: &framework::Node, en: bool) -> NodeView {
    NodeView {
        id: n.id.clone(),
        reference: n.reference.clone(),
        label: n.heading(en),
        titled: n.own_title(en).is_some(),
        text_adds: n.text_adds(en),
        text: n.text(en).to_owned(),
        guidance: n.guidance(en).map(str::to_owned),
        references: n.references.join(", "),
        assessable: n.assessable,
        depth: n.depth.min(4),
        heading: n.depth == 0,
    }
}

/// A requirement's heading where it is answered: its reference and own title, or "Krav 21.1"
/// when it has no title (its whole text is then shown below the heading).
fn answer_heading(n: &framework::Node, tr: &Tr) -> String {
    match n.own_title(english(tr)) {
        Some(_) => n.heading(english(tr)),
        None => tr.ts("fw-requirement-heading", "ref", &n.reference),
    }
}

/// A framework's title with its version: "NIS 2 directive requirements, version 3".
fn titled_version(fw: &Framework, tr: &Tr) -> String {
    tr.args("fw-title-version", &[("title", fw.title(english(tr))), ("version", &fw.version)])
}

/// The assessment and its framework, or 404 when either is not the organisation's.
async fn load(state: &AppState, user: &CurrentUser, id: &str) -> Result<(store::Assessment, Arc<Framework>), AppError> {
    let id = parse_id(id)?;
    service::with_framework(&state.db.pool, &state.frameworks, user.org_id, id).await?.ok_or(AppError::NotFound)
}

pub struct ChapterView {
    /// Position among the chapters, for the chapter form's address.
    pub n: usize,
    pub title: String,
    pub anchor: String,
    pub tally: Tally,
    pub percent: String,
    pub percent_value: u32,
    pub maturity: String,
}

#[derive(Clone)]
pub struct AnswerRow {
    pub id: String,
    pub reference: String,
    pub title: String,
    /// Reference and title, as a group row shows a chapter or section.
    pub label: String,
    pub depth: usize,
    pub assessable: bool,
    pub heading: bool,
    pub anchor: String,
    pub status: String,
    pub status_code: String,
    pub maturity: String,
    pub comment: String,
    pub evidence: String,
    pub actions: Vec<(i64, String, String)>,
    pub requirements: String,
}

impl AnswerRow {
    /// Whether the answer is a gap: not or partly met.
    pub fn is_gap(&self) -> bool {
        Status::parse(&self.status_code).is_some_and(Status::is_gap)
    }
}

fn pct(t: &Tally) -> (String, u32) {
    match t.percent() {
        Some(p) => (format!("{p} %"), p),
        None => ("–".to_owned(), 0),
    }
}

fn maturity_text(t: &Tally) -> String {
    t.maturity_tenths().map(|m| format!("{},{}", m / 10, m % 10)).unwrap_or_else(|| "–".to_owned())
}

/// Everything the overview, the exports and the PDF show: chapters, rows and gaps.
struct Summary {
    chapters: Vec<ChapterView>,
    total: ChapterView,
    rows: Vec<AnswerRow>,
}

fn chapter_view(n: usize, title: String, anchor: String, t: &Tally) -> ChapterView {
    let (percent, percent_value) = pct(t);
    ChapterView { n, title, anchor, tally: *t, percent, percent_value, maturity: maturity_text(t) }
}

fn answer_row(s: &Answered, i: usize, n: &framework::Node, tr: &Tr) -> AnswerRow {
    let en = english(tr);
    let ans = s.answer(&n.id);
    let status = ans.and_then(|x| x.status.as_deref()).and_then(Status::parse);
    AnswerRow {
        id: n.id.clone(),
        reference: n.reference.clone(),
        title: n.title(en),
        label: n.label(en),
        depth: n.depth.min(4),
        assessable: n.assessable,
        heading: n.depth == 0,
        anchor: format!("n{i}"),
        status: status
            .map(|s| tr.t(s.label_id()))
            .unwrap_or_else(|| if n.assessable { tr.t("fw-status-none") } else { String::new() }),
        status_code: status.map(|s| s.code()).unwrap_or("none").to_owned(),
        maturity: ans.and_then(|x| x.maturity).map(|m| m.to_string()).unwrap_or_default(),
        comment: ans.and_then(|x| x.comment.clone()).unwrap_or_default(),
        evidence: ans.and_then(|x| x.evidence.clone()).unwrap_or_default(),
        actions: s.actions(&n.id).into_iter().map(|x| (x.id, x.title.clone(), tr.t(x.status.label_id()))).collect(),
        requirements: ans.map(|x| x.requirements().join(", ")).unwrap_or_default(),
    }
}

async fn summarise(
    state: &AppState,
    user: &CurrentUser,
    a: &store::Assessment,
    fw: &Framework,
    tr: &Tr,
) -> Result<Summary, AppError> {
    let en = english(tr);
    let s = crate::services::frameworks::summary::summary(&state.db.pool, user.org_id, a, fw).await?;
    let chapters = s
        .chapters
        .iter()
        .enumerate()
        .map(|(n, (i, t))| chapter_view(n, fw.nodes[*i].label(en), format!("n{i}"), t))
        .collect();
    let total = chapter_view(0, tr.t("fw-total"), String::new(), &s.total);
    let rows = fw.nodes.iter().enumerate().map(|(i, n)| answer_row(&s, i, n, tr)).collect();
    Ok(Summary { chapters, total, rows })
}

fn maturity_choices(tr: &Tr) -> Vec<Choice> {
    let mut c = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    c.extend((0..=framework::MATURITY_MAX).map(|m| Choice {
        value: m.to_string(),
        label: format!("{m} – {}", tr.t(&format!("fw-maturity-{m}"))),
        depth: 0,
    }));
    c
}
