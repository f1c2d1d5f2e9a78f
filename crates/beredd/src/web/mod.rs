//! The web interface: HTTP only. A handler extracts, authorises, calls a service or the store,
//! and renders or redirects. The areas are folders (or files) named as in the navigation; the
//! route table is `routes::all`.

pub mod accounts;
pub mod actions;
pub mod api;
pub mod auth;
pub mod classification;
pub mod continuity;
pub mod crisis;
pub mod cycle;
pub mod error;
pub mod forms;
pub mod frameworks;
pub mod governance;
pub mod home;
pub mod live;
pub mod lookups;
#[cfg(test)]
mod message_ids;
pub mod metrics;
pub mod organisation;
pub mod page;
pub mod platform;
pub mod register;
pub mod risks;
pub mod routes;
pub mod server;
pub mod sharing;
mod static_files;

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::content::catalogue::Catalogue;
use crate::content::plan_templates::PlanTemplate;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub catalog: Arc<i18n::Catalog>,
    /// Login attempts per address and per (name, address).
    pub throttle: Arc<crate::platform::throttle::LoginThrottle>,
    /// Logins through the identity provider started per address (each writes a row and asks the
    /// provider); one that goes through is given back.
    pub sso_throttle: Arc<crate::platform::throttle::LoginThrottle>,
    /// Personal reading links opened per address; an unknown token counts as a failure, so that
    /// guessing is stopped like guessing passwords.
    pub reading_throttle: Arc<crate::platform::throttle::LoginThrottle>,
    /// The one queue for password hashing.
    pub hashing: Arc<crate::platform::limit::Limit>,
    /// Signs the tokens of forms posted before login; made at start.
    pub prelogin_key: Arc<[u8; 32]>,
    /// Proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`); none unless named.
    pub trusted_proxies: Arc<Vec<std::net::IpAddr>>,
    /// Beredd's requirement catalogue, from `library/requirements`.
    pub catalogue: Arc<Catalogue>,
    /// The continuity plan templates, from `library/plan-templates`.
    pub plan_templates: Arc<Vec<PlanTemplate>>,
    /// The drafts of the reports to MCF and IMY, from `library/reporting`.
    pub drafts: Arc<Vec<crate::content::reporting::Draft>>,
    /// Mark cookies `Secure` (set when Beredd is served over HTTPS).
    pub secure_cookies: bool,
    /// Live updates of incident boards.
    pub live: Arc<live::Live>,
    /// The frameworks that ship with Beredd (`library/frameworks`) and the imported ones, parsed.
    pub frameworks: Arc<crate::services::frameworks::Library>,
    /// The HTTP client that talks to identity providers (single sign-on).
    pub sso_http: openidconnect::reqwest::Client,
    /// Requests counted and timed for `/metrics`, and the token a scrape must carry.
    pub metrics: Arc<metrics::Metrics>,
}

impl AppState {
    /// Loads the content Beredd serves; a broken catalogue stops the start with a message.
    pub fn new(db: Db, secure_cookies: bool) -> anyhow::Result<AppState> {
        let catalogue = Arc::new(Catalogue::load()?);
        crate::content::klassa::load(&catalogue)?;
        let plan_templates = Arc::new(crate::content::plan_templates::load()?);
        let frameworks = Arc::new(crate::services::frameworks::Library::new(crate::content::frameworks::library()?));
        Ok(AppState {
            db,
            catalog: i18n::Catalog::load(),
            throttle: Arc::new(crate::platform::throttle::LoginThrottle::default()),
            sso_throttle: Arc::new(crate::platform::throttle::LoginThrottle::default()),
            reading_throttle: Arc::new(crate::platform::throttle::LoginThrottle::default()),
            hashing: Arc::new(auth::hashing_limit()),
            prelogin_key: Arc::new(rand::random()),
            trusted_proxies: Arc::new(Vec::new()),
            secure_cookies,
            catalogue,
            plan_templates,
            drafts: Arc::new(crate::content::reporting::load()?),
            live: Arc::new(live::Live::default()),
            frameworks,
            sso_http: crate::services::accounts::sso::http_client()?,
            metrics: Arc::new(metrics::Metrics::new(None)),
        })
    }

    /// The address a request comes from: the connection's, or behind a trusted proxy the one it
    /// forwards (see `platform::net`).
    pub fn client(&self, peer: Option<std::net::SocketAddr>, headers: &axum::http::HeaderMap) -> std::net::IpAddr {
        let forwarded: Vec<&str> = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        crate::platform::net::client(peer.map(|p| p.ip()), &forwarded, &self.trusted_proxies)
    }

    /// The requirement catalogue as this organisation uses it.
    pub async fn catalogue_for(&self, org: i64) -> Result<Arc<Catalogue>, DbError> {
        crate::services::catalogue::for_org(&self.db.pool, &self.catalogue, org).await
    }
}

/// Content Security Policy: only our own scripts and styles; no inline script anywhere.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Browser features no page of Beredd uses, turned off.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/// The application: every route, the error pages and the security headers.
pub fn router(state: AppState) -> Router {
    let (app, _) = routes::all();
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
    };
    // Served over HTTPS (secure cookies on): browsers are told to use HTTPS only, for a year. Not
    // sent otherwise, since it would lock browsers out of an install served over plain HTTP.
    let hsts = state.secure_cookies;
    let app = app
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), metrics::written))
        .route_layer(axum::middleware::from_fn_with_state(state.metrics.clone(), metrics::track))
        .fallback(error::fallback)
        // A client that stops sending its request body (a slow-loris upload or form) would hold a
        // connection and a task for ever: each part of a body must arrive within 30 s (review
        // F20). The headers' read timeout belongs to the connection (`web::server`).
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(std::time::Duration::from_secs(30)))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(header("content-security-policy", CSP))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
        // No other site's window keeps a handle on ours, and no page may ask for the camera,
        // microphone, position or payment (review F14).
        .layer(header("cross-origin-opener-policy", "same-origin"))
        .layer(header("permissions-policy", PERMISSIONS))
        .layer(header("cache-control", "no-store"))
        // Pages and files are sent compressed when the browser takes it (a list page is a tenth of
        // its size); the live board's event stream never is, so its updates are not held back.
        // gzip only: browsers prefer brotli, which (at tower-http's level 4) made the pages 2–15 %
        // smaller than gzip but cost a fifth to a third of their rate in the load script
        // (README, "How fast the pages are").
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state);
    if hsts { app.layer(header("strict-transport-security", "max-age=31536000")) } else { app }
}
