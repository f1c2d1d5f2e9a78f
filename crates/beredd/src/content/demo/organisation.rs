//! The demo's organisation and registers: suppliers, units, people, systems, activities,
//! resources and dependencies.

use super::*;

pub(super) async fn suppliers(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "suppliers.toml";
    let suppliers_file: SuppliersFile = parse(l.source, f)?;
    for s in &suppliers_file.supplier {
        let input = suppliers::SupplierInput {
            name: check(f, &s.key, "name", text::Name::parse(&s.name))?.into_string(),
            org_number: check(
                f,
                &s.key,
                "org_number",
                text::optional_org_number(s.org_number.as_deref().unwrap_or("")),
            )?,
            contract_ref: line(f, &s.key, "contract_ref", &s.contract_ref, 200)?,
            phone: check(f, &s.key, "phone", text::optional_phone(s.phone.as_deref().unwrap_or("")))?,
            email: check(f, &s.key, "email", text::optional_email(s.email.as_deref().unwrap_or("")))?,
            notes: para(f, &s.key, "notes", &s.notes)?,
        };
        let id = suppliers::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", s.key))?;
        unique(&mut l.suppliers, f, &s.key, id)?;
    }

    Ok(())
}

/// Units first, without their managers (people do not exist yet); `managers` sets them.
pub(super) async fn units(l: &mut Loader<'_>) -> anyhow::Result<(Vec<(i64, units::UnitInput)>, UnitsFile)> {
    let f = "units.toml";
    let units_file: UnitsFile = parse(l.source, f)?;
    let mut unit_inputs = Vec::new();
    for u in &units_file.unit {
        let input = units::UnitInput {
            parent_id: lookup(&l.units, f, &u.key, "parent", &u.parent)?,
            kind: check(f, &u.key, "kind", UnitKind::parse(&u.kind))?,
            name: check(f, &u.key, "name", text::Name::parse(&u.name))?.into_string(),
            manager_id: None,
            address: line(f, &u.key, "address", &u.address, 300)?,
            staff_count: check(
                f,
                &u.key,
                "staff_count",
                text::optional_number(&u.staff_count.map(|n| n.to_string()).unwrap_or_default(), 0, 100_000),
            )?,
            around_the_clock: u.around_the_clock,
            description: para(f, &u.key, "description", &u.description)?,
            code: None,
        };
        let id = units::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", u.key))?;
        unique(&mut l.units, f, &u.key, id)?;
        unit_inputs.push((id, input));
    }

    Ok((unit_inputs, units_file))
}

pub(super) async fn people(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "people.toml";
    let people_file: PeopleFile = parse(l.source, f)?;
    for p in &people_file.person {
        let phone =
            |field: &str, v: &Option<String>| check(f, &p.key, field, text::optional_phone(v.as_deref().unwrap_or("")));
        let input = people::PersonInput {
            kind: check(f, &p.key, "kind", ContactKind::parse(&p.kind))?,
            name: check(f, &p.key, "name", text::Name::parse(&p.name))?.into_string(),
            title: line(f, &p.key, "title", &p.title, 200)?,
            unit_id: lookup(&l.units, f, &p.key, "unit", &p.unit)?,
            organisation: line(f, &p.key, "organisation", &p.organisation, 200)?,
            supplier_id: lookup(&l.suppliers, f, &p.key, "supplier", &p.supplier)?,
            work_phone: phone("work_phone", &p.work_phone)?,
            private_phone: phone("private_phone", &p.private_phone)?,
            email: check(f, &p.key, "email", text::optional_email(p.email.as_deref().unwrap_or("")))?,
            reachable_off_hours: p.reachable_off_hours,
            notes: para(f, &p.key, "notes", &p.notes)?,
            employee_number: None,
        };
        let id = people::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", p.key))?;
        unique(&mut l.people, f, &p.key, id)?;
    }
    Ok(())
}

/// Each unit's manager, once the people exist.
pub(super) async fn managers(
    l: &mut Loader<'_>,
    pending: (Vec<(i64, units::UnitInput)>, UnitsFile),
) -> anyhow::Result<()> {
    let (unit_inputs, units_file) = pending;
    for ((id, mut input), u) in unit_inputs.into_iter().zip(&units_file.unit) {
        if u.manager.is_some() {
            input.manager_id = lookup(&l.people, "units.toml", &u.key, "manager", &u.manager)?;
            units::update(&mut l.tx, l.org, id, &input).await?;
        }
    }

    Ok(())
}

