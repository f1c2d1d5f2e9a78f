//! The information assets register: what information there is, who owns it, which systems
//! hold it, which units use it, which laws apply, and how it is classified.

use beredd_domain::classification::{Aspect, LegalFlag, Levels};
use beredd_domain::{gdpr, text};
use sqlx::AnyConnection;

use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::store::{DbError, Referrer, assets};
use crate::web::auth::CurrentUser;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id};
use crate::web::lookups::Lookups;
use crate::web::register::{Cell, Column, DetailItem, Register, Section};

pub struct Assets;

/// "K2 R1 T3 S2", or "–" when not classified.
pub fn levels_text(c: Option<&assets::Classification>) -> String {
    match c {
        Some(c) => {
            let l = c.levels();
            format!("K{} R{} T{} S{}", l.k, l.r, l.t, l.s)
        }
        None => "–".into(),
    }
}

/// The requirement page's query for a classification, to list what it yields.
pub fn requirements_query(levels: &Levels, flags: &[LegalFlag]) -> String {
    let mut q = format!("/requirements?K={}&R={}&T={}&S={}", levels.k, levels.r, levels.t, levels.s);
    for f in flags {
        q.push_str(&format!("&flag={}", f.code()));
    }
    q
}

/// The newest classification: its version, each aspect's level with why, and a word when a
/// level is beyond ordinary handling.
fn classification_notes(c: &assets::Classification, tr: &Tr) -> Vec<String> {
    let levels = c.levels();
    let what = format!("{} ({}, {})", c.version, c.classified_by, &c.classified_at.shown_day());
    let mut notes = vec![tr.ts("asset-version", "what", &what)];
    if let Some(origin) = origin_text(c, tr) {
        notes.push(origin);
    }
    for (a, why) in Aspect::ALL.iter().zip([&c.why_k, &c.why_r, &c.why_t, &c.why_s]) {
        let level = tr.t(&format!("level-{}", levels.get(*a)));
        let why = why.as_ref().map(|w| format!(" – {w}")).unwrap_or_default();
        notes.push(format!("{}: {level}{why}", tr.t(a.label_id())));
    }
    if levels.outside_ordinary_handling() {
        notes.push(tr.t("requirements-level-4"));
    }
    notes
}

/// Where a classification was made, when not in Beredd: "Klassad i KLASSA 2024-05-12".
pub fn origin_text(c: &assets::Classification, tr: &Tr) -> Option<String> {
    let date = c.source_date.map(|d| d.to_string()).unwrap_or_default();
    match c.origin {
        assets::Origin::Beredd => None,
        assets::Origin::Klassa => Some(tr.ts("asset-origin-klassa", "date", &date)),
        assets::Origin::Manual => Some(tr.ts("asset-origin-manual", "date", &date)),
    }
}

/// Every classification, newest first, in a line each.
fn history(versions: &[assets::Classification], tr: &Tr) -> Vec<String> {
    versions
        .iter()
        .map(|c| {
            let reason = c.reason.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
            let levels = levels_text(Some(c));
            let origin = origin_text(c, tr).map(|o| format!(" – {o}")).unwrap_or_default();
            format!("{} {}: {levels} – {}{reason}{origin}", tr.t("asset-version-short"), c.version, c.classified_by)
        })
        .collect()
}

/// A record-of-processing field: (name, label id, kind, max length, code list).
type GdprField = (&'static str, &'static str, FieldKind, usize, Option<&'static [&'static str]>);

/// The record-of-processing fields (GDPR art. 30), in the order of the form.
const GDPR_FIELDS: [GdprField; 9] = [
    ("gdpr_purpose", "gdpr-purpose", FieldKind::TextArea, 2000, None),
    ("gdpr_legal_basis", "gdpr-legal-basis", FieldKind::Select, 0, Some(&gdpr::LEGAL_BASES)),
    ("gdpr_special_basis", "gdpr-special-basis", FieldKind::Select, 0, Some(&gdpr::SPECIAL_BASES)),
    ("gdpr_subjects", "gdpr-subjects", FieldKind::TextArea, 2000, None),
    ("gdpr_data_categories", "gdpr-data-categories", FieldKind::TextArea, 2000, None),
    ("gdpr_recipients", "gdpr-recipients", FieldKind::TextArea, 2000, None),
    ("gdpr_transfers", "gdpr-transfers", FieldKind::Select, 0, Some(&gdpr::TRANSFERS)),
    ("gdpr_transfer_details", "gdpr-transfer-details", FieldKind::Text, 500, None),
    ("gdpr_retention", "gdpr-retention", FieldKind::TextArea, 2000, None),
];

