//! The demo's business impact analyses and approved continuity plans (with earlier versions and
//! printed binders).

use super::*;

pub(super) async fn bia(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "bia.toml";
    let bia_file: BiaFile = parse_optional(l.source, f)?;
    let mut analysed = std::collections::HashSet::new();
    for b in &bia_file.bia {
        let key = &b.activity;
        let activity = lookup(&l.activities, f, key, "activity", &Some(key.clone()))?.unwrap_or_default();
        if !analysed.insert(activity) {
            bail!("{f}: verksamheten {key:?} har två konsekvensanalyser");
        }
        let hours = |field: &str, v: Option<i64>, min: i64| {
            check(f, key, field, text::optional_number(&v.map(|h| h.to_string()).unwrap_or_default(), min, 24 * 366))
        };
        let level = |field: &str, v: Option<i64>| -> anyhow::Result<Option<i64>> {
            v.map(|l| check(f, key, field, beredd_domain::bia::level(l)).map(i64::from)).transpose()
        };
        let input = bia::BiaInput {
            mtpd_hours: hours("mtpd_hours", b.mtpd_hours, 1)?,
            rto_hours: hours("rto_hours", b.rto_hours, 0)?,
            rpo_hours: hours("rpo_hours", b.rpo_hours, 0)?,
            levels: [
                level("level_1h", b.level_1h)?,
                level("level_4h", b.level_4h)?,
                level("level_1d", b.level_1d)?,
                level("level_3d", b.level_3d)?,
                level("level_1w", b.level_1w)?,
                level("level_1m", b.level_1m)?,
            ],
            texts: [
                para(f, key, "text_1h", &b.text_1h)?,
                para(f, key, "text_4h", &b.text_4h)?,
                para(f, key, "text_1d", &b.text_1d)?,
                para(f, key, "text_3d", &b.text_3d)?,
                para(f, key, "text_1w", &b.text_1w)?,
                para(f, key, "text_1m", &b.text_1m)?,
            ],
            peak_periods: para(f, key, "peak_periods", &b.peak_periods)?,
            min_staffing: para(f, key, "min_staffing", &b.min_staffing)?,
        };
        // Harm never shrinks with time: a later checkpoint states at least the level of an earlier one.
        let stated: Vec<i64> = input.levels.iter().flatten().copied().collect();
        if stated.windows(2).any(|w| w[1] < w[0]) {
            bail!("{f}, post {key:?}: konsekvensnivåerna får inte minska med tiden");
        }
        let as_hours = |v: Option<i64>| v.and_then(|h| u32::try_from(h).ok());
        if !beredd_domain::bia::rto_fits(as_hours(input.rto_hours), as_hours(input.mtpd_hours)) {
            bail!("{f}, post {key:?}: rto_hours måste vara mindre än mtpd_hours");
        }
        bia::save(&mut *l.tx, l.org, activity, &input).await.with_context(|| format!("{f}, post {key:?}"))?;
        if let Some(person) = &b.signed_off_by {
            let pid = lookup(&l.people, f, key, "signed_off_by", &Some(person.clone()))?.unwrap_or_default();
            let name = people::get(&mut *l.tx, l.org, pid).await?.map(|p| p.name).unwrap_or_default();
            let at = b.signed_off_at.as_deref().ok_or_else(|| anyhow!("{f}, post {key:?}: signed_off_at saknas"))?;
            let on = crate::platform::clock::Day::parse(at)
                .ok_or_else(|| anyhow!("{f}, post {key:?}, fält signed_off_at: {at:?} är inte ÅÅÅÅ-MM-DD"))?;
            bia::sign_off(&mut *l.tx, l.org, activity, &name, on).await?;
        }
    }

    Ok(())
}

pub(super) async fn plans(l: &mut Loader<'_>) -> anyhow::Result<usize> {
    let f = "plans.toml";
    let plans_file: PlansFile = parse_optional(l.source, f)?;
    let templates = crate::content::plan_templates::load()?;
    let (all_units, all_people) = (units::list(&mut *l.tx, l.org).await?, people::list(&mut *l.tx, l.org).await?);
    let (all_activities, all_dependencies) =
        (activities::list(&mut *l.tx, l.org).await?, dependencies::list(&mut *l.tx, l.org).await?);
    let all_suppliers = suppliers::list(&mut *l.tx, l.org).await?;
    let all_systems: Vec<systems::System> = {
        let mut v = Vec::new();
        for id in l.systems.values() {
            v.extend(systems::get(&mut l.tx, l.org, *id).await?);
        }
        v
    };
    let regs = crate::services::continuity::plans::Registers {
        units: &all_units,
        activities: &all_activities,
        people: &all_people,
        dependencies: &all_dependencies,
        systems: &all_systems,
        suppliers: &all_suppliers,
    };
    for p in &plans_file.plan {
        let key = &p.name;
        let template = templates
            .iter()
            .find(|t| t.id == p.template)
            .ok_or_else(|| anyhow!("{f}, post {key:?}: mallen {:?} finns inte", p.template))?;
        let mut unit_list = Vec::new();
        for u in &p.units {
            unit_list.extend(lookup(&l.units, f, key, "units", &Some(u.clone()))?);
        }
        let mut content = crate::services::continuity::plans::draft(template, &regs, &unit_list);
        content.hotline.number =
            check(f, key, "hotline_number", text::optional_phone(p.hotline_number.as_deref().unwrap_or("")))?
                .unwrap_or_default();
        let by = l.person(f, key, "approved_by", &p.approved_by).await?;
        let id = plans::create(&mut l.tx, l.org, key, Some(&template.id), &unit_list, &content, &by.1).await?;
        // Version 1 is the draft just created; each revision is the next version.
        let mut versions = vec![(by, p.approved_on.clone(), None, content.clone())];
        for r in &p.revision {
            let by = l.person(f, key, "revision.approved_by", &r.approved_by).await?;
            if let Some(lead) = para(f, key, "revision.lead", &r.lead)? {
                content.lead = lead;
            }
            let note = check(f, key, "revision.change_note", text::optional_line(&r.change_note, 500))?;
            versions.push((by, r.approved_on.clone(), note, content.clone()));
        }
        for (i, (by, on, note, c)) in versions.iter().enumerate() {
            let number = i as i64 + 1;
            let approved_on = check(f, key, "approved_on", super::required_day(on))?;
            if let Some(gap) = c.gaps().first() {
                bail!("{f}, post {key:?}, version {number}: planen kan inte godkännas ({gap:?})");
            }
            if i > 0 {
                plans::save_draft(&mut l.tx, l.org, id, c, note.as_deref(), &by.1).await?;
            }
            // The manager approved it and recorded the approval herself.
            let approval = plans::Approval { approver_id: Some(by.0), approver: &by.1, recorded_by: &by.1 };
            let due = crate::services::continuity::plans::one_year_after(approved_on);
            plans::approve(&mut l.tx, l.org, (id, number), &approval, due).await?;
            plans::backdate(&mut *l.tx, l.org, id, number, &format!("{on}T09:00:00Z")).await?;
            if i == 0
                && let Some(printed) = &p.printed_on
            {
                check(f, key, "printed_on", beredd_domain::text::optional_date(printed))?;
                let print =
                    plans::record_print(&mut l.tx, l.org, unit_list.first().copied(), key, &by.1, &[(id, number)])
                        .await?;
                plans::backdate_print(&mut *l.tx, print, &format!("{printed}T10:00:00Z")).await?;
            }
        }
    }

    Ok(plans_file.plan.len())
}
