//! The start page's list of what needs attention, grouped by how pressing each item is: the
//! word for it heads each group ("Brådskande", "Viktigt", "Att göra"), most pressing first.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn the_start_page_puts_the_most_pressing_first_under_its_word() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        // A unit with a critical activity and no plan (urgent), without a manager (important), and
        // a unit without activities (to do).
        let top = app.add_unit("Socialförvaltningen", None).await;
        let home = app.add_unit("Björkgårdens äldreboende", Some(top)).await;
        app.add_unit("Fotvården", Some(top)).await;
        let r = s
            .post(
                "/activities/new",
                &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "akut")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        let page = s.get("/").await.body;
        let headings = texts(&page, "section[aria-labelledby=attention-title] h3");
        let words: Vec<&str> = headings.iter().map(|h| h.split(" (").next().unwrap_or_default()).collect();
        assert_eq!(words, ["Brådskande", "Viktigt", "Att göra"], "{kind:?}: {headings:?}");
        let urgent = texts(&page, "ul.attention-urgent > li");
        assert!(
            urgent[0].starts_with("Enheter med kritiska verksamheter men utan kontinuitetsplan:")
                && urgent[0].contains("Björkgårdens äldreboende"),
            "{urgent:?}"
        );
        assert_eq!(headings[0], format!("Brådskande ({})", urgent.len()), "the heading counts its items");
        let important = texts(&page, "ul.attention-important > li");
        assert!(important.iter().any(|i| i.starts_with("Enheter utan chef:")), "{important:?}");
        let todo = texts(&page, "ul.attention-todo > li");
        assert!(
            todo.iter().any(|i| i.starts_with("Enheter utan beskrivna verksamheter:") && i.contains("Fotvården")),
            "{todo:?}"
        );
        // In the page's order too: the urgent item comes before the others.
        let all = texts(&page, "ul.attention > li");
        assert_eq!(all[0], urgent[0]);
        assert!(all.iter().position(|i| i.starts_with("Enheter utan chef:")) > Some(0));
        // Each list is named by its heading.
        assert_eq!(texts(&page, "ul.attention-urgent[aria-labelledby=attention-urgent]").len(), 1);
    }
}
