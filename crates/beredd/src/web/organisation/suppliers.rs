//! The suppliers register.

use beredd_domain::text;
use sqlx::AnyConnection;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, suppliers, systems};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::lookups::Lookups;
use crate::web::register::{Cell, Column, DetailItem, Register, Section};

pub struct Suppliers;

impl crate::services::registers::Stored for Suppliers {
    type Record = suppliers::Supplier;
    type Input = suppliers::SupplierInput;
    const ENTITY: &'static str = "supplier";
    fn name(r: &suppliers::Supplier) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<suppliers::Supplier>, DbError> {
        suppliers::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &suppliers::SupplierInput) -> Result<i64, DbError> {
        suppliers::insert(conn, org, input).await
    }
    async fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        input: &suppliers::SupplierInput,
    ) -> Result<(), DbError> {
        suppliers::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        suppliers::delete(conn, org, id).await
    }
}

impl Register for Suppliers {
    const SLUG: &'static str = "suppliers";
    const IMPORT: bool = true;

    fn id(r: &suppliers::Supplier) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<suppliers::Supplier>>, DbError> {
        crate::web::register::kept(db, org, || suppliers::list(&db.pool, org)).await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "contract", label: tr.t("field-contract-ref") },
            Column { key: "phone", label: tr.t("field-phone") },
            Column { key: "email", label: tr.t("field-email") },
        ]
    }
    fn row(r: &suppliers::Supplier, _lk: &Lookups, _tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/suppliers/{}", r.id) },
            Cell::opt(&r.contract_ref),
            r.phone.clone().map(Cell::Tel).unwrap_or(Cell::Text(String::new())),
            Cell::opt(&r.email),
        ]
    }
    fn details(r: &suppliers::Supplier, _lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-org-number"), value: Cell::opt(&r.org_number) },
            DetailItem { label: tr.t("field-contract-ref"), value: Cell::opt(&r.contract_ref) },
            DetailItem {
                label: tr.t("field-phone"),
                value: r.phone.clone().map(Cell::Tel).unwrap_or(Cell::Text(String::new())),
            },
            DetailItem {
                label: tr.t("field-email"),
                value: r.email.clone().map(Cell::Mail).unwrap_or(Cell::Text(String::new())),
            },
            DetailItem { label: tr.t("field-notes"), value: Cell::opt(&r.notes) },
        ]
    }
    async fn sections(
        r: &suppliers::Supplier,
        lk: &Lookups,
        tr: &Tr,
        db: &Db,
        org: i64,
    ) -> Result<Vec<Section>, DbError> {
        let contacts = lk
            .people
            .iter()
            .filter(|p| p.supplier_id == Some(r.id))
            .map(|p| (p.name.clone(), format!("/people/{}", p.id)))
            .collect();
        let systems = systems::list(&db.pool, org)
            .await?
            .into_iter()
            .filter(|s| s.supplier_id == Some(r.id))
            .map(|s| (s.name, format!("/systems/{}", s.id)))
            .collect();
        Ok(vec![
            Section {
                title: tr.t("suppliers-contacts"),
                items: contacts,
                add: Some((tr.t("people-new"), format!("/people/new?kind=external&supplier={}", r.id))),
                ..Default::default()
            },
            Section { title: tr.t("nav-systems"), items: systems, add: None, ..Default::default() },
        ])
    }

    fn values(r: &suppliers::Supplier) -> FormData {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("org_number".into(), s(&r.org_number)),
            ("contract_ref".into(), s(&r.contract_ref)),
            ("phone".into(), s(&r.phone)),
            ("email".into(), s(&r.email)),
            ("notes".into(), s(&r.notes)),
        ])
    }
    fn fields(form: &FormData, errors: &Errors, _lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("org_number", tr.t("field-org-number"), FieldKind::Text, form, errors, tr)
                .maxlength(11)
                .hint(tr.t("hint-org-number")),
            Field::new("contract_ref", tr.t("field-contract-ref"), FieldKind::Text, form, errors, tr).maxlength(200),
            Field::new("phone", tr.t("field-phone"), FieldKind::Tel, form, errors, tr)
                .maxlength(30)
                .hint(tr.t("hint-phone")),
            Field::new("email", tr.t("field-email"), FieldKind::Email, form, errors, tr).maxlength(254),
            Field::new("notes", tr.t("field-notes"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        ]
    }
    fn parse(form: &FormData, _lk: &Lookups, _id: Option<i64>) -> Result<suppliers::SupplierInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let org_number = e.take("org_number", text::optional_org_number(form.text("org_number")));
        let contract_ref = e.take("contract_ref", text::optional_line(form.text("contract_ref"), 200));
        let phone = e.take("phone", text::optional_phone(form.text("phone")));
        let email = e.take("email", text::optional_email(form.text("email")));
        let notes = e.take("notes", text::optional_text(form.text("notes"), 4000));
        if !e.is_empty() {
            return Err(e);
        }
        Ok(suppliers::SupplierInput { name, org_number, contract_ref, phone, email, notes })
    }

    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        suppliers::referrers(&db.pool, org, id).await
    }
}
