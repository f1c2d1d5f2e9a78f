//! Printable outputs of the classification work: the procurement requirement specification of a
//! system, and the classification report of a unit or of the whole organisation, each as PDF
//! (typeset by `beredd-render`) and as an Excel workbook.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use beredd_domain::classification::{Aspect, LegalFlag, Levels};
use beredd_domain::{Fulfilment, tree};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::json;

use crate::platform::i18n::{Lang, Tr};
use crate::store::{assessments, assets, orgs, systems};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::lookups::Lookups;
use crate::web::register::{Query_, parse_id};

use super::assessment::required;
use super::requirements::references;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format_ {
    Pdf,
    Xlsx,
}

fn format(s: &str) -> Result<Format_, AppError> {
    match s {
        "pdf" => Ok(Format_::Pdf),
        "xlsx" => Ok(Format_::Xlsx),
        _ => Err(AppError::NotFound),
    }
}

fn pick<'a>(tr: &Tr, sv: &'a str, en: &'a str) -> &'a str {
    if tr.lang == Lang::En { en } else { sv }
}

fn download(bytes: Vec<u8>, fmt: Format_, stem: &str) -> Response {
    let (ctype, ext) = match fmt {
        Format_::Pdf => ("application/pdf", "pdf"),
        Format_::Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };
    (
        [
            (header::CONTENT_TYPE, ctype.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{stem}.{ext}\"")),
        ],
        bytes,
    )
        .into_response()
}

pub async fn pdf(document: beredd_render::Document, data: serde_json::Value) -> Result<Vec<u8>, AppError> {
    Ok(crate::platform::typeset::pdf(document, data).await?)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::Internal(format!("xlsx: {e}"))
}

/// A workbook with one sheet: a bold, frozen header row with a filter, and the rows.
pub fn workbook(sheet: &str, header: &[String], widths: &[f64], rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    workbook_sheets(&[(sheet.to_owned(), header.to_vec(), widths.to_vec(), rows.to_vec())])
}

/// One sheet of a workbook: its name, header, column widths and rows.
pub type Sheet = (String, Vec<String>, Vec<f64>, Vec<Vec<String>>);

/// A workbook with several sheets, each with a bold, frozen header row with a filter.
pub fn workbook_sheets(sheets: &[Sheet]) -> Result<Vec<u8>, AppError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (sheet, header, widths, rows) in sheets {
        let ws = wb.add_worksheet();
        // Excel allows 31 characters and no []:*?/\ in a sheet name.
        let name: String = sheet.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        ws.set_name(&name).map_err(xlsx_error)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold).map_err(xlsx_error)?;
            ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0)).map_err(xlsx_error)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string_with_format(r as u32 + 1, c as u16, v, &wrap).map_err(xlsx_error)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        if !rows.is_empty() {
            ws.autofilter(0, 0, rows.len() as u32, header.len().saturating_sub(1) as u16).map_err(xlsx_error)?;
        }
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

pub fn download_xlsx(bytes: Vec<u8>, stem: &str) -> Response {
    download(bytes, Format_::Xlsx, stem)
}

pub fn download_pdf(bytes: Vec<u8>, stem: &str) -> Response {
    download(bytes, Format_::Pdf, stem)
}

pub fn labels(tr: &Tr, extra: &[(&str, &str)]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, id) in [("page", "pdf-page"), ("of", "pdf-of"), ("contents", "pdf-contents")].iter().chain(extra.iter()) {
        m.insert((*k).to_owned(), json!(tr.t(id)));
    }
    serde_json::Value::Object(m)
}

fn levels_text(l: &Levels) -> String {
    format!("K{} R{} T{} S{}", l.k, l.r, l.t, l.s)
}

fn flag_names(flags: &[LegalFlag], tr: &Tr) -> Vec<String> {
    flags.iter().map(|f| tr.t(&f.label_id())).collect()
}

