//! The public crisis page: a static web page for the citizens, made from an incident's approved
//! messages for the public channels and its hotline numbers, and nothing else. It is one HTML file
//! with its CSS inside and no script, so that it can be put on any web host outside the
//! municipality's network (`beredd publish`, or the button on the communication page).
//!
//! What it never holds: the incident's title and description, the log, drafts, messages for
//! staff or the hotline's script, and who answers a hotline. Those are written for the crisis
//! staff and may name clients or staff; only a message someone approved for the public is.

use std::sync::Arc;

use beredd_domain::text;
use sqlx::AnyPool;

use serde_json::json;

use crate::platform::clock;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::store::{audit, incidents, orgs};

/// The file the page is written to.
pub const FILE_NAME: &str = "index.html";

/// An approved message as the public reads it.
pub struct PublicMessage {
    /// When it was published, in Swedish time.
    pub published: String,
    /// The same instant as stored (UTC, RFC 3339), for `<time datetime>`.
    pub published_at: clock::Stamp,
    pub text: String,
}

/// A number the public may call.
pub struct PublicHotline {
    pub number: String,
    /// The number as a `tel:` link.
    pub tel: String,
    pub hours: Option<String>,
}

/// Everything the page shows, gathered and filtered; the web layer renders it.
pub struct PublicView {
    pub org: String,
    /// An exercise's page says so on every screen.
    pub exercise: bool,
    /// When the page was made, in Swedish time.
    pub updated: String,
    pub updated_at: clock::Stamp,
    pub messages: Vec<PublicMessage>,
    pub hotlines: Vec<PublicHotline>,
    /// The Swedish and English texts of the page.
    pub sv: Tr,
    pub en: Tr,
}

/// What turns a view into the page's HTML (the web layer's template, handed to the command line
/// by the binary's root as the server is).
pub type RenderFn = fn(&PublicView) -> Result<String, String>;

/// The public page's content for incident `id` of organisation `org`, or None when there is no
/// such incident.
pub async fn view(pool: &AnyPool, catalog: Arc<Catalog>, org: i64, id: i64) -> Result<Option<PublicView>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(incident) = incidents::get(&mut conn, org, id).await? else { return Ok(None) };
    let org_name = orgs::get(&mut *conn, org).await?.map(|o| o.name).unwrap_or_default();
    let messages = incidents::public_messages(&mut *conn, incident.key())
        .await?
        .into_iter()
        // The query asks for these only; a second look costs nothing and keeps it so.
        .filter(|m| m.approved.get() && m.channel.is_public())
        .map(|m| PublicMessage { published: m.published_at.shown_minute(), published_at: m.published_at, text: m.text })
        .collect();
    let hotlines = incidents::hotlines(&mut *conn, incident.key())
        .await?
        .into_iter()
        .map(|h| PublicHotline { tel: text::tel_uri(&h.number), number: h.number, hours: h.hours })
        .collect();
    let updated_at = clock::now_stamp();
    Ok(Some(PublicView {
        org: org_name,
        exercise: incident.exercise.get(),
        updated: updated_at.shown_minute(),
        updated_at,
        messages,
        hotlines,
        sv: Tr::new(catalog.clone(), Lang::Sv),
        en: Tr::new(catalog, Lang::En),
    }))
}

/// The page as a file, or why it could not be made; making it is recorded in the audit trail
/// (what was published, and the file's SHA-256), as the binder's and the kit's are.
pub async fn page(
    db: &Db,
    catalog: Arc<Catalog>,
    render: RenderFn,
    actor: &audit::Actor,
    id: i64,
) -> Result<Option<(PublicView, String)>, PageError> {
    let Some(v) = view(&db.pool, catalog, actor.org_id, id).await? else { return Ok(None) };
    let html = render(&v).map_err(PageError::Render)?;
    let record = json!({
        "page": FILE_NAME,
        "exercise": v.exercise,
        "messages": v.messages.iter().map(|m| &m.published_at).collect::<Vec<_>>(),
        "hotlines": v.hotlines.iter().map(|h| &h.number).collect::<Vec<_>>(),
        "file_sha256": crate::services::continuity::kit::sha256_hex(html.as_bytes()),
    });
    let summary = format!("{FILE_NAME}: {} + {}", v.messages.len(), v.hotlines.len());
    let change = audit::Change {
        action: "export",
        entity: "incident",
        entity_id: Some(id),
        summary: &summary,
        before: None::<&serde_json::Value>,
        after: Some(&record),
    };
    let mut tx = db.begin_write().await?;
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Some((v, html)))
}

/// Why the page was not made.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("the public page could not be rendered: {0}")]
    Render(String),
}
