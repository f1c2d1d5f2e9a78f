//! Exercises and lessons: an exercise is marked as one, keeps its injects, and its lessons become
//! actions.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, id_of, kinds, pdf_text, texts};

#[tokio::test]
async fn an_exercise_is_marked_keeps_its_injects_and_its_lessons_become_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Höstövning: IT-avbrott"),
                    ("discovered_at", "2026-11-23 09:00"),
                    ("units", &unit.to_string()),
                    ("exercise", "on"),
                    ("participants", "Anna\nBo"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = id_of(&r);
        assert!(texts(&s.get("/incidents").await.body, ".exercise-tag").contains(&"Övning".to_owned()));
        assert_eq!(
            texts(&s.get(&format!("/incidents/{id}")).await.body, ".exercise-banner"),
            ["ÖVNING – inte en verklig incident"]
        );
        let r = s
            .post(
                &format!("/incidents/{id}/assessments/significant"),
                &[
                    ("significant_outcome", "yes"),
                    ("significant_decided_by", "Anna"),
                    ("significant_grounds", "Övning"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            s.get(&format!("/incidents/{id}/reporting")).await.body.contains("Det här är en övning"),
            "never a real clock"
        );

        assert_eq!(
            s.post(
                &format!("/incidents/{id}/injects"),
                &[("minute", "0"), ("text", "Larmcentralen ringer: inga larm når hemtjänsten.")]
            )
            .await
            .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            s.post(&format!("/incidents/{id}/injects"), &[("minute", "9999"), ("text", "Media ringer.")]).await.status,
            StatusCode::SEE_OTHER
        );
        let injects = s.get(&format!("/incidents/{id}/injects")).await.body;
        assert_eq!(
            texts(&injects, "ol.log li .pre"),
            ["Larmcentralen ringer: inga larm når hemtjänsten.", "Media ringer."]
        );
        assert_eq!(texts(&injects, "ol.log li strong").len(), 1, "only the first inject is due");
        assert_eq!(
            s.post(&format!("/incidents/{id}/injects"), &[("minute", "-5"), ("text", "x")]).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        // The evaluation: a change becomes an action that points back here.
        let r = s
            .post(&format!("/incidents/{id}/lessons"), &[("kind", "change"), ("text", "x"), ("target", "plan:999")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a target that does not exist is refused");
        let asset =
            id_of(&s.post("/assets/new", &[("name", "Genomförandeplaner"), ("units", &unit.to_string())]).await);
        let r = s
            .post(
                &format!("/incidents/{id}/lessons"),
                &[
                    ("kind", "change"),
                    ("text", "Reservnycklarna måste finnas i varje bil."),
                    ("create_action", "on"),
                    ("due", "2027-01-31"),
                    ("target", &format!("asset:{asset}")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        s.post(&format!("/incidents/{id}/lessons"), &[("kind", "well"), ("text", "Ringlistan fungerade.")]).await;
        let (origin, origin_ref, title): (String, Option<String>, String) =
            sqlx::query_as("SELECT origin, origin_ref, title FROM actions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!((origin.as_str(), origin_ref.as_deref()), ("lesson", Some(format!("incident:{id}").as_str())));
        assert!(title.starts_with("Lärdom: Reservnycklarna"));
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM actions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 1, "what went well is no action");
        let action: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM actions").fetch_one(&app.db.pool).await.unwrap().0;
        assert!(s.get(&format!("/actions/{action}")).await.body.contains(&format!("/incidents/{id}/lessons")));
        assert!(s.get("/actions?origin=lesson").await.body.contains("Lärdom: Reservnycklarna"));
        let lessons = s.get(&format!("/incidents/{id}/lessons")).await.body;
        assert!(
            lessons.contains(&format!("href=\"/assets/{asset}\"")) && lessons.contains("Klassning: Genomförandeplaner"),
            "the lesson points at what it changes"
        );
        let reader = app.login("lasare").await;
        assert_eq!(
            reader.post(&format!("/incidents/{id}/lessons"), &[("kind", "well"), ("text", "x")]).await.status,
            StatusCode::FORBIDDEN
        );

        let resp = s.client.get(format!("{}/incidents/{id}/report.pdf", s.base)).send().await.unwrap();
        let text = pdf_text(&resp.bytes().await.unwrap());
        assert!(
            text.contains("ÖVNING – inte en verklig incident")
                && text.contains("Reservnycklarna måste finnas i varje bil.")
                && text.contains("Ringlistan fungerade."),
            "{text}"
        );

        // A real incident has no injects page.
        let real = start(&s, unit).await;
        assert_eq!(s.get(&format!("/incidents/{real}/injects")).await.status, StatusCode::NOT_FOUND);
    }
}
