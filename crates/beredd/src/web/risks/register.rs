//! The risk register across analyses and one analysis's page: the risks with filters, the matrix
//! drawn on the server with the same counts as a table, and the register as Excel.

use super::*;
use crate::services::risks::register::{self, Entry, Filter};
use beredd_domain::risk::Axis;

pub struct RiskView {
    pub id: i64,
    pub analysis: String,
    pub analysis_id: i64,
    pub threat: String,
    pub assets: String,
    pub value: i64,
    pub level: &'static str,
    pub level_label: String,
    pub residual: i64,
    pub residual_level: &'static str,
    pub residual_label: String,
    pub owner: String,
    pub decision: String,
    pub action: Option<i64>,
    pub vulnerability: String,
    pub consequence_text: String,
    pub measures: String,
    pub before: String,
    pub after: String,
}

/// One cell of the matrix: where it is drawn and how many risks sit there.
pub struct Cell {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    pub n: usize,
    pub level: &'static str,
}

pub struct ScaleView {
    pub label: String,
    pub description: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/register.html")]
pub struct RisksPage {
    pub ctx: Ctx,
    pub analysis: Option<risks::Analysis>,
    pub scope_link: Option<(String, String)>,
    pub analyses: Vec<risks::Analysis>,
    pub rows: Vec<RiskView>,
    pub cells: Vec<Cell>,
    pub matrix_rows: Vec<(String, Vec<usize>)>,
    pub consequence_labels: Vec<String>,
    pub likelihood_scale: Vec<ScaleView>,
    pub consequence_scale: Vec<ScaleView>,
    pub analysis_fields: Vec<Field>,
    pub risk_fields: Vec<Field>,
    pub filters: Vec<Field>,
    pub export_query: String,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
}

fn filter_fields(q: &FormData, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let all = || Choice { value: String::new(), label: tr.t("filter-all"), depth: 0 };
    let mut levels = vec![all()];
    levels.extend(["critical", "high", "medium", "low"].iter().map(|l| Choice {
        value: (*l).to_owned(),
        label: tr.t(&format!("risk-level-{l}")),
        depth: 0,
    }));
    let mut decisions = vec![all()];
    decisions.extend(vocabulary_choices(RiskDecision::ALL, RiskDecision::code, RiskDecision::label_id, tr));
    let mut owners = vec![all()];
    owners.extend(lk.people_choices(String::new()).into_iter().filter(|c| !c.value.is_empty()));
    let none = Errors::default();
    vec![
        Field::new("f_level", tr.t("risk-filter-level"), FieldKind::Select, q, &none, tr).choices(levels),
        Field::new("f_decision", tr.t("risk-decision"), FieldKind::Select, q, &none, tr).choices(decisions),
        Field::new("f_owner", tr.t("field-responsible"), FieldKind::Select, q, &none, tr).choices(owners),
    ]
}

/// The register's filters as the query gives them.
fn filter_of(analysis: Option<i64>, q: &Query_) -> Filter {
    let want = |k: &str| q.get(k).filter(|v| !v.is_empty()).cloned();
    Filter { analysis, decision: want("f_decision"), owner: want("f_owner"), level: want("f_level") }
}

/// A risk as the register shows it.
fn risk_view(e: &Entry, s: &Scales, lk: &Lookups, tr: &Tr) -> RiskView {
    let r = &e.risk;
    let both = |l: i64, c: i64| format!("{} · {}", s.label(Axis::Likelihood, l), s.label(Axis::Consequence, c));
    RiskView {
        id: r.id,
        analysis: e.analysis.clone(),
        analysis_id: r.analysis_id,
        threat: r.threat.clone(),
        assets: e.assets.join(", "),
        value: e.value(),
        level: e.level.code(),
        level_label: tr.t(&format!("risk-level-{}", e.level.code())),
        residual: e.residual(),
        residual_level: e.residual_level.code(),
        residual_label: tr.t(&format!("risk-level-{}", e.residual_level.code())),
        owner: lk.person_name(r.owner_id),
        decision: match &r.decided_by {
            Some(who) => format!("{} ({who})", tr.t(r.decision.label_id())),
            None => tr.t(r.decision.label_id()),
        },
        action: r.action_id,
        vulnerability: r.vulnerability.clone().unwrap_or_default(),
        consequence_text: r.consequence_text.clone().unwrap_or_default(),
        measures: r.measures.clone().unwrap_or_default(),
        before: both(r.likelihood, r.consequence),
        after: both(r.residual_likelihood, r.residual_consequence),
    }
}

/// What the analysis on view covers, as a link (none on the register of all).
async fn scope_link(
    state: &AppState,
    org: i64,
    a: Option<&risks::Analysis>,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Option<(String, String)>, AppError> {
    let Some(a) = a else { return Ok(None) };
    use beredd_domain::RiskScope;
    Ok(match (a.scope_kind, a.scope_id) {
        (Some(RiskScope::Org), _) => Some((tr.t(RiskScope::Org.label_id()), String::new())),
        (Some(RiskScope::Unit), Some(id)) => lk.unit(id).map(|u| (u.name.clone(), format!("/units/{id}"))),
        (Some(RiskScope::System), Some(id)) => systems::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| (s.name, format!("/systems/{id}"))),
        (Some(RiskScope::Activity), Some(id)) => activities::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|x| x.id == id)
            .map(|x| (x.name, format!("/activities/{id}"))),
        _ => None,
    })
}