pub(super) async fn systems(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "systems.toml";
    let systems_file: SystemsFile = parse(l.source, f)?;
    for s in &systems_file.system {
        let mut unit_list = Vec::new();
        for k in &s.units {
            unit_list.push(lookup(&l.units, f, &s.key, "units", &Some(k.clone()))?.unwrap_or_default());
        }
        let input = systems::SystemInput {
            name: check(f, &s.key, "name", text::Name::parse(&s.name))?.into_string(),
            purpose: para(f, &s.key, "purpose", &s.purpose)?,
            kind: check(f, &s.key, "kind", SystemKind::parse(&s.kind))?,
            owner_id: lookup(&l.people, f, &s.key, "owner", &s.owner)?,
            supplier_id: lookup(&l.suppliers, f, &s.key, "supplier", &s.supplier)?,
            hosting: check(f, &s.key, "hosting", Hosting::parse(&s.hosting))?,
            notes: para(f, &s.key, "notes", &s.notes)?,
            provides: s
                .provides
                .as_deref()
                .map(|p| check(f, &s.key, "provides", ResourceKind::parse(p)))
                .transpose()?,
            code: None,
            unit_ids: unit_list,
        };
        let id = systems::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", s.key))?;
        unique(&mut l.systems, f, &s.key, id)?;
    }

    Ok(())
}

pub(super) async fn activities(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "activities.toml";
    let activities_file: ActivitiesFile = parse(l.source, f)?;
    for a in &activities_file.activity {
        let input = activities::ActivityInput {
            unit_id: lookup(&l.units, f, &a.key, "unit", &Some(a.unit.clone()))?.unwrap_or_default(),
            name: check(f, &a.key, "name", text::Name::parse(&a.name))?.into_string(),
            description: para(f, &a.key, "description", &a.description)?,
            recipients: line(f, &a.key, "recipients", &a.recipients, 300)?,
            criticality: check(f, &a.key, "criticality", Criticality::parse(&a.criticality))?,
            society_critical: a.society_critical,
        };
        let id =
            activities::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", a.key))?;
        unique(&mut l.activities, f, &a.key, id)?;
    }

    Ok(())
}

pub(super) async fn resources(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "resources.toml";
    let resources_file: ResourcesFile = parse_optional(l.source, f)?;
    for r in &resources_file.resource {
        let input = resources::ResourceInput {
            name: check(f, &r.key, "name", text::Name::parse(&r.name))?.into_string(),
            kind: check(f, &r.key, "kind", ResourceKind::parse(&r.kind))?,
            description: para(f, &r.key, "description", &r.description)?,
        };
        let id = resources::insert(&mut l.tx, l.org, &input).await.with_context(|| format!("{f}, post {:?}", r.key))?;
        unique(&mut l.resources, f, &r.key, id)?;
    }

    Ok(())
}

pub(super) async fn dependencies(l: &mut Loader<'_>) -> anyhow::Result<usize> {
    let f = "dependencies.toml";
    let dependencies_file: DependenciesFile = parse_optional(l.source, f)?;
    let node = |reference: &str, field: &str, n: usize| -> anyhow::Result<(NodeKind, i64)> {
        let (kind, key) = reference
            .split_once(':')
            .ok_or_else(|| anyhow!("{f}, beroende nr {n}, fält {field}: {reference:?} ska vara typ:nyckel"))?;
        let kind = check(f, &format!("nr {n}"), field, NodeKind::parse(kind))?;
        let map = match kind {
            NodeKind::Activity => &l.activities,
            NodeKind::System => &l.systems,
            NodeKind::Supplier => &l.suppliers,
            NodeKind::Resource => &l.resources,
        };
        let id =
            map.get(key).copied().ok_or_else(|| anyhow!("{f}, beroende nr {n}, fält {field}: {key:?} finns inte"))?;
        Ok((kind, id))
    };
    for (i, d) in dependencies_file.dependency.iter().enumerate() {
        let n = i + 1;
        let from = node(&d.from, "from", n)?;
        let to = node(&d.to, "to", n)?;
        if !from.0.may_depend() || !to.0.may_be_depended_on() || from == to {
            bail!("{f}, beroende nr {n}: {} → {} är inte ett tillåtet beroende", d.from, d.to);
        }
        let input = dependencies::DependencyInput {
            from,
            to,
            need: check(f, &format!("nr {n}"), "need", NeedKind::parse(&d.need))?,
            fallback: check(
                f,
                &format!("nr {n}"),
                "fallback",
                text::optional_text(d.fallback.as_deref().unwrap_or(""), 2000),
            )?,
            notes: para(f, &format!("nr {n}"), "notes", &d.notes)?,
        };
        dependencies::insert(&mut l.tx, l.org, &input)
            .await
            .with_context(|| format!("{f}, beroende nr {n} ({} → {})", d.from, d.to))?;
    }

    Ok(dependencies_file.dependency.len())
}
