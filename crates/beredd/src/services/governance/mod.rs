//! Governance: the record of processing activities (GDPR art. 30), the steering documents staff
//! confirm they have read, the training staff must take, the impact assessment of the offline
//! kit, and the thinning (gallring) of closed incidents.

pub mod courses;
pub mod documents;
pub mod kit_note;
pub mod processing;
pub mod reading;
pub mod retention;
pub mod review;
pub mod training;

use std::sync::Arc;

use crate::platform::db::{Db, DbError};
use crate::store::versions::kept;
use crate::store::{people, units};

/// The people and the units that decide who must read or take something.
pub type Staff = (Arc<Vec<people::Person>>, Arc<Vec<units::Unit>>);

/// The copies of the people and units registers this process keeps (`store::versions::kept`).
async fn kept_staff(db: &Db, org: i64) -> Result<Staff, DbError> {
    let pool = &db.pool;
    Ok((kept(db, org, || people::list(pool, org)).await?, kept(db, org, || units::list(pool, org)).await?))
}

/// The people and units read from the database alone (the management review's figures).
async fn read_staff(pool: &sqlx::AnyPool, org: i64) -> Result<Staff, DbError> {
    Ok((Arc::new(people::list(pool, org).await?), Arc::new(units::list(pool, org).await?)))
}