/// The entry's values in the order of [`GDPR_FIELDS`].
fn gdpr_values(g: &assets::Gdpr) -> [&Option<String>; 9] {
    [
        &g.gdpr_purpose,
        &g.gdpr_legal_basis,
        &g.gdpr_special_basis,
        &g.gdpr_subjects,
        &g.gdpr_data_categories,
        &g.gdpr_recipients,
        &g.gdpr_transfers,
        &g.gdpr_transfer_details,
        &g.gdpr_retention,
    ]
}

fn gdpr_fields(form: &FormData, errors: &Errors, tr: &Tr) -> Vec<Field> {
    GDPR_FIELDS
        .iter()
        .enumerate()
        .map(|(i, (name, label, kind, max, codes))| {
            let f = Field::new(*name, tr.t(label), kind.clone(), form, errors, tr);
            let f = if i == 0 { f.hint(tr.t("gdpr-hint")) } else { f };
            match codes {
                Some(list) => f.choices(
                    std::iter::once(Choice { value: String::new(), label: tr.t("gdpr-not-given"), depth: 0 })
                        .chain(list.iter().map(|c| Choice {
                            value: (*c).into(),
                            label: tr.t(&gdpr::label_id(c)),
                            depth: 0,
                        }))
                        .collect(),
                ),
                None => f.maxlength(*max),
            }
        })
        .collect()
}

fn gdpr_parse(form: &FormData, e: &mut Errors) -> assets::Gdpr {
    let mut v: Vec<Option<String>> = GDPR_FIELDS
        .iter()
        .map(|(name, _, _, max, codes)| {
            let input = form.text(name);
            let r = match codes {
                Some(list) => gdpr::parse_code(list, input),
                None => text::optional_text(input, *max),
            };
            e.take(*name, r)
        })
        .collect();
    let mut next = || v.remove(0);
    assets::Gdpr {
        gdpr_purpose: next(),
        gdpr_legal_basis: next(),
        gdpr_special_basis: next(),
        gdpr_subjects: next(),
        gdpr_data_categories: next(),
        gdpr_recipients: next(),
        gdpr_transfers: next(),
        gdpr_transfer_details: next(),
        gdpr_retention: next(),
    }
}

/// The ids a multiple choice holds, each once; an unknown one is an error on the field.
fn linked_ids(form: &FormData, e: &mut Errors, field: &'static str, known: &dyn Fn(i64) -> bool) -> Vec<i64> {
    let mut out = Vec::new();
    for v in form.all(field) {
        match optional_id(v, known) {
            Ok(Some(id)) if !out.contains(&id) => out.push(id),
            Ok(_) => {}
            Err(err) => e.add(field, err),
        }
    }
    out
}

/// The entry as the asset's page shows it: only what is filled in.
fn gdpr_details(g: &assets::Gdpr, tr: &Tr) -> Vec<DetailItem> {
    gdpr_values(g)
        .into_iter()
        .zip(GDPR_FIELDS)
        .filter_map(|(v, (_, label, _, _, codes))| {
            let v = v.as_ref()?;
            let shown = if codes.is_some() { tr.t(&gdpr::label_id(v)) } else { v.clone() };
            Some(DetailItem { label: tr.t(label), value: Cell::Text(shown) })
        })
        .collect()
}

