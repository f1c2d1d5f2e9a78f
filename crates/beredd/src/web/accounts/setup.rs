//! The one-time setup link: creates the first administrator of an empty installation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, Role, text};

use crate::platform::i18n::Tr;
use crate::store::{audit, sessions, users};
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
    if users::count(&state.db.pool).await? > 0 {
        return Err(AppError::NotFound);
    }
    sessions::setup_token_org(&state.db.pool, token).await?.ok_or(AppError::NotFound)
}

pub async fn form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    valid(&state, &token).await?;
    Ok(render(&state, &headers, &token, &FormData::default(), &Errors::default(), StatusCode::OK))
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    posted: PreLoginForm,
) -> Result<Response, AppError> {
    let org = valid(&state, &token).await?;
    let PreLoginForm { form, headers } = posted;
    let mut e = Errors::default();
    let username = e.take("username", text::username(form.text("username")));
    let display_name = e.take("display_name", text::Name::parse(form.text("display_name")).map(|n| n.into_string()));
    if let Err(err) = text::new_password(form.text("password")) {
        e.add("password", err);
    } else if form.text("password") != form.text("repeat") {
        e.add("repeat", FieldError::PasswordMismatch);
    }
    if !e.is_empty() {
        return Ok(render(&state, &headers, &token, &form, &e, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = auth::hash_password_blocking(&state, form.text("password").to_owned()).await?;
    let mut tx = state.db.begin_write().await?;
    // Checked again inside the transaction, and the token spent first: of two people using the
    // link at once, the second finds it gone and makes no second administrator (review F18).
    if !sessions::take_setup_token(&mut *tx, &token).await? || users::count(&mut *tx).await? > 0 {
        return Err(AppError::NotFound);
    }
    let id = users::insert(
        &mut *tx,
        &users::NewUser {
            org_id: org,
            username: &username,
            display_name: &display_name,
            password_hash: &hash,
            role: Role::Admin,
            lang: "sv",
        },
    )
    .await?;
    sessions::consume_setup_tokens(&mut *tx).await?;
    let actor = audit::Actor { org_id: org, user_id: Some(id), username: username.clone() };
    let change: audit::Change<'_, ()> = audit::Change {
        action: "create",
        entity: "user",
        entity_id: Some(id),
        summary: "setup link",
        before: None,
        after: None,
    };
    audit::record(&mut *tx, &actor, change).await?;
    tx.commit().await?;
    Ok(Redirect::to("/login").into_response())
}
