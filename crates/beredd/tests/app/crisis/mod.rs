//! Crisis mode over HTTP: incidents with their board, log, staff and roster, communication and
//! reporting clocks, staff meetings, recovery, exercises and lessons, and the bundles and kit
//! logs that come back from laptops and kits.

mod board;
mod bundle_checks;
mod comms;
mod incidents;
mod lessons;
mod meetings;
mod paper;
mod publish;
mod recovery;
mod reporting;
mod signing;
mod times;

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, care_home, id_of};

/// A care home with a manager and an approved plan; returns the unit's id.
async fn unit_with_plan(app: &TestApp, s: &Session) -> i64 {
    let (top, home, manager) = care_home(app, s).await;
    s.post(
        &format!("/units/{home}/edit"),
        &[("name", "Björkgårdens äldreboende"), ("kind", "enhet"), ("parent", &top.to_string()), ("manager", &manager)],
    )
    .await;
    s.post(
        "/activities/new",
        &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "akut")],
    )
    .await;
    let plan = id_of(
        &s.post(
            "/plans/new",
            &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
        )
        .await,
    );
    crate::continuity::fill_in(s, &plan, &[crate::continuity::HOTLINE]).await;
    assert_eq!(crate::harness::approve(s, &plan, "1").await.status, StatusCode::SEE_OTHER);
    home
}

/// Starts an incident for `unit` and returns its id (the backup test in cli.rs uses it too).
pub(crate) async fn start(s: &Session, unit: i64) -> String {
    let r = s
        .post(
            "/incidents/new",
            &[
                ("title", "IT-systemen är utslagna"),
                ("discovered_at", "2026-11-23 07:10"),
                ("raised_by", "IT-enheten"),
                ("units", &unit.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id_of(&r)
}

async fn verdict(app: &TestApp, id: &str) -> beredd::store::incidents::Verdict {
    let mut conn = app.db.pool.acquire().await.unwrap();
    beredd::store::incidents::verify(&mut conn, app.org, id.parse().unwrap()).await.unwrap().unwrap()
}
