//! The web interface: every route in one table, grouped by area.

pub mod auth;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod live;
pub mod lookups;
pub mod page;
pub mod pages;
pub mod register;
pub mod registers;
mod assets;

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::db::Db;
use registers::{
    actions::Actions, activities::Activities, dependencies::Dependencies, people::People, assets::Assets, resources::Resources, scenarios::Scenarios, suppliers::Suppliers, systems::Systems, units::Units,
};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub catalog: Arc<i18n::Catalog>,
    pub throttle: Arc<auth::Throttle>,
    /// Beredd's requirement catalogue, from `library/requirements`.
    pub catalogue: Arc<crate::catalogue::Catalogue>,
    /// The continuity plan templates, from `library/plan-templates`.
    pub plan_templates: Arc<Vec<crate::plan_templates::PlanTemplate>>,
    /// Mark cookies `Secure` (set when Beredd is served over HTTPS).
    pub secure_cookies: bool,
    /// Live updates of incident boards.
    pub live: Arc<live::Live>,
    /// The frameworks that ship with Beredd, from `library/frameworks`.
    pub frameworks: Arc<Vec<Arc<beredd_domain::framework::Framework>>>,
    /// Imported frameworks as parsed, by their row id (a stored file never changes).
    pub imported_frameworks: Arc<std::sync::Mutex<std::collections::HashMap<i64, Arc<beredd_domain::framework::Framework>>>>,
}

impl AppState {
    /// Loads the content Beredd serves; a broken catalogue stops the start with a message.
    pub fn new(db: Db, secure_cookies: bool) -> anyhow::Result<AppState> {
        let catalogue = Arc::new(crate::catalogue::Catalogue::load()?);
        let plan_templates = Arc::new(crate::plan_templates::load()?);
        let frameworks = Arc::new(crate::frameworks::library()?.into_iter().map(Arc::new).collect());
        Ok(AppState { db, catalog: i18n::Catalog::load(), throttle: Arc::new(auth::Throttle::default()), secure_cookies, catalogue, plan_templates, live: Arc::new(live::Live::default()), frameworks, imported_frameworks: Arc::default() })
    }
}

impl AppState {
    /// The requirement catalogue as this organisation uses it (its own requirements added, the
    /// ones it turned off left out).
    pub async fn catalogue_for(&self, org: i64) -> Result<Arc<crate::catalogue::Catalogue>, crate::db::DbError> {
        use crate::store::local_requirements;
        let revision = local_requirements::revision(&self.db.pool, org).await?;
        if revision == 0 {
            return Ok(self.catalogue.clone());
        }
        let own = local_requirements::list(&self.db.pool, org).await?.into_iter().filter_map(local_requirement).collect();
        let disabled: Vec<String> = local_requirements::disabled(&self.db.pool, org).await?.into_iter().map(|d| d.requirement_id).collect();
        Ok(Arc::new(self.catalogue.for_organisation(own, &disabled, revision)))
    }
}

fn local_requirement(l: crate::store::local_requirements::LocalRequirement) -> Option<crate::catalogue::Requirement> {
    Some(crate::catalogue::Requirement {
        applies: crate::catalogue::parse_applies(&l.applies)?,
        id: l.requirement_id,
        area: l.area,
        title_en: l.title.clone(),
        title_sv: l.title,
        is_en: l.is_text.clone(),
        is_sv: l.is_text,
        shall_en: l.shall_text.clone(),
        shall_sv: l.shall_text,
        guidance_en: l.guidance.clone().unwrap_or_default(),
        guidance_sv: l.guidance.unwrap_or_default(),
        cyber_measures: Vec::new(),
        gdpr: Vec::new(),
        pdl: Vec::new(),
        hslf: Vec::new(),
        iso27001: Vec::new(),
        local: true,
        local_refs: l.refs,
    })
}

