//! The organisation's identity provider (administrators only): issuer, client, the claim with the
//! groups, the mapping from groups to roles and units, and which roles keep break-glass accounts.
//! The client secret is written, never shown: the form says only that one is set.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::Role;

use crate::platform::i18n::Tr;
use crate::services::accounts::sso::settings::{self, DEFAULT_BREAK_GLASS, Input};
use crate::store::sso;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::lookups::{Lookups, role_choices};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_};

/// The fields, with the units' ids for the mapping and the redirect URI to register.
fn fields(form: &FormData, e: &Errors, stored: Option<&sso::Provider>, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let text = |name: &str, max: usize| {
        Field::new(name, tr.t(&format!("field-sso-{name}")), FieldKind::Text, form, e, tr).maxlength(max)
    };
    let secret_hint = if stored.is_some() { "field-sso-client_secret-set" } else { "field-sso-client_secret-hint" };
    let uri = stored.map(sso::Provider::redirect_uri).unwrap_or_else(|| "…/login/sso/callback".into());
    let units: Vec<String> = lk.units.iter().map(|u| format!("{} = {}", u.id, u.name)).collect();
    let not_admin = role_choices(tr).into_iter().filter(|c| c.value != Role::Admin.code()).collect();
    vec![
        text("issuer", 500).required().hint(tr.t("field-sso-issuer-hint")),
        text("client_id", 300).required(),
        Field::new("client_secret", tr.t("field-sso-client_secret"), FieldKind::Password, &FormData::default(), e, tr)
            .autocomplete("off")
            .hint(tr.t(secret_hint)),
        text("public_url", 500).required().hint(tr.ts("field-sso-public_url-hint", "uri", &uri)),
        text("groups_claim", 100).hint(tr.t("field-sso-groups_claim-hint")),
        Field::new("group_roles", tr.t("field-sso-group_roles"), FieldKind::TextArea, form, e, tr)
            .maxlength(20000)
            .hint(tr.ts("field-sso-group_roles-hint", "units", &units.join("; "))),
        Field::new("break_glass_roles", tr.t("field-sso-break_glass_roles"), FieldKind::MultiCheck, form, e, tr)
            .hint(tr.t("field-sso-break_glass_roles-hint"))
            .choices(not_admin),
        Field::new("off", tr.t("field-sso-off"), FieldKind::Checkbox, form, e, tr).hint(tr.t("field-sso-off-hint")),
    ]
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    e: &Errors,
    stored: Option<&sso::Provider>,
    lk: &Lookups,
    flash: Option<&str>,
) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/login-settings", String::new()).with_flash(flash);
    ctx.title = ctx.tr.t("login-settings-title");
    let fields = fields(form, e, stored, lk, &ctx.tr);
    let mut page = FormPage::new(ctx, "/login-settings".into(), "/".into(), fields);
    page.notice = Some(page.ctx.tr.t(if stored.is_some() { "login-settings-on" } else { "login-settings-none" }));
    page
}

fn values(p: Option<&sso::Provider>) -> FormData {
    let mut f = FormData::default();
    match p {
        Some(p) => {
            for (k, v) in [
                ("issuer", &p.issuer),
                ("client_id", &p.client_id),
                ("public_url", &p.public_url),
                ("groups_claim", &p.groups_claim),
                ("group_roles", &p.group_roles),
            ] {
                f.set(k, v.clone());
            }
            for r in p.break_glass_roles() {
                f.push("break_glass_roles", r.code());
            }
        }
        None => {
            f.set("groups_claim", "groups");
            for r in DEFAULT_BREAK_GLASS {
                f.push("break_glass_roles", r.code());
            }
        }
    }
    f
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormPage, AppError> {
    user.require(user.role.manages_users())?;
    let stored = sso::get(&state.db.pool, user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let flash = q.get("msg").map(String::as_str);
    Ok(page(&state, &user, &values(stored.as_ref()), &Errors::default(), stored.as_ref(), &lk, flash))
}

pub async fn save(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.manages_users())?;
    if form.checked("off") {
        settings::remove(&state.db, &user.actor()).await?;
        return Ok(Redirect::to("/login-settings?msg=saved").into_response());
    }
    let input = Input {
        issuer: form.text("issuer"),
        client_id: form.text("client_id"),
        client_secret: form.text("client_secret"),
        public_url: form.text("public_url"),
        groups_claim: form.text("groups_claim"),
        group_roles: form.text("group_roles"),
        break_glass_roles: form.all("break_glass_roles"),
    };
    match settings::save(&state.db, &user.actor(), &input).await {
        Ok(()) => Ok(Redirect::to("/login-settings?msg=saved").into_response()),
        Err(crate::services::Failure::Invalid(found)) => {
            let stored = sso::get(&state.db.pool, user.org_id).await?;
            let lk = Lookups::load(&state.db, user.org_id).await?;
            let page = page(&state, &user, &form, &found.into(), stored.as_ref(), &lk, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
