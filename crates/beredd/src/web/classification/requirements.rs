//! The requirement catalogue: browse, filter, and see which requirements follow from a
//! classification (levels per aspect and legal flags), before any asset is classified.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::Uri;
use beredd_domain::classification::{Applies, Aspect, LegalFlag, Levels};

use crate::content::catalogue::{Catalogue, Requirement};
use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::requirements::{self as search, Search};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::{Choice, FormData};
use crate::web::page::Ctx;
use crate::web::register::Query_;

pub struct Row {
    pub id: String,
    pub title: String,
    pub area: String,
    pub applies: String,
}

pub struct AspectInput {
    pub code: &'static str,
    pub label: String,
    pub value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/requirements.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub intro: String,
    pub areas: Vec<Choice>,
    pub area: String,
    pub q: String,
    pub aspects: Vec<AspectInput>,
    pub levels: Vec<Choice>,
    pub flags: Vec<(String, String, bool)>,
    pub derived: bool,
    pub outside_ordinary: bool,
    pub rows: Vec<Row>,
    pub count: String,
    /// (id, title, reason) of the catalogue's requirements this organisation has turned off.
    pub disabled: Vec<(String, String, String)>,
    pub may_write: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/requirement.html")]
pub struct DetailPage {
    pub ctx: Ctx,
    pub id: String,
    pub local: bool,
    /// (reason, by, when) when the organisation has turned the requirement off.
    pub disabled: Option<(String, String, String)>,
    pub reason_error: bool,
    pub may_write: bool,
    pub area: String,
    pub applies: String,
    pub is_text: String,
    pub shall_text: String,
    pub guidance: String,
    pub references: Vec<(String, String)>,
}

fn pick<'a>(tr: &Tr, sv: &'a str, en: &'a str) -> &'a str {
    if tr.lang == Lang::En { en } else { sv }
}

/// "Från K 2", "Alla system", "Personuppgifter" in the user's language.
pub fn applies_text(a: &Applies, tr: &Tr) -> String {
    match a {
        Applies::Baseline => tr.t("applies-baseline"),
        Applies::AtLeast(aspect, level) => {
            tr.ts("applies-level", "what", &format!("{} {level}", tr.t(aspect.label_id())))
        }
        Applies::AnyFlag(flags) => flags.iter().map(|f| tr.t(&f.label_id())).collect::<Vec<_>>().join(", "),
    }
}

/// The classification given in the address to derive from: a level per aspect, as given, and
/// the ticked flags.
struct Asked {
    given: [Option<u8>; 4],
    flags: Vec<LegalFlag>,
}

impl Asked {
    fn read(q: &FormData) -> Asked {
        Asked {
            given: Aspect::ALL.map(|a| q.get(a.code()).and_then(|v| v.parse::<u8>().ok()).filter(|l| *l <= 4)),
            flags: q.all("flag").into_iter().filter_map(|f| LegalFlag::parse(f).ok()).collect(),
        }
    }
    /// The levels to derive from (0 where none is given); none when nothing is given at all.
    fn levels(&self) -> Option<Levels> {
        if self.given.iter().all(Option::is_none) && self.flags.is_empty() {
            return None;
        }
        let [k, r, t, s] = self.given.map(|l| l.unwrap_or(0));
        Some(Levels { k, r, t, s })
    }
}

fn row(c: &Catalogue, r: &Requirement, tr: &Tr) -> Row {
    let title = pick(tr, &r.title_sv, &r.title_en);
    Row {
        id: r.id.clone(),
        title: if r.local { format!("{title} ({})", tr.t("local-mark")) } else { title.to_owned() },
        area: c.area(&r.area).map(|a| pick(tr, &a.name_sv, &a.name_en).to_owned()).unwrap_or_default(),
        applies: applies_text(&r.applies, tr),
    }
}

fn area_choices(c: &Catalogue, tr: &Tr) -> Vec<Choice> {
    let mut areas = vec![Choice { value: String::new(), label: tr.t("filter-all"), depth: 0 }];
    areas.extend(c.areas.iter().map(|a| Choice {
        value: a.id.clone(),
        label: pick(tr, &a.name_sv, &a.name_en).to_owned(),
        depth: 0,
    }));
    areas
}

fn aspect_inputs(given: &[Option<u8>; 4], tr: &Tr) -> Vec<AspectInput> {
    Aspect::ALL
        .iter()
        .zip(given)
        .map(|(a, l)| AspectInput {
            code: a.code(),
            label: tr.t(a.label_id()),
            value: l.map(|l| l.to_string()).unwrap_or_default(),
        })
        .collect()
}

pub async fn list(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<ListPage, AppError> {
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let c = state.catalogue_for(user.org_id).await?;
    let off = search::turned_off(&state.db.pool, &state.catalogue, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/requirements", String::new()).with_flash(q.get("msg"));
    ctx.title = pick(&ctx.tr, &c.title_sv, &c.title_en).to_owned();
    let tr = &ctx.tr;
    let asked = Asked::read(&q);
    let levels = asked.levels();
    let needle = q.text("q").trim().to_lowercase();
    let yielded_by = levels.map(|l| (l, asked.flags.as_slice()));
    let found = search::search(&c, &Search { area: q.text("area"), needle: &needle, yielded_by });
    let rows: Vec<Row> = found.into_iter().map(|r| row(&c, r, tr)).collect();
    Ok(ListPage {
        disabled: off
            .iter()
            .map(|(r, d)| (r.id.clone(), pick(tr, &r.title_sv, &r.title_en).to_owned(), d.reason.clone()))
            .collect(),
        may_write: user.role.edits_all_content(),
        intro: tr.ts("requirements-intro", "version", &c.version),
        count: tr.tn("requirements-count", rows.len() as i64),
        areas: area_choices(&c, tr),
        area: q.text("area").to_owned(),
        q: q.text("q").to_owned(),
        aspects: aspect_inputs(&asked.given, tr),
        levels: crate::web::continuity::bia::level_choices(tr),
        flags: LegalFlag::ALL
            .iter()
            .map(|f| (f.code().to_owned(), tr.t(&f.label_id()), asked.flags.contains(f)))
            .collect(),
        derived: levels.is_some(),
        outside_ordinary: levels.is_some_and(|l| l.outside_ordinary_handling()),
        rows,
        ctx,
    })
}

/// A requirement's references as (what, which): the cybersecurity act's measures, GDPR, PDL,
/// HSLF-FS 2016:40 and the ISO/IEC 27001 Annex A identifiers.
pub fn references(r: &Requirement, tr: &Tr) -> Vec<(String, String)> {
    let mut references = Vec::new();
    if !r.cyber_measures.is_empty() {
        let items: Vec<String> = r.cyber_measures.iter().map(|m| m.to_string()).collect();
        references.push((tr.t("ref-cyber"), items.join(", ")));
    }
    for (label, list) in [("ref-gdpr", &r.gdpr), ("ref-pdl", &r.pdl), ("ref-hslf", &r.hslf), ("ref-iso", &r.iso27001)] {
        if !list.is_empty() {
            references.push((tr.t(label), list.join(", ")));
        }
    }
    if let Some(own) = &r.local_refs {
        references.push((tr.t("ref-local"), own.clone()));
    }
    references
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<DetailPage, AppError> {
    let c = state.catalogue_for(user.org_id).await?;
    let found = search::requirement(&state.db.pool, &c, &state.catalogue, user.org_id, &id).await?;
    let (r, off) = found.ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(&state, &user, "/requirements", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = format!("{} {}", r.id, pick(&ctx.tr, &r.title_sv, &r.title_en));
    let tr = &ctx.tr;
    Ok(DetailPage {
        id: r.id.clone(),
        local: r.local,
        disabled: off.map(|d| (d.reason, d.disabled_by, d.disabled_at.shown_day())),
        reason_error: q.get("error").is_some_and(|e| e == "reason"),
        may_write: user.role.edits_all_content(),
        area: c.area(&r.area).map(|a| pick(tr, &a.name_sv, &a.name_en).to_owned()).unwrap_or_default(),
        applies: applies_text(&r.applies, tr),
        is_text: pick(tr, &r.is_sv, &r.is_en).to_owned(),
        shall_text: pick(tr, &r.shall_sv, &r.shall_en).to_owned(),
        guidance: pick(tr, &r.guidance_sv, &r.guidance_en).to_owned(),
        references: references(r, tr),
        ctx,
    })
}
