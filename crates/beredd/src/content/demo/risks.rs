//! The demo's risk analyses: their risks, the information assets they touch, and treatments as
//! actions.

use super::*;

pub(super) async fn risks(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "risks.toml";
    let risks_file: RisksFile = parse_optional(l.source, f)?;
    for a in &risks_file.analysis {
        let key = &a.title;
        use beredd_domain::RiskScope;
        let (scope_kind, scope_id) = match a.scope.split_once(':') {
            None if a.scope == "org" => (RiskScope::Org, None),
            Some(("unit", k)) => (RiskScope::Unit, lookup(&l.units, f, key, "scope", &Some(k.to_owned()))?),
            Some(("system", k)) => (RiskScope::System, lookup(&l.systems, f, key, "scope", &Some(k.to_owned()))?),
            _ => bail!("{f}, post {key:?}: scope ska vara org, unit:NYCKEL eller system:NYCKEL"),
        };
        let mut names = Vec::new();
        for p in &a.participants {
            names.push(l.person_name(f, key, "participants", p).await?);
        }
        let analysis = crate::store::risks::Analysis {
            id: 0,
            title: key.clone(),
            scope: a.scope_text.clone().unwrap_or_default(),
            held_on: check(f, key, "held_on", required_day(&a.held_on))?,
            participants: Some(names.join("\n")).filter(|s| !s.is_empty()),
            method: a.method.clone(),
            created_by: names.first().cloned().unwrap_or_default(),
            scope_kind: Some(scope_kind),
            scope_id,
        };
        let analysis_id = crate::store::risks::add_analysis(&mut *l.tx, l.org, &analysis).await?;
        for r in &a.risk {
            let rkey = &r.threat;
            let steps = [r.likelihood, r.consequence_level, r.residual_likelihood, r.residual_consequence];
            let decision = beredd_domain::risk::RiskDecision::parse(&r.decision)
                .ok()
                .filter(|_| steps.iter().all(|s| (1..=i64::from(beredd_domain::risk::STEPS)).contains(s)));
            let Some(decision) = decision else {
                let codes: Vec<&str> = beredd_domain::risk::RiskDecision::ALL.iter().map(|d| d.code()).collect();
                bail!("{f}, risk {rkey:?}: stegen ska vara 1–4 och beslutet ett av {codes:?}");
            };
            let owner = lookup(&l.people, f, rkey, "owner", &r.owner)?;
            let level = beredd_domain::risk::Level::of(r.residual_likelihood as u8, r.residual_consequence as u8);
            let action = if decision == beredd_domain::risk::RiskDecision::Treat {
                let input = actions::ActionInput {
                    title: format!("Åtgärda risk: {rkey}"),
                    origin: beredd_domain::ActionOrigin::Risk,
                    origin_ref: Some(format!("analysis:{analysis_id}")),
                    owner_id: owner,
                    unit_id: None,
                    priority: if level >= beredd_domain::risk::Level::High { Priority::High } else { Priority::Medium },
                    due_date: check(
                        f,
                        rkey,
                        "due",
                        crate::platform::day::optional_day(r.due.as_deref().unwrap_or("")),
                    )?,
                    status: ActionStatus::Planned,
                    notes: r.measures.clone(),
                };
                Some(actions::insert(&mut *l.tx, l.org, &input).await?)
            } else {
                None
            };
            let risk = crate::store::risks::Risk {
                id: 0,
                analysis_id,
                threat: rkey.clone(),
                vulnerability: r.vulnerability.clone(),
                consequence_text: r.consequence.clone(),
                likelihood: r.likelihood,
                consequence: r.consequence_level,
                measures: r.measures.clone(),
                residual_likelihood: r.residual_likelihood,
                residual_consequence: r.residual_consequence,
                owner_id: owner,
                decision,
                decided_by: Some(analysis.created_by.clone()),
                action_id: action,
            };
            let rid = crate::store::risks::add_risk(&mut *l.tx, l.org, &risk).await?;
            let mut touched = Vec::new();
            for k in &r.assets {
                touched.extend(lookup(&l.assets, f, rkey, "assets", &Some(k.clone()))?);
            }
            crate::store::risks::set_assets(&mut l.tx, rid, &touched).await?;
        }
    }

    Ok(())
}
