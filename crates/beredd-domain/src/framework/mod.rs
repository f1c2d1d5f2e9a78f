//! Frameworks and their assessments: a framework is a tree of requirements (a statute, a
//! standard's controls, a maturity checklist); an assessment answers each assessable requirement
//! with a status and a maturity, and is summed up per chapter (the top-level requirements).
//!
//! The file formats are read in the application crate; this module checks what they produced
//! (ids, parents, texts) and names the line of every problem.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

mod assessment;
mod language;
mod reference;

pub use assessment::{MATURITY_MAX, Status, Tally, tally};

/// Whose words the requirement texts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TextKind {
    /// The statute's own words (Swedish statutes carry no copyright).
    Statute,
    /// Written for Beredd, or a summary.
    OwnWords,
    /// Imported from another tool; whose words they are is in `source`.
    Imported,
}

impl TextKind {
    pub fn parse(s: &str) -> Option<TextKind> {
        match s {
            "statute" => Some(TextKind::Statute),
            "own-words" => Some(TextKind::OwnWords),
            "imported" => Some(TextKind::Imported),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            TextKind::Statute => "statute",
            TextKind::OwnWords => "own-words",
            TextKind::Imported => "imported",
        }
    }
}

/// Values shared with the requirement catalogue, through which catalogue requirements are
/// suggested as linked requirements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Maps {
    pub cyber_measures: Vec<u8>,
    pub gdpr: Vec<String>,
    pub pdl: Vec<String>,
    pub hslf: Vec<String>,
    pub iso27001: Vec<String>,
}

impl Maps {
    /// True when the two share any value.
    pub fn meets(&self, other: &Maps) -> bool {
        fn any<T: PartialEq>(a: &[T], b: &[T]) -> bool {
            a.iter().any(|x| b.contains(x))
        }
        any(&self.cyber_measures, &other.cyber_measures)
            || any(&self.gdpr, &other.gdpr)
            || any(&self.pdl, &other.pdl)
            || any(&self.hslf, &other.hslf)
            || any(&self.iso27001, &other.iso27001)
    }
    pub fn is_empty(&self) -> bool {
        self.cyber_measures.is_empty()
            && self.gdpr.is_empty()
            && self.pdl.is_empty()
            && self.hslf.is_empty()
            && self.iso27001.is_empty()
    }
}

/// One requirement of a framework as read from a file, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct RawNode {
    /// The line of the file it starts on (1-based).
    pub line: usize,
    pub id: String,
    pub parent: Option<String>,
    pub reference: Option<String>,
    pub title_sv: Option<String>,
    pub title_en: Option<String>,
    pub text_sv: Option<String>,
    pub text_en: Option<String>,
    pub guidance_sv: Option<String>,
    pub guidance_en: Option<String>,
    pub references: Vec<String>,
    pub assessable: bool,
    pub maps: Maps,
}

/// A framework's header as read from a file.
#[derive(Debug, Clone, Default)]
pub struct RawHeader {
    pub id: String,
    pub version: String,
    pub title_sv: String,
    pub title_en: Option<String>,
    pub description_sv: Option<String>,
    pub description_en: Option<String>,
    pub source: String,
    pub text: String,
    pub url: Option<String>,
    /// The language of the texts as the file says it (`en`), when it says one.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub id: String,
    pub parent: Option<String>,
    /// 0 for a chapter (a top-level requirement).
    pub depth: usize,
    /// Index in `Framework::nodes` of the chapter this requirement belongs to.
    pub chapter: usize,
    pub reference: String,
    pub title_sv: Option<String>,
    pub title_en: Option<String>,
    pub text_sv: String,
    pub text_en: Option<String>,
    pub guidance_sv: Option<String>,
    pub guidance_en: Option<String>,
    pub references: Vec<String>,
    pub assessable: bool,
    pub maps: Maps,
}

