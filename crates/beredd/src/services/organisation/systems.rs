//! The information a system holds, and the level it must therefore meet: per aspect the highest
//! level of the classified information in it, with every legal flag that information carries;
//! and the activities that depend on the system.

use beredd_domain::classification::{LegalFlag, Levels};

use std::sync::Arc;

use crate::platform::db::{Db, DbError};
use crate::services::continuity::outage;
use crate::store::assets;

pub struct Held {
    /// The information assets held in the system.
    pub assets: Vec<assets::Asset>,
    /// The level the system must meet; none while nothing it holds is classified.
    pub levels: Option<Levels>,
    /// The legal flags of the information it holds, each once.
    pub flags: Vec<LegalFlag>,
}

/// What the assets held in a system ask of it.
pub fn required(held: Vec<assets::Asset>) -> Held {
    let classified: Vec<Levels> = held.iter().filter_map(|a| a.current.as_ref().map(|c| c.levels())).collect();
    let mut flags: Vec<LegalFlag> = held.iter().flat_map(|a| a.flags()).collect();
    flags.sort();
    flags.dedup();
    let levels = (!classified.is_empty()).then(|| Levels::highest(&classified));
    Held { assets: held, levels, flags }
}

/// The information system `system` holds, and what it asks of the system. Each system's answer
/// is kept until anything of the organisation is written, and then read again for that system
/// alone (four statements), not from a copy of every asset.
pub async fn held_by(db: &Db, org: i64, system: i64) -> Result<Arc<Held>, DbError> {
    use crate::store::versions::{Follows, cached_if};
    let known = cached_if(db, org, Follows::Data, |_: &HeldIn| true, || async { Ok(HeldIn::default()) }).await?;
    if let Some(found) = known.lock().unwrap_or_else(|e| e.into_inner()).get(&system) {
        return Ok(found.clone());
    }
    let found = Arc::new(required(assets::held_in(&mut *db.pool.acquire().await?, org, system).await?));
    known.lock().unwrap_or_else(|e| e.into_inner()).insert(system, found.clone());
    Ok(found)
}

/// What each system holds, as found so far at one data version.
type HeldIn = std::sync::Mutex<std::collections::HashMap<i64, Arc<Held>>>;

/// An activity that needs a system, straight or through other systems, suppliers or resources,
/// and what becomes of it when the system is down (as the outage analysis has it).
#[derive(Clone)]
pub struct Dependent {
    pub activity_id: i64,
    pub name: String,
    /// It stops without the system; otherwise it goes on, reduced or by hand.
    pub stops: bool,
    /// A fallback routine (reservrutin) covers it.
    pub by_hand: bool,
    /// What stands between the activity and the system, nearest the activity first (empty when
    /// the activity depends on the system itself).
    pub via: Vec<String>,
}

/// The activities that depend on `system`, in the order the outage analysis lists them: those
/// that stop first, those without a fallback routine before those with one, most critical first.
pub async fn dependents(db: &Db, org: i64, system: i64) -> Result<Vec<Dependent>, DbError> {
    // Each system's answer is kept with the graph's version, so a page shown again walks nothing.
    let known = crate::store::versions::cached(db, org, || async { Ok(DependentsOf::default()) }).await?;
    if let Some(found) = known.lock().unwrap_or_else(|e| e.into_inner()).get(&system) {
        return Ok(found.clone());
    }
    let model = outage::Model::cached(db, org).await?;
    let found = walk(&model, system);
    known.lock().unwrap_or_else(|e| e.into_inner()).insert(system, found.clone());
    Ok(found)
}

/// The dependents found so far, by system.
type DependentsOf = std::sync::Mutex<std::collections::HashMap<i64, Vec<Dependent>>>;

fn walk(model: &outage::Model, system: i64) -> Vec<Dependent> {
    let Some(node) = model.node_index(beredd_domain::NodeKind::System, system) else { return Vec::new() };
    let findings = model.run(&[node]);
    outage::affected_activities(model, &findings)
        .into_iter()
        .map(|f| {
            // The chain runs from the activity to the system: what is between is the way.
            let between = f.chain.len().saturating_sub(1);
            Dependent {
                activity_id: model.nodes[f.node].id,
                name: model.nodes[f.node].name.clone(),
                stops: f.state == beredd_domain::graph::State::Down,
                by_hand: !f.fallbacks.is_empty(),
                via: f.chain.get(1..between).map(<[String]>::to_vec).unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(id: i64, flags: &str, levels: Option<[i64; 4]>) -> assets::Asset {
        assets::Asset {
            id,
            name: format!("Information {id}"),
            description: None,
            owner_id: None,
            flags: flags.into(),
            osl_reference: None,
            process_code: None,
            updated_at: crate::platform::clock::now_stamp(),
            gdpr: assets::Gdpr::default(),
            system_ids: vec![7],
            unit_ids: Vec::new(),
            current: levels.map(|[k, r, t, s]| assets::Classification {
                asset_id: id,
                version: 1,
                level_k: k,
                level_r: r,
                level_t: t,
                level_s: s,
                why_k: None,
                why_r: None,
                why_t: None,
                why_s: None,
                reason: None,
                classified_by: "Anna".into(),
                classified_at: crate::platform::clock::now_stamp(),
                catalogue_version: String::new(),
                origin: crate::store::assets::Origin::Beredd,
                source_date: None,
            }),
        }
    }

    #[test]
    fn a_system_meets_the_highest_level_per_aspect_of_what_it_holds() {
        let held = required(vec![
            asset(1, "personal_data children", Some([3, 1, 2, 0])),
            asset(2, "personal_data", Some([1, 2, 1, 3])),
            asset(3, "secrecy_osl", None),
        ]);
        assert_eq!(held.levels, Some(Levels { k: 3, r: 2, t: 2, s: 3 }));
        assert_eq!(held.flags.len(), 3, "each flag once: {:?}", held.flags);
        assert_eq!(held.assets.len(), 3);
        assert_eq!(required(vec![asset(4, "", None)]).levels, None);
    }
}
