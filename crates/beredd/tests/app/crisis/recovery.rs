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

#[tokio::test]
async fn the_capacity_estimate_counts_days_to_catch_up_and_refuses_bad_figures_by_field() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Särskilt boende Björkbacken", None).await;
        let id = start(&s, unit).await;
        let page = s.get(&format!("/incidents/{id}/recovery")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "#catch-up-heading"), ["Hur lång tid tar det att komma ikapp?"]);
        assert!(page.body.contains(r#"id="minutes_per_entry" name="minutes_per_entry" type="number" value="5""#));
        assert!(texts(&page.body, "#catch-up-result").is_empty(), "nothing counted before the form is sent");

        // 120 items on the list, 30 of them entered: 90 left.
        let r = s
            .post(
                &format!("/incidents/{id}/recovery"),
                &[("unit", &unit.to_string()), ("kind", "medication"), ("total", "120"), ("priority", "legal")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        sqlx::query("UPDATE backlog_items SET done = 30").execute(&app.db.pool).await.unwrap();

        // 40 a day for 30 days at 6 minutes each is 1 200 entries and 120 hours: 15 days at 8 hours a day.
        let path = format!("/incidents/{id}/recovery?per_day=40&outage_days=30&minutes_per_entry=6&staff_hours=8");
        let r = s.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let result = texts(&r.body, "#catch-up-result p");
        assert_eq!(result.len(), 2, "{result:?}");
        assert!(
            result[0].starts_with(
                "1200 anteckningar på papper är 120 timmars arbete. Med 8 timmar per dag tar inskrivningen 15 dagar, klart "
            ),
            "{}",
            result[0]
        );
        // 90 left at 6 minutes is 9 hours: two days at 8 hours a day.
        assert!(
            result[1]
                .starts_with("Det som är kvar på listan, 90 st., är 9 timmars arbete: 2 dagar med 8 timmar per dag")
        );
        assert!(r.body.contains(r#"value="40""#), "the figures stay in the form");

        // Only the list, with one day enough.
        let r = s.get(&format!("/incidents/{id}/recovery?minutes_per_entry=2&staff_hours=8")).await;
        assert_eq!(texts(&r.body, "#catch-up-result p").len(), 1);
        assert!(texts(&r.body, "#catch-up-result p")[0].contains(": 1 dag med 8 timmar per dag"));

        // Bad figures: each named by its field, nothing counted.
        let r =
            s.get(&format!("/incidents/{id}/recovery?per_day=40&outage_days=&minutes_per_entry=0&staff_hours=")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].starts_with("Dagar med avbrott:"), "{errors:?}");
        assert!(errors[1].starts_with("Minuter per anteckning:"), "{errors:?}");
        assert!(errors[2].starts_with("Personaltimmar per dag för inskrivning:"), "{errors:?}");
        assert!(texts(&r.body, "#catch-up-result").is_empty());

        // The same in English.
        s.post("/account/language", &[("lang", "en")]).await;
        let result = texts(&s.get(&path).await.body, "#catch-up-result p");
        assert!(
            result[0]
                .starts_with("1200 entries on paper are 120 hours of work. With 8 hours a day, entering takes 15 days"),
            "{result:?}"
        );
    }
}