impl crate::services::registers::Stored for Assets {
    type Record = assets::Asset;
    type Input = assets::AssetInput;
    const ENTITY: &'static str = "asset";
    fn name(r: &assets::Asset) -> &str {
        &r.name
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<assets::Asset>, DbError> {
        assets::get(conn, org, id).await
    }
    async fn insert(conn: &mut AnyConnection, org: i64, input: &assets::AssetInput) -> Result<i64, DbError> {
        assets::insert(conn, org, input).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, input: &assets::AssetInput) -> Result<(), DbError> {
        assets::update(conn, org, id, input).await
    }
    async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
        assets::delete(conn, org, id).await
    }
}

impl Register for Assets {
    const SLUG: &'static str = "assets";
    const IMPORT: bool = true;

    fn id(r: &assets::Asset) -> i64 {
        r.id
    }
    async fn load_all(db: &Db, org: i64) -> Result<std::sync::Arc<Vec<assets::Asset>>, DbError> {
        crate::store::versions::kept_data(db, org, || assets::list(&db.pool, org)).await
    }
    fn columns(tr: &Tr) -> Vec<Column> {
        vec![
            Column { key: "name", label: tr.t("field-name") },
            Column { key: "levels", label: tr.t("asset-classification") },
            Column { key: "owner", label: tr.t("field-information-owner") },
            Column { key: "systems", label: tr.t("asset-systems") },
        ]
    }
    fn row(r: &assets::Asset, lk: &Lookups, _tr: &Tr) -> Vec<Cell> {
        let systems: Vec<String> = r
            .system_ids
            .iter()
            .filter_map(|s| lk.nodes.name(beredd_domain::NodeKind::System, *s).map(str::to_owned))
            .collect();
        vec![
            Cell::Link { text: r.name.clone(), href: format!("/assets/{}", r.id) },
            Cell::Text(levels_text(r.current.as_ref())),
            Cell::Text(lk.person_name(r.owner_id)),
            Cell::Text(systems.join(", ")),
        ]
    }
    fn details(r: &assets::Asset, lk: &Lookups, tr: &Tr) -> Vec<DetailItem> {
        let systems = r
            .system_ids
            .iter()
            .map(|s| {
                (lk.nodes.name(beredd_domain::NodeKind::System, *s).unwrap_or("?").to_owned(), format!("/systems/{s}"))
            })
            .collect();
        let units = r.unit_ids.iter().map(|u| (lk.unit_name(Some(*u)), format!("/units/{u}"))).collect();
        let flags: Vec<String> = r.flags().iter().map(|f| tr.t(&f.label_id())).collect();
        vec![
            DetailItem { label: tr.t("field-description"), value: Cell::opt(&r.description) },
            DetailItem {
                label: tr.t("field-information-owner"),
                value: Cell::link_or_text(lk.person_name(r.owner_id), r.owner_id.map(|p| format!("/people/{p}"))),
            },
            DetailItem { label: tr.t("asset-flags"), value: Cell::Text(flags.join(", ")) },
            DetailItem { label: tr.t("field-osl"), value: Cell::opt(&r.osl_reference) },
            DetailItem { label: tr.t("field-process-code"), value: Cell::opt(&r.process_code) },
            DetailItem { label: tr.t("asset-systems"), value: Cell::Links(systems) },
            DetailItem { label: tr.t("asset-units"), value: Cell::Links(units) },
        ]
        .into_iter()
        .chain(gdpr_details(&r.gdpr, tr))
        .collect()
    }
    async fn sections(r: &assets::Asset, _lk: &Lookups, tr: &Tr, db: &Db, org: i64) -> Result<Vec<Section>, DbError> {
        let versions = assets::versions(&db.pool, org, r.id).await?;
        let (notes, items) = match versions.first() {
            None => (vec![tr.t("asset-not-classified")], Vec::new()),
            Some(c) => {
                let query = requirements_query(&c.levels(), &r.flags());
                (classification_notes(c, tr), vec![(tr.t("asset-show-requirements"), query)])
            }
        };
        Ok(vec![
            Section {
                title: tr.t("asset-classification"),
                notes,
                items,
                add: Some((tr.t("asset-classify"), format!("/assets/{}/classify", r.id))),
                ..Default::default()
            },
            Section { title: tr.t("asset-history"), notes: history(&versions, tr), ..Default::default() },
        ])
    }
    fn values(r: &assets::Asset) -> FormData {
        let mut f = FormData::from_pairs(vec![
            ("name".into(), r.name.clone()),
            ("description".into(), r.description.clone().unwrap_or_default()),
            ("owner".into(), crate::web::forms::opt_string(r.owner_id)),
            ("osl_reference".into(), r.osl_reference.clone().unwrap_or_default()),
            ("process_code".into(), r.process_code.clone().unwrap_or_default()),
        ]);
        for ((name, ..), value) in GDPR_FIELDS.iter().zip(gdpr_values(&r.gdpr)) {
            f.set(name, value.clone().unwrap_or_default());
        }
        for flag in r.flags() {
            f.push("flags", flag.code());
        }
        for s in &r.system_ids {
            f.push("systems", s.to_string());
        }
        for u in &r.unit_ids {
            f.push("units", u.to_string());
        }
        f
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, _user: &CurrentUser) -> Vec<Field> {
        let flags = LegalFlag::ALL
            .iter()
            .map(|f| Choice { value: f.code().into(), label: tr.t(&f.label_id()), depth: 0 })
            .collect();
        let systems = lk
            .nodes
            .of_kinds(&[beredd_domain::NodeKind::System])
            .into_iter()
            .map(|(_, id, name)| Choice { value: id.to_string(), label: name.to_owned(), depth: 0 })
            .collect();
        vec![
            Field::new("name", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
            Field::new("description", tr.t("field-description"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
            Field::new("owner", tr.t("field-information-owner"), FieldKind::Select, form, errors, tr)
                .choices(lk.people_choices(tr.t("choice-none"))),
            Field::new("flags", tr.t("asset-flags"), FieldKind::MultiCheck, form, errors, tr)
                .hint(tr.t("hint-asset-flags"))
                .choices(flags),
            Field::new("osl_reference", tr.t("field-osl"), FieldKind::Text, form, errors, tr)
                .maxlength(200)
                .hint(tr.t("hint-osl")),
            Field::new("process_code", tr.t("field-process-code"), FieldKind::Text, form, errors, tr)
                .maxlength(100)
                .hint(tr.t("hint-process-code")),
            Field::new("systems", tr.t("asset-systems"), FieldKind::MultiCheck, form, errors, tr).choices(systems),
            Field::new("units", tr.t("asset-units"), FieldKind::MultiCheck, form, errors, tr)
                .choices(lk.unit_choices(None)),
        ]
        .into_iter()
        .chain(gdpr_fields(form, errors, tr))
        .collect()
    }
    fn parse(form: &FormData, lk: &Lookups, _id: Option<i64>) -> Result<assets::AssetInput, Errors> {
        let mut e = Errors::default();
        let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
        let description = e.take("description", text::optional_text(form.text("description"), 4000));
        let owner_id = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
        let mut flags = Vec::new();
        for f in form.all("flags") {
            match LegalFlag::parse(f) {
                Ok(flag) if !flags.contains(&flag) => flags.push(flag),
                Ok(_) => {}
                Err(err) => e.add("flags", err),
            }
        }
        let osl_reference = e.take("osl_reference", text::optional_line(form.text("osl_reference"), 200));
        let process_code = e.take("process_code", text::optional_line(form.text("process_code"), 100));
        let system_ids =
            linked_ids(form, &mut e, "systems", &|id| lk.nodes.name(beredd_domain::NodeKind::System, id).is_some());
        let unit_ids = linked_ids(form, &mut e, "units", &|id| lk.unit(id).is_some());
        let gdpr = gdpr_parse(form, &mut e);
        if !e.is_empty() {
            return Err(e);
        }
        Ok(assets::AssetInput {
            name,
            description,
            owner_id,
            flags,
            osl_reference,
            process_code,
            system_ids,
            unit_ids,
            gdpr,
        })
    }
    async fn referrers(db: &Db, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
        assets::referrers(&db.pool, org, id).await
    }
}
