//! The action plan (handlingsplan): what the organisation will do, by whom, by when.

use std::borrow::Cow;
use std::collections::HashSet;

use beredd_domain::{ActionOrigin, ActionStatus, Priority, text};
use sqlx::AnyConnection;

use crate::platform::day::optional_day;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, actions};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register};

pub struct Actions;

/// Overdue: a due date before today and not done or cancelled.
pub fn overdue(a: &actions::Action) -> bool {
    crate::services::attention::action_overdue(a, crate::platform::clock::today())
}

/// Where an action came from, linked to it: a requirement, a lesson, a risk analysis, a
/// framework requirement or a management review's decision; or added by hand.
fn origin(r: &actions::Action, tr: &Tr) -> Cell {
    match (r.origin, &r.origin_ref) {
        (ActionOrigin::Requirement, Some(o)) => {
            let (system, req) = o.split_once(':').unwrap_or(("", o));
            Cell::Link {
                text: tr.ts("action-origin-requirement", "req", req),
                href: format!("/systems/{system}/assessment/{req}"),
            }
        }
        (ActionOrigin::Lesson, Some(o)) => {
            let incident = o.trim_start_matches("incident:");
            Cell::Link {
                text: tr.ts("action-origin-lesson", "incident", incident),
                href: format!("/incidents/{incident}/lessons"),
            }
        }
        (ActionOrigin::Risk, Some(o)) => {
            let analysis = o.trim_start_matches("analysis:");
            Cell::Link { text: tr.t("action-origin-risk"), href: format!("/risks/analyses/{analysis}") }
        }
        (ActionOrigin::Review, Some(o)) => {
            let year = o.trim_start_matches("review:").split(':').next().unwrap_or("");
            let section = o.rsplit(':').next().unwrap_or("");
            Cell::Link {
                text: tr.ts("action-origin-review", "year", year),
                href: format!("/governance/review?year={year}#{section}"),
            }
        }
        (ActionOrigin::Framework, Some(o)) => {
            let (assessment, node) = o.trim_start_matches("assessment:").split_once(':').unwrap_or((o, ""));
            Cell::Link {
                text: tr.t("action-origin-framework"),
                href: format!("/assessments/{assessment}/requirements/{node}"),
            }
        }
        _ => Cell::Text(tr.t("action-origin-manual")),
    }
}

