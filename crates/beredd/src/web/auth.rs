//! Who is asking: the session cookie, CSRF tokens, hashing off the async workers and login throttling.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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

pub fn set_cookie(state: &AppState, headers: &HeaderMap, name: &str, value: &str, max_age: i64) -> String {
    let secure = if secure(state, headers) { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
        sessions::touch(&state.db.pool, s.session_id).await?;
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

/// Forms are small; anything bigger is refused before it is read.
const MAX_FORM_BYTES: usize = 256 * 1024;

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

/// A form posted before login (login, first-time setup): checked against a cookie that holds the
/// same random token (double submit), since there is no session yet.
pub struct PreLoginForm {
    pub form: FormData,
    pub headers: HeaderMap,
}

impl FromRequest<AppState> for PreLoginForm {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let bytes = Bytes::from_request(req, state).await.map_err(|_| AppError::BadRequest("unreadable form"))?;
        if bytes.len() > MAX_FORM_BYTES {
            return Err(AppError::BadRequest("form too large"));
        }
        let form = FormData::parse(&bytes);
        let cookie_token = cookie(&headers, PRELOGIN_COOKIE).unwrap_or_default();
        let form_token = form.get("_csrf").unwrap_or_default();
        if cookie_token.is_empty() || !same_secret(cookie_token, form_token) {
            return Err(AppError::Csrf);
        }
        Ok(PreLoginForm { form, headers })
    }
}

/// Argon2id with the crate's default parameters (19 MiB, 2 passes), salted.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    crate::platform::passwords::hash(password).map_err(|e| AppError::Internal(e.to_string()))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    crate::platform::passwords::verify(password, hash)
}

/// At most this many Argon2 computations at once (each takes 19 MiB and tens of milliseconds);
/// more requests wait their turn instead of exhausting memory.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Hashing takes tens of milliseconds of CPU: keep it off the async workers, a few at a time.
pub async fn hash_password_blocking(password: String) -> Result<String, AppError> {
    let _permit = HASHING.acquire().await.map_err(|e| AppError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

pub async fn verify_password_blocking(password: String, hash: String) -> bool {
    let Ok(_permit) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false)
}

/// Failed logins per user name: after `MAX_FAILURES` within `WINDOW`, that name is locked for
/// the rest of the window. Kept in memory: a restart forgives, which is acceptable here.
#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Throttle {
    pub const MAX_FAILURES: u32 = 5;
    pub const WINDOW: Duration = Duration::from_secs(15 * 60);
    /// The names remembered at most; valid user names are at most 64 characters.
    const MAX_NAMES: usize = 10_000;

    pub fn is_locked(&self, key: &str) -> bool {
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key).is_some_and(|(n, first)| *n >= Self::MAX_FAILURES && first.elapsed() < Self::WINDOW)
    }

    pub fn fail(&self, key: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(key.to_owned()).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= Self::WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
        if map.len() > Self::MAX_NAMES {
            map.retain(|_, (_, first)| first.elapsed() < Self::WINDOW);
            // Still too many (a flood of names within the window): forget the oldest half.
            if map.len() > Self::MAX_NAMES {
                let mut firsts: Vec<Instant> = map.values().map(|(_, f)| *f).collect();
                firsts.sort_unstable();
                let cut = firsts[firsts.len() / 2];
                map.retain(|_, (_, first)| *first > cut);
            }
        }
    }

    pub fn succeed(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
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
    fn the_throttle_locks_after_five_failures() {
        let t = Throttle::default();
        for _ in 0..4 {
            t.fail("anna");
        }
        assert!(!t.is_locked("anna"));
        t.fail("anna");
        assert!(t.is_locked("anna"));
        assert!(!t.is_locked("bertil"));
    }

    #[test]
    fn secrets_compare_equal_only_when_identical() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
