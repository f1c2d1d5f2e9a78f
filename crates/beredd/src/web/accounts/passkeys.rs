//! Passkeys and security keys on the second-factor page and at login. The browser's part is
//! `static/passkeys.js`: it asks for the options (JSON, the only JSON these pages speak), lets the
//! browser make or use the key, and posts the answer in an ordinary form, whose answer is a page.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

use super::second_factor::{Said, setup};
use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::services::accounts::passkeys;
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::{self, CurrentUser, Posted, PreLoginForm};
use crate::web::error::AppError;
use crate::web::register::parse_id;

fn relying_party(state: &AppState, headers: &HeaderMap) -> Option<webauthn_rs::prelude::Webauthn> {
    auth::origin(state, headers).and_then(|o| passkeys::relying_party(&o))
}

/// A refusal the script shows in the page's message area.
fn refusal(status: StatusCode, tr: &Tr, message: &str) -> Response {
    (status, axum::Json(json!({ "error": tr.t(message) }))).into_response()
}

async fn me(state: &AppState, user: &CurrentUser) -> Result<users::User, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    users::get(&mut conn, user.org_id, user.id).await?.ok_or(AppError::NotFound)
}

/// The options for adding a key with the name typed: `{ticket, options}`.
pub async fn options(State(state): State<AppState>, headers: HeaderMap, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let Some(rp) = relying_party(&state, &headers) else {
        return Ok(refusal(StatusCode::CONFLICT, &tr, "passkey-no-host-name"));
    };
    let me = me(&state, &user).await?;
    match passkeys::begin_adding(&state.db, &rp, &me, form.text("name")).await {
        Ok((ticket, options)) => Ok(axum::Json(json!({ "ticket": ticket, "options": options })).into_response()),
        Err(Failure::Invalid(_)) => Ok(refusal(StatusCode::UNPROCESSABLE_ENTITY, &tr, "passkey-name-required")),
        Err(e) => Err(e.into()),
    }
}

/// Adds the key the browser made; the page again, with the recovery codes when it was the first
/// second factor.
pub async fn add(State(state): State<AppState>, headers: HeaderMap, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let Some(rp) = relying_party(&state, &headers) else {
        let said = Said { error: Some("passkey-no-host-name"), ..Said::default() };
        return Ok((StatusCode::CONFLICT, setup(&state, &headers, &user, said).await?).into_response());
    };
    let me = me(&state, &user).await?;
    let added =
        passkeys::finish_adding(&state.db, &rp, &user.actor(), &me, form.text("ticket"), form.text("credential"))
            .await?;
    match added {
        Ok(recovery) => {
            let said = Said { flash: Some("passkey-added"), recovery, ..Said::default() };
            Ok(setup(&state, &headers, &user, said).await?.into_response())
        }
        Err(refused) => {
            let said = Said { error: Some(refused.message()), ..Said::default() };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, setup(&state, &headers, &user, said).await?).into_response())
        }
    }
}

/// Removes one of the user's own keys.
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    let me = me(&state, &user).await?;
    if !passkeys::remove(&state.db, &user.actor(), &me, parse_id(&id)?).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/account/second-factor?msg=passkey-removed").into_response())
}

/// The options for the login's second step with a key: `{ticket, options}`, for the user whose
/// password was right (the second step's cookie).
pub async fn login_options(State(state): State<AppState>, posted: PreLoginForm) -> Result<Response, AppError> {
    let PreLoginForm { headers, .. } = posted;
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(&headers));
    let named =
        auth::cookie(&headers, super::second_factor::STEP_COOKIE).and_then(|t| auth::second_step_user(&state, t));
    let Some((org, username)) = named else { return Ok(refusal(StatusCode::UNAUTHORIZED, &tr, "passkey-expired")) };
    let Some(rp) = relying_party(&state, &headers) else {
        return Ok(refusal(StatusCode::CONFLICT, &tr, "passkey-no-host-name"));
    };
    let user = users::by_username(&state.db.pool, org, &username).await?.filter(|u| u.active.get());
    let begun = match &user {
        Some(u) => passkeys::begin_login(&state.db, &rp, u).await?,
        None => None,
    };
    match begun {
        Some((ticket, options)) => Ok(axum::Json(json!({ "ticket": ticket, "options": options })).into_response()),
        None => Ok(refusal(StatusCode::NOT_FOUND, &tr, "passkey-none")),
    }
}
