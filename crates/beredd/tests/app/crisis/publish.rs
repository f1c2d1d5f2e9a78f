//! The public crisis page: only the hotlines and the approved messages for the public channels go
//! on it (never a draft, a message to staff, the log or the incident's own title), an exercise's
//! page says so everywhere, and only those who may approve public messages download it.

use reqwest::StatusCode;

use super::start;
use crate::harness::{Session, TestApp, get_bytes, id_of, kinds, texts};
use beredd_domain::Role;

/// A client's name that the log and a draft hold, and the page must never show.
const CLIENT: &str = "Elsa Lindqvist";

async fn comms(s: &Session, id: &str) {
    let post = |path: &'static str, fields: Vec<(&'static str, &'static str)>| async move {
        let r = s.post(&format!("/incidents/{id}/{path}"), &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}: {}", r.body);
    };
    post(
        "hotlines",
        vec![("hl_number", "0980-319 210"), ("hl_hours", "Vardagar 7–19"), ("hl_answered_by", "Sara Holm")],
    )
    .await;
    post(
        "messages",
        vec![
            ("msg_channel", "web"),
            ("msg_text", "Hemtjänsten kommer som vanligt. <b>Ring</b> oss vid frågor."),
            ("msg_approved_by", "Kommunikationschefen"),
        ],
    )
    .await;
    post(
        "messages",
        vec![
            ("msg_channel", "internal"),
            ("msg_text", "Till personalen: använd papperslistorna."),
            ("msg_approved_by", "Gunilla"),
        ],
    )
    .await;
    post(
        "messages",
        vec![("msg_channel", "web"), ("msg_text", "Utkast: besöket hos Elsa Lindqvist ställs in."), ("draft", "1")],
    )
    .await;
    post("log", vec![("kind", "event"), ("text", "Elsa Lindqvist fick sin medicin sent.")]).await;
}

#[tokio::test]
async fn the_public_page_shows_only_hotlines_and_approved_public_messages() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        comms(&s, &id).await;

        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert_eq!(texts(&page, "li.entry .hint strong"), ["Utkast, inte godkänt"], "the draft is marked");
        assert_eq!(texts(&page, "a[download]"), ["Ladda ner den publika sidan"]);

        let audits = app.count("audit_log").await;
        let r = s.client.get(format!("{}/incidents/{id}/public-page", s.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let disposition = r.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert_eq!(disposition, "attachment; filename=\"index.html\"");
        let html = r.text().await.unwrap();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"sv\">"), "{html}");
        assert_eq!(texts(&html, "h1"), ["Aktuell information om störningen"]);
        assert_eq!(texts(&html, "article .text"), ["Hemtjänsten kommer som vanligt. <b>Ring</b> oss vid frågor."]);
        assert!(!html.contains("<b>"), "the message's text is escaped");
        assert_eq!(texts(&html, "ul.hotlines a[href=\"tel:0980319210\"]"), ["0980-319 210", "0980-319 210"]);
        assert_eq!(texts(&html, "section[lang=en] h2"), ["Current information about the disruption"]);
        // Updated at the tests' clock, pinned at 09:00 UTC, 10:00 Swedish (winter) time; it runs on
        // from there while the suite runs, which on a loaded machine can be most of an hour.
        let updated = texts(&html, "p.updated time");
        assert!(updated.len() == 1 && updated[0].starts_with("2026-11-24 1"), "{updated:?}");
        assert!(updated[0].get(11..13).is_some_and(|h| ("10".."23").contains(&h)), "{updated:?}");
        for secret in
            [CLIENT, "papperslistorna", "Utkast", "Sara Holm", "IT-systemen är utslagna", "Kommunikationschefen"]
        {
            assert!(!html.contains(secret), "{secret:?} is not for the public page");
        }
        assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="), "one file, no script");
        assert!(texts(&html, ".exercise").is_empty(), "a real incident is not an exercise");
        // Making the page is in the audit trail, with the file's SHA-256.
        assert_eq!(app.count("audit_log").await, audits + 1);
        let (summary, after): (String, String) = sqlx::query_as(
            "SELECT summary, after_json FROM audit_log WHERE action = 'export' AND entity = 'incident' ORDER BY id DESC",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(summary, "index.html: 1 + 1");
        let sha = beredd::services::continuity::kit::sha256_hex(html.as_bytes());
        assert!(after.contains(&sha), "{after}");

        // Approving the draft publishes it, and then it is on the page.
        let draft = texts(&page, "li.entry[id]").len();
        assert_eq!(draft, 3);
        let mid = scraper_id(&page);
        let r = s.post(&format!("/incidents/{id}/messages/{mid}/approve"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (_, _, bytes) = get_bytes(&s, &format!("/incidents/{id}/public-page")).await;
        assert_eq!(texts(&String::from_utf8(bytes).unwrap(), "article").len(), 2);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre")
                .iter()
                .any(|t| t == &format!("Meddelande nr {mid} godkänt och publicerat av admin."))
        );
    }
}

