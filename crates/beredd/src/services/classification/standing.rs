//! A system's self-assessment at a glance: the levels it must meet, its requirements by area with
//! each one's answer, the tally over all of them, and what removing the assessment would remove.

use beredd_domain::classification::Levels;

use super::required::required;
use super::self_assessment::{Group, Tally, groups};
use crate::content::catalogue::Catalogue;
use crate::platform::db::DbError;
use crate::store::assessments::Assessment;
use crate::store::{assessments, evidence, systems};

pub struct Standing<'a> {
    pub system: systems::System,
    pub levels: Levels,
    pub groups: Vec<Group<'a>>,
    /// Every stored answer, also those of requirements the system no longer has.
    pub answers: Vec<Assessment>,
    /// The answers of the requirements it has, counted.
    pub total: Tally,
    /// How many evidence files it has.
    pub files: usize,
}

impl Standing<'_> {
    /// The stored answer of a requirement.
    pub fn answer(&self, requirement: &str) -> Option<&Assessment> {
        self.answers.iter().find(|a| a.requirement_id == requirement)
    }
}

/// The self-assessment of the organisation's system `id`, or `None` when it has no such system.
pub async fn standing<'a>(
    pool: &sqlx::AnyPool,
    catalogue: &'a Catalogue,
    org: i64,
    id: i64,
) -> Result<Option<Standing<'a>>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(system) = systems::get(&mut conn, org, id).await? else { return Ok(None) };
    drop(conn);
    let (levels, flags) = required(pool, org, id).await?;
    let answers = assessments::for_system(pool, org, id).await?;
    let groups = groups(catalogue, &levels, &flags, &answers);
    let mut total = Tally::default();
    for r in groups.iter().flat_map(|g| g.requirements.iter()) {
        total.add(answers.iter().find(|a| a.requirement_id == r.id).map(|a| a.status));
    }
    let files = evidence::for_system(pool, org, id).await?.len();
    Ok(Some(Standing { system, levels, groups, answers, total, files }))
}
