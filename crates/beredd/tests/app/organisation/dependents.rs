//! A system's page names the activities that depend on it: straight or through another system,
//! each with what becomes of it when the system is down, linked to the activity.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts, texts_attr};

#[tokio::test]
async fn a_system_page_lists_the_activities_that_depend_on_it() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Ekonomiskt bistånd", None).await.to_string();
        let id = |r: crate::harness::Reply| {
            r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned()
        };
        let system = |name: &'static str| {
            let s = &s;
            async move {
                id(s.post("/systems/new", &[("name", name), ("kind", "it_system"), ("hosting", "internal")]).await)
            }
        };
        let case = system("Verksamhetssystem socialtjänst").await;
        let portal = system("E-tjänst för ansökan").await;
        let other = system("Lönesystem").await;
        let activity = |name: &'static str| {
            let (s, unit) = (&s, &unit);
            async move {
                id(s.post("/activities/new", &[("name", name), ("unit", unit.as_str()), ("criticality", "akut")]).await)
            }
        };
        let pay = activity("Utbetalning av bistånd").await;
        let apply = activity("Ansökan om bistånd").await;
        let salary = activity("Löneutbetalning").await;
        let advice = activity("Budget- och skuldrådgivning").await;
        for (from, to, need, fallback) in [
            (format!("activity:{pay}"), format!("system:{case}"), "stops", "Utbetalning med bankdosa"),
            (format!("activity:{apply}"), format!("system:{portal}"), "stops", ""),
            (format!("system:{portal}"), format!("system:{case}"), "stops", ""),
            (format!("activity:{advice}"), format!("system:{case}"), "degraded", ""),
            (format!("activity:{salary}"), format!("system:{other}"), "stops", ""),
        ] {
            let r = s
                .post("/dependencies/new", &[("from", &from), ("to", &to), ("need", need), ("fallback", fallback)])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?} {from} → {to}: {}", r.body);
        }

        let page = s.get(&format!("/systems/{case}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let section = "section[aria-labelledby=section-1]";
        assert_eq!(texts(&page.body, &format!("{section} h2")), ["Verksamheter som är beroende av systemet"]);
        assert_eq!(
            texts(&page.body, &format!("{section} li")),
            [
                "Ansökan om bistånd: stannar (via E-tjänst för ansökan)",
                "Budget- och skuldrådgivning: fortsätter försämrat",
                "Utbetalning av bistånd: fortsätter för hand (reservrutin)",
            ],
            "{kind:?}: stopped first, then those without a fallback routine; the way named; the salary is not there"
        );
        assert_eq!(
            texts_attr(&page.body, &format!("{section} li a"), "href"),
            [format!("/activities/{apply}"), format!("/activities/{advice}"), format!("/activities/{pay}")]
        );
        assert!(texts(&page.body, &format!("{section} p.note"))[0].starts_with("3 verksamheter påverkas"));

        // A system nothing depends on says so.
        let lonely = system("Bokningssystem för lokaler").await;
        let page = s.get(&format!("/systems/{lonely}")).await.body;
        assert!(texts(&page, "section.related p.note")[0].starts_with("Ingen verksamhet är registrerad som beroende"));
    }
}