/// The procurement requirement specification of one system: the "shall"-requirements its
/// information yields, grouped by area and numbered.
pub async fn procurement(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, fmt)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let fmt = format(&fmt)?;
    let id = parse_id(&id)?;
    let mut conn = state.db.pool.acquire().await?;
    let system = systems::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let org = orgs::get(&mut *conn, user.org_id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let (levels, flags) = required(&state.db.pool, user.org_id, id).await?;
    let c = state.catalogue_for(user.org_id).await?;
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (ai, area) in c
        .areas
        .iter()
        .filter(|a| c.requirements.iter().any(|r| r.area == a.id && r.applies.holds(&levels, &flags)))
        .enumerate()
    {
        let area_name = pick(&tr, &area.name_sv, &area.name_en).to_owned();
        let mut reqs = Vec::new();
        for (ri, r) in
            c.requirements.iter().filter(|r| r.area == area.id && r.applies.holds(&levels, &flags)).enumerate()
        {
            let number = format!("{}.{}", ai + 1, ri + 1);
            let text = pick(&tr, &r.shall_sv, &r.shall_en).to_owned();
            let refs: Vec<String> =
                references(r, &tr).into_iter().map(|(what, which)| format!("{what} {which}")).collect();
            rows.push(vec![number.clone(), area_name.clone(), text.clone(), r.id.clone(), refs.join("; ")]);
            reqs.push(json!({"number": number, "id": r.id, "text": text, "refs": refs.join("; ")}));
        }
        groups.push(json!({"area": area_name, "requirements": reqs}));
    }
    let stem = format!(
        "{}-{}",
        beredd_domain::text::file_stem(&tr.t("procurement-file")),
        beredd_domain::text::file_stem(&system.name)
    );
    if fmt == Format_::Xlsx {
        let header = ["proc-number", "proc-area", "proc-requirement", "proc-id", "proc-references"].map(|h| tr.t(h));
        return Ok(download(
            workbook(&tr.t("proc-sheet"), &header, &[8.0, 24.0, 80.0, 10.0, 40.0], &rows)?,
            fmt,
            &stem,
        ));
    }
    let data = json!({
        "lang": if tr.lang == Lang::En { "en" } else { "sv" },
        "title": tr.t("procurement-title"),
        "subtitle": system.name,
        "stamp": tr.ts("pdf-stamp", "date", &format!("{} · {} {}", crate::platform::clock::today_text(), tr.t("pdf-catalogue"), c.version)),
        "cover_lines": [org.name, format!("{}: {}", tr.t("proc-levels"), levels_text(&levels)), tr.ts("pdf-printed-by", "name", &user.display_name)],
        "intro": tr.t("procurement-intro"),
        "system": system.name,
        "levels": levels_text(&levels),
        "flags": flag_names(&flags, &tr),
        "catalogue_version": format!("{} {}", pick(&tr, &c.title_sv, &c.title_en), c.version),
        "groups": groups,
        "labels": labels(&tr, &[("background", "proc-background"), ("system", "proc-system"), ("levels", "proc-levels"), ("flags", "proc-flags"), ("catalogue", "pdf-catalogue"), ("number", "proc-number"), ("requirement", "proc-requirement"), ("references", "proc-references")]),
    });
    Ok(download(pdf(beredd_render::Document::Procurement, data).await?, fmt, &stem))
}

