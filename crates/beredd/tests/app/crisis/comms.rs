//! Communication: reporting clocks for a significant incident (never for an exercise), reports
//! sent once, messages that need an approver, and media requests to the spokesperson.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn reporting_clocks_run_for_a_significant_incident_and_never_for_an_exercise() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("IT-enheten", None).await;
        let id = start(&s, unit).await;
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert!(page.contains("Inga klockor går"), "no clocks before the incident is marked");

        assert_eq!(
            s.post(&format!("/incidents/{id}/flags"), &[("significant", "on"), ("personal_data", "on")]).await.status,
            StatusCode::SEE_OTHER
        );
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        let clocks = texts(&page, "section.clock h3");
        assert_eq!(clocks.len(), 4, "{clocks:?}");
        assert!(
            texts(&page, "#clock-nis2_early_warning p").iter().any(|t| t.contains("2026-11-24 07:10")),
            "24 hours from discovery"
        );
        assert!(texts(&page, "#clock-nis2_notification p").iter().any(|t| t.contains("2026-11-26 07:10")), "72 hours");
        assert!(texts(&page, "#clock-imy_breach p").iter().any(|t| t.contains("2026-11-26 07:10")));
        let draft = texts(&page, "#body-nis2_early_warning")[0].clone();
        assert!(draft.starts_with("IT-systemen är utslagna\nUpptäckt: 2026-11-23 07:10"), "{draft}");

        let r = s
            .post(
                &format!("/incidents/{id}/reports/nis2_notification"),
                &[("body", "Anmälan enligt utkastet."), ("reference", "MSB-2026-123")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert!(texts(&page, "#clock-nis2_notification .clock-state")[0].starts_with("Skickad"));
        assert_eq!(
            s.post(&format!("/incidents/{id}/reports/nis2_notification"), &[("body", "igen")]).await.status,
            StatusCode::BAD_REQUEST,
            "reported once"
        );

        // A media request goes to the spokesperson on duty.
        s.post(
            &format!("/incidents/{id}/roster"),
            &[("role", "spokesperson"), ("name", "Sara Holm"), ("phone", "070-174 06 20"), ("on_duty", "on")],
        )
        .await;
        let r = s
            .post(
                &format!("/incidents/{id}/media"),
                &[("media_outlet", "Norrbottens-Kuriren"), ("media_question", "Hur påverkas hemtjänsten?")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = s
            .post(
                &format!("/incidents/{id}/messages"),
                &[("msg_channel", "web"), ("msg_text", "Ring 0980-319 200 vid frågor.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a message needs its approver");
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Godkänt av"));
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert!(texts(&page, "ul.plain .hint strong").iter().any(|t| t == "Sara Holm, 070-174 06 20"));
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre")
                .iter()
                .any(|t| t == "Rapport skickad: Incidentanmälan (NIS2, 72 timmar) (MSB-2026-123)")
        );

        // An exercise has no clocks, and no report can be recorded for it.
        let mut conn = app.db.pool.acquire().await.unwrap();
        let n = beredd::store::incidents::NewIncident {
            title: "Övning",
            what_happened: None,
            discovered_at: "2026-11-23T07:10:00Z",
            raised_by: None,
            exercise: true,
            started_by: "admin",
            uid: None,
            participants: None,
            times_zone_known: true,
        };
        let ex = beredd::store::incidents::create(&mut conn, app.org, &n, &[unit]).await.unwrap();
        beredd::store::incidents::set_flags(&mut *conn, app.org, ex, true, true).await.unwrap();
        drop(conn);
        let page = s.get(&format!("/incidents/{ex}/comms")).await.body;
        assert!(page.contains("Det här är en övning") && texts(&page, "section.clock").is_empty());
        assert_eq!(
            s.post(&format!("/incidents/{ex}/reports/nis2_early_warning"), &[("body", "x")]).await.status,
            StatusCode::BAD_REQUEST
        );
    }
}
