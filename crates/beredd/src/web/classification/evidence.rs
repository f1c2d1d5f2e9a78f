//! Evidence files for the self-assessment: upload, download and delete.
//!
//! The bytes go into the database; the name a browser sends is cleaned and only ever shown or
//! offered as the download name. Downloads need a session in the same organisation, are sent as
//! attachments with the content type Beredd decided on upload, and are sandboxed.

use axum::body::Body;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::upload;

use crate::services::classification::evidence;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted, same_secret};
use crate::web::error::AppError;
use crate::web::register::parse_id;

use super::assessment;

/// What an upload brought so far: whether its CSRF token was good, the file, and whether it
/// went over the limit.
#[derive(Default)]
struct Upload {
    token_ok: bool,
    file: Option<(String, Vec<u8>)>,
    too_large: bool,
}

/// Reads the file's bytes, keeping none beyond the limit: a huge file is never held in memory.
async fn read_file(mut field: axum::extract::multipart::Field<'_>, up: &mut Upload) {
    let name = field.file_name().unwrap_or_default().to_owned();
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > upload::MAX_BYTES {
                    up.too_large = true;
                } else if !up.too_large {
                    bytes.extend_from_slice(&chunk);
                }
            }
            Ok(None) => break,
            Err(_) => {
                up.too_large = true;
                break;
            }
        }
    }
    up.file = Some((name, bytes));
}

/// Reads the upload: the CSRF token first, then the file, counting bytes as they come so a huge
/// file is never held in memory beyond the limit.
pub(crate) async fn read(
    multipart: &mut Multipart,
    csrf: &str,
) -> Result<Result<(String, Vec<u8>), beredd_domain::FieldError>, AppError> {
    let mut up = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            // The body ended early or went over the limit of the route.
            Err(_) if up.token_ok => {
                up.too_large = true;
                break;
            }
            Err(_) => return Err(AppError::BadRequest("unreadable upload")),
        };
        match field.name() {
            Some("_csrf") => {
                let value = field.text().await.map_err(|_| AppError::BadRequest("unreadable upload"))?;
                up.token_ok = same_secret(&value, csrf);
                if !up.token_ok {
                    return Err(AppError::Csrf);
                }
            }
            Some("file") if up.token_ok => read_file(field, &mut up).await,
            _ if !up.token_ok => return Err(AppError::Csrf),
            _ => {}
        }
    }
    if !up.token_ok {
        return Err(AppError::Csrf);
    }
    if up.too_large {
        return Ok(Err(beredd_domain::FieldError::FileTooLarge { max_mb: upload::MAX_BYTES / (1024 * 1024) }));
    }
    Ok(up.file.filter(|(name, _)| !name.is_empty()).ok_or(beredd_domain::FieldError::Required))
}

pub async fn upload(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, req)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (system, r) = assessment::context(&state, &user, &id, &req).await?;
    let checked = read(&mut multipart, &user.csrf)
        .await?
        .and_then(|(name, bytes)| upload::accept(&name, &bytes).map(|a| (a, bytes)));
    let (accepted, bytes) = match checked {
        Ok(ok) => ok,
        Err(e) => {
            let page = assessment::render_form(&state, &user, &system, &r, Some(e)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    evidence::add(&state.db, &user.actor(), &user.display_name, &system, &r.id, &accepted, &bytes).await?;
    Ok(Redirect::to(&format!("/systems/{}/assessment/{}?msg=uploaded", system.id, r.id)).into_response())
}

/// `attachment; filename="…"` with a plain-ASCII fallback and the real name in RFC 5987 form.
fn disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_ ".contains(c) { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub async fn download(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (meta, bytes) = evidence::file(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    Ok(file_response(&meta.file_name, &meta.content_type, bytes))
}

/// A stored file as a download that a browser never runs: sandboxed, as an attachment.
pub(crate) fn file_response(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition(name)),
            (header::CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response()
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let before = evidence::delete(&state.db, &user.actor(), id).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/systems/{}/assessment/{}?msg=deleted", before.system_id, before.requirement_id))
        .into_response())
}
