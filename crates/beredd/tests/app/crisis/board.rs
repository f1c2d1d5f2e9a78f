//! The board at scale: a fold per plan that opens where the work is, the filters "only
//! problems" and "mine" as plain links, counters per plan that every open board redraws, and the
//! log written from the board.

use std::time::Duration;

use reqwest::StatusCode;

use super::{start, unit_with_plan};
use crate::harness::{Session, TestApp, approve, id_of, kinds, texts};

/// A second unit under the same top unit, with a manager, a critical activity and an approved
/// home-care plan; returns the top unit's id.
async fn second_plan(app: &TestApp, s: &Session) -> i64 {
    let top: i64 = sqlx::query_as::<_, (i64,)>("SELECT id FROM units WHERE name = 'Socialförvaltningen'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .0;
    let unit = app.add_unit("Hemtjänst Norr", Some(top)).await;
    let manager = id_of(
        &s.post(
            "/people/new",
            &[
                ("name", "Per Lund"),
                ("kind", "staff"),
                ("title", "Enhetschef"),
                ("unit", &unit.to_string()),
                ("work_phone", "070-174 06 41"),
            ],
        )
        .await,
    );
    s.post(
        &format!("/units/{unit}/edit"),
        &[("name", "Hemtjänst Norr"), ("kind", "enhet"), ("parent", &top.to_string()), ("manager", &manager)],
    )
    .await;
    s.post(
        "/activities/new",
        &[("name", "Hemtjänstbesök hos brukare"), ("unit", &unit.to_string()), ("criticality", "akut")],
    )
    .await;
    let plan = id_of(
        &s.post(
            "/plans/new",
            &[("name", "Plan för hemtjänsten"), ("template", "hemtjanst"), ("units", &unit.to_string())],
        )
        .await,
    );
    crate::continuity::fill_in(s, &plan, &[crate::continuity::HOTLINE]).await;
    let r = approve(s, &plan, "1").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    top
}

/// The ids of the items in each area of a board page, by area name.
fn items_per_area(html: &str) -> Vec<(String, Vec<String>)> {
    let doc = scraper::Html::parse_document(html);
    let area = scraper::Selector::parse("details.area").unwrap();
    let name = scraper::Selector::parse("summary h2").unwrap();
    let item = scraper::Selector::parse("li.board-item").unwrap();
    doc.select(&area)
        .map(|a| {
            let n = a.select(&name).next().unwrap().text().collect::<String>();
            let ids = a.select(&item).map(|i| i.value().attr("id").unwrap().trim_start_matches("item-").to_owned());
            (n, ids.collect())
        })
        .collect()
}

#[tokio::test]
async fn the_board_folds_per_plan_filters_by_links_and_counts_live() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("stab", beredd_domain::Role::CrisisStaff, &[]).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        unit_with_plan(&app, &s).await;
        let top = second_plan(&app, &s).await;
        let id = start(&s, top).await;
        let board = s.get(&format!("/incidents/{id}")).await.body;

        // One fold per plan; nothing started, so every fold starts closed.
        let areas = items_per_area(&board);
        let names: Vec<&str> = areas.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Plan för Björkgården", "Plan för hemtjänsten"]);
        assert!(texts(&board, "details.area[open]").is_empty());
        let (home, care) = (&areas[0].1, &areas[1].1);
        let total = home.len() + care.len();
        assert_eq!(texts(&board, ".board-totals .count-done")[0], format!("Klart 0/{total}"));
        assert_eq!(
            texts(&board, ".board-filters a"),
            [format!("Alla steg ({total})"), "Bara problem (0)".to_owned(), "Mina (0)".to_owned()]
        );

        // A second session listens; a change carries the counters of its plan and of the board.
        let stab = app.login("stab").await;
        let mut events = stab.client.get(format!("{}/incidents/{id}/events", app.base)).send().await.unwrap();
        let r = s.post(&format!("/incidents/{id}/board/{}", care[0]), &[("state", "problem")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Without JavaScript the form comes back to the board with the item's plan open.
        let back = format!("/incidents/{id}?open={0}#item-{0}", care[0]);
        assert_eq!(r.location.as_deref(), Some(back.as_str()));
        let mut got = String::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
        while !got.contains("\n\n") {
            let chunk = tokio::time::timeout_at(deadline, events.chunk()).await.expect("in time").unwrap().unwrap();
            got.push_str(&String::from_utf8_lossy(&chunk));
        }
        let data: serde_json::Value =
            serde_json::from_str(got.lines().find_map(|l| l.strip_prefix("data: ")).expect("data")).unwrap();
        assert_eq!(data["area"], "Plan för hemtjänsten");
        assert_eq!(data["counts"]["problem"], 1);
        assert_eq!(data["counts"]["total"], care.len());
        assert_eq!(data["totals"]["problem"], 1);
        assert_eq!(data["totals"]["total"], total);

        // The plan with a problem opens; another opens when the address names one of its items.
        let board = s.get(&format!("/incidents/{id}")).await.body;
        assert_eq!(texts(&board, "details.area[open] summary h2"), ["Plan för hemtjänsten"]);
        let opened = s.get(&format!("/incidents/{id}?open={}", home[2])).await.body;
        assert_eq!(texts(&opened, "details.area[open] summary h2"), ["Plan för Björkgården", "Plan för hemtjänsten"]);

        // Another person marks a step of the other plan done.
        assert_eq!(
            stab.post(&format!("/incidents/{id}/board/{}", home[0]), &[("state", "done")]).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            stab.post(&format!("/incidents/{id}/board/{}", home[1]), &[("state", "under_way")]).await.status,
            StatusCode::SEE_OTHER
        );
        let board = s.get(&format!("/incidents/{id}")).await.body;
        assert_eq!(texts(&board, "details.area[open] summary h2"), ["Plan för Björkgården", "Plan för hemtjänsten"]);
        assert_eq!(
            texts(&board, "details.area summary .counts"),
            [
                format!("Klart 1/{} · Pågår 1 · Problem 0", home.len()),
                format!("Klart 0/{} · Pågår 0 · Problem 1", care.len())
            ]
        );
        assert_eq!(texts(&board, "details.area[data-problems] summary h2"), ["Plan för hemtjänsten"]);
        assert_eq!(texts(&board, "details.area summary .count-problem[hidden]").len(), 1, "a zero is not shown");

        // "Only problems" is a plain link: the plans with a problem, open, with only those steps.
        let problems = s.get(&format!("/incidents/{id}?show=problems")).await.body;
        assert_eq!(texts(&problems, ".board-filters a[aria-current=page]"), ["Bara problem (1)"]);
        let shown = items_per_area(&problems);
        assert_eq!(shown, [("Plan för hemtjänsten".to_owned(), vec![care[0].clone()])]);
        assert_eq!(texts(&problems, "details.area[open]").len(), 1);
        assert!(problems.contains("data-filtered=\"true\""));
        assert_eq!(
            texts(&problems, "details.area summary .count-done")[0],
            format!("Klart 0/{}", care.len()),
            "the counters count the whole plan"
        );

        let r =
            s.post(&format!("/incidents/{id}/board/{}", care[0]), &[("state", "problem"), ("show", "problems")]).await;
        let back = format!("/incidents/{id}?show=problems&open={0}#item-{0}", care[0]);
        assert_eq!(r.location.as_deref(), Some(back.as_str()), "back to the same filter");

        // "Mine": the steps this person changed last.
        let mine = stab.get(&format!("/incidents/{id}?show=mine")).await.body;
        assert_eq!(items_per_area(&mine), [("Plan för Björkgården".to_owned(), home[..2].to_vec())]);
        assert_eq!(texts(&mine, ".board-filters a[aria-current=page]"), ["Mina (2)"]);
        let mine = s.get(&format!("/incidents/{id}?show=mine")).await.body;
        assert_eq!(items_per_area(&mine), [("Plan för hemtjänsten".to_owned(), vec![care[0].clone()])]);
        // Taking over a step makes it the new changer's.
        s.post(&format!("/incidents/{id}/board/{}", home[1]), &[("state", "done")]).await;
        let mine = stab.get(&format!("/incidents/{id}?show=mine")).await.body;
        assert_eq!(items_per_area(&mine), [("Plan för Björkgården".to_owned(), vec![home[0].clone()])]);
        let nobody = app.login("lasare").await.get(&format!("/incidents/{id}?show=mine")).await.body;
        assert!(items_per_area(&nobody).is_empty());
        assert_eq!(texts(&nobody, "#board .none"), ["Du har inte ändrat något steg än."]);

        // The log form is on the board, open, and brings the writer back to it.
        assert_eq!(texts(&board, "#log-quick h2"), ["Skriv i loggen"]);
        assert_eq!(texts(&board, "#log-quick select#kind option").len(), 4, "no correction from the board");
        let r = s
            .post(
                &format!("/incidents/{id}/log"),
                &[("from", "board"), ("kind", "information"), ("text", "Pappersrutinen gäller från kl. 10")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location.as_deref(), Some(format!("/incidents/{id}?msg=logged#log-quick").as_str()));
        let back = s.get(&format!("/incidents/{id}?msg=logged")).await.body;
        assert_eq!(texts(&back, ".flash"), ["Posten är sparad i loggen."]);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(texts(&log, "ol.log .pre").iter().any(|t| t == "Pappersrutinen gäller från kl. 10"));
        // A change on the board is a log line "area – step: state", without the step's own full stop.
        let marked: Vec<String> = texts(&log, "ol.log .pre")
            .into_iter()
            .filter(|t| t.starts_with("Lägestavlan: Plan för hemtjänsten – "))
            .collect();
        assert!(
            !marked.is_empty() && marked.iter().all(|t| t.ends_with(": Problem") && !t.contains(".:")),
            "{marked:?}"
        );
        // A decision without who decided is shown on the log page, with the text kept and the
        // way back to the board.
        let r = s
            .post(&format!("/incidents/{id}/log"), &[("from", "board"), ("kind", "decision"), ("text", "Stäng entrén")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Beslutat av"));
        assert!(r.body.contains("name=\"from\" value=\"board\""));
        assert_eq!(texts(&r.body, "textarea#text"), ["Stäng entrén"]);

        // A reader sees the board and its counters, but neither buttons nor the log form.
        let reader = app.login("lasare").await.get(&format!("/incidents/{id}")).await.body;
        assert!(texts(&reader, "#log-quick").is_empty());
        assert!(texts(&reader, ".state-buttons button").is_empty());
        assert_eq!(texts(&reader, "details.area").len(), 2);
    }
}
