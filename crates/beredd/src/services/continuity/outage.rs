//! Outage scenarios over the recorded dependencies: builds the domain graph from the registers
//! and names the results. The analysis itself lives in `beredd_domain::graph`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use beredd_domain::graph::{Edge, Graph, State};
use beredd_domain::{Criticality, Hosting, NodeKind, ResourceKind};

use crate::store::{DbError, activities, dependencies, resources, systems};

/// A whole category of nodes a user can fail at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Every system hosted inside the municipal network, and the network and server room.
    InsideNetwork,
}

impl Category {
    pub const ALL: &'static [Category] = &[Category::InsideNetwork];
    pub fn code(self) -> &'static str {
        match self {
            Category::InsideNetwork => "inside_network",
        }
    }
    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.code() == code)
    }
}

pub struct Node {
    pub kind: NodeKind,
    pub id: i64,
    pub name: String,
    /// Activities: their criticality.
    pub criticality: Option<Criticality>,
    /// Activities: samhällsviktig verksamhet in MSB's sense.
    pub society_critical: bool,
    /// Resources: their kind. Systems: the kind of resource they provide, if any.
    pub resource_kind: Option<ResourceKind>,
    /// Systems: their supplier, if it hosts them.
    pub hosted_by: Option<i64>,
}

/// A ready-made scenario: a title (message id and argument) and what fails.
pub struct Preset {
    pub title_id: &'static str,
    pub name: String,
    pub query: String,
}

pub struct Model {
    pub nodes: Vec<Node>,
    index: HashMap<(NodeKind, i64), usize>,
    pub graph: Graph,
    /// Fallback texts by edge index (in graph order).
    fallbacks: Vec<Option<String>>,
    inside_network: Vec<usize>,
}

/// One analysed node: its state and the chain of names back to what failed.
pub struct Finding {
    pub node: usize,
    pub state: State,
    pub chain: Vec<String>,
    pub fallbacks: Vec<String>,
}

impl Model {
    /// The organisation's model as this process keeps it, built again after a write to the
    /// registers it is made of (`store::versions`).
    pub async fn cached(db: &crate::platform::db::Db, org: i64) -> Result<std::sync::Arc<Model>, DbError> {
        crate::store::versions::cached(db, org, || Model::load(&db.pool, org)).await
    }

    pub async fn load(db: &sqlx::AnyPool, org: i64) -> Result<Model, DbError> {
        let mut nodes = Vec::new();
        for a in activities::list(db, org).await? {
            nodes.push(Node {
                kind: NodeKind::Activity,
                id: a.id,
                name: a.name,
                criticality: Some(a.criticality),
                society_critical: a.society_critical.get(),
                resource_kind: None,
                hosted_by: None,
            });
        }
        let systems = systems::list(db, org).await?;
        let resources = resources::list(db, org).await?;
        let mut inside = Vec::new();
        for s in &systems {
            if s.hosting == Hosting::Internal {
                inside.push((NodeKind::System, s.id));
            }
            let hosted_by = s.supplier_id.filter(|_| s.hosting == Hosting::SupplierCloud);
            if s.provides == Some(ResourceKind::Network) {
                inside.push((NodeKind::System, s.id));
            }
            nodes.push(Node {
                kind: NodeKind::System,
                id: s.id,
                name: s.name.clone(),
                criticality: None,
                society_critical: false,
                resource_kind: s.provides,
                hosted_by,
            });
        }
        for s in crate::store::suppliers::list(db, org).await? {
            nodes.push(Node {
                kind: NodeKind::Supplier,
                id: s.id,
                name: s.name,
                criticality: None,
                society_critical: false,
                resource_kind: None,
                hosted_by: None,
            });
        }
        for r in &resources {
            if matches!(r.kind, ResourceKind::Network | ResourceKind::DataCentre) {
                inside.push((NodeKind::Resource, r.id));
            }
            nodes.push(Node {
                kind: NodeKind::Resource,
                id: r.id,
                name: r.name.clone(),
                criticality: None,
                society_critical: false,
                resource_kind: Some(r.kind),
                hosted_by: None,
            });
        }
        let index: HashMap<(NodeKind, i64), usize> =
            nodes.iter().enumerate().map(|(i, n)| ((n.kind, n.id), i)).collect();
        let mut edges = Vec::new();
        let mut fallbacks = Vec::new();
        for d in dependencies::list(db, org).await? {
            let end = |kind: NodeKind, id: i64| index.get(&(kind, id)).copied();
            // An edge whose end has gone is skipped rather than failing the whole analysis.
            let (Some(from), Some(to)) = (end(d.from_kind, d.from_id), end(d.to_kind, d.to_id)) else { continue };
            edges.push(Edge { from, to, need: d.need.into(), fallback: d.fallback.is_some() });
            fallbacks.push(d.fallback);
        }
        let inside_network = inside.iter().filter_map(|k| index.get(k).copied()).collect();
        Ok(Model { graph: Graph::new(nodes.len(), edges), nodes, index, fallbacks, inside_network })
    }

    pub fn graph_edges(&self) -> usize {
        self.fallbacks.len()
    }

    pub fn node_index(&self, kind: NodeKind, id: i64) -> Option<usize> {
        self.index.get(&(kind, id)).copied()
    }

    pub fn category(&self, c: Category) -> &[usize] {
        match c {
            Category::InsideNetwork => &self.inside_network,
        }
    }

