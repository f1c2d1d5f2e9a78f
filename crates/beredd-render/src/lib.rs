//! Beredd's PDF documents, typeset in-process with typst.
//!
//! Each document is a typst template under `typst/` that reads all of its content from one JSON
//! value handed in as `sys.inputs.data`. The templates never splice user text into markup, so a
//! name such as `*bold* #eval("x")` is printed exactly as typed.

use std::sync::OnceLock;

use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

/// The templates, by file name. `common.typ` is imported by the others.
const SOURCES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../typst/common.typ")),
    ("procurement.typ", include_str!("../typst/procurement.typ")),
    ("classification.typ", include_str!("../typst/classification.typ")),
    ("binder.typ", include_str!("../typst/binder.typ")),
    ("binder-plan.typ", include_str!("../typst/binder-plan.typ")),
    ("forms.typ", include_str!("../typst/forms.typ")),
    ("meeting.typ", include_str!("../typst/meeting.typ")),
    ("incident.typ", include_str!("../typst/incident.typ")),
    ("assessment.typ", include_str!("../typst/assessment.typ")),
    ("processing.typ", include_str!("../typst/processing.typ")),
    ("review.typ", include_str!("../typst/review.typ")),
];

/// The fonts the templates use, and only those (typst-assets would embed 17 files, 10 MB, most of
/// them for mathematics): Libertinus Serif for the text, DejaVu Sans Mono for keys and numbers
/// set in monospace. Licences in `fonts/LICENSES.txt`.
const FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../fonts/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("../fonts/DejaVuSansMono.ttf"),
    include_bytes!("../fonts/DejaVuSansMono-Bold.ttf"),
];

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("unknown document template {0}")]
    UnknownTemplate(String),
    #[error("typst could not typeset {template}: {message}")]
    Typeset { template: String, message: String },
    #[error("the data for the document could not be serialised: {0}")]
    Data(#[from] serde_json::Error),
}

/// The kinds of document Beredd prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The "shall"-requirements for procuring one system.
    Procurement,
    /// The classified information of a unit or of the whole organisation.
    Classification,
    /// The continuity binder: approved plans, call lists, checklists and blank paper forms. The
    /// plans come in as parts already typeset ([`Document::BinderPlan`]), see [`Part`].
    Binder,
    /// One approved plan's section of the binder, without header and footer.
    BinderPlan,
    /// The protocol of a crisis staff meeting.
    Meeting,
    /// The report of an incident: summary, board, staff reached, reports sent and the whole log.
    Incident,
    /// A framework assessment: progress per chapter, the statement of applicability and the gaps.
    Assessment,
    /// The record of processing activities (GDPR art. 30.1).
    Processing,
    /// The management review of a year: figures, summaries and decisions per section.
    Review,
}

impl Document {
    fn file(self) -> &'static str {
        match self {
            Document::Procurement => "procurement.typ",
            Document::Classification => "classification.typ",
            Document::Binder => "binder.typ",
            Document::BinderPlan => "binder-plan.typ",
            Document::Meeting => "meeting.typ",
            Document::Incident => "incident.typ",
            Document::Assessment => "assessment.typ",
            Document::Processing => "processing.typ",
            Document::Review => "review.typ",
        }
    }
}

fn engine() -> &'static TypstEngine {
    static ENGINE: OnceLock<TypstEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .fonts(FONTS.iter().copied())
            .with_static_source_file_resolver(SOURCES.iter().copied())
            .build()
    })
}

/// Typesets a document from its data and returns the PDF bytes.
///
/// This is CPU-bound (tens of milliseconds in release, a few hundred in debug): call it from a
/// blocking task, not directly on the async runtime.
pub fn pdf(document: Document, data: &serde_json::Value) -> Result<Vec<u8>, RenderError> {
    Ok(typeset(document, data, Vec::new())?.pdf)
}

/// A heading of a typeset document: its level, its text and where it stands (page from 1, and
/// the point from the page's top left, in typographic points).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub level: i64,
    pub text: String,
    pub page: usize,
    pub x: f64,
    pub y: f64,
}

/// A typeset document with what is needed to join it into another: how many pages it has and
/// where its headings are.
#[derive(Debug, Clone)]
pub struct Part {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub headings: Vec<Heading>,
}

/// What, besides its data, decides the bytes a document's template makes: this crate's version,
/// typst's, every template and the fonts. A cache of typeset parts keys on it with the data, so
/// that a new template or typst never reuses a part the old one made.
pub fn revision() -> String {
    let mut text = format!("beredd-render {} typst 0.15", env!("CARGO_PKG_VERSION"));
    for (name, source) in SOURCES {
        text.push_str(&format!("\n--- {name}\n{source}"));
    }
    for font in FONTS {
        text.push_str(&format!("\n--- font of {} bytes", font.len()));
    }
    text
}