/// The matrix: each risk counted at its residual likelihood and consequence, drawn as cells
/// and given as a table (a row per likelihood, highest first, with the consequences' labels).
struct Matrix {
    cells: Vec<Cell>,
    rows: Vec<(String, Vec<usize>)>,
    consequence_labels: Vec<String>,
}

fn matrix(entries: &[Entry], s: &Scales) -> Matrix {
    let (nl, nc) = (i64::from(s.steps(Axis::Likelihood)), i64::from(s.steps(Axis::Consequence)));
    let count = |l: i64, c: i64| {
        entries.iter().filter(|e| e.risk.residual_likelihood == l && e.risk.residual_consequence == c).count()
    };
    let (w, h) = (320 / nc, 240 / nl);
    let mut cells = Vec::new();
    for l in 1..=nl {
        for c in 1..=nc {
            let (x, y) = (60 + (c - 1) * w, 10 + (nl - l) * h);
            cells.push(Cell { x, y, w: w - 2, h: h - 2, n: count(l, c), level: s.level(l, c).code() });
        }
    }
    let rows =
        (1..=nl).rev().map(|l| (s.label(Axis::Likelihood, l), (1..=nc).map(|c| count(l, c)).collect())).collect();
    let consequence_labels = (1..=nc).map(|c| s.label(Axis::Consequence, c)).collect();
    Matrix { cells, rows, consequence_labels }
}

fn scale_view(s: &Scales, kind: Axis) -> Vec<ScaleView> {
    s.of(kind)
        .iter()
        .enumerate()
        .map(|(i, st)| ScaleView {
            label: format!("{} – {}", i + 1, st.label),
            description: st.description.clone().unwrap_or_default(),
        })
        .collect()
}

