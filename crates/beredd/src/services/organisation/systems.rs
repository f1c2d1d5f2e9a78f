//! The information a system holds, and the level it must therefore meet: per aspect the highest
//! level of the classified information in it, with every legal flag that information carries.

use beredd_domain::classification::{LegalFlag, Levels};

use crate::platform::db::DbError;
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

/// The information system `system` holds, and what it asks of the system.
pub async fn held_by(pool: &sqlx::AnyPool, org: i64, system: i64) -> Result<Held, DbError> {
    let held = assets::list(pool, org).await?.into_iter().filter(|a| a.system_ids.contains(&system)).collect();
    Ok(required(held))
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
            updated_at: String::new(),
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
                classified_at: String::new(),
                catalogue_version: String::new(),
                origin: "beredd".into(),
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
