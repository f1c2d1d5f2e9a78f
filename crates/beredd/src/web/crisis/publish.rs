//! The public crisis page as a download: the file `beredd publish` writes, for those who may
//! approve public messages. What goes on it is decided in `services::crisis::publish`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::services::crisis::publish::{self, PublicView};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::register::parse_id;

#[derive(Template)]
#[template(path = "crisis/public_page.html")]
struct PublicPage<'a> {
    v: &'a PublicView,
}

/// The page's HTML (handed to the command line as `publish::RenderFn`).
pub fn render(v: &PublicView) -> Result<String, String> {
    PublicPage { v }.render().map_err(|e| e.to_string())
}

pub async fn download(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    user.require(user.role.approves_public_messages())?;
    let id = parse_id(&id)?;
    let made =
        publish::page(&state.db, state.catalog.clone(), render, &user.actor(), id).await.map_err(|e| match e {
            publish::PageError::Db(e) => AppError::Db(e),
            publish::PageError::Render(e) => AppError::Internal(e),
        })?;
    let (_, html) = made.ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", publish::FILE_NAME)),
        ],
        html,
    )
        .into_response())
}
