//! Staff meetings: the protocol in the log and as PDF, and the printed incident report.

use reqwest::StatusCode;

use super::{start, unit_with_plan};
use crate::harness::{TestApp, kinds, pdf_text, texts};

#[tokio::test]
async fn a_staff_meeting_produces_its_protocol_in_the_log_and_as_pdf_and_the_incident_prints() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let home = unit_with_plan(&app, &s).await;
        let id = start(&s, home).await;
        let item: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT MIN(id) FROM board_items").fetch_one(&app.db.pool).await.unwrap().0;
        s.post(&format!("/incidents/{id}/board/{item}"), &[("state", "problem")]).await;

        let r = s.post(&format!("/incidents/{id}/meeting"), &[("decisions", "Papper i alla enheter")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Närvarande"));
        let r = s
            .post(
                &format!("/incidents/{id}/meeting"),
                &[
                    ("present", "Margareta Lindqvist\nÅsa Öberg"),
                    ("area_0", "Reservmobilerna är utdelade. Läkemedelsrundan går på papper."),
                    ("decisions", "Papperssignering i alla boenden\nExtra personal till natten"),
                    ("tasks", "Skriv ut nya signeringslistor | Åsa Öberg | 12.00"),
                    ("next_meeting", "kl. 14.00 i sal B"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let rows: Vec<(String, String, Option<String>)> =
            sqlx::query_as("SELECT kind, text, decided_by FROM incident_log WHERE seq > 2 ORDER BY seq")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        let kinds: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(kinds, ["meeting", "decision", "decision", "task"]);
        assert!(rows[0].1.starts_with("Krisledningsmöte nr 1.\nNärvarande: Margareta Lindqvist, Åsa Öberg"));
        assert_eq!(rows[1].2.as_deref(), Some("Krisledningsmöte nr 1"));
        assert_eq!(rows[3].1, "Skriv ut nya signeringslistor – Åsa Öberg – 12.00");

        let resp = s.client.get(format!("{}/incidents/{id}/meetings/1/pdf", s.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        for want in [
            "Protokoll från krisledningsmöte nr 1",
            "Plan för Björkgården",
            "Reservmobilerna är utdelade",
            "Extra personal till natten",
            "Skriv ut nya signeringslistor",
            "kl. 14.00 i sal B",
        ] {
            assert!(text.contains(want), "the protocol lacks {want:?}:\n{text}");
        }
        let resp = s.client.get(format!("{}/incidents/{id}/report.pdf", s.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        for want in [
            "IT-systemen är utslagna",
            "Loggen är obruten: 6 poster",
            "Papperssignering i alla boenden",
            "Ett problem.",
        ] {
            assert!(text.contains(want), "the report lacks {want:?}:\n{text}");
        }
    }
}
