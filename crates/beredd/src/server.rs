//! Starting the web server on a database.

use std::net::SocketAddr;

use anyhow::Context;

use crate::platform::db::Db;
use crate::store::{orgs, sessions, users};
use crate::web::{AppState, router};

/// Where and how to serve; shared by `serve` and `demo`.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on.
    #[arg(long, env = "BEREDD_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Mark cookies Secure: set this when Beredd is served over HTTPS (behind a proxy).
    #[arg(long, env = "BEREDD_SECURE_COOKIES")]
    pub secure_cookies: bool,
}

/// Makes sure there is an organisation to serve, and tells how to create the first user.
pub async fn prepare(db: &Db, listen: SocketAddr) -> anyhow::Result<()> {
    let org = match orgs::first(&db.pool).await? {
        Some(o) => o.id,
        None => orgs::create(&db.pool, "Kommunen", None).await?,
    };
    if users::count(&db.pool).await? == 0 {
        // One link at a time: a new start replaces the link printed before.
        sessions::consume_setup_tokens(&db.pool).await?;
        let token = sessions::create_setup_token(&db.pool, org).await?;
        println!("Beredd har inga användare ännu. Skapa administratören på engångslänken:");
        println!("  http://{listen}/setup/{token}");
        println!("eller med kommandot: beredd user add --role admin NAMN");
    }
    Ok(())
}

pub async fn run(db: Db, opts: &ServeOptions) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(opts.listen)
        .await
        .with_context(|| format!("kan inte lyssna på {}", opts.listen))?;
    let addr = listener.local_addr()?;
    prepare(&db, addr).await?;
    let state = AppState::new(db.clone(), opts.secure_cookies)?;
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
