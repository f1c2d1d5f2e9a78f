//! The systems register: IT systems, services, welfare technology, and where each runs.

use beredd_domain::{FieldError, Hosting, ResourceKind, SystemKind, text};
use sqlx::AnyConnection;
use std::borrow::Cow;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, systems};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id};
use crate::web::lookups::{Lookups, vocabulary_choices, with_all};
use crate::web::register::{Cell, Column, DetailItem, FilterView, Query_, Register, Section};

pub struct Systems;

impl crate::services::registers::Stored for Systems {
    type Record = systems::System;
    type Input = systems::SystemInput;
    const ENTITY: &'static str = "system";
    fn name(r: &systems::System) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<systems::System>, DbError> {
        systems::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &systems::SystemInput) -> Result<i64, DbError> {
        systems::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &systems::SystemInput) -> Result<(), DbError> {
        systems::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        systems::delete(conn, org, id).await
    }
}

impl Register for Systems {
    const SLUG: &'static str = "systems";
    const IMPORT: bool = true;

    fn id(r: &systems::System) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<systems::System>>, DbError> {
        crate::web::register::kept(db, org, || systems::list(&db.pool, org)).await
    }

    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "kind", label: tr.t("field-system-kind") },
            Column { key: "hosting", label: tr.t("field-hosting") },
            Column { key: "owner", label: tr.t("field-owner") },
            Column { key: "supplier", label: tr.t("field-supplier") },
        ]
    }
    fn row(r: &systems::System, lk: &Lookups, tr: &Tr) -> Vec<Cell> {
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/systems/{}", r.id) },
            Cell::Text(tr.t(r.kind.label_id())),
            Cell::Text(tr.t(r.hosting.label_id())),
            Cell::Text(lk.person_name(r.owner_id)),
            Cell::Text(lk.supplier_name(r.supplier_id)),
        ]
    }
    fn filters(_all: &[Cow<'_, Self::Record>], _lk: &Lookups, tr: &Tr, q: &Query_) -> Vec<FilterView> {
        let hosting = with_all(vocabulary_choices(Hosting::ALL, Hosting::code, Hosting::label_id, tr), tr);
        let kinds = with_all(vocabulary_choices(SystemKind::ALL, SystemKind::code, SystemKind::label_id, tr), tr);
        vec![
            FilterView {
                name: "kind",
                label: tr.t("field-system-kind"),
                choices: kinds,
                value: q.get("kind").cloned().unwrap_or_default(),
            },
            FilterView {
                name: "hosting",
                label: tr.t("field-hosting"),
                choices: hosting,
                value: q.get("hosting").cloned().unwrap_or_default(),
            },
        ]
    }
    fn keep(r: &systems::System, q: &Query_) -> bool {
        q.get("kind").is_none_or(|k| k.is_empty() || k == r.kind.code())
            && q.get("hosting").is_none_or(|h| h.is_empty() || h == r.hosting.code())
    }
    fn details(r: &systems::System, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        let units = r.unit_ids.iter().map(|u| (lk.unit_name(Some(*u)), format!("/units/{u}"))).collect();
        vec![
            DetailItem { label: tr.t("field-purpose"), value: Cell::opt(&r.purpose) },
            DetailItem { label: tr.t("field-system-kind"), value: Cell::Text(tr.t(r.kind.label_id())) },
            DetailItem { label: tr.t("field-hosting"), value: Cell::Text(tr.t(r.hosting.label_id())) },
            DetailItem {
                label: tr.t("field-owner"),
                value: Cell::link_or_text(lk.person_name(r.owner_id), r.owner_id.map(|p| format!("/people/{p}"))),
            },
            DetailItem {
                label: tr.t("field-supplier"),
                value: Cell::link_or_text(
                    lk.supplier_name(r.supplier_id),
                    r.supplier_id.map(|s| format!("/suppliers/{s}")),
                ),
            },
            DetailItem {
                label: tr.t("field-provides"),
                value: Cell::Text(r.provides.map(|k| tr.t(k.label_id())).unwrap_or_default()),
            },
            DetailItem { label: tr.t("field-used-by"), value: Cell::Links(units) },
            DetailItem { label: tr.t("field-notes"), value: Cell::opt(&r.notes) },
            DetailItem { label: tr.t("field-system-code"), value: Cell::opt(&r.code) },
        ]
    }
    /// The level the system must meet: per aspect the highest of the information it holds.
    async fn sections(r: &systems::System, _lk: &Lookups, tr: &Tr, db: &Db, org: i64) -> Result<Vec<Section>, DbError> {
        let held = crate::services::organisation::systems::held_by(db, org, r.id).await?;
        let mut notes = Vec::new();
        let mut links: Vec<(String, String)> = held
            .assets
            .iter()
            .map(|a| {
                let name = format!("{} ({})", a.name, super::assets::levels_text(a.current.as_ref()));
                (name, format!("/assets/{}", a.id))
            })
            .collect();
        match held.levels {
            None => notes.push(tr.t("system-no-classified")),
            Some(levels) => {
                let short = format!("K{} R{} T{} S{}", levels.k, levels.r, levels.t, levels.s);
                let words = levels_in_words(&levels, tr);
                notes.push(tr.args("system-required-level", &[("levels", &words), ("short", &short)]));
                if levels.outside_ordinary_handling() {
                    notes.push(tr.t("requirements-level-4"));
                }
                let query = super::assets::requirements_query(&levels, &held.flags);
                links.insert(0, (tr.t("asset-show-requirements"), query));
            }
        }
        links.extend(system_links(r.id, tr));
        let information = Section { title: tr.t("system-information"), notes, items: links, ..Default::default() };
        Ok(vec![dependents_section(r.id, tr, db, org).await?, information])
    }

    fn values(r: &systems::System) -> FormData {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut f = FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("purpose".into(), s(&r.purpose)),
            ("kind".into(), r.kind.code().into()),
            ("owner".into(), crate::web::forms::opt_string(r.owner_id)),
            ("supplier".into(), crate::web::forms::opt_string(r.supplier_id)),
            ("hosting".into(), r.hosting.code().into()),
            ("notes".into(), s(&r.notes)),
            ("code".into(), s(&r.code)),
            ("provides".into(), r.provides.map(|p| p.code().into()).unwrap_or_default()),
        ]);
        for u in &r.unit_ids {
            f.push("units", u.to_string());
        }
        f
    }
    fn defaults(_q: &Query_) -> FormData {
        FormData::from_pairs(vec![("kind".into(), "it_system".into()), ("hosting".into(), "internal".into())])
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("purpose", tr.t("field-purpose"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("kind", tr.t("field-system-kind"), FieldKind::Select, form, errors, tr)
                .required()
                .choices(vocabulary_choices(SystemKind::ALL, SystemKind::code, SystemKind::label_id, tr)),
            Field::new("hosting", tr.t("field-hosting"), FieldKind::Select, form, errors, tr)
                .required()
                .hint(tr.t("hint-hosting"))
                .choices(vocabulary_choices(Hosting::ALL, Hosting::code, Hosting::label_id, tr)),
            Field::new("owner", tr.t("field-owner"), FieldKind::Select, form, errors, tr)
                .hint(tr.t("hint-owner"))
                .choices(lk.people_choices(tr.t("choice-none"))),
            Field::new("supplier", tr.t("field-supplier"), FieldKind::Select, form, errors, tr)
                .choices(lk.supplier_choices(tr.t("choice-none"))),
            Field::new("provides", tr.t("field-provides"), FieldKind::Select, form, errors, tr)
                .hint(tr.t("hint-provides"))
                .choices({
                    let mut c = vocabulary_choices(ResourceKind::ALL, ResourceKind::code, ResourceKind::label_id, tr);
                    c.insert(0, Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 });
                    c
                }),
            Field::new("units", tr.t("field-used-by"), FieldKind::MultiCheck, form, errors, tr)
                .choices(lk.unit_choices(None)),
            Field::new("notes", tr.t("field-notes"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("code", tr.t("field-system-code"), FieldKind::Text, form, errors, tr)
                .maxlength(50)
                .hint(tr.t("hint-system-code")),
        ]
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<systems::SystemInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let purpose = e.take("purpose", text::optional_text(form.text("purpose"), 4000));
        let kind = e.take("kind", SystemKind::parse(form.text("kind")).map(Some));
        let hosting = e.take("hosting", Hosting::parse(form.text("hosting")).map(Some));
        let owner_id = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
        let supplier_id = e.take("supplier", optional_id(form.text("supplier"), |s| lk.supplier(s).is_some()));
        let mut unit_ids = Vec::new();
        for u in form.all("units") {
            match optional_id(u, |id| lk.unit(id).is_some()) {
                Ok(Some(id)) if !unit_ids.contains(&id) => unit_ids.push(id),
                Ok(_) => {}
                Err(_) => e.add("units", FieldError::Missing),
            }
        }
        let notes = e.take("notes", text::optional_text(form.text("notes"), 4000));
        let code = e.take("code", text::optional_line(form.text("code"), 50));
        let provides = match form.text("provides").trim() {
            "" => None,
            code => e.take("provides", ResourceKind::parse(code).map(Some)),
        };
        if !e.is_empty() {
            return Err(e);
        }
        Ok(systems::SystemInput {
            provides,
            name,
            purpose,
            kind: kind.unwrap_or(SystemKind::ItSystem),
            owner_id,
            supplier_id,
            hosting: hosting.unwrap_or(Hosting::Internal),
            notes,
            code,
            unit_ids,
        })
    }

    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        systems::referrers(&db.pool, org, id).await
    }
}

