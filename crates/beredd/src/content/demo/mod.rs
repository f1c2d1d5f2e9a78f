//! Loads the demo municipality (`library/demo/*.toml`) into an empty database. The files are
//! built into the binary; `--library` reads an edited copy from disk instead. Every value goes
//! through the same validation as the web forms, and an error names the file and record. One
//! function per file, grouped by area; everything is loaded in one transaction.

mod classification;
mod continuity;
mod crisis;
mod cycle;
mod frameworks;
mod governance;
pub mod large;
mod organisation;
mod risks;
mod rows;

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, anyhow, bail};
use beredd_domain::classification::{LegalFlag, Levels};
use beredd_domain::{
    ActionStatus, ContactKind, Criticality, Fulfilment, Hosting, NeedKind, NodeKind, Priority, ResourceKind, Role,
    SystemKind, UnitKind, text,
};

use crate::platform::db::Db;
use crate::store::{
    actions, activities, assessments, assets, audit, bia, dependencies, orgs, people, plans, resources, suppliers,
    systems, units, users,
};

use rows::*;

#[derive(rust_embed::Embed)]
#[folder = "../../library/demo/"]
#[include = "*.toml"]
struct Embedded;

/// Who the demo's changes are by in the audit trail, and the source of its incidents' log entries:
/// anything else in a demo database was done by people after it was loaded.
pub const ACTOR: &str = "(demo)";
pub const LOG_SOURCE: &str = "demo";

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

/// A day the file must give (`YYYY-MM-DD`).
fn required_day(v: &str) -> Result<crate::platform::clock::Day, beredd_domain::FieldError> {
    crate::platform::day::optional_day(v)?.ok_or(beredd_domain::FieldError::Required)
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
    pub org_id: i64,
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

/// What the loading functions share: the transaction, the organisation, the catalogue and the
/// ids of what is already loaded, by the key each file uses for it.
pub(super) struct Loader<'a> {
    source: &'a Source,
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Sign the exercises' logs as any log is signed.
    keys: std::sync::Arc<crate::platform::keys::Keyring>,
    org: i64,
    catalogue: crate::content::catalogue::Catalogue,
    suppliers: HashMap<String, i64>,
    units: HashMap<String, i64>,
    people: HashMap<String, i64>,
    systems: HashMap<String, i64>,
    activities: HashMap<String, i64>,
    resources: HashMap<String, i64>,
    assets: HashMap<String, i64>,
}

impl Loader<'_> {
    /// The name of the person a file refers to by key.
    async fn person_name(&mut self, file: &str, key: &str, field: &str, person: &str) -> anyhow::Result<String> {
        Ok(self.person(file, key, field, person).await?.1)
    }

    /// A person's id and name, by the key the demo files name them with.
    async fn person(&mut self, file: &str, key: &str, field: &str, person: &str) -> anyhow::Result<(i64, String)> {
        let pid = lookup(&self.people, file, key, field, &Some(person.to_owned()))?.unwrap_or_default();
        Ok((pid, people::get(&mut *self.tx, self.org, pid).await?.map(|p| p.name).unwrap_or_default()))
    }
}

/// Loads everything in one transaction: either the whole demo is there, or nothing.
pub async fn load(db: &Db, source: &Source, admin_password: &str) -> anyhow::Result<Summary> {
    let org_file: OrgFile = parse(source, "organisation.toml")?;
    let hash = crate::platform::passwords::hash(admin_password).map_err(|e| anyhow!("{e}"))?;
    let mut tx = db.begin_write().await?;
    let org_name = check("organisation.toml", "-", "name", text::Name::parse(&org_file.name))?;
    let org_number = check(
        "organisation.toml",
        "-",
        "org_number",
        text::optional_org_number(org_file.org_number.as_deref().unwrap_or("")),
    )?;
    let slug = beredd_domain::hosting::free_slug(org_name.as_str(), &orgs::slugs(&mut *tx).await?);
    let org = orgs::create(&mut *tx, org_name.as_str(), org_number.as_deref(), &slug).await?;
    let mut kept = Vec::new();
    for (field, value) in [
        ("keys_kept", &org_file.keys_kept),
        ("backup_kept", &org_file.backup_kept),
        ("break_glass_kept", &org_file.break_glass_kept),
    ] {
        kept.push(check("organisation.toml", "-", field, text::optional_text(value.as_deref().unwrap_or(""), 1000))?);
    }
    orgs::set_safekeeping(&mut *tx, org, [kept[0].as_deref(), kept[1].as_deref(), kept[2].as_deref()]).await?;
    let mut l = Loader {
        source,
        tx,
        keys: db.keys.clone(),
        org,
        catalogue: crate::content::catalogue::Catalogue::load()?,
        suppliers: HashMap::new(),
        units: HashMap::new(),
        people: HashMap::new(),
        systems: HashMap::new(),
        activities: HashMap::new(),
        resources: HashMap::new(),
        assets: HashMap::new(),
    };
    organisation::suppliers(&mut l).await?;
    let pending = organisation::units(&mut l).await?;
    organisation::people(&mut l).await?;
    let dpo = lookup(&l.people, "organisation.toml", "-", "dpo", &org_file.dpo)?;
    orgs::set_dpo(&mut *l.tx, l.org, dpo).await?;
    crate::services::setup::standard_contacts(&mut *l.tx, l.org).await?;
    organisation::managers(&mut l, pending).await?;
    organisation::systems(&mut l).await?;
    organisation::activities(&mut l).await?;
    organisation::resources(&mut l).await?;
    let dependencies = organisation::dependencies(&mut l).await?;
    continuity::bia(&mut l).await?;
    classification::assets(&mut l).await?;
    let assessments = classification::assessments(&mut l).await?;
    let plans = continuity::plans(&mut l).await?;
    cycle::cycle(&mut l).await?;
    governance::documents(&mut l).await?;
    governance::training(&mut l).await?;
    crisis::exercises(&mut l).await?;
    risks::risks(&mut l).await?;
    frameworks::frameworks(&mut l).await?;

    let mut tx = l.tx;
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
        org_id: org,
        organisation: org_name.into_string(),
        units: l.units.len(),
        people: l.people.len(),
        suppliers: l.suppliers.len(),
        systems: l.systems.len(),
        activities: l.activities.len(),
        resources: l.resources.len(),
        dependencies,
        assets: l.assets.len(),
        assessments,
        plans,
    };
    let actor = audit::Actor { org_id: org, user_id: None, username: ACTOR.into() };
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