    /// The built-in scenarios that this organisation's data allows: an attack on the municipal
    /// network, a power cut per recorded electricity supply, the loss of each supplier (with the
    /// systems it hosts), and the loss of the mobile network or of e-mail and log-in where those
    /// are recorded as resources.
    pub fn presets(&self) -> Vec<Preset> {
        let fail = |n: &Node| format!("fail={}:{}", n.kind.code(), n.id);
        let of_kinds = |kinds: &[ResourceKind]| -> Vec<&Node> {
            self.nodes.iter().filter(|n| n.resource_kind.is_some_and(|k| kinds.contains(&k))).collect()
        };
        let mut out = Vec::new();
        if !self.inside_network.is_empty() {
            out.push(Preset {
                title_id: "preset-attack",
                name: String::new(),
                query: format!("category={}&hours=720", Category::InsideNetwork.code()),
            });
        }
        for n in of_kinds(&[ResourceKind::Electricity]) {
            out.push(Preset { title_id: "preset-power", name: n.name.clone(), query: format!("{}&hours=24", fail(n)) });
        }
        for group in [
            ("preset-mobile", &[ResourceKind::MobileNetwork][..]),
            ("preset-email-identity", &[ResourceKind::Email, ResourceKind::Identity][..]),
        ] {
            let nodes = of_kinds(group.1);
            if !nodes.is_empty() {
                let q: Vec<String> = nodes.iter().map(|n| fail(n)).collect();
                out.push(Preset { title_id: group.0, name: String::new(), query: format!("{}&hours=24", q.join("&")) });
            }
        }
        for s in self.nodes.iter().filter(|n| n.kind == NodeKind::Supplier) {
            let mut q = vec![fail(s)];
            q.extend(self.nodes.iter().filter(|n| n.hosted_by == Some(s.id)).map(fail));
            out.push(Preset {
                title_id: "preset-supplier",
                name: s.name.clone(),
                query: format!("{}&hours=168", q.join("&")),
            });
        }
        out
    }

    /// Runs the scenario and returns every node's finding.
    pub fn run(&self, failed: &[usize]) -> Vec<Finding> {
        let outage = self.graph.outage(failed);
        // Map each edge back to its index to find its fallback text.
        let edge_index: HashMap<(usize, usize), usize> = (0..self.fallbacks.len())
            .map(|i| {
                let e = self.graph.edge(i);
                ((e.from, e.to), i)
            })
            .collect();
        (0..self.nodes.len())
            .map(|n| {
                let chain_edges = outage.chain(&self.graph, n);
                let mut chain = Vec::with_capacity(chain_edges.len() + 1);
                if !chain_edges.is_empty() {
                    chain.push(self.nodes[n].name.clone());
                }
                let mut fallbacks = Vec::new();
                for e in &chain_edges {
                    chain.push(self.nodes[e.to].name.clone());
                    if let Some(Some(text)) = edge_index.get(&(e.from, e.to)).and_then(|i| self.fallbacks.get(*i)) {
                        fallbacks.push(text.clone());
                    }
                }
                Finding { node: n, state: outage.state[n], chain, fallbacks }
            })
            .collect()
    }
}
/// The activities an outage affects, in the order to act on them: stopped before degraded,
/// those without a fallback routine before those with one, the most critical first.
pub fn affected_activities<'a>(model: &Model, findings: &'a [Finding]) -> Vec<&'a Finding> {
    let mut affected: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.state != State::Working && model.nodes[f.node].kind == NodeKind::Activity)
        .collect();
    affected.sort_by_key(|f| {
        let crit = model.nodes[f.node].criticality.unwrap_or(Criticality::Ovrig);
        (std::cmp::Reverse(f.state), !f.fallbacks.is_empty(), crit)
    });
    affected
}

/// A gap: the outage stops or degrades the activity with no fallback routine, for longer than
/// it can be without (its maximum tolerable period of disruption, from the BIA).
pub fn is_gap(f: &Finding, hours: u32, mtpd_hours: Option<i64>) -> bool {
    f.state != State::Working
        && f.fallbacks.is_empty()
        && beredd_domain::bia::exceeds_mtpd(hours, mtpd_hours.and_then(|m| u32::try_from(m).ok()))
}

/// The fallback routine must hold longer than the activity can be without its systems: the
/// activity keeps going by hand, but only as long as the routine does.
pub fn routine_outlasts_tolerance(f: &Finding, hours: u32, mtpd_hours: Option<i64>) -> bool {
    f.state != State::Working
        && !f.fallbacks.is_empty()
        && beredd_domain::bia::exceeds_mtpd(hours, mtpd_hours.and_then(|m| u32::try_from(m).ok()))
}

/// What changed between a saved scenario's two latest runs: per activity whose state changed, its
/// name (`None` when it has been removed since) and the state codes before and after. The
/// results are stored as JSON maps from activity id to state code.
pub fn changes(model: &Model, previous: &str, last: &str) -> Vec<(Option<String>, String, String)> {
    let parse = |j: &str| serde_json::from_str::<BTreeMap<i64, String>>(j).unwrap_or_default();
    let (last, prev) = (parse(last), parse(previous));
    let ids: BTreeSet<i64> = last.keys().chain(prev.keys()).copied().collect();
    let mut out = Vec::new();
    for id in ids {
        let (before, after) = (prev.get(&id).cloned().unwrap_or_default(), last.get(&id).cloned().unwrap_or_default());
        if before != after {
            let name = model.nodes.iter().find(|n| n.kind == NodeKind::Activity && n.id == id).map(|n| n.name.clone());
            out.push((name, before, after));
        }
    }
    out
}
