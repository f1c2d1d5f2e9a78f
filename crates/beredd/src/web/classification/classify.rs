//! Classifying an information asset: a level 0–4 per aspect with a justification each. Every
//! classification is a new version (who, when, why); the page then shows which requirements
//! appeared and which disappeared.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::FieldError;
use beredd_domain::classification::{Aspect, Levels, derive, difference, propose};
use beredd_domain::text;

use crate::platform::i18n::Tr;
use crate::store::{assets, audit};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, parse_id};

const LEVEL: [&str; 4] = ["level_k", "level_r", "level_t", "level_s"];
/// The questionnaire: plain questions about consequences, each answered on the 0–4 scale.
/// Their texts and answers are in the Fluent files (`q-…`, `q-…-a0` … `q-…-a4`).
pub const QUESTIONS: [(Aspect, &str); 5] =
    [(Aspect::K, "q-K"), (Aspect::R, "q-R"), (Aspect::T, "q-T-day"), (Aspect::T, "q-T-week"), (Aspect::S, "q-S")];

/// The answers given: (aspect, level) for each question answered with a level 0–4.
fn answers(form: &FormData) -> Vec<(Aspect, u8)> {
    QUESTIONS
        .iter()
        .filter_map(|(a, q)| form.get(q).and_then(|v| v.parse::<u8>().ok()).filter(|l| *l <= 4).map(|l| (*a, l)))
        .collect()
}

fn proposal_text(p: &[Option<u8>; 4]) -> String {
    Aspect::ALL
        .iter()
        .zip(p)
        .map(|(a, l)| format!("{}{}", a.code(), l.map(|l| l.to_string()).unwrap_or_else(|| "–".into())))
        .collect::<Vec<_>>()
        .join(" ")
}
const WHY: [&str; 4] = ["why_k", "why_r", "why_t", "why_s"];

fn fields(form: &FormData, errors: &Errors, tr: &Tr, reclassifying: bool) -> Vec<Field> {
    let mut f = Vec::new();
    for (_, q) in QUESTIONS {
        let choices = (0..=4)
            .map(|l| crate::web::forms::Choice { value: l.to_string(), label: tr.t(&format!("{q}-a{l}")), depth: 0 })
            .collect();
        f.push(Field::new(q, tr.t(q), FieldKind::Radio, form, errors, tr).choices(choices));
    }
    for (i, a) in Aspect::ALL.iter().enumerate() {
        // Starts empty ("Välj nivå"): an unanswered level is never saved as 0.
        let mut choices = crate::web::continuity::bia::level_choices(tr);
        if let Some(first) = choices.first_mut() {
            first.label = tr.t("classify-choose-level");
        }
        f.push(
            Field::new(LEVEL[i], tr.t(a.label_id()), FieldKind::Select, form, errors, tr)
                .required()
                .hint(tr.t(&format!("hint-aspect-{}", a.code())))
                .choices(choices),
        );
        f.push(
            Field::new(
                WHY[i],
                tr.ts("field-why", "aspect", &tr.t(a.label_id())),
                FieldKind::TextArea,
                form,
                errors,
                tr,
            )
            .maxlength(2000),
        );
    }
    let reason = Field::new("reason", tr.t("field-reason"), FieldKind::TextArea, form, errors, tr).maxlength(2000);
    f.push(if reclassifying { reason.required().hint(tr.t("hint-reason")) } else { reason });
    f
}

