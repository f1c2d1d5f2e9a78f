//! Recovery: the backlog of what was done by hand, its burn-down and forecast, and systems
//! restored.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, id_of, kinds, texts};

#[tokio::test]
async fn the_backlog_burns_down_with_a_forecast_and_restored_systems_are_logged() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        let sys = id_of(
            &s.post(
                "/systems/new",
                &[("name", "Verksamhetssystem vård"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await,
        );
        assert!(s.get(&format!("/incidents/{id}/recovery")).await.body.contains("Ingen efterregistrering är inlagd."));

        let r = s
            .post(
                &format!("/incidents/{id}/recovery"),
                &[("unit", &unit.to_string()), ("kind", "care_doc"), ("total", "0"), ("priority", "legal")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Antal"));
        let r = s
            .post(
                &format!("/incidents/{id}/recovery"),
                &[
                    ("unit", &unit.to_string()),
                    ("system", &sys),
                    ("kind", "care_doc"),
                    ("total", "120"),
                    ("assignee", "Bo Ek"),
                    ("priority", "legal"),
                    ("deadline", "2020-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let item: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM backlog_items").fetch_one(&app.db.pool).await.unwrap().0;
        s.post(
            &format!("/incidents/{id}/recovery"),
            &[("unit", &unit.to_string()), ("kind", "other"), ("total", "5"), ("priority", "normal")],
        )
        .await;
        s.post(
            &format!("/incidents/{id}/recovery"),
            &[("unit", &unit.to_string()), ("kind", "payments"), ("total", "3"), ("priority", "high")],
        )
        .await;
        let order = texts(&s.get(&format!("/incidents/{id}/recovery")).await.body, "li.board-item .label");
        assert!(
            order[0].contains("Omvårdnadsdokumentation")
                && order[1].contains("Utbetalningar")
                && order[2].contains("Annat"),
            "legal deadlines first: {order:?}"
        );
        sqlx::query("DELETE FROM backlog_items WHERE id <> $1").bind(item).execute(&app.db.pool).await.unwrap();
        // Two earlier days of progress, written as if they had happened: 120 → 90 → 60.
        sqlx::query("UPDATE backlog_progress SET day = '2026-11-20'").execute(&app.db.pool).await.unwrap();
        for (day, n) in [("2026-11-21", 30), ("2026-11-22", 30)] {
            sqlx::query(
                "INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, 0, $3, 'Bo')",
            )
            .bind(item)
            .bind(day)
            .bind(n)
            .execute(&app.db.pool)
            .await
            .unwrap();
        }
        sqlx::query("UPDATE backlog_items SET done = 60").execute(&app.db.pool).await.unwrap();
        let page = s.get(&format!("/incidents/{id}/recovery")).await.body;
        assert!(texts(&page, "li.board-item .status")[0].contains("60 / 120 (50 %)"));
        assert!(texts(&page, "li.board-item .status strong").iter().any(|t| t == "försenad"), "past its deadline");
        let series = texts(&page, "details table tbody tr td");
        assert_eq!(&series[..6], ["2026-11-20", "120", "2026-11-21", "90", "2026-11-22", "60"]);
        let forecast = texts(&page, "#forecast")[0].clone();
        assert!(forecast.starts_with("I nuvarande takt är allt infört"), "{forecast}");

        // Entering the rest finishes it.
        assert_eq!(
            s.post(&format!("/incidents/{id}/recovery/{item}"), &[("done", "120")]).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(texts(&s.get(&format!("/incidents/{id}/recovery")).await.body, "#forecast"), ["Allt är infört."]);
        assert!(
            texts(&s.get(&format!("/incidents/{id}/log")).await.body, "li.entry .pre")
                .iter()
                .any(|t| t.starts_with("Efterregistrering införd:") && t.ends_with("120 / 120")),
            "progress is in the log"
        );

        // A system back, with the routines switched back, goes into the log.
        let r = s
            .post(
                &format!("/incidents/{id}/restored"),
                &[
                    ("restored_system", &sys),
                    ("restored_at", "2026-11-24 10:30"),
                    ("switched_back", "Papperssignering"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre").iter().any(|t| t
                == "Systemet fungerar igen: Verksamhetssystem vård. Reservrutiner som avslutats: Papperssignering")
        );
    }
}
