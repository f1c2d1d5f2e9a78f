//! The activities register: what each unit does, for whom, and how critical it is.

use beredd_domain::{Criticality, FieldError, text};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, activities};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, flag, optional_id, yes_no};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register, Section};

pub struct Activities;

/// The analysis in lines: the tolerable outage, recovery times, the consequence at each
/// checkpoint with why, peak periods and minimum staffing.
fn bia_notes(b: &crate::store::bia::Bia, tr: &Tr) -> Vec<String> {
    let hours =
        |v: Option<i64>| v.map(|h| crate::web::continuity::bia::hours_text(h, tr)).unwrap_or_else(|| "–".into());
    let mut notes = vec![
        format!("{}: {}", tr.t("field-mtpd"), hours(b.mtpd_hours)),
        format!("{}: {}", tr.t("field-rto"), hours(b.rto_hours)),
        format!("{}: {}", tr.t("field-rpo"), hours(b.rpo_hours)),
    ];
    for (i, c) in crate::web::continuity::bia::CHECKPOINTS.iter().enumerate() {
        let level = b.levels()[i].map(|l| tr.t(&format!("level-{l}"))).unwrap_or_else(|| tr.t("level-none"));
        let text = b.texts()[i].map(|t| format!(" – {t}")).unwrap_or_default();
        notes.push(format!("{}: {level}{text}", tr.t(&format!("field-level-{c}"))));
    }
    if let Some(p) = &b.peak_periods {
        notes.push(format!("{}: {p}", tr.t("field-peak-periods")));
    }
    if let Some(m) = &b.min_staffing {
        notes.push(format!("{}: {m}", tr.t("field-min-staffing")));
    }
    notes
}

impl crate::services::registers::Stored for Activities {
    type Record = activities::Activity;
    type Input = activities::ActivityInput;
    const ENTITY: &'static str = "activity";
    fn name(r: &activities::Activity) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<activities::Activity>, DbError> {
        activities::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &activities::ActivityInput) -> Result<i64, DbError> {
        activities::insert(conn, org, input).await
    }
    async fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        input: &activities::ActivityInput,
    ) -> Result<(), DbError> {
        activities::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        activities::delete(conn, org, id).await
    }
}

impl Register for Activities {
    const SLUG: &'static str = "activities";
    const IMPORT: bool = true;

