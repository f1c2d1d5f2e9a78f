//! How long reading a framework file takes: the shipped ISO 27001 Annex A file (97 requirements,
//! Beredd's TOML), and generated CISO Assistant libraries of 500 and 5000 requirement nodes, to
//! show that reading grows in step with the file (the line lookup for messages is one pass).
//! Run with `cargo bench -p beredd --bench frameworks`.

use criterion::{Criterion, criterion_group, criterion_main};

/// A CISO Assistant library with `n` nodes: chapters of ten assessable requirements each.
fn ciso(n: usize) -> String {
    let mut s = String::from(
        "urn: urn:bench:library:gen\nref_id: gen\nname: Generated\nversion: 1\nprovider: Bench\nobjects:\n  framework:\n    urn: urn:bench:framework:gen\n    ref_id: gen\n    name: Generated\n    requirement_nodes:\n",
    );
    for i in 0..n {
        if i % 11 == 0 {
            s.push_str(&format!(
                "    - urn: urn:bench:req:gen:c{i}\n      assessable: false\n      depth: 1\n      name: Kapitel {i}\n"
            ));
        } else {
            let parent = i - i % 11;
            s.push_str(&format!(
                "    - urn: urn:bench:req:gen:r{i}\n      assessable: true\n      depth: 2\n      parent_urn: urn:bench:req:gen:c{parent}\n      ref_id: '{i}'\n      description: Krav nummer {i} med en mening som är ungefär så lång som en riktig kravtext brukar vara.\n"
            ));
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let iso = beredd::content::frameworks::library_file("iso27001-bilaga-a").expect("shipped file");
    let (small, large) = (ciso(500), ciso(5000));
    assert_eq!(beredd::content::frameworks::parse_ciso(&large).unwrap().nodes.len(), 5000);
    println!(
        "ISO file {} kB; CISO 500 nodes {} kB; 5000 nodes {} kB",
        iso.len() / 1024,
        small.len() / 1024,
        large.len() / 1024
    );
    c.bench_function("iso27001 annex A (toml, 97 requirements)", |b| {
        b.iter(|| beredd::content::frameworks::parse_toml(&iso).unwrap())
    });
    c.bench_function("ciso assistant yaml, 500 nodes", |b| {
        b.iter(|| beredd::content::frameworks::parse_ciso(&small).unwrap())
    });
    c.bench_function("ciso assistant yaml, 5000 nodes", |b| {
        b.iter(|| beredd::content::frameworks::parse_ciso(&large).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
