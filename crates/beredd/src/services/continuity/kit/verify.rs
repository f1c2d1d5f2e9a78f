//! Checking a copy of a kit (`beredd kit verify FILE`): is it a kit this server made, and are its
//! page text, style and script exactly those this version of Beredd writes for its header?
//! Nothing is decrypted: the passphrase is not needed.

use super::seal::{self, HeaderFields, Parts};
use crate::platform::db::DbError;
use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::store::kits::{self, KitExport};

/// How the page around the sealed parts compares with what this version of Beredd writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCheck {
    /// Byte for byte the page this version writes for this header.
    Same,
    /// The header is not one this version writes (its format or its texts differ).
    HeaderDiffers,
    /// The script differs (and perhaps more).
    ScriptDiffers,
    /// The script is the same; the page's text, style or security rules differ.
    PageDiffers,
}

/// What was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The file is exactly one this server made.
    Exact,
    /// The sealed parts are those of a kit this server made, and the page around them is the one
    /// this version writes (the kit was made by an earlier version, whose page differed).
    SameContentCurrentPage,
    /// The sealed parts are those of a kit this server made, but the page around them has been
    /// changed: do not type the passphrase into this copy.
    Changed,
    /// Neither the file nor its sealed parts match a kit this server made.
    Unknown,
}

impl Verdict {
    pub fn is_ok(self) -> bool {
        matches!(self, Verdict::Exact | Verdict::SameContentCurrentPage)
    }
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct Verification {
    pub verdict: Verdict,
    pub fingerprint: String,
    pub file_sha256: String,
    pub page: PageCheck,
    /// The kit this server made that the file matches, and the plans it held (name, version).
    pub kit: Option<KitExport>,
    pub plans: Vec<(String, i64)>,
    /// Kits recorded under the kit id the header names, when nothing else matched (kits made
    /// before fingerprints were kept, or a header copied into another file).
    pub same_id: Vec<KitExport>,
}

/// Why a file could not be checked at all.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotAKit {
    #[error("the file is not a Beredd kit (its sealed parts are missing)")]
    Parts,
    #[error("the kit's header is not readable")]
    Header,
}

/// The script element of the page: the text of the last `<script>` without attributes.
fn script(html: &str) -> Option<&str> {
    let start = html.rfind("<script>\n")? + "<script>\n".len();
    let end = html[start..].find("\n</script>")? + start;
    Some(&html[start..end])
}

/// Compares the page around the sealed parts with the one this version writes for the header.
pub fn page_check(html: &str) -> Result<(PageCheck, HeaderFields, Parts<'_>), NotAKit> {
    let parts = seal::parts(html).ok_or(NotAKit::Parts)?;
    let header: serde_json::Value = serde_json::from_str(parts.header).map_err(|_| NotAKit::Header)?;
    let fields = HeaderFields::read(&header).ok_or(NotAKit::Header)?;
    let tr = Tr::new(Catalog::load(), Lang::parse(header["lang"].as_str().unwrap_or("")));
    let check = if seal::header_text(&fields, &tr) != parts.header {
        PageCheck::HeaderDiffers
    } else if seal::page(&tr, &fields.org, &fields.exported, parts) == html {
        PageCheck::Same
    } else if script(html) != Some(seal::JS) {
        PageCheck::ScriptDiffers
    } else {
        PageCheck::PageDiffers
    };
    Ok((check, fields, parts))
}

/// Checks a kit file against the kits recorded in the database.
pub async fn verify(pool: &sqlx::AnyPool, html: &str) -> Result<Result<Verification, NotAKit>, DbError> {
    let (page, fields, parts) = match page_check(html) {
        Ok(found) => found,
        Err(e) => return Ok(Err(e)),
    };
    let fingerprint = parts.fingerprint();
    let file_sha256 = seal::sha256_hex(html.as_bytes());
    let found = kits::by_hash(pool, &file_sha256, &fingerprint).await?;
    let by_file = found.iter().find(|k| k.file_sha256.as_deref() == Some(&file_sha256));
    let by_content = found.iter().find(|k| k.fingerprint.as_deref() == Some(&fingerprint));
    let (verdict, kit) = match (by_file, by_content) {
        (Some(k), _) => (Verdict::Exact, Some(k.clone())),
        (None, Some(k)) if page == PageCheck::Same => (Verdict::SameContentCurrentPage, Some(k.clone())),
        (None, Some(k)) => (Verdict::Changed, Some(k.clone())),
        (None, None) => (Verdict::Unknown, None),
    };
    let plans = match &kit {
        Some(k) => kits::plans_of(pool, k.id).await?,
        None => Vec::new(),
    };
    let same_id = if kit.is_none() { kits::by_kit_id(pool, &fields.kit_id).await? } else { Vec::new() };
    Ok(Ok(Verification { verdict, fingerprint, file_sha256, page, kit, plans, same_id }))
}
