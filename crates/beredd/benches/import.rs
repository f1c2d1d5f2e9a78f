//! How long importing the staff register takes: an HR file of 1,000 staff rows (CSV, as Excel
//! writes it) into an empty register (1,000 new people, each with its audit entry), and next
//! month's file in which every phone number changed (1,000 updates), each stored in one
//! transaction on SQLite. The goal (issue 19) is under 2 s in a release build.
//! Run with `cargo bench -p beredd --bench import`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use beredd::platform::db::Db;
use beredd::services::organisation::import::{self, Kind};
use beredd::store::{audit::Actor, orgs, units};
use beredd_domain::UnitKind;
use criterion::{Criterion, criterion_group, criterion_main};

const STAFF: usize = 1000;

/// A database with one organisation and 20 units for the staff to belong to.
async fn fresh(dir: &std::path::Path, n: usize) -> (Db, Actor) {
    let db = Db::connect(&format!("sqlite://{}", dir.join(format!("import-{n}.db")).display())).await.unwrap();
    db.migrate().await.unwrap();
    let org = orgs::create(&db.pool, "Storkommun", None, "storkommun").await.unwrap();
    for u in 0..20 {
        let input = units::UnitInput {
            parent_id: None,
            kind: UnitKind::Enhet,
            name: format!("Hemtjänstgrupp {u:02}"),
            manager_id: None,
            address: None,
            staff_count: None,
            around_the_clock: false,
            description: None,
            code: Some(format!("44{u:02}")),
        };
        units::insert(&mut db.pool.acquire().await.unwrap(), org, &input).await.unwrap();
    }
    (db, Actor { org_id: org, user_id: None, username: "bänk".into() })
}

/// The HR system's file: employee number, name, title, unit code, phone, e-mail.
fn hr_file(phone_series: u32) -> Vec<u8> {
    let mut s = String::from("Anställningsnummer;Namn;Titel;Enhet;Arbetstelefon;E-post\r\n");
    for i in 0..STAFF {
        s.push_str(&format!(
            "{};Person Nummer {i:04};Undersköterska;44{:02};070-{phone_series}{:02} {:02} {:02};person.{i}@exempel.se\r\n",
            10_000 + i,
            i % 20,
            i / 100,
            (i / 10) % 10,
            i % 100,
        ));
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (hr_file(1), hr_file(2));
    let apply = |db: &Db, actor: &Actor, file: &[u8]| {
        let p = rt
            .block_on(import::apply(db, actor, Kind::People, ("personal.csv", file), &HashMap::new()))
            .unwrap()
            .unwrap();
        assert!(p.stored && p.errors.is_empty(), "{:?}", p.errors.first());
        p
    };
    let (db, actor) = rt.block_on(fresh(dir.path(), 0));
    let start = Instant::now();
    let p = apply(&db, &actor, &first);
    eprintln!(
        "1000 staff into an empty register: {} new, first run {:.2} s",
        p.added.len(),
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let p = apply(&db, &actor, &second);
    eprintln!("every phone changed: {} changed, first run {:.2} s", p.changed.len(), start.elapsed().as_secs_f64());

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("1000_new_staff", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let (db, actor) = rt.block_on(fresh(dir.path(), n));
                let start = Instant::now();
                assert_eq!(apply(&db, &actor, &first).added.len(), STAFF);
                total += start.elapsed();
                rt.block_on(db.close());
            }
            total
        })
    });
    let mut flip = false;
    group.bench_function("1000_phones_changed", |b| {
        b.iter(|| {
            flip = !flip;
            assert_eq!(apply(&db, &actor, if flip { &first } else { &second }).changed.len(), STAFF);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
