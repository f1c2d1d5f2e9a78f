//! How long a full-outage scenario takes on generated graphs from 10 000 to 1 000 000 edges.
//! The goal (issue 4): 100 000 nodes and 1 000 000 edges in under 100 ms on a 2-core machine.

use beredd_domain::graph::{Edge, Graph, Need};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A municipality-shaped graph: the first 1 % of nodes are infrastructure (network, identity,
/// power…); every other node depends on ten earlier nodes, so failing the infrastructure reaches
/// nearly everything. A fixed linear congruential generator keeps runs comparable.
fn generate(nodes: usize, edges: usize) -> (Graph, Vec<usize>) {
    let mut seed: u64 = 0x2021_1216;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let infra = (nodes / 100).max(1);
    let mut list = Vec::with_capacity(edges);
    for i in 0..edges {
        let from = infra + (i % (nodes - infra));
        let to = next() % from;
        let r = next() % 10;
        list.push(Edge { from, to, need: if r < 6 { Need::Stops } else { Need::Degraded }, fallback: r == 0 });
    }
    (Graph::new(nodes, list), (0..infra).collect())
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_outage");
    group.sample_size(20);
    for (nodes, edges) in [(1_000, 10_000), (10_000, 100_000), (100_000, 1_000_000)] {
        let (graph, failed) = generate(nodes, edges);
        group.bench_with_input(BenchmarkId::from_parameter(format!("{nodes}n_{edges}e")), &failed, |b, failed| {
            b.iter(|| graph.outage(std::hint::black_box(failed)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
