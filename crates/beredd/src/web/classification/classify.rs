//! Classifying an information asset: a level 0–4 per aspect with a justification each. Every
//! classification is a new version (who, when, why); the page then shows which requirements
//! appeared and which disappeared.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::classification::{Aspect, propose};

use crate::platform::i18n::Tr;
use crate::services::classification::classify::{self, Draft, LEVEL, WHY};
use crate::store::assets;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, parse_id};

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
            .maxlength(2000)
            .hint(tr.t("hint-why")),
        );
    }
    let reason = Field::new("reason", tr.t("field-reason"), FieldKind::TextArea, form, errors, tr).maxlength(2000);
    f.push(if reclassifying { reason.required().hint(tr.t("hint-reason")) } else { reason });
    f
}

fn draft(form: &FormData) -> Draft<'_> {
    Draft {
        levels: LEVEL.map(|l| form.text(l)),
        why: WHY.map(|w| form.text(w)),
        reason: form.text("reason"),
        answers: answers(form),
    }
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

/// The form again with the levels the questionnaire proposes filled in; nothing is stored.
fn proposed(state: &AppState, user: &CurrentUser, asset: &assets::Asset, mut form: FormData, tr: &Tr) -> FormPage {
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
    page(state, user, asset, &form, &Errors::default(), Some(notice))
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let asset = load(&state, &user, &id).await?;
    if form.get("propose").is_some() {
        return Ok(proposed(&state, &user, &asset, form, &tr).into_response());
    }
    let input = match classify::parse(&draft(&form), asset.current.is_some()) {
        Ok(i) => i,
        Err(e) => {
            let page = page(&state, &user, &asset, &form, &Errors::from(e), None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let catalogue = state.catalogue_for(user.org_id).await?;
    let done = classify::save(&state.db, &user.actor(), &user.display_name, &catalogue, &asset, &input).await?;
    // What the change did to the requirements, carried to the asset page.
    Ok(Redirect::to(&format!(
        "/assets/{}?msg=classified&version={}&appear={}&disappear={}",
        asset.id, done.version, done.appear, done.disappear
    ))
    .into_response())
}
