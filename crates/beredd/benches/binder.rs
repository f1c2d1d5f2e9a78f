//! How long the printed binder takes, from the database to the PDF: for the demo municipality
//! (6 approved plans) and for a generated organisation of 300 units with one plan each. The plan
//! sections are kept between prints (`binder_parts`), so each binder is timed cold (nothing
//! kept: every plan typeset), warm (every plan kept) and, for the 300 units, with one plan's
//! section missing (as after a new approved version of one plan). The sizes of the PDFs are
//! printed before the timings. Run with `cargo bench -p beredd --bench binder`.

use beredd::platform::db::Db;
use beredd::platform::i18n::{Catalog, Lang, Tr};
use beredd::services::continuity::binder::{self, Scope};
use beredd::store::{activities, orgs, people, plans, units};
use beredd_domain::{ContactKind, Criticality, UnitKind};
use criterion::{Criterion, criterion_group, criterion_main};

async fn demo(dir: &std::path::Path) -> (Db, i64) {
    let db = Db::connect(&format!("sqlite://{}", dir.join("demo.db").display())).await.unwrap();
    db.migrate().await.unwrap();
    beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, "ett långt lösenord").await.unwrap();
    let org = orgs::first(&db.pool).await.unwrap().unwrap().id;
    (db, org)
}

/// 300 home-care units, each with a manager, five staff, two critical activities and an approved
/// plan drafted from the home-care template.
async fn generated(dir: &std::path::Path, n: usize) -> (Db, i64) {
    let db = Db::connect(&format!("sqlite://{}", dir.join("big.db").display())).await.unwrap();
    db.migrate().await.unwrap();
    let org = orgs::create(&db.pool, "Storkommun", None, "storkommun").await.unwrap();
    let templates = beredd::content::plan_templates::load().unwrap();
    let template = templates.iter().find(|t| t.id == "hemtjanst").unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let top = units::insert(&mut tx, org, &unit_input("Äldreomsorgen", None, UnitKind::Forvaltning)).await.unwrap();
    for i in 0..n {
        let name = format!("Hemtjänstgrupp {i:03}");
        let unit = units::insert(&mut tx, org, &unit_input(&name, Some(top), UnitKind::Enhet)).await.unwrap();
        let mut staff = Vec::new();
        for s in 0..6 {
            let p = people::PersonInput {
                kind: ContactKind::Staff,
                name: format!("Person {i:03}-{s}"),
                title: Some(if s == 0 { "Enhetschef".into() } else { "Undersköterska".into() }),
                unit_id: Some(unit),
                organisation: None,
                supplier_id: None,
                work_phone: Some(format!("070-174 06 {:02}", 10 + s)),
                private_phone: None,
                email: None,
                reachable_off_hours: s < 2,
                notes: None,
                employee_number: None,
            };
            staff.push(people::insert(&mut tx, org, &p).await.unwrap());
        }
        let mut u = unit_input(&name, Some(top), UnitKind::Enhet);
        u.manager_id = Some(staff[0]);
        units::update(&mut tx, org, unit, &u).await.unwrap();
        for a in ["Hemtjänstbesök", "Utryckning på trygghetslarm"] {
            let input = activities::ActivityInput {
                unit_id: unit,
                name: a.into(),
                description: None,
                recipients: None,
                criticality: Criticality::Akut,
                society_critical: true,
            };
            activities::insert(&mut tx, org, &input).await.unwrap();
        }
    }
    tx.commit().await.unwrap();
    let all_units = units::list(&db.pool, org).await.unwrap();
    let all_people = people::list(&db.pool, org).await.unwrap();
    let all_activities = activities::list(&db.pool, org).await.unwrap();
    let regs = beredd::services::continuity::plans::Registers {
        units: &all_units,
        activities: &all_activities,
        people: &all_people,
        dependencies: &[],
        systems: &[],
        suppliers: &[],
    };
    let mut tx = db.begin_write().await.unwrap();
    for u in all_units.iter().filter(|u| u.parent_id.is_some()) {
        let mut content = beredd::services::continuity::plans::draft(template, &regs, &[u.id]);
        content.hotline.number = "0980-319 210".into();
        let id = plans::create(&mut tx, org, &format!("Plan {}", u.name), Some("hemtjanst"), &[u.id], &content, "Bänk")
            .await
            .unwrap();
        let by = plans::Approval { approver_id: None, approver: "Bänk", recorded_by: "Bänk" };
        assert!(plans::approve(&mut tx, org, (id, 1), &by, "2027-01-01".parse().unwrap()).await.unwrap());
    }
    tx.commit().await.unwrap();
    (db, org)
}

fn unit_input(name: &str, parent: Option<i64>, kind: UnitKind) -> units::UnitInput {
    units::UnitInput {
        parent_id: parent,
        kind,
        name: name.into(),
        manager_id: None,
        address: None,
        staff_count: Some(6),
        around_the_clock: false,
        description: None,
        code: None,
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (demo_db, demo_org) = rt.block_on(demo(dir.path()));
    let (big_db, big_org) = rt.block_on(generated(dir.path(), 300));
    let tr = Tr::new(Catalog::load(), Lang::Sv);
    let make = |db: &Db, org: i64| {
        let b = rt.block_on(binder::prepare(&db.pool, &tr, org, Scope::All, "Bänk", "2026-11-23")).unwrap().unwrap();
        let r = rt.block_on(binder::render(db, org, &b)).unwrap();
        (b.plans.len(), r.pdf.len(), r.typeset)
    };
    // Forgets the kept sections: all of them, or one plan's.
    let forget = |db: &Db, org: i64, one: bool| {
        let sql = if one {
            "DELETE FROM binder_parts WHERE org_id = $1 AND plan_id = (SELECT MIN(plan_id) FROM binder_parts WHERE org_id = $1)"
        } else {
            "DELETE FROM binder_parts WHERE org_id = $1"
        };
        rt.block_on(sqlx::query(sql).bind(org).execute(&db.pool)).unwrap();
    };
    for (label, db, org) in [("demo", &demo_db, demo_org), ("300 units", &big_db, big_org)] {
        for run in ["cold", "warm"] {
            let start = std::time::Instant::now();
            let (plans, bytes, typeset) = make(db, org);
            eprintln!(
                "binder of {label}, {run}: {plans} plans ({typeset} typeset), {:.1} MB, {:.2} s",
                bytes as f64 / 1_048_576.0,
                start.elapsed().as_secs_f64()
            );
        }
    }
    let mut group = c.benchmark_group("binder");
    group.sample_size(10);
    for (label, db, org) in [("demo", &demo_db, demo_org), ("300_units", &big_db, big_org)] {
        group.bench_function(format!("{label}_cold"), |b| {
            b.iter_batched(|| forget(db, org, false), |_| make(db, org), criterion::BatchSize::PerIteration)
        });
        group.bench_function(format!("{label}_warm"), |b| b.iter(|| make(db, org)));
    }
    group.bench_function("300_units_one_changed", |b| {
        b.iter_batched(
            || forget(&big_db, big_org, true),
            |_| make(&big_db, big_org),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