/// The staff who are responsible for an action (and the one chosen, if any), in Swedish order:
/// the responsible filter's choices, not every member of staff of a large municipality.
fn owners(all: &[Cow<'_, actions::Action>], lk: &Lookups, chosen: Option<&String>) -> Vec<Choice> {
    let chosen = chosen.and_then(|c| c.parse::<i64>().ok());
    let owning: HashSet<i64> = all.iter().filter_map(|a| a.owner_id).chain(chosen).collect();
    lk.staff_choices_among(&owning)
}

impl crate::services::registers::Stored for Actions {
    type Record = actions::Action;
    type Input = actions::ActionInput;
    const ENTITY: &'static str = "action";
    fn name(r: &actions::Action) -> &str {
        &r.title
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<actions::Action>, DbError> {
        actions::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &actions::ActionInput) -> Result<i64, DbError> {
        actions::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &actions::ActionInput) -> Result<(), DbError> {
        actions::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        actions::delete(conn, org, id).await
    }
}

impl Register for Actions {
    const SLUG: &'static str = "actions";

    fn id(r: &actions::Action) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<actions::Action>>, DbError> {
        crate::store::versions::kept_data(db, org, || actions::list(&db.pool, org)).await
    }
    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "title", label: tr.t("field-action") },
            Column { key: "owner", label: tr.t("field-responsible") },
            Column { key: "due", label: tr.t("field-due-date") },
            Column { key: "status", label: tr.t("field-status") },
            Column { key: "priority", label: tr.t("field-priority") },
        ]
    }
    fn row(r: &actions::Action, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        let due = r.due_date.map(|d| d.to_string()).unwrap_or_default();
        vec![
            Cell::Link { text: r.title.clone(), href: format!("/actions/{}", r.id) },
            Cell::Text(lk.person_name(r.owner_id)),
            Cell::Text(if overdue(r) { format!("{due} ({})", tr.t("action-overdue")) } else { due }),
            Cell::Text(tr.t(r.status.label_id())),
            Cell::Text(tr.t(r.priority.label_id())),
        ]
    }
    fn filters(all: &[Cow<'_, Self::Record>], lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let mut statuses =
            with_all(vocabulary_choices(ActionStatus::ALL, ActionStatus::code, ActionStatus::label_id, tr), tr);
        statuses.push(Choice { value: "overdue".into(), label: tr.t("action-status-overdue"), depth: 0 });
        let origins =
            with_all(vocabulary_choices(ActionOrigin::ALL, ActionOrigin::code, ActionOrigin::label_id, tr), tr);
        let value = |k: &str| q.get(k).cloned().unwrap_or_default();
        vec![
            FilterView { name: "status", label: tr.t("field-status"), choices: statuses, value: value("status") },
            FilterView {
                name: "owner",
                label: tr.t("field-responsible"),
                choices: with_all(
                    std::iter::once(Choice { value: "me".into(), label: tr.t("action-mine"), depth: 0 })
                        .chain(owners(all, lk, q.get("owner")))
                        .collect(),
                    tr,
                ),
                value: value("owner"),
            },
            FilterView {
                name: "unit",
                label: tr.t("field-unit"),
                choices: lk.unit_choices(Some(tr.t("filter-all"))),
                value: value("unit"),
            },
            FilterView { name: "origin", label: tr.t("field-origin"), choices: origins, value: value("origin") },
        ]
    }
    fn keep(r: &actions::Action, q: &Query_) -> bool {
        let status = match q.get("status").map(String::as_str) {
            None | Some("") => true,
            Some("overdue") => overdue(r),
            Some(s) => r.status.code() == s,
        };
        let id_matches = |key: &str, value: Option<i64>| {
            q.get(key).filter(|v| !v.is_empty()).is_none_or(|v| value.map(|x| x.to_string()) == Some(v.clone()))
        };
        let origin = q.get("origin").filter(|v| !v.is_empty()).is_none_or(|o| r.origin.code() == o);
        status && origin && id_matches("owner", r.owner_id) && id_matches("unit", r.unit_id)
    }
    fn details(r: &actions::Action, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        let origin = origin(r, tr);
        vec![
            DetailItem { label: tr.t("field-origin"), value: origin },
            DetailItem {
                label: tr.t("field-responsible"),
                value: Cell::link_or_text(lk.person_name(r.owner_id), r.owner_id.map(|p| format!("/people/{p}"))),
            },
            DetailItem {
                label: tr.t("field-unit"),
                value: Cell::link_or_text(lk.unit_name(r.unit_id), r.unit_id.map(|u| format!("/units/{u}"))),
            },
            DetailItem { label: tr.t("field-priority"), value: Cell::Text(tr.t(r.priority.label_id())) },
            DetailItem { label: tr.t("field-due-date"), value: Cell::opt(&r.due_date.map(|d| d.to_string())) },
            DetailItem { label: tr.t("field-status"), value: Cell::Text(tr.t(r.status.label_id())) },
            DetailItem { label: tr.t("field-notes"), value: Cell::opt(&r.notes) },
        ]
    }
    fn values(r: &actions::Action) -> FormData {
        FormData::from_pairs(vec![
            ("title".into(), r.title.clone()),
            ("owner".into(), crate::web::forms::opt_string(r.owner_id)),
            ("unit".into(), crate::web::forms::opt_string(r.unit_id)),
            ("priority".into(), r.priority.code().into()),
            ("due_date".into(), r.due_date.map(|d| d.to_string()).unwrap_or_default()),
            ("status".into(), r.status.code().into()),
            ("notes".into(), r.notes.clone().unwrap_or_default()),
            ("origin".into(), r.origin.code().to_owned()),
            ("origin_ref".into(), r.origin_ref.clone().unwrap_or_default()),
        ])
    }
    fn defaults(_q: &Query_) -> FormData {
        FormData::from_pairs(vec![("priority".into(), "medium".into()), ("status".into(), "planned".into())])
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("title", tr.t("field-action"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, errors, tr)
                .choices(lk.staff_choices(tr.t("choice-none"))),
            Field::new("unit", tr.t("field-unit"), FieldKind::Select, form, errors, tr)
                .choices(lk.unit_choices(Some(tr.t("choice-none")))),
            Field::new("priority", tr.t("field-priority"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(vocabulary_choices(Priority::ALL, Priority::code, Priority::label_id, tr)),
            Field::new("due_date", tr.t("field-due-date"), FieldKind::Date, form, errors, tr)
                .maxlength(10)
                .hint(tr.t("hint-date")),
            Field::new("status", tr.t("field-status"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(vocabulary_choices(ActionStatus::ALL, ActionStatus::code, ActionStatus::label_id, tr)),
            Field::new("notes", tr.t("field-progress"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<actions::ActionInput, Errors> {
        let mut e = Errors::default();
        let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
        let owner_id = e.take("owner", optional_id(form.text("owner"), |p| lk.is_staff(p)));
        let unit_id = e.take("unit", optional_id(form.text("unit"), |u| lk.unit(u).is_some()));
        let priority = e.take("priority", Priority::parse(form.text("priority")).map(Some));
        let due_date = e.take("due_date", optional_day(form.text("due_date")));
        let status = e.take("status", ActionStatus::parse(form.text("status")).map(Some));
        let notes = e.take("notes", text::optional_text(form.text("notes"), 4000));
        if !e.is_empty() {
            return Err(e);
        }
        // The origin is kept as it was; a new action made by hand is "manual".
        let origin = ActionOrigin::parse(form.text("origin")).unwrap_or(ActionOrigin::Manual);
        let origin_ref =
            Some(form.text("origin_ref").trim().to_owned()).filter(|s| !s.is_empty() && origin != ActionOrigin::Manual);
        Ok(actions::ActionInput {
            title,
            origin,
            origin_ref,
            owner_id,
            unit_id,
            priority: priority.unwrap_or(Priority::Medium),
            due_date,
            status: status.unwrap_or(ActionStatus::Planned),
            notes,
        })
    }
    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        actions::referrers(&db.pool, org, id).await
    }
}
