//! People with protected personal data (skyddade personuppgifter): who may see them
//! (`beredd_domain::access::may_see_protected`), what everyone else is shown instead, and how a
//! call list holding one is printed: in their place "Skyddad person – kontakta via" the manager
//! of their unit (or of the nearest unit above with a manager who is not protected), or the
//! switchboard when there is none, so the phone tree has no silent hole.

use std::collections::HashMap;

use beredd_domain::plan::CallEntry;

use crate::platform::db::Db;
use crate::services::Failure;
use crate::store::audit::{self, Actor};
use crate::store::people::{self, Person};
use crate::store::units::Unit;

/// Marks a person as having protected personal data, or not, with the change in the audit trail.
pub async fn set_protected(db: &Db, actor: &Actor, id: i64, on: bool) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let before = people::get(&mut *tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    people::set_protected(&mut tx, actor.org_id, id, on).await?;
    let change = audit::Change {
        action: if on { "protect" } else { "unprotect" },
        entity: "person",
        entity_id: Some(id),
        summary: &before.name,
        before: Some(&serde_json::json!({ "protected": before.protected.get() })),
        after: Some(&serde_json::json!({ "protected": on })),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The person as shown to someone who may not see them: the kind, unit and flag are kept, the
/// name is `label` ("Skyddad person"), and nothing that identifies or reaches them is left.
pub fn masked(p: &Person, label: &str) -> Person {
    Person {
        name: label.to_owned(),
        title: None,
        organisation: None,
        supplier_id: None,
        work_phone: None,
        private_phone: None,
        email: None,
        notes: None,
        employee_number: None,
        ..p.clone()
    }
}

/// Whom to contact for a protected person: the manager of their unit, or of the nearest unit
/// above it, who is not protected themselves. `None`: the switchboard.
pub fn contact_for<'a>(p: &Person, units: &[Unit], people: &'a [Person]) -> Option<&'a Person> {
    let parents: HashMap<i64, Option<i64>> = units.iter().map(|u| (u.id, u.parent_id)).collect();
    let mut at = p.unit_id;
    let mut seen = 0;
    while let Some(u) = at {
        seen += 1;
        if seen > units.len() {
            break;
        }
        let unit = units.iter().find(|x| x.id == u)?;
        let manager = unit.manager_id.and_then(|m| people.iter().find(|x| x.id == m));
        if let Some(m) = manager.filter(|m| !m.protected.get() && m.id != p.id) {
            return Some(m);
        }
        at = parents.get(&u).copied().flatten();
    }
    None
}

/// The words a printed call list uses for a protected person.
pub struct Words<'a> {
    /// "Skyddad person"
    pub name: &'a str,
    /// "Kontakta via {name}"; `{name}` is replaced.
    pub via: &'a str,
    /// "Kontakta via växeln"
    pub switchboard: &'a str,
}

/// The words in Swedish, for what is written into a plan (its drafts are Swedish, as its
/// templates are). The printed binder uses the reader's language.
pub const SWEDISH: Words<'static> =
    Words { name: "Skyddad person", via: "Kontakta via {name}", switchboard: "Kontakta via växeln" };

/// The call-list entry that stands for a protected person: their place in the phone tree, with
/// the contact's number instead of theirs.
pub fn stand_in(p: &Person, units: &[Unit], people: &[Person], w: &Words, calls: String) -> CallEntry {
    match contact_for(p, units, people) {
        Some(m) => CallEntry {
            name: w.name.to_owned(),
            role: w.via.replace("{name}", &m.name),
            phone: m.work_phone.clone().or_else(|| m.private_phone.clone()).unwrap_or_default(),
            calls,
        },
        None => CallEntry { name: w.name.to_owned(), role: w.switchboard.to_owned(), phone: String::new(), calls },
    }
}

