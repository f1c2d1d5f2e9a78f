//! The demo's information assets with their classifications, and self-assessments of systems
//! against the requirement catalogue (gaps become actions).

use super::*;

pub(super) async fn assets(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "assets.toml";
    let assets_file: AssetsFile = parse_optional(l.source, f)?;
    for a in &assets_file.asset {
        let key = &a.key;
        let flags = a
            .flags
            .iter()
            .map(|code| {
                LegalFlag::ALL
                    .into_iter()
                    .find(|f| f.code() == code)
                    .ok_or_else(|| anyhow!("{f}, post {key:?}, fält flags: okänd flagga {code:?}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let ids = |map: &HashMap<String, i64>, field: &str, keys: &[String]| -> anyhow::Result<Vec<i64>> {
            keys.iter().map(|k| lookup(map, f, key, field, &Some(k.clone())).map(|id| id.unwrap_or_default())).collect()
        };
        let input = assets::AssetInput {
            name: check(f, key, "name", text::Name::parse(&a.name))?.into_string(),
            description: para(f, key, "description", &a.description)?,
            owner_id: lookup(&l.people, f, key, "owner", &a.owner)?,
            flags,
            osl_reference: line(f, key, "osl_reference", &a.osl_reference, 200)?,
            process_code: None,
            system_ids: ids(&l.systems, "systems", &a.systems)?,
            unit_ids: ids(&l.units, "units", &a.units)?,
            gdpr: match &a.gdpr {
                Some(g) => gdpr(f, key, g)?,
                None => assets::Gdpr::default(),
            },
        };
        let id = assets::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {key:?}"))?;
        unique(&mut l.assets, f, key, id)?;
        if let Some(c) = &a.classification {
            let levels =
                Levels::new(c.k, c.r, c.t, c.s).map_err(|_| anyhow!("{f}, post {key:?}: nivåerna måste vara 0–4"))?;
            let why = [
                para(f, key, "why_k", &c.why_k)?,
                para(f, key, "why_r", &c.why_r)?,
                para(f, key, "why_t", &c.why_t)?,
                para(f, key, "why_s", &c.why_s)?,
            ];
            let by = l.person_name(f, key, "classified_by", &c.classified_by).await?;
            assets::classify(
                &mut l.tx,
                l.org,
                id,
                &assets::ClassificationInput::beredd(levels, why, None),
                &by,
                &l.catalogue.version,
            )
            .await?;
        }
    }

    Ok(())
}

pub(super) async fn assessments(l: &mut Loader<'_>) -> anyhow::Result<usize> {
    let f = "assessments.toml";
    let assessments_file: AssessmentsFile = parse_optional(l.source, f)?;
    for (n, a) in assessments_file.assessment.iter().enumerate() {
        let key = format!("nr {} ({} {})", n + 1, a.system, a.requirement);
        let system = lookup(&l.systems, f, &key, "system", &Some(a.system.clone()))?.unwrap_or_default();
        let requirement = l
            .catalogue
            .get(&a.requirement)
            .ok_or_else(|| anyhow!("{f}, {key}: kravet {:?} finns inte i kravkatalogen", a.requirement))?
            .clone();
        let status = check(f, &key, "status", Fulfilment::parse(&a.status))?;
        let input = assessments::AssessmentInput {
            status,
            how: para(f, &key, "how", &a.how)?,
            not_applicable_reason: para(f, &key, "not_applicable_reason", &a.not_applicable_reason)?,
            evidence_link: line(f, &key, "evidence_link", &a.evidence_link, 500)?,
        };
        if status == Fulfilment::NotApplicable && input.not_applicable_reason.is_none() {
            bail!("{f}, {key}: not_applicable_reason krävs när kravet inte är tillämpligt");
        }
        let by = l.person_name(f, &key, "assessed_by", &a.assessed_by).await?;
        assessments::save(&mut *l.tx, l.org, system, &requirement.id, &input, &by, &l.catalogue.version)
            .await
            .with_context(|| format!("{f}, {key}"))?;
        if let Some(due) = &a.action_due {
            let due = check(f, &key, "action_due", super::required_day(due))?;
            let system_name = systems::get(&mut l.tx, l.org, system).await?.map(|s| s.name).unwrap_or_default();
            let action = actions::ActionInput {
                title: format!("Uppfyll krav {} {} ({system_name})", requirement.id, requirement.title_sv),
                origin: beredd_domain::ActionOrigin::Requirement,
                origin_ref: Some(format!("{system}:{}", requirement.id)),
                owner_id: lookup(&l.people, f, &key, "action_owner", &a.action_owner)?,
                unit_id: None,
                priority: if status == Fulfilment::NotFulfilled { Priority::High } else { Priority::Medium },
                due_date: Some(due),
                status: ActionStatus::Planned,
                notes: input.how.clone(),
            };
            actions::insert(&mut *l.tx, l.org, &action).await?;
        }
    }

    Ok(assessments_file.assessment.len())
}

/// An asset's entry in the record of processing, checked as the form checks it.
fn gdpr(f: &str, key: &str, g: &GdprRow) -> anyhow::Result<assets::Gdpr> {
    use beredd_domain::gdpr::{LEGAL_BASES, SPECIAL_BASES, TRANSFERS, parse_code};
    let code = |field: &str, list: &[&str], v: &Option<String>| {
        check(f, key, field, parse_code(list, v.as_deref().unwrap_or("")))
    };
    Ok(assets::Gdpr {
        gdpr_purpose: para(f, key, "gdpr.purpose", &g.purpose)?,
        gdpr_legal_basis: code("gdpr.legal_basis", &LEGAL_BASES, &g.legal_basis)?,
        gdpr_special_basis: code("gdpr.special_basis", &SPECIAL_BASES, &g.special_basis)?,
        gdpr_subjects: para(f, key, "gdpr.subjects", &g.subjects)?,
        gdpr_data_categories: para(f, key, "gdpr.data_categories", &g.data_categories)?,
        gdpr_recipients: para(f, key, "gdpr.recipients", &g.recipients)?,
        gdpr_transfers: code("gdpr.transfers", &TRANSFERS, &g.transfers)?,
        gdpr_transfer_details: para(f, key, "gdpr.transfer_details", &g.transfer_details)?,
        gdpr_retention: para(f, key, "gdpr.retention", &g.retention)?,
    })
}
