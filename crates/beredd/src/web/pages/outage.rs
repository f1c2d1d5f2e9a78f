//! The outage page: "if this is down, what breaks?"

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::Uri;
use beredd_domain::graph::State as NodeState;
use beredd_domain::{Criticality, NodeKind};

use crate::outage::{Category, Model};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::forms::FormData;
use crate::web::page::Ctx;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct Group {
    pub legend: String,
    pub choices: Vec<Choice>,
    /// Shown unfolded when something in it is chosen.
    pub open: bool,
}

pub struct Row {
    pub name: String,
    pub href: String,
    pub state: String,
    pub state_class: &'static str,
    pub criticality: String,
    pub chain: String,
    pub fallbacks: Vec<String>,
    pub mtpd: String,
    pub consequence: String,
    /// The outage lasts longer than the activity can tolerate, and nothing keeps it going.
    pub gap: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "outage.html")]
pub struct OutagePage {
    pub ctx: Ctx,
    pub groups: Vec<Group>,
    pub categories: Vec<Choice>,
    pub durations: Vec<Choice>,
    pub ran: bool,
    pub summary: String,
    pub activities: Vec<Row>,
    pub systems: Vec<Row>,
    pub working: Vec<(String, String)>,
    pub presets: Vec<(String, String)>,
}

const DURATIONS: &[(u32, &str)] = &[(1, "duration-hour"), (24, "duration-day"), (168, "duration-week"), (720, "duration-month")];

fn slug(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Activity => "activities",
        NodeKind::System => "systems",
        NodeKind::Supplier => "suppliers",
        NodeKind::Resource => "resources",
    }
}

