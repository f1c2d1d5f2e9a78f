//! What a system must meet: the highest level per aspect and every legal flag of the
//! information it holds.

use beredd_domain::classification::{LegalFlag, Levels};

use crate::platform::db::DbError;
use crate::store::assets;

/// The levels and legal flags a system must meet, from the information it holds.
pub async fn required(pool: &sqlx::AnyPool, org: i64, system: i64) -> Result<(Levels, Vec<LegalFlag>), DbError> {
    Ok(required_from(&assets::list(pool, org).await?, system))
}

/// The same, from assets already loaded.
pub fn required_from(all: &[assets::Asset], system: i64) -> (Levels, Vec<LegalFlag>) {
    let held: Vec<&assets::Asset> = all.iter().filter(|a| a.system_ids.contains(&system)).collect();
    let levels: Vec<Levels> = held.iter().filter_map(|a| a.current.as_ref().map(|c| c.levels())).collect();
    let mut flags: Vec<LegalFlag> = held.iter().flat_map(|a| a.flags()).collect();
    flags.sort();
    flags.dedup();
    (Levels::highest(&levels), flags)
}
