//! The resources register: what activities and systems need beyond the registered systems.

use beredd_domain::{ResourceKind, text};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, resources};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Errors, Field, FieldKind, FormData};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register};

pub struct Resources;

impl crate::services::registers::Stored for Resources {
    type Record = resources::Resource;
    type Input = resources::ResourceInput;
    const ENTITY: &'static str = "resource";
    fn name(r: &resources::Resource) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<resources::Resource>, DbError> {
        resources::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &resources::ResourceInput) -> Result<i64, DbError> {
        resources::insert(conn, org, input).await
    }
    async fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        input: &resources::ResourceInput,
    ) -> Result<(), DbError> {
        resources::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        resources::delete(conn, org, id).await
    }
}

impl Register for Resources {
    const SLUG: &'static str = "resources";
    const IMPORT: bool = true;

    fn id(r: &resources::Resource) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<resources::Resource>>, DbError> {
        crate::web::register::kept(db, org, || resources::list(&db.pool, org)).await
    }
    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "kind", label: tr.t("field-resource-kind") },
            Column { key: "description", label: tr.t("field-description") },
        ]
    }
    fn row(r: &resources::Resource, _lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/resources/{}", r.id) },
            Cell::Text(tr.t(r.kind.label_id())),
            Cell::opt(&r.description),
        ]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], _lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let kinds = with_all(vocabulary_choices(ResourceKind::ALL, ResourceKind::code, ResourceKind::label_id, tr), tr);
        vec![FilterView {
            name: "kind",
            label: tr.t("field-resource-kind"),
            choices: kinds,
            value: q.get("kind").cloned().unwrap_or_default(),
        }]
    }
    fn keep(r: &resources::Resource, q: &Query_) -> bool {
        q.get("kind").is_none_or(|k| k.is_empty() || k == r.kind.code())
    }
    fn details(r: &resources::Resource, _lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-resource-kind"), value: Cell::Text(tr.t(r.kind.label_id())) },
            DetailItem { label: tr.t("field-description"), value: Cell::opt(&r.description) },
        ]
    }
    fn values(r: &resources::Resource) -> FormData {
        FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("kind".into(), r.kind.code().into()),
            ("description".into(), r.description.clone().unwrap_or_default()),
        ])
    }
    fn fields(form: &FormData, errors: &Errors, _lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("kind", tr.t("field-resource-kind"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(vocabulary_choices(ResourceKind::ALL, ResourceKind::code, ResourceKind::label_id, tr)),
            Field::new("description", tr.t("field-description"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        ]
    }
    fn parse(form: &FormData, _lk: &Lookups, _id: Option<i64>) -> Result<resources::ResourceInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let kind = e.take("kind", ResourceKind::parse(form.text("kind")).map(Some));
        let description = e.take("description", text::optional_text(form.text("description"), 4000));
        if !e.is_empty() {
            return Err(e);
        }
        Ok(resources::ResourceInput { name, kind: kind.unwrap_or(ResourceKind::Other), description })
    }
    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        resources::referrers(&db.pool, org, id).await
    }
}
