//! User administration (administrators only): accounts, roles, unit grants, password resets.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{FieldError, Role, text};

use crate::platform::i18n::Tr;
use crate::services::accounts::users::{self as accounts, Account};
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::{self, CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, optional_id};
use crate::web::lookups::{Lookups, role_choices};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub active: String,
    pub units: String,
    /// How the user logs in: "Nödkonto", "Kommunens konto" or nothing (a local account).
    pub login: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/users.html")]
pub struct UsersPage {
    pub ctx: Ctx,
    pub rows: Vec<UserRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/user_form.html")]
pub struct UserFormPage {
    pub ctx: Ctx,
    pub action: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    /// For an existing user: the password-reset form.
    pub reset: Option<(String, Vec<Field>)>,
}

fn admin(user: &CurrentUser) -> Result<(), AppError> {
    user.require(user.role.manages_users())
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<UsersPage, AppError> {
    admin(&user)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/users", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.t("users-title");
    let rows = users::list(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            role: ctx.tr.t(u.role.label_id()),
            active: ctx.tr.t(if u.active.get() { "yes" } else { "no" }),
            login: match (u.break_glass.get(), u.sso_subject.is_some()) {
                (true, _) => ctx.tr.t("user-login-break-glass"),
                (false, true) => ctx.tr.t("user-login-sso"),
                (false, false) => ctx.tr.t("user-login-local"),
            },
            units: u.unit_ids.iter().map(|id| lk.unit_name(Some(*id))).collect::<Vec<_>>().join(", "),
            username: u.username,
            display_name: u.display_name,
        })
        .collect();
    Ok(UsersPage { ctx, rows })
}

/// Whether the account is a break-glass account (keeps its password under single sign-on).
fn break_glass_field(form: &FormData, errors: &Errors, tr: &Tr) -> Field {
    Field::new("break_glass", tr.t("field-break-glass"), FieldKind::Checkbox, form, errors, tr)
        .hint(tr.t("hint-break-glass"))
}

fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, new: bool) -> Vec<Field> {
    let mut f = Vec::new();
    if new {
        f.push(
            Field::new("username", tr.t("field-username"), FieldKind::Text, form, errors, tr)
                .required()
                .maxlength(64)
                .hint(tr.t("hint-username")),
        );
    }
    f.push(
        Field::new("display_name", tr.t("field-display-name"), FieldKind::Text, form, errors, tr)
            .required()
            .maxlength(200),
    );
    f.push(
        Field::new("role", tr.t("field-role"), FieldKind::Select, form, errors, tr)
            .required()
            .choices(role_choices(tr)),
    );
    f.push(
        Field::new("units", tr.t("field-granted-units"), FieldKind::MultiCheck, form, errors, tr)
            .hint(tr.t("hint-granted-units"))
            .choices(lk.unit_choices(None)),
    );
    f.push(break_glass_field(form, errors, tr));
    if new {
        f.push(
            Field::new("password", tr.t("field-password"), FieldKind::Password, form, errors, tr)
                .required()
                .autocomplete("new-password")
                .hint(tr.t("hint-password")),
        );
    } else {
        f.push(Field::new("active", tr.t("field-active"), FieldKind::Checkbox, form, errors, tr));
    }
    f
}

fn form_page(mut ctx: Ctx, action: String, form: &FormData, errors: &Errors, lk: &Lookups, new: bool) -> UserFormPage {
    let fields = fields(form, errors, lk, &ctx.tr, new);
    if !errors.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let reset = (!new).then(|| {
        let f = vec![
            Field::new(
                "password",
                ctx.tr.t("field-new-password"),
                FieldKind::Password,
                &FormData::default(),
                errors,
                &ctx.tr,
            )
            .required()
            .autocomplete("new-password")
            .hint(ctx.tr.t("hint-password")),
        ];
        (format!("{action}/password"), f)
    });
    let mut error_summary = crate::web::forms::summary(&fields);
    if let Some((_, reset_fields)) = &reset {
        error_summary.extend(crate::web::forms::summary(reset_fields));
    }
    UserFormPage { error_summary, ctx, action, fields, reset }
}

