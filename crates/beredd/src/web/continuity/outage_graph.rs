//! The dependency graph as an SVG drawn on the server: one column per kind (activities, systems,
//! suppliers, resources), lines from what depends to what it depends on, and every node marked
//! by its state in the scenario, by shape and text as well as colour.

use beredd_domain::NodeKind;
use beredd_domain::graph::State;

use crate::platform::i18n::Tr;
use crate::services::continuity::outage::{Finding, Model};

pub struct NodeView {
    pub x: i64,
    pub y: i64,
    pub label: String,
    pub title: String,
    pub class: &'static str,
    /// A short mark that does not rely on colour: "✕" stopped, "!" degraded, "✓" working.
    pub mark: &'static str,
}

pub struct EdgeView {
    pub d: String,
    pub class: &'static str,
}

pub struct ColumnView {
    pub x: i64,
    pub title: String,
}

pub struct GraphView {
    pub width: i64,
    pub height: i64,
    pub node_width: i64,
    pub node_height: i64,
    pub columns: Vec<ColumnView>,
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
}

const COLUMN_WIDTH: i64 = 250;
const NODE_WIDTH: i64 = 210;
const NODE_HEIGHT: i64 = 26;
const ROW: i64 = 32;
const TOP: i64 = 40;
const LABEL_CHARS: usize = 28;

fn shorten(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_owned()
    } else {
        format!("{}…", name.chars().take(LABEL_CHARS - 1).collect::<String>())
    }
}

/// The columns in their order, left to right.
const ORDER: [NodeKind; 4] = [NodeKind::Activity, NodeKind::System, NodeKind::Supplier, NodeKind::Resource];

/// A node's look in the scenario: its class, its mark, and its state in words.
fn look(findings: &[Finding], i: usize, tr: &Tr) -> (&'static str, &'static str, String) {
    let state = findings.get(i).map(|f| f.state).unwrap_or(State::Working);
    let failed = findings.get(i).is_some_and(|f| f.chain.is_empty() && f.state == State::Down);
    match state {
        State::Down if failed => ("node failed", "✕", tr.t("graph-failed")),
        State::Down => ("node down", "✕", tr.t("outage-down")),
        State::Degraded => ("node degraded", "!", tr.t("outage-degraded")),
        State::Working => ("node working", "✓", tr.t("outage-working")),
    }
}

/// The nodes in their columns, by name; their positions by node index; the rows each column has.
fn place(model: &Model, findings: &[Finding], tr: &Tr) -> (Vec<NodeView>, Vec<(i64, i64)>, [i64; 4]) {
    let mut position = vec![(0i64, 0i64); model.nodes.len()];
    let mut rows = [0i64; 4];
    let mut nodes = Vec::with_capacity(model.nodes.len());
    let mut indices: Vec<usize> = (0..model.nodes.len()).collect();
    indices.sort_by_key(|i| beredd_domain::sort::swedish_key(&model.nodes[*i].name));
    for i in indices {
        let n = &model.nodes[i];
        let col = ORDER.iter().position(|k| *k == n.kind).unwrap_or(0);
        let (x, y) = (10 + col as i64 * COLUMN_WIDTH, TOP + rows[col] * ROW);
        rows[col] += 1;
        position[i] = (x, y);
        let (class, mark, state_text) = look(findings, i, tr);
        let title = format!("{} ({}): {state_text}", n.name, tr.t(n.kind.label_id()));
        nodes.push(NodeView { x, y, label: shorten(&n.name), title, class, mark });
    }
    (nodes, position, rows)
}

/// The lines from what depends to what it depends on; hot where both ends are affected.
fn edges(model: &Model, findings: &[Finding], position: &[(i64, i64)]) -> Vec<EdgeView> {
    let affected = |i: usize| findings.get(i).is_some_and(|f| f.state != State::Working);
    (0..model.graph_edges())
        .map(|ei| {
            let e = model.graph.edge(ei);
            let ((fx, fy), (tx, ty)) = (position[e.from], position[e.to]);
            let (x1, y1) = (fx + NODE_WIDTH, fy + NODE_HEIGHT / 2);
            let (x2, y2) = (tx, ty + NODE_HEIGHT / 2);
            // Edges within one column (a system needing a system) bend out to the right.
            let d = if x2 > x1 {
                let mid = (x1 + x2) / 2;
                format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}")
            } else {
                let out = fx + NODE_WIDTH + 30;
                format!("M{x1},{y1} C{out},{y1} {out},{y2} {},{y2}", tx + NODE_WIDTH)
            };
            EdgeView { d, class: if affected(e.from) && affected(e.to) { "edge hot" } else { "edge" } }
        })
        .collect()
}

pub fn draw(model: &Model, findings: &[Finding], tr: &Tr) -> GraphView {
    let (nodes, position, rows) = place(model, findings, tr);
    let columns = ORDER
        .iter()
        .enumerate()
        .map(|(c, k)| ColumnView { x: 10 + c as i64 * COLUMN_WIDTH, title: tr.t(k.label_id()) })
        .collect();
    GraphView {
        width: 10 + 4 * COLUMN_WIDTH,
        height: TOP + rows.iter().max().copied().unwrap_or(0) * ROW + 10,
        node_width: NODE_WIDTH,
        node_height: NODE_HEIGHT,
        columns,
        nodes,
        edges: edges(model, findings, &position),
    }
}
