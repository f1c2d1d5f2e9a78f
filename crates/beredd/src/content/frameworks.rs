//! Frameworks: the files in `library/frameworks/` (built into the binary and checked at start)
//! and files a user imports, in Beredd's TOML format or in CISO Assistant's YAML library format.
//! Every problem names its line; nothing of a broken file is kept.

use anyhow::anyhow;
use beredd_domain::framework::{self, FileError, Framework, Maps, Problem, RawHeader, RawNode};
use serde::Deserialize;

use super::yaml::{self, Node, Value};

#[derive(rust_embed::Embed)]
#[folder = "../../library/frameworks/"]
#[include = "*.toml"]
struct Embedded;

/// The format of a framework file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Beredd's own TOML format (`library/frameworks/README.md`).
    Beredd,
    /// A CISO Assistant library (YAML).
    CisoAssistant,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::Beredd => "beredd",
            Format::CisoAssistant => "ciso-assistant",
        }
    }
    pub fn parse(code: &str) -> Option<Format> {
        match code {
            "beredd" => Some(Format::Beredd),
            "ciso-assistant" => Some(Format::CisoAssistant),
            _ => None,
        }
    }
    /// Chosen by the file's name; a YAML file is taken to be a CISO Assistant library.
    pub fn of_file(name: &str) -> Option<Format> {
        let lower = name.to_lowercase();
        if lower.ends_with(".toml") {
            Some(Format::Beredd)
        } else if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Some(Format::CisoAssistant)
        } else {
            None
        }
    }
}

/// Reads a framework file in the given format.
pub fn parse(format: Format, src: &str) -> Result<Framework, FileError> {
    // Some editors on Windows start a UTF-8 file with a byte-order mark.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    match format {
        Format::Beredd => parse_toml(src),
        Format::CisoAssistant => parse_ciso(src),
    }
}

/// The frameworks that ship with Beredd, sorted by title. A broken file stops the start.
pub fn library() -> anyhow::Result<Vec<Framework>> {
    let mut out = Vec::new();
    let mut names: Vec<_> = Embedded::iter().collect();
    names.sort();
    for name in names {
        let file = Embedded::get(&name).ok_or_else(|| anyhow!("{name} vanished"))?;
        let src = std::str::from_utf8(&file.data).map_err(|_| anyhow!("library/frameworks/{name}: not UTF-8"))?;
        let fw = parse_toml(src).map_err(|e| anyhow!("library/frameworks/{name}: {e}"))?;
        if out.iter().any(|f: &Framework| f.id == fw.id) {
            return Err(anyhow!("library/frameworks/{name}: the id {} is used by another file", fw.id));
        }
        out.push(fw);
    }
    out.sort_by(|a, b| a.title_sv.cmp(&b.title_sv));
    Ok(out)
}

