//! The units register: the organisation tree.

use beredd_domain::{FieldError, UnitKind, text, tree};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, activities, people, units};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Errors, Field, FieldKind, FormData, optional_id};
use crate::web::forms::{flag, opt_string, yes_no};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register, Section};

pub struct Units;

impl crate::services::registers::Stored for Units {
    type Record = units::Unit;
    type Input = units::UnitInput;
    const ENTITY: &'static str = "unit";
    fn name(r: &units::Unit) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<units::Unit>, DbError> {
        units::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &units::UnitInput) -> Result<i64, DbError> {
        units::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &units::UnitInput) -> Result<(), DbError> {
        units::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        units::delete(conn, org, id).await
    }
}

impl Register for Units {
    const SLUG: &'static str = "units";
    const IMPORT: bool = true;

    fn id(r: &units::Unit) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<units::Unit>>, DbError> {
        crate::web::register::kept(db, org, || units::list(&db.pool, org)).await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "kind", label: tr.t("field-unit-kind") },
            Column { key: "parent", label: tr.t("field-parent") },
            Column { key: "manager", label: tr.t("field-manager") },
            Column { key: "staff", label: tr.t("field-staff-count") },
            Column { key: "clock", label: tr.t("field-around-the-clock") },
        ]
    }
    fn row(r: &units::Unit, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/units/{}", r.id) },
            Cell::Text(tr.t(r.kind.label_id())),
            Cell::Text(lk.unit_name(r.parent_id)),
            Cell::Text(lk.person_name(r.manager_id)),
            Cell::Text(opt_string(r.staff_count)),
            Cell::Text(if r.around_the_clock.get() { tr.t("yes") } else { String::new() }),
        ]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], _lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let choices = with_all(vocabulary_choices(UnitKind::ALL, UnitKind::code, UnitKind::label_id, tr), tr);
        vec![FilterView {
            name: "kind",
            label: tr.t("field-unit-kind"),
            choices,
            value: q.get("kind").cloned().unwrap_or_default(),
        }]
    }
    fn keep(r: &units::Unit, q: &Query_) -> bool {
        q.get("kind").is_none_or(|k| k.is_empty() || k == r.kind.code())
    }
    fn details(r: &units::Unit, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-unit-kind"), value: Cell::Text(tr.t(r.kind.label_id())) },
            DetailItem {
                label: tr.t("field-parent"),
                value: Cell::link_or_text(lk.unit_name(r.parent_id), r.parent_id.map(|p| format!("/units/{p}"))),
            },
            DetailItem {
                label: tr.t("field-manager"),
                value: Cell::link_or_text(lk.person_name(r.manager_id), r.manager_id.map(|p| format!("/people/{p}"))),
            },
            DetailItem { label: tr.t("field-address"), value: Cell::opt(&r.address) },
            DetailItem { label: tr.t("field-staff-count"), value: Cell::Text(opt_string(r.staff_count)) },
            DetailItem {
                label: tr.t("field-around-the-clock"),
                value: Cell::Text(yes_no(r.around_the_clock.get(), tr)),
            },
            DetailItem { label: tr.t("field-description"), value: Cell::opt(&r.description) },
            DetailItem { label: tr.t("field-unit-code"), value: Cell::opt(&r.code) },
        ]
    }
    async fn sections(r: &units::Unit, lk: &Lookups, tr: &Tr, db: &Db, org: i64) -> Result<Vec<Section>, DbError> {
        let children: Vec<(String, String)> = lk
            .units
            .iter()
            .filter(|u| u.parent_id == Some(r.id))
            .map(|u| (u.name.clone(), format!("/units/{}", u.id)))
            .collect();
        let all = crate::web::register::kept(db, org, || activities::list(&db.pool, org)).await?;
        let acts: Vec<(String, String)> = all
            .iter()
            .filter(|a| a.unit_id == r.id)
            .map(|a| (a.name.clone(), format!("/activities/{}", a.id)))
            .collect();
        let staff: Vec<(String, String)> = lk
            .people
            .iter()
            .filter(|p: &&people::Person| p.unit_id == Some(r.id))
            .map(|p| (listed_name(p, tr), format!("/people/{}", p.id)))
            .collect();
        Ok(vec![
            Section {
                title: tr.t("units-children"),
                items: children,
                add: Some((tr.t("units-new"), format!("/units/new?parent={}", r.id))),
                ..Default::default()
            },
            Section {
                title: tr.t("nav-activities"),
                items: acts,
                add: Some((tr.t("activities-new"), format!("/activities/new?unit={}", r.id))),
                ..Default::default()
            },
            Section {
                title: tr.t("nav-people"),
                items: staff,
                add: Some((tr.t("people-new"), format!("/people/new?unit={}", r.id))),
                ..Default::default()
            },
        ])
    }

    fn values(r: &units::Unit) -> FormData {
        FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("kind".into(), r.kind.code().into()),
            ("parent".into(), opt_string(r.parent_id)),
            ("manager".into(), opt_string(r.manager_id)),
            ("address".into(), r.address.clone().unwrap_or_default()),
            ("staff_count".into(), opt_string(r.staff_count)),
            ("around_the_clock".into(), flag(r.around_the_clock.get())),
            ("description".into(), r.description.clone().unwrap_or_default()),
            ("code".into(), r.code.clone().unwrap_or_default()),
        ])
    }
    fn defaults(q: &Query_) -> FormData {
        let mut f = FormData::default();
        f.set("kind", "enhet");
        if let Some(p) = q.get("parent") {
            f.set("parent", p.clone());
        }
        f
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, user: &CurrentUser) -> Vec<Field> {
        let parent_none = user.role.edits_all_content().then(|| tr.t("choice-none-top"));
        let mut parents = lk.editable_unit_choices(user, parent_none);
        // Keep the current parent selectable even when it lies outside a unit manager's scope.
        let current = form.text("parent");
        if !current.is_empty() && !parents.iter().any(|c| c.value == current) {
            parents.insert(
                0,
                crate::web::forms::Choice {
                    value: current.to_owned(),
                    label: lk.unit_name(current.parse().ok()),
                    depth: 0,
                },
            );
        }
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("kind", tr.t("field-unit-kind"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(vocabulary_choices(UnitKind::ALL, UnitKind::code, UnitKind::label_id, tr)),
            Field::new("parent", tr.t("field-parent"), FieldKind::Select, form, errors, tr).choices(parents),
            Field::new("manager", tr.t("field-manager"), FieldKind::Select, form, errors, tr)
                .choices(lk.people_choices(tr.t("choice-none"))),
            Field::new("address", tr.t("field-address"), FieldKind::Text, form, errors, tr)
                .maxlength(300)
                .autocomplete("address-line1"),
            Field::new("staff_count", tr.t("field-staff-count"), FieldKind::Number, form, errors, tr),
            Field::new("around_the_clock", tr.t("field-around-the-clock"), FieldKind::Checkbox, form, errors, tr)
                .hint(tr.t("hint-around-the-clock")),
            Field::new("description", tr.t("field-description"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("code", tr.t("field-unit-code"), FieldKind::Text, form, errors, tr)
                .maxlength(50)
                .hint(tr.t("hint-unit-code")),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, id: Option<i64>) -> Result<units::UnitInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", beredd_domain::text::Name::parse(form.text("name")).map(|n| Some(n.into_string())));
        let kind = e.take("kind", UnitKind::parse(form.text("kind")).map(Some));
        let parent_id = e.take("parent", optional_id(form.text("parent"), |p| lk.unit(p).is_some()));
        if let Some(id) = id
            && tree::would_cycle(&lk.parents, id, parent_id)
        {
            e.add("parent", FieldError::Cycle);
        }
        let manager_id = e.take("manager", optional_id(form.text("manager"), |p| lk.person(p).is_some()));
        let address = e.take("address", text::optional_line(form.text("address"), 300));
        let staff_count = e.take("staff_count", text::optional_number(form.text("staff_count"), 0, 100_000));
        let description = e.take("description", text::optional_text(form.text("description"), 4000));
        let code = e.take("code", text::optional_line(form.text("code"), 50));
        if code.is_some() && lk.units.iter().any(|u| u.code == code && Some(u.id) != id) {
            e.add("code", FieldError::Duplicate);
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(units::UnitInput {
            parent_id,
            kind: kind.unwrap_or(UnitKind::Enhet),
            name: name.unwrap_or_default(),
            manager_id,
            address,
            staff_count,
            around_the_clock: form.checked("around_the_clock"),
            description,
            code,
        })
    }

    fn may_create(user: &CurrentUser) -> bool {
        user.role.edits_all_content() || (user.role == beredd_domain::Role::UnitManager && !user.granted.is_empty())
    }
    /// A unit manager may create and move units only below a unit in their scope; their own top
    /// unit they may edit as long as it stays where it is. Moving units between scopes is for
    /// the coordinator.
    fn may_write_input(
        user: &CurrentUser,
        input: &units::UnitInput,
        before: Option<&units::Unit>,
        lk: &Lookups,
    ) -> bool {
        user.role.edits_all_content()
            || input.parent_id.is_some_and(|p| lk.may_edit_unit(user, p))
            || before.is_some_and(|b| b.parent_id == input.parent_id && lk.may_edit_unit(user, b.id))
    }
    fn may_write_record(user: &CurrentUser, r: &units::Unit, lk: &Lookups) -> bool {
        lk.may_edit_unit(user, r.id)
    }

    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        units::referrers(&db.pool, org, id).await
    }
}

/// A person's name in the unit's list of staff, which everyone sees: "Skyddad person" for one with
/// protected personal data (their own page shows them to those who may see them).
fn listed_name(p: &people::Person, tr: &Tr) -> String {
    if p.protected.get() { tr.t("protected-person") } else { p.name.clone() }
}
