//! Loads the demo municipality (`library/demo/*.toml`) into an empty database. The files are
//! built into the binary; `--library` reads an edited copy from disk instead. Every value goes
//! through the same validation as the web forms, and an error names the file and record.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, anyhow, bail};
use beredd_domain::classification::{LegalFlag, Levels};
use beredd_domain::{
    ActionStatus, ContactKind, Criticality, Fulfilment, Hosting, NeedKind, NodeKind, Priority, ResourceKind, Role,
    SystemKind, UnitKind, text,
};
use serde::Deserialize;

use crate::platform::db::Db;
use crate::store::{
    actions, activities, assessments, assets, audit, bia, dependencies, orgs, people, plans, resources, suppliers,
    systems, units, users,
};

#[derive(rust_embed::Embed)]
#[folder = "../../library/demo/"]
#[include = "*.toml"]
struct Embedded;

pub enum Source {
    Embedded,
    Folder(PathBuf),
}

impl Source {
    fn read(&self, name: &str) -> anyhow::Result<String> {
        match self {
            Source::Embedded => {
                let f = Embedded::get(name).with_context(|| format!("{name} saknas i den inbyggda demodatan"))?;
                Ok(String::from_utf8(f.data.into_owned()).with_context(|| format!("{name} är inte UTF-8"))?)
            }
            Source::Folder(dir) => std::fs::read_to_string(dir.join(name))
                .with_context(|| format!("kan inte läsa {}", dir.join(name).display())),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgFile {
    name: String,
    org_number: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    unit: Vec<UnitRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitRow {
    key: String,
    name: String,
    kind: String,
    parent: Option<String>,
    manager: Option<String>,
    address: Option<String>,
    staff_count: Option<i64>,
    #[serde(default)]
    around_the_clock: bool,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    person: Vec<PersonRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonRow {
    key: String,
    name: String,
    title: Option<String>,
    kind: String,
    unit: Option<String>,
    organisation: Option<String>,
    supplier: Option<String>,
    work_phone: Option<String>,
    private_phone: Option<String>,
    email: Option<String>,
    #[serde(default)]
    reachable_off_hours: bool,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SuppliersFile {
    supplier: Vec<SupplierRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SupplierRow {
    key: String,
    name: String,
    org_number: Option<String>,
    contract_ref: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemsFile {
    system: Vec<SystemRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemRow {
    key: String,
    name: String,
    purpose: Option<String>,
    kind: String,
    owner: Option<String>,
    supplier: Option<String>,
    hosting: String,
    #[serde(default)]
    units: Vec<String>,
    notes: Option<String>,
    provides: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivitiesFile {
    activity: Vec<ActivityRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityRow {
    key: String,
    unit: String,
    name: String,
    description: Option<String>,
    recipients: Option<String>,
    criticality: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ResourcesFile {
    #[serde(default)]
    resource: Vec<ResourceRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceRow {
    key: String,
    name: String,
    kind: String,
    description: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DependenciesFile {
    #[serde(default)]
    dependency: Vec<DependencyRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DependencyRow {
    from: String,
    to: String,
    need: String,
    fallback: Option<String>,
    notes: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BiaFile {
    #[serde(default)]
    bia: Vec<BiaRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BiaRow {
    activity: String,
    mtpd_hours: Option<i64>,
    rto_hours: Option<i64>,
    rpo_hours: Option<i64>,
    level_1h: Option<i64>,
    text_1h: Option<String>,
    level_1d: Option<i64>,
    text_1d: Option<String>,
    level_1w: Option<i64>,
    text_1w: Option<String>,
    level_1m: Option<i64>,
    text_1m: Option<String>,
    peak_periods: Option<String>,
    min_staffing: Option<String>,
    signed_off_by: Option<String>,
    signed_off_at: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AssetsFile {
    #[serde(default)]
    asset: Vec<AssetRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssetRow {
    key: String,
    name: String,
    description: Option<String>,
    owner: Option<String>,
    #[serde(default)]
    flags: Vec<String>,
    osl_reference: Option<String>,
    systems: Vec<String>,
    units: Vec<String>,
    classification: Option<ClassificationRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassificationRow {
    k: u8,
    r: u8,
    t: u8,
    s: u8,
    why_k: Option<String>,
    why_r: Option<String>,
    why_t: Option<String>,
    why_s: Option<String>,
    classified_by: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AssessmentsFile {
    #[serde(default)]
    assessment: Vec<AssessmentRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentRow {
    system: String,
    requirement: String,
    status: String,
    how: Option<String>,
    not_applicable_reason: Option<String>,
    evidence_link: Option<String>,
    assessed_by: String,
    action_due: Option<String>,
    action_owner: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PlansFile {
    #[serde(default)]
    plan: Vec<PlanRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanRow {
    name: String,
    template: String,
    units: Vec<String>,
    hotline_number: Option<String>,
    approved_by: String,
    approved_on: String,
    printed_on: Option<String>,
    #[serde(default)]
    revision: Vec<RevisionRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionRow {
    approved_by: String,
    approved_on: String,
    change_note: String,
    lead: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CycleFile {
    #[serde(default)]
    item: Vec<CycleRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleRow {
    title: String,
    kind: String,
    owner: Option<String>,
    unit: Option<String>,
    start: String,
    every: i64,
    until: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RisksFile {
    #[serde(default)]
    analysis: Vec<AnalysisRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnalysisRow {
    title: String,
    /// "org", or "unit:KEY" / "system:KEY" with a key from the registers.
    scope: String,
    scope_text: Option<String>,
    held_on: String,
    #[serde(default)]
    participants: Vec<String>,
    method: Option<String>,
    #[serde(default)]
    risk: Vec<RiskRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskRow {
    threat: String,
    vulnerability: Option<String>,
    consequence: Option<String>,
    #[serde(default)]
    assets: Vec<String>,
    likelihood: i64,
    consequence_level: i64,
    measures: Option<String>,
    residual_likelihood: i64,
    residual_consequence: i64,
    owner: Option<String>,
    decision: String,
    due: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrameworksFile {
    #[serde(default)]
    assessment: Vec<FrameworkAssessmentRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkAssessmentRow {
    framework: String,
    version: String,
    title: String,
    scope: Option<String>,
    started_on: String,
    #[serde(default)]
    answer: Vec<FrameworkAnswerRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkAnswerRow {
    requirement: String,
    status: String,
    maturity: Option<i64>,
    comment: Option<String>,
    evidence: Option<String>,
    #[serde(default)]
    requirements: Vec<String>,
    action: Option<String>,
    action_owner: Option<String>,
    action_due: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExercisesFile {
    #[serde(default)]
    exercise: Vec<ExerciseRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseRow {
    title: String,
    units: Vec<String>,
    discovered: String,
    closed: Option<String>,
    participants: Vec<String>,
    what_happened: Option<String>,
    #[serde(default)]
    inject: Vec<InjectRow>,
    #[serde(default)]
    lesson: Vec<LessonRow>,
    #[serde(default)]
    backlog: Vec<BacklogRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InjectRow {
    minute: i64,
    text: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonRow {
    kind: String,
    text: String,
    action_owner: Option<String>,
    action_due: Option<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BacklogRow {
    unit: String,
    system: Option<String>,
    kind: String,
    total: i64,
    done: i64,
    assignee: Option<String>,
    priority: String,
}

/// A file that older demo folders may lack: missing means empty.
fn parse_optional<T: serde::de::DeserializeOwned + Default>(source: &Source, name: &str) -> anyhow::Result<T> {
    match source {
        Source::Embedded if Embedded::get(name).is_none() => Ok(T::default()),
        Source::Folder(dir) if !dir.join(name).exists() => Ok(T::default()),
        _ => parse(source, name),
    }
}

fn parse<T: serde::de::DeserializeOwned>(source: &Source, name: &str) -> anyhow::Result<T> {
    let text = source.read(name)?;
    toml::from_str(&text).map_err(|e| anyhow!("{name}: {e}"))
}

/// Turns a field error into a message naming the file, record and field.
fn check<T>(file: &str, key: &str, field: &str, r: Result<T, beredd_domain::FieldError>) -> anyhow::Result<T> {
    r.map_err(|e| anyhow!("{file}, post {key:?}, fält {field}: {e}"))
}

fn line(file: &str, key: &str, field: &str, v: &Option<String>, max: usize) -> anyhow::Result<Option<String>> {
    check(file, key, field, text::optional_line(v.as_deref().unwrap_or(""), max))
}

fn para(file: &str, key: &str, field: &str, v: &Option<String>) -> anyhow::Result<Option<String>> {
    check(file, key, field, text::optional_text(v.as_deref().unwrap_or(""), 4000))
}

fn lookup(
    map: &HashMap<String, i64>,
    file: &str,
    key: &str,
    field: &str,
    r: &Option<String>,
) -> anyhow::Result<Option<i64>> {
    match r {
        None => Ok(None),
        Some(k) => {
            map.get(k).copied().map(Some).ok_or_else(|| anyhow!("{file}, post {key:?}, fält {field}: {k:?} finns inte"))
        }
    }
}

fn unique(seen: &mut HashMap<String, i64>, file: &str, key: &str, id: i64) -> anyhow::Result<()> {
    if seen.insert(key.to_owned(), id).is_some() {
        bail!("{file}: nyckeln {key:?} förekommer två gånger");
    }
    Ok(())
}

#[derive(Debug)]
pub struct Summary {
    pub organisation: String,
    pub units: usize,
    pub people: usize,
    pub suppliers: usize,
    pub systems: usize,
    pub activities: usize,
    pub resources: usize,
    pub dependencies: usize,
    pub assets: usize,
    pub assessments: usize,
    pub plans: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} enheter, {} personer, {} leverantörer, {} system, {} verksamheter, {} resurser, {} beroenden, {} informationsmängder, {} kravbedömningar, {} kontinuitetsplaner",
            self.units,
            self.people,
            self.suppliers,
            self.systems,
            self.activities,
            self.resources,
            self.dependencies,
            self.assets,
            self.assessments,
            self.plans
        )
    }
}

/// Loads everything in one transaction: either the whole demo is there, or nothing.
pub async fn load(db: &Db, source: &Source, admin_password: &str) -> anyhow::Result<Summary> {
    let org_file: OrgFile = parse(source, "organisation.toml")?;
    let units_file: UnitsFile = parse(source, "units.toml")?;
    let people_file: PeopleFile = parse(source, "people.toml")?;
    let suppliers_file: SuppliersFile = parse(source, "suppliers.toml")?;
    let systems_file: SystemsFile = parse(source, "systems.toml")?;
    let activities_file: ActivitiesFile = parse(source, "activities.toml")?;
    let resources_file: ResourcesFile = parse_optional(source, "resources.toml")?;
    let dependencies_file: DependenciesFile = parse_optional(source, "dependencies.toml")?;
    let bia_file: BiaFile = parse_optional(source, "bia.toml")?;
    let assets_file: AssetsFile = parse_optional(source, "assets.toml")?;
    let assessments_file: AssessmentsFile = parse_optional(source, "assessments.toml")?;
    let catalogue = crate::content::catalogue::Catalogue::load()?;
    let hash = crate::platform::passwords::hash(admin_password).map_err(|e| anyhow!("{e}"))?;

    let mut tx = db.begin_write().await?;
    let org_name = check("organisation.toml", "-", "name", text::Name::parse(&org_file.name))?;
    let org_number = check(
        "organisation.toml",
        "-",
        "org_number",
        text::optional_org_number(org_file.org_number.as_deref().unwrap_or("")),
    )?;
    let org = orgs::create(&mut *tx, org_name.as_str(), org_number.as_deref()).await?;

    let f = "suppliers.toml";
    let mut supplier_ids = HashMap::new();
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
        let id = suppliers::insert(&mut *tx, org, &input).await.with_context(|| format!("{f}, post {:?}", s.key))?;
        unique(&mut supplier_ids, f, &s.key, id)?;
    }

    // Units first without managers (people do not exist yet), then people, then the managers.
    let f = "units.toml";
    let mut unit_ids = HashMap::new();
    let mut unit_inputs = Vec::new();
    for u in &units_file.unit {
        let input = units::UnitInput {
            parent_id: lookup(&unit_ids, f, &u.key, "parent", &u.parent)?,
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
        };
        let id = units::insert(&mut *tx, org, &input).await.with_context(|| format!("{f}, post {:?}", u.key))?;
        unique(&mut unit_ids, f, &u.key, id)?;
        unit_inputs.push((id, input));
    }

    let f = "people.toml";
    let mut person_ids = HashMap::new();
    for p in &people_file.person {
        let phone =
            |field: &str, v: &Option<String>| check(f, &p.key, field, text::optional_phone(v.as_deref().unwrap_or("")));
        let input = people::PersonInput {
            kind: check(f, &p.key, "kind", ContactKind::parse(&p.kind))?,
            name: check(f, &p.key, "name", text::Name::parse(&p.name))?.into_string(),
            title: line(f, &p.key, "title", &p.title, 200)?,
            unit_id: lookup(&unit_ids, f, &p.key, "unit", &p.unit)?,
            organisation: line(f, &p.key, "organisation", &p.organisation, 200)?,
            supplier_id: lookup(&supplier_ids, f, &p.key, "supplier", &p.supplier)?,
            work_phone: phone("work_phone", &p.work_phone)?,
            private_phone: phone("private_phone", &p.private_phone)?,
            email: check(f, &p.key, "email", text::optional_email(p.email.as_deref().unwrap_or("")))?,
            reachable_off_hours: p.reachable_off_hours,
            notes: para(f, &p.key, "notes", &p.notes)?,
        };
        let id = people::insert(&mut *tx, org, &input).await.with_context(|| format!("{f}, post {:?}", p.key))?;
        unique(&mut person_ids, f, &p.key, id)?;
    }
    for ((id, mut input), u) in unit_inputs.into_iter().zip(&units_file.unit) {
        if u.manager.is_some() {
            input.manager_id = lookup(&person_ids, "units.toml", &u.key, "manager", &u.manager)?;
            units::update(&mut *tx, org, id, &input).await?;
        }
    }

    let f = "systems.toml";
    let mut system_ids = HashMap::new();
    for s in &systems_file.system {
        let mut unit_list = Vec::new();
        for k in &s.units {
            unit_list.push(lookup(&unit_ids, f, &s.key, "units", &Some(k.clone()))?.unwrap_or_default());
        }
        let input = systems::SystemInput {
            name: check(f, &s.key, "name", text::Name::parse(&s.name))?.into_string(),
            purpose: para(f, &s.key, "purpose", &s.purpose)?,
            kind: check(f, &s.key, "kind", SystemKind::parse(&s.kind))?,
            owner_id: lookup(&person_ids, f, &s.key, "owner", &s.owner)?,
            supplier_id: lookup(&supplier_ids, f, &s.key, "supplier", &s.supplier)?,
            hosting: check(f, &s.key, "hosting", Hosting::parse(&s.hosting))?,
            notes: para(f, &s.key, "notes", &s.notes)?,
            provides: s
                .provides
                .as_deref()
                .map(|p| check(f, &s.key, "provides", ResourceKind::parse(p)))
                .transpose()?,
            unit_ids: unit_list,
        };
        let id = systems::insert(&mut tx, org, &input).await.with_context(|| format!("{f}, post {:?}", s.key))?;
        unique(&mut system_ids, f, &s.key, id)?;
    }

    let f = "activities.toml";
    let mut activity_ids = HashMap::new();
    for a in &activities_file.activity {
        let input = activities::ActivityInput {
            unit_id: lookup(&unit_ids, f, &a.key, "unit", &Some(a.unit.clone()))?.unwrap_or_default(),
            name: check(f, &a.key, "name", text::Name::parse(&a.name))?.into_string(),
            description: para(f, &a.key, "description", &a.description)?,
            recipients: line(f, &a.key, "recipients", &a.recipients, 300)?,
            criticality: check(f, &a.key, "criticality", Criticality::parse(&a.criticality))?,
        };
        let id = activities::insert(&mut *tx, org, &input).await.with_context(|| format!("{f}, post {:?}", a.key))?;
        unique(&mut activity_ids, f, &a.key, id)?;
    }

    let f = "resources.toml";
    let mut resource_ids = HashMap::new();
    for r in &resources_file.resource {
        let input = resources::ResourceInput {
            name: check(f, &r.key, "name", text::Name::parse(&r.name))?.into_string(),
            kind: check(f, &r.key, "kind", ResourceKind::parse(&r.kind))?,
            description: para(f, &r.key, "description", &r.description)?,
        };
        let id = resources::insert(&mut *tx, org, &input).await.with_context(|| format!("{f}, post {:?}", r.key))?;
        unique(&mut resource_ids, f, &r.key, id)?;
    }

    let f = "dependencies.toml";
    let node = |reference: &str, field: &str, n: usize| -> anyhow::Result<(NodeKind, i64)> {
        let (kind, key) = reference
            .split_once(':')
            .ok_or_else(|| anyhow!("{f}, beroende nr {n}, fält {field}: {reference:?} ska vara typ:nyckel"))?;
        let kind = check(f, &format!("nr {n}"), field, NodeKind::parse(kind))?;
        let map = match kind {
            NodeKind::Activity => &activity_ids,
            NodeKind::System => &system_ids,
            NodeKind::Supplier => &supplier_ids,
            NodeKind::Resource => &resource_ids,
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
        dependencies::insert(&mut *tx, org, &input)
            .await
            .with_context(|| format!("{f}, beroende nr {n} ({} → {})", d.from, d.to))?;
    }

    let f = "bia.toml";
    let mut analysed = std::collections::HashSet::new();
    for b in &bia_file.bia {
        let key = &b.activity;
        let activity = lookup(&activity_ids, f, key, "activity", &Some(key.clone()))?.unwrap_or_default();
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
                level("level_1d", b.level_1d)?,
                level("level_1w", b.level_1w)?,
                level("level_1m", b.level_1m)?,
            ],
            texts: [
                para(f, key, "text_1h", &b.text_1h)?,
                para(f, key, "text_1d", &b.text_1d)?,
                para(f, key, "text_1w", &b.text_1w)?,
                para(f, key, "text_1m", &b.text_1m)?,
            ],
            peak_periods: para(f, key, "peak_periods", &b.peak_periods)?,
            min_staffing: para(f, key, "min_staffing", &b.min_staffing)?,
        };
        let as_hours = |v: Option<i64>| v.and_then(|h| u32::try_from(h).ok());
        if !beredd_domain::bia::rto_fits(as_hours(input.rto_hours), as_hours(input.mtpd_hours)) {
            bail!("{f}, post {key:?}: rto_hours måste vara mindre än mtpd_hours");
        }
        bia::save(&mut *tx, org, activity, &input).await.with_context(|| format!("{f}, post {key:?}"))?;
        if let Some(person) = &b.signed_off_by {
            let pid = lookup(&person_ids, f, key, "signed_off_by", &Some(person.clone()))?.unwrap_or_default();
            let name = people::get(&mut *tx, org, pid).await?.map(|p| p.name).unwrap_or_default();
            let at = b.signed_off_at.as_deref().ok_or_else(|| anyhow!("{f}, post {key:?}: signed_off_at saknas"))?;
            time::Date::parse(at, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| anyhow!("{f}, post {key:?}, fält signed_off_at: {at:?} är inte ÅÅÅÅ-MM-DD"))?;
            bia::sign_off(&mut *tx, org, activity, &name, at).await?;
        }
    }

    let f = "assets.toml";
    let mut asset_ids: HashMap<String, i64> = HashMap::new();
    let person_name = async |tx: &mut sqlx::AnyConnection,
                             file: &str,
                             key: &str,
                             field: &str,
                             person: &str|
           -> anyhow::Result<String> {
        let pid = lookup(&person_ids, file, key, field, &Some(person.to_owned()))?.unwrap_or_default();
        Ok(people::get(tx, org, pid).await?.map(|p| p.name).unwrap_or_default())
    };
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
            owner_id: lookup(&person_ids, f, key, "owner", &a.owner)?,
            flags,
            osl_reference: line(f, key, "osl_reference", &a.osl_reference, 200)?,
            system_ids: ids(&system_ids, "systems", &a.systems)?,
            unit_ids: ids(&unit_ids, "units", &a.units)?,
        };
        let id = assets::insert(&mut tx, org, &input).await.with_context(|| format!("{f}, post {key:?}"))?;
        unique(&mut asset_ids, f, key, id)?;
        if let Some(c) = &a.classification {
            let levels =
                Levels::new(c.k, c.r, c.t, c.s).map_err(|_| anyhow!("{f}, post {key:?}: nivåerna måste vara 0–4"))?;
            let why = [
                para(f, key, "why_k", &c.why_k)?,
                para(f, key, "why_r", &c.why_r)?,
                para(f, key, "why_t", &c.why_t)?,
                para(f, key, "why_s", &c.why_s)?,
            ];
            let by = person_name(&mut tx, f, key, "classified_by", &c.classified_by).await?;
            assets::classify(
                &mut tx,
                org,
                id,
                &assets::ClassificationInput { levels, why, reason: None },
                &by,
                &catalogue.version,
            )
            .await?;
        }
    }

    let f = "assessments.toml";
    for (n, a) in assessments_file.assessment.iter().enumerate() {
        let key = format!("nr {} ({} {})", n + 1, a.system, a.requirement);
        let system = lookup(&system_ids, f, &key, "system", &Some(a.system.clone()))?.unwrap_or_default();
        let requirement = catalogue
            .get(&a.requirement)
            .ok_or_else(|| anyhow!("{f}, {key}: kravet {:?} finns inte i kravkatalogen", a.requirement))?;
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
        let by = person_name(&mut tx, f, &key, "assessed_by", &a.assessed_by).await?;
        assessments::save(&mut *tx, org, system, &requirement.id, &input, &by, &catalogue.version)
            .await
            .with_context(|| format!("{f}, {key}"))?;
        if let Some(due) = &a.action_due {
            check(f, &key, "action_due", beredd_domain::text::optional_date(due))?;
            let system_name = systems::get(&mut tx, org, system).await?.map(|s| s.name).unwrap_or_default();
            let action = actions::ActionInput {
                title: format!("Uppfyll krav {} {} ({system_name})", requirement.id, requirement.title_sv),
                origin: "requirement".into(),
                origin_ref: Some(format!("{system}:{}", requirement.id)),
                owner_id: lookup(&person_ids, f, &key, "action_owner", &a.action_owner)?,
                unit_id: None,
                priority: if status == Fulfilment::NotFulfilled { Priority::High } else { Priority::Medium },
                due_date: Some(due.clone()),
                status: ActionStatus::Planned,
                notes: input.how.clone(),
            };
            actions::insert(&mut *tx, org, &action).await?;
        }
    }

    let f = "plans.toml";
    let plans_file: PlansFile = parse_optional(source, f)?;
    let templates = crate::content::plan_templates::load()?;
    let (all_units, all_people) = (units::list(&mut *tx, org).await?, people::list(&mut *tx, org).await?);
    let (all_activities, all_dependencies) =
        (activities::list(&mut *tx, org).await?, dependencies::list(&mut *tx, org).await?);
    let all_suppliers = suppliers::list(&mut *tx, org).await?;
    let all_systems: Vec<systems::System> = {
        let mut v = Vec::new();
        for id in system_ids.values() {
            v.extend(systems::get(&mut tx, org, *id).await?);
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
            unit_list.extend(lookup(&unit_ids, f, key, "units", &Some(u.clone()))?);
        }
        let mut content = crate::services::continuity::plans::draft(template, &regs, &unit_list);
        content.hotline.number =
            check(f, key, "hotline_number", text::optional_phone(p.hotline_number.as_deref().unwrap_or("")))?
                .unwrap_or_default();
        let by = person_name(&mut tx, f, key, "approved_by", &p.approved_by).await?;
        let id = plans::create(&mut tx, org, key, Some(&template.id), &unit_list, &content, &by).await?;
        // Version 1 is the draft just created; each revision is the next version.
        let mut versions = vec![(by, p.approved_on.clone(), None, content.clone())];
        for r in &p.revision {
            let by = person_name(&mut tx, f, key, "revision.approved_by", &r.approved_by).await?;
            if let Some(lead) = para(f, key, "revision.lead", &r.lead)? {
                content.lead = lead;
            }
            let note = check(f, key, "revision.change_note", text::optional_line(&r.change_note, 500))?;
            versions.push((by, r.approved_on.clone(), note, content.clone()));
        }
        for (i, (by, on, note, c)) in versions.iter().enumerate() {
            let number = i as i64 + 1;
            check(f, key, "approved_on", beredd_domain::text::optional_date(on))?;
            if let Some(gap) = c.gaps().first() {
                bail!("{f}, post {key:?}, version {number}: planen kan inte godkännas ({gap:?})");
            }
            if i > 0 {
                plans::save_draft(&mut tx, org, id, c, note.as_deref(), by).await?;
            }
            plans::approve(&mut tx, org, id, number, by, &crate::services::continuity::plans::one_year_after(on))
                .await?;
            plans::backdate(&mut *tx, org, id, number, &format!("{on}T09:00:00Z")).await?;
            if i == 0
                && let Some(printed) = &p.printed_on
            {
                check(f, key, "printed_on", beredd_domain::text::optional_date(printed))?;
                let print =
                    plans::record_print(&mut tx, org, unit_list.first().copied(), key, by, &[(id, number)]).await?;
                plans::backdate_print(&mut *tx, print, &format!("{printed}T10:00:00Z")).await?;
            }
        }
    }

    let f = "cycle.toml";
    let cycle_file: CycleFile = parse_optional(source, f)?;
    for c in &cycle_file.item {
        let key = &c.title;
        if !crate::services::cycle::KINDS.contains(&c.kind.as_str())
            || !crate::services::cycle::EVERY_MONTHS.contains(&c.every)
        {
            bail!("{f}, post {key:?}: okänt slag {:?} eller intervall {}", c.kind, c.every);
        }
        let start = check(f, key, "start", beredd_domain::text::optional_date(&c.start))?.unwrap_or_default();
        let until = check(f, key, "until", beredd_domain::text::optional_date(c.until.as_deref().unwrap_or("")))?;
        let n = crate::store::cycle::NewItem {
            title: key,
            kind: &c.kind,
            owner_id: lookup(&person_ids, f, key, "owner", &c.owner)?,
            unit_id: lookup(&unit_ids, f, key, "unit", &c.unit)?,
            start_date: &start,
            every_months: c.every,
            until_date: until.as_deref(),
            notes: None,
        };
        crate::store::cycle::insert(&mut *tx, org, &n).await?;
    }

    let f = "exercises.toml";
    let exercises_file: ExercisesFile = parse_optional(source, f)?;
    for x in &exercises_file.exercise {
        let key = &x.title;
        let mut units_of = Vec::new();
        for u in &x.units {
            units_of.extend(lookup(&unit_ids, f, key, "units", &Some(u.clone()))?);
        }
        let mut names = Vec::new();
        for p in &x.participants {
            names.push(person_name(&mut tx, f, key, "participants", p).await?);
        }
        let participants = names.join("\n");
        let leader = names.first().cloned().unwrap_or_default();
        let n = crate::store::incidents::NewIncident {
            title: key,
            what_happened: x.what_happened.as_deref(),
            discovered_at: &x.discovered,
            raised_by: None,
            exercise: true,
            started_by: &leader,
            uid: None,
            participants: Some(&participants),
        };
        let id = crate::store::incidents::create(&mut tx, org, &n, &units_of).await?;
        let entry = |kind, text: String, at: Option<String>| crate::store::incidents::NewEntry {
            uid: None,
            kind,
            text,
            decided_by: None,
            grounds: None,
            author: leader.clone(),
            occurred_at: at,
            corrects: None,
            source: "demo".into(),
        };
        crate::store::incidents::append(
            &mut tx,
            org,
            id,
            entry(beredd_domain::LogKind::System, format!("Övningen startades: {key}."), Some(x.discovered.clone())),
            &leader,
        )
        .await?;
        for i in &x.inject {
            crate::store::incidents::add_inject(&mut *tx, id, i.minute, &i.text).await?;
        }
        for l in &x.lesson {
            if !crate::services::crisis::LESSON_KINDS.contains(&l.kind.as_str()) {
                bail!("{f}, post {key:?}: okänt slag av lärdom {:?}", l.kind);
            }
            let action = match &l.action_due {
                Some(due) => {
                    let input = actions::ActionInput {
                        title: format!("Lärdom: {}", l.text),
                        origin: "lesson".into(),
                        origin_ref: Some(format!("incident:{id}")),
                        owner_id: lookup(&person_ids, f, key, "action_owner", &l.action_owner)?,
                        unit_id: units_of.first().copied(),
                        priority: Priority::Medium,
                        due_date: check(f, key, "action_due", beredd_domain::text::optional_date(due))?,
                        status: ActionStatus::Planned,
                        notes: None,
                    };
                    Some(actions::insert(&mut *tx, org, &input).await?)
                }
                None => None,
            };
            crate::store::incidents::add_lesson(&mut *tx, id, &l.kind, &l.text, action, &leader, None).await?;
        }
        for b in &x.backlog {
            let unit = lookup(&unit_ids, f, key, "backlog.unit", &Some(b.unit.clone()))?.unwrap_or_default();
            let system = lookup(&system_ids, f, key, "backlog.system", &b.system)?;
            let nb = crate::store::incidents::NewBacklogItem {
                unit_id: unit,
                system_id: system,
                kind: &b.kind,
                description: None,
                total: b.total,
                assignee: b.assignee.as_deref(),
                priority: &b.priority,
                deadline: None,
            };
            let item = crate::store::incidents::add_backlog(&mut tx, id, &nb, &leader).await?;
            crate::store::incidents::set_backlog_done(&mut tx, id, item, b.done, &leader).await?;
        }
        if let Some(closed) = &x.closed {
            crate::store::incidents::append(
                &mut tx,
                org,
                id,
                entry(beredd_domain::LogKind::System, "Övningen avslutades.".into(), Some(closed.clone())),
                &leader,
            )
            .await?;
            crate::store::incidents::close(&mut *tx, org, id).await?;
        }
    }

    let f = "risks.toml";
    let risks_file: RisksFile = parse_optional(source, f)?;
    for a in &risks_file.analysis {
        let key = &a.title;
        let (scope_kind, scope_id) = match a.scope.split_once(':') {
            None if a.scope == "org" => ("org".to_owned(), None),
            Some(("unit", k)) => ("unit".to_owned(), lookup(&unit_ids, f, key, "scope", &Some(k.to_owned()))?),
            Some(("system", k)) => ("system".to_owned(), lookup(&system_ids, f, key, "scope", &Some(k.to_owned()))?),
            _ => bail!("{f}, post {key:?}: scope ska vara org, unit:NYCKEL eller system:NYCKEL"),
        };
        let mut names = Vec::new();
        for p in &a.participants {
            names.push(person_name(&mut tx, f, key, "participants", p).await?);
        }
        let analysis = crate::store::risks::Analysis {
            id: 0,
            title: key.clone(),
            scope: a.scope_text.clone().unwrap_or_default(),
            held_on: check(f, key, "held_on", beredd_domain::text::optional_date(&a.held_on))?.unwrap_or_default(),
            participants: Some(names.join("\n")).filter(|s| !s.is_empty()),
            method: a.method.clone(),
            created_by: names.first().cloned().unwrap_or_default(),
            scope_kind: Some(scope_kind),
            scope_id,
        };
        let analysis_id = crate::store::risks::add_analysis(&mut *tx, org, &analysis).await?;
        for r in &a.risk {
            let rkey = &r.threat;
            let steps = [r.likelihood, r.consequence_level, r.residual_likelihood, r.residual_consequence];
            if steps.iter().any(|s| !(1..=i64::from(beredd_domain::risk::STEPS)).contains(s))
                || !beredd_domain::risk::DECISIONS.contains(&r.decision.as_str())
            {
                bail!(
                    "{f}, risk {rkey:?}: stegen ska vara 1–4 och beslutet ett av {:?}",
                    beredd_domain::risk::DECISIONS
                );
            }
            let owner = lookup(&person_ids, f, rkey, "owner", &r.owner)?;
            let level = beredd_domain::risk::Level::of(r.residual_likelihood as u8, r.residual_consequence as u8);
            let action = if r.decision == "treat" {
                let input = actions::ActionInput {
                    title: format!("Åtgärda risk: {rkey}"),
                    origin: "risk".into(),
                    origin_ref: Some(format!("analysis:{analysis_id}")),
                    owner_id: owner,
                    unit_id: None,
                    priority: if level >= beredd_domain::risk::Level::High { Priority::High } else { Priority::Medium },
                    due_date: check(
                        f,
                        rkey,
                        "due",
                        beredd_domain::text::optional_date(r.due.as_deref().unwrap_or("")),
                    )?,
                    status: ActionStatus::Planned,
                    notes: r.measures.clone(),
                };
                Some(actions::insert(&mut *tx, org, &input).await?)
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
                decision: r.decision.clone(),
                decided_by: Some(analysis.created_by.clone()),
                action_id: action,
            };
            let rid = crate::store::risks::add_risk(&mut *tx, org, &risk).await?;
            let mut touched = Vec::new();
            for k in &r.assets {
                touched.extend(lookup(&asset_ids, f, rkey, "assets", &Some(k.clone()))?);
            }
            crate::store::risks::set_assets(&mut tx, rid, &touched).await?;
        }
    }

    let f = "frameworks.toml";
    let frameworks_file: FrameworksFile = parse_optional(source, f)?;
    let library = crate::content::frameworks::library()?;
    let catalogue = crate::content::catalogue::Catalogue::load()?;
    for a in &frameworks_file.assessment {
        let key = &a.title;
        let Some(fw) = library.iter().find(|x| x.id == a.framework && x.version == a.version) else {
            bail!("{f}, post {key:?}: ramverket {} version {} finns inte i library/frameworks", a.framework, a.version);
        };
        let row = crate::store::frameworks::Assessment {
            id: 0,
            framework_key: fw.id.clone(),
            version: fw.version.clone(),
            title: key.clone(),
            scope: a.scope.clone(),
            started_on: check(f, key, "started_on", beredd_domain::text::optional_date(&a.started_on))?
                .unwrap_or_default(),
            created_by: "Ahmed Karimi".into(),
        };
        let id = crate::store::frameworks::add_assessment(&mut *tx, org, &row).await?;
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
            if let Some(r) = x.requirements.iter().find(|r| !catalogue.requirements.iter().any(|c| &c.id == *r)) {
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
                updated_at: String::new(),
            };
            crate::store::frameworks::save_answer(&mut tx, id, &answer).await?;
            if let Some(title) = &x.action {
                let input = actions::ActionInput {
                    title: title.clone(),
                    origin: "framework".into(),
                    origin_ref: Some(format!("assessment:{id}:{}", node.id)),
                    owner_id: lookup(&person_ids, f, title, "action_owner", &x.action_owner)?,
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
                        beredd_domain::text::optional_date(x.action_due.as_deref().unwrap_or("")),
                    )?,
                    status: ActionStatus::Planned,
                    notes: Some(format!("{} {} – {}", fw.title_sv, node.reference, node.title(false))),
                };
                let aid = actions::insert(&mut *tx, org, &input).await?;
                crate::store::frameworks::link_action(&mut tx, id, &node.id, aid).await?;
            }
        }
    }

    let admin = users::NewUser {
        org_id: org,
        username: "admin",
        display_name: "Administratör",
        password_hash: &hash,
        role: Role::Admin,
        lang: "sv",
    };
    users::insert(&mut *tx, &admin).await?;
    orgs::set_meta(&mut *tx, "demo", "true").await?;
    let summary = Summary {
        organisation: org_name.into_string(),
        units: unit_ids.len(),
        people: person_ids.len(),
        suppliers: supplier_ids.len(),
        systems: system_ids.len(),
        activities: activity_ids.len(),
        resources: resource_ids.len(),
        dependencies: dependencies_file.dependency.len(),
        assets: asset_ids.len(),
        assessments: assessments_file.assessment.len(),
        plans: plans_file.plan.len(),
    };
    let actor = audit::Actor { org_id: org, user_id: None, username: "(demo)".into() };
    let text = summary.to_string();
    let change: audit::Change<'_, ()> = audit::Change {
        action: "import",
        entity: "organisation",
        entity_id: Some(org),
        summary: &text,
        before: None,
        after: None,
    };
    audit::record(&mut *tx, &actor, change).await?;
    tx.commit().await?;
    Ok(summary)
}
