//! The organisation's own details (administrators only).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::text;

use crate::platform::i18n::Tr;
use crate::services::accounts::own;
use crate::store::orgs;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, optional_id};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_};

/// The fields that say where the secrets are kept, with their labels' and hints' message ids.
const KEPT: [(&str, &str, &str); 3] = [
    ("keys_kept", "field-keys-kept", "field-keys-kept-hint"),
    ("backup_kept", "field-backup-kept", "field-backup-kept-hint"),
    ("break_glass_kept", "field-break-glass-kept", "field-break-glass-kept-hint"),
];

/// Whom the organisation requires a second factor of.
fn second_factor_field(tr: &Tr, form: &FormData, errors: &Errors) -> Field {
    let choices = orgs::SecondFactorRule::ALL
        .iter()
        .map(|r| crate::web::forms::Choice {
            value: r.code().to_owned(),
            label: tr.t(&format!("second-factor-rule-{}", r.code())),
            depth: 0,
        })
        .collect();
    Field::new("second_factor_required", tr.t("field-second-factor-required"), FieldKind::Select, form, errors, tr)
        .hint(tr.t("field-second-factor-required-hint"))
        .choices(choices)
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    lk: &Lookups,
    form: &FormData,
    errors: &Errors,
    flash: Option<&str>,
) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/organisation", String::new()).with_flash(flash);
    ctx.title = ctx.tr.t("organisation-title");
    let tr = &ctx.tr;
    let fields: Vec<Field> = vec![
        Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr)
            .required()
            .maxlength(200)
            .autocomplete("organization"),
        Field::new("org_number", tr.t("field-org-number"), FieldKind::Text, form, errors, tr)
            .maxlength(11)
            .hint(tr.t("hint-org-number")),
    ]
    .into_iter()
    .chain(KEPT.iter().map(|(name, label, hint)| {
        Field::new(*name, tr.t(label), FieldKind::TextArea, form, errors, tr).maxlength(1000).hint(tr.t(hint))
    }))
    .chain([Field::new("dpo", tr.t("gdpr-dpo"), FieldKind::Select, form, errors, tr)
        .hint(tr.t("gdpr-dpo-hint"))
        .choices(lk.people_choices(tr.t("choice-none")))])
    .chain([second_factor_field(tr, form, errors)])
    .collect();
    FormPage::new(ctx, "/organisation".into(), "/".into(), fields)
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormPage, AppError> {
    user.require(user.role.manages_users())?;
    let org = orgs::get(&state.db.pool, user.org_id).await?.ok_or(AppError::NotFound)?;
    let form = FormData::from_pairs(vec![
        ("name".into(), org.name),
        ("org_number".into(), org.org_number.unwrap_or_default()),
        ("keys_kept".into(), org.keys_kept.unwrap_or_default()),
        ("backup_kept".into(), org.backup_kept.unwrap_or_default()),
        ("break_glass_kept".into(), org.break_glass_kept.unwrap_or_default()),
        ("dpo".into(), crate::web::forms::opt_string(org.dpo_person_id)),
        ("second_factor_required".into(), org.second_factor_required.code().into()),
    ]);
    let lk = Lookups::load(&state.db, user.org_id).await?;
    Ok(page(&state, &user, &lk, &form, &Errors::default(), q.get("msg").map(String::as_str)))
}

pub async fn save(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.manages_users())?;
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let org_number = e.take("org_number", text::optional_org_number(form.text("org_number")));
    let kept = KEPT.map(|(name, _, _)| e.take(name, text::optional_text(form.text(name), 1000)));
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let dpo = e.take("dpo", optional_id(form.text("dpo"), |p| lk.person(p).is_some()));
    // An older form's checkbox ("on") means every local account.
    let rule = match form.text("second_factor_required") {
        "" => Some(orgs::SecondFactorRule::Nobody),
        "on" => Some(orgs::SecondFactorRule::AllLocal),
        code => orgs::SecondFactorRule::parse(code),
    };
    let rule = e.take("second_factor_required", rule.ok_or(beredd_domain::FieldError::Choice));
    if !e.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &lk, &form, &e, None)).into_response());
    }
    let kept = kept.each_ref().map(|k| k.as_deref());
    own::set_organisation(&state.db, &user.actor(), &name, org_number.as_deref(), kept, dpo, rule).await?;
    Ok(Redirect::to("/organisation?msg=saved").into_response())
}