/// The file a shipped framework was read from, so a user can take a copy, change it and import
/// it as their own version.
pub fn library_file(id: &str) -> Option<String> {
    Embedded::iter()
        .filter_map(|name| Embedded::get(&name))
        .filter_map(|f| String::from_utf8(f.data.into_owned()).ok())
        .find(|src| parse_toml(src).is_ok_and(|fw| fw.id == id))
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    id: Option<String>,
    version: Option<String>,
    title_sv: Option<String>,
    title_en: Option<String>,
    description_sv: Option<String>,
    description_en: Option<String>,
    source: Option<String>,
    text: Option<String>,
    url: Option<String>,
    #[serde(default)]
    requirement: Vec<toml::Spanned<TomlNode>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlNode {
    id: Option<String>,
    parent: Option<String>,
    #[serde(rename = "ref")]
    reference: Option<String>,
    title_sv: Option<String>,
    title_en: Option<String>,
    text_sv: Option<String>,
    text_en: Option<String>,
    guidance_sv: Option<String>,
    guidance_en: Option<String>,
    #[serde(default)]
    references: Vec<String>,
    assessable: Option<bool>,
    #[serde(default)]
    cyber_measures: Vec<u8>,
    #[serde(default)]
    gdpr: Vec<String>,
    #[serde(default)]
    pdl: Vec<String>,
    #[serde(default)]
    hslf: Vec<String>,
    #[serde(default)]
    iso27001: Vec<String>,
}

pub fn parse_toml(src: &str) -> Result<Framework, FileError> {
    let file: TomlFile = toml::from_str(src).map_err(|e| {
        let line = e.span().map(|s| line_of(src, s.start)).unwrap_or(0);
        let message = e.message().to_owned();
        let problem = match message.strip_prefix("unknown field `").and_then(|m| m.split('`').next()) {
            Some(key) => Problem::UnknownKey(key.to_owned()),
            None => Problem::Syntax(message),
        };
        FileError { line, problem }
    })?;
    let header = RawHeader {
        id: file.id.ok_or(FileError { line: 0, problem: Problem::Missing("id") })?,
        version: file.version.ok_or(FileError { line: 0, problem: Problem::Missing("version") })?,
        title_sv: file.title_sv.ok_or(FileError { line: 0, problem: Problem::Missing("title_sv") })?,
        title_en: file.title_en,
        description_sv: file.description_sv,
        description_en: file.description_en,
        source: file.source.ok_or(FileError { line: 0, problem: Problem::Missing("source") })?,
        text: file.text.ok_or(FileError { line: 0, problem: Problem::Missing("text") })?,
        url: file.url,
        language: None,
    };
    let nodes = file
        .requirement
        .into_iter()
        .map(|s| {
            // The span of an array-of-tables entry is its `[[requirement]]` header.
            let line = line_of(src, s.span().start);
            let n = s.into_inner();
            RawNode {
                line,
                id: n.id.unwrap_or_default(),
                parent: n.parent,
                reference: n.reference,
                title_sv: n.title_sv,
                title_en: n.title_en,
                text_sv: n.text_sv,
                text_en: n.text_en,
                guidance_sv: n.guidance_sv,
                guidance_en: n.guidance_en,
                references: n.references,
                assessable: n.assessable.unwrap_or(true),
                maps: Maps {
                    cyber_measures: n.cyber_measures,
                    gdpr: n.gdpr,
                    pdl: n.pdl,
                    hslf: n.hslf,
                    iso27001: n.iso27001,
                },
            }
        })
        .collect();
    framework::build(header, nodes)
}

/// The text under `key` of a YAML map: `None` when absent or null; a list or map there is refused.
/// CISO Assistant writes versions and some ref_ids as numbers, which are read as their text.
fn text(map: &Node, key: &str) -> Result<Option<String>, FileError> {
    match map.get(key) {
        None => Ok(None),
        Some(Node { value: Value::Null, .. }) => Ok(None),
        Some(Node { value: Value::Text(t), .. }) => Ok(Some(t.clone())),
        Some(n) => Err(FileError { line: n.line, problem: Problem::Syntax(format!("`{key}` should be text")) }),
    }
}

/// `assessable`: true or false (YAML 1.2's spellings), false when absent.
fn flag(map: &Node, key: &str) -> Result<bool, FileError> {
    match text(map, key)?.as_deref() {
        None | Some("false" | "False" | "FALSE") => Ok(false),
        Some("true" | "True" | "TRUE") => Ok(true),
        Some(_) => {
            let line = map.get(key).map_or(map.line, |n| n.line);
            Err(FileError { line, problem: Problem::Syntax(format!("`{key}` should be true or false")) })
        }
    }
}

/// A framework id from a CISO Assistant ref_id: lower case, anything but letters and digits a hyphen.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Reads a CISO Assistant library with the bounded YAML reader (`content::yaml`): a file that
/// passes one of its limits is refused, naming the limit and the line where it was passed.
pub fn parse_ciso(src: &str) -> Result<Framework, FileError> {
    let lib = yaml::read(src)?;
    let fw = lib
        .get("objects")
        .and_then(|o| o.get("framework"))
        .filter(|f| matches!(f.value, Value::Map(_)))
        .ok_or(FileError { line: 0, problem: Problem::NotAFramework })?;
    let ref_id = match text(&lib, "ref_id")? {
        Some(r) => r,
        None => text(fw, "ref_id")?.ok_or(FileError { line: 0, problem: Problem::Missing("ref_id") })?,
    };
    let source = match (text(&lib, "provider")?, text(&lib, "copyright")?) {
        (Some(p), Some(c)) => format!("{p} ({c})"),
        (Some(p), None) => p,
        (None, Some(c)) => c,
        (None, None) => "CISO Assistant".to_owned(),
    };
    let title = match text(fw, "name")? {
        Some(t) => t,
        None => text(&lib, "name")?.ok_or(FileError { line: 0, problem: Problem::Missing("name") })?,
    };
    let header = RawHeader {
        id: slug(&ref_id),
        version: text(&lib, "version")?.ok_or(FileError { line: 0, problem: Problem::Missing("version") })?,
        title_sv: title,
        title_en: None,
        description_sv: match text(fw, "description")? {
            Some(d) => Some(d),
            None => text(&lib, "description")?,
        },
        description_en: None,
        source,
        text: "imported".to_owned(),
        url: None,
        language: text(&lib, "locale")?,
    };
    let items: &[std::rc::Rc<Node>] = match fw.get("requirement_nodes") {
        None | Some(Node { value: Value::Null, .. }) => &[],
        Some(Node { value: Value::List(items), .. }) => items,
        Some(n) => {
            let problem = Problem::Syntax("`requirement_nodes` should be a list".to_owned());
            return Err(FileError { line: n.line, problem });
        }
    };
    let mut nodes = Vec::with_capacity(items.len().min(framework::MAX_NODES + 1));
    for n in items {
        if !matches!(n.value, Value::Map(_)) {
            let problem = Problem::Syntax("a requirement node should be a map".to_owned());
            return Err(FileError { line: n.line, problem });
        }
        let name = text(n, "name")?.filter(|s| !s.trim().is_empty());
        let description = text(n, "description")?.filter(|s| !s.trim().is_empty()).or_else(|| name.clone());
        let urn = text(n, "urn")?.unwrap_or_default();
        // What a person calls the requirement: its ref_id, else its name ("Article 21"), else the
        // last part of its URN; never the whole URN, which is an identifier for machines.
        let reference = text(n, "ref_id")?.filter(|s| !s.trim().is_empty()).or_else(|| name.clone()).or_else(|| {
            let tail = urn.rsplit(':').next().unwrap_or_default().trim();
            (!tail.is_empty()).then(|| tail.to_owned())
        });
        nodes.push(RawNode {
            line: n.line,
            id: urn,
            parent: text(n, "parent_urn")?,
            reference,
            title_sv: name,
            text_sv: description,
            guidance_sv: text(n, "annotation")?,
            assessable: flag(n, "assessable")?,
            ..RawNode::default()
        });
    }
    framework::build(header, nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_loads_every_shipped_framework_whole() {
        let all = library().unwrap();
        let loaded: Vec<(&str, usize)> = all.iter().map(|fw| (fw.id.as_str(), fw.nodes.len())).collect();
        let shipped =
            [("cybersakerhetslagen", 23), ("fyra-steg", 35), ("gdpr", 33), ("iso27001-bilaga-a", 97), ("pdl-hslf", 20)];
        for (id, nodes) in shipped {
            assert!(loaded.contains(&(id, nodes)), "{id} with {nodes} requirements, loaded: {loaded:?}");
        }
        assert_eq!(all.len(), shipped.len(), "{loaded:?}");
        for fw in &all {
            assert!(fw.assessable().count() > 0, "{}", fw.id);
        }
        let annex_a = all.iter().find(|fw| fw.id == "iso27001-bilaga-a").unwrap();
        assert_eq!(annex_a.assessable().count(), 93, "the 93 controls of Annex A");
    }

    #[test]
    fn a_toml_error_names_its_line() {
        let src = "id = \"x\"\nversion = \"1\"\ntitle_sv = \"X\"\nsource = \"Eget\"\ntext = \"own-words\"\n\n[[requirement]]\nid = \"1\"\ntext_sv = \"Ett\"\n\n[[requirement]]\nid = \"2\"\nparent = \"9\"\ntext_sv = \"Två\"\n";
        let e = parse_toml(src).unwrap_err();
        assert_eq!(e.line, 11, "{e}");
        assert!(matches!(e.problem, Problem::UnknownParent { .. }));
        let unknown = parse_toml(&src.replace("parent = \"9\"", "colour = \"blå\"")).unwrap_err();
        assert_eq!(unknown.problem, Problem::UnknownKey("colour".into()));
        assert_eq!(unknown.line, 13, "{unknown}");
        let syntax = parse_toml(&src.replace("text_sv = \"Två\"", "text_sv = \"Två")).unwrap_err();
        assert_eq!(syntax.line, 14, "{syntax}");
        assert!(matches!(syntax.problem, Problem::Syntax(_)));
        let ok = parse_toml(&src.replace("parent = \"9\"", "parent = \"1\"")).unwrap();
        assert_eq!(ok.nodes[1].depth, 1);
    }

    #[test]
    fn a_ciso_assistant_library_is_read() {
        let src = "urn: urn:x:library:demo\nref_id: Demo-Lib\nname: Demo\nversion: 2\nprovider: Me\nobjects:\n  framework:\n    urn: urn:x:framework:demo\n    ref_id: Demo-Lib\n    name: Demo framework\n    requirement_nodes:\n    - urn: urn:x:req:demo:1\n      assessable: false\n      depth: 1\n      name: Chapter 1\n    - urn: urn:x:req:demo:1.1\n      assessable: true\n      depth: 2\n      parent_urn: urn:x:req:demo:1\n      ref_id: 1.1\n      description: Do the thing.\n    - urn: urn:x:req:demo:1.2\n      assessable: true\n      depth: 2\n      parent_urn: urn:x:req:demo:nope\n      description: Do another.\n";
        let e = parse_ciso(src).unwrap_err();
        assert_eq!(e.line, 22, "{e}");
        let fixed = parse_ciso(&src.replace("demo:nope", "demo:1")).unwrap();
        assert_eq!((fixed.id.as_str(), fixed.version.as_str()), ("demo-lib", "2"));
        assert_eq!(fixed.node("urn:x:req:demo:1.1").unwrap().reference, "1.1");
        let chapter = fixed.node("urn:x:req:demo:1").unwrap();
        assert_eq!((chapter.reference.as_str(), chapter.heading(false).as_str()), ("Chapter 1", "Chapter 1"));
        assert_eq!(fixed.node("urn:x:req:demo:1.2").unwrap().reference, "1.2", "the URN's last part");
        assert_eq!(fixed.assessable().count(), 2);
        let broken = parse_ciso("objects:\n  framework: [\n").unwrap_err();
        assert!(broken.line > 0 && matches!(broken.problem, Problem::Syntax(_)), "{broken}");
    }
}
