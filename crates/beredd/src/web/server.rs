//! Serving the web interface on a listener until Ctrl+C or SIGTERM. The command line gets this
//! from the binary's root (`main.rs`) as a `cli::ServeFn`, so that nothing outside `web` names it.
//!
//! Each connection is served by hyper's HTTP/1.1 connection with a timer, because `axum::serve`
//! sets none: a client must send a request's headers within [`HEADER_READ_TIMEOUT`] (security
//! review F20, "slowloris"), and a connection idle that long between requests is closed too. A
//! request's body has its own limit (`RequestBodyTimeoutLayer`, in `web::router`).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use anyhow::Context;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower::Service;

use crate::platform::db::Db;
use crate::platform::net::Listen;
use crate::web::{AppState, router};

/// How long a client may take to send a request line and its headers, and how long a kept-alive
/// connection may wait for its next request, before the connection is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a stop waits for the requests under way (live boards' streams are ended first).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Binds the address, prepares the database for its first start, and serves until stopped.
pub fn serve(db: Db, listen: Listen) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>> {
    Box::pin(run(db, listen))
}

async fn run(db: Db, listen: Listen) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen.addr)
        .await
        .with_context(|| format!("kan inte lyssna på {}", listen.addr))?;
    let addr = listener.local_addr()?;
    crate::services::setup::prepare(&db, addr).await?;
    let mut state = AppState::new(db.clone(), listen.secure_cookies)?;
    state.trusted_proxies = std::sync::Arc::new(listen.trusted_proxies.clone());
    state.metrics = std::sync::Arc::new(super::metrics::Metrics::new(listen.metrics_token.clone()));
    state.live = std::sync::Arc::new(super::live::Live::with_max_streams(listen.max_live_streams));
    // Several processes on one database sign the login forms with one key, so that a form shown
    // by one is accepted by another behind the same load balancer.
    state.prelogin_key = std::sync::Arc::new(crate::services::setup::shared_key(&db, "prelogin-key").await?);
    relay_live_boards(&db, &state).await;
    crate::platform::console::say(&format!("Beredd kör på http://{addr}/  (avsluta med Ctrl+C)"));
    tracing::info!(%addr, trusted_proxies = ?listen.trusted_proxies, "listening");
    serve_on(listener, state, HEADER_READ_TIMEOUT, shutdown()).await;
    db.close().await;
    Ok(())
}

/// On PostgreSQL, live boards hear of changes made through the other processes serving the same
/// database (and those made here reach theirs). A process that cannot listen still serves, with
/// boards that update from its own writes only; it says so in its log.
async fn relay_live_boards(db: &Db, state: &AppState) {
    if db.backend != crate::platform::db::Backend::Postgres {
        return;
    }
    let live = state.live.clone();
    let deliver: crate::platform::relay::Deliver = std::sync::Arc::new(move |note| match note {
        Some(n) => live.deliver(n.incident, &n.event, n.data),
        None => live.reload_all(),
    });
    match crate::platform::relay::start(db.url.as_str(), db.pool.clone(), deliver).await {
        Ok(relay) => state.live.relay_through(relay),
        Err(e) => tracing::warn!(error = %e, "live boards will not hear of other processes' changes"),
    }
}

/// Serves the application on `listener` until `stop` resolves: each request knows the address it
/// connects from (the login limits count by it), and a client that has not sent a request's
/// headers within `header_timeout` is disconnected. On stop, no new connection is taken, open
/// live boards are told and their streams end, and the other connections finish their requests
/// (for at most ten seconds).
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    header_timeout: Duration,
    stop: impl Future<Output = ()>,
) {
    let live = state.live.clone();
    let app = router(state);
    let (closing, closed) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, say: wait for some to be given back.
                    tracing::warn!(error = %e, "a connection could not be accepted");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        connections.spawn(serve_connection(app.clone(), stream, peer, header_timeout, closed.clone()));
        // The finished connections' tasks, so that the set does not grow.
        while connections.try_join_next().is_some() {}
    }
    stop_serving(listener, closing, &live, connections).await;
}

/// Serves one connection with the header timeout, until it closes or the server stops (then it
/// finishes the request under way).
async fn serve_connection(
    app: axum::Router,
    stream: tokio::net::TcpStream,
    peer: std::net::SocketAddr,
    header_timeout: Duration,
    mut closed: tokio::sync::watch::Receiver<bool>,
) {
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        app.clone().call(request)
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let connection = http.serve_connection(TokioIo::new(stream), service);
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => {}
        _ = closed.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// The stop: new connections are refused, the open ones finish their requests, and open live
/// boards get a last event saying the server is stopping and their streams end, so that the stop
/// waits for writes in flight and not for pages left open (for at most [`SHUTDOWN_GRACE`]).
async fn stop_serving(
    listener: tokio::net::TcpListener,
    closing: tokio::sync::watch::Sender<bool>,
    live: &super::live::Live,
    mut connections: tokio::task::JoinSet<()>,
) {
    drop(listener);
    let _ = closing.send(true);
    tracing::info!(open = live.connections(), "stopping: live boards are told");
    live.shut_down();
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, async { while connections.join_next().await.is_some() {} }).await;
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
