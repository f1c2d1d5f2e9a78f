//! Dependencies and outage analysis: "if these fail, what stops, what limps on, what keeps
//! working?" The graph is whatever the municipality recorded, so it may hold cycles; the
//! analysis is two breadth-first passes over the reversed edges, linear in nodes plus edges,
//! and never loops.

use std::collections::VecDeque;

/// How much a node needs what it depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Without it, the dependent stops (unless a fallback routine covers it).
    Stops,
    /// Without it, the dependent goes on, reduced.
    Degraded,
}

/// `from` depends on `to`. `fallback` says a fallback routine (reservrutin) replaces `to` for
/// `from`, so losing it degrades `from` instead of stopping it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub need: Need,
    pub fallback: bool,
}

/// A node's state during an outage, worst last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Working,
    Degraded,
    Down,
}

/// The graph in the form the analysis walks: for each node, the edges that point at it.
pub struct Graph {
    nodes: usize,
    edges: Vec<Edge>,
    /// `dependents[offsets[n]..offsets[n + 1]]` are the indices of the edges whose `to` is `n`.
    offsets: Vec<usize>,
    dependents: Vec<usize>,
}

/// Why a node is in the state it is: the edge that brought it there (none for failed nodes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause {
    pub edge: Option<usize>,
}

pub struct Outage {
    pub state: Vec<State>,
    cause: Vec<Option<usize>>,
    failed: Vec<bool>,
}

impl Graph {
    /// Builds the reverse index. Edges naming a node outside `0..nodes` are ignored.
    pub fn new(nodes: usize, edges: Vec<Edge>) -> Graph {
        let edges: Vec<Edge> = edges.into_iter().filter(|e| e.from < nodes && e.to < nodes).collect();
        let mut counts = vec![0usize; nodes + 1];
        for e in &edges {
            counts[e.to + 1] += 1;
        }
        for i in 1..=nodes {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut fill = counts;
        let mut dependents = vec![0usize; edges.len()];
        for (i, e) in edges.iter().enumerate() {
            dependents[fill[e.to]] = i;
            fill[e.to] += 1;
        }
        Graph { nodes, edges, offsets, dependents }
    }

    pub fn len(&self) -> usize {
        self.nodes
    }

    pub fn is_empty(&self) -> bool {
        self.nodes == 0
    }

    pub fn edge(&self, i: usize) -> Edge {
        self.edges[i]
    }

    fn edges_into(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.dependents[self.offsets[n]..self.offsets[n + 1]].iter().copied()
    }

    /// What happens when the `failed` nodes are gone.
    ///
    /// A node is down if it is failed, or if it stops without something that is down and no
    /// fallback covers that. It is degraded if it is not down but depends, in any way, on
    /// something down or degraded.
    pub fn outage(&self, failed: &[usize]) -> Outage {
        let mut state = vec![State::Working; self.nodes];
        let mut cause = vec![None; self.nodes];
        let mut is_failed = vec![false; self.nodes];
        let mut queue = VecDeque::new();
        for &f in failed.iter().filter(|f| **f < self.nodes) {
            if !is_failed[f] {
                is_failed[f] = true;
                state[f] = State::Down;
                queue.push_back(f);
            }
        }
        // Pass 1: what stops. Only hard needs without a fallback carry "down".
        let mut down_order = Vec::with_capacity(queue.len());
        while let Some(n) = queue.pop_front() {
            down_order.push(n);
            for ei in self.edges_into(n) {
                let e = self.edges[ei];
                if e.need == Need::Stops && !e.fallback && state[e.from] != State::Down {
                    state[e.from] = State::Down;
                    cause[e.from] = Some(ei);
                    queue.push_back(e.from);
                }
            }
        }
        // Pass 2: everything else that depends on something not working runs degraded.
        queue.extend(down_order);
        while let Some(n) = queue.pop_front() {
            for ei in self.edges_into(n) {
                let from = self.edges[ei].from;
                if state[from] == State::Working {
                    state[from] = State::Degraded;
                    cause[from] = Some(ei);
                    queue.push_back(from);
                }
            }
        }
        Outage { state, cause, failed: is_failed }
    }
}

impl Outage {
    pub fn is_failed(&self, n: usize) -> bool {
        self.failed[n]
    }

