//! Frameworks for gap analysis: the ones Beredd ships and the ones an organisation imported (each
//! stored file parsed once and kept), an assessment's answers as the domain's tally reads them,
//! and the fingerprint that lets a chapter save write only what a person changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use beredd_domain::framework::{FileError, Framework, Problem, Status};

use crate::content::frameworks::Format;
use crate::platform::db::DbError;
use crate::store::frameworks as store;

/// A framework Beredd knows: shipped in `library/frameworks`, or imported by this organisation.
pub struct Known {
    pub fw: Arc<Framework>,
    pub imported: Option<store::Imported>,
}

/// The shipped frameworks, and the imported ones as parsed, by their row id (a stored file never
/// changes, so it is parsed once).
pub struct Library {
    shipped: Vec<Arc<Framework>>,
    imported: Mutex<HashMap<i64, Arc<Framework>>>,
}

impl Library {
    pub fn new(shipped: Vec<Framework>) -> Library {
        Library { shipped: shipped.into_iter().map(Arc::new).collect(), imported: Mutex::default() }
    }

    /// A paragraph (0 = the first) of a shipped framework's statute text under `reference`, e.g.
    /// the definition of a significant incident in the cybersecurity act's 2 kap. 5 §.
    pub fn statute_paragraph(&self, framework: &str, reference: &str, paragraph: usize) -> Option<String> {
        let fw = self.shipped.iter().find(|f| f.id == framework)?;
        let node = fw.nodes.iter().find(|n| n.reference == reference)?;
        node.text_sv.split("\n\n").nth(paragraph).map(|p| p.trim().to_owned())
    }

    /// Every framework of the organisation: the shipped ones first, then the imported ones.
    pub async fn known(&self, pool: &sqlx::AnyPool, org: i64) -> Result<Vec<Known>, DbError> {
        let mut out: Vec<Known> = self.shipped.iter().map(|f| Known { fw: f.clone(), imported: None }).collect();
        for i in store::imported(pool, org).await? {
            let cached = self.imported.lock().unwrap_or_else(|e| e.into_inner()).get(&i.id).cloned();
            if let Some(fw) = cached {
                out.push(Known { fw, imported: Some(i) });
                continue;
            }
            let format = Format::parse(&i.format).unwrap_or(Format::Beredd);
            // A stored file was checked when it was imported; one that no longer reads (a newer,
            // stricter Beredd) is left out rather than shown half. Read off the async workers.
            let content = i.content.clone();
            let parsed = tokio::task::spawn_blocking(move || crate::content::frameworks::parse(format, &content))
                .await
                .unwrap_or_else(|e| Err(FileError { line: 0, problem: Problem::Syntax(e.to_string()) }));
            match parsed {
                Ok(fw) => {
                    let fw = Arc::new(fw);
                    self.imported.lock().unwrap_or_else(|e| e.into_inner()).insert(i.id, fw.clone());
                    out.push(Known { fw, imported: Some(i) });
                }
                Err(e) => {
                    tracing::warn!(framework = %i.framework_key, version = %i.version, "stored framework no longer reads: {e}")
                }
            }
        }
        Ok(out)
    }
}

/// An assessment's answers, with each requirement's status and maturity as the tally reads them.
pub type AnswerMap = HashMap<String, (Option<Status>, Option<u8>)>;

/// An assessment's stored answers and the map the domain's tally takes.
pub async fn answer_map(pool: &sqlx::AnyPool, assessment: i64) -> Result<(Vec<store::Answer>, AnswerMap), DbError> {
    let answers = store::answers(pool, assessment).await?;
    let map = answers
        .iter()
        .map(|a| (a.node_id.clone(), (a.status.as_deref().and_then(Status::parse), a.maturity.map(|m| m as u8))))
        .collect();
    Ok((answers, map))
}

/// A short fingerprint of an answer's status, maturity and comment as a form shows them, so a
/// chapter save writes only the rows this user changed and never puts back a value someone
/// else has changed since the page was opened.
pub fn fingerprint(status: &str, maturity: &str, comment: &str) -> String {
    super::batch::fingerprint(&[status, maturity, comment])
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn a_fingerprint_ignores_line_endings_and_surrounding_space_but_not_the_content() {
        assert_eq!(fingerprint("yes", "3", " a\r\nb "), fingerprint("yes", "3", "a\nb"));
        assert_ne!(fingerprint("yes", "3", "a"), fingerprint("partly", "3", "a"));
        assert_ne!(fingerprint("yes", "3", "a"), fingerprint("yes", "3", "b"));
        assert_eq!(fingerprint("", "", "").len(), 16);
    }
}
