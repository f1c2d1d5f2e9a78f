//! Printable outputs of the classification work: the procurement requirement specification of a
//! system, and the classification report of a unit or of the whole organisation, each as PDF
//! (typeset by `beredd-render`) and as an Excel workbook.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use beredd_domain::classification::{Aspect, LegalFlag, Levels};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::json;

use crate::content::catalogue::Catalogue;
use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::reports::{self, ClassificationReport, Procurement, SystemFulfilment};
use crate::store::assets;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::lookups::Lookups;
use crate::web::register::{Query_, parse_id};

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

/// "Kravspecifikation-Ärendesystemet"-like file names: the document's name and what it is about.
fn file_stem(tr: &Tr, id: &str, about: &str) -> String {
    format!("{}-{}", beredd_domain::text::file_stem(&tr.t(id)), beredd_domain::text::file_stem(about))
}

/// "2026-11-24 · Katalog 1.3": the day printed and the catalogue's version.
fn stamp(tr: &Tr, version: &str) -> String {
    let date = format!("{} · {} {}", crate::platform::clock::today_text(), tr.t("pdf-catalogue"), version);
    tr.ts("pdf-stamp", "date", &date)
}

fn lang_code(tr: &Tr) -> &'static str {
    if tr.lang == Lang::En { "en" } else { "sv" }
}

/// The requirements of a procurement, numbered by area: the sheet's rows and the PDF's groups.
fn procurement_rows(p: &Procurement, tr: &Tr) -> (Vec<Vec<String>>, Vec<serde_json::Value>) {
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (ai, (area, reqs)) in p.groups.iter().enumerate() {
        let area_name = pick(tr, &area.name_sv, &area.name_en).to_owned();
        let mut items = Vec::new();
        for (ri, r) in reqs.iter().enumerate() {
            let number = format!("{}.{}", ai + 1, ri + 1);
            let text = pick(tr, &r.shall_sv, &r.shall_en).to_owned();
            let refs: Vec<String> =
                references(r, tr).into_iter().map(|(what, which)| format!("{what} {which}")).collect();
            rows.push(vec![number.clone(), area_name.clone(), text.clone(), r.id.clone(), refs.join("; ")]);
            items.push(json!({"number": number, "id": r.id, "text": text, "refs": refs.join("; ")}));
        }
        groups.push(json!({"area": area_name, "requirements": items}));
    }
    (rows, groups)
}

