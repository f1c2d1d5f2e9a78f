//! What a row may name in another register (a person's unit, a system's supplier, a unit's
//! manager), found by its key or its name; and the coded values (a unit's level, a system's
//! hosting) read from their code or their label in Swedish or English.

use std::collections::HashMap;

use beredd_domain::FieldError;
use sqlx::AnyConnection;

use super::Problem;
use crate::platform::db::DbError;
use crate::platform::i18n::{Catalog, Lang, Tr};

/// A record that can be named: its id, name and key.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: i64,
    pub name: String,
    pub key: Option<String>,
}

/// The records of the other registers, and the labels of the coded values.
pub struct Refs {
    pub units: Vec<Named>,
    pub people: Vec<Named>,
    pub suppliers: Vec<Named>,
    pub systems: Vec<Named>,
    /// Activities, with "unit / activity" as their key (two units may name one alike).
    pub activities: Vec<Named>,
    pub resources: Vec<Named>,
    /// Each unit's parent, to refuse a unit placed below itself.
    pub parents: HashMap<i64, Option<i64>>,
    sv: Tr,
    en: Tr,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The one record a text names: by its key first, then by its name.
fn find(list: &[Named], text: &str) -> Result<Option<i64>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(n) = list.iter().find(|n| n.key.as_deref().is_some_and(|k| same(k, t))) {
        return Ok(Some(n.id));
    }
    let mut named = list.iter().filter(|n| same(&n.name, t));
    match (named.next(), named.next()) {
        (Some(n), None) => Ok(Some(n.id)),
        (Some(_), Some(_)) => Err(Problem::Ambiguous(t.to_owned())),
        (None, _) => Err(Problem::Unknown(t.to_owned())),
    }
}

fn name_of(list: &[Named], id: Option<i64>) -> String {
    id.and_then(|id| list.iter().find(|n| n.id == id)).map(|n| n.name.clone()).unwrap_or_default()
}

impl Refs {
    pub async fn load(conn: &mut AnyConnection, org: i64) -> Result<Refs, DbError> {
        let units = crate::store::units::list(&mut *conn, org).await?;
        let people = crate::store::people::list(&mut *conn, org).await?;
        let suppliers = crate::store::suppliers::list(&mut *conn, org).await?;
        let systems = crate::store::systems::list_in(&mut *conn, org).await?;
        let activities = crate::store::activities::list(&mut *conn, org).await?;
        let resources = crate::store::resources::list(&mut *conn, org).await?;
        let unit_name = |id: i64| units.iter().find(|u| u.id == id).map(|u| u.name.clone()).unwrap_or_default();
        let activities = activities
            .into_iter()
            .map(|a| Named { id: a.id, key: Some(format!("{} / {}", unit_name(a.unit_id), a.name)), name: a.name })
            .collect();
        let catalog = Catalog::load();
        Ok(Refs {
            parents: units.iter().map(|u| (u.id, u.parent_id)).collect(),
            units: units.into_iter().map(|u| Named { id: u.id, name: u.name, key: u.code }).collect(),
            people: people.into_iter().map(|p| Named { id: p.id, name: p.name, key: p.employee_number }).collect(),
            suppliers: suppliers.into_iter().map(|s| Named { id: s.id, name: s.name, key: s.org_number }).collect(),
            systems: systems.into_iter().map(|s| Named { id: s.id, name: s.name, key: s.code }).collect(),
            activities,
            resources: resources.into_iter().map(|r| Named { id: r.id, name: r.name, key: None }).collect(),
            sv: Tr::new(catalog.clone(), Lang::Sv),
            en: Tr::new(catalog, Lang::En),
        })
    }

