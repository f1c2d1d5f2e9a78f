//! The route table: every route of the web interface in one function, one block per area in the
//! order of the navigation. The table also records each route as data, so that a test can check
//! every route the router really has (no hand-kept list).

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post};

use super::AppState;
use super::organisation::{
    activities::Activities, assets::Assets, dependencies::Dependencies, import, people::People, resources::Resources,
    suppliers::Suppliers, systems::Systems, units::Units,
};
use super::register::{self, Register};
use super::{accounts, api, classification, continuity, crisis, home, static_files};
use super::{actions::Actions, cycle, frameworks, governance, risks, sharing};

/// Who may reach a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Without a session (logging in, setup, health check, static files, calendar feeds).
    Public,
    /// Only with a session; without one a GET goes to the login page.
    Session,
    /// Only with an API token (`Authorization: Bearer`); without one, 401 in JSON.
    Token,
    /// Only with a platform administrator's session (`web::platform`), never an organisation
    /// user's; without one a GET goes to the platform's login page.
    Platform,
}

/// One route as data: its method, its path (with `{parameters}`) and who may reach it.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: Method,
    pub path: String,
    pub access: Access,
}

/// A router being built, with the table of what was added to it.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<Route>,
}

impl Routes {
    fn new() -> Routes {
        Routes { router: Router::new(), table: Vec::new() }
    }

    fn add<H, T>(mut self, method: Method, access: Access, path: &str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let route = if method == Method::GET { get(handler) } else { post(handler) };
        self.router = self.router.route(path, route);
        self.table.push(Route { method, path: path.to_owned(), access });
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::GET, Access::Session, path, handler)
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::POST, Access::Session, path, handler)
    }

    fn public_get<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::GET, Access::Public, path, handler)
    }

    fn token_get<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::GET, Access::Token, path, handler)
    }

    fn token_post<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::POST, Access::Token, path, handler)
    }

    fn public_post<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::POST, Access::Public, path, handler)
    }

    fn platform_get<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::GET, Access::Platform, path, handler)
    }

    fn platform_post<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Routes {
        self.add(Method::POST, Access::Platform, path, handler)
    }

    /// The generic routes of one register (list, new, export, show, edit, delete).
    fn register<R: Register>(self) -> Routes {
        register::routes::<R>(self)
    }

    /// Adds another set of routes, keeping its own layers (a larger body limit, say).
    fn merge(mut self, other: Routes, layer: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Routes {
        self.router = self.router.merge(layer(other.router));
        self.table.extend(other.table);
        self
    }

    /// The largest request body these routes take: as it arrives, and in the extractors (axum's
    /// `Multipart` otherwise keeps to its own default of 2 MB whatever the route allows).
    fn limit(self, bytes: usize) -> Routes {
        let router = self
            .router
            .layer(axum::extract::DefaultBodyLimit::max(bytes))
            .layer(tower_http::limit::RequestBodyLimitLayer::new(bytes));
        Routes { router, table: self.table }
    }
}