    /// The chain of edges from `n` back to a failed node, nearest first (empty for a failed or
    /// working node). Each step's `to` is the next step's `from`.
    pub fn chain(&self, graph: &Graph, n: usize) -> Vec<Edge> {
        let mut out = Vec::new();
        let mut cur = n;
        // A chain visits each node at most once, so its length is bounded by the node count.
        while let Some(ei) = self.cause[cur] {
            let e = graph.edge(ei);
            out.push(e);
            cur = e.to;
            if out.len() > graph.len() {
                break;
            }
        }
        out
    }

    /// Whether a fallback routine stands somewhere on `n`'s chain: the node goes on by hand.
    pub fn covered_by_fallback(&self, graph: &Graph, n: usize) -> bool {
        self.chain(graph, n).iter().any(|e| e.fallback)
    }
}

/// Every cycle's nodes are reported once, for showing the user (Tarjan's algorithm, iterative so
/// that a long chain cannot overflow the stack). Returns the strongly connected components with
/// more than one node, or one node with an edge to itself.
pub fn cycles(graph: &Graph) -> Vec<Vec<usize>> {
    let n = graph.len();
    // Forward adjacency.
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &graph.edges {
        out_edges[e.from].push(e.to);
    }
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0usize;
    let mut result = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            if *i == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if *i < out_edges[v].len() {
                let w = out_edges[v][*i];
                *i += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    let self_loop = component.len() == 1 && out_edges[v].contains(&v);
                    if component.len() > 1 || self_loop {
                        component.sort_unstable();
                        result.push(component);
                    }
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(from: usize, to: usize, need: Need, fallback: bool) -> Edge {
        Edge { from, to, need, fallback }
    }

    // 0 municipal network, 1 identity, 2 case system, 3 payment of financial assistance,
    // 4 mobile network, 5 safety alarms, 6 alarm response, 7 health-care records, 8 nurse visits.
    fn kalix() -> Graph {
        Graph::new(
            9,
            vec![
                edge(1, 0, Need::Stops, false),
                edge(2, 1, Need::Stops, false),
                edge(3, 2, Need::Stops, true),
                edge(5, 4, Need::Stops, false),
                edge(6, 5, Need::Stops, false),
                edge(7, 1, Need::Stops, false),
                edge(8, 7, Need::Degraded, false),
            ],
        )
    }

    #[test]
    fn losing_the_municipal_network_stops_what_runs_inside_it() {
        let g = kalix();
        let o = g.outage(&[0]);
        assert_eq!(o.state[1], State::Down);
        assert_eq!(o.state[2], State::Down);
        assert_eq!(o.state[7], State::Down);
    }

    #[test]
    fn a_fallback_turns_a_stop_into_manual_work() {
        let o = kalix().outage(&[0]);
        assert_eq!(o.state[3], State::Degraded);
        assert!(o.covered_by_fallback(&kalix(), 3));
    }

    #[test]
    fn what_runs_outside_the_network_keeps_working() {
        let o = kalix().outage(&[0]);
        assert_eq!(o.state[5], State::Working);
        assert_eq!(o.state[6], State::Working);
        assert_eq!(o.state[4], State::Working);
    }

    #[test]
    fn a_soft_need_degrades_and_the_chain_leads_back_to_the_failure() {
        let g = kalix();
        let o = g.outage(&[0]);
        assert_eq!(o.state[8], State::Degraded);
        let chain: Vec<(usize, usize)> = o.chain(&g, 8).iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(chain, [(8, 7), (7, 1), (1, 0)]);
    }

    #[test]
    fn cycles_are_found_and_never_hang_the_analysis() {
        let g = Graph::new(
            4,
            vec![
                edge(0, 1, Need::Stops, false),
                edge(1, 2, Need::Stops, false),
                edge(2, 0, Need::Stops, false),
                edge(3, 3, Need::Degraded, false),
            ],
        );
        let o = g.outage(&[1]);
        assert_eq!(o.state[..3], [State::Down, State::Down, State::Down]);
        assert_eq!(o.chain(&g, 0).len(), 1);
        assert_eq!(o.chain(&g, 2).len(), 2);
        assert_eq!(cycles(&g), vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn nothing_failed_means_everything_works() {
        let o = kalix().outage(&[]);
        assert!(o.state.iter().all(|s| *s == State::Working));
    }

    #[test]
    fn edges_to_unknown_nodes_are_ignored() {
        let g = Graph::new(2, vec![edge(0, 7, Need::Stops, false), edge(0, 1, Need::Stops, false)]);
        assert_eq!(g.outage(&[1, 9]).state, [State::Down, State::Down]);
    }
}
