//! The management review (ledningens genomgång) of a chosen year: a page for everyone logged in
//! and a PDF, with the figures of each section, last year's where they can be counted, a summary
//! in words, and the management's decisions, which those who edit all content save (each
//! decision can become an action in the action plan). The views are `review_view`.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::review_view::{SectionView, as_of_text, pdf_data, sections, stored_form};
use crate::platform::i18n::Tr;
use crate::services::governance::review::{self, DecisionsForm, FIRST_YEAR, Review, SECTIONS, Sources};
use crate::store::orgs;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::classification::reports::{download_pdf, pdf};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;

#[derive(Template, WebTemplate)]
#[template(path = "governance/review.html")]
pub struct ReviewPage {
    pub ctx: Ctx,
    /// The year shown (none when the year asked for was refused).
    pub year: Option<i64>,
    pub year_field: Field,
    pub first_year: i64,
    pub this_year: i64,
    /// The years that have a saved review, as links.
    pub saved_years: Vec<i64>,
    pub as_of: String,
    /// "Sparad 2026-11-24 av Anna Berg", when saved.
    pub saved: Option<String>,
    pub may_save: bool,
    pub held_on: Option<Field>,
    pub participants: Option<Field>,
    pub sections: Vec<SectionView>,
    pub error_summary: Vec<(String, String)>,
}

async fn load(state: &AppState, user: &CurrentUser, tr: &Tr, year: i64) -> Result<Review, AppError> {
    let catalogue = state.catalogue_for(user.org_id).await?;
    let frameworks = state.frameworks.known(&state.db.pool, user.org_id).await?;
    let src = Sources { catalogue: &catalogue, frameworks: &frameworks, tr };
    Ok(review::review(&state.db.pool, &src, user.org_id, year).await?)
}

/// "Sparad 2026-11-24 av Anna Berg."
fn saved_text(tr: &Tr, s: &crate::store::reviews::Review) -> String {
    tr.args("review-saved", &[("date", &s.updated_at.shown_day()), ("name", &s.updated_by)])
}

/// The page for a year (or for a refused year, only the year's field with its error), with the
/// form as posted or as stored.
fn page(mut ctx: Ctx, user: &CurrentUser, r: Option<&Review>, form: &FormData, e: &Errors) -> ReviewPage {
    let tr = &ctx.tr;
    let year_field = Field::new("year", tr.t("review-field-year"), FieldKind::Number, form, e, tr);
    let may_save = user.role.edits_all_content();
    let meeting = |name: &str, label: &str, kind: FieldKind| {
        Field::new(name, tr.t(label), kind, form, e, tr).required().maxlength(2000)
    };
    let held_on = may_save.then(|| meeting("held_on", "review-field-held-on", FieldKind::Date).hint(tr.t("hint-date")));
    let participants = may_save.then(|| {
        meeting("participants", "review-field-participants", FieldKind::TextArea).hint(tr.t("review-hint-participants"))
    });
    let sections = r.map(|r| sections(tr, r, form, e)).unwrap_or_default();
    let fields = [&year_field].into_iter().chain(held_on.iter()).chain(participants.iter()).cloned();
    let error_summary = summary(&fields.chain(sections.iter().map(|s| s.field.clone())).collect::<Vec<_>>());
    let saved = r.and_then(|r| r.saved.as_ref()).map(|s| saved_text(tr, s));
    ctx.title = match r {
        Some(r) => tr.ts("review-title-year", "year", &r.year.to_string()),
        None => tr.t("review-title"),
    };
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    ReviewPage {
        year: r.map(|r| r.year),
        year_field,
        first_year: FIRST_YEAR,
        this_year: review::this_year(),
        saved_years: r.map(|r| r.years.clone()).unwrap_or_default(),
        as_of: r.map(|r| as_of_text(&ctx.tr, r)).unwrap_or_default(),
        saved,
        may_save,
        held_on,
        participants,
        sections,
        error_summary,
        ctx,
    }
}

/// `/governance/review?year=2025`: the review of the year, this year when none is asked for.
pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let mut ctx = Ctx::new(&state, &user, "/governance/review", String::new());
    let asked = q.get("year").cloned().unwrap_or_default();
    let year = match review::parse_year(&asked) {
        Ok(y) => y,
        Err(err) => {
            let mut e = Errors::default();
            e.add("year", err);
            let form = FormData::from_pairs(vec![("year".into(), asked)]);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(ctx, &user, None, &form, &e)).into_response());
        }
    };
    let r = load(&state, &user, &ctx.tr, year).await?;
    ctx.flash = flash(&ctx.tr, &q);
    let mut form = stored_form(&r);
    form.set("year", year.to_string());
    Ok(page(ctx, &user, Some(&r), &form, &Errors::default()).into_response())
}

/// The message after saving: saved, and how many actions the decisions became.
fn flash(tr: &Tr, q: &HashMap<String, String>) -> Option<String> {
    (q.get("msg").map(String::as_str) == Some("saved")).then(|| {
        let made = q.get("actions").and_then(|n| n.parse::<i64>().ok()).unwrap_or(0);
        format!("{} {}", tr.t("flash-saved"), tr.tn("review-flash-actions", made))
    })
}

/// Saves the meeting and the decisions (those who edit all content); a refused form is shown
/// again with each message at its field and nothing stored.
pub async fn save(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let sections = SECTIONS
        .iter()
        .map(|k| (*k, form.text(&format!("decisions_{k}")), form.checked(&format!("actions_{k}"))))
        .collect();
    let posted = DecisionsForm {
        year: form.text("year"),
        held_on: form.text("held_on"),
        participants: form.text("participants"),
        sections,
    };
    match review::check(&posted) {
        Ok(c) => {
            let made = review::save(&state.db, &user.actor(), &tr, &c, &user.display_name).await?;
            Ok(Redirect::to(&format!("/governance/review?year={}&msg=saved&actions={made}", c.year)).into_response())
        }
        Err(found) => {
            let e = Errors::from(found);
            let ctx = Ctx::new(&state, &user, "/governance/review", String::new());
            let r = match review::parse_year(form.text("year")) {
                Ok(y) => Some(load(&state, &user, &ctx.tr, y).await?),
                Err(_) => None,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(ctx, &user, r.as_ref(), &form, &e)).into_response())
        }
    }
}

/// The review of the year as a PDF.
pub async fn download(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let year = review::parse_year(q.get("year").map(String::as_str).unwrap_or("")).map_err(|_| AppError::NotFound)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let r = load(&state, &user, &tr, year).await?;
    let org = orgs::get(&state.db.pool, user.org_id).await?.map(|o| o.name).unwrap_or_default();
    let data = pdf_data(&tr, &r, &org, &user.display_name);
    let stem = format!("{}-{year}", beredd_domain::text::file_stem(&tr.t("review-file")));
    Ok(download_pdf(pdf(beredd_render::Document::Review, data).await?, &stem))
}