/// The export link's query: the page's filters and analysis.
fn export_query(q: &Query_, analysis: Option<i64>) -> String {
    let mut pairs: Vec<(String, String)> = ["f_level", "f_decision", "f_owner"]
        .iter()
        .filter_map(|k| q.get(*k).filter(|v| !v.is_empty()).map(|v| ((*k).to_owned(), v.clone())))
        .collect();
    if let Some(a) = analysis {
        pairs.push(("analysis".into(), a.to_string()));
    }
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

/// The forms of the page (a new analysis, a new risk) and its filters.
struct Forms {
    analysis: Vec<Field>,
    risk: Vec<Field>,
    filters: Vec<Field>,
    error_summary: Vec<(String, String)>,
}

async fn forms(
    state: &AppState,
    org: i64,
    lk: &Lookups,
    s: &Scales,
    page: (&Query_, &FormData, &Errors),
    tr: &Tr,
) -> Result<Forms, AppError> {
    let (q, form, e) = page;
    let analysis = analysis_fields(form, e, scope_choices(state, org, lk, tr).await?, tr);
    let all_assets = assets::list(&state.db.pool, org).await?;
    let risk = risk_fields(form, e, lk, &all_assets, s, tr);
    let mut all_fields = analysis.clone();
    all_fields.extend(risk.iter().cloned());
    let query_form = FormData::from_pairs(q.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
    let filters = filter_fields(&query_form, lk, tr);
    Ok(Forms { error_summary: summary(&all_fields), analysis, risk, filters })
}

fn title(current: Option<&risks::Analysis>, tr: &Tr) -> String {
    match current {
        Some(a) => tr.ts("risk-analysis-page", "title", &a.title),
        None => tr.t("risks-title"),
    }
}

pub(super) async fn page(
    state: &AppState,
    user: &CurrentUser,
    analysis: Option<i64>,
    q: &Query_,
    form: &FormData,
    e: &Errors,
) -> Result<RisksPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let analyses = risks::analyses(&state.db.pool, user.org_id).await?;
    let current = analysis.map(|id| analyses.iter().find(|a| a.id == id).cloned().ok_or(AppError::NotFound));
    let current = current.transpose()?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let s = scales(&state.db.pool, user.org_id, &tr).await?;
    let chosen = register::entries(&state.db.pool, user.org_id, &s, &filter_of(analysis, q)).await?;
    let scope_link = scope_link(state, user.org_id, current.as_ref(), &lk, &tr).await?;
    let f = forms(state, user.org_id, &lk, &s, (q, form, e), &tr).await?;
    let mut ctx = Ctx::new(state, user, "/risks", title(current.as_ref(), &tr));
    ctx.title_prefix = (!f.error_summary.is_empty()).then(|| tr.t("error-prefix"));
    let m = matrix(&chosen, &s);
    Ok(RisksPage {
        may_edit: user.role.edits_all_content(),
        analysis: current,
        scope_link,
        analyses,
        rows: chosen.iter().map(|e| risk_view(e, &s, &lk, &tr)).collect(),
        cells: m.cells,
        matrix_rows: m.rows,
        consequence_labels: m.consequence_labels,
        likelihood_scale: scale_view(&s, Axis::Likelihood),
        consequence_scale: scale_view(&s, Axis::Consequence),
        analysis_fields: f.analysis,
        risk_fields: f.risk,
        filters: f.filters,
        export_query: export_query(q, analysis),
        error_summary: f.error_summary,
        ctx,
    })
}

pub async fn register(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<RisksPage, AppError> {
    let mut p = page(&state, &user, None, &q, &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn analysis(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<RisksPage, AppError> {
    let id = parse_id(&id)?;
    let mut p = page(&state, &user, Some(id), &q, &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// The register's columns in the workbook, and their widths.
const EXPORT_COLUMNS: [(&str, f64); 12] = [
    ("risk-threat", 40.0),
    ("risk-vulnerability", 30.0),
    ("risk-consequence-text", 30.0),
    ("risk-assets", 24.0),
    ("risk-before", 28.0),
    ("risk-value", 14.0),
    ("risk-measures", 30.0),
    ("risk-after", 28.0),
    ("risk-residual", 14.0),
    ("field-responsible", 20.0),
    ("risk-decision", 14.0),
    ("risk-analysis", 30.0),
];

/// A risk as a row of the workbook, in the order of `EXPORT_COLUMNS`.
fn export_row(v: RiskView) -> Vec<String> {
    vec![
        v.threat,
        v.vulnerability,
        v.consequence_text,
        v.assets,
        v.before,
        format!("{} ({})", v.value, v.level_label),
        v.measures,
        v.after,
        format!("{} ({})", v.residual, v.residual_label),
        v.owner,
        v.decision,
        v.analysis,
    ]
}

/// The register as an Excel workbook, with the page's filters.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let s = scales(&state.db.pool, user.org_id, &tr).await?;
    let analysis = match q.get("analysis").filter(|v| !v.is_empty()) {
        Some(a) => Some(parse_id(a)?),
        None => None,
    };
    let entries = register::entries(&state.db.pool, user.org_id, &s, &filter_of(analysis, &q)).await?;
    let sheet: Vec<Vec<String>> = entries.iter().map(|e| export_row(risk_view(e, &s, &lk, &tr))).collect();
    let header = EXPORT_COLUMNS.map(|(h, _)| tr.t(h));
    let widths = EXPORT_COLUMNS.map(|(_, w)| w);
    let bytes = crate::web::classification::reports::workbook(&tr.t("risk-register"), &header, &widths, &sheet)?;
    Ok(crate::web::classification::reports::download_xlsx(
        bytes,
        &format!("{}-{}", text::file_stem(&tr.t("risk-register")), &crate::platform::clock::today_text()),
    ))
}