/// Typesets a document from its data, with `files` handed to the template as
/// `sys.inputs.parts` (bytes, e.g. PDFs laid in as images), and gives the PDF with its page
/// count and headings. CPU-bound, as [`pdf`].
pub fn typeset(document: Document, data: &serde_json::Value, files: Vec<Vec<u8>>) -> Result<Part, RenderError> {
    use typst::foundations::{Array, Bytes, NativeElement, Selector};
    let template = document.file();
    if !SOURCES.iter().any(|(name, _)| *name == template) {
        return Err(RenderError::UnknownTemplate(template.to_owned()));
    }
    let mut inputs = Dict::new();
    inputs.insert("data".into(), serde_json::to_string(data)?.into_value());
    if !files.is_empty() {
        let files: Array = files.into_iter().map(|f| Bytes::new(f).into_value()).collect();
        inputs.insert("parts".into(), files.into_value());
    }
    let typeset = |message: String| RenderError::Typeset { template: template.to_owned(), message };
    let doc: PagedDocument =
        engine().compile_with_input(template, inputs).output.map_err(|e| typeset(format!("{e:?}")))?;
    let introspector = doc.introspector();
    let mut headings = Vec::new();
    for h in introspector.elements().query(&Selector::Elem(typst::model::HeadingElem::ELEM, None)).iter() {
        let (Some(location), Ok(level), Ok(body)) = (h.location(), h.get_by_name("level"), h.get_by_name("body"))
        else {
            continue;
        };
        let Some(position) = introspector.position(location) else { continue };
        let level = match level {
            typst::foundations::Value::Int(n) => n,
            _ => 1,
        };
        let text = match body {
            typst::foundations::Value::Content(c) => c.plain_text().to_string(),
            other => other.display().plain_text().to_string(),
        };
        headings.push(Heading {
            level,
            text,
            page: position.page.get(),
            x: position.point.x.to_pt(),
            y: position.point.y.to_pt(),
        });
    }
    let pages = doc.pages().len();
    let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|e| typeset(format!("{e:?}")))?;
    Ok(Part { pdf, pages, headings })
}

/// Typesets several documents of one kind at once, on as many threads as there are cores (and
/// no more than there are documents); the results in the order of `datas`.
pub fn typeset_each(document: Document, datas: &[serde_json::Value]) -> Vec<Result<Part, RenderError>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(datas.len());
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<Result<Part, RenderError>>>> = Mutex::new((0..datas.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(data) = datas.get(i) else { break };
                    let part = typeset(document, data, Vec::new());
                    done.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(part);
                }
            });
        }
    });
    let done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.into_iter().map(|p| p.unwrap_or_else(|| Err(RenderError::UnknownTemplate("(no result)".into())))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::foundations::Bytes;
    use typst::text::Font;

    /// Every letter and sign the documents print (Swedish letters, the dashes, quotes and signs
    /// of the Swedish texts, and what a name or an address may hold) has a glyph in each kept
    /// font, and a document set in every style names only the kept fonts.
    #[test]
    fn the_kept_fonts_print_swedish_in_every_style() {
        let needed = "åäöÅÄÖéèüÜæøÆØ–—…”’§€×°½";
        for bytes in FONTS {
            let font = Font::new(Bytes::new(*bytes), 0).expect("a font");
            let missing: String = needed.chars().filter(|c| !font.info().coverage.contains(*c as u32)).collect();
            assert!(missing.is_empty(), "{} lacks {missing}", font.info().family);
        }
        let source = "#set text(font: \"Libertinus Serif\", lang: \"sv\")\n\
            Åsa Öberg på Ängsgården: *fet stil åäö* _kursiv ÅÄÖ_ *_båda é ü_* \
            #text(font: \"DejaVu Sans Mono\")[age1qzå 070-174 06 11] #strong(text(font: \"DejaVu Sans Mono\")[Ö])";
        let engine = TypstEngine::builder()
            .fonts(FONTS.iter().copied())
            .with_static_source_file_resolver([("t.typ", source)])
            .build();
        let compiled = engine.compile_with_input("t.typ", Dict::new());
        assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
        let doc: PagedDocument = compiled.output.expect("it typesets");
        let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).expect("a PDF");
        let text = String::from_utf8_lossy(&pdf);
        for font in [
            "LibertinusSerif-Regular",
            "LibertinusSerif-Bold",
            "LibertinusSerif-Italic",
            "LibertinusSerif-BoldItalic",
            "DejaVuSansMono",
        ] {
            assert!(text.contains(font), "{font} is not in the PDF");
        }
    }
}
