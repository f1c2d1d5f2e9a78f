//! The risk register across analyses: the risks a filter keeps, with their analysis, the
//! information assets each touches and their levels on the organisation's scales, highest
//! residual first.

use beredd_domain::risk::Level;

use super::Scales;
use crate::platform::db::DbError;
use crate::store::{assets, risks};

/// What the register is narrowed to; `None` keeps all. Codes as the filters give them.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub analysis: Option<i64>,
    pub decision: Option<String>,
    pub owner: Option<String>,
    /// The residual level's code.
    pub level: Option<String>,
}

impl Filter {
    fn keeps(&self, r: &risks::Risk, s: &Scales) -> bool {
        self.analysis.is_none_or(|a| a == r.analysis_id)
            && self.decision.as_ref().is_none_or(|d| d == r.decision.code())
            && self.owner.as_ref().is_none_or(|o| Some(o.clone()) == r.owner_id.map(|x| x.to_string()))
            && self.level.as_ref().is_none_or(|l| l == s.level(r.residual_likelihood, r.residual_consequence).code())
    }
}

/// One risk of the register.
pub struct Entry {
    pub risk: risks::Risk,
    /// The title of its analysis.
    pub analysis: String,
    /// The names of the information assets it touches.
    pub assets: Vec<String>,
    pub level: Level,
    pub residual_level: Level,
}

impl Entry {
    /// Likelihood times consequence, before and after the existing measures.
    pub fn value(&self) -> i64 {
        self.risk.likelihood * self.risk.consequence
    }
    pub fn residual(&self) -> i64 {
        self.risk.residual_likelihood * self.risk.residual_consequence
    }
}

/// The risks the filter keeps, highest residual value first (then highest value).
pub async fn entries(pool: &sqlx::AnyPool, org: i64, s: &Scales, f: &Filter) -> Result<Vec<Entry>, DbError> {
    let analyses = risks::analyses(pool, org).await?;
    let all_assets = assets::list(pool, org).await?;
    let touches = risks::risk_assets(pool, org).await?;
    let mut out: Vec<Entry> = risks::risks(pool, org)
        .await?
        .into_iter()
        .filter(|r| f.keeps(r, s))
        .map(|r| Entry {
            analysis: analyses.iter().find(|a| a.id == r.analysis_id).map(|a| a.title.clone()).unwrap_or_default(),
            assets: touches
                .iter()
                .filter(|(rid, _)| *rid == r.id)
                .filter_map(|(_, a)| all_assets.iter().find(|x| x.id == *a))
                .map(|a| a.name.clone())
                .collect(),
            level: s.level(r.likelihood, r.consequence),
            residual_level: s.level(r.residual_likelihood, r.residual_consequence),
            risk: r,
        })
        .collect();
    out.sort_by(|a, b| b.residual().cmp(&a.residual()).then(b.value().cmp(&a.value())));
    Ok(out)
}
