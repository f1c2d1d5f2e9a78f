//! Serving the web interface on a listener until Ctrl+C or SIGTERM. The command line gets this
//! from the binary's root (`main.rs`) as a `cli::ServeFn`, so that nothing outside `web` names it.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;

use anyhow::Context;

use crate::platform::db::Db;
use crate::platform::net::Listen;
use crate::web::{AppState, router};

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
    println!("Beredd kör på http://{addr}/  (avsluta med Ctrl+C)");
    tracing::info!(%addr, trusted_proxies = ?listen.trusted_proxies, "listening");
    // Each request knows the address it connects from (the login limits count by it).
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    db.close().await;
    Ok(())
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
