//! The requirement catalogue as one organisation uses it: Beredd's own catalogue with the
//! organisation's own requirements added and the ones it turned off left out.

use std::sync::Arc;

use crate::content::catalogue::{Catalogue, Requirement, parse_applies};
use crate::platform::db::DbError;
use crate::store::local_requirements::{self, LocalRequirement};

/// The organisation's catalogue; the shared one itself while it has changed nothing.
pub async fn for_org(pool: &sqlx::AnyPool, base: &Arc<Catalogue>, org: i64) -> Result<Arc<Catalogue>, DbError> {
    let revision = local_requirements::revision(pool, org).await?;
    if revision == 0 {
        return Ok(base.clone());
    }
    let own = local_requirements::list(pool, org).await?.into_iter().filter_map(local_requirement).collect();
    let disabled: Vec<String> =
        local_requirements::disabled(pool, org).await?.into_iter().map(|d| d.requirement_id).collect();
    Ok(Arc::new(base.for_organisation(own, &disabled, revision)))
}

/// An organisation's own requirement as a catalogue entry (the same text in both languages).
fn local_requirement(l: LocalRequirement) -> Option<Requirement> {
    Some(Requirement {
        applies: parse_applies(&l.applies)?,
        id: l.requirement_id,
        area: l.area,
        title_en: l.title.clone(),
        title_sv: l.title,
        is_en: l.is_text.clone(),
        is_sv: l.is_text,
        shall_en: l.shall_text.clone(),
        shall_sv: l.shall_text,
        guidance_en: l.guidance.clone().unwrap_or_default(),
        guidance_sv: l.guidance.unwrap_or_default(),
        cyber_measures: Vec::new(),
        gdpr: Vec::new(),
        pdl: Vec::new(),
        hslf: Vec::new(),
        iso27001: Vec::new(),
        local: true,
        local_refs: l.refs,
    })
}
