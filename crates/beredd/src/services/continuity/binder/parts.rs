//! The binder typeset in parts (issue 25). Each approved plan's section is typeset on its own
//! (`binder-plan.typ`) and kept in `binder_parts` under a SHA-256 of everything that decides its
//! bytes: the templates, fonts and typst (`beredd_render::revision`) and the section's JSON (the
//! approved version as printed, the unit names, the call list from today's registers, the facts
//! from the BIA, the language's labels). What changes from print to print (the binder's title,
//! the print date in each page's stamp, the markings and the page numbers) is not in a part: the
//! binder (`binder.typ`) lays each part's pages under its own header and footer, and sets the
//! part's headings again, hidden, where they stood, so the contents, the page numbers and the
//! bookmarks span the whole binder. Missing parts are typeset at the same time, one thread per
//! core, inside the one place the binder holds in `platform::typeset`'s limit. Parts are kept per
//! organisation, and dropped once no print has used them for 30 days.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{Binder, PrintError};
use crate::platform::db::{Db, DbError};
use crate::store::binder_parts;

/// A typeset binder, and how many of its plan sections were typeset now and how many were kept.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub typeset: usize,
    pub reused: usize,
}

/// Unused parts are dropped after this many seconds.
const KEPT_FOR: i64 = 30 * 86_400;

/// What a plan's section is typeset from: the plan's value without its stamp and marking (the
/// binder prints those), with the language and the labels.
fn part_data(data: &Value, plan: &Value) -> Value {
    let mut plan = plan.clone();
    if let Some(p) = plan.as_object_mut() {
        p.remove("stamp");
        p.remove("marking");
    }
    json!({ "lang": data["lang"], "labels": data["labels"], "plan": plan })
}

/// The key a part is kept under.
fn key(revision: &str, part: &Value) -> String {
    let mut h = Sha256::new();
    h.update(revision.as_bytes());
    h.update([0]);
    h.update(part.to_string().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Typesets the binder `b` of organisation `org` from its kept parts and those typeset now.
pub async fn render(db: &Db, org: i64, b: &Binder) -> Result<Rendered, PrintError> {
    let revision = beredd_render::revision();
    let plans: Vec<Value> = b.data["plans"].as_array().cloned().unwrap_or_default();
    let datas: Vec<Value> = plans.iter().map(|p| part_data(&b.data, p)).collect();
    let keys: Vec<String> = datas.iter().map(|d| key(&revision, d)).collect();
    let mut kept: Vec<Option<beredd_render::Part>> = Vec::with_capacity(keys.len());
    {
        let mut conn = db.pool.acquire().await.map_err(DbError::from)?;
        for k in &keys {
            kept.push(binder_parts::take(&mut conn, org, k).await?.and_then(|p| {
                let headings = serde_json::from_str(&p.headings).ok()?;
                Some(beredd_render::Part { pdf: p.pdf, pages: usize::try_from(p.pages).ok()?, headings })
            }));
        }
    }
    let missing: Vec<usize> = (0..kept.len()).filter(|i| kept[*i].is_none()).collect();
    let reused = kept.len() - missing.len();
    let to_typeset: Vec<Value> = missing.iter().map(|i| datas[*i].clone()).collect();
    let mut join = b.data.clone();
    let (pdf, made) = crate::platform::typeset::run(move || {
        let made = beredd_render::typeset_each(beredd_render::Document::BinderPlan, &to_typeset)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        for (i, part) in missing.iter().zip(&made) {
            kept[*i] = Some(part.clone());
        }
        let parts: Vec<beredd_render::Part> = kept.into_iter().flatten().collect();
        if let Some(list) = join["plans"].as_array_mut() {
            for (plan, part) in list.iter_mut().zip(&parts) {
                // The join needs only what the cover and the page's lines print.
                *plan = json!({
                    "name": plan["name"], "version": plan["version"], "approved_at": plan["approved_at"],
                    "stamp": plan["stamp"], "marking": plan["marking"],
                    "part": { "pages": part.pages, "headings": part.headings },
                });
            }
        }
        let files = parts.into_iter().map(|p| p.pdf).collect();
        let pdf = beredd_render::typeset(beredd_render::Document::Binder, &join, files)?.pdf;
        Ok((pdf, missing.into_iter().zip(made).collect::<Vec<_>>()))
    })
    .await?;
    let typeset = made.len();
    let mut tx = db.begin_write().await?;
    for (i, part) in &made {
        let (plan_id, version) = b.plans.get(*i).copied().unwrap_or_default();
        let headings = serde_json::to_string(&part.headings).unwrap_or_else(|_| "[]".into());
        let new = binder_parts::New {
            key: &keys[*i],
            plan_id,
            version,
            pages: i64::try_from(part.pages).unwrap_or(i64::MAX),
            headings: &headings,
            pdf: &part.pdf,
        };
        binder_parts::keep(&mut *tx, org, &new).await?;
    }
    binder_parts::drop_unused(&mut *tx, org, &crate::platform::clock::stamp_in(-KEPT_FOR)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Rendered { pdf, typeset, reused })
}
