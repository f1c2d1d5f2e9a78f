//! The people register: staff with their phone numbers, and outside contacts.

use beredd_domain::{ContactKind, FieldError, text};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::organisation::protection;
use crate::store::{DbError, Referrer, people};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Errors, Field, FieldKind, FormData, optional_id};
use crate::web::forms::{flag, yes_no};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register, Section};

pub struct People;

fn phone_cell(p: &Option<String>) -> Cell {
    match p {
        Some(n) => Cell::Tel(n.clone()),
        None => Cell::Text(String::new()),
    }
}

/// Where a person belongs: their unit, or for an outside contact their organisation.
fn affiliation(r: &people::Person, lk: &Lookups) -> String {
    if r.unit_id.is_some() {
        lk.unit_name(r.unit_id)
    } else if let Some(o) = &r.organisation {
        o.clone()
    } else {
        lk.supplier_name(r.supplier_id)
    }
}

impl crate::services::registers::Stored for People {
    type Record = people::Person;
    type Input = people::PersonInput;
    const ENTITY: &'static str = "person";
    fn name(r: &people::Person) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<people::Person>, DbError> {
        people::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &people::PersonInput) -> Result<i64, DbError> {
        people::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &people::PersonInput) -> Result<(), DbError> {
        people::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        people::delete(conn, org, id).await
    }
}

impl Register for People {
    const SLUG: &'static str = "people";
    const IMPORT: bool = true;