fn parse(form: &FormData, lk: &Lookups, e: &mut Errors) -> Account {
    let display_name = e.take("display_name", text::Name::parse(form.text("display_name")).map(|n| n.into_string()));
    let role = e.take("role", Role::parse(form.text("role")).map(Some)).unwrap_or(Role::Reader);
    let mut units = Vec::new();
    for u in form.all("units") {
        match optional_id(u, |id| lk.unit(id).is_some()) {
            Ok(Some(id)) => units.push(id),
            Ok(None) => {}
            Err(err) => e.add("units", err),
        }
    }
    Account { display_name, role, units, break_glass: form.checked("break_glass") }
}

/// The form again, with what was wrong: for a new user, or for the account `target`.
fn refused(
    state: &AppState,
    user: &CurrentUser,
    target: Option<&users::User>,
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
) -> Response {
    let mut ctx = Ctx::new(state, user, "/users", String::new());
    let action = match target {
        None => {
            ctx.title = ctx.tr.t("users-new");
            "/users/new".to_owned()
        }
        Some(t) => {
            ctx.title = ctx.tr.ts("users-edit", "name", &t.username);
            format!("/users/{}", t.id)
        }
    };
    (StatusCode::UNPROCESSABLE_ENTITY, form_page(ctx, action, form, e, lk, target.is_none())).into_response()
}

pub async fn new_form(user: CurrentUser, State(state): State<AppState>) -> Result<UserFormPage, AppError> {
    admin(&user)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/users", String::new());
    ctx.title = ctx.tr.t("users-new");
    let mut form = FormData::default();
    form.set("role", "reader");
    Ok(form_page(ctx, "/users/new".into(), &form, &Errors::default(), &lk, true))
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, .. } = posted;
    admin(&user)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let username = e.take("username", text::username(form.text("username")));
    let account = parse(&form, &lk, &mut e);
    if let Err(err) = text::new_password(form.text("password")) {
        e.add("password", err);
    }
    if e.is_empty() && users::by_username(&state.db.pool, user.org_id, &username).await?.is_some() {
        e.add("username", FieldError::Duplicate);
    }
    if !e.is_empty() {
        form.set("password", "");
        return Ok(refused(&state, &user, None, &form, &e, &lk));
    }
    let hash = auth::hash_password_blocking(&state, form.text("password").to_owned()).await?;
    accounts::create(&state.db, &user.actor(), &username, &account, &hash).await?;
    Ok(Redirect::to("/users?msg=created").into_response())
}

fn values(u: &users::User) -> FormData {
    let mut f = FormData::from_pairs(vec![
        ("display_name".into(), u.display_name.clone()),
        ("role".into(), u.role.code().into()),
        ("active".into(), if u.active.get() { "on".into() } else { String::new() }),
        ("break_glass".into(), if u.break_glass.get() { "on".into() } else { String::new() }),
    ]);
    for id in &u.unit_ids {
        f.push("units", id.to_string());
    }
    f
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<UserFormPage, AppError> {
    admin(&user)?;
    let target = target(&state, &user, &id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/users", String::new());
    ctx.title = ctx.tr.ts("users-edit", "name", &target.username);
    Ok(form_page(ctx, format!("/users/{}", target.id), &values(&target), &Errors::default(), &lk, false))
}

/// The account, or not found.
async fn target(state: &AppState, user: &CurrentUser, id: &str) -> Result<users::User, AppError> {
    let id = parse_id(id)?;
    let mut conn = state.db.pool.acquire().await?;
    users::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    admin(&user)?;
    let before = target(&state, &user, &id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let account = parse(&form, &lk, &mut e);
    let active = form.checked("active");
    if accounts::locks_out(user.id, before.id, account.role, active) {
        e.add("role", FieldError::Choice);
    }
    if !e.is_empty() {
        return Ok(refused(&state, &user, Some(&before), &form, &e, &lk));
    }
    accounts::update(&state.db, &user.actor(), before.id, &account, active).await?;
    Ok(Redirect::to("/users?msg=saved").into_response())
}

pub async fn reset_password(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    admin(&user)?;
    let target = target(&state, &user, &id).await?;
    if let Err(err) = text::new_password(form.text("password")) {
        let lk = Lookups::load(&state.db, user.org_id).await?;
        let mut e = Errors::default();
        e.add("password", err);
        return Ok(refused(&state, &user, Some(&target), &values(&target), &e, &lk));
    }
    let hash = auth::hash_password_blocking(&state, form.text("password").to_owned()).await?;
    accounts::reset_password(&state.db, &user.actor(), &target, &hash).await?;
    Ok(Redirect::to("/users?msg=password").into_response())
}