/// The id of the draft on the communication page.
fn scraper_id(page: &str) -> String {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("form[action$=\"/approve\"]").unwrap();
    let action = doc.select(&sel).next().expect("an approve button").value().attr("action").unwrap().to_owned();
    action.trim_end_matches("/approve").rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn only_those_who_approve_public_messages_get_the_page_or_approve_a_draft() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        app.add_user("chef", Role::UnitManager, &[unit]).await;
        app.add_user("stab", Role::CrisisStaff, &[]).await;
        app.add_user("lasare", Role::Reader, &[]).await;
        let admin = app.login("admin").await;
        let id = start(&admin, unit).await;
        comms(&admin, &id).await;
        let page = admin.get(&format!("/incidents/{id}/comms")).await.body;
        let mid = scraper_id(&page);
        for (user, may) in [("admin", true), ("stab", true), ("chef", false), ("lasare", false)] {
            let s = app.login(user).await;
            let (status, ctype, _) = get_bytes(&s, &format!("/incidents/{id}/public-page")).await;
            let expected = if may { StatusCode::OK } else { StatusCode::FORBIDDEN };
            assert_eq!(status, expected, "{user} downloads the public page");
            if may {
                assert_eq!(ctype, "text/html; charset=utf-8");
            }
            let comms = s.get(&format!("/incidents/{id}/comms")).await.body;
            assert_eq!(texts(&comms, "a[download]").len(), usize::from(may), "{user} sees the button");
            assert_eq!(texts(&comms, "form[action$=\"/approve\"] button").len(), usize::from(may), "{user}");
        }
        let chef = app.login("chef").await;
        let r = chef.post(&format!("/incidents/{id}/messages/{mid}/approve"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "a unit manager drafts but does not approve");
        // A unit manager may still save a draft.
        let r = chef
            .post(
                &format!("/incidents/{id}/messages"),
                &[("msg_channel", "web"), ("msg_text", "Förslag"), ("draft", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let stab = app.login("stab").await;
        let r = stab.post(&format!("/incidents/{id}/messages/{mid}/approve"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = stab.post(&format!("/incidents/{id}/messages/{mid}/approve"), &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "a message is approved once");
        assert_eq!(get_bytes(&admin, "/incidents/999/public-page").await.0, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn an_exercises_page_says_it_is_an_exercise_on_every_screen() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Höstövning"),
                    ("discovered_at", "2026-11-23 09:00"),
                    ("units", &unit.to_string()),
                    ("exercise", "on"),
                    ("participants", "Anna"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = id_of(&r);
        comms(&s, &id).await;
        let (_, _, bytes) = get_bytes(&s, &format!("/incidents/{id}/public-page")).await;
        let html = String::from_utf8(bytes).unwrap();
        assert!(texts(&html, "title")[0].starts_with("ÖVNING: "));
        // The banner at the top stays on screen as the page scrolls (sticky), and every message,
        // the English part and the foot say it again.
        assert_eq!(
            texts(&html, "body > p.exercise"),
            [
                "ÖVNING – det här är en övning, inte en verklig händelse. EXERCISE – this is an exercise, not a real event."
            ]
        );
        assert!(html.contains(".exercise{position:sticky;top:0"));
        assert_eq!(texts(&html, "article .tag"), ["ÖVNING"]);
        assert_eq!(texts(&html, "section[lang=en] .tag"), ["EXERCISE"]);
        assert!(texts(&html, "footer .again")[0].starts_with("ÖVNING – "));
        // The statement of accessibility that the law (2018:1937) asks for, in both languages:
        // how the page is made accessible and whom to ask when something does not work.
        assert_eq!(texts(&html, "footer .a11y h2"), ["Tillgänglighet", "Accessibility"]);
        let statement = texts(&html, "footer .a11y p");
        assert!(statement[0].contains("(2018:1937)") && statement[0].contains("WCAG 2.1 nivå AA"), "{statement:?}");
        assert!(
            statement[1].starts_with("Kan du inte ta del av något här") && statement[1].contains("DIGG"),
            "{statement:?}"
        );
        assert!(statement[3].contains("call one of the numbers above"), "{statement:?}");
    }
}