fn parse(form: &FormData, reclassifying: bool) -> Result<assets::ClassificationInput, Errors> {
    let proposal = propose(&answers(form));
    let mut e = Errors::default();
    let mut levels = [0u8; 4];
    for i in 0..4 {
        let raw = form.text(LEVEL[i]).trim();
        if raw.is_empty() {
            e.add(LEVEL[i], FieldError::Required);
            continue;
        }
        match raw.parse::<i64>().map_err(|_| FieldError::Number { min: 0, max: 4 }).and_then(beredd_domain::bia::level)
        {
            Ok(l) => levels[i] = l,
            Err(err) => e.add(LEVEL[i], err),
        }
    }
    let why = WHY.map(|w| e.take(w, text::optional_text(form.text(w), 2000)));
    let reason = e.take("reason", text::optional_text(form.text("reason"), 2000));
    // Choosing another level than the questionnaire proposed is allowed, with a reason.
    let overridden = (0..4).any(|i| proposal[i].is_some_and(|p| !e.0.contains_key(LEVEL[i]) && p != levels[i]));
    if reason.is_none() && !e.0.contains_key("reason") {
        if overridden {
            e.add("reason", FieldError::OverrideWithoutReason);
        } else if reclassifying {
            e.add("reason", FieldError::Required);
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    let levels = Levels::new(levels[0], levels[1], levels[2], levels[3]).map_err(|err| {
        let mut e = Errors::default();
        e.add("level_k", err);
        e
    })?;
    Ok(assets::ClassificationInput { levels, why, reason })
}

async fn load(state: &AppState, user: &CurrentUser, id: &str) -> Result<assets::Asset, AppError> {
    user.require(user.role.edits_all_content())?;
    let id = parse_id(id)?;
    let mut conn = state.db.pool.acquire().await?;
    assets::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    asset: &assets::Asset,
    form: &FormData,
    errors: &Errors,
    notice: Option<String>,
) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/assets", String::new());
    ctx.title = ctx.tr.ts("classify-title", "name", &asset.name);
    let fields = fields(form, errors, &ctx.tr, asset.current.is_some());
    let secondary = Some(("propose".to_owned(), ctx.tr.t("classify-propose")));
    let notice = notice.or_else(|| Some(ctx.tr.t("classify-help")));
    let mut page =
        FormPage::new(ctx, format!("/assets/{}/classify", asset.id), format!("/assets/{}", asset.id), fields);
    page.secondary = secondary;
    page.notice = notice;
    page
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<FormPage, AppError> {
    let asset = load(&state, &user, &id).await?;
    let mut form = FormData::default();
    // A first classification starts with no levels; a new one from the levels in force.
    if let Some(c) = &asset.current {
        let levels = c.levels();
        for (i, a) in Aspect::ALL.iter().enumerate() {
            form.set(LEVEL[i], levels.get(*a).to_string());
        }
        for (i, w) in [&c.why_k, &c.why_r, &c.why_t, &c.why_s].into_iter().enumerate() {
            form.set(WHY[i], w.clone().unwrap_or_default());
        }
    }
    Ok(page(&state, &user, &asset, &form, &Errors::default(), None))
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    let asset = load(&state, &user, &id).await?;
    if form.get("propose").is_some() {
        // Fill in the proposed levels and show the form again; nothing is stored yet.
        let proposal = propose(&answers(&form));
        for (i, p) in proposal.iter().enumerate() {
            if let Some(l) = p {
                form.set(LEVEL[i], l.to_string());
            }
        }
        let mut notice = tr.ts("classify-proposal", "levels", &proposal_text(&proposal));
        if proposal.contains(&Some(4)) {
            notice = format!("{notice} {}", tr.t("requirements-level-4"));
        }
        return Ok(page(&state, &user, &asset, &form, &Errors::default(), Some(notice)).into_response());
    }
    let input = match parse(&form, asset.current.is_some()) {
        Ok(i) => i,
        Err(errors) => {
            return Ok(
                (StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &asset, &form, &errors, None)).into_response()
            );
        }
    };
    let catalogue = state.catalogue_for(user.org_id).await?;
    let mut tx = state.db.begin_write().await?;
    let version =
        assets::classify(&mut tx, user.org_id, asset.id, &input, &user.display_name, &catalogue.version).await?;
    let after = assets::versions(&mut *tx, user.org_id, asset.id).await?.into_iter().next();
    let change = audit::Change {
        action: "classify",
        entity: "asset",
        entity_id: Some(asset.id),
        summary: &asset.name,
        before: asset.current.as_ref(),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, &user.actor(), change).await?;
    tx.commit().await?;
    // What the change did to the requirements, carried to the asset page.
    let rules: Vec<_> = catalogue.requirements.iter().map(|r| r.applies.clone()).collect();
    let flags = asset.flags();
    let before = derive(&rules, &asset.current.as_ref().map(|c| c.levels()).unwrap_or_default(), &flags);
    let now = derive(&rules, &input.levels, &flags);
    let (appear, disappear) = difference(&before, &now);
    Ok(Redirect::to(&format!(
        "/assets/{}?msg=classified&version={version}&appear={}&disappear={}",
        asset.id,
        appear.len(),
        disappear.len()
    ))
    .into_response())
}