impl Node {
    /// The requirement's own title in the chosen language (falling back to Swedish), when it has one.
    pub fn own_title(&self, english: bool) -> Option<&str> {
        let t = if english { self.title_en.as_ref().or(self.title_sv.as_ref()) } else { self.title_sv.as_ref() };
        t.map(String::as_str)
    }
    /// The title in the chosen language, falling back to Swedish, then to the text's start (for
    /// lists; where the requirement is read or answered, `heading` and the whole text are shown).
    /// A title that starts with the reference is given without it (`label` puts it back in front).
    pub fn title(&self, english: bool) -> String {
        match self.own_title(english) {
            Some(t) => reference::without_reference(t, &self.reference).to_owned(),
            None => {
                let text = reference::without_reference(self.text(english), &self.reference);
                let short: String = text.chars().take(90).collect();
                if short.len() < text.len() { format!("{short}…") } else { short }
            }
        }
    }
    /// Reference and title, as headings and lists show them; a title that already names the
    /// reference is not preceded by it again.
    pub fn label(&self, english: bool) -> String {
        let title = self.title(english);
        if reference::names_reference(&title, &self.reference) { title } else { format!("{} {title}", self.reference) }
    }
    /// The reference and the requirement's own title, or the reference alone when it has no title
    /// of its own (its text is then shown whole below it, never cut short).
    pub fn heading(&self, english: bool) -> String {
        match self.own_title(english).map(|t| reference::without_reference(t, &self.reference)) {
            Some(t) if reference::names_reference(t, &self.reference) => t.to_owned(),
            Some(t) => format!("{} {t}", self.reference),
            None => self.reference.clone(),
        }
    }
    /// Whether the text says more than the heading, and so is shown below it.
    pub fn text_adds(&self, english: bool) -> bool {
        self.own_title(english) != Some(self.text(english))
    }
    pub fn text(&self, english: bool) -> &str {
        if english { self.text_en.as_deref().unwrap_or(&self.text_sv) } else { &self.text_sv }
    }
    pub fn guidance(&self, english: bool) -> Option<&str> {
        if english { self.guidance_en.as_deref().or(self.guidance_sv.as_deref()) } else { self.guidance_sv.as_deref() }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub title_sv: String,
    pub title_en: Option<String>,
    pub description_sv: Option<String>,
    pub description_en: Option<String>,
    pub source: String,
    pub text: TextKind,
    pub url: Option<String>,
    /// The language of the texts (`en`, lower case), when the file names one.
    pub language: Option<String>,
    pub nodes: Vec<Node>,
}

impl Framework {
    pub fn title(&self, english: bool) -> &str {
        if english { self.title_en.as_deref().unwrap_or(&self.title_sv) } else { &self.title_sv }
    }
    pub fn description(&self, english: bool) -> Option<&str> {
        if english {
            self.description_en.as_deref().or(self.description_sv.as_deref())
        } else {
            self.description_sv.as_deref()
        }
    }
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
    pub fn assessable(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.assessable)
    }
    /// The chapters: top-level requirements, in order, as indices into `nodes`.
    pub fn chapters(&self) -> Vec<usize> {
        self.nodes.iter().enumerate().filter(|(_, n)| n.depth == 0).map(|(i, _)| i).collect()
    }
}

/// What is wrong with a framework file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is not valid TOML/YAML; the parser's own explanation.
    Syntax(String),
    /// A required key is missing or empty.
    Missing(&'static str),
    /// A key that the format does not have.
    UnknownKey(String),
    /// An id with characters outside the allowed set.
    BadId(String),
    /// A version with characters outside the allowed set.
    BadVersion(String),
    /// `text` is neither "statute" nor "own-words".
    BadTextKind(String),
    /// Two requirements with the same id.
    Duplicate(String),
    /// A parent that is not an earlier requirement.
    UnknownParent { id: String, parent: String },
    /// No requirement can be answered.
    NothingAssessable,
    /// More requirements than Beredd takes in one framework.
    TooMany(usize),
    /// The file is not a framework library (CISO Assistant: no `objects.framework`).
    NotAFramework,
    /// The file goes past one of the limits its reader keeps while it reads (YAML aliases can make
    /// a small file stand for billions of values); the limit passed, and its value.
    OverLimit { limit: Limit, max: usize },
}

/// A limit the YAML reader keeps while it reads a file, counting what aliases repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Uses of aliases (`*name`).
    Aliases,
    /// Values: texts, lists and maps.
    Values,
    /// Characters in one text.
    TextLength,
    /// Characters of text in the whole file.
    Text,
    /// Levels of lists and maps inside each other.
    Depth,
}

