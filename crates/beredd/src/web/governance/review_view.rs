//! The management review as the page and the PDF show it: each section's figures with last
//! year's and the change, its summary in words, what it lists, what can and cannot be compared,
//! and the management's decisions. What the figures are is `services::governance::review`.

use serde_json::json;

use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::governance::review::{Comparison, Figure, Item, Review, Section, Sentence};
use crate::web::forms::{Errors, Field, FieldKind, FormData};

pub struct FigureView {
    pub label: String,
    pub value: i64,
    /// Last year's figure, or empty when it cannot be counted.
    pub previous: String,
    /// "+3", "−2", "±0", or empty.
    pub change: String,
}

pub struct DecisionView {
    pub text: String,
    pub action_id: Option<i64>,
}

pub struct SectionView {
    pub key: &'static str,
    pub title: String,
    pub summary: String,
    pub figures: Vec<FigureView>,
    /// Whether any figure has last year's.
    pub compared: bool,
    pub items: Vec<Item>,
    /// What the comparison rests on, or why there is none.
    pub note: Option<String>,
    pub decisions: Vec<DecisionView>,
    /// The decisions' text area and the box that makes them actions.
    pub field: Field,
    pub make_actions: Field,
}

fn change_sign(c: i64) -> String {
    match c {
        0 => "±0".to_owned(),
        c if c > 0 => format!("+{c}"),
        c => format!("−{}", -c),
    }
}

fn figure_view(tr: &Tr, f: &Figure) -> FigureView {
    FigureView {
        label: tr.t(f.label),
        value: f.value,
        previous: f.previous.map(|p| p.to_string()).unwrap_or_default(),
        change: f.previous.map(|p| change_sign(f.value - p)).unwrap_or_default(),
    }
}

/// A sentence of the summary with its change since last year: "12 av 40 informationstillgångar
/// saknar klassning; 3 fler än förra året."
fn sentence_text(tr: &Tr, s: &Sentence) -> String {
    let args: Vec<(&str, &str)> = s.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut text = tr.args(s.id, &args);
    if let Some(c) = s.change {
        let change = match c {
            0 => tr.t("review-change-same"),
            c if c > 0 => tr.tn("review-change-more", c),
            c => tr.tn("review-change-fewer", -c),
        };
        text = format!("{text}; {change}");
    }
    text.push('.');
    text
}

/// The section's summary: its sentences, one after the other.
pub fn summary_text(tr: &Tr, s: &Section) -> String {
    s.summary.iter().map(|x| sentence_text(tr, x)).collect::<Vec<_>>().join(" ")
}

