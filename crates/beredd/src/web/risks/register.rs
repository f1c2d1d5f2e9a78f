//! The risk register across analyses and one analysis's page: the risks with filters, the matrix
//! drawn on the server with the same counts as a table, and the register as Excel.

use super::*;

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

/// The risks the filters keep, as the register shows them (highest residual first).
async fn register_rows(
    state: &AppState,
    user: &CurrentUser,
    analysis: Option<i64>,
    q: &Query_,
    s: &Scales,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Vec<(risks::Risk, RiskView)>, AppError> {
    let analyses = risks::analyses(&state.db.pool, user.org_id).await?;
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let touches = risks::risk_assets(&state.db.pool, user.org_id).await?;
    let want = |k: &str| q.get(k).filter(|v| !v.is_empty()).cloned();
    let mut rows: Vec<(risks::Risk, RiskView)> = risks::risks(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .filter(|r| analysis.is_none_or(|a| a == r.analysis_id))
        .filter(|r| want("f_decision").is_none_or(|d| d == r.decision.code()))
        .filter(|r| want("f_owner").is_none_or(|o| Some(o) == r.owner_id.map(|x| x.to_string())))
        .filter(|r| want("f_level").is_none_or(|l| l == s.level(r.residual_likelihood, r.residual_consequence).code()))
        .map(|r| {
            let level = s.level(r.likelihood, r.consequence);
            let residual_level = s.level(r.residual_likelihood, r.residual_consequence);
            let names: Vec<String> = touches
                .iter()
                .filter(|(rid, _)| *rid == r.id)
                .filter_map(|(_, a)| all_assets.iter().find(|x| x.id == *a))
                .map(|a| a.name.clone())
                .collect();
            let view = RiskView {
                id: r.id,
                analysis: analyses.iter().find(|a| a.id == r.analysis_id).map(|a| a.title.clone()).unwrap_or_default(),
                analysis_id: r.analysis_id,
                threat: r.threat.clone(),
                assets: names.join(", "),
                value: r.likelihood * r.consequence,
                level: level.code(),
                level_label: tr.t(&format!("risk-level-{}", level.code())),
                residual: r.residual_likelihood * r.residual_consequence,
                residual_level: residual_level.code(),
                residual_label: tr.t(&format!("risk-level-{}", residual_level.code())),
                owner: lk.person_name(r.owner_id),
                decision: match &r.decided_by {
                    Some(who) => format!("{} ({who})", tr.t(r.decision.label_id())),
                    None => tr.t(r.decision.label_id()),
                },
                action: r.action_id,
                vulnerability: r.vulnerability.clone().unwrap_or_default(),
                consequence_text: r.consequence_text.clone().unwrap_or_default(),
                measures: r.measures.clone().unwrap_or_default(),
                before: format!("{} · {}", s.label("likelihood", r.likelihood), s.label("consequence", r.consequence)),
                after: format!(
                    "{} · {}",
                    s.label("likelihood", r.residual_likelihood),
                    s.label("consequence", r.residual_consequence)
                ),
            };
            (r, view)
        })
        .collect();
    rows.sort_by(|(_, a), (_, b)| b.residual.cmp(&a.residual).then(b.value.cmp(&a.value)));
    Ok(rows)
}

async fn scope_link(
    state: &AppState,
    org: i64,
    a: &risks::Analysis,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Option<(String, String)>, AppError> {
    Ok(match (a.scope_kind.as_deref(), a.scope_id) {
        (Some("org"), _) => Some((tr.t("risk-scope-org"), String::new())),
        (Some("unit"), Some(id)) => lk.unit(id).map(|u| (u.name.clone(), format!("/units/{id}"))),
        (Some("system"), Some(id)) => systems::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| (s.name, format!("/systems/{id}"))),
        (Some("activity"), Some(id)) => activities::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|x| x.id == id)
            .map(|x| (x.name, format!("/activities/{id}"))),
        _ => None,
    })
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
    let current = match analysis {
        Some(id) => Some(analyses.iter().find(|a| a.id == id).cloned().ok_or(AppError::NotFound)?),
        None => None,
    };
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = match &current {
        Some(a) => ctx.tr.ts("risk-analysis-page", "title", &a.title),
        None => ctx.tr.t("risks-title"),
    };
    let tr = &ctx.tr;
    let s = scales(&state.db.pool, user.org_id, tr).await?;
    let chosen = register_rows(state, user, analysis, q, &s, &lk, tr).await?;
    // The matrix counts each risk at its residual likelihood and consequence.
    let (nl, nc) = (i64::from(s.steps("likelihood")), i64::from(s.steps("consequence")));
    let count = |l: i64, c: i64| {
        chosen.iter().filter(|(r, _)| r.residual_likelihood == l && r.residual_consequence == c).count()
    };
    let (w, h) = (320 / nc, 240 / nl);
    let mut cells = Vec::new();
    for l in 1..=nl {
        for c in 1..=nc {
            cells.push(Cell {
                x: 60 + (c - 1) * w,
                y: 10 + (nl - l) * h,
                w: w - 2,
                h: h - 2,
                n: count(l, c),
                level: s.level(l, c).code(),
            });
        }
    }
    let matrix_rows =
        (1..=nl).rev().map(|l| (s.label("likelihood", l), (1..=nc).map(|c| count(l, c)).collect())).collect();
    let consequence_labels = (1..=nc).map(|c| s.label("consequence", c)).collect();
    let view = |kind: &str| {
        s.of(kind)
            .iter()
            .enumerate()
            .map(|(i, st)| ScaleView {
                label: format!("{} – {}", i + 1, st.label),
                description: st.description.clone().unwrap_or_default(),
            })
            .collect()
    };
    let scope_link = match &current {
        Some(a) => scope_link(state, user.org_id, a, &lk, tr).await?,
        None => None,
    };
    let analysis_fields = analysis_fields(form, e, scope_choices(state, user.org_id, &lk, tr).await?, tr);
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let risk_fields = risk_fields(form, e, &lk, &all_assets, &s, tr);
    let mut all_fields = analysis_fields.clone();
    all_fields.extend(risk_fields.iter().cloned());
    let error_summary = summary(&all_fields);
    let query_form = FormData::from_pairs(q.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
    let filters = filter_fields(&query_form, &lk, tr);
    let mut export_query: Vec<(String, String)> = ["f_level", "f_decision", "f_owner"]
        .iter()
        .filter_map(|k| q.get(*k).filter(|v| !v.is_empty()).map(|v| ((*k).to_owned(), v.clone())))
        .collect();
    if let Some(a) = analysis {
        export_query.push(("analysis".into(), a.to_string()));
    }
    let export_query = form_urlencoded::Serializer::new(String::new()).extend_pairs(export_query).finish();
    let (likelihood_scale, consequence_scale) = (view("likelihood"), view("consequence"));
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(RisksPage {
        may_edit: user.role.edits_all_content(),
        analysis: current,
        scope_link,
        analyses,
        rows: chosen.into_iter().map(|(_, v)| v).collect(),
        cells,
        matrix_rows,
        consequence_labels,
        likelihood_scale,
        consequence_scale,
        analysis_fields,
        risk_fields,
        filters,
        export_query,
        error_summary,
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
    let rows = register_rows(&state, &user, analysis, &q, &s, &lk, &tr).await?;
    let header = [
        "risk-threat",
        "risk-vulnerability",
        "risk-consequence-text",
        "risk-assets",
        "risk-before",
        "risk-value",
        "risk-measures",
        "risk-after",
        "risk-residual",
        "field-responsible",
        "risk-decision",
        "risk-analysis",
    ]
    .map(|h| tr.t(h));
    let sheet: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, v)| {
            vec![
                v.threat.clone(),
                v.vulnerability.clone(),
                v.consequence_text.clone(),
                v.assets.clone(),
                v.before.clone(),
                format!("{} ({})", v.value, v.level_label),
                v.measures.clone(),
                v.after.clone(),
                format!("{} ({})", v.residual, v.residual_label),
                v.owner.clone(),
                v.decision.clone(),
                v.analysis.clone(),
            ]
        })
        .collect();
    let widths = [40.0, 30.0, 30.0, 24.0, 28.0, 14.0, 30.0, 28.0, 14.0, 20.0, 14.0, 30.0];
    let bytes = crate::web::classification::reports::workbook(&tr.t("risk-register"), &header, &widths, &sheet)?;
    Ok(crate::web::classification::reports::download_xlsx(
        bytes,
        &format!("{}-{}", text::file_stem(&tr.t("risk-register")), &crate::platform::clock::today_text()),
    ))
}
