//! `/metrics` in Prometheus's text format (issue 21), for IT's monitoring: requests by route and
//! status, their latency, open live-board connections, the database pool, the last backup and the
//! incidents going on, and per organisation its users, open sessions and the requests this
//! process served to its sessions and API tokens (labelled with its short name: one series per
//! organisation, never per user or request). Behind its own bearer token (`--metrics-token`),
//! without which it answers nothing; the counts come from a layer around every matched route.
//! The requests per organisation cost no database write: the layer hands each request a slot
//! that the session's or token's extractor fills with the organisation's id, and counts it in
//! memory afterwards; the ids become short names at the scrape.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::web::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Served {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    method: String,
    route: String,
}

/// One organisation, by its short name (which a rename leaves as it is).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Org {
    org: String,
}

/// The requests served to each organisation in this process, by its id, and the short names
/// read at the last scrape.
#[derive(Debug, Default)]
struct OrgRequests {
    counts: Mutex<HashMap<i64, u64>>,
    names: Mutex<Vec<(i64, String)>>,
}

impl Collector for OrgRequests {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let names = self.names.lock().map(|n| n.clone()).unwrap_or_default();
        let counts = self.counts.lock().map(|c| c.clone()).unwrap_or_default();
        let help = "Requests served to an organisation's sessions and API tokens by this process";
        let kind = ConstCounter::new(0u64).metric_type();
        let mut family = encoder.encode_descriptor("beredd_org_requests", help, None, kind)?;
        for (id, slug) in names {
            let counter = ConstCounter::new(counts.get(&id).copied().unwrap_or(0));
            counter.encode(family.encode_family(&Org { org: slug })?)?;
        }
        Ok(())
    }
}

/// The organisation a request was served to, filled in by the extractor that found its session
/// or API token (`seen`); the layer (`track`) puts one in every request.
#[derive(Clone, Debug, Default)]
pub struct OrgSeen(Arc<AtomicI64>);

impl OrgSeen {
    /// The organisation the request was served to, once a session or token said which.
    pub fn org(&self) -> Option<i64> {
        Some(self.0.load(Ordering::Relaxed)).filter(|id| *id != 0)
    }
}

/// Notes that this request is served to organisation `org` (for `beredd_org_requests_total`).
pub fn seen(extensions: &axum::http::Extensions, org: i64) {
    if let Some(slot) = extensions.get::<OrgSeen>() {
        slot.0.store(org, Ordering::Relaxed);
    }
}

type Timings = Family<Route, Histogram, fn() -> Histogram>;

fn timing() -> Histogram {
    // 5 ms to about 10 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 12))
}

pub struct Metrics {
    registry: Registry,
    requests: Family<Served, Counter>,
    seconds: Timings,
    live: Gauge,
    pool_size: Gauge,
    pool_idle: Gauge,
    last_backup: Gauge,
    incidents: Gauge,
    org_users: Family<Org, Gauge>,
    org_sessions: Family<Org, Gauge>,
    org_requests: Arc<OrgRequests>,
    /// The bearer token a scrape must carry; none: `/metrics` is off.
    token: Option<String>,
}