fn procurement_data(
    p: &Procurement,
    c: &Catalogue,
    groups: Vec<serde_json::Value>,
    tr: &Tr,
    by: &str,
) -> serde_json::Value {
    json!({
        "lang": lang_code(tr),
        "title": tr.t("procurement-title"),
        "subtitle": p.system.name,
        "stamp": stamp(tr, &c.version),
        "cover_lines": [p.org.name, format!("{}: {}", tr.t("proc-levels"), levels_text(&p.levels)), tr.ts("pdf-printed-by", "name", by)],
        "intro": tr.t("procurement-intro"),
        "system": p.system.name,
        "levels": levels_text(&p.levels),
        "flags": flag_names(&p.flags, tr),
        "catalogue_version": format!("{} {}", pick(tr, &c.title_sv, &c.title_en), c.version),
        "groups": groups,
        "labels": labels(tr, &[("background", "proc-background"), ("system", "proc-system"), ("levels", "proc-levels"), ("flags", "proc-flags"), ("catalogue", "pdf-catalogue"), ("number", "proc-number"), ("requirement", "proc-requirement"), ("references", "proc-references")]),
    })
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
    let c = state.catalogue_for(user.org_id).await?;
    let p = reports::procurement(&state.db.pool, &c, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let (rows, groups) = procurement_rows(&p, &tr);
    let stem = file_stem(&tr, "procurement-file", &p.system.name);
    if fmt == Format_::Xlsx {
        let header = ["proc-number", "proc-area", "proc-requirement", "proc-id", "proc-references"].map(|h| tr.t(h));
        let widths = [8.0, 24.0, 80.0, 10.0, 40.0];
        return Ok(download(workbook(&tr.t("proc-sheet"), &header, &widths, &rows)?, fmt, &stem));
    }
    let data = procurement_data(&p, &c, groups, &tr, &user.display_name);
    Ok(download(pdf(beredd_render::Document::Procurement, data).await?, fmt, &stem))
}

/// One asset of the report: its levels (or "–" each when not classified), the reasons given
/// per aspect, and which version it is in.
struct AssetLine {
    levels: [String; 4],
    reasons: Vec<(String, String)>,
    version: String,
}

fn asset_line(a: &assets::Asset, tr: &Tr) -> AssetLine {
    let Some(c) = &a.current else {
        return AssetLine {
            levels: ["–"; 4].map(String::from),
            reasons: Vec::new(),
            version: tr.t("report-not-classified"),
        };
    };
    let l = c.levels();
    let why = [(Aspect::K, &c.why_k), (Aspect::R, &c.why_r), (Aspect::T, &c.why_t), (Aspect::S, &c.why_s)];
    let reasons = why.iter().filter_map(|(asp, w)| w.as_ref().map(|w| (tr.t(asp.label_id()), w.clone()))).collect();
    let when = &c.classified_at.shown_day();
    let version =
        tr.args("report-version", &[("v", &c.version.to_string()), ("who", &c.classified_by), ("when", when)]);
    AssetLine { levels: [l.k, l.r, l.t, l.s].map(|v| v.to_string()), reasons, version }
}

/// The assets of a report: the sheet's rows and the PDF's.
fn asset_rows(rep: &ClassificationReport, lk: &Lookups, tr: &Tr) -> (Vec<Vec<String>>, Vec<serde_json::Value>) {
    let mut sheet = Vec::new();
    let mut rows = Vec::new();
    for a in &rep.assets {
        let flags: Vec<String> = a.flags().iter().map(|f| tr.t(&f.label_id())).collect();
        let systems: Vec<String> =
            a.system_ids.iter().map(|s| rep.system_names.get(s).cloned().unwrap_or_default()).collect();
        let owner = lk.person_name(a.owner_id);
        let AssetLine { levels: [k, r, t, s], reasons, version } = asset_line(a, tr);
        let why = reasons.iter().map(|(a, w)| format!("{a}: {w}")).collect::<Vec<_>>().join("\n");
        let line = [&a.name, &k, &r, &t, &s, &flags.join(", "), &owner, &systems.join(", "), &why, &version];
        sheet.push(line.map(|v| v.to_owned()).to_vec());
        rows.push(json!({"name": a.name, "k": k, "r": r, "t": t, "s": s, "flags": flags, "owner": owner, "systems": systems, "reasons": reasons, "version": version}));
    }
    (sheet, rows)
}

fn system_row(s: &SystemFulfilment, tr: &Tr) -> serde_json::Value {
    let fulfilment = tr.args("report-fulfilment", &[("met", &s.met.to_string()), ("all", &s.derived.to_string())]);
    let l = &s.levels;
    json!({"name": s.name, "k": l.k, "r": l.r, "t": l.t, "s": l.s, "fulfilment": fulfilment})
}

fn report_sheet(tr: &Tr, sheet: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
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
    let widths = [34.0, 6.0, 6.0, 6.0, 6.0, 30.0, 22.0, 30.0, 60.0, 30.0];
    workbook(&tr.t("report-sheet"), &header, &widths, sheet)
}

fn report_data(
    rep: &ClassificationReport,
    c: &Catalogue,
    assets: Vec<serde_json::Value>,
    tr: &Tr,
    by: &str,
) -> serde_json::Value {
    let scoped = rep.assets.len();
    let classified = rep.assets.iter().filter(|a| a.current.is_some()).count();
    let summary = vec![
        json!([tr.t("report-count-assets"), scoped.to_string()]),
        json!([tr.t("report-count-classified"), classified.to_string()]),
        json!([tr.t("report-count-unclassified"), (scoped - classified).to_string()]),
        json!([tr.t("report-count-systems"), rep.systems.len().to_string()]),
    ];
    let protected = rep.assets.iter().any(|a| a.flags().contains(&LegalFlag::SecrecyOsl));
    json!({
        "lang": lang_code(tr),
        "title": tr.t("report-title"),
        "subtitle": scope_name(rep),
        "stamp": stamp(tr, &c.version),
        "cover_lines": [rep.org.name, tr.ts("pdf-printed-by", "name", by)],
        "marking": if protected { tr.t("pdf-marking-internal") } else { String::new() },
        "intro": tr.t("report-intro"),
        "summary": summary,
        "assets": assets,
        "systems": rep.systems.iter().map(|s| system_row(s, tr)).collect::<Vec<_>>(),
        "labels": labels(tr, &[("summary", "report-summary"), ("assets", "report-assets"), ("asset", "report-asset"), ("owner_systems", "report-owner-systems"), ("systems", "report-systems"), ("system", "proc-system"), ("fulfilment", "report-fulfilment-col")]),
    })
}

/// What a report is about: its unit, or the organisation.
fn scope_name(rep: &ClassificationReport) -> String {
    rep.unit.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| rep.org.name.clone())
}

/// The classification report for a unit (and everything under it) or the whole organisation.
pub async fn classification(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(fmt): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let fmt = format(&fmt)?;
    let unit = match q.get("unit").map(String::as_str) {
        None | Some("") => None,
        Some(u) => Some(parse_id(u)?),
    };
    let c = state.catalogue_for(user.org_id).await?;
    let rep = reports::classification(&state.db.pool, &c, user.org_id, unit).await?.ok_or(AppError::NotFound)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let (sheet, assets) = asset_rows(&rep, &lk, &tr);
    let stem = file_stem(&tr, "report-file", &scope_name(&rep));
    if fmt == Format_::Xlsx {
        return Ok(download(report_sheet(&tr, &sheet)?, fmt, &stem));
    }
    let data = report_data(&rep, &c, assets, &tr, &user.display_name);
    Ok(download(pdf(beredd_render::Document::Classification, data).await?, fmt, &stem))
}
