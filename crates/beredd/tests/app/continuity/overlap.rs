//! Two plans for one unit: the second is warned about when it is made (naming the first, with the
//! choice to go on or open it), and each routine of the unit is taken once in the binder, the
//! offline kit and an incident's board.

use beredd_domain::plan::PlanContent;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, id_of, kinds, pdf_text, texts};

async fn content(app: &TestApp, plan: i64) -> PlanContent {
    beredd::store::plans::versions(&app.db.pool, app.org, plan).await.unwrap()[0].content().unwrap()
}

/// Gives the draft a lead and the first step of the routine for `activity` the text `step`,
/// saves it and approves it.
async fn approve_with_step(app: &TestApp, s: &Session, plan: i64, activity: &str, step: &str) {
    let mut c = content(app, plan).await;
    c.lead = "Enhetschefen leder.".into();
    c.hotline.number = "0980-319 201".into();
    let r = c.routines.iter_mut().find(|r| r.activity == activity).expect("the routine is drafted");
    r.steps[0] = step.into();
    let mut conn = app.db.pool.acquire().await.unwrap();
    beredd::store::plans::save_draft(&mut conn, app.org, plan, &c, None, "test").await.unwrap();
    drop(conn);
    let number = beredd::store::plans::versions(&app.db.pool, app.org, plan).await.unwrap()[0].number.to_string();
    assert_eq!(crate::harness::approve(s, plan, &number).await.status, StatusCode::SEE_OTHER);
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_second_plan_for_a_unit_is_warned_about_and_its_routines_are_never_taken_twice() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let top = app.add_unit("Hemtjänsten", None).await;
        let north = app.add_unit("Hemtjänst Norr", Some(top)).await;
        let centre = app.add_unit("Hemtjänst Centrum", Some(top)).await;
        for (name, unit, phone) in [("Mikael Hedlund", north, "070-174 06 52"), ("Sara Lind", centre, "070-174 06 53")]
        {
            let r = s
                .post(
                    "/people/new",
                    &[("name", name), ("kind", "staff"), ("unit", &unit.to_string()), ("work_phone", phone)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        for (name, unit) in [("Hemtjänstbesök Norr", north), ("Hemtjänstbesök Centrum", centre)] {
            let r = s
                .post("/activities/new", &[("name", name), ("unit", &unit.to_string()), ("criticality", "kritisk")])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let (n, c) = (north.to_string(), centre.to_string());
        let shared = s
            .post(
                "/plans/new",
                &[("name", "Kontinuitetsplan hemtjänsten"), ("template", "hemtjanst"), ("units", &n), ("units", &c)],
            )
            .await;
        assert_eq!(shared.status, StatusCode::SEE_OTHER, "{}", shared.body);
        let shared: i64 = id_of(&shared).parse().unwrap();
        approve_with_step(&app, &s, shared, "Hemtjänstbesök Norr", "Enhetschef: den gamla rutinen för Norr").await;

        // The form says which units a plan covers already.
        let form = s.get("/plans/new").await.body;
        assert_eq!(
            texts(&form, &format!("label[for=units-{north}]")),
            ["Hemtjänst Norr (Hemtjänsten) – ingår i Kontinuitetsplan hemtjänsten"]
        );

        // A second plan for Norr is not made at once: the warning names the other plan and
        // offers to open it, and the form keeps what was typed.
        let second = [("name", "Kontinuitetsplan Hemtjänst Norr"), ("template", "hemtjanst"), ("units", n.as_str())];
        let r = s.post("/plans/new", &second).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(texts(&r.body, "#overlap h2"), ["Enheten har redan en kontinuitetsplan"]);
        assert_eq!(texts(&r.body, "#overlap li"), ["Hemtjänst Norr ingår redan i Kontinuitetsplan hemtjänsten."]);
        let open = scraper::Html::parse_document(&r.body)
            .select(&scraper::Selector::parse("#overlap a.button").unwrap())
            .map(|a| (a.value().attr("href").unwrap_or("").to_owned(), a.text().collect::<String>()))
            .collect::<Vec<_>>();
        assert_eq!(open, [(format!("/plans/{shared}"), "Öppna Kontinuitetsplan hemtjänsten".to_owned())]);
        assert_eq!(texts(&r.body, "#overlap button"), ["Skapa den nya planen ändå"]);
        assert!(r.body.contains("value=\"Kontinuitetsplan Hemtjänst Norr\""), "the name is kept");
        assert_eq!(app.count("plans").await, 1, "nothing is made before the user goes on");
        let ok = scraper::Html::parse_document(&r.body)
            .select(&scraper::Selector::parse("input[name=overlap_ok]").unwrap())
            .next()
            .and_then(|i| i.value().attr("value").map(str::to_owned))
            .unwrap();

        // Going on with other units than those warned about warns again.
        let more =
            [("name", "Kontinuitetsplan Hemtjänst Norr"), ("template", "hemtjanst"), ("units", &n), ("units", &c)];
        let r = s.post("/plans/new", &[&more[..], &[("overlap_ok", ok.as_str())]].concat()).await;
        assert_eq!(
            texts(&r.body, "#overlap li"),
            ["Hemtjänst Norr, Hemtjänst Centrum ingår redan i Kontinuitetsplan hemtjänsten."]
        );
        assert_eq!(app.count("plans").await, 1);

        // Going on makes it, and its page says that the unit is in the other plan too.
        let r = s.post("/plans/new", &[&second[..], &[("overlap_ok", ok.as_str())]].concat()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let own: i64 = id_of(&r).parse().unwrap();
        let page = s.get(&format!("/plans/{own}")).await.body;
        assert!(
            texts(&page, "p.warning")
                .iter()
                .any(|w| w.starts_with("Hemtjänst Norr ingår också i Kontinuitetsplan hemtjänsten.")),
            "{:?}",
            texts(&page, "p.warning")
        );
        approve_with_step(&app, &s, own, "Hemtjänstbesök Norr", "Enhetschef: den nya rutinen för Norr").await;

        // The binder of the whole area: Norr's routine once, from the plan written for it, and
        // the shared plan says where it is.
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("unit", &top.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = words(&pdf_text(&resp.bytes().await.unwrap()));
        assert_eq!(text.matches("den nya rutinen för Norr").count(), 1, "{kind:?}: {text}");
        assert!(!text.contains("den gamla rutinen för Norr"), "{kind:?}");
        assert!(
            text.contains("Reservrutinen för Hemtjänstbesök Norr står under Kontinuitetsplan Hemtjänst Norr."),
            "{kind:?}: {text}"
        );
        assert!(text.contains("Hemtjänstbesök Centrum"), "the shared plan's other routines stay");
        // A binder of the shared plan alone still holds all of it.
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("plan", &shared.to_string())])
            .send()
            .await
            .unwrap();
        assert!(words(&pdf_text(&resp.bytes().await.unwrap())).contains("den gamla rutinen för Norr"));

        // The offline kit for Norr: the same.
        let pass = "blå traktor sjunger i snön";
        let fields = [("units", n.as_str()), ("passphrase", pass), ("passphrase2", pass), ("max_age_days", "14")];
        let (_, html) = crate::harness::make_kit(&s, &fields).await;
        let kit = beredd::services::continuity::kit::open(&html, pass).unwrap();
        let plans = kit["plans"].as_array().unwrap();
        assert_eq!(plans.len(), 2, "both plans are in the kit");
        let steps: Vec<String> = plans
            .iter()
            .flat_map(|p| p["routines"].as_array().unwrap().iter())
            .flat_map(|r| r["steps"].as_array().unwrap().iter())
            .map(|s| s["text"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(steps.iter().filter(|s| s.starts_with("den nya rutinen")).count(), 1, "{steps:?}");
        assert!(!steps.iter().any(|s| s.starts_with("den gamla rutinen")), "{steps:?}");
        let names: Vec<&str> = plans
            .iter()
            .flat_map(|p| p["routines"].as_array().unwrap().iter())
            .map(|r| r["activity"].as_str().unwrap())
            .collect();
        assert_eq!(names.iter().filter(|a| **a == "Hemtjänstbesök Norr").count(), 1, "{names:?}");
        let shared_in_kit = plans.iter().find(|p| p["name"] == "Kontinuitetsplan hemtjänsten").unwrap();
        assert_eq!(
            shared_in_kit["elsewhere"],
            serde_json::json!(["Reservrutinen för Hemtjänstbesök Norr står under Kontinuitetsplan Hemtjänst Norr."])
        );

        // An incident for Norr: the board holds each step once.
        let incident: i64 = crate::crisis::start(&s, north).await.parse().unwrap();
        let labels: Vec<(String, String, String)> =
            sqlx::query_as("SELECT area, section, label FROM board_items WHERE incident_id = $1 ORDER BY position")
                .bind(incident)
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        let norr: Vec<&(String, String, String)> =
            labels.iter().filter(|(_, section, _)| section == "Hemtjänstbesök Norr").collect();
        assert!(!norr.is_empty());
        assert!(norr.iter().all(|(area, _, _)| area == "Kontinuitetsplan Hemtjänst Norr"), "{norr:?}");
        assert_eq!(norr[0].2, "Enhetschef: den nya rutinen för Norr");
        let mut seen = std::collections::HashSet::new();
        assert!(labels.iter().all(|(_, section, label)| seen.insert((section, label))), "no step twice: {labels:?}");
        assert!(labels.iter().any(|(area, section, _)| area == "Kontinuitetsplan hemtjänsten"
            && section == "Hemtjänstbesök Centrum"));
    }
}