/// The activities that depend on the system, each with what becomes of it when the system is
/// down and the way it depends on it, linked to the activity.
async fn dependents_section(system: i64, tr: &Tr, db: &Db, org: i64) -> Result<Section, DbError> {
    let found = crate::services::organisation::systems::dependents(db, org, system).await?;
    let items = found
        .iter()
        .map(|d| {
            let state = tr.t(match (d.stops, d.by_hand) {
                (true, _) => "system-dependent-stops",
                (false, true) => "system-dependent-by-hand",
                (false, false) => "system-dependent-degraded",
            });
            let mut text = format!("{}: {state}", d.name);
            if !d.via.is_empty() {
                text.push_str(&format!(" ({})", tr.ts("system-dependent-via", "via", &d.via.join(" → "))));
            }
            (text, format!("/activities/{}", d.activity_id))
        })
        .collect();
    let notes = vec![if found.is_empty() {
        tr.t("system-dependents-none")
    } else {
        tr.tn("system-dependents-count", found.len() as i64)
    }];
    Ok(Section { title: tr.t("system-dependents"), notes, items, ..Default::default() })
}

/// "konfidentialitet 2, riktighet 3, tillgänglighet 4, spårbarhet 2": the aspects by name, for
/// a reader who does not know the letters.
fn levels_in_words(l: &beredd_domain::classification::Levels, tr: &Tr) -> String {
    let aspect = |id: &str, level: u8| format!("{} {level}", tr.t(id).to_lowercase());
    [aspect("aspect-K", l.k), aspect("aspect-R", l.r), aspect("aspect-T", l.t), aspect("aspect-S", l.s)].join(", ")
}

/// What stops if the system is down for a week, its self-assessment and its procurement
/// requirements (PDF and Excel).
fn system_links(id: i64, tr: &Tr) -> [(String, String); 4] {
    let download = tr.t("procurement-download");
    [
        (tr.t("system-outage-link"), format!("/outage?fail=system:{id}&hours=168")),
        (tr.t("assessment-open"), format!("/systems/{id}/assessment")),
        (format!("{download} (PDF)"), format!("/systems/{id}/procurement/pdf")),
        (format!("{download} (Excel)"), format!("/systems/{id}/procurement/xlsx")),
    ]
}