    fn id(r: &activities::Activity) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<activities::Activity>>, DbError> {
        crate::web::register::kept(db, org, || activities::list(&db.pool, org)).await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "unit", label: tr.t("field-unit") },
            Column { key: "criticality", label: tr.t("field-criticality") },
            Column { key: "society_critical", label: tr.t("field-society-critical-short") },
            Column { key: "recipients", label: tr.t("field-recipients") },
        ]
    }
    fn row(r: &activities::Activity, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/activities/{}", r.id) },
            Cell::Text(lk.unit_name(Some(r.unit_id))),
            Cell::Text(tr.t(r.criticality.label_id())),
            Cell::Text(if r.society_critical.get() { tr.t("yes") } else { String::new() }),
            Cell::opt(&r.recipients),
        ]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let crit = with_all(vocabulary_choices(Criticality::ALL, Criticality::code, Criticality::label_id, tr), tr);
        vec![
            FilterView {
                name: "unit",
                label: tr.t("field-unit"),
                choices: lk.unit_choices(Some(tr.t("filter-all"))),
                value: q.get("unit").cloned().unwrap_or_default(),
            },
            FilterView {
                name: "criticality",
                label: tr.t("field-criticality"),
                choices: crit,
                value: q.get("criticality").cloned().unwrap_or_default(),
            },
            FilterView {
                name: "society",
                label: tr.t("field-society-critical-short"),
                choices: with_all(vec![Choice { value: "1".into(), label: tr.t("yes"), depth: 0 }], tr),
                value: q.get("society").cloned().unwrap_or_default(),
            },
        ]
    }
    fn keep(r: &activities::Activity, q: &Query_) -> bool {
        q.get("unit").is_none_or(|u| u.is_empty() || *u == r.unit_id.to_string())
            && q.get("criticality").is_none_or(|c| c.is_empty() || c == r.criticality.code())
            && q.get("society").is_none_or(|s| s.is_empty() || r.society_critical.get())
    }
    fn details(r: &activities::Activity, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        vec![
            DetailItem {
                label: tr.t("field-unit"),
                value: Cell::Link { text: lk.unit_name(Some(r.unit_id)), href: format!("/units/{}", r.unit_id) },
            },
            DetailItem { label: tr.t("field-criticality"), value: Cell::Text(tr.t(r.criticality.label_id())) },
            DetailItem {
                label: tr.t("field-society-critical-short"),
                value: Cell::Text(yes_no(r.society_critical.get(), tr)),
            },
            DetailItem { label: tr.t("field-recipients"), value: Cell::opt(&r.recipients) },
            DetailItem { label: tr.t("field-description"), value: Cell::opt(&r.description) },
        ]
    }
    /// The business impact analysis, summarised, with links to edit and sign it off.
    async fn sections(
        r: &activities::Activity,
        _lk: &Lookups,
        tr: &Tr,
        db: &Db,
        org: i64,
    ) -> Result<Vec<Section>, DbError> {
        let Some(b) = crate::store::bia::get(&db.pool, org, r.id).await? else {
            return Ok(vec![Section {
                title: tr.t("bia-section"),
                notes: vec![tr.t("bia-missing")],
                add: Some((tr.t("bia-edit"), format!("/activities/{}/bia", r.id))),
                ..Default::default()
            }]);
        };
        let mut notes = bia_notes(&b, tr);
        let signed = match (&b.signed_off_by, &b.signed_off_at) {
            (Some(by), Some(at)) => tr.ts("bia-signed", "who", &format!("{by}, {at}")),
            _ => tr.t("bia-not-signed"),
        };
        notes.push(signed);
        let post =
            b.signed_off_by.is_none().then(|| (tr.t("bia-sign-off"), format!("/activities/{}/bia/sign-off", r.id)));
        Ok(vec![Section {
            title: tr.t("bia-section"),
            notes,
            add: Some((tr.t("bia-edit"), format!("/activities/{}/bia", r.id))),
            post,
            ..Default::default()
        }])
    }

    fn values(r: &activities::Activity) -> FormData {
        FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("unit".into(), r.unit_id.to_string()),
            ("criticality".into(), r.criticality.code().into()),
            ("society_critical".into(), flag(r.society_critical.get())),
            ("recipients".into(), r.recipients.clone().unwrap_or_default()),
            ("description".into(), r.description.clone().unwrap_or_default()),
        ])
    }
    fn defaults(q: &Query_) -> FormData {
        let mut f = FormData::default();
        f.set("criticality", "viktig");
        if let Some(u) = q.get("unit") {
            f.set("unit", u.clone());
        }
        f
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("unit", tr.t("field-unit"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(lk.editable_unit_choices(user, Some(tr.t("choice-pick")))),
            Field::new("criticality", tr.t("field-criticality"), FieldKind::Select, form, errors, tr)
                .required()
                .hint(tr.t("hint-criticality"))
                .choices(vocabulary_choices(Criticality::ALL, Criticality::code, Criticality::label_id, tr)),
            Field::new("society_critical", tr.t("field-society-critical"), FieldKind::Checkbox, form, errors, tr)
                .hint(tr.t("hint-society-critical")),
            Field::new("recipients", tr.t("field-recipients"), FieldKind::Text, form, errors, tr)
                .maxlength(300)
                .hint(tr.t("hint-recipients")),
            Field::new("description", tr.t("field-description"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<activities::ActivityInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let unit = e.take(
            "unit",
            optional_id(form.text("unit"), |u| lk.unit(u).is_some()).and_then(|u| u.ok_or(FieldError::Required)),
        );
        let criticality = e.take("criticality", Criticality::parse(form.text("criticality")).map(Some));
        let recipients = e.take("recipients", text::optional_line(form.text("recipients"), 300));
        let description = e.take("description", text::optional_text(form.text("description"), 4000));
        if !e.is_empty() {
            return Err(e);
        }
        Ok(activities::ActivityInput {
            unit_id: unit,
            name,
            description,
            recipients,
            criticality: criticality.unwrap_or(Criticality::Viktig),
            society_critical: form.checked("society_critical"),
        })
    }

    fn may_create(user: &CurrentUser) -> bool {
        user.role.edits_all_content() || (user.role == beredd_domain::Role::UnitManager && !user.granted.is_empty())
    }
    fn may_write_input(
        user: &CurrentUser,
        input: &activities::ActivityInput,
        _before: Option<&activities::Activity>,
        lk: &Lookups,
    ) -> bool {
        lk.may_edit_unit(user, input.unit_id)
    }
    fn may_write_record(user: &CurrentUser, r: &activities::Activity, lk: &Lookups) -> bool {
        lk.may_edit_unit(user, r.unit_id)
    }

    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        activities::referrers(&db.pool, org, id).await
    }
}
