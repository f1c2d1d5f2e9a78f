//! Which uploaded files Beredd accepts as evidence, decided from the name and the bytes together.
//!
//! A file is accepted only when its extension is on a short list and its first bytes are what
//! that kind of file starts with, so an HTML page renamed to `.pdf` is refused. The content type
//! Beredd later serves comes from this list, never from what the browser claimed.

use crate::FieldError;

/// The largest evidence file accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// An accepted file: a safe display name and the content type to serve it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub file_name: String,
    pub content_type: &'static str,
}

const ZIP: &[u8] = b"PK\x03\x04";

/// (extension, content type, what the file must start with; empty = UTF-8 text).
const KINDS: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("jpg", "image/jpeg", b"\xff\xd8\xff"),
    ("jpeg", "image/jpeg", b"\xff\xd8\xff"),
    ("txt", "text/plain; charset=utf-8", b""),
    ("csv", "text/csv; charset=utf-8", b""),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    ("odt", "application/vnd.oasis.opendocument.text", ZIP),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", ZIP),
];

/// The extensions accepted, for the form's hint and `accept` attribute.
pub fn extensions() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|(ext, _, _)| *ext)
}

/// The name to show: the last path segment, without control characters, at most 120 characters.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.chars().count() <= 120 {
        return clean;
    }
    // Keep the extension when shortening.
    let ext = clean.rsplit_once('.').map(|(_, e)| e).filter(|e| e.len() <= 5).unwrap_or("");
    let stem: String = clean.chars().take(120 - ext.len() - 1).collect();
    if ext.is_empty() { stem } else { format!("{stem}.{ext}") }
}

/// Checks an uploaded file: not empty, not too large, an accepted kind whose bytes match its name.
pub fn accept(raw_name: &str, bytes: &[u8]) -> Result<Accepted, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::FileEmpty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(FieldError::FileTooLarge { max_mb: MAX_BYTES / (1024 * 1024) });
    }
    let name = display_name(raw_name);
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).ok_or(FieldError::FileType)?;
    let (_, content_type, magic) = KINDS.iter().find(|(e, _, _)| *e == ext).ok_or(FieldError::FileType)?;
    let fits = if magic.is_empty() {
        std::str::from_utf8(bytes).is_ok_and(|t| !t.contains('\0'))
    } else {
        bytes.starts_with(magic)
    };
    if !fits {
        return Err(FieldError::FileType);
    }
    Ok(Accepted { file_name: name, content_type })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_accepted_with_its_own_content_type() {
        let a = accept("Rutin för återläsning.PDF", b"%PDF-1.7\n...").unwrap();
        assert_eq!(a, Accepted { file_name: "Rutin för återläsning.PDF".into(), content_type: "application/pdf" });
    }

    #[test]
    fn a_file_whose_bytes_do_not_match_its_name_is_refused() {
        assert_eq!(accept("rapport.pdf", b"<html><script>alert(1)</script>"), Err(FieldError::FileType));
        assert_eq!(accept("bild.png", b"%PDF-1.7"), Err(FieldError::FileType));
        assert_eq!(accept("lista.txt", b"bin\0ary"), Err(FieldError::FileType));
    }

    #[test]
    fn refused_kinds_empty_and_oversized_files() {
        assert_eq!(accept("sida.html", b"<html>"), Err(FieldError::FileType));
        assert_eq!(accept("bild.svg", b"<svg onload=alert(1)>"), Err(FieldError::FileType));
        assert_eq!(accept("program.exe", b"MZ"), Err(FieldError::FileType));
        assert_eq!(accept("utan-filändelse", b"text"), Err(FieldError::FileType));
        assert_eq!(accept("tom.pdf", b""), Err(FieldError::FileEmpty));
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(accept("stor.txt", &big), Err(FieldError::FileTooLarge { max_mb: 10 }));
        assert!(accept("precis.txt", &big[..MAX_BYTES]).is_ok());
    }

    #[test]
    fn no_path_survives_in_the_name() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\anna\\Desktop\\intyg.pdf"), "intyg.pdf");
        assert_eq!(display_name("..\u{0}.hidden\n.txt"), "hidden.txt");
        let long = format!("{}.pdf", "å".repeat(300));
        let short = display_name(&long);
        assert_eq!(short.chars().count(), 120);
        assert!(short.ends_with(".pdf"));
    }
}
