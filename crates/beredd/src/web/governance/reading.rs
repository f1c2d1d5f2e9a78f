//! Confirming that one has read a steering document: on its page when logged in, or through a
//! personal link without an account (a phone is enough). A unit manager makes the links for their
//! staff; each token is shown once, in a list to print or send. The link's page shows that one
//! document's current version and nothing else (not even whose link it is, in case it is passed
//! on), and is limited per address like logging in.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::document::{Block, blocks};

use super::documents::{load, readable, viewer};
use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::governance::documents as use_cases;
use crate::services::governance::reading::{self, LinkView, Opened};
use crate::store::audit::Actor;
use crate::store::documents as store;
use crate::web::AppState;
use crate::web::auth::{self, PRELOGIN_COOKIE, Posted, PreLoginForm};
use crate::web::classification::evidence::file_response;
use crate::web::error::AppError;
use crate::web::page::Ctx;

/// The logged-in user confirms the version they were shown (the current one; if a newer one
/// came in between, the page shows it and asks again).
pub async fn acknowledge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    let Some(me) = person.filter(|p| reg.applies_to_person(d, Some(*p))) else { return Err(AppError::Forbidden) };
    let Some(current) = d.current.as_ref() else { return Err(AppError::NotFound) };
    if form.text("version") != current.number.to_string() {
        return Ok(Redirect::to(&format!("/governance/documents/{}", d.doc.id)).into_response());
    }
    use_cases::acknowledge(&state.db, &user.actor(), &d.doc, current, me, "account").await?;
    Ok(Redirect::to(&format!("/governance/documents/{}?msg=read", d.doc.id)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/links.html")]
pub struct LinksPage {
    pub ctx: Ctx,
    pub id: i64,
    pub doc_title: String,
    /// (name, unit, address)
    pub links: Vec<(String, String, String)>,
    pub until: String,
}

/// Beredd's address as the manager's browser reached it, for links they pass on.
fn base(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if state.secure_cookies { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// New personal links for the people ticked (staff of units the user manages).
pub async fn make_links(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let d = readable(&reg, &v, &id)?;
    let mut chosen = Vec::new();
    for p in form.all("person") {
        let p = p.parse::<i64>().ok().and_then(|p| reg.person(p)).ok_or(AppError::NotFound)?;
        if !reg.may_link(&v, p) || !reg.applies(d, p.unit_id) {
            return Err(AppError::Forbidden);
        }
        if !chosen.iter().any(|(id, _)| *id == p.id) {
            chosen.push((p.id, p.name.clone()));
        }
    }
    if chosen.is_empty() {
        return Ok(Redirect::to(&format!("/governance/documents/{}#reading", d.doc.id)).into_response());
    }
    let made = use_cases::make_links(&state.db, &user.actor(), &d.doc, &chosen).await?;
    let base = base(&state, &headers);
    let links = made
        .into_iter()
        .filter_map(|(p, token)| {
            let person = reg.person(p)?;
            let unit = reg.units.iter().find(|u| Some(u.id) == person.unit_id).map(|u| u.name.clone());
            Some((person.name.clone(), unit.unwrap_or_default(), format!("{base}/read/{token}")))
        })
        .collect();
    let mut ctx = Ctx::new(&state, &user, "/governance/documents", String::new());
    ctx.title = ctx.tr.ts("document-links-title", "title", &d.doc.title);
    let until = clock::now_stamp().plus_seconds(beredd_domain::document::LINK_DAYS * 86400).shown_day();
    Ok(LinksPage { id: d.doc.id, doc_title: d.doc.title.clone(), links, until, ctx }.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/read.html")]
pub struct ReadPage {
    pub tr: Tr,
    pub csrf: String,
    pub action: String,
    pub title: String,
    pub kind: String,
    /// "Version 3, beslutad …"
    pub about: String,
    pub blocks: Vec<Block>,
    /// The address of the current version's file, when it is one.
    pub file: Option<(String, String)>,
    pub version: i64,
    /// When the person confirmed the current version, if they have.
    pub read: Option<String>,
    /// Set when the link no longer works: what to do instead.
    pub gone: Option<String>,
    pub just_read: bool,
}

/// The link's page in the language the phone asks for.
fn page(state: &AppState, headers: &HeaderMap, token: &str, l: &LinkView, just_read: bool) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let version = l.current.as_ref().map(|c| c.number).unwrap_or(0);
    let decided_on = l.doc.decided_on.map(|d| d.to_string());
    let decided: Vec<&str> = [&l.doc.decided_by, &decided_on].into_iter().filter_map(|x| x.as_deref()).collect();
    let about = match decided.is_empty() {
        true => tr.ts("document-read-version", "n", &version.to_string()),
        false => format!("{}, {}", tr.ts("document-read-version", "n", &version.to_string()), decided.join(" ")),
    };
    let read = l.read.as_ref().map(|a| a.at.shown_minute());
    let file = l.current.as_ref().and_then(|c| c.file_name.clone()).map(|n| (format!("/read/{token}/file"), n));
    let body = ReadPage {
        csrf: csrf.clone(),
        action: format!("/read/{token}"),
        title: l.doc.title.clone(),
        kind: tr.t(l.doc.kind.label_id()),
        about,
        blocks: l.current.as_ref().and_then(|c| c.body.as_deref()).map(blocks).unwrap_or_default(),
        file,
        version,
        read,
        gone: None,
        just_read,
        tr,
    };
    let cookie = auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS);
    ([(header::SET_COOKIE, cookie), (header::CACHE_CONTROL, "no-store".to_owned())], body).into_response()
}

/// The page of a link that has stopped working: a clear message, nothing of the document.
fn gone(state: &AppState, headers: &HeaderMap) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let body = ReadPage {
        csrf: String::new(),
        action: String::new(),
        title: tr.t("document-read-gone-title"),
        kind: String::new(),
        about: String::new(),
        blocks: Vec::new(),
        file: None,
        version: 0,
        read: None,
        gone: Some(tr.t("document-read-gone")),
        just_read: false,
        tr,
    };
    (StatusCode::GONE, body).into_response()
}

/// Opens the link behind the throttle: an unknown token counts as a failed attempt from the
/// address, so that guessing stops after a few tries.
async fn opened(
    state: &AppState,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: &HeaderMap,
    token: &str,
) -> Result<Result<LinkView, Response>, AppError> {
    let client = state.client(peer.map(|Extension(ConnectInfo(p))| p), headers);
    let attempt = state.reading_throttle.admit("reading link", client).map_err(|_| AppError::Throttled)?;
    // A token is 43 characters of URL-safe base64; anything else is not worth a look-up.
    let shaped = token.len() <= 64 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let found = if shaped { reading::open(&state.db.pool, token).await? } else { Opened::Unknown };
    match found {
        Opened::Unknown => {
            attempt.failed();
            Err(AppError::NotFound)
        }
        Opened::Expired => {
            attempt.succeeded();
            Ok(Err(gone(state, headers)))
        }
        Opened::Valid(l) => {
            attempt.succeeded();
            Ok(Ok(*l))
        }
    }
}

pub async fn public_form(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(match opened(&state, peer, &headers, &token).await? {
        Ok(l) => page(&state, &headers, &token, &l, false),
        Err(gone) => gone,
    })
}

/// Records the confirmation of the version the page showed, for the link's own person only.
pub async fn public_submit(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    Path(token): Path<String>,
    posted: PreLoginForm,
) -> Result<Response, AppError> {
    let PreLoginForm { form, headers, .. } = posted;
    let l = match opened(&state, peer, &headers, &token).await? {
        Ok(l) => l,
        Err(gone) => return Ok(gone),
    };
    let Some(current) = l.current.as_ref() else { return Err(AppError::NotFound) };
    if form.text("version") != current.number.to_string() {
        // A newer version came while the page was open: show it and ask again.
        return Ok(page(&state, &headers, &token, &l, false));
    }
    let actor = Actor { org_id: l.org_id, user_id: None, username: format!("{} (personlig länk)", l.person.name) };
    use_cases::acknowledge(&state.db, &actor, &l.doc, current, l.person.id, "link").await?;
    let l = match reading::open(&state.db.pool, &token).await? {
        Opened::Valid(l) => *l,
        _ => return Err(AppError::NotFound),
    };
    Ok(page(&state, &headers, &token, &l, true))
}

/// The current version's file, for the link's holder.
pub async fn public_file(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let l = match opened(&state, peer, &headers, &token).await? {
        Ok(l) => l,
        Err(gone) => return Ok(gone),
    };
    let Some(v) = l.current.as_ref() else { return Err(AppError::NotFound) };
    let (Some(name), Some(kind)) = (&v.file_name, &v.content_type) else { return Err(AppError::NotFound) };
    let bytes = store::file_content(&state.db.pool, l.doc.key(), v.id).await?.ok_or(AppError::NotFound)?;
    Ok(file_response(name, kind, bytes))
}
