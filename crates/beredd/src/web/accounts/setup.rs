//! The one-time setup link: creates the first administrator of an empty installation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, text};

use crate::platform::i18n::Tr;
use crate::services::setup;
use crate::web::AppState;
use crate::web::auth::{self, PRELOGIN_COOKIE, PreLoginForm};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData};

#[derive(Template, WebTemplate)]
#[template(path = "accounts/setup.html")]
pub struct SetupPage {
    pub tr: Tr,
    pub csrf: String,
    pub action: String,
    pub fields: Vec<Field>,
}

fn render(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    form: &FormData,
    errors: &Errors,
    status: StatusCode,
) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let fields = vec![
        Field::new("username", tr.t("field-username"), FieldKind::Text, form, errors, &tr)
            .required()
            .maxlength(64)
            .autocomplete("username"),
        Field::new("display_name", tr.t("field-display-name"), FieldKind::Text, form, errors, &tr)
            .required()
            .maxlength(200)
            .autocomplete("name"),
        Field::new("password", tr.t("field-password"), FieldKind::Password, &FormData::default(), errors, &tr)
            .required()
            .autocomplete("new-password")
            .hint(tr.t("hint-password")),
        Field::new("repeat", tr.t("field-repeat-password"), FieldKind::Password, &FormData::default(), errors, &tr)
            .required()
            .autocomplete("new-password"),
    ];
    let cookie = auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS);
    (status, [(header::SET_COOKIE, cookie)], SetupPage { tr, csrf, action: format!("/setup/{token}"), fields })
        .into_response()
}

/// The link works only while no user exists and the token is valid.
async fn valid(state: &AppState, token: &str) -> Result<i64, AppError> {
    setup::link_org(&state.db.pool, token).await?.ok_or(AppError::NotFound)
}

pub async fn form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    valid(&state, &token).await?;
    Ok(render(&state, &headers, &token, &FormData::default(), &Errors::default(), StatusCode::OK))
}

/// The form's name, display name and password (twice), checked.
fn read(form: &FormData) -> (Errors, String, String) {
    let mut e = Errors::default();
    let username = e.take("username", text::username(form.text("username")));
    let display_name = e.take("display_name", text::Name::parse(form.text("display_name")).map(|n| n.into_string()));
    if let Err(err) = text::new_password(form.text("password")) {
        e.add("password", err);
    } else if form.text("password") != form.text("repeat") {
        e.add("repeat", FieldError::PasswordMismatch);
    }
    (e, username, display_name)
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    posted: PreLoginForm,
) -> Result<Response, AppError> {
    let org = valid(&state, &token).await?;
    let PreLoginForm { form, headers, .. } = posted;
    let (e, username, display_name) = read(&form);
    if !e.is_empty() {
        return Ok(render(&state, &headers, &token, &form, &e, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = auth::hash_password_blocking(&state, form.text("password").to_owned()).await?;
    if !setup::first_admin(&state.db, org, &token, &username, &display_name, &hash).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/login").into_response())
}
