//! The framework library: the frameworks Beredd ships and the ones an organisation imported (each
//! stored file parsed once and kept), importing a file (nothing is stored unless all of it reads)
//! and removing an imported framework no assessment uses.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use beredd_domain::framework::{FileError, Framework, Problem};

use super::Failure;
use crate::content::frameworks::Format;
use crate::platform::db::{Db, DbError};
use crate::store::audit;
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

    /// One framework of the organisation, by its id and version.
    pub async fn find(
        &self,
        pool: &sqlx::AnyPool,
        org: i64,
        key: &str,
        version: &str,
    ) -> Result<Option<Known>, DbError> {
        Ok(self.known(pool, org).await?.into_iter().find(|k| k.fw.id == key && k.fw.version == version))
    }
}

/// Why a file was not imported.
#[derive(Debug)]
pub enum Refused {
    /// Not a file type a framework comes in.
    FileType,
    NotUtf8,
    /// The file does not read as a framework.
    File(FileError),
    /// The organisation has this framework in this version already.
    Exists {
        id: String,
        version: String,
    },
}

/// Reads a file off the async workers (a large one takes CPU time).
async fn read(format: Format, src: String) -> Result<(String, Result<Framework, FileError>), Failure> {
    tokio::task::spawn_blocking(move || {
        let parsed = crate::content::frameworks::parse(format, &src);
        (src, parsed)
    })
    .await
    .map_err(|e| Failure::Stopped(e.to_string()))
}

/// Imports the framework file `name` for the organisation, imported by `by`.
pub async fn import(
    db: &Db,
    library: &Library,
    actor: &audit::Actor,
    by: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<Result<Framework, Refused>, Failure> {
    let Some(format) = Format::of_file(name) else { return Ok(Err(Refused::FileType)) };
    let Ok(src) = String::from_utf8(bytes) else { return Ok(Err(Refused::NotUtf8)) };
    let (src, fw) = match read(format, src).await? {
        (src, Ok(fw)) => (src, fw),
        (_, Err(e)) => return Ok(Err(Refused::File(e))),
    };
    if library.find(&db.pool, actor.org_id, &fw.id, &fw.version).await?.is_some() {
        return Ok(Err(Refused::Exists { id: fw.id, version: fw.version }));
    }
    let row = store::Imported {
        id: 0,
        framework_key: fw.id.clone(),
        version: fw.version.clone(),
        title: fw.title_sv.clone(),
        format: format.code().to_owned(),
        content: src,
        imported_by: by.to_owned(),
        imported_at: crate::platform::clock::now_stamp(),
    };
    store_imported(db, actor, &row, &fw).await?;
    Ok(Ok(fw))
}

async fn store_imported(db: &Db, actor: &audit::Actor, row: &store::Imported, fw: &Framework) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let id = store::add_imported(&mut *tx, actor.org_id, row).await?;
    let record = serde_json::json!({ "framework": fw.id, "version": fw.version, "title": fw.title_sv, "format": row.format, "requirements": fw.nodes.len() });
    let change = audit::Change {
        action: "import",
        entity: "framework",
        entity_id: Some(id),
        summary: &fw.title_sv,
        before: None::<&serde_json::Value>,
        after: Some(&record),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// How many of the organisation's assessments are against a framework's version.
pub async fn assessments_of(pool: &sqlx::AnyPool, org: i64, key: &str, version: &str) -> Result<usize, DbError> {
    Ok(store::assessments(pool, org).await?.iter().filter(|a| a.framework_key == key && a.version == version).count())
}

/// Removes an imported framework, unless an assessment uses it; whether it was removed.
pub async fn delete(db: &Db, actor: &audit::Actor, imported: &store::Imported) -> Result<bool, DbError> {
    if assessments_of(&db.pool, actor.org_id, &imported.framework_key, &imported.version).await? > 0 {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    store::delete_imported(&mut *tx, actor.org_id, &imported.framework_key, &imported.version).await?;
    let change = audit::Change {
        action: "delete",
        entity: "framework",
        entity_id: Some(imported.id),
        summary: &imported.title,
        before: Some(imported),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(true)
}
