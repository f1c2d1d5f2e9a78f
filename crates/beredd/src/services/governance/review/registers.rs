//! The sections read from the registers: the classification of the information assets (counted
//! again at the end of last year from the classifications' dates), the self-assessment and the
//! framework assessments (the state today: an answer replaces the one before), and the continuity
//! plans (approvals have dates; reviews and binders are the state today).

use beredd_domain::classification::Levels;

use super::{Comparison, Item, Section, Sources, change, figure, sentence};
use crate::platform::clock::{Day, Stamp};
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::classification::overview;
use crate::services::continuity::plans::standings;
use crate::services::frameworks::assessments::progress;
use crate::store::{assets, plans};

/// The assets there were by `day`, how many of them were classified by then, and how many had
/// each highest level (0–4) in their newest classification of that day.
#[derive(Debug, Default, PartialEq, Eq)]
struct Classified {
    all: usize,
    classified: usize,
    highest: [usize; 5],
}

fn highest(l: &Levels) -> usize {
    l.k.max(l.r).max(l.t).max(l.s) as usize
}

fn classified_by(added: &[(i64, Stamp)], versions: &[assets::Classification], day: Day) -> Classified {
    let mut c = Classified::default();
    // An asset added at 23:59 Swedish time on New Year's Eve was there by the end of that year.
    for (asset, _) in added.iter().filter(|(_, at)| at.day() <= day) {
        c.all += 1;
        // The versions come oldest first: the last one by the day is the one in force then.
        let newest = versions.iter().rfind(|v| v.asset_id == *asset && v.classified_at.day() <= day);
        if let Some(v) = newest {
            c.classified += 1;
            c.highest[highest(&v.levels()).min(4)] += 1;
        }
    }
    c
}

const LEVEL_LABELS: [&str; 5] =
    ["review-fig-level-0", "review-fig-level-1", "review-fig-level-2", "review-fig-level-3", "review-fig-level-4"];

/// How many information assets there are, how many are classified, and at which highest level;
/// at `as_of` and at the end of last year.
pub async fn classification(pool: &sqlx::AnyPool, org: i64, as_of: Day, before: Day) -> Result<Section, DbError> {
    let added = assets::added(pool, org).await?;
    let versions = assets::all_versions(pool, org).await?;
    let now = classified_by(&added, &versions, as_of);
    let then = classified_by(&added, &versions, before);
    let unclassified = |c: &Classified| c.all - c.classified;
    let mut figures = vec![
        figure("review-fig-assets", now.all, Some(then.all)),
        figure("review-fig-classified", now.classified, Some(then.classified)),
        figure("review-fig-unclassified", unclassified(&now), Some(unclassified(&then))),
    ];
    for (i, label) in LEVEL_LABELS.iter().enumerate() {
        figures.push(figure(label, now.highest[i], Some(then.highest[i])));
    }
    let summary = if now.all == 0 {
        vec![sentence("review-sum-classification-none", &[], None)]
    } else {
        vec![
            sentence(
                "review-sum-classification",
                &[("unclassified", unclassified(&now).to_string()), ("all", now.all.to_string())],
                change(unclassified(&now), Some(unclassified(&then))),
            ),
            sentence(
                "review-sum-classification-serious",
                &[("n", (now.highest[3] + now.highest[4]).to_string())],
                change(now.highest[3] + now.highest[4], Some(then.highest[3] + then.highest[4])),
            ),
        ]
    };
    Ok(Section {
        key: "classification",
        figures,
        summary,
        items: Vec::new(),
        comparison: Comparison::Counted { note: Some("review-note-classification") },
        today_only: false,
    })
}

/// The self-assessment of every system that holds classified information, and how far each
/// framework assessment has come: the state today.
pub async fn assessment(pool: &sqlx::AnyPool, src: &Sources<'_>, org: i64, today: Day) -> Result<Section, DbError> {
    let o = overview::overview(pool, src.catalogue, org, today).await?;
    let sum = |i: usize| o.systems.iter().map(|s| s.counts[i]).sum::<usize>();
    let all: usize = o.systems.iter().map(|s| s.derived).sum();
    let met = sum(0) + sum(3);
    let frameworks = progress(pool, src.frameworks, org).await?;
    let items: Vec<Item> = frameworks
        .iter()
        .filter_map(|p| p.of.as_ref().map(|(_, t)| (p, t)))
        .map(|(p, t)| {
            Item::line(src.tr.args(
                "review-item-framework",
                &[
                    ("title", p.assessment.title.as_str()),
                    ("yes", &t.yes.to_string()),
                    ("partly", &t.partly.to_string()),
                    ("no", &t.no.to_string()),
                    ("all", &t.assessable.to_string()),
                ],
            ))
        })
        .collect();
    let figures = vec![
        figure("review-fig-systems", o.systems.len(), None),
        figure("review-fig-requirements", all, None),
        figure("review-fig-met", met, None),
        figure("review-fig-partly", sum(1), None),
        figure("review-fig-not-met", sum(2), None),
        figure("review-fig-unanswered", sum(4), None),
        figure("review-fig-framework-assessments", frameworks.len(), None),
    ];
    let summary = vec![sentence(
        "review-sum-assessment",
        &[("met", met.to_string()), ("all", all.to_string()), ("systems", o.systems.len().to_string())],
        None,
    )];
    Ok(Section {
        key: "assessment",
        figures,
        summary,
        items,
        comparison: Comparison::NotPossible("review-why-assessment"),
        today_only: true,
    })
}

