//! The administrator's API page: the tokens (made per purpose, shown once, revoked), and the
//! routes of the API with its OpenAPI document.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::services::accounts::api_tokens::{self, Area};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, FormData};
use crate::web::page::Ctx;

pub struct Row {
    pub id: i64,
    pub name: String,
    pub rights: String,
    pub made: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/api_tokens.html")]
pub struct TokensPage {
    pub ctx: Ctx,
    pub tokens: Vec<Row>,
    /// The token just made, shown this once.
    pub new_token: Option<String>,
    pub form: FormData,
    pub errors: Errors,
    pub error_summary: Vec<(String, String)>,
    /// (code, label, checked)
    pub areas: Vec<(&'static str, String, bool)>,
    pub operations: Vec<(String, String, String)>,
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: FormData,
    errors: Errors,
    new_token: Option<String>,
) -> Result<TokensPage, AppError> {
    let mut ctx = Ctx::new(state, user, "/api-tokens", String::new());
    ctx.title = ctx.tr.t("api-title");
    let tr = &ctx.tr;
    let label = |a: &str| tr.t(&format!("api-area-{a}"));
    let tokens = api_tokens::list(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .map(|t| Row {
            id: t.id,
            rights: format!(
                "{}: {}",
                tr.t(if t.may_write.get() { "api-write" } else { "api-read" }),
                t.areas.split(',').map(label).collect::<Vec<_>>().join(", ")
            ),
            made: format!("{} ({})", t.created_at.shown_minute(), t.created_by),
            last_used: t.last_used_at.map(|at| at.shown_minute()).unwrap_or_else(|| tr.t("api-never-used")),
            revoked: t.revoked_at.map(|at| at.shown_minute()),
            name: t.name,
        })
        .collect();
    let chosen = form.all("areas");
    let areas = Area::ALL.iter().map(|a| (a.code(), label(a.code()), chosen.iter().any(|c| *c == a.code()))).collect();
    let operations = super::openapi::operations();
    let error_summary = [("name", "name", "api-token-name"), ("areas", "area-organisation", "api-areas")]
        .iter()
        .filter_map(|(field, target, label)| {
            errors.message(field, tr).map(|m| ((*target).to_owned(), format!("{}: {m}", tr.t(label))))
        })
        .collect();
    Ok(TokensPage { ctx, tokens, new_token, form, errors, error_summary, areas, operations })
}

pub async fn list(user: CurrentUser, State(state): State<AppState>) -> Result<TokensPage, AppError> {
    user.require(user.role.manages_users())?;
    page(&state, &user, FormData::default(), Errors::default(), None).await
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.manages_users())?;
    let areas = form.all("areas");
    let made =
        api_tokens::create(&state.db, &user.actor(), form.text("name"), form.text("access") == "write", &areas).await;
    match made {
        Ok((_, token)) => {
            Ok(page(&state, &user, FormData::default(), Errors::default(), Some(token)).await?.into_response())
        }
        Err(crate::services::Failure::Invalid(found)) => {
            let p = page(&state, &user, form, Errors::from(found), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.manages_users())?;
    let id = crate::web::register::parse_id(&id)?;
    api_tokens::revoke(&state.db, &user.actor(), id).await?;
    Ok(Redirect::to("/api-tokens?msg=saved").into_response())
}

/// The OpenAPI document, for an administrator to download from the page.
pub async fn document(user: CurrentUser) -> Result<Response, AppError> {
    user.require(user.role.manages_users())?;
    use utoipa::OpenApi;
    Ok(axum::Json(super::openapi::Document::openapi()).into_response())
}
