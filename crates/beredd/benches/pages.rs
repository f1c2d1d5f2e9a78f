//! What building a page costs, without the network: the application's own router is called
//! in this process with one administrator's session, and each answer's body is read to its
//! end, for the pages the load script measures (issue 25) on the large municipality
//! (`demo --size large`; `SIZE=normal` for the ordinary demo). `/healthz` is measured in the
//! same run as the baseline: the cost of the router, the layers and the answer alone, so each
//! page's time is read as a multiple of it. The pages' answers are checked to be whole pages.
//! Run with `cargo bench -p beredd --bench pages`.

use axum::body::Body;
use axum::http::{Request, header};
use beredd::platform::db::Db;
use beredd::store::{orgs, sessions, users};
use criterion::{Criterion, criterion_group, criterion_main};
use tower::Service;

const PASSWORD: &str = "ett långt lösenord";

/// The demo municipality (grown to the large one unless SIZE=normal), its router and a session.
async fn setup(dir: &std::path::Path) -> (axum::Router, String, Db) {
    let db = Db::connect(&format!("sqlite://{}", dir.join("pages.db").display())).await.unwrap();
    db.migrate().await.unwrap();
    let summary = beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, PASSWORD).await.unwrap();
    if std::env::var("SIZE").as_deref() != Ok("normal") {
        beredd::content::demo::large::grow(&db, summary.org_id, &beredd::content::demo::large::LARGE).await.unwrap();
    }
    let org = orgs::first(&db.pool).await.unwrap().unwrap().id;
    let admin = users::by_username(&db.pool, org, "admin").await.unwrap().unwrap();
    let (token, _) = sessions::create(&db.pool, admin.id).await.unwrap();
    let state = beredd::web::AppState::new(db.clone(), false).unwrap();
    (beredd::web::router(state), format!("{}={token}", beredd::web::auth::SESSION_COOKIE), db)
}

/// One GET through the router, the body read to the end: (status, body length).
async fn get(app: &mut axum::Router, cookie: &str, path: &str) -> (u16, usize) {
    let req = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let resp = app.call(req).await.unwrap();
    let status = resp.status().as_u16();
    let body = axum::body::to_bytes(resp.into_body(), usize::MAX).await.unwrap();
    (status, body.len())
}

/// The first system and the first unit.
async fn first_ids(db: &Db) -> (i64, i64) {
    let (system,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM systems").fetch_one(&db.pool).await.unwrap();
    let (unit,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM units").fetch_one(&db.pool).await.unwrap();
    (system, unit)
}

fn pages(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile_dir();
    let (app, cookie, db) = rt.block_on(setup(&dir));
    let (system, unit) = rt.block_on(first_ids(&db));
    let paths = [
        "/healthz".to_owned(),
        "/".to_owned(),
        "/systems".to_owned(),
        format!("/systems/{system}"),
        "/actions".to_owned(),
        format!("/units/{unit}"),
    ];
    let mut group = c.benchmark_group("pages");
    for path in &paths {
        // Each page answers in full before it is timed (and its first answer fills what is kept).
        let (status, len) = rt.block_on(get(&mut app.clone(), &cookie, path));
        assert_eq!(status, 200, "{path} answers");
        assert!(path == "/healthz" || len > 2_000, "{path} is a whole page ({len} bytes)");
        group.bench_function(path.as_str(), |b| {
            let mut app = app.clone();
            b.iter(|| rt.block_on(get(&mut app, &cookie, path)))
        });
    }
    group.finish();
    rt.block_on(db.close());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh folder under the system's temporary folder.
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("beredd-pages-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(5));
    targets = pages
}
criterion_main!(benches);
