//! Classifying an information asset: a level 0–4 per aspect, a justification each, and a reason
//! when the levels differ from what the questionnaire proposed or the asset is classified anew.
//! Each classification is a new version; saving tells how many requirements appeared and
//! disappeared with it.

use beredd_domain::FieldError;
use beredd_domain::classification::{Aspect, Levels, derive, difference, needs_justification, propose};
use beredd_domain::text;

use crate::content::catalogue::Catalogue;
use crate::platform::db::{Db, DbError};
use crate::services::invalid::Invalid;
use crate::store::assets::{self, Asset, ClassificationInput};
use crate::store::audit;

/// The names of the level fields, in `Aspect::ALL` order.
pub const LEVEL: [&str; 4] = ["level_k", "level_r", "level_t", "level_s"];
/// The names of the justification fields, in `Aspect::ALL` order.
pub const WHY: [&str; 4] = ["why_k", "why_r", "why_t", "why_s"];

/// A classification as typed: levels and justifications in `Aspect::ALL` order (named `LEVEL` and
/// `WHY`), the `reason`, and the questionnaire's answers as (aspect, level).
pub struct Draft<'a> {
    pub levels: [&'a str; 4],
    pub why: [&'a str; 4],
    pub reason: &'a str,
    pub answers: Vec<(Aspect, u8)>,
}

fn levels(d: &Draft, e: &mut Invalid) -> [u8; 4] {
    let mut levels = [0u8; 4];
    for i in 0..4 {
        let raw = d.levels[i].trim();
        if raw.is_empty() {
            e.add(LEVEL[i], FieldError::Required);
            continue;
        }
        match raw.parse::<i64>().map_err(|_| FieldError::Number { min: 0, max: 4 }).and_then(beredd_domain::bia::level)
        {
            Ok(l) => levels[i] = l,
            Err(err) => e.add(LEVEL[i], err),
        }
    }
    levels
}

/// Reads a draft; `reclassifying` when the asset has a classification already.
pub fn parse(d: &Draft, reclassifying: bool) -> Result<ClassificationInput, Invalid> {
    let proposal = propose(&d.answers);
    let mut e = Invalid::default();
    let levels = levels(d, &mut e);
    let why: [Option<String>; 4] = std::array::from_fn(|i| e.take(WHY[i], text::optional_text(d.why[i], 2000)));
    // A level of 2 or more is justified, each aspect in its own field.
    for i in 0..4 {
        if !e.has(LEVEL[i]) && needs_justification(levels[i]) && why[i].is_none() && !e.has(WHY[i]) {
            e.add(WHY[i], FieldError::LevelWithoutJustification);
        }
    }
    let reason = e.take("reason", text::optional_text(d.reason, 2000));
    // Choosing another level than the questionnaire proposed is allowed, with a reason.
    let overridden = (0..4).any(|i| proposal[i].is_some_and(|p| !e.has(LEVEL[i]) && p != levels[i]));
    if reason.is_none() && !e.has("reason") {
        if overridden {
            e.add("reason", FieldError::OverrideWithoutReason);
        } else if reclassifying {
            e.add("reason", FieldError::Required);
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    let levels = Levels::new(levels[0], levels[1], levels[2], levels[3]).map_err(|err| {
        let mut e = Invalid::default();
        e.add(LEVEL[0], err);
        e
    })?;
    Ok(ClassificationInput::beredd(levels, why, reason))
}

/// A classification saved: its version, and how many requirements it added and took away.
pub struct Classified {
    pub version: i64,
    pub appear: usize,
    pub disappear: usize,
}

/// Saves a new classification of `asset` with its audit entry, classified by `by` against
/// `catalogue` (the organisation's).
pub async fn save(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    catalogue: &Catalogue,
    asset: &Asset,
    input: &ClassificationInput,
) -> Result<Classified, DbError> {
    let mut tx = db.begin_write().await?;
    let version = assets::classify(&mut tx, actor.org_id, asset.id, input, by, &catalogue.version).await?;
    // Before and after as stored, read inside the transaction: another save that landed first
    // is this one's "before", not the version the page showed.
    let mut stored = assets::versions(&mut *tx, actor.org_id, asset.id).await?.into_iter();
    let (after, before) = (stored.next(), stored.next());
    let change = audit::Change {
        action: "classify",
        entity: "asset",
        entity_id: Some(asset.id),
        summary: &asset.name,
        before: before.as_ref(),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    // What the change did to the requirements.
    let rules: Vec<_> = catalogue.requirements.iter().map(|r| r.applies.clone()).collect();
    let flags = asset.flags();
    let before = derive(&rules, &before.as_ref().map(|c| c.levels()).unwrap_or_default(), &flags);
    let (appear, disappear) = difference(&before, &derive(&rules, &input.levels, &flags));
    Ok(Classified { version, appear: appear.len(), disappear: disappear.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draft whose every level is justified.
    fn draft<'a>(levels: [&'a str; 4], reason: &'a str, answers: Vec<(Aspect, u8)>) -> Draft<'a> {
        Draft { levels, why: ["Därför"; 4], reason, answers }
    }

    #[test]
    fn a_level_of_two_or_more_needs_its_own_justification() {
        let d = Draft { levels: ["2", "1", "4", "0"], why: ["", "", " ", ""], reason: "", answers: Vec::new() };
        let e = parse(&d, false).err().unwrap();
        assert_eq!(e.get("why_k"), Some(&FieldError::LevelWithoutJustification));
        assert_eq!(e.get("why_t"), Some(&FieldError::LevelWithoutJustification));
        assert!(!e.has("why_r") && !e.has("why_s"), "levels 0 and 1 need none");
        let d = Draft { why: ["Personuppgifter", "", "Vård dygnet runt", ""], ..d };
        assert!(parse(&d, false).is_ok());
        // An unreadable level asks for the level, not for a justification.
        let d = Draft { levels: ["9", "1", "1", "1"], why: [""; 4], reason: "", answers: Vec::new() };
        assert!(!parse(&d, false).err().unwrap().has("why_k"));
    }

    #[test]
    fn every_level_is_required_and_a_new_classification_needs_a_reason() {
        let e = parse(&draft(["2", "", "1", "9"], "", Vec::new()), false).err().unwrap();
        assert_eq!(e.get("level_r"), Some(&FieldError::Required));
        assert!(e.has("level_s") && !e.has("level_k"));
        let e = parse(&draft(["2", "2", "1", "1"], "", Vec::new()), true).err().unwrap();
        assert_eq!(e.get("reason"), Some(&FieldError::Required));
        let ok = parse(&draft(["2", "2", "1", "1"], "", Vec::new()), false).ok().unwrap();
        assert_eq!((ok.levels.k, ok.levels.s), (2, 1));
    }

    #[test]
    fn a_level_other_than_the_proposed_one_needs_a_reason() {
        let e = parse(&draft(["1", "2", "1", "1"], "", vec![(Aspect::K, 3)]), false).err().unwrap();
        assert_eq!(e.get("reason"), Some(&FieldError::OverrideWithoutReason));
        assert!(parse(&draft(["1", "2", "1", "1"], "Skyddas redan", vec![(Aspect::K, 3)]), false).is_ok());
        assert!(parse(&draft(["3", "2", "1", "1"], "", vec![(Aspect::K, 3)]), false).is_ok());
    }
}