/// Content Security Policy: only our own scripts and styles; no inline script anywhere.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn router(state: AppState) -> Router {
    let mut app = Router::new()
        // Logging in and first-time setup: the only pages without a session.
        .route("/login", get(pages::login::form).post(pages::login::submit))
        .route("/logout", post(pages::login::logout))
        .route("/setup/{token}", get(pages::setup::form).post(pages::setup::submit))
        .route("/healthz", get(|| async { "ok" }))
        .route("/static/{*path}", get(assets::serve))
        // Start page and the user's own account.
        .route("/", get(pages::home::page))
        .route("/account", get(pages::account::page))
        .route("/account/password", post(pages::account::change_password))
        .route("/account/language", post(pages::account::change_language))
        .route("/account/person", post(pages::account::change_person))
        // Administration.
        .route("/users", get(pages::users::list))
        .route("/users/new", get(pages::users::new_form).post(pages::users::create))
        .route("/users/{id}", get(pages::users::edit_form).post(pages::users::update))
        .route("/users/{id}/password", post(pages::users::reset_password))
        .route("/organisation", get(pages::organisation::form).post(pages::organisation::save))
        .route("/audit", get(pages::audit::page))
        .route("/activities/{id}/bia", get(pages::bia::form).post(pages::bia::save))
        .route("/activities/{id}/bia/sign-off", post(pages::bia::sign_off))
        // Analysis.
        .route("/systems/{id}/assessment", get(pages::assessment::overview))
        .route("/systems/{id}/procurement/{format}", get(pages::reports::procurement))
        .route("/reports/classification/{format}", get(pages::reports::classification))
        .route("/systems/{id}/assessment/{req}", get(pages::assessment::form).post(pages::assessment::save))
        .route("/assets/{id}/classify", get(pages::classify::form).post(pages::classify::save))
        .route("/requirements", get(pages::requirements::list))
        .route("/overview", get(pages::overview::page))
        .route("/plan-templates", get(pages::plan_templates::list))
        .route("/plan-templates/{id}", get(pages::plan_templates::show))
        .route("/plans", get(pages::plans::list))
        .route("/plans/new", get(pages::plans::new_form).post(pages::plans::create))
        .route("/plans/{id}", get(pages::plans::show))
        .route("/plans/{id}/edit", get(pages::plans::edit_form).post(pages::plans::save))
        .route("/plans/{id}/approve", post(pages::plans::approve))
        .route("/plans/{id}/delete", post(pages::plans::delete))
        .route("/plans/{id}/diff", get(pages::plans::diff))
        .route("/binder", post(pages::plans::print_binder))
        .route("/kit", get(pages::kit::form).post(pages::kit::make))
        .route("/cycle", get(pages::cycle::view).post(pages::cycle::add))
        .route("/risks", get(pages::risks::register))
        .route("/risks/analyses", post(pages::risks::add_analysis))
        .route("/risks/analyses/{id}", get(pages::risks::analysis))
        .route("/risks/analyses/{id}/risks", post(pages::risks::add_risk))
        .route("/risks/scales", get(pages::risks::scales_form).post(pages::risks::save_scales))
        .route("/risks/export.xlsx", get(pages::risks::export))
        .route("/risks/{id}/edit", get(pages::risks::edit_form).post(pages::risks::save))
        .route("/risks/{id}/delete", post(pages::risks::delete))
        .route("/risks/analyses/{id}/delete", post(pages::risks::delete_analysis))
        .route("/risks/analyses/{id}/edit", get(pages::risks::edit_analysis_form).post(pages::risks::save_analysis))
        .route("/assessments/{id}/delete", post(pages::frameworks::delete_assessment))
        .route("/frameworks", get(pages::frameworks::list))
        .route("/frameworks/{key}/{version}", get(pages::frameworks::show))
        .route("/frameworks/{key}/{version}/delete", post(pages::frameworks::delete))
        .route("/frameworks/{key}/{version}/file", get(pages::frameworks::file))
        .route("/assessments", post(pages::frameworks::create_assessment))
        .route("/assessments/{id}", get(pages::frameworks::assessment))
        .route("/assessments/{id}/{file}", get(pages::frameworks::export))
        .route("/assessments/{id}/requirements/{node}", get(pages::frameworks::answer_form).post(pages::frameworks::save_answer))
        .route("/assessments/{id}/requirements/{node}/unlink/{action}", post(pages::frameworks::unlink))
        .route("/assessments/{id}/chapters/{n}", get(pages::frameworks::chapter_form).post(pages::frameworks::save_chapter))
        .route("/cycle/tasks/{id}/done", post(pages::cycle::done))
        .route("/cycle/feed/{file}", get(pages::cycle::feed))
        .route("/incidents", get(pages::incidents::list))
        .route("/incidents/new", get(pages::incidents::new_form).post(pages::incidents::create))
        .route("/incidents/{id}", get(pages::incidents::board))
        .route("/incidents/{id}/events", get(pages::incidents::events))
        .route("/incidents/{id}/board/{item}", post(pages::incidents::set_state))
        .route("/incidents/{id}/log", get(pages::incidents::log).post(pages::incidents::add_entry))
        .route("/incidents/{id}/staff", get(pages::incidents::staff))
        .route("/incidents/{id}/staff/{person}", post(pages::incidents::set_reached))
        .route("/incidents/{id}/roster", get(pages::incidents::roster).post(pages::incidents::add_roster))
        .route("/incidents/{id}/roster/{row}/duty", post(pages::incidents::set_duty))
        .route("/incidents/{id}/close", post(pages::incidents::close))
        .route("/incidents/{id}/comms", get(pages::incident_comms::comms))
        .route("/incidents/{id}/meeting", get(pages::meetings::form).post(pages::meetings::hold))
        .route("/incidents/{id}/meetings/{n}/pdf", get(pages::meetings::protocol_pdf))
        .route("/incidents/{id}/report.pdf", get(pages::meetings::report_pdf))
        .route("/incidents/{id}/bundle", get(pages::incidents::export_bundle))
        .route("/incidents/{id}/recovery", get(pages::recovery::recovery).post(pages::recovery::add_item))
        .route("/incidents/{id}/recovery/{item}", post(pages::recovery::set_done))
        .route("/incidents/{id}/restored", post(pages::recovery::restored))
        .route("/incidents/{id}/lessons", get(pages::lessons::lessons).post(pages::lessons::add_lesson))
        .route("/incidents/{id}/injects", get(pages::lessons::injects).post(pages::lessons::add_inject))
        .route("/incidents/{id}/flags", post(pages::incident_comms::flags))
        .route("/incidents/{id}/reports/{duty}", post(pages::incident_comms::report))
        .route("/incidents/{id}/hotlines", post(pages::incident_comms::add_hotline))
        .route("/incidents/{id}/messages", post(pages::incident_comms::add_message))
        .route("/incidents/{id}/media", post(pages::incident_comms::add_media))
        .route("/incidents/{id}/media/{mid}/answered", post(pages::incident_comms::answer_media))
        .route("/requirements/new", get(pages::local_requirements::new_form).post(pages::local_requirements::create))
        .route("/requirements/{id}", get(pages::requirements::show))
        .route("/requirements/{id}/edit", get(pages::local_requirements::edit_form).post(pages::local_requirements::update))
        .route("/requirements/{id}/delete", post(pages::local_requirements::delete))
        .route("/requirements/{id}/disable", post(pages::local_requirements::disable))
        .route("/requirements/{id}/enable", post(pages::local_requirements::enable))
        .route("/outage", get(pages::outage::page))
        .route("/scenarios/{id}/run", post(pages::outage::run_saved));
    // The registers.
    app = register::routes::<Units>(app);
    app = register::routes::<Activities>(app);
    app = register::routes::<People>(app);
    app = register::routes::<Systems>(app);
    app = register::routes::<Suppliers>(app);
    app = register::routes::<Resources>(app);
    app = register::routes::<Dependencies>(app);
    app = register::routes::<Scenarios>(app);
    app = register::routes::<Assets>(app);
    app = register::routes::<Actions>(app);

    // Evidence uploads are the only requests allowed to be larger than a form.
    let uploads = Router::new()
        .route("/systems/{id}/assessment/{req}/evidence", post(pages::evidence::upload))
        .route("/incidents/{id}/import", post(pages::incidents::import))
        .route("/incidents/import-bundle", post(pages::incidents::import_bundle))
        .route("/frameworks/import", post(pages::frameworks::import))
        .route("/assessments/{id}/requirements/{node}/evidence", post(pages::frameworks::upload_evidence))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(beredd_domain::upload::MAX_BYTES + 2 * 1024 * 1024));
    let app = app
        .route("/evidence/{id}", get(pages::evidence::download))
        .route("/evidence/{id}/delete", post(pages::evidence::delete))
        .route("/framework-evidence/{id}", get(pages::frameworks::download_evidence))
        .route("/framework-evidence/{id}/delete", post(pages::frameworks::delete_evidence))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(1024 * 1024))
        .merge(uploads);

    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
    };
    app.fallback(error::fallback)
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(header("content-security-policy", CSP))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("cache-control", "no-store"))
        .with_state(state)
}
