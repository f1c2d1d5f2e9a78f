//! The demo's assessments against frameworks: answers, linked requirements and gap actions.

use super::*;

pub(super) async fn frameworks(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "frameworks.toml";
    let frameworks_file: FrameworksFile = parse_optional(l.source, f)?;
    let library = crate::content::frameworks::library()?;
    for a in &frameworks_file.assessment {
        let key = &a.title;
        let Some(fw) = library.iter().find(|x| x.id == a.framework && x.version == a.version) else {
            bail!("{f}, post {key:?}: ramverket {} version {} finns inte i library/frameworks", a.framework, a.version);
        };
        let row = crate::store::frameworks::NewAssessment {
            framework_key: fw.id.clone(),
            version: fw.version.clone(),
            title: key.clone(),
            scope: a.scope.clone(),
            started_on: check(f, key, "started_on", super::required_day(&a.started_on))?,
            created_by: "Ahmed Karimi".into(),
        };
        let id = crate::store::frameworks::add_assessment(&mut *l.tx, l.org, &row).await?;
        for x in &a.answer {
            let node = fw
                .node(&x.requirement)
                .filter(|n| n.assessable)
                .ok_or_else(|| anyhow!("{f}, post {key:?}: kravet {} finns inte i ramverket", x.requirement))?;
            let status = beredd_domain::framework::Status::parse(&x.status)
                .ok_or_else(|| anyhow!("{f}, krav {}: okänd status {:?}", x.requirement, x.status))?;
            if x.maturity.is_some_and(|m| !(0..=i64::from(beredd_domain::framework::MATURITY_MAX)).contains(&m)) {
                bail!("{f}, krav {}: mognaden ska vara 0–5", x.requirement);
            }
            if let Some(r) = x.requirements.iter().find(|r| !l.catalogue.requirements.iter().any(|c| &c.id == *r)) {
                bail!("{f}, krav {}: {r} finns inte i kravkatalogen", x.requirement);
            }
            let answer = crate::store::frameworks::Answer {
                node_id: node.id.clone(),
                status: Some(status.code().to_owned()),
                maturity: x.maturity,
                comment: x.comment.clone(),
                evidence: x.evidence.clone(),
                requirement_ids: Some(x.requirements.join(",")).filter(|s| !s.is_empty()),
                updated_by: row.created_by.clone(),
                updated_at: crate::platform::clock::now_stamp(),
            };
            crate::store::frameworks::save_answer(&mut l.tx, id, &answer).await?;
            if let Some(title) = &x.action {
                let input = actions::ActionInput {
                    title: title.clone(),
                    origin: beredd_domain::ActionOrigin::Framework,
                    origin_ref: Some(format!("assessment:{}:{}", id.id(), node.id)),
                    owner_id: lookup(&l.people, f, title, "action_owner", &x.action_owner)?,
                    unit_id: None,
                    priority: if status == beredd_domain::framework::Status::No {
                        Priority::High
                    } else {
                        Priority::Medium
                    },
                    due_date: check(
                        f,
                        title,
                        "action_due",
                        crate::platform::day::optional_day(x.action_due.as_deref().unwrap_or("")),
                    )?,
                    status: ActionStatus::Planned,
                    notes: Some(format!("{} {} – {}", fw.title_sv, node.reference, node.title(false))),
                };
                let aid = actions::insert(&mut *l.tx, l.org, &input).await?;
                crate::store::frameworks::link_action(&mut l.tx, id, &node.id, aid).await?;
            }
        }
    }

    Ok(())
}
