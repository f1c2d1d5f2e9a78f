//! Communication: messages that need an approver, and media requests to the spokesperson. The
//! reports to MCF and IMY are tested in `reporting`.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn messages_need_an_approver_and_media_requests_go_to_the_spokesperson_on_duty() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("IT-enheten", None).await;
        let id = start(&s, unit).await;

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
        assert!(texts(&log, "li.entry .pre").iter().any(|t| t.starts_with("Fråga från media: Norrbottens-Kuriren")));
    }
}