/// The classification report for a unit (and everything under it) or the whole organisation.
pub async fn classification(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(fmt): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let fmt = format(&fmt)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let unit = match q.get("unit").map(String::as_str) {
        None | Some("") => None,
        Some(u) => Some(lk.unit(parse_id(u)?).ok_or(AppError::NotFound)?.clone()),
    };
    let in_scope = |units: &[i64]| match &unit {
        None => true,
        Some(root) => units.iter().any(|u| *u == root.id || tree::ancestors(&lk.parents, *u).contains(&root.id)),
    };
    let org = orgs::get(&state.db.pool, user.org_id).await?.ok_or(AppError::NotFound)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let catalogue = state.catalogue_for(user.org_id).await?;
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let all_systems = systems::list(&state.db.pool, user.org_id).await?;
    let system_name = |id: i64| all_systems.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    let scoped: Vec<&assets::Asset> = all_assets.iter().filter(|a| in_scope(&a.unit_ids)).collect();

    let mut asset_rows = Vec::new();
    let mut sheet = Vec::new();
    for a in &scoped {
        let flags: Vec<String> = a.flags().iter().map(|f| tr.t(&f.label_id())).collect();
        let systems: Vec<String> = a.system_ids.iter().map(|s| system_name(*s)).collect();
        let owner = lk.person_name(a.owner_id);
        let (lv, reasons, version) = match &a.current {
            Some(c) => {
                let l = c.levels();
                let why = [(Aspect::K, &c.why_k), (Aspect::R, &c.why_r), (Aspect::T, &c.why_t), (Aspect::S, &c.why_s)];
                let reasons: Vec<(String, String)> =
                    why.iter().filter_map(|(asp, w)| w.as_ref().map(|w| (tr.t(asp.label_id()), w.clone()))).collect();
                let when = &crate::platform::clock::shown_day(&c.classified_at);
                let version = tr.args(
                    "report-version",
                    &[("v", &c.version.to_string()), ("who", &c.classified_by), ("when", when)],
                );
                (Some(l), reasons, version)
            }
            None => (None, Vec::new(), tr.t("report-not-classified")),
        };
        let level = |f: fn(&Levels) -> u8| lv.as_ref().map(|l| f(l).to_string()).unwrap_or_else(|| "–".into());
        let (k, r, t, s) = (level(|l| l.k), level(|l| l.r), level(|l| l.t), level(|l| l.s));
        sheet.push(vec![
            a.name.clone(),
            k.clone(),
            r.clone(),
            t.clone(),
            s.clone(),
            flags.join(", "),
            owner.clone(),
            systems.join(", "),
            reasons.iter().map(|(a, w)| format!("{a}: {w}")).collect::<Vec<_>>().join("\n"),
            version.clone(),
        ]);
        asset_rows.push(json!({"name": a.name, "k": k, "r": r, "t": t, "s": s, "flags": flags, "owner": owner, "systems": systems, "reasons": reasons, "version": version}));
    }

    // Systems that hold any of the information in scope, with the level they must meet and how
    // far their self-assessment has come.
    let mut system_rows = Vec::new();
    for s in all_systems.iter().filter(|s| scoped.iter().any(|a| a.system_ids.contains(&s.id))) {
        let (levels, flags) = required(&state.db.pool, user.org_id, s.id).await?;
        let derived: Vec<&str> =
            catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).map(|r| r.id.as_str()).collect();
        let done = assessments::for_system(&state.db.pool, user.org_id, s.id).await?;
        let met = done
            .iter()
            .filter(|a| {
                derived.contains(&a.requirement_id.as_str())
                    && matches!(a.status, Fulfilment::Fulfilled | Fulfilment::NotApplicable)
            })
            .count();
        let fulfilment =
            tr.args("report-fulfilment", &[("met", &met.to_string()), ("all", &derived.len().to_string())]);
        system_rows.push(json!({"name": s.name, "k": levels.k, "r": levels.r, "t": levels.t, "s": levels.s, "fulfilment": fulfilment}));
    }

    let scope_name = unit.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| org.name.clone());
    let stem = format!(
        "{}-{}",
        beredd_domain::text::file_stem(&tr.t("report-file")),
        beredd_domain::text::file_stem(&scope_name)
    );
    if fmt == Format_::Xlsx {
        let header = [
            "report-asset",
            "aspect-K",
            "aspect-R",
            "aspect-T",
            "aspect-S",
            "proc-flags",
            "field-information-owner",
            "nav-systems",
            "report-reasons",
            "report-version-col",
        ]
        .map(|h| tr.t(h));
        return Ok(download(
            workbook(
                &tr.t("report-sheet"),
                &header,
                &[34.0, 6.0, 6.0, 6.0, 6.0, 30.0, 22.0, 30.0, 60.0, 30.0],
                &sheet,
            )?,
            fmt,
            &stem,
        ));
    }
    let classified = scoped.iter().filter(|a| a.current.is_some()).count();
    let summary = vec![
        json!([tr.t("report-count-assets"), scoped.len().to_string()]),
        json!([tr.t("report-count-classified"), classified.to_string()]),
        json!([tr.t("report-count-unclassified"), (scoped.len() - classified).to_string()]),
        json!([tr.t("report-count-systems"), system_rows.len().to_string()]),
    ];
    let protected = scoped.iter().any(|a| a.flags().contains(&LegalFlag::SecrecyOsl));
    let data = json!({
        "lang": if tr.lang == Lang::En { "en" } else { "sv" },
        "title": tr.t("report-title"),
        "subtitle": scope_name,
        "stamp": tr.ts("pdf-stamp", "date", &format!("{} · {} {}", crate::platform::clock::today_text(), tr.t("pdf-catalogue"), catalogue.version)),
        "cover_lines": [org.name, tr.ts("pdf-printed-by", "name", &user.display_name)],
        "marking": if protected { tr.t("pdf-marking-internal") } else { String::new() },
        "intro": tr.t("report-intro"),
        "summary": summary,
        "assets": asset_rows,
        "systems": system_rows,
        "labels": labels(&tr, &[("summary", "report-summary"), ("assets", "report-assets"), ("asset", "report-asset"), ("owner_systems", "report-owner-systems"), ("systems", "report-systems"), ("system", "proc-system"), ("fulfilment", "report-fulfilment-col")]),
    });
    Ok(download(pdf(beredd_render::Document::Classification, data).await?, fmt, &stem))
}
