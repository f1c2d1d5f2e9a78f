//! The registers every page needs to name things (units, people, suppliers, the nodes of the
//! dependency graph). A large municipality has thousands of these: they are kept in memory per
//! organisation and built again only when one of them changed (`store::versions`), so a request
//! pays one small query for them, not the whole registers.

use std::collections::HashMap;
use std::sync::Arc;

use beredd_domain::{Role, access, sort::swedish_key, tree};

use super::auth::CurrentUser;
use super::forms::Choice;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::dependencies::NodeNames;
use crate::store::versions::kept;
use crate::store::{DbError, people, suppliers, units};

pub struct Lookups {
    pub units: Arc<Vec<units::Unit>>,
    pub parents: HashMap<i64, Option<i64>>,
    unit_index: HashMap<i64, usize>,
    pub people: Arc<Vec<people::Person>>,
    person_index: HashMap<i64, usize>,
    pub suppliers: Arc<Vec<suppliers::Supplier>>,
    supplier_index: HashMap<i64, usize>,
    /// Names of everything a dependency edge can name.
    pub nodes: NodeNames,
    /// The units in tree order (id, depth), siblings in Swedish order: worked out once per build.
    unit_order: Vec<(i64, usize)>,
    /// The people's places in `people` in Swedish order of their names, worked out once per build.
    people_order: Vec<usize>,
}

fn index<T>(items: &[T], id: impl Fn(&T) -> i64) -> HashMap<i64, usize> {
    items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
}

impl Lookups {
    /// The organisation's lookups as this process keeps them, built again after a write.
    pub async fn load(db: &Db, org: i64) -> Result<std::sync::Arc<Lookups>, DbError> {
        crate::store::versions::cached(db, org, || Lookups::build(db, org)).await
    }

    async fn build(db: &Db, org: i64) -> Result<Lookups, DbError> {
        // The same copies the register lists use.
        let units = kept(db, org, || units::list(&db.pool, org)).await?;
        let people = kept(db, org, || people::list(&db.pool, org)).await?;
        let suppliers = kept(db, org, || suppliers::list(&db.pool, org)).await?;
        let nodes = NodeNames::load(&mut *db.pool.acquire().await?, org).await?;
        let names: HashMap<i64, Vec<u32>> = units.iter().map(|u| (u.id, swedish_key(&u.name))).collect();
        let items: Vec<(i64, Option<i64>)> = units.iter().map(|u| (u.id, u.parent_id)).collect();
        let unit_order = tree::depth_first(&items, |id| names.get(&id).cloned().unwrap_or_default());
        let mut people_order: Vec<usize> = (0..people.len()).collect();
        people_order.sort_by_cached_key(|i| swedish_key(&people[*i].name));
        Ok(Lookups {
            nodes,
            unit_order,
            people_order,
            parents: units.iter().map(|u| (u.id, u.parent_id)).collect(),
            unit_index: index(&units, |u| u.id),
            person_index: index(&people, |p| p.id),
            supplier_index: index(&suppliers, |s| s.id),
            units,
            people,
            suppliers,
        })
    }