/// The continuity plans: approved, due for review, binders not printed since; how many plans
/// there were and were approved at the end of last year (from the versions' dates).
pub async fn plans(pool: &sqlx::AnyPool, tr: &Tr, org: i64, today: Day, before: Day) -> Result<Section, DbError> {
    let all = standings(pool, org).await?;
    let (mut existed, mut approved_then) = (0, 0);
    for (p, _) in &all {
        let versions = plans::versions(pool, org, p.id).await?;
        existed += usize::from(versions.iter().any(|v| v.created_at.day() <= before));
        approved_then += usize::from(versions.iter().any(|v| v.approved_at.is_some_and(|a| a.day() <= before)));
    }
    let approved = all.iter().filter(|(_, s)| s.approved.is_some()).count();
    let overdue: Vec<&str> =
        all.iter().filter(|(p, s)| s.review_overdue(p, today)).map(|(p, _)| p.name.as_str()).collect();
    let stale: Vec<&str> = all.iter().filter(|(_, s)| s.binder_stale()).map(|(p, _)| p.name.as_str()).collect();
    let figures = vec![
        figure("review-fig-plans", all.len(), Some(existed)),
        figure("review-fig-plans-approved", approved, Some(approved_then)),
        figure("review-fig-plans-unapproved", all.len() - approved, Some(existed - approved_then.min(existed))),
        figure("review-fig-plans-overdue", overdue.len(), None),
        figure("review-fig-binders-stale", stale.len(), None),
    ];
    let summary = if all.is_empty() {
        vec![sentence("review-sum-plans-none", &[], None)]
    } else {
        vec![
            sentence(
                "review-sum-plans",
                &[("approved", approved.to_string()), ("all", all.len().to_string())],
                change(approved, Some(approved_then)),
            ),
            sentence(
                "review-sum-plans-due",
                &[("overdue", overdue.len().to_string()), ("stale", stale.len().to_string())],
                None,
            ),
        ]
    };
    let items = overdue
        .iter()
        .map(|n| ("review-item-plan-overdue", *n))
        .chain(stale.iter().map(|n| ("review-item-binder-stale", *n)))
        .map(|(id, n)| Item::line(tr.ts(id, "name", n)))
        .collect();
    Ok(Section {
        key: "plans",
        figures,
        summary,
        items,
        comparison: Comparison::Counted { note: Some("review-note-plans") },
        today_only: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(asset: i64, at: &str, level: i64) -> assets::Classification {
        assets::Classification {
            asset_id: asset,
            version: 1,
            level_k: level,
            level_r: 0,
            level_t: 1,
            level_s: 0,
            why_k: None,
            why_r: None,
            why_t: None,
            why_s: None,
            reason: None,
            classified_by: "Anna".into(),
            classified_at: Stamp::parse(at).unwrap(),
            catalogue_version: "1".into(),
            origin: crate::store::assets::Origin::Beredd,
            source_date: None,
        }
    }

    #[test]
    fn the_classification_is_counted_as_it_stood_on_a_day() {
        let added = vec![
            (1, Stamp::parse("2025-03-01T10:00:00Z").unwrap()),
            (2, Stamp::parse("2026-02-01T10:00:00Z").unwrap()),
        ];
        let versions = vec![
            version(1, "2025-04-01T10:00:00Z", 2),
            version(1, "2026-05-01T10:00:00Z", 3),
            version(2, "2026-06-01T10:00:00Z", 1),
        ];
        let day = |s: &str| Day::parse(s).unwrap();
        let then = classified_by(&added, &versions, day("2025-12-31"));
        assert_eq!(then, Classified { all: 1, classified: 1, highest: [0, 0, 1, 0, 0] });
        let now = classified_by(&added, &versions, day("2026-11-24"));
        assert_eq!(now, Classified { all: 2, classified: 2, highest: [0, 1, 0, 1, 0] });
        let early = classified_by(&added, &versions, day("2025-03-15"));
        assert_eq!(early, Classified { all: 1, classified: 0, highest: [0; 5] });
    }
}
