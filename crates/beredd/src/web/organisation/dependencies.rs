//! The dependencies register: which activity or system needs which system, supplier or
//! resource, how hard, and the fallback routine that replaces it.

use beredd_domain::{FieldError, NeedKind, NodeKind, text};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::dependencies::{self, Dependency, DependencyInput, NodeNames};
use crate::store::{DbError, Referrer};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register};

pub struct Dependencies;

/// One end of an edge as a link: "Verksamhet: Larmbesök".
fn end(kind: NodeKind, id: i64, nodes: &NodeNames, tr: &Tr) -> Cell {
    Cell::Link {
        text: format!("{}: {}", tr.t(kind.label_id()), nodes.name(kind, id).unwrap_or("?")),
        href: format!("/{}/{id}", kind.slug()),
    }
}

fn node_choices(nodes: &NodeNames, kinds: &[NodeKind], tr: &Tr) -> Vec<Choice> {
    std::iter::once(Choice { value: String::new(), label: tr.t("choice-pick"), depth: 0 })
        .chain(nodes.of_kinds(kinds).into_iter().map(|(k, id, name)| Choice {
            value: format!("{}:{id}", k.code()),
            label: format!("{}: {name}", tr.t(k.label_id())),
            depth: 0,
        }))
        .collect()
}

/// Parses "system:12" into a node that exists and may stand at this end.
fn parse_node(
    input: &str,
    nodes: &NodeNames,
    allowed: impl Fn(NodeKind) -> bool,
) -> Result<(NodeKind, i64), FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let (kind, id) = input.split_once(':').ok_or(FieldError::Missing)?;
    let kind = NodeKind::parse(kind).map_err(|_| FieldError::Missing)?;
    let id: i64 = id.parse().map_err(|_| FieldError::Missing)?;
    if !allowed(kind) || nodes.name(kind, id).is_none() {
        return Err(FieldError::Missing);
    }
    Ok((kind, id))
}

async fn with_labels(
    conn: &mut AnyConnection,
    org: i64,
    mut deps: Vec<Dependency>,
) -> Result<Vec<Dependency>, DbError> {
    let nodes = NodeNames::load(conn, org).await?;
    for d in &mut deps {
        d.label = nodes.label(d);
    }
    Ok(deps)
}

impl crate::services::registers::Stored for Dependencies {
    type Record = Dependency;
    type Input = DependencyInput;
    const ENTITY: &'static str = "dependency";
    fn name(r: &Dependency) -> &str {
        &r.label
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Dependency>, DbError> {
        let Some(d) = dependencies::get(&mut *conn, org, id).await? else { return Ok(None) };
        Ok(with_labels(conn, org, vec![d]).await?.pop())
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &DependencyInput) -> Result<i64, DbError> {
        dependencies::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &DependencyInput) -> Result<(), DbError> {
        dependencies::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        dependencies::delete(conn, org, id).await
    }
}

impl Register for Dependencies {
    const SLUG: &'static str = "dependencies";
    const IMPORT: bool = true;

    fn duplicate() -> (&'static str, FieldError) {
        ("to", FieldError::DuplicateDependency)
    }

    fn id(r: &Dependency) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<Dependency>>, DbError> {
        crate::web::register::kept(db, org, || async {
            let mut conn = db.pool.acquire().await?;
            let deps = dependencies::list(&mut *conn, org).await?;
            with_labels(&mut conn, org, deps).await
        })
        .await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "from", label: tr.t("field-dependent") },
            Column { key: "to", label: tr.t("field-depends-on") },
            Column { key: "need", label: tr.t("field-need") },
            Column { key: "fallback", label: tr.t("field-fallback") },
        ]
    }
    fn row(r: &Dependency, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        let from = match end(r.from_kind, r.from_id, &lk.nodes, tr) {
            Cell::Link { text, .. } => Cell::Link { text, href: format!("/dependencies/{}", r.id) },
            other => other,
        };
        vec![from, end(r.to_kind, r.to_id, &lk.nodes, tr), Cell::Text(tr.t(r.need.label_id())), Cell::opt(&r.fallback)]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], _lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let needs = with_all(vocabulary_choices(NeedKind::ALL, NeedKind::code, NeedKind::label_id, tr), tr);
        vec![FilterView {
            name: "need",
            label: tr.t("field-need"),
            choices: needs,
            value: q.get("need").cloned().unwrap_or_default(),
        }]
    }
    fn keep(r: &Dependency, q: &Query_) -> bool {
        q.get("need").is_none_or(|n| n.is_empty() || n == r.need.code())
    }
    fn details(r: &Dependency, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-dependent"), value: end(r.from_kind, r.from_id, &lk.nodes, tr) },
            DetailItem { label: tr.t("field-depends-on"), value: end(r.to_kind, r.to_id, &lk.nodes, tr) },
            DetailItem { label: tr.t("field-need"), value: Cell::Text(tr.t(r.need.label_id())) },
            DetailItem { label: tr.t("field-fallback"), value: Cell::opt(&r.fallback) },
            DetailItem { label: tr.t("field-notes"), value: Cell::opt(&r.notes) },
        ]
    }
    fn values(r: &Dependency) -> FormData {
        FormData::from_pairs(vec![
            ("from".into(), format!("{}:{}", r.from_kind, r.from_id)),
            ("to".into(), format!("{}:{}", r.to_kind, r.to_id)),
            ("need".into(), r.need.code().into()),
            ("fallback".into(), r.fallback.clone().unwrap_or_default()),
            ("notes".into(), r.notes.clone().unwrap_or_default()),
        ])
    }
    fn defaults(q: &Query_) -> FormData {
        let mut f = FormData::default();
        f.set("need", "stops");
        if let Some(from) = q.get("from") {
            f.set("from", from.clone());
        }
        f
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("from", tr.t("field-dependent"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(node_choices(&lk.nodes, &[NodeKind::Activity, NodeKind::System], tr)),
            Field::new("to", tr.t("field-depends-on"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(node_choices(&lk.nodes, &[NodeKind::System, NodeKind::Supplier, NodeKind::Resource], tr)),
            Field::new("need", tr.t("field-need"), FieldKind::Select, form, errors, tr)
                .required()
                .hint(tr.t("hint-need"))
                .choices(vocabulary_choices(NeedKind::ALL, NeedKind::code, NeedKind::label_id, tr)),
            Field::new("fallback", tr.t("field-fallback"), FieldKind::TextArea, form, errors, tr)
                .maxlength(2000)
                .hint(tr.t("hint-fallback")),
            Field::new("notes", tr.t("field-notes"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<DependencyInput, Errors> {
        let mut e = Errors::default();
        let from =
            parse_node(form.text("from"), &lk.nodes, NodeKind::may_depend).map_err(|err| e.add("from", err)).ok();
        let to =
            parse_node(form.text("to"), &lk.nodes, NodeKind::may_be_depended_on).map_err(|err| e.add("to", err)).ok();
        if from.is_some() && from == to {
            e.add("to", FieldError::SelfEdge);
        }
        let need = e.take("need", NeedKind::parse(form.text("need")).map(Some));
        let fallback = e.take("fallback", text::optional_text(form.text("fallback"), 2000));
        let notes = e.take("notes", text::optional_text(form.text("notes"), 4000));
        match (from, to, need) {
            (Some(from), Some(to), Some(need)) if e.is_empty() => {
                Ok(DependencyInput { from, to, need, fallback, notes })
            }
            _ => Err(e),
        }
    }
    async fn referrers(_db: &Db, _org: i64, _id: i64) -> Result<Vec<Referrer>, DbError> {
        Ok(Vec::new())
    }
}
