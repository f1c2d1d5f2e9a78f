//! Serving the web interface on a listener until Ctrl+C or SIGTERM. The command line gets this
//! from the binary's root (`main.rs`) as a `cli::ServeFn`, so that nothing outside `web` names it.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;

use anyhow::Context;

use crate::platform::db::Db;
use crate::web::{AppState, router};

/// Binds `listen`, prepares the database for its first start, and serves until stopped.
pub fn serve(
    db: Db,
    listen: SocketAddr,
    secure_cookies: bool,
) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>> {
    Box::pin(run(db, listen, secure_cookies))
}

async fn run(db: Db, listen: SocketAddr, secure_cookies: bool) -> anyhow::Result<()> {
    let listener =
        tokio::net::TcpListener::bind(listen).await.with_context(|| format!("kan inte lyssna på {listen}"))?;
    let addr = listener.local_addr()?;
    crate::services::setup::prepare(&db, addr).await?;
    let state = AppState::new(db.clone(), secure_cookies)?;
    println!("Beredd kör på http://{addr}/  (avsluta med Ctrl+C)");
    tracing::info!(%addr, "listening");
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown()).await?;
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