/// Every route of the application, as a router without state and as a table.
pub fn all() -> (Router<AppState>, Vec<Route>) {
    // ---- Without a session: logging in, first-time setup, health, static files, feeds ----
    let public = Routes::new()
        .public_get("/o/{slug}", accounts::login::organisation)
        .public_get("/login", accounts::login::form)
        .public_post("/login", accounts::login::submit)
        .public_post("/login/code", accounts::second_factor::submit)
        .public_post("/login/passkey", accounts::passkeys::login_options)
        .public_get("/login/sso", accounts::sso::begin)
        .public_get("/login/sso/callback", accounts::sso::callback)
        .public_get("/setup/{token}", accounts::setup::form)
        .public_post("/setup/{token}", accounts::setup::submit)
        .public_get("/healthz", || async { "ok" })
        .public_get("/tillganglighet", home::accessibility)
        .public_get("/static/{*path}", static_files::serve)
        .public_get("/cycle/feed/{file}", cycle::feed)
        // A steering document's current version, for the one person a reading link was made for.
        .public_get("/read/{token}", governance::reading::public_form)
        .public_post("/read/{token}", governance::reading::public_submit)
        .public_get("/read/{token}/file", governance::reading::public_file);

    // ---- The API: a bearer token instead of a session ----
    let public = public
        .token_get("/metrics", super::metrics::scrape)
        .token_get("/api/v1/openapi.json", api::openapi::document)
        .token_get("/api/v1/units", api::v1::list_units)
        .token_get("/api/v1/people", api::v1::list_people)
        .token_get("/api/v1/systems", api::v1::list_systems)
        .token_get("/api/v1/assets", api::v1::list_assets)
        .token_get("/api/v1/plans", api::v1::list_plans)
        .token_get("/api/v1/actions", api::v1::list_actions)
        .token_post("/api/v1/actions/{id}", api::v1::report_action)
        .token_get("/api/v1/incidents", api::v1::list_incidents)
        .token_get("/api/v1/incidents/{id}", api::v1::get_incident)
        .token_post("/api/v1/incidents/{id}/log", api::v1::write_log);

    // ---- The platform administrator (hosted mode): its own login and session ----
    let public = public
        .public_get("/platform/login", super::platform::login::form)
        .public_post("/platform/login", super::platform::login::submit)
        .public_post("/platform/login/code", super::platform::second_factor::submit)
        .platform_post("/platform/logout", super::platform::login::logout)
        .platform_get("/platform/second-factor", super::platform::second_factor::page)
        .platform_post("/platform/second-factor", super::platform::second_factor::confirm)
        .platform_get("/platform", super::platform::orgs::page)
        .platform_post("/platform/orgs", super::platform::orgs::create)
        .platform_post("/platform/orgs/{id}/rename", super::platform::orgs::rename)
        .platform_post("/platform/orgs/{id}/suspend", super::platform::orgs::suspend)
        .platform_post("/platform/orgs/{id}/resume", super::platform::orgs::resume)
        .platform_post("/platform/orgs/{id}/remove", super::platform::orgs::remove);

    // ---- Start ----
    let r = public.get("/", home::page);

    // ---- Crisis ----
    let r = r
        .get("/incidents", crisis::list::list)
        .get("/incidents/new", crisis::list::new_form)
        .post("/incidents/new", crisis::list::create)
        .get("/incidents/{id}", crisis::board::board)
        .get("/incidents/{id}/events", crisis::board::events)
        .post("/incidents/{id}/board/{item}", crisis::board::set_state)
        .get("/incidents/{id}/log", crisis::log::log)
        .post("/incidents/{id}/log", crisis::log::add_entry)
        .get("/incidents/{id}/staff", crisis::staff::staff)
        .post("/incidents/{id}/staff/{person}", crisis::staff::set_reached)
        .get("/incidents/{id}/roster", crisis::roster::roster)
        .post("/incidents/{id}/roster", crisis::roster::add_roster)
        .post("/incidents/{id}/roster/{row}/duty", crisis::roster::set_duty)
        .post("/incidents/{id}/close", crisis::list::close)
        .get("/incidents/{id}/bundle", crisis::bundle::export_bundle)
        .get("/incidents/{id}/comms", crisis::comms::comms)
        .get("/incidents/{id}/reporting", crisis::reports::reporting_page)
        .post("/incidents/{id}/assessments/{kind}", crisis::reports::assess)
        .post("/incidents/{id}/diarienummer", crisis::reports::diarienummer)
        .post("/incidents/{id}/reports/{duty}", crisis::reports::report)
        .post("/incidents/{id}/hotlines", crisis::comms::add_hotline)
        .post("/incidents/{id}/messages", crisis::comms::add_message)
        .post("/incidents/{id}/messages/{mid}/approve", crisis::comms::approve_message)
        .get("/incidents/{id}/public-page", crisis::publish::download)
        .post("/incidents/{id}/media", crisis::comms::add_media)
        .post("/incidents/{id}/media/{mid}/answered", crisis::comms::answer_media)
        .get("/incidents/{id}/meeting", crisis::meetings::form)
        .post("/incidents/{id}/meeting", crisis::meetings::hold)
        .get("/incidents/{id}/meetings/{n}/pdf", crisis::meetings::protocol_pdf)
        .get("/incidents/{id}/report.pdf", crisis::meetings::report_pdf)
        .get("/incidents/{id}/recovery", crisis::recovery::recovery)
        .post("/incidents/{id}/recovery", crisis::recovery::add_item)
        .post("/incidents/{id}/recovery/{item}", crisis::recovery::set_done)
        .post("/incidents/{id}/restored", crisis::recovery::restored)
        .get("/incidents/{id}/lessons", crisis::lessons::lessons)
        .post("/incidents/{id}/lessons", crisis::lessons::add_lesson)
        .get("/incidents/{id}/injects", crisis::lessons::injects)
        .post("/incidents/{id}/injects", crisis::lessons::add_inject)
        .get("/lessons/{id}/share", sharing::publish::lesson_form)
        .post("/lessons/{id}/share", sharing::publish::lesson_submit);

    // ---- Organisation: the registers ----
    let r = r
        .register::<Units>()
        .register::<Activities>()
        .register::<People>()
        .register::<Systems>()
        .register::<Suppliers>()
        .register::<Resources>()
        .register::<Dependencies>()
        .register::<Assets>();
    let r = r
        .post("/people/{id}/protect", super::organisation::protection::protect)
        .post("/people/{id}/unprotect", super::organisation::protection::unprotect);
    let r = import::routes::<People>(r);
    let r = import::routes::<Units>(r);
    let r = import::routes::<Suppliers>(r);
    let r = import::routes::<Systems>(r);
    let r = import::routes::<Activities>(r);
    let r = import::routes::<Resources>(r);
    let r = import::routes::<Dependencies>(r);
    let r = import::routes::<Assets>(r);

    // ---- Classification and requirements ----
    let r = r
        .get("/assets/klassa", classification::klassa::page)
        .get("/assets/klassa/template", classification::klassa::template)
        .get("/assets/klassa/{token}", classification::klassa::preview)
        .post("/assets/klassa/{token}", classification::klassa::apply)
        .get("/assets/{id}/classify", classification::classify::form)
        .post("/assets/{id}/classify", classification::classify::save)
        .get("/requirements", classification::requirements::list)
        .get("/requirements/new", classification::local_requirements::new_form)
        .post("/requirements/new", classification::local_requirements::create)
        .get("/requirements/{id}", classification::requirements::show)
        .get("/requirements/{id}/edit", classification::local_requirements::edit_form)
        .post("/requirements/{id}/edit", classification::local_requirements::update)
        .post("/requirements/{id}/delete", classification::local_requirements::delete)
        .post("/requirements/{id}/disable", classification::local_requirements::disable)
        .post("/requirements/{id}/enable", classification::local_requirements::enable)
        .get("/requirements/{id}/share", sharing::publish::requirement_form)
        .post("/requirements/{id}/share", sharing::publish::requirement_submit)
        .get("/systems/{id}/assessment", classification::assessment::overview)
        .get("/systems/{id}/assessment/areas/{area}", classification::assessment_area::form)
        .post("/systems/{id}/assessment/areas/{area}", classification::assessment_area::save)
        .get("/systems/{id}/assessment/{req}", classification::assessment::form)
        .post("/systems/{id}/assessment/{req}", classification::assessment::save)
        .post("/systems/{id}/assessment-removal", classification::assessment_removal::remove)
        .get("/evidence/{id}", classification::evidence::download)
        .post("/evidence/{id}/delete", classification::evidence::delete)
        .get("/overview", classification::overview::page)
        .get("/systems/{id}/procurement/{format}", classification::reports::procurement)
        .get("/reports/classification/{format}", classification::reports::classification);

    // ---- Continuity ----
    let r = r
        .get("/activities/{id}/bia", continuity::bia::form)
        .post("/activities/{id}/bia", continuity::bia::save)
        .post("/activities/{id}/bia/sign-off", continuity::bia::sign_off)
        .register::<continuity::scenarios::Scenarios>()
        .get("/outage", continuity::outage::page)
        .get("/outage/export.xlsx", continuity::outage_export::export)
        .post("/scenarios/{id}/run", continuity::outage::run_saved)
        .get("/plan-templates", continuity::plan_templates::list)
        .get("/plan-templates/{id}", continuity::plan_templates::show)
        .get("/plans", continuity::plans::list::list)
        .get("/plans/new", continuity::plans::new::new_form)
        .post("/plans/new", continuity::plans::new::create)
        .get("/plans/{id}", continuity::plans::show::show)
        .get("/plans/{id}/edit", continuity::plans::edit::edit_form)
        .post("/plans/{id}/edit", continuity::plans::edit::save)
        .get("/plans/{id}/approve", continuity::plans::approval::confirm)
        .post("/plans/{id}/approve", continuity::plans::approval::approve)
        .post("/plans/{id}/delete", continuity::plans::show::delete)
        .get("/plans/{id}/share", sharing::publish::plan_form)
        .post("/plans/{id}/share", sharing::publish::plan_submit)
        .get("/plans/{id}/diff", continuity::plans::diff::diff)
        .post("/binder", continuity::plans::printing::print_binder)
        .get("/kit", continuity::kit::form)
        .post("/kit", continuity::kit::make)
        .post("/kit/strength", continuity::kit::check_strength);

    // ---- Risks and frameworks ----
    let r = r
        .get("/risks", risks::register::register)
        .post("/risks/analyses", risks::analyses::add_analysis)
        .get("/risks/analyses/{id}", risks::register::analysis)
        .get("/risks/analyses/{id}/edit", risks::analyses::edit_analysis_form)
        .post("/risks/analyses/{id}/edit", risks::analyses::save_analysis)
        .post("/risks/analyses/{id}/delete", risks::analyses::delete_analysis)
        .post("/risks/analyses/{id}/risks", risks::entries::add_risk)
        .get("/risks/{id}/edit", risks::entries::edit_form)
        .post("/risks/{id}/edit", risks::entries::save)
        .post("/risks/{id}/delete", risks::entries::delete)
        .get("/risks/scales", risks::scales::scales_form)
        .post("/risks/scales", risks::scales::save_scales)
        .get("/risks/export.xlsx", risks::register::export)
        .get("/frameworks", frameworks::library::list)
        .get("/frameworks/{key}/{version}", frameworks::library::show)
        .get("/frameworks/{key}/{version}/file", frameworks::library::file)
        .post("/frameworks/{key}/{version}/delete", frameworks::library::delete)
        .post("/assessments", frameworks::assessments::create_assessment)
        .get("/assessments/{id}", frameworks::assessments::assessment)
        .post("/assessments/{id}/delete", frameworks::assessments::delete_assessment)
        .get("/assessments/{id}/{file}", frameworks::export::export)
        .get("/assessments/{id}/requirements/{node}", frameworks::answers::answer_form)
        .post("/assessments/{id}/requirements/{node}", frameworks::answers::save_answer)
        .post("/assessments/{id}/requirements/{node}/unlink/{action}", frameworks::answers::unlink)
        .get("/assessments/{id}/chapters/{n}", frameworks::chapters::chapter_form)
        .post("/assessments/{id}/chapters/{n}", frameworks::chapters::save_chapter)
        .get("/framework-evidence/{id}", frameworks::evidence::download_evidence)
        .post("/framework-evidence/{id}/delete", frameworks::evidence::delete_evidence);

    // ---- Follow-up: the action plan, the yearly cycle and governance ----
    let r = r
        .register::<Actions>()
        .get("/cycle", cycle::view)
        .post("/cycle", cycle::add)
        .post("/cycle/calendar", cycle::new_calendar)
        .post("/cycle/tasks/{id}/done", cycle::done)
        .get("/governance/documents", governance::documents::list)
        .get("/governance/documents/new", governance::documents::new_form)
        .post("/governance/documents/new", governance::documents::create)
        .get("/governance/documents/{id}", governance::documents::show)
        .get("/governance/documents/{id}/edit", governance::documents::edit_form)
        .post("/governance/documents/{id}/edit", governance::documents::update)
        .get("/governance/documents/{id}/versions/new", governance::versions::new_form)
        .post("/governance/documents/{id}/versions/new", governance::versions::add_text)
        .get("/governance/documents/{id}/versions/{n}", governance::versions::show)
        .get("/governance/documents/{id}/versions/{n}/file", governance::versions::file)
        .get("/governance/documents/{id}/diff", governance::versions::diff)
        .post("/governance/documents/{id}/acknowledge", governance::reading::acknowledge)
        .post("/governance/documents/{id}/links", governance::reading::make_links)
        .get("/governance/training", governance::training::overview)
        .get("/governance/training/new", governance::training_form::new_form)
        .post("/governance/training/new", governance::training_form::create)
        .get("/governance/training/due.xlsx", governance::training_units::export)
        .get("/governance/training/units/{id}", governance::training_units::unit)
        .get("/governance/training/{id}", governance::training_course::show)
        .get("/governance/training/{id}/edit", governance::training_form::edit_form)
        .post("/governance/training/{id}/edit", governance::training_form::update)
        .post("/governance/training/{id}/completions", governance::training_course::record)
        .post("/governance/training/{id}/completions/{completion}/delete", governance::training_course::remove)
        .get("/governance/processing", governance::processing::page)
        .get("/governance/processing/{format}", governance::processing::export)
        .get("/governance/retention", governance::retention::show)
        .post("/governance/retention", governance::retention::save_rule)
        .post("/governance/retention/apply", governance::retention::apply)
        .get("/governance/kit-dpia", governance::kit_note::show)
        .post("/governance/kit-dpia/passphrase", governance::kit_note::confirm_passphrase)
        .get("/governance/review", governance::review::show)
        .post("/governance/review", governance::review::save)
        .get("/governance/review/pdf", governance::review::download)
        // The shared library between the organisations of the installation (issue 22).
        .get("/shared", sharing::library)
        .post("/shared/{id}/adopt", sharing::adopt)
        .post("/shared/{id}/withdraw", sharing::withdraw);

    // ---- Administration: the user's own account, users, the organisation, the audit trail ----
    let r = r
        .post("/logout", accounts::login::logout)
        .get("/account", accounts::account::page)
        .post("/account/password", accounts::account::change_password)
        .post("/account/language", accounts::account::change_language)
        .post("/account/person", accounts::account::change_person)
        .get("/jobs", accounts::jobs::list)
        .get("/jobs/{id}", accounts::jobs::show)
        .get("/jobs/{id}/status", accounts::jobs::poll)
        .get("/jobs/{id}/result", accounts::jobs::result)
        .get("/account/second-factor", accounts::second_factor::page)
        .post("/account/second-factor", accounts::second_factor::confirm)
        .post("/account/passkeys/options", accounts::passkeys::options)
        .post("/account/passkeys", accounts::passkeys::add)
        .post("/account/passkeys/{id}/remove", accounts::passkeys::remove)
        .get("/users", accounts::users::list)
        .get("/users/new", accounts::users::new_form)
        .post("/users/new", accounts::users::create)
        .get("/users/{id}", accounts::users::edit_form)
        .post("/users/{id}", accounts::users::update)
        .post("/users/{id}/password", accounts::users::reset_password)
        .post("/users/{id}/second-factor", accounts::second_factor::reset)
        .get("/organisation", accounts::organisation::form)
        .post("/organisation", accounts::organisation::save)
        .get("/login-settings", accounts::sso_settings::form)
        .post("/login-settings", accounts::sso_settings::save)
        .get("/backups", accounts::backups::page)
        .post("/backups/export", accounts::backups::export)
        .get("/api-tokens", api::tokens::list)
        .post("/api-tokens", api::tokens::create)
        .post("/api-tokens/{id}/revoke", api::tokens::revoke)
        .get("/api-tokens/openapi.json", api::tokens::document)
        .get("/audit", accounts::audit::page);

    // ---- Uploads: the only requests allowed to be larger than a form ----
    let uploads = Routes::new()
        .post("/systems/{id}/assessment/{req}/evidence", classification::evidence::upload)
        .post("/incidents/{id}/import", crisis::log::import)
        .post("/incidents/import-bundle", crisis::bundle::import_bundle)
        .post("/frameworks/import", frameworks::library::import)
        .post("/assessments/{id}/requirements/{node}/evidence", frameworks::evidence::upload_evidence)
        .post("/people/import", import::upload::<People>)
        .post("/units/import", import::upload::<Units>)
        .post("/suppliers/import", import::upload::<Suppliers>)
        .post("/systems/import", import::upload::<Systems>)
        .post("/activities/import", import::upload::<Activities>)
        .post("/resources/import", import::upload::<Resources>)
        .post("/dependencies/import", import::upload::<Dependencies>)
        .post("/assets/import", import::upload::<Assets>)
        .post("/assets/klassa", classification::klassa::upload)
        .post("/governance/documents/{id}/versions/upload", governance::versions::upload)
        // A register from a file, through the API (the nightly HR sync): as large as the page's.
        .token_post("/api/v1/import/{register}", api::import::import_register)
        .limit(beredd_domain::upload::MAX_BYTES + 2 * 1024 * 1024);

    let all = r.limit(1024 * 1024).merge(uploads, |u| u);
    (all.router, all.table)
}

/// The table alone: every route the router has.
pub fn table() -> Vec<Route> {
    all().1
}
