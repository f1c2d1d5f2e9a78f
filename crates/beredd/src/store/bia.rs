//! Business impact analyses, one per activity.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;
use beredd_domain::bia::{CHECKPOINT_HOURS, Levels};

/// How many checkpoints an analysis has.
pub const CHECKPOINTS: usize = CHECKPOINT_HOURS.len();

#[derive(Debug, Clone, Default, Serialize, sqlx::FromRow)]
pub struct Bia {
    pub activity_id: i64,
    pub mtpd_hours: Option<i64>,
    pub rto_hours: Option<i64>,
    pub rpo_hours: Option<i64>,
    pub level_1h: Option<i64>,
    pub text_1h: Option<String>,
    pub level_4h: Option<i64>,
    pub text_4h: Option<String>,
    pub level_1d: Option<i64>,
    pub text_1d: Option<String>,
    pub level_3d: Option<i64>,
    pub text_3d: Option<String>,
    pub level_1w: Option<i64>,
    pub text_1w: Option<String>,
    pub level_1m: Option<i64>,
    pub text_1m: Option<String>,
    pub peak_periods: Option<String>,
    pub min_staffing: Option<String>,
    pub signed_off_by: Option<String>,
    /// The day it was signed off (a day, despite the column's name).
    pub signed_off_at: Option<crate::platform::clock::Day>,
    pub updated_at: crate::platform::clock::Stamp,
}

impl Bia {
    /// The levels at the checkpoints (`beredd_domain::bia::CHECKPOINT_HOURS`), for
    /// `beredd_domain::bia::consequence_at`.
    pub fn levels(&self) -> Levels {
        [self.level_1h, self.level_4h, self.level_1d, self.level_3d, self.level_1w, self.level_1m]
            .map(|l| l.and_then(|v| u8::try_from(v).ok()))
    }
    /// What happens at each checkpoint, in the same order.
    pub fn texts(&self) -> [Option<&str>; CHECKPOINTS] {
        [&self.text_1h, &self.text_4h, &self.text_1d, &self.text_3d, &self.text_1w, &self.text_1m].map(|t| t.as_deref())
    }
}

/// What a user enters; sign-off is set separately.
#[derive(Debug, Clone, Default)]
pub struct BiaInput {
    pub mtpd_hours: Option<i64>,
    pub rto_hours: Option<i64>,
    pub rpo_hours: Option<i64>,
    pub levels: [Option<i64>; CHECKPOINTS],
    pub texts: [Option<String>; CHECKPOINTS],
    pub peak_periods: Option<String>,
    pub min_staffing: Option<String>,
}

macro_rules! cols {
    () => {
        "activity_id, mtpd_hours, rto_hours, rpo_hours, level_1h, text_1h, level_4h, text_4h, level_1d, text_1d, \
         level_3d, text_3d, level_1w, text_1w, level_1m, text_1m, peak_periods, min_staffing, signed_off_by, signed_off_at, \
         updated_at"
    };
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, activity: i64) -> Result<Option<Bia>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM bia WHERE org_id = $1 AND activity_id = $2"))
        .bind(org)
        .bind(activity)
        .fetch_optional(e)
        .await?)
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Bia>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM bia WHERE org_id = $1")).bind(org).fetch_all(e).await?)
}

/// Stores the analysis. Changing it withdraws an earlier sign-off: what was approved is no
/// longer what stands.
pub async fn save<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    activity: i64,
    b: &BiaInput,
) -> Result<(), DbError> {
    let mut q = sqlx::query(
        "INSERT INTO bia (mtpd_hours, rto_hours, rpo_hours, level_1h, text_1h, level_4h, text_4h, level_1d, text_1d,
         level_3d, text_3d, level_1w, text_1w, level_1m, text_1m, peak_periods, min_staffing, org_id, activity_id, updated_at,
         signed_off_by, signed_off_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, NULL, NULL)
         ON CONFLICT (activity_id) DO UPDATE SET mtpd_hours = excluded.mtpd_hours, rto_hours = excluded.rto_hours,
         rpo_hours = excluded.rpo_hours, level_1h = excluded.level_1h, text_1h = excluded.text_1h, level_4h = excluded.level_4h,
         text_4h = excluded.text_4h, level_1d = excluded.level_1d, text_1d = excluded.text_1d, level_3d = excluded.level_3d,
         text_3d = excluded.text_3d, level_1w = excluded.level_1w, text_1w = excluded.text_1w, level_1m = excluded.level_1m,
         text_1m = excluded.text_1m, peak_periods = excluded.peak_periods, min_staffing = excluded.min_staffing,
         updated_at = excluded.updated_at, signed_off_by = NULL, signed_off_at = NULL",
    )
    .bind(b.mtpd_hours)
    .bind(b.rto_hours)
    .bind(b.rpo_hours);
    for i in 0..CHECKPOINTS {
        q = q.bind(b.levels[i]).bind(b.texts[i].clone());
    }
    q.bind(b.peak_periods.clone())
        .bind(b.min_staffing.clone())
        .bind(org)
        .bind(activity)
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(())
}

pub async fn sign_off<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    activity: i64,
    by: &str,
    on: crate::platform::clock::Day,
) -> Result<(), DbError> {
    sqlx::query("UPDATE bia SET signed_off_by = $1, signed_off_at = $2 WHERE org_id = $3 AND activity_id = $4")
        .bind(by)
        .bind(on)
        .bind(org)
        .bind(activity)
        .execute(e)
        .await?;
    Ok(())
}
