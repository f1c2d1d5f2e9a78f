//! Risk analysis on the organisation's own scales: the likelihood and consequence steps it uses
//! (or the default 1–4), and the level of a risk on them; saving the scales; the register of
//! risks across analyses (`register`), the risks themselves (`entries`) and the analyses
//! (`analyses`).

pub mod analyses;
pub mod entries;
pub mod register;

use beredd_domain::risk::{self, Axis, Level, ScaleStep};

use beredd_domain::FieldError;

use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::{Failure, Invalid};
use crate::store::{audit, risks};

/// The likelihood and consequence scales as the organisation uses them.
pub struct Scales {
    pub likelihood: Vec<ScaleStep>,
    pub consequence: Vec<ScaleStep>,
}

impl Scales {
    pub fn of(&self, kind: Axis) -> &[ScaleStep] {
        match kind {
            Axis::Likelihood => &self.likelihood,
            Axis::Consequence => &self.consequence,
        }
    }
    pub fn steps(&self, kind: Axis) -> u8 {
        self.of(kind).len() as u8
    }
    pub fn label(&self, kind: Axis, n: i64) -> String {
        self.of(kind)
            .get((n - 1).max(0) as usize)
            .map(|s| format!("{n} – {}", s.label))
            .unwrap_or_else(|| n.to_string())
    }
    pub fn level(&self, l: i64, c: i64) -> Level {
        Level::scaled(l as u8, c as u8, self.steps(Axis::Likelihood), self.steps(Axis::Consequence))
    }
    /// The scale as a text area holds it: `Label | description`, one step per line.
    pub fn lines(&self, kind: Axis) -> String {
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
    let pick = |kind: Axis| {
        let own: Vec<ScaleStep> = rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| ScaleStep { label: r.label.clone(), description: r.description.clone() })
            .collect();
        if own.is_empty() {
            (1..=risk::STEPS)
                .map(|n| ScaleStep {
                    label: tr.t(&format!("risk-{}-{n}", kind.code())),
                    description: Some(tr.t(&format!("risk-{}-{n}-desc", kind.code()))),
                })
                .collect()
        } else {
            own
        }
    };
    Ok(Scales { likelihood: pick(Axis::Likelihood), consequence: pick(Axis::Consequence) })
}

/// Reads the two scales (one step a line); a scale cannot get fewer steps than a registered risk
/// uses, before or after its measures.
fn check_scales(
    likelihood: &str,
    consequence: &str,
    all: &[risks::Risk],
) -> Result<(Vec<ScaleStep>, Vec<ScaleStep>), Invalid> {
    let mut e = Invalid::default();
    let l = e.take("likelihood", risk::scale_lines(likelihood));
    let c = e.take("consequence", risk::scale_lines(consequence));
    let used_l = all.iter().map(|r| r.likelihood.max(r.residual_likelihood)).max().unwrap_or(0);
    let used_c = all.iter().map(|r| r.consequence.max(r.residual_consequence)).max().unwrap_or(0);
    for (field, steps, used) in [("likelihood", &l, used_l), ("consequence", &c, used_c)] {
        if !e.has(field) && (steps.len() as i64) < used {
            e.add(field, FieldError::StepInUse { used: used as u8 });
        }
    }
    if e.is_empty() { Ok((l, c)) } else { Err(e) }
}

/// Saves the organisation's scales, given one step a line (`Label | description`).
pub async fn save_scales(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    likelihood: &str,
    consequence: &str,
) -> Result<(), Failure> {
    let org = actor.org_id;
    let before = scales(&db.pool, org, tr).await?;
    let (l, c) = check_scales(likelihood, consequence, &risks::risks(&db.pool, org).await?)?;
    let mut tx = db.begin_write().await?;
    risks::set_scale(&mut tx, org, Axis::Likelihood, &l).await?;
    risks::set_scale(&mut tx, org, Axis::Consequence, &c).await?;
    let was = serde_json::json!({ "likelihood": before.lines(Axis::Likelihood), "consequence": before.lines(Axis::Consequence) });
    let now = serde_json::json!({ "likelihood": likelihood, "consequence": consequence });
    let change = audit::Change {
        action: "update",
        entity: "risk-scales",
        entity_id: None,
        summary: &tr.t("risk-scales-title"),
        before: Some(&was),
        after: Some(&now),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(l: i64, c: i64, rl: i64, rc: i64) -> risks::Risk {
        risks::Risk {
            id: 1,
            analysis_id: 1,
            threat: "Brand".into(),
            vulnerability: None,
            consequence_text: None,
            likelihood: l,
            consequence: c,
            measures: None,
            residual_likelihood: rl,
            residual_consequence: rc,
            owner_id: None,
            decision: risk::RiskDecision::Treat,
            decided_by: None,
            action_id: None,
        }
    }

    #[test]
    fn a_scale_keeps_at_least_the_steps_a_risk_uses() {
        let all = [risk(2, 4, 3, 1)];
        let (l, c) = check_scales("Låg\nMedel\nHög", "1\n2\n3\n4", &all).map_err(|e| e.0).unwrap();
        assert_eq!((l.len(), c.len()), (3, 4));
        let refused = check_scales("Låg\nHög", "1\n2\n3", &all).unwrap_err();
        assert_eq!(
            refused.0,
            [
                ("likelihood".to_owned(), FieldError::StepInUse { used: 3 }),
                ("consequence".to_owned(), FieldError::StepInUse { used: 4 })
            ]
        );
        let unreadable = check_scales("", "1\n2", &all).unwrap_err();
        assert!(unreadable.has("likelihood"), "{unreadable:?}");
    }
}