/// A problem and the line it is on (0 when the whole file is meant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub line: usize,
    pub problem: Problem,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match &self.problem {
            Problem::Syntax(m) => format!("the file cannot be read: {m}"),
            Problem::Missing(k) => format!("`{k}` is missing"),
            Problem::UnknownKey(k) => format!("unknown key `{k}`"),
            Problem::BadId(id) => format!("the id `{id}` may only hold letters, digits and . - _ :"),
            Problem::BadVersion(v) => format!("the version `{v}` may only hold letters, digits and . - _"),
            Problem::BadTextKind(t) => format!("`text` must be \"statute\" or \"own-words\", not \"{t}\""),
            Problem::Duplicate(id) => format!("the requirement `{id}` appears twice"),
            Problem::UnknownParent { id, parent } => {
                format!("the requirement `{id}` has the parent `{parent}`, which is not an earlier requirement")
            }
            Problem::NothingAssessable => "no requirement can be assessed".to_owned(),
            Problem::TooMany(n) => format!("{n} requirements, more than {MAX_NODES}"),
            Problem::NotAFramework => "the file holds no framework".to_owned(),
            Problem::OverLimit { limit, max } => match limit {
                Limit::Aliases => format!("more than {max} uses of aliases"),
                Limit::Values => format!("more than {max} values"),
                Limit::TextLength => format!("a text longer than {max} characters"),
                Limit::Text => format!("more than {max} characters of text"),
                Limit::Depth => format!("nested more than {max} levels deep"),
            },
        };
        if self.line > 0 { write!(f, "line {}: {what}", self.line) } else { write!(f, "{what}") }
    }
}

/// At most this many requirements in one framework.
pub const MAX_NODES: usize = 5000;

