//! Static files (CSS, htmx, the few scripts), embedded in the binary so that one file is the
//! whole program. Pages name them with their content's hash in the name (`app.3f2a9c1d04.css`,
//! from [`url`]), so a browser may keep them for a year: a new version of Beredd has new names.
//! The plain name still answers, kept for an hour, for anything that asks by it.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::error::AppError;

#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Assets;

/// A year, and never asked again: the name changes with the content.
const FOREVER: &str = "public, max-age=31536000, immutable";
const AN_HOUR: &str = "public, max-age=3600";

/// The first ten hex digits of a file's SHA-256.
fn hash_of(name: &str) -> Option<String> {
    let file = Assets::get(name)?;
    Some(file.metadata.sha256_hash()[..5].iter().map(|b| format!("{b:02x}")).collect())
}

/// The address of an embedded file with its hash in the name; the plain address for a name
/// that is not embedded (a page then fails to load it visibly, as before).
pub fn url(name: &str) -> String {
    static URLS: OnceLock<HashMap<String, String>> = OnceLock::new();
    let urls = URLS.get_or_init(|| {
        Assets::iter()
            .filter_map(|n| {
                let hash = hash_of(&n)?;
                let hashed = match n.rsplit_once('.') {
                    Some((stem, ext)) => format!("/static/{stem}.{hash}.{ext}"),
                    None => format!("/static/{n}.{hash}"),
                };
                Some((n.into_owned(), hashed))
            })
            .collect()
    });
    urls.get(name).cloned().unwrap_or_else(|| format!("/static/{name}"))
}

/// The embedded name a hashed name stands for, when the hash is the content's.
fn unhashed(path: &str) -> Option<String> {
    let (rest, ext) = path.rsplit_once('.')?;
    let (stem, hash) = rest.rsplit_once('.')?;
    let name = format!("{stem}.{ext}");
    (hash_of(&name)? == hash).then_some(name)
}

pub async fn serve(Path(path): Path<String>) -> Result<Response, AppError> {
    let (name, cache) = match Assets::get(&path) {
        Some(_) => (path, AN_HOUR),
        None => (unhashed(&path).ok_or(AppError::NotFound)?, FOREVER),
    };
    let file = Assets::get(&name).ok_or(AppError::NotFound)?;
    let mime = mime_guess::from_path(&name).first_or_octet_stream();
    Ok((
        [(header::CONTENT_TYPE, mime.as_ref().to_owned()), (header::CACHE_CONTROL, cache.to_owned())],
        file.data.into_owned(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_name_stands_for_its_file_only_while_the_hash_is_the_content_s() {
        let hashed = url("app.css");
        assert!(hashed.starts_with("/static/app.") && hashed.ends_with(".css"), "{hashed}");
        assert_eq!(hashed.len(), "/static/app.".len() + 10 + ".css".len());
        let path = hashed.trim_start_matches("/static/");
        assert_eq!(unhashed(path).as_deref(), Some("app.css"));
        assert_eq!(unhashed("app.0000000000.css"), None, "a stale or made-up hash is not the file");
        assert_eq!(url("nothing.js"), "/static/nothing.js");
    }
}