fn plain(s: &str) -> String {
    s.trim().to_lowercase()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a call-list entry (free text, written into a plan) is this protected person: the
/// same name, or one of their numbers.
fn names(entry: &CallEntry, p: &Person) -> bool {
    let phone = digits(&entry.phone);
    plain(&entry.name) == plain(&p.name)
        || (phone.len() >= 6 && [&p.work_phone, &p.private_phone].into_iter().flatten().any(|n| digits(n) == phone))
}

/// A plan's call list as it may be handed out: every entry that is a protected person replaced by
/// its stand-in, and their names taken out of whom the others call.
pub fn call_list_out(list: &[CallEntry], units: &[Unit], people: &[Person], w: &Words) -> Vec<CallEntry> {
    let protected: Vec<&Person> = people.iter().filter(|p| p.protected.get()).collect();
    if protected.is_empty() {
        return list.to_vec();
    }
    let scrub = |calls: &str| -> String {
        calls
            .split(',')
            .map(|c| match protected.iter().any(|p| plain(c) == plain(&p.name)) {
                true => w.name.to_owned(),
                false => c.trim().to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    list.iter()
        .map(|e| match protected.iter().find(|p| names(e, p)) {
            Some(p) => stand_in(p, units, people, w, scrub(&e.calls)),
            None => CallEntry { calls: scrub(&e.calls), ..e.clone() },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, name: &str, unit: i64, phone: &str, protected: bool) -> Person {
        Person {
            id,
            kind: beredd_domain::ContactKind::Staff,
            name: name.into(),
            title: None,
            unit_id: Some(unit),
            organisation: None,
            supplier_id: None,
            work_phone: Some(phone.into()),
            private_phone: None,
            email: None,
            reachable_off_hours: crate::store::Flag(true),
            notes: None,
            employee_number: None,
            updated_at: crate::platform::clock::now_stamp(),
            protected: crate::store::Flag(protected),
        }
    }

    fn unit(id: i64, parent: Option<i64>, manager: Option<i64>) -> Unit {
        Unit {
            id,
            parent_id: parent,
            kind: beredd_domain::UnitKind::Enhet,
            name: format!("Enhet {id}"),
            manager_id: manager,
            address: None,
            staff_count: None,
            around_the_clock: Default::default(),
            description: None,
            code: None,
            updated_at: crate::platform::clock::now_stamp(),
        }
    }

    const W: Words = SWEDISH;

    #[test]
    fn a_protected_person_on_a_call_list_becomes_a_stand_in_with_the_managers_number() {
        let people = vec![
            person(1, "Eva Chef", 1, "070-111 11 11", false),
            person(2, "Kim Skyddad", 1, "070-222 22 22", true),
            person(3, "Bo Öppen", 1, "070-333 33 33", false),
        ];
        let units = vec![unit(1, None, Some(1))];
        let list = vec![
            CallEntry {
                name: "Eva Chef".into(),
                role: "Chef".into(),
                phone: "070-111 11 11".into(),
                calls: "Kim Skyddad, Bo Öppen".into(),
            },
            CallEntry { name: "Kim S.".into(), role: "".into(), phone: "0702222222".into(), calls: "".into() },
        ];
        let out = call_list_out(&list, &units, &people, &W);
        assert_eq!(out[0].calls, "Skyddad person, Bo Öppen");
        assert_eq!(out[1].name, "Skyddad person");
        assert_eq!(out[1].role, "Kontakta via Eva Chef");
        assert_eq!(out[1].phone, "070-111 11 11");
        assert!(!format!("{out:?}").contains("Kim"), "{out:?}");
    }

    #[test]
    fn a_protected_manager_is_passed_over_for_the_unit_above_or_the_switchboard() {
        let people = vec![person(1, "Ann Topp", 1, "1", false), person(2, "Kim Skyddad", 2, "2", true)];
        let units = vec![unit(1, None, Some(1)), unit(2, Some(1), Some(2))];
        assert_eq!(contact_for(&people[1], &units, &people).map(|p| p.id), Some(1));
        let alone = vec![unit(2, None, Some(2))];
        let e = stand_in(&people[1], &alone, &people, &W, String::new());
        assert_eq!((e.role.as_str(), e.phone.as_str()), ("Kontakta via växeln", ""));
    }
}