pub async fn page(user: CurrentUser, State(state): State<AppState>, uri: Uri) -> Result<OutagePage, AppError> {
    // The query may repeat `fail` and `category`, so it is read as pairs.
    let q = FormData::parse(uri.query().unwrap_or("").as_bytes());
    let model = Model::load(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/outage", String::new());
    ctx.title = ctx.tr.t("outage-title");
    let tr = &ctx.tr;

    let chosen: Vec<&str> = q.all("fail");
    let mut failed: Vec<usize> = chosen
        .iter()
        .filter_map(|v| v.split_once(':'))
        .filter_map(|(k, id)| Some((NodeKind::parse(k).ok()?, id.parse::<i64>().ok()?)))
        .filter_map(|(k, id)| model.node_index(k, id))
        .collect();
    let categories: Vec<Category> = q.all("category").into_iter().filter_map(Category::parse).collect();
    for c in &categories {
        failed.extend_from_slice(model.category(*c));
    }
    let hours: u32 = q.get("hours").and_then(|h| h.parse().ok()).filter(|h| DURATIONS.iter().any(|(d, _)| d == h)).unwrap_or(24);

    let mut groups = Vec::new();
    for kind in [NodeKind::System, NodeKind::Supplier, NodeKind::Resource] {
        let mut choices: Vec<Choice> = model
            .nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| {
                let value = format!("{}:{}", kind.code(), n.id);
                Choice { checked: chosen.contains(&value.as_str()), label: n.name.clone(), value }
            })
            .collect();
        choices.sort_by_key(|c| beredd_domain::sort::swedish_key(&c.label));
        if !choices.is_empty() {
            groups.push(Group { legend: tr.t(kind.label_id()), open: choices.iter().any(|c| c.checked), choices });
        }
    }
    let category_choices = Category::ALL
        .iter()
        .map(|c| Choice { value: c.code().into(), label: tr.t(&format!("outage-category-{}", c.code())), checked: categories.contains(c) })
        .collect();
    let durations = DURATIONS.iter().map(|(h, id)| Choice { value: h.to_string(), label: tr.t(id), checked: *h == hours }).collect();

    let bias: std::collections::HashMap<i64, crate::store::bia::Bia> =
        crate::store::bia::list(&state.db.pool, user.org_id).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let presets = model.presets().into_iter().map(|p| (tr.ts(p.title_id, "name", &p.name), format!("/outage?{}", p.query))).collect();
    let ran = !failed.is_empty();
    let findings = if ran { model.run(&failed) } else { Vec::new() };
    let row = |f: &crate::outage::Finding| {
        let n = &model.nodes[f.node];
        let (state, class) = match f.state {
            NodeState::Down => (tr.t("outage-down"), "state-down"),
            NodeState::Degraded if !f.fallbacks.is_empty() => (tr.t("outage-fallback"), "state-degraded"),
            NodeState::Degraded => (tr.t("outage-degraded"), "state-degraded"),
            NodeState::Working => (tr.t("outage-working"), "state-working"),
        };
        let b = (n.kind == NodeKind::Activity).then(|| bias.get(&n.id)).flatten();
        let mtpd = b.and_then(|b| b.mtpd_hours);
        let gap = f.state != NodeState::Working
            && f.fallbacks.is_empty()
            && beredd_domain::bia::exceeds_mtpd(hours, mtpd.and_then(|m| u32::try_from(m).ok()));
        let consequence = b
            .and_then(|b| beredd_domain::bia::consequence_at(hours, b.levels()))
            .map(|l| tr.t(&format!("level-{l}")))
            .unwrap_or_default();
        Row {
            mtpd: mtpd.map(|h| crate::web::pages::bia::hours_text(h, tr)).unwrap_or_default(),
            consequence,
            gap,
            name: n.name.clone(),
            href: format!("/{}/{}", slug(n.kind), n.id),
            state,
            state_class: class,
            criticality: n.criticality.as_deref().and_then(|c| Criticality::parse(c).ok()).map(|c| tr.t(c.label_id())).unwrap_or_default(),
            chain: f.chain.join(" → "),
            fallbacks: f.fallbacks.clone(),
        }
    };
    // What needs action first: stopped before degraded, the most critical first.
    let mut affected: Vec<&crate::outage::Finding> =
        findings.iter().filter(|f| f.state != NodeState::Working && model.nodes[f.node].kind == NodeKind::Activity).collect();
    affected.sort_by_key(|f| {
        let crit = model.nodes[f.node].criticality.as_deref().and_then(|c| Criticality::parse(c).ok()).unwrap_or(Criticality::Ovrig);
        (std::cmp::Reverse(f.state), !f.fallbacks.is_empty(), crit)
    });
    let mut activities: Vec<Row> = affected.into_iter().map(row).collect();
    // Critical gaps first; the sort is stable, so the order above holds within each group.
    activities.sort_by_key(|r| !r.gap);
    let systems: Vec<Row> = findings.iter().filter(|f| f.state != NodeState::Working && model.nodes[f.node].kind == NodeKind::System).map(row).collect();
    let mut working: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f.state == NodeState::Working && matches!(model.nodes[f.node].kind, NodeKind::Activity | NodeKind::System))
        .map(|f| {
            let n = &model.nodes[f.node];
            (n.name.clone(), format!("/{}/{}", slug(n.kind), n.id))
        })
        .collect();
    working.sort_by_key(|(n, _)| beredd_domain::sort::swedish_key(n));
    let down = findings.iter().filter(|f| f.state == NodeState::Down && model.nodes[f.node].kind == NodeKind::Activity).count();
    let summary = tr.ts("outage-summary", "counts", &format!("{down} / {} / {}", activities.len() - down, working.iter().filter(|(_, h)| h.starts_with("/activities")).count()));
    let cycles = beredd_domain::graph::cycles(&model.graph);
    let summary = if cycles.is_empty() { summary } else { format!("{summary} {}", tr.tn("outage-cycles", cycles.len() as i64)) };
    Ok(OutagePage { ctx, groups, categories: category_choices, durations, ran, summary, activities, systems, working, presets })
}