    fn id(r: &people::Person) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<people::Person>>, DbError> {
        crate::web::register::kept(db, org, || people::list(&db.pool, org)).await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "title", label: tr.t("field-title") },
            Column { key: "where", label: tr.t("field-affiliation") },
            Column { key: "phone", label: tr.t("field-work-phone") },
            Column { key: "off", label: tr.t("field-off-hours-short") },
        ]
    }
    fn row(r: &people::Person, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/people/{}", r.id) },
            Cell::opt(&r.title),
            Cell::Text(affiliation(r, lk)),
            phone_cell(&r.work_phone),
            Cell::Text(if r.reachable_off_hours.get() { tr.t("yes") } else { String::new() }),
        ]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let kinds = with_all(vocabulary_choices(ContactKind::ALL, ContactKind::code, ContactKind::label_id, tr), tr);
        vec![
            FilterView {
                name: "kind",
                label: tr.t("field-contact-kind"),
                choices: kinds,
                value: q.get("kind").cloned().unwrap_or_default(),
            },
            FilterView {
                name: "unit",
                label: tr.t("field-unit"),
                choices: lk.unit_choices(Some(tr.t("filter-all"))),
                value: q.get("unit").cloned().unwrap_or_default(),
            },
        ]
    }
    fn keep(r: &people::Person, q: &Query_) -> bool {
        q.get("kind").is_none_or(|k| k.is_empty() || k == r.kind.code())
            && q.get("unit")
                .is_none_or(|u| u.is_empty() || Some(u.as_str()) == r.unit_id.map(|x| x.to_string()).as_deref())
    }
    fn details(r: &people::Person, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-contact-kind"), value: Cell::Text(tr.t(r.kind.label_id())) },
            DetailItem { label: tr.t("field-title"), value: Cell::opt(&r.title) },
            DetailItem {
                label: tr.t("field-unit"),
                value: Cell::link_or_text(lk.unit_name(r.unit_id), r.unit_id.map(|u| format!("/units/{u}"))),
            },
            DetailItem { label: tr.t("field-organisation"), value: Cell::opt(&r.organisation) },
            DetailItem {
                label: tr.t("field-supplier"),
                value: Cell::link_or_text(
                    lk.supplier_name(r.supplier_id),
                    r.supplier_id.map(|s| format!("/suppliers/{s}")),
                ),
            },
            DetailItem { label: tr.t("field-work-phone"), value: phone_cell(&r.work_phone) },
            DetailItem { label: tr.t("field-private-phone"), value: phone_cell(&r.private_phone) },
            DetailItem {
                label: tr.t("field-email"),
                value: r.email.clone().map(Cell::Mail).unwrap_or(Cell::Text(String::new())),
            },
            DetailItem { label: tr.t("field-off-hours"), value: Cell::Text(yes_no(r.reachable_off_hours.get(), tr)) },
            DetailItem { label: tr.t("field-notes"), value: Cell::opt(&r.notes) },
            DetailItem { label: tr.t("field-employee-number"), value: Cell::opt(&r.employee_number) },
            DetailItem { label: tr.t("field-protected"), value: Cell::Text(yes_no(r.protected.get(), tr)) },
        ]
    }

    /// A person with protected personal data is seen only by those who must reach them; everyone
    /// else sees "Skyddad person" in their unit, with nothing that identifies or reaches them.
    fn shown<'r>(
        user: &CurrentUser,
        r: &'r people::Person,
        lk: &Lookups,
        tr: &Tr,
    ) -> Option<std::borrow::Cow<'r, people::Person>> {
        let may_see = !r.protected.get() || lk.may_see_protected(user, r.unit_id);
        Some(match may_see {
            true => std::borrow::Cow::Borrowed(r),
            false => std::borrow::Cow::Owned(protection::masked(r, &tr.t("protected-person"))),
        })
    }
    /// Never in the Excel list, which is handed out.
    fn exported(r: &people::Person) -> bool {
        !r.protected.get()
    }
    fn own_sections(user: &CurrentUser, r: &people::Person, tr: &Tr) -> Vec<Section> {
        if !user.role.edits_all_content() {
            return Vec::new();
        }
        let (note, label, action) = match r.protected.get() {
            true => ("protected-note-on", "protected-unmark", "unprotect"),
            false => ("protected-note-off", "protected-mark", "protect"),
        };
        vec![Section {
            title: tr.t("protected-title"),
            notes: vec![tr.t(note)],
            post: Some((tr.t(label), format!("/people/{}/{action}", r.id))),
            ..Section::default()
        }]
    }

    fn values(r: &people::Person) -> FormData {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("kind".into(), r.kind.code().into()),
            ("title".into(), s(&r.title)),
            ("unit".into(), crate::web::forms::opt_string(r.unit_id)),
            ("organisation".into(), s(&r.organisation)),
            ("supplier".into(), crate::web::forms::opt_string(r.supplier_id)),
            ("work_phone".into(), s(&r.work_phone)),
            ("private_phone".into(), s(&r.private_phone)),
            ("email".into(), s(&r.email)),
            ("reachable_off_hours".into(), flag(r.reachable_off_hours.get())),
            ("notes".into(), s(&r.notes)),
            ("employee_number".into(), s(&r.employee_number)),
        ])
    }
    fn defaults(q: &Query_) -> FormData {
        let mut f = FormData::default();
        f.set("kind", q.get("kind").cloned().unwrap_or_else(|| "staff".into()));
        if let Some(u) = q.get("unit") {
            f.set("unit", u.clone());
        }
        if let Some(s) = q.get("supplier") {
            f.set("supplier", s.clone());
        }
        f
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, user: &CurrentUser) -> Vec<Field> {
        let mut kinds = vocabulary_choices(ContactKind::ALL, ContactKind::code, ContactKind::label_id, tr);
        if !user.role.edits_all_content() {
            kinds.retain(|k| k.value == ContactKind::Staff.code());
        }
        let unit_none = user.role.edits_all_content().then(|| tr.t("choice-none"));
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr)
                .required()
                .maxlength(200)
                .autocomplete("name"),
            Field::new("kind", tr.t("field-contact-kind"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(kinds),
            Field::new("title", tr.t("field-title"), FieldKind::Text, form, errors, tr)
                .maxlength(200)
                .autocomplete("organization-title"),
            Field::new("unit", tr.t("field-unit"), FieldKind::Select, form, errors, tr)
                .hint(tr.t("hint-person-unit"))
                .choices(lk.editable_unit_choices(user, unit_none)),
            Field::new("organisation", tr.t("field-organisation"), FieldKind::Text, form, errors, tr)
                .maxlength(200)
                .hint(tr.t("hint-person-organisation")),
            Field::new("supplier", tr.t("field-supplier"), FieldKind::Select, form, errors, tr)
                .choices(lk.supplier_choices(tr.t("choice-none"))),
            Field::new("work_phone", tr.t("field-work-phone"), FieldKind::Tel, form, errors, tr)
                .maxlength(30)
                .hint(tr.t("hint-phone")),
            Field::new("private_phone", tr.t("field-private-phone"), FieldKind::Tel, form, errors, tr).maxlength(30),
            Field::new("email", tr.t("field-email"), FieldKind::Email, form, errors, tr).maxlength(254),
            Field::new("reachable_off_hours", tr.t("field-off-hours"), FieldKind::Checkbox, form, errors, tr),
            Field::new("notes", tr.t("field-notes"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("employee_number", tr.t("field-employee-number"), FieldKind::Text, form, errors, tr)
                .maxlength(50)
                .hint(tr.t("hint-employee-number")),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, id: Option<i64>) -> Result<people::PersonInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let kind = e.take("kind", ContactKind::parse(form.text("kind")).map(Some)).unwrap_or(ContactKind::Staff);
        let title = e.take("title", text::optional_line(form.text("title"), 200));
        let unit_id = e.take("unit", optional_id(form.text("unit"), |u| lk.unit(u).is_some()));
        // Staff belong to a unit: that is whose call list they are on and who keeps their record.
        if kind == ContactKind::Staff && unit_id.is_none() && !e.0.contains_key("unit") {
            e.add("unit", FieldError::Required);
        }
        let organisation = e.take("organisation", text::optional_line(form.text("organisation"), 200));
        let supplier_id = e.take("supplier", optional_id(form.text("supplier"), |s| lk.supplier(s).is_some()));
        let work_phone = e.take("work_phone", text::optional_phone(form.text("work_phone")));
        let private_phone = e.take("private_phone", text::optional_phone(form.text("private_phone")));
        let email = e.take("email", text::optional_email(form.text("email")));
        let notes = e.take("notes", text::optional_text(form.text("notes"), 4000));
        let employee_number = e.take("employee_number", text::optional_line(form.text("employee_number"), 50));
        if employee_number.is_some()
            && lk.people.iter().any(|p| p.employee_number == employee_number && Some(p.id) != id)
        {
            e.add("employee_number", FieldError::Duplicate);
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(people::PersonInput {
            kind,
            name,
            title,
            unit_id,
            organisation,
            supplier_id,
            work_phone,
            private_phone,
            email,
            reachable_off_hours: form.checked("reachable_off_hours"),
            notes,
            employee_number,
        })
    }

    fn may_create(user: &CurrentUser) -> bool {
        user.role.edits_all_content() || (user.role == beredd_domain::Role::UnitManager && !user.granted.is_empty())
    }
    /// A unit manager keeps the staff of their units; outside contacts are the coordinator's.
    fn may_write_input(
        user: &CurrentUser,
        input: &people::PersonInput,
        _before: Option<&people::Person>,
        lk: &Lookups,
    ) -> bool {
        user.role.edits_all_content()
            || (input.kind == ContactKind::Staff && input.unit_id.is_some_and(|u| lk.may_edit_unit(user, u)))
    }
    fn may_write_record(user: &CurrentUser, r: &people::Person, lk: &Lookups) -> bool {
        user.role.edits_all_content()
            || (r.kind == ContactKind::Staff && r.unit_id.is_some_and(|u| lk.may_edit_unit(user, u)))
    }

    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        people::referrers(&db.pool, org, id).await
    }
}
