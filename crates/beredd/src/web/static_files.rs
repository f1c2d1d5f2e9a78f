//! Static files (CSS, htmx), embedded in the binary so that one file is the whole program.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::error::AppError;

#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Assets;

pub async fn serve(Path(path): Path<String>) -> Result<Response, AppError> {
    let file = Assets::get(&path).ok_or(AppError::NotFound)?;
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    Ok((
        [(header::CONTENT_TYPE, mime.as_ref().to_owned()), (header::CACHE_CONTROL, "public, max-age=3600".to_owned())],
        file.data.into_owned(),
    )
        .into_response())
}
