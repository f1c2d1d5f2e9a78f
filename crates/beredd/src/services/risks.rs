//! Risk analysis on the organisation's own scales: the likelihood and consequence steps it uses
//! (or the default 1–4), and the level of a risk on them.

use beredd_domain::risk::{self, Level, ScaleStep};

use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::store::risks;

/// The likelihood and consequence scales as the organisation uses them.
pub struct Scales {
    pub likelihood: Vec<ScaleStep>,
    pub consequence: Vec<ScaleStep>,
}

impl Scales {
    pub fn of(&self, kind: &str) -> &[ScaleStep] {
        if kind == "likelihood" { &self.likelihood } else { &self.consequence }
    }
    pub fn steps(&self, kind: &str) -> u8 {
        self.of(kind).len() as u8
    }
    pub fn label(&self, kind: &str, n: i64) -> String {
        self.of(kind)
            .get((n - 1).max(0) as usize)
            .map(|s| format!("{n} – {}", s.label))
            .unwrap_or_else(|| n.to_string())
    }
    pub fn level(&self, l: i64, c: i64) -> Level {
        Level::scaled(l as u8, c as u8, self.steps("likelihood"), self.steps("consequence"))
    }
    /// The scale as a text area holds it: `Label | description`, one step per line.
    pub fn lines(&self, kind: &str) -> String {
        self.of(kind)
            .iter()
            .map(|s| match &s.description {
                Some(d) => format!("{} | {d}", s.label),
                None => s.label.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The organisation's scales, or the default 1–4 scales in the user's language.
pub async fn scales(pool: &sqlx::AnyPool, org: i64, tr: &Tr) -> Result<Scales, DbError> {
    let rows = risks::scales(pool, org).await?;
    let pick = |kind: &str| {
        let own: Vec<ScaleStep> = rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| ScaleStep { label: r.label.clone(), description: r.description.clone() })
            .collect();
        if own.is_empty() {
            (1..=risk::STEPS)
                .map(|n| ScaleStep {
                    label: tr.t(&format!("risk-{kind}-{n}")),
                    description: Some(tr.t(&format!("risk-{kind}-{n}-desc"))),
                })
                .collect()
        } else {
            own
        }
    };
    Ok(Scales { likelihood: pick("likelihood"), consequence: pick("consequence") })
}
