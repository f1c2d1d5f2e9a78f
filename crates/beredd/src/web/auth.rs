//! Who is asking: the session cookie, CSRF tokens (the session's, and before login one the server
//! signed), and password hashing off the async workers, a few at a time.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use beredd_domain::Role;

use super::AppState;
use super::error::AppError;
use super::forms::FormData;
use crate::platform::i18n::{Lang, Tr};
use crate::store::{audit::Actor, sessions, users};

pub const SESSION_COOKIE: &str = "beredd_session";
pub const PRELOGIN_COOKIE: &str = "beredd_prelogin";
pub const LANG_COOKIE: &str = "beredd_lang";

/// The logged-in user of this request, with what they may touch.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub session_id: i64,
    pub id: i64,
    pub org_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub lang: Lang,
    pub csrf: String,
    /// Units granted to a unit manager (they also edit everything below these).
    pub granted: Vec<i64>,
    /// The incidents going on, for the banner on every page (loaded for pages, for those who
    /// work incidents).
    pub running: Vec<crate::services::crisis::reporting::Running>,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        Actor { org_id: self.org_id, user_id: Some(self.id), username: self.username.clone() }
    }
    pub fn require(&self, allowed: bool) -> Result<(), AppError> {
        if allowed { Ok(()) } else { Err(AppError::Forbidden) }
    }
}

/// The value of cookie `name` in the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn lang_from_headers(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE).map(Lang::parse).unwrap_or(Lang::Sv)
}

/// Whether cookies must carry `Secure`: configured, or the proxy in front says it is HTTPS.
fn secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure_cookies || headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
}

/// Beredd's address as the browser sees it (`https://beredd.kommun.se`), for passkeys: the host
/// the request names, over HTTPS when cookies are secure or the proxy in front says so.
pub fn origin(state: &AppState, headers: &HeaderMap) -> Option<webauthn_rs::prelude::Url> {
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?;
    let scheme = if secure(state, headers) { "https" } else { "http" };
    webauthn_rs::prelude::Url::parse(&format!("{scheme}://{host}"))
        .ok()
        .filter(|u| u.path() == "/" && u.username().is_empty())
}