/// Letters, digits and the given punctuation, with at least one letter or digit (so an id is
/// never `.` or `..`, which a browser would take as a path step).
fn id_ok(s: &str, extra: &[char]) -> bool {
    s.len() <= 200
        && s.chars().any(char::is_alphanumeric)
        && s.chars().all(|c| c.is_alphanumeric() || extra.contains(&c))
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Checks a framework read from a file and builds its tree.
pub fn build(header: RawHeader, raw: Vec<RawNode>) -> Result<Framework, FileError> {
    let at = |line: usize, problem: Problem| FileError { line, problem };
    let framework_id = header.id.trim().to_lowercase();
    if framework_id.is_empty() {
        return Err(at(0, Problem::Missing("id")));
    }
    if !id_ok(&framework_id, &['-']) || !framework_id.is_ascii() {
        return Err(at(0, Problem::BadId(framework_id)));
    }
    let version = header.version.trim().to_owned();
    if version.is_empty() {
        return Err(at(0, Problem::Missing("version")));
    }
    if !id_ok(&version, &['.', '-', '_']) || !version.is_ascii() {
        return Err(at(0, Problem::BadVersion(version)));
    }
    if header.title_sv.trim().is_empty() {
        return Err(at(0, Problem::Missing("title_sv")));
    }
    if header.source.trim().is_empty() {
        return Err(at(0, Problem::Missing("source")));
    }
    let text = TextKind::parse(header.text.trim()).ok_or_else(|| at(0, Problem::BadTextKind(header.text.clone())))?;
    if raw.len() > MAX_NODES {
        return Err(at(0, Problem::TooMany(raw.len())));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::with_capacity(raw.len());
    let mut has_children: HashSet<String> = HashSet::new();
    for r in raw {
        let id = r.id.trim().to_owned();
        if id.is_empty() {
            return Err(at(r.line, Problem::Missing("id")));
        }
        if !id_ok(&id, &['.', '-', '_', ':']) {
            return Err(at(r.line, Problem::BadId(id)));
        }
        if seen.contains_key(&id) {
            return Err(at(r.line, Problem::Duplicate(id)));
        }
        let text_sv = nonempty(r.text_sv).ok_or_else(|| at(r.line, Problem::Missing("text_sv")))?;
        let parent = nonempty(r.parent);
        let (depth, chapter) = match &parent {
            None => (0, nodes.len()),
            Some(p) => match seen.get(p) {
                Some(&i) => (nodes[i].depth + 1, nodes[i].chapter),
                None => return Err(at(r.line, Problem::UnknownParent { id, parent: p.clone() })),
            },
        };
        if let Some(p) = &parent {
            has_children.insert(p.clone());
        }
        seen.insert(id.clone(), nodes.len());
        nodes.push(Node {
            reference: nonempty(r.reference).unwrap_or_else(|| id.clone()),
            id,
            parent,
            depth,
            chapter,
            title_sv: nonempty(r.title_sv),
            title_en: nonempty(r.title_en),
            text_sv,
            text_en: nonempty(r.text_en),
            guidance_sv: nonempty(r.guidance_sv),
            guidance_en: nonempty(r.guidance_en),
            references: r.references.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
            assessable: r.assessable,
            maps: r.maps,
        });
    }
    if !nodes.iter().any(|n| n.assessable) {
        return Err(at(0, Problem::NothingAssessable));
    }
    Ok(Framework {
        id: framework_id,
        version,
        title_sv: header.title_sv.trim().to_owned(),
        title_en: nonempty(header.title_en),
        description_sv: nonempty(header.description_sv),
        description_en: nonempty(header.description_en),
        source: header.source.trim().to_owned(),
        text,
        // Only a web address is shown as a link.
        url: nonempty(header.url).filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        language: nonempty(header.language).map(|l| l.to_lowercase()),
        nodes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn header() -> RawHeader {
        RawHeader {
            id: "exempel".into(),
            version: "2026.1".into(),
            title_sv: "Exempel".into(),
            source: "Eget".into(),
            text: "own-words".into(),
            ..RawHeader::default()
        }
    }

    pub(super) fn node(line: usize, id: &str, parent: Option<&str>, assessable: bool) -> RawNode {
        RawNode {
            line,
            id: id.into(),
            parent: parent.map(str::to_owned),
            text_sv: Some(format!("Krav {id}")),
            assessable,
            ..RawNode::default()
        }
    }

    #[test]
    fn a_tree_gets_depths_and_chapters() {
        let fw = build(
            header(),
            vec![
                node(5, "1", None, false),
                node(9, "1.1", Some("1"), true),
                node(13, "1.1.a", Some("1.1"), true),
                node(17, "2", None, true),
            ],
        )
        .unwrap();
        assert_eq!(
            fw.nodes.iter().map(|n| (n.depth, n.chapter)).collect::<Vec<_>>(),
            vec![(0, 0), (1, 0), (2, 0), (0, 3)]
        );
        assert_eq!(fw.chapters(), vec![0, 3]);
        assert_eq!(fw.node("1.1").unwrap().reference, "1.1");
        let mut n = fw.node("1.1").unwrap().clone();
        n.title_sv = Some("Styrning".into());
        assert_eq!(n.label(false), "1.1 Styrning", "a title without its reference gets it in front");
        n.title_sv = Some("Styrning (1.1)".into());
        assert_eq!(n.label(false), "Styrning (1.1)");
        assert_eq!(n.heading(false), "Styrning (1.1)");
        n.title_sv = None;
        n.text_sv = "Krav ".repeat(40);
        assert!(n.label(false).ends_with('…'), "a list shows the start of a long text");
        assert_eq!(n.heading(false), "1.1", "a heading never cuts the text short");
        assert!(n.text_adds(false));
    }

    #[test]
    fn problems_name_their_line() {
        let dup = build(header(), vec![node(5, "1", None, true), node(9, "1", None, true)]).unwrap_err();
        assert_eq!(dup, FileError { line: 9, problem: Problem::Duplicate("1".into()) });
        let orphan = build(header(), vec![node(5, "1", None, true), node(9, "2.1", Some("2"), true)]).unwrap_err();
        assert_eq!(orphan.line, 9);
        assert!(orphan.to_string().contains("`2`"), "{orphan}");
        let mut empty = node(7, "1", None, true);
        empty.text_sv = Some("  ".into());
        assert_eq!(
            build(header(), vec![empty]).unwrap_err(),
            FileError { line: 7, problem: Problem::Missing("text_sv") }
        );
        assert_eq!(build(header(), vec![node(3, "..", None, true)]).unwrap_err().problem, Problem::BadId("..".into()));
        let mut h = header();
        h.url = Some("javascript:alert(1)".into());
        assert_eq!(build(h, vec![node(3, "1", None, true)]).unwrap().url, None);
        let bad = build(header(), vec![node(3, "a b", None, true)]).unwrap_err();
        assert_eq!(bad.problem, Problem::BadId("a b".into()));
        assert_eq!(build(header(), vec![node(3, "1", None, false)]).unwrap_err().problem, Problem::NothingAssessable);
        let mut h = header();
        h.text = "summary".into();
        assert_eq!(
            build(h, vec![node(3, "1", None, true)]).unwrap_err().problem,
            Problem::BadTextKind("summary".into())
        );
    }

    #[test]
    fn maps_meet_on_any_shared_value() {
        let a = Maps { cyber_measures: vec![3], iso27001: vec!["A.8.13".into()], ..Maps::default() };
        let b = Maps { iso27001: vec!["A.8.13".into(), "A.5.30".into()], ..Maps::default() };
        let c = Maps { gdpr: vec!["32".into()], ..Maps::default() };
        assert!(a.meets(&b));
        assert!(!a.meets(&c));
        assert!(Maps::default().is_empty());
    }
}
