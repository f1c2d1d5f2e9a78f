//! The record of processing activities (GDPR art. 30) as a page for everyone logged in, with what
//! each entry lacks listed for its owner, and as Excel and PDF for the data protection officer
//! (and those who edit all content). What goes in it is `services::governance::processing`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use beredd_domain::gdpr;
use serde_json::json;

use crate::platform::i18n::Tr;
use crate::services::governance::processing::{self, Entry, Register};
use crate::store::users;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::classification::reports::{download_pdf, download_xlsx, labels, pdf, workbook};
use crate::web::error::AppError;
use crate::web::page::Ctx;

/// An entry as the page, the sheet and the PDF show it.
pub struct EntryView {
    /// The asset's id; none for Beredd's own entry.
    pub id: Option<i64>,
    pub name: String,
    /// (label, value) in the order of art. 30.1.
    pub rows: Vec<(String, String)>,
    /// What it lacks, in words.
    pub missing: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/processing.html")]
pub struct ProcessingPage {
    pub ctx: Ctx,
    pub controller: String,
    pub dpo: Option<String>,
    pub may_export: bool,
    pub may_edit_org: bool,
    /// The entries of the user's own assets that lack something.
    pub mine: Vec<EntryView>,
    pub entries: Vec<EntryView>,
    /// "19 poster, varav 3 fullständiga".
    pub count: String,
}

fn code(tr: &Tr, v: &Option<String>) -> String {
    v.as_deref().map(|c| tr.t(&gdpr::label_id(c))).unwrap_or_default()
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn measures_text(e: &Entry, tr: &Tr) -> String {
    let m = &e.measures;
    let Some(l) = &m.levels else { return String::new() };
    let args = [
        ("levels", format!("K{} R{} T{} S{}", l.k, l.r, l.t, l.s)),
        ("met", m.met.len().to_string()),
        ("all", m.derived.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let met = if m.met.is_empty() { String::new() } else { format!(" ({})", m.met.join(", ")) };
    format!("{}{met}", tr.args("gdpr-measures-text", &args))
}

fn transfer_text(tr: &Tr, kind: &Option<String>, details: &Option<String>) -> String {
    let kind = code(tr, kind);
    match details.as_deref() {
        Some(d) if !kind.is_empty() => format!("{kind}: {d}"),
        Some(d) => d.to_owned(),
        None => kind,
    }
}

/// An asset's entry in the order of art. 30.1.
fn entry_view(e: &Entry, tr: &Tr) -> EntryView {
    let g = &e.asset.gdpr;
    let mut rows = vec![
        ("gdpr-owner", e.owner.clone().unwrap_or_default()),
        ("gdpr-purpose", text(&g.gdpr_purpose)),
        ("gdpr-legal-basis", code(tr, &g.gdpr_legal_basis)),
    ];
    if e.special {
        rows.push(("gdpr-special-basis", code(tr, &g.gdpr_special_basis)));
    }
    rows.extend([
        ("gdpr-subjects", text(&g.gdpr_subjects)),
        ("gdpr-data-categories", text(&g.gdpr_data_categories)),
        ("gdpr-recipients", text(&g.gdpr_recipients)),
        ("gdpr-transfers", transfer_text(tr, &g.gdpr_transfers, &g.gdpr_transfer_details)),
        ("gdpr-retention", text(&g.gdpr_retention)),
        ("gdpr-measures", measures_text(e, tr)),
        ("gdpr-systems", e.systems.join(", ")),
    ]);
    EntryView {
        id: Some(e.asset.id),
        name: e.asset.name.clone(),
        rows: rows.into_iter().map(|(l, v)| (tr.t(l), v)).collect(),
        missing: e.missing.iter().map(|m| tr.t(m.label_id())).collect(),
    }
}

/// Beredd's own entry, from `library/gdpr/beredd.toml`.
fn own_view(r: &Register, tr: &Tr) -> EntryView {
    let t = r.own.texts(tr.lang);
    let rows = [
        ("gdpr-purpose", t.purpose.clone()),
        ("gdpr-legal-basis", tr.t(&gdpr::label_id(&r.own.legal_basis))),
        ("gdpr-subjects", t.subjects.clone()),
        ("gdpr-data-categories", t.data_categories.clone()),
        ("gdpr-recipients", t.recipients.clone()),
        ("gdpr-transfers", format!("{}: {}", tr.t(&gdpr::label_id(&r.own.transfers)), t.transfer_details)),
        ("gdpr-retention", t.retention.clone()),
        ("gdpr-measures", t.measures.clone()),
    ];
    EntryView { id: None, name: t.name.clone(), rows: rows.map(|(l, v)| (tr.t(l), v)).to_vec(), missing: Vec::new() }
}

fn count_text(tr: &Tr, entries: &[EntryView]) -> String {
    let complete = entries.iter().filter(|e| e.missing.is_empty()).count().to_string();
    tr.args("gdpr-count", &[("all", &entries.len().to_string()), ("complete", &complete)])
}

fn dpo_text(r: &Register) -> Option<String> {
    r.dpo.as_ref().map(|p| {
        let reach: Vec<&str> = [&p.title, &p.work_phone, &p.email].into_iter().filter_map(|v| v.as_deref()).collect();
        if reach.is_empty() { p.name.clone() } else { format!("{}, {}", p.name, reach.join(", ")) }
    })
}

fn controller_text(r: &Register) -> String {
    match &r.org.org_number {
        Some(n) => format!("{} ({n})", r.org.name),
        None => r.org.name.clone(),
    }
}

async fn load(state: &AppState, user: &CurrentUser) -> Result<(Register, bool), AppError> {
    let c = state.catalogue_for(user.org_id).await?;
    let r = processing::register(&state.db.pool, &c, user.org_id).await?.ok_or(AppError::NotFound)?;
    let may_export = processing::may_export(&state.db.pool, &r.org, user.id, user.role).await?;
    Ok((r, may_export))
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<ProcessingPage, AppError> {
    let (r, may_export) = load(&state, &user).await?;
    let mut ctx = Ctx::new(&state, &user, "/governance/processing", String::new());
    ctx.title = ctx.tr.t("gdpr-title");
    let tr = &ctx.tr;
    let me = users::person_of(&state.db.pool, user.id).await?;
    let mine = r.missing_for(me).into_iter().map(|e| entry_view(e, tr)).collect();
    let entries: Vec<EntryView> =
        std::iter::once(own_view(&r, tr)).chain(r.entries.iter().map(|e| entry_view(e, tr))).collect();
    Ok(ProcessingPage {
        controller: controller_text(&r),
        dpo: dpo_text(&r),
        may_export,
        may_edit_org: user.role.manages_users(),
        mine,
        count: count_text(tr, &entries),
        entries,
        ctx,
    })
}

/// The register as Excel (`xlsx`) or PDF (`pdf`), for those who may export it.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(format): Path<String>,
) -> Result<axum::response::Response, AppError> {
    let (r, may_export) = load(&state, &user).await?;
    user.require(may_export)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let views: Vec<EntryView> =
        std::iter::once(own_view(&r, &tr)).chain(r.entries.iter().map(|e| entry_view(e, &tr))).collect();
    let stem =
        format!("{}-{}", beredd_domain::text::file_stem(&tr.t("gdpr-file")), crate::platform::clock::today_text());
    match format.as_str() {
        "xlsx" => Ok(download_xlsx(sheet(&r, &views, &tr)?, &stem)),
        "pdf" => {
            Ok(download_pdf(pdf(beredd_render::Document::Processing, pdf_data(&r, &views, &tr, &user)).await?, &stem))
        }
        _ => Err(AppError::NotFound),
    }
}

/// One row per entry: its name, then each field of art. 30.1, then what it lacks.
fn sheet(r: &Register, views: &[EntryView], tr: &Tr) -> Result<Vec<u8>, AppError> {
    let labels = [
        "gdpr-entry",
        "gdpr-owner",
        "gdpr-purpose",
        "gdpr-legal-basis",
        "gdpr-special-basis",
        "gdpr-subjects",
        "gdpr-data-categories",
        "gdpr-recipients",
        "gdpr-transfers",
        "gdpr-retention",
        "gdpr-measures",
        "gdpr-systems",
        "gdpr-controller",
        "gdpr-dpo",
        "gdpr-missing",
    ];
    let header: Vec<String> = labels.iter().map(|l| tr.t(l)).collect();
    let (controller, dpo) = (controller_text(r), dpo_text(r).unwrap_or_default());
    let rows: Vec<Vec<String>> = views
        .iter()
        .map(|v| {
            let mut row = vec![v.name.clone()];
            row.extend(
                header[1..12]
                    .iter()
                    .map(|h| v.rows.iter().find(|(l, _)| l == h).map(|(_, x)| x.clone()).unwrap_or_default()),
            );
            row.extend([controller.clone(), dpo.clone(), v.missing.join(", ")]);
            row
        })
        .collect();
    let widths = [30.0, 20.0, 40.0, 28.0, 28.0, 30.0, 36.0, 30.0, 28.0, 36.0, 40.0, 24.0, 24.0, 28.0, 30.0];
    workbook(&tr.t("gdpr-sheet"), &header, &widths, &rows)
}

fn pdf_data(r: &Register, views: &[EntryView], tr: &Tr, user: &CurrentUser) -> serde_json::Value {
    let entries: Vec<serde_json::Value> =
        views.iter().map(|v| json!({"name": v.name, "rows": v.rows, "missing": v.missing.join(", ")})).collect();
    json!({
        "lang": tr.lang.code(),
        "title": tr.t("gdpr-title"),
        "subtitle": r.org.name,
        "stamp": tr.ts("pdf-stamp", "date", &crate::platform::clock::today_text()),
        "cover_lines": [
            format!("{}: {}", tr.t("gdpr-controller"), controller_text(r)),
            format!("{}: {}", tr.t("gdpr-dpo"), dpo_text(r).unwrap_or_else(|| tr.t("gdpr-no-dpo"))),
            tr.ts("pdf-printed-by", "name", &user.display_name),
        ],
        "intro": tr.t("gdpr-intro"),
        "entries": entries,
        "labels": labels(tr, &[("missing", "gdpr-missing")]),
    })
}