    pub fn unit(&self, id: i64) -> Option<&units::Unit> {
        self.unit_index.get(&id).map(|i| &self.units[*i])
    }
    pub fn person(&self, id: i64) -> Option<&people::Person> {
        self.person_index.get(&id).map(|i| &self.people[*i])
    }
    pub fn supplier(&self, id: i64) -> Option<&suppliers::Supplier> {
        self.supplier_index.get(&id).map(|i| &self.suppliers[*i])
    }
    pub fn unit_name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.unit(id)).map(|u| u.name.clone()).unwrap_or_default()
    }
    pub fn person_name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.person(id)).map(|p| p.name.clone()).unwrap_or_default()
    }
    pub fn supplier_name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.supplier(id)).map(|s| s.name.clone()).unwrap_or_default()
    }

    /// The units in tree order, indented, optionally after an empty "none" choice.
    pub fn unit_choices(&self, none_label: Option<String>) -> Vec<Choice> {
        let mut out: Vec<Choice> =
            none_label.into_iter().map(|l| Choice { value: String::new(), label: l, depth: 0 }).collect();
        // Indentation shows the tree to the eye; the parent's name says it to a screen reader.
        out.extend(self.unit_order.iter().map(|&(id, depth)| {
            let name = self.unit_name(Some(id));
            let parent = self.unit(id).and_then(|u| u.parent_id).map(|p| self.unit_name(Some(p)));
            let label = match parent {
                Some(p) if depth > 0 && !p.is_empty() => format!("{name} ({p})"),
                _ => name,
            };
            Choice { value: id.to_string(), label, depth }
        }));
        out
    }

    pub fn people_choices(&self, none_label: String) -> Vec<Choice> {
        self.person_choices(none_label, |_| true)
    }

    /// The municipality's own staff: whom an action can be given to (never an external contact).
    pub fn staff_choices(&self, none_label: String) -> Vec<Choice> {
        self.person_choices(none_label, |p| p.kind == beredd_domain::ContactKind::Staff)
    }

    /// The staff among `ids`, in the same order and form as [`Lookups::staff_choices`] (without
    /// the empty choice): the few a filter offers out of thousands.
    pub fn staff_choices_among(&self, ids: &std::collections::HashSet<i64>) -> Vec<Choice> {
        let mut out =
            self.person_choices(String::new(), |p| p.kind == beredd_domain::ContactKind::Staff && ids.contains(&p.id));
        out.remove(0);
        out
    }

    /// Whether `id` is one of the staff.
    pub fn is_staff(&self, id: i64) -> bool {
        self.person(id).is_some_and(|p| p.kind == beredd_domain::ContactKind::Staff)
    }

    fn person_choices(&self, none_label: String, keep: impl Fn(&people::Person) -> bool) -> Vec<Choice> {
        let people = self.people_order.iter().map(|i| &self.people[*i]).filter(|p| keep(p));
        std::iter::once(Choice { value: String::new(), label: none_label, depth: 0 })
            .chain(people.map(|p| {
                let label = match (&p.title, &p.organisation) {
                    (Some(t), _) => format!("{} ({t})", p.name),
                    (None, Some(o)) => format!("{} ({o})", p.name),
                    _ => p.name.clone(),
                };
                Choice { value: p.id.to_string(), label, depth: 0 }
            }))
            .collect()
    }

    pub fn supplier_choices(&self, none_label: String) -> Vec<Choice> {
        std::iter::once(Choice { value: String::new(), label: none_label, depth: 0 })
            .chain(self.suppliers.iter().map(|s| Choice { value: s.id.to_string(), label: s.name.clone(), depth: 0 }))
            .collect()
    }

    /// Whether `user` may change what belongs to `unit` (a unit manager only within their scope).
    pub fn may_edit_unit(&self, user: &CurrentUser, unit: i64) -> bool {
        access::may_edit_unit(user.role, &user.granted, &self.parents, unit)
    }

    /// Whether the user may see a person with protected personal data in `unit`.
    pub fn may_see_protected(&self, user: &CurrentUser, unit: Option<i64>) -> bool {
        access::may_see_protected(user.role, &user.granted, &self.parents, unit)
    }

    /// Units a unit manager may put things in; everyone else who edits gets all.
    pub fn editable_unit_choices(&self, user: &CurrentUser, none_label: Option<String>) -> Vec<Choice> {
        let all = self.unit_choices(none_label);
        if user.role.edits_all_content() {
            return all;
        }
        all.into_iter()
            .filter(|c| c.value.is_empty() || c.value.parse().is_ok_and(|id| self.may_edit_unit(user, id)))
            .collect()
    }
}

/// Choices led by "Alla", for a list filter.
pub fn with_all(mut choices: Vec<Choice>, tr: &Tr) -> Vec<Choice> {
    choices.insert(0, Choice { value: String::new(), label: tr.t("filter-all"), depth: 0 });
    choices
}

/// Labels of a closed vocabulary as select choices.
pub fn vocabulary_choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    tr: &Tr,
) -> Vec<Choice> {
    all.iter().map(|v| Choice { value: code(*v).to_owned(), label: tr.t(label(*v)), depth: 0 }).collect()
}

pub fn role_choices(tr: &Tr) -> Vec<Choice> {
    vocabulary_choices(Role::ALL, Role::code, Role::label_id, tr)
}