    pub fn unit(&self, text: &str) -> Result<Option<i64>, Problem> {
        find(&self.units, text)
    }
    pub fn person(&self, text: &str) -> Result<Option<i64>, Problem> {
        find(&self.people, text)
    }
    pub fn supplier(&self, text: &str) -> Result<Option<i64>, Problem> {
        find(&self.suppliers, text)
    }
    fn nodes(&self, kind: beredd_domain::NodeKind) -> &[Named] {
        match kind {
            beredd_domain::NodeKind::Activity => &self.activities,
            beredd_domain::NodeKind::System => &self.systems,
            beredd_domain::NodeKind::Supplier => &self.suppliers,
            beredd_domain::NodeKind::Resource => &self.resources,
        }
    }
    /// A node of the dependency graph of a kind, by key or name.
    pub fn node(&self, kind: beredd_domain::NodeKind, text: &str) -> Result<Option<i64>, Problem> {
        find(self.nodes(kind), text)
    }
    /// A node's name; an activity's as "Enhet / Verksamhet", which names one however many units
    /// have an activity of that name.
    pub fn node_name(&self, kind: beredd_domain::NodeKind, id: i64) -> String {
        let n = self.nodes(kind).iter().find(|n| n.id == id);
        match (kind, n) {
            (beredd_domain::NodeKind::Activity, Some(Named { key: Some(k), .. })) => k.clone(),
            (_, Some(n)) => n.name.clone(),
            (_, None) => String::new(),
        }
    }
    pub fn system(&self, text: &str) -> Result<Option<i64>, Problem> {
        find(&self.systems, text)
    }
    pub fn system_name(&self, id: Option<i64>) -> String {
        name_of(&self.systems, id)
    }
    /// Several records in one cell, separated by `;` or new lines, each by key or name.
    pub fn many(
        &self,
        text: &str,
        one: impl Fn(&Refs, &str) -> Result<Option<i64>, Problem>,
    ) -> Result<Vec<i64>, Problem> {
        let mut ids = Vec::new();
        for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(id) = one(self, part)?
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        Ok(ids)
    }
    /// The names of several records, in alphabetical order, as one cell.
    pub fn names(&self, ids: &[i64], name: impl Fn(&Refs, Option<i64>) -> String) -> String {
        let mut names: Vec<String> = ids.iter().map(|i| name(self, Some(*i))).collect();
        names.sort_by_key(|n| beredd_domain::sort::swedish_key(n));
        names.join("; ")
    }
    pub fn unit_name(&self, id: Option<i64>) -> String {
        name_of(&self.units, id)
    }
    pub fn person_name(&self, id: Option<i64>) -> String {
        name_of(&self.people, id)
    }
    pub fn supplier_name(&self, id: Option<i64>) -> String {
        name_of(&self.suppliers, id)
    }

    /// A coded value from its code or its label in either language; empty is `None`.
    pub fn coded<V: Copy>(
        &self,
        all: &[V],
        code: fn(V) -> &'static str,
        label: fn(V) -> &'static str,
        text: &str,
    ) -> Result<Option<V>, Problem> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        all.iter()
            .copied()
            .find(|v| same(code(*v), t) || same(&self.sv.t(label(*v)), t) || same(&self.en.t(label(*v)), t))
            .map(Some)
            .ok_or(Problem::Field(FieldError::Choice))
    }

    /// A coded value as the template writes it: its Swedish label.
    pub fn label(&self, label_id: &str) -> String {
        self.sv.t(label_id)
    }
}

/// Yes or no: "ja", "nej", "x", "1", "0", "yes", "no", "true", "false"; empty is no.
pub fn flag(text: &str) -> Result<bool, Problem> {
    match text.trim().to_lowercase().as_str() {
        "" | "nej" | "no" | "0" | "false" | "falskt" | "n" => Ok(false),
        "ja" | "yes" | "1" | "x" | "true" | "sant" | "j" | "y" => Ok(true),
        _ => Err(Problem::Field(FieldError::Choice)),
    }
}

/// A flag as the template writes it.
pub fn flag_text(b: bool) -> String {
    if b { "Ja" } else { "Nej" }.to_owned()
}

/// The value of a field, empty when the row has none.
pub fn get<'a>(v: &'a super::Values, key: &str) -> &'a str {
    v.get(key).map(String::as_str).unwrap_or_default()
}

/// Collects the refused fields of a row.
#[derive(Default)]
pub struct Problems(pub Vec<(&'static str, Problem)>);

impl Problems {
    pub fn take<T: Default>(&mut self, field: &'static str, r: Result<T, FieldError>) -> T {
        self.take_p(field, r.map_err(Problem::Field))
    }
    pub fn take_p<T: Default>(&mut self, field: &'static str, r: Result<T, Problem>) -> T {
        r.unwrap_or_else(|p| {
            self.0.push((field, p));
            T::default()
        })
    }
    pub fn or<T>(self, value: T) -> Result<T, Vec<(&'static str, Problem)>> {
        if self.0.is_empty() { Ok(value) } else { Err(self.0) }
    }
}

/// An optional text of at most `max` characters on one line, as stored.
pub fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}
