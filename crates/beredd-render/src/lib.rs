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
    ("meeting.typ", include_str!("../typst/meeting.typ")),
    ("incident.typ", include_str!("../typst/incident.typ")),
    ("assessment.typ", include_str!("../typst/assessment.typ")),
    ("processing.typ", include_str!("../typst/processing.typ")),
    ("review.typ", include_str!("../typst/review.typ")),
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
    /// The continuity binder: approved plans, call lists, checklists and blank paper forms.
    Binder,
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
            .fonts(typst_assets::fonts())
            .with_static_source_file_resolver(SOURCES.iter().copied())
            .build()
    })
}

/// Typesets a document from its data and returns the PDF bytes.
///
/// This is CPU-bound (tens of milliseconds in release, a few hundred in debug): call it from a
/// blocking task, not directly on the async runtime.
pub fn pdf(document: Document, data: &serde_json::Value) -> Result<Vec<u8>, RenderError> {
    let template = document.file();
    if !SOURCES.iter().any(|(name, _)| *name == template) {
        return Err(RenderError::UnknownTemplate(template.to_owned()));
    }
    let mut inputs = Dict::new();
    inputs.insert("data".into(), serde_json::to_string(data)?.into_value());
    let typeset = |message: String| RenderError::Typeset { template: template.to_owned(), message };
    let doc: PagedDocument =
        engine().compile_with_input(template, inputs).output.map_err(|e| typeset(format!("{e:?}")))?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|e| typeset(format!("{e:?}")))
}
