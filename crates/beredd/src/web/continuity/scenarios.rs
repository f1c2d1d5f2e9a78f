//! Saved outage scenarios: what fails and for how long, to re-run after the data changes.

use beredd_domain::{FieldError, NodeKind, text};
use sqlx::AnyConnection;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::continuity::outage::Category;
use crate::services::continuity::scenarios::DURATIONS;
use crate::store::{DbError, Referrer, scenarios};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData};
use crate::web::lookups::Lookups;
use crate::web::register::{Cell, Column, DetailItem, Register, Section};

pub struct Scenarios;

fn duration_label(hours: i64, tr: &Tr) -> String {
    DURATIONS
        .iter()
        .find(|(h, _)| i64::from(*h) == hours)
        .map(|(_, id)| tr.t(id))
        .unwrap_or_else(|| tr.tn("hours", hours))
}

/// The names of what a scenario fails, for lists and details.
fn failed_names(s: &scenarios::Scenario, lk: &Lookups, tr: &Tr) -> Vec<String> {
    let mut out: Vec<String> = s
        .categories
        .split_whitespace()
        .filter_map(Category::parse)
        .map(|c| tr.t(&format!("outage-category-{}", c.code())))
        .collect();
    out.extend(s.failed.split_whitespace().filter_map(|v| {
        let (k, id) = v.split_once(':')?;
        let kind = NodeKind::parse(k).ok()?;
        lk.nodes.name(kind, id.parse().ok()?).map(str::to_owned)
    }));
    out
}

impl crate::services::registers::Stored for Scenarios {
    type Record = scenarios::Scenario;
    type Input = scenarios::ScenarioInput;
    const ENTITY: &'static str = "scenario";
    fn name(r: &scenarios::Scenario) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<scenarios::Scenario>, DbError> {
        scenarios::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &scenarios::ScenarioInput) -> Result<i64, DbError> {
        scenarios::insert(conn, org, input).await
    }
    async fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        input: &scenarios::ScenarioInput,
    ) -> Result<(), DbError> {
        scenarios::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        scenarios::delete(conn, org, id).await
    }
}

impl Register for Scenarios {
    const SLUG: &'static str = "scenarios";

    fn id(r: &scenarios::Scenario) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<scenarios::Scenario>>, DbError> {
        Ok(std::sync::Arc::new(scenarios::list(&db.pool, org).await?))
    }
    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "fails", label: tr.t("outage-what-fails") },
            Column { key: "hours", label: tr.t("outage-duration") },
            Column { key: "run", label: tr.t("scenario-last-run") },
        ]
    }
    fn row(r: &scenarios::Scenario, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/scenarios/{}", r.id) },
            Cell::Text(failed_names(r, lk, tr).join(", ")),
            Cell::Text(duration_label(r.hours, tr)),
            Cell::opt(&r.last_run_at.map(String::from)),
        ]
    }
    fn details(r: &scenarios::Scenario, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem { label: tr.t("field-description"), value: Cell::opt(&r.description) },
            DetailItem { label: tr.t("outage-what-fails"), value: Cell::Text(failed_names(r, lk, tr).join(", ")) },
            DetailItem { label: tr.t("outage-duration"), value: Cell::Text(duration_label(r.hours, tr)) },
            DetailItem { label: tr.t("scenario-last-run"), value: Cell::opt(&r.last_run_at.map(String::from)) },
            DetailItem { label: tr.t("scenario-previous-run"), value: Cell::opt(&r.previous_run_at.map(String::from)) },
        ]
    }
    async fn sections(
        r: &scenarios::Scenario,
        _lk: &Lookups,
        tr: &Tr,
        _db: &Db,
        _org: i64,
    ) -> Result<Vec<Section>, DbError> {
        let mut notes = vec![tr.t("scenario-run-help")];
        if r.last_run_at.is_some() {
            notes.push(tr.t("scenario-has-result"));
        }
        Ok(vec![Section {
            title: tr.t("scenario-run-title"),
            notes,
            items: r
                .last_run_at
                .as_ref()
                .map(|_| vec![(tr.t("scenario-show-result"), format!("/outage?scenario={}", r.id))])
                .unwrap_or_default(),
            post: Some((tr.t("scenario-run"), format!("/scenarios/{}/run", r.id))),
            ..Default::default()
        }])
    }
    fn values(r: &scenarios::Scenario) -> FormData {
        let mut f = FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("description".into(), r.description.clone().unwrap_or_default()),
            ("hours".into(), r.hours.to_string()),
        ]);
        for v in r.failed.split_whitespace() {
            f.push("fail", v);
        }
        for c in r.categories.split_whitespace() {
            f.push("category", c);
        }
        f
    }
    fn defaults(_q: &crate::web::register::Query_) -> FormData {
        FormData::from_pairs(vec![("hours".into(), "24".into())])
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        let categories = Category::ALL
            .iter()
            .map(|c| Choice { value: c.code().into(), label: tr.t(&format!("outage-category-{}", c.code())), depth: 0 })
            .collect();
        let nodes = lk
            .nodes
            .of_kinds(&[NodeKind::System, NodeKind::Supplier, NodeKind::Resource])
            .into_iter()
            .map(|(k, id, name)| Choice {
                value: format!("{}:{id}", k.code()),
                label: format!("{}: {name}", tr.t(k.label_id())),
                depth: 0,
            })
            .collect();
        let durations =
            DURATIONS.iter().map(|(h, id)| Choice { value: h.to_string(), label: tr.t(id), depth: 0 }).collect();
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("description", tr.t("field-description"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("category", tr.t("scenario-categories"), FieldKind::MultiCheck, form, errors, tr)
                .choices(categories),
            Field::new("fail", tr.t("outage-what-fails"), FieldKind::MultiCheck, form, errors, tr).choices(nodes),
            Field::new("hours", tr.t("outage-duration"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(durations),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<scenarios::ScenarioInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let description = e.take("description", text::optional_text(form.text("description"), 4000));
        let mut categories = Vec::new();
        for c in form.all("category") {
            match Category::parse(c) {
                Some(c) if !categories.contains(&c.code().to_owned()) => categories.push(c.code().to_owned()),
                Some(_) => {}
                None => e.add("category", FieldError::Choice),
            }
        }
        let failed = failed(form, lk, &mut e);
        if failed.is_empty() && categories.is_empty() && !e.0.contains_key("fail") {
            e.add("fail", FieldError::NothingChosen);
        }
        let hours = form
            .text("hours")
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|h| DURATIONS.iter().any(|(d, _)| i64::from(*d) == *h));
        if hours.is_none() {
            e.add("hours", FieldError::Choice);
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(scenarios::ScenarioInput { name, description, failed, categories, hours: hours.unwrap_or(24) })
    }
    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        scenarios::referrers(&db.pool, org, id).await
    }
}

/// The systems, suppliers and resources chosen to fail ("kind:id"), each once; one the registers
/// do not have (or an activity) is an error.
fn failed(form: &FormData, lk: &Lookups, e: &mut Errors) -> Vec<String> {
    let mut failed = Vec::new();
    for v in form.all("fail") {
        let known = v
            .split_once(':')
            .and_then(|(k, id)| Some((NodeKind::parse(k).ok()?, id.parse::<i64>().ok()?)))
            .filter(|(k, id)| *k != NodeKind::Activity && lk.nodes.name(*k, *id).is_some());
        match known {
            Some(_) if !failed.contains(&v.to_owned()) => failed.push(v.to_owned()),
            Some(_) => {}
            None => e.add("fail", FieldError::Missing),
        }
    }
    failed
}