pub fn set_cookie(state: &AppState, headers: &HeaderMap, name: &str, value: &str, max_age: i64) -> String {
    let secure = if secure(state, headers) { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

/// A cookie sent on a navigation from another site too (`SameSite=Lax`), limited to `path`: for
/// the state of a login at the identity provider, whose redirect back comes from its site.
pub fn set_lax_cookie(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
    value: &str,
    max_age: i64,
    path: &str,
) -> String {
    let secure = if secure(state, headers) { "; Secure" } else { "" };
    format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The redirect to the login page made into one through the identity provider.
fn recheck(login: AppError) -> AppError {
    match login {
        AppError::LoginRequired { next } => AppError::Recheck { next },
        other => other,
    }
}

/// What a valid session must do first: a single sign-on session is confirmed with the provider
/// every few hours (a page opened goes through the provider first; a form posted then is lost,
/// the user is sent home), and a local account of an organisation that requires a second factor
/// sets one up before anything else.
fn gate(s: &sessions::SessionUser, path: &str, login: impl Fn() -> AppError) -> Result<(), AppError> {
    if s.sso_checked_at.is_some_and(crate::services::accounts::sso::recheck_due) {
        return Err(recheck(login()));
    }
    if s.needs_second_factor.get()
        && !matches!(path, "/account/second-factor" | "/logout")
        && !path.starts_with("/account/passkeys")
    {
        return Err(AppError::SecondFactorFirst);
    }
    Ok(())
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let next = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
        let login = || AppError::LoginRequired {
            next: if parts.method == axum::http::Method::GET { next.clone() } else { "/".into() },
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else { return Err(login()) };
        let Some(s) = sessions::lookup(&state.db.pool, token).await? else { return Err(login()) };
        gate(&s, parts.uri.path(), login)?;
        sessions::touch(&state.db.pool, &s).await?;
        let role = s.role;
        let granted =
            if role == Role::UnitManager { users::granted_units(&state.db.pool, s.user_id).await? } else { Vec::new() };
        let running = if parts.method == axum::http::Method::GET && role.works_incidents() {
            let mut conn = state.db.pool.acquire().await?;
            crate::services::crisis::reporting::running(&mut conn, s.org_id).await?
        } else {
            Vec::new()
        };
        let user = CurrentUser {
            running,
            session_id: s.session_id,
            id: s.user_id,
            org_id: s.org_id,
            username: s.username,
            display_name: s.display_name,
            role,
            lang: Lang::parse(&s.lang),
            csrf: s.csrf_token,
            granted,
        };
        super::metrics::seen(&parts.extensions, user.org_id);
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// A state-changing request: a logged-in user and a form whose CSRF token matches their session.
pub struct Posted {
    pub user: CurrentUser,
    pub form: FormData,
    pub tr: Tr,
}

/// Forms are small, but a continuity plan with a hundred routines in plain Swedish (each letter
/// such as å three times its size when sent) is not: a form may be as large as the route takes
/// (1 MB, `routes::all`); anything bigger is refused before it is read.
const MAX_FORM_BYTES: usize = 1024 * 1024;

impl FromRequest<AppState> for Posted {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let user = CurrentUser::from_request_parts(&mut parts, state).await?;
        let header_token = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let req = Request::from_parts(parts, body);
        let bytes = axum::body::to_bytes(req.into_body(), MAX_FORM_BYTES)
            .await
            .map_err(|_| AppError::BadRequest("form too large"))?;
        let form = FormData::parse(&bytes);
        let token = form.get("_csrf").map(str::to_owned).or(header_token).unwrap_or_default();
        if !same_secret(&token, &user.csrf) {
            return Err(AppError::Csrf);
        }
        let tr = Tr::new(state.catalog.clone(), user.lang);
        Ok(Posted { user, form, tr })
    }
}

/// A form posted before login (login, first-time setup). There is no session yet, so the token
/// is one the server made and signed: a random part, when it stops being valid, and an HMAC of
/// both under a key made at start (so a restart ends the forms open then). It must come back both
/// in the form and in the cookie it was set in (double submit), and its signature must hold: a
/// pair of equal values made up by someone else is refused (security review F3).
pub struct PreLoginForm {
    pub form: FormData,
    pub headers: HeaderMap,
    /// The address the request came from (through a trusted proxy, the one it names).
    pub client: std::net::IpAddr,
}

/// How long a login or setup form may stay open.
pub const PRELOGIN_SECS: i64 = 3600;

fn prelogin_mac(key: &[u8], nonce: &str, expires: i64) -> String {
    use base64::Engine;
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(format!("beredd-prelogin\n{nonce}\n{expires}").as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// A token that says the password of `username` was right, for the second step of the login
/// (five minutes), signed like the forms' tokens.
pub fn second_step_token(state: &AppState, org: i64, username: &str) -> String {
    let username = format!("{org}/{username}");
    let expires = crate::platform::clock::now().unix_timestamp() + 300;
    format!(
        "{username}.{expires}.{}",
        prelogin_mac(&state.prelogin_key[..], &format!("second-step {username}"), expires)
    )
}

/// The organisation and user name a still-valid second-step token names.
pub fn second_step_user(state: &AppState, token: &str) -> Option<(i64, String)> {
    let mut parts = token.rsplitn(3, '.');
    let (mac, expires, username) = (parts.next()?, parts.next()?, parts.next()?);
    let expires = expires.parse::<i64>().ok()?;
    let valid = same_secret(mac, &prelogin_mac(&state.prelogin_key[..], &format!("second-step {username}"), expires))
        && crate::platform::clock::now().unix_timestamp() < expires;
    let (org, username) = username.split_once('/')?;
    valid.then(|| Some((org.parse().ok()?, username.to_owned())))?
}

/// A token that says the password of the platform administrator `username` was right, for the
/// second step of the platform's login (five minutes); signed apart from users' second steps.
pub fn platform_step_token(state: &AppState, username: &str) -> String {
    let expires = crate::platform::clock::now().unix_timestamp() + 300;
    let mac = prelogin_mac(&state.prelogin_key[..], &format!("platform-step {username}"), expires);
    format!("{username}.{expires}.{mac}")
}

/// The platform administrator's name a still-valid platform second-step token names.
pub fn platform_step_user(state: &AppState, token: &str) -> Option<String> {
    let mut parts = token.rsplitn(3, '.');
    let (mac, expires, username) = (parts.next()?, parts.next()?, parts.next()?);
    let expires = expires.parse::<i64>().ok()?;
    let valid = same_secret(mac, &prelogin_mac(&state.prelogin_key[..], &format!("platform-step {username}"), expires))
        && crate::platform::clock::now().unix_timestamp() < expires;
    valid.then(|| username.to_owned())
}

/// A new signed token for a form posted before login.
pub fn prelogin_token(state: &AppState) -> String {
    let nonce = &crate::store::sessions::random_token()[..22];
    let expires = crate::platform::clock::now().unix_timestamp() + PRELOGIN_SECS;
    format!("{nonce}.{expires}.{}", prelogin_mac(&state.prelogin_key[..], nonce, expires))
}

/// Whether a token is one this server signed and it is still valid.
fn prelogin_valid(state: &AppState, token: &str) -> bool {
    let mut parts = token.splitn(3, '.');
    let (Some(nonce), Some(expires), Some(mac)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let Ok(expires) = expires.parse::<i64>() else { return false };
    same_secret(mac, &prelogin_mac(&state.prelogin_key[..], nonce, expires))
        && crate::platform::clock::now().unix_timestamp() < expires
}

impl FromRequest<AppState> for PreLoginForm {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0);
        let client = state.client(peer, &headers);
        let bytes = Bytes::from_request(req, state).await.map_err(|_| AppError::BadRequest("unreadable form"))?;
        if bytes.len() > MAX_FORM_BYTES {
            return Err(AppError::BadRequest("form too large"));
        }
        let form = FormData::parse(&bytes);
        let cookie_token = cookie(&headers, PRELOGIN_COOKIE).unwrap_or_default();
        let form_token = form.get("_csrf").unwrap_or_default();
        if cookie_token.is_empty() || !same_secret(cookie_token, form_token) || !prelogin_valid(state, form_token) {
            return Err(AppError::Csrf);
        }
        Ok(PreLoginForm { form, headers, client })
    }
}

/// Argon2id with the crate's default parameters (19 MiB, 2 passes), salted.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    crate::platform::passwords::hash(password).map_err(|e| AppError::Internal(e.to_string()))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    crate::platform::passwords::verify(password, hash)
}

/// Argon2 computations at once (each takes 19 MiB and tens of milliseconds) …
pub const HASHING_AT_ONCE: usize = 4;
/// … and how many more may wait, for at most `HASHING_MAX_WAIT`: beyond that the request is told
/// to try again shortly, rather than queueing without end behind a flood of logins.
pub const HASHING_MAX_WAITING: usize = 32;
pub const HASHING_MAX_WAIT: Duration = Duration::from_secs(10);

/// The server's one queue for password hashing (logins, new accounts, password changes).
pub fn hashing_limit() -> crate::platform::limit::Limit {
    crate::platform::limit::Limit::new(HASHING_AT_ONCE, HASHING_MAX_WAITING).max_wait(HASHING_MAX_WAIT)
}

/// Hashing takes tens of milliseconds of CPU: off the async workers, a few at a time.
pub async fn hash_password_blocking(state: &AppState, password: String) -> Result<String, AppError> {
    Ok(crate::services::accounts::hash_password(&state.hashing, password).await?)
}

/// Whether `password` matches `hash`; `AppError::Busy` when the server is too busy to check now.
pub async fn verify_password_blocking(state: &AppState, password: String, hash: String) -> Result<bool, AppError> {
    Ok(crate::services::accounts::verify_password(&state.hashing, password, hash).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_hash_is_argon2id_and_verifies() {
        let h = hash_password("korrekt häst batteri").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("korrekt häst batteri", &h));
        assert!(!verify_password("fel", &h));
    }

    #[test]
    fn secrets_compare_equal_only_when_identical() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
