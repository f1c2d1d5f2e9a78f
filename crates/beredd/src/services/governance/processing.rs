//! The record of processing activities (GDPR art. 30.1), made from the information assets that
//! hold personal data: each one's purpose, legal basis, data subjects and categories, recipients,
//! transfers, retention and security measures (the requirements its classification yields, and
//! which of them the systems holding it meet), with the organisation as controller and its data
//! protection officer. What an entry lacks is listed, for its owner to fill in. Beredd's own
//! entry (`library/gdpr/beredd.toml`) comes first.

use std::collections::HashMap;

use beredd_domain::Fulfilment;
use beredd_domain::classification::Levels;
use beredd_domain::gdpr::{self, Missing};

use crate::content::catalogue::Catalogue;
use crate::content::processing::OwnEntry;
use crate::services::Failure;
use crate::store::orgs::Organisation;
use crate::store::{assessments, assets, orgs, people, systems, users};

/// The security measures of an entry (art. 30.1 g): what its classification yields, and which of
/// those requirements every system holding it meets.
pub struct Measures {
    pub levels: Option<Levels>,
    pub derived: usize,
    /// The ids of the requirements met (or not applicable) in every system that holds it.
    pub met: Vec<String>,
}

/// One entry: an asset holding personal data.
pub struct Entry {
    pub asset: assets::Asset,
    pub owner: Option<String>,
    pub systems: Vec<String>,
    pub special: bool,
    pub missing: Vec<Missing>,
    pub measures: Measures,
}

pub struct Register {
    pub org: Organisation,
    pub dpo: Option<people::Person>,
    pub own: OwnEntry,
    pub entries: Vec<Entry>,
}

impl Register {
    /// The entries that lack something, of the assets `person` owns.
    pub fn missing_for(&self, person: Option<i64>) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| !e.missing.is_empty() && person.is_some() && e.asset.owner_id == person)
            .collect()
    }
}

fn measures(c: &Catalogue, a: &assets::Asset, done: &[assessments::Assessment]) -> Measures {
    let Some(current) = &a.current else { return Measures { levels: None, derived: 0, met: Vec::new() } };
    let levels = current.levels();
    let flags = a.flags();
    let derived: Vec<&str> =
        c.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).map(|r| r.id.as_str()).collect();
    let met_in = |system: i64, req: &str| {
        done.iter().any(|x| {
            x.system_id == system
                && x.requirement_id == req
                && matches!(x.status, Fulfilment::Fulfilled | Fulfilment::NotApplicable)
        })
    };
    let met = derived
        .iter()
        .filter(|r| !a.system_ids.is_empty() && a.system_ids.iter().all(|s| met_in(*s, r)))
        .map(|r| (*r).to_owned())
        .collect();
    Measures { levels: Some(levels), derived: derived.len(), met }
}

/// The register of organisation `org`, or None when there is no such organisation.
pub async fn register(pool: &sqlx::AnyPool, c: &Catalogue, org: i64) -> Result<Option<Register>, Failure> {
    let Some(org_row) = orgs::get(pool, org).await? else { return Ok(None) };
    let dpo = match org_row.dpo_person_id {
        Some(p) => people::get(pool, org, p).await?,
        None => None,
    };
    let own = crate::content::processing::beredd().map_err(|e| Failure::Internal(format!("{e:#}")))?;
    let done = assessments::list(pool, org).await?;
    let system_names: HashMap<i64, String> =
        systems::list(pool, org).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let mut entries = Vec::new();
    for a in assets::list(pool, org).await? {
        let flags = a.flags();
        if !gdpr::holds_personal_data(&flags) {
            continue;
        }
        let owner = match a.owner_id {
            Some(p) => people::get(pool, org, p).await?.map(|p| p.name),
            None => None,
        };
        let special = gdpr::special_categories(&flags);
        let entry =
            gdpr::Entry { has_owner: owner.is_some(), classified: a.current.is_some(), special, ..a.gdpr.entry() };
        let missing = gdpr::missing(&entry);
        let systems = a.system_ids.iter().filter_map(|s| system_names.get(s).cloned()).collect();
        let measures = measures(c, &a, &done);
        entries.push(Entry { asset: a, owner, systems, special, missing, measures });
    }
    Ok(Some(Register { org: org_row, dpo, own, entries }))
}

/// Whether the user may export the register: those who edit all content, and the data
/// protection officer (the user who is the person named on the organisation page).
pub async fn may_export(
    pool: &sqlx::AnyPool,
    org: &Organisation,
    user: i64,
    role: beredd_domain::Role,
) -> Result<bool, Failure> {
    if role.edits_all_content() {
        return Ok(true);
    }
    let me = users::person_of(pool, user).await?;
    Ok(me.is_some() && me == org.dpo_person_id)
}
