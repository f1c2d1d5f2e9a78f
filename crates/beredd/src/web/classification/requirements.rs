//! The requirement catalogue: browse, filter, and see which requirements follow from a
//! classification (levels per aspect and legal flags), before any asset is classified.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::Uri;
use beredd_domain::classification::{Applies, Aspect, LegalFlag, Levels};

use crate::content::catalogue::Requirement;
use crate::platform::i18n::{Lang, Tr};
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

pub async fn list(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<ListPage, AppError> {
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let c = state.catalogue_for(user.org_id).await?;
    let off = crate::store::local_requirements::disabled(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/requirements", String::new()).with_flash(q.get("msg"));
    ctx.title = pick(&ctx.tr, &c.title_sv, &c.title_en).to_owned();
    let tr = &ctx.tr;

    let area = q.text("area").to_owned();
    let needle = q.text("q").trim().to_lowercase();
    // A classification to derive from: any level given, or any flag ticked, turns it on.
    let level = |a: Aspect| q.get(a.code()).and_then(|v| v.parse::<u8>().ok()).filter(|l| *l <= 4);
    let flags: Vec<LegalFlag> = q.all("flag").into_iter().filter_map(|f| LegalFlag::parse(f).ok()).collect();
    let derived = Aspect::ALL.iter().any(|a| level(*a).is_some()) || !flags.is_empty();
    let levels = Levels {
        k: level(Aspect::K).unwrap_or(0),
        r: level(Aspect::R).unwrap_or(0),
        t: level(Aspect::T).unwrap_or(0),
        s: level(Aspect::S).unwrap_or(0),
    };

    let matches = |r: &&Requirement| {
        (area.is_empty() || r.area == area)
            && (needle.is_empty()
                || [&r.id, &r.title_sv, &r.title_en, &r.is_sv, &r.is_en]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&needle)))
            && (!derived || r.applies.holds(&levels, &flags))
    };
    let rows: Vec<Row> = c
        .requirements
        .iter()
        .filter(matches)
        .map(|r| Row {
            id: r.id.clone(),
            title: if r.local {
                format!("{} ({})", pick(tr, &r.title_sv, &r.title_en), tr.t("local-mark"))
            } else {
                pick(tr, &r.title_sv, &r.title_en).to_owned()
            },
            area: c.area(&r.area).map(|a| pick(tr, &a.name_sv, &a.name_en).to_owned()).unwrap_or_default(),
            applies: applies_text(&r.applies, tr),
        })
        .collect();

    let mut areas = vec![Choice { value: String::new(), label: tr.t("filter-all"), depth: 0 }];
    areas.extend(c.areas.iter().map(|a| Choice {
        value: a.id.clone(),
        label: pick(tr, &a.name_sv, &a.name_en).to_owned(),
        depth: 0,
    }));
    let aspects = Aspect::ALL
        .iter()
        .map(|a| AspectInput {
            code: a.code(),
            label: tr.t(a.label_id()),
            value: level(*a).map(|l| l.to_string()).unwrap_or_default(),
        })
        .collect();
    let levels_choices = crate::web::continuity::bia::level_choices(tr);
    let flag_choices =
        LegalFlag::ALL.iter().map(|f| (f.code().to_owned(), tr.t(&f.label_id()), flags.contains(f))).collect();
    let disabled = off
        .iter()
        .filter_map(|d| {
            state
                .catalogue
                .get(&d.requirement_id)
                .map(|r| (r.id.clone(), pick(tr, &r.title_sv, &r.title_en).to_owned(), d.reason.clone()))
        })
        .collect();
    Ok(ListPage {
        disabled,
        may_write: user.role.edits_all_content(),
        intro: tr.ts("requirements-intro", "version", &c.version),
        count: tr.tn("requirements-count", rows.len() as i64),
        areas,
        area,
        q: q.text("q").to_owned(),
        aspects,
        levels: levels_choices,
        flags: flag_choices,
        derived,
        outside_ordinary: derived && levels.outside_ordinary_handling(),
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
    let off = crate::store::local_requirements::disabled(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|d| d.requirement_id == id);
    // A requirement turned off is still shown, from the library, so it can be turned on again.
    let r = c.get(&id).or_else(|| off.as_ref().and(state.catalogue.get(&id))).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(&state, &user, "/requirements", String::new()).with_flash(q.get("msg").map(String::as_str));
    let tr = &ctx.tr;
    let title = format!("{} {}", r.id, pick(tr, &r.title_sv, &r.title_en));
    let references = references(r, tr);
    let page = DetailPage {
        id: r.id.clone(),
        local: r.local,
        disabled: off.map(|d| (d.reason, d.disabled_by, crate::platform::clock::shown_day(&d.disabled_at))),
        reason_error: q.get("error").is_some_and(|e| e == "reason"),
        may_write: user.role.edits_all_content(),
        area: c.area(&r.area).map(|a| pick(tr, &a.name_sv, &a.name_en).to_owned()).unwrap_or_default(),
        applies: applies_text(&r.applies, tr),
        is_text: pick(tr, &r.is_sv, &r.is_en).to_owned(),
        shall_text: pick(tr, &r.shall_sv, &r.shall_en).to_owned(),
        guidance: pick(tr, &r.guidance_sv, &r.guidance_en).to_owned(),
        references,
        ctx: {
            ctx.title = title;
            ctx
        },
    };
    Ok(page)
}