/// What the comparison with last year rests on, or why there is none; and for a past year, that
/// the figures are today's.
fn note_text(tr: &Tr, s: &Section, r: &Review) -> Option<String> {
    let mut parts = Vec::new();
    if s.today_only && !r.current {
        parts.push(tr.ts("review-note-today", "year", &r.year.to_string()));
    }
    match s.comparison {
        Comparison::Counted { note: Some(id) } => parts.push(tr.ts(id, "year", &(r.year - 1).to_string())),
        Comparison::Counted { note: None } => {}
        Comparison::NotPossible(id) => parts.push(tr.t(id)),
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The form's values for a section: as posted, or the decisions stored (each a line).
pub fn stored_form(r: &Review) -> FormData {
    let mut pairs = Vec::new();
    if let Some(saved) = &r.saved {
        pairs.push(("held_on".to_owned(), saved.held_on.to_string()));
        pairs.push(("participants".to_owned(), saved.participants.clone()));
    }
    for s in &r.sections {
        let lines: Vec<String> = r.decisions_of(s.key).iter().map(|d| d.text.clone()).collect();
        pairs.push((format!("decisions_{}", s.key), lines.join("\n")));
        pairs.push((format!("actions_{}", s.key), "on".to_owned()));
    }
    FormData::from_pairs(pairs)
}

/// The decisions' text area and the tick box that makes them actions, for the section `key`.
fn decision_fields(tr: &Tr, key: &str, title: &str, form: &FormData, errors: &Errors) -> (Field, Field) {
    let field = Field::new(
        format!("decisions_{key}"),
        tr.ts("review-field-decisions", "section", title),
        FieldKind::TextArea,
        form,
        errors,
        tr,
    )
    .maxlength(7000)
    .hint(tr.t("review-hint-decisions"));
    let make_actions =
        Field::new(format!("actions_{key}"), tr.t("review-field-actions"), FieldKind::Checkbox, form, errors, tr);
    (field, make_actions)
}

pub fn sections(tr: &Tr, r: &Review, form: &FormData, errors: &Errors) -> Vec<SectionView> {
    r.sections
        .iter()
        .map(|s| {
            let title = tr.t(&format!("review-section-{}", s.key));
            let (field, make_actions) = decision_fields(tr, s.key, &title, form, errors);
            let figures: Vec<FigureView> = s.figures.iter().map(|f| figure_view(tr, f)).collect();
            SectionView {
                key: s.key,
                summary: summary_text(tr, s),
                compared: figures.iter().any(|f| !f.previous.is_empty()),
                figures,
                items: s.items.clone(),
                note: note_text(tr, s, r),
                decisions: r
                    .decisions_of(s.key)
                    .iter()
                    .map(|d| DecisionView { text: d.text.clone(), action_id: d.action_id })
                    .collect(),
                field,
                make_actions,
                title,
            }
        })
        .collect()
}

/// "Siffrorna gäller 2026-11-24" or "… 2025-12-31".
pub fn as_of_text(tr: &Tr, r: &Review) -> String {
    tr.args("review-as-of", &[("date", &r.as_of.to_string()), ("previous", &(r.year - 1).to_string())])
}

fn section_json(tr: &Tr, s: &SectionView) -> serde_json::Value {
    let figures: Vec<_> =
        s.figures.iter().map(|f| json!([f.label, f.value.to_string(), f.previous, f.change])).collect();
    let items: Vec<_> = s.items.iter().map(|i| json!({"text": i.text, "details": i.details})).collect();
    let decisions: Vec<String> = s
        .decisions
        .iter()
        .map(|d| match d.action_id {
            Some(a) => format!("{} ({})", d.text, tr.ts("review-decision-action", "id", &a.to_string())),
            None => d.text.clone(),
        })
        .collect();
    json!({
        "title": s.title,
        "summary": s.summary,
        "figures": figures,
        "compared": s.compared,
        "items": items,
        "note": s.note.clone().unwrap_or_default(),
        "decisions": decisions,
    })
}

/// The cover's lines: when the figures are from, the meeting, who printed it.
fn cover_lines(tr: &Tr, r: &Review, printed_by: &str) -> Vec<String> {
    let mut cover = vec![as_of_text(tr, r)];
    match &r.saved {
        Some(saved) => {
            cover.push(format!("{}: {}", tr.t("review-field-held-on"), saved.held_on));
            cover.push(format!("{}: {}", tr.t("review-field-participants"), saved.participants.replace('\n', ", ")));
        }
        None => cover.push(tr.t("review-not-held")),
    }
    cover.push(tr.ts("pdf-printed-by", "name", printed_by));
    cover
}

/// The data of the PDF: the same sections, figures, summaries and decisions.
pub fn pdf_data(tr: &Tr, r: &Review, org: &str, printed_by: &str) -> serde_json::Value {
    let views = sections(tr, r, &stored_form(r), &Errors::default());
    let sections: Vec<serde_json::Value> = views.iter().map(|s| section_json(tr, s)).collect();
    json!({
        "lang": tr.lang.code(),
        "title": tr.ts("review-title-year", "year", &r.year.to_string()),
        "subtitle": org,
        "stamp": tr.ts("pdf-stamp", "date", &clock::today_text()),
        "cover_lines": cover_lines(tr, r, printed_by),
        "intro": tr.t("review-intro"),
        "sections": sections,
        "year": r.year.to_string(),
        "previous_year": (r.year - 1).to_string(),
        "labels": crate::web::classification::reports::labels(tr, &[
            ("figure", "review-col-figure"),
            ("change", "review-col-change"),
            ("decisions", "review-decisions"),
            ("no_decisions", "review-no-decisions"),
        ]),
    })
}
