//! The user's own account: password, language, and which person in the register they are.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, text};

use crate::platform::i18n::{Lang, Tr};
use crate::services::accounts::own;
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::{self, CurrentUser, LANG_COOKIE, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData};
use crate::web::page::Ctx;
use crate::web::register::Query_;

#[derive(Template, WebTemplate)]
#[template(path = "accounts/account.html")]
pub struct AccountPage {
    pub ctx: Ctx,
    pub username: String,
    pub password_fields: Vec<Field>,
    pub language: Field,
    /// Which person in the register the user is.
    pub person: Field,
}

fn password_fields(form: &FormData, errors: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("current", tr.t("field-current-password"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("current-password"),
        Field::new("new", tr.t("field-new-password"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password")
            .hint(tr.t("hint-password")),
        Field::new("repeat", tr.t("field-repeat-password"), FieldKind::Password, form, errors, tr)
            .required()
            .autocomplete("new-password"),
    ]
}

fn language_field(user: &CurrentUser, tr: &Tr) -> Field {
    let mut form = FormData::default();
    form.set("lang", user.lang.code());
    Field::new("lang", tr.t("field-language"), FieldKind::Select, &form, &Errors::default(), tr).choices(vec![
        Choice { value: "sv".into(), label: "Svenska".into(), depth: 0 },
        Choice { value: "en".into(), label: "English".into(), depth: 0 },
    ])
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    errors: &Errors,
    flash: Option<&str>,
) -> Result<AccountPage, AppError> {
    let ctx = Ctx::new(state, user, "/account", String::new()).with_flash(flash);
    let mut ctx = ctx;
    ctx.title = ctx.tr.t("account-title");
    let lk = crate::web::lookups::Lookups::load(&state.db, user.org_id).await?;
    let mut pf = FormData::default();
    pf.set("person", users::person_of(&state.db.pool, user.id).await?.map(|p| p.to_string()).unwrap_or_default());
    let person = Field::new("person", ctx.tr.t("field-me"), FieldKind::Select, &pf, &Errors::default(), &ctx.tr)
        .choices(lk.people_choices(ctx.tr.t("choice-none")))
        .hint(ctx.tr.t("hint-me"));
    Ok(AccountPage {
        password_fields: password_fields(form, errors, &ctx.tr),
        language: language_field(user, &ctx.tr),
        username: user.username.clone(),
        person,
        ctx,
    })
}

pub async fn page(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<AccountPage, AppError> {
    render(&state, &user, &FormData::default(), &Errors::default(), q.get("msg").map(String::as_str)).await
}

/// Says which person in the register the user is, for "mine" on the start page and in the calendar.
pub async fn change_person(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let lk = crate::web::lookups::Lookups::load(&state.db, user.org_id).await?;
    let person = crate::web::forms::optional_id(form.text("person"), |p| lk.person(p).is_some())
        .map_err(|_| AppError::BadRequest("unknown person"))?;
    own::set_person(&state.db, &user.actor(), user.id, person).await?;
    Ok(Redirect::to("/account?msg=saved").into_response())
}

pub async fn change_password(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let mut errors = Errors::default();
    let stored = {
        let mut conn = state.db.pool.acquire().await?;
        users::get(&mut conn, user.org_id, user.id).await?.ok_or(AppError::NotFound)?
    };
    if !auth::verify_password_blocking(&state, form.text("current").to_owned(), stored.password_hash.clone()).await? {
        errors.add("current", FieldError::WrongPassword);
    }
    if let Err(e) = text::new_password(form.text("new")) {
        errors.add("new", e);
    } else if form.text("new") != form.text("repeat") {
        errors.add("repeat", FieldError::PasswordMismatch);
    }
    if !errors.is_empty() {
        // Passwords are never sent back into the page.
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&state, &user, &FormData::default(), &errors, None).await?,
        )
            .into_response());
    }
    let hash = auth::hash_password_blocking(&state, form.text("new").to_owned()).await?;
    own::set_password(&state.db, &user.actor(), user.id, user.session_id, &hash).await?;
    Ok(Redirect::to("/account?msg=password").into_response())
}

pub async fn change_language(
    State(state): State<AppState>,
    headers: HeaderMap,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let lang = Lang::parse(form.text("lang"));
    users::set_lang(&state.db.pool, user.id, lang.code()).await?;
    let mut resp = Redirect::to("/account?msg=saved").into_response();
    if let Ok(v) = auth::set_cookie(&state, &headers, LANG_COOKIE, lang.code(), 365 * 86400).parse() {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}