impl Metrics {
    pub fn new(token: Option<String>) -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<Served, Counter>::default();
        let seconds: Timings = Family::new_with_constructor(timing);
        let (live, pool_size, pool_idle, last_backup, incidents) =
            (Gauge::default(), Gauge::default(), Gauge::default(), Gauge::default(), Gauge::default());
        registry.register("beredd_http_requests", "Requests answered, by route and status", requests.clone());
        registry.register("beredd_http_request_seconds", "Time to answer a request, by route", seconds.clone());
        registry.register("beredd_live_connections", "Open live-board connections", live.clone());
        registry.register("beredd_db_pool_connections", "Database connections held by the pool", pool_size.clone());
        registry.register("beredd_db_pool_idle", "Idle database connections in the pool", pool_idle.clone());
        registry.register(
            "beredd_last_backup_timestamp_seconds",
            "When the last backup was written (Unix time; 0: never)",
            last_backup.clone(),
        );
        registry.register("beredd_incidents_active", "Incidents and exercises going on", incidents.clone());
        let (org_users, org_sessions) = (Family::<Org, Gauge>::default(), Family::<Org, Gauge>::default());
        registry.register("beredd_org_users", "Accounts per organisation", org_users.clone());
        registry.register("beredd_org_sessions", "Sessions not yet expired per organisation", org_sessions.clone());
        let org_requests = Arc::new(OrgRequests::default());
        registry.register_collector(Box::new(org_requests.clone()));
        Metrics {
            registry,
            requests,
            seconds,
            live,
            pool_size,
            pool_idle,
            last_backup,
            incidents,
            org_users,
            org_sessions,
            org_requests,
            token,
        }
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let (method, route) = (method.to_owned(), route.to_owned());
        self.requests.get_or_create(&Served { method: method.clone(), route: route.clone(), status }).inc();
        self.seconds.get_or_create(&Route { method, route }).observe(seconds);
    }

    fn count_org(&self, org: i64) {
        if let Ok(mut counts) = self.org_requests.counts.lock() {
            *counts.entry(org).or_insert(0) += 1;
        }
    }

    fn allows(&self, header: Option<&str>) -> bool {
        use subtle::ConstantTimeEq;
        match (&self.token, header.and_then(|h| h.strip_prefix("Bearer "))) {
            (Some(t), Some(given)) => t.as_bytes().ct_eq(given.as_bytes()).into(),
            _ => false,
        }
    }
}

/// Counts and times every request to a matched route (a layer on the routes).
/// A request served to an organisation's session or API token is counted for it too.
pub async fn track(State(metrics): State<Arc<Metrics>>, mut req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_default();
    let method = req.method().to_string();
    let started = Instant::now();
    let org = OrgSeen::default();
    req.extensions_mut().insert(org.clone());
    let response = next.run(req).await;
    metrics.observe(&method, &route, response.status().as_u16(), started.elapsed().as_secs_f64());
    if let Some(id) = org.org() {
        metrics.count_org(id);
    }
    response
}

/// After a request that may have written (any method but GET and HEAD) for an organisation,
/// its version moves on: the copies any process keeps of its data are built again, and no write
/// has to name the copies it touches. Inside [`track`], whose slot says the organisation.
pub async fn written(State(state): State<super::AppState>, req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let seen = req.extensions().get::<OrgSeen>().cloned();
    let response = next.run(req).await;
    if let Some(org) = seen.filter(|_| writes).and_then(|s| s.org())
        && let Err(e) = crate::services::registers::moved_on(&state.db, org).await
    {
        tracing::error!(org, error = %e, "the organisation's version could not be moved on");
    }
    response
}

/// Each organisation's users and sessions, read now; an organisation removed since the last
/// scrape has no series left.
async fn per_org(m: &Metrics, state: &AppState) {
    let Ok(counts) = crate::store::orgs::counts(&state.db.pool).await else { return };
    m.org_users.clear();
    m.org_sessions.clear();
    if let Ok(mut names) = m.org_requests.names.lock() {
        *names = counts.iter().map(|c| (c.org_id, c.slug.clone())).collect();
    }
    for c in counts {
        let label = Org { org: c.slug };
        m.org_users.get_or_create(&label).set(c.users);
        m.org_sessions.get_or_create(&label).set(c.sessions);
    }
}

/// The scrape: refused without the token, the gauges read now, the whole registry as text.
pub async fn scrape(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let m = &state.metrics;
    if !m.allows(headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok())) {
        let body =
            axum::Json(serde_json::json!({ "error": "mätvärdena kräver --metrics-token och samma token i anropet" }));
        return (StatusCode::UNAUTHORIZED, body).into_response();
    }
    m.live.set(state.live.connections() as i64);
    m.pool_size.set(i64::from(state.db.pool.size()));
    m.pool_idle.set(state.db.pool.num_idle() as i64);
    let last = crate::services::archive::schedule::last(&state.db.pool).await.ok().flatten();
    m.last_backup.set(last.map_or(0, |l| l.at.unix()));
    if let Ok(mut conn) = state.db.pool.acquire().await
        && let Ok(n) = crate::store::incidents::active_count(&mut conn).await
    {
        m.incidents.set(n);
    }
    per_org(m, &state).await;
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &m.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}
