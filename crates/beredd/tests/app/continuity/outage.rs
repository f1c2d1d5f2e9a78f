//! The outage analysis: what stops, what goes on by hand and what keeps working; saved scenarios
//! run again; the Kalix case on the demo municipality.

use reqwest::StatusCode;

use crate::harness::{TestApp, fresh_db, get_bytes, kinds, texts, texts_attr};

/// Every sheet of a workbook by name, each cell as text.
fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook calamine can open");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
            (n, rows)
        })
        .collect()
}

#[tokio::test]
async fn the_outage_page_shows_what_stops_what_goes_on_by_hand_and_what_keeps_working() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Socialförvaltningen", None).await.to_string();
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let net = id(&s.post("/resources/new", &[("name", "Kommunens nät"), ("kind", "network")]).await);
        let mobile = id(&s.post("/resources/new", &[("name", "Mobilnätet"), ("kind", "mobile_network")]).await);
        let case = id(&s
            .post("/systems/new", &[("name", "Verksamhetssystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let journal = id(&s
            .post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let alarm = id(&s
            .post("/systems/new", &[("name", "Trygghetslarm"), ("kind", "welfare_tech"), ("hosting", "supplier_cloud")])
            .await);
        let pay = id(&s
            .post(
                "/activities/new",
                &[("name", "Utbetalning av ekonomiskt bistånd"), ("unit", &unit), ("criticality", "akut")],
            )
            .await);
        let visits = id(&s
            .post("/activities/new", &[("name", "Sjuksköterskebesök"), ("unit", &unit), ("criticality", "kritisk")])
            .await);
        let response = id(&s
            .post("/activities/new", &[("name", "Larmutryckning"), ("unit", &unit), ("criticality", "akut")])
            .await);
        for (from, to, fallback) in [
            (format!("system:{case}"), format!("resource:{net}"), ""),
            (format!("system:{journal}"), format!("resource:{net}"), ""),
            (format!("system:{alarm}"), format!("resource:{mobile}"), ""),
            (format!("activity:{pay}"), format!("system:{case}"), "Manuell normberäkning och utbetalning med bankdosa"),
            (format!("activity:{visits}"), format!("system:{journal}"), ""),
            (format!("activity:{response}"), format!("system:{alarm}"), ""),
        ] {
            let r = s
                .post("/dependencies/new", &[("from", &from), ("to", &to), ("need", "stops"), ("fallback", fallback)])
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?} {from} → {to}: {}", r.body);
        }

        let page = s.get("/outage?category=inside_network&hours=720").await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = texts(&page.body, "li.outage-activity");
        let row = |name: &str| rows.iter().find(|r| r.contains(name)).cloned().unwrap_or_default();
        assert!(row("Sjuksköterskebesök").contains("Stannar"), "{kind:?}: {rows:?}");
        assert!(
            row("Sjuksköterskebesök").contains("Sjuksköterskebesök → Journalsystem"),
            "the journal system itself runs inside"
        );
        assert!(row("Utbetalning").contains("För hand") && row("Utbetalning").contains("bankdosa"));
        assert!(row("Larmutryckning").is_empty(), "the alarm response is not affected");
        let working = texts(&page.body, "ul.columns li");
        assert!(working.contains(&"Larmutryckning".to_owned()) && working.contains(&"Trygghetslarm".to_owned()));
        // Stopped activities come before the ones that go on by hand.
        assert!(
            rows.iter().position(|r| r.contains("Sjuksköterskebesök"))
                < rows.iter().position(|r| r.contains("Utbetalning"))
        );

        // The answer as an Excel workbook, from the page's link: what was asked with the three
        // numbers, the affected activities with what to do instead, and the affected systems.
        let href = texts_attr(&page.body, "a[href^='/outage/export.xlsx']", "href");
        assert_eq!(href, ["/outage/export.xlsx?category=inside_network&hours=720"]);
        let (status, ctype, bytes) = get_bytes(&s, &href[0]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(ctype.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml"), "{ctype}");
        let book = sheets(bytes);
        let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Följder", "Verksamheter som påverkas", "System som påverkas"]);
        let summary = &book[0].1;
        assert!(summary[1][0].starts_with("Det här slutar fungera:"), "{summary:?}");
        assert_eq!(summary[2][0], "1 stannar", "{summary:?}");
        let activities = &book[1].1;
        assert_eq!(activities[0][0], "Verksamhet");
        let instead = activities[0].iter().position(|h| h == "Gör så här i stället").expect("a column for the routine");
        let line = |name: &str| activities.iter().find(|r| r[0] == name).cloned().unwrap_or_default();
        assert_eq!(line("Sjuksköterskebesök")[1], "Stannar", "{activities:?}");
        assert!(line("Utbetalning av ekonomiskt bistånd")[instead].contains("bankdosa"), "{activities:?}");
        assert!(line("Larmutryckning").is_empty(), "what keeps working is not an affected activity");
        let systems: Vec<&str> = book[2].1.iter().skip(1).map(|r| r[0].as_str()).collect();
        assert!(systems.contains(&"Journalsystem") && !systems.contains(&"Trygghetslarm"), "{systems:?}");
        assert_eq!(
            s.get("/outage/export.xlsx").await.status,
            StatusCode::NOT_FOUND,
            "nothing asked, nothing to export"
        );

        // The graph is drawn with what failed and what stopped marked in text, not only colour.
        let svg = texts(&page.body, "svg.graph g.failed title");
        assert!(
            svg.iter().any(|t| t.starts_with("Kommunens nät") && t.ends_with("Slutar fungera i scenariot")),
            "{svg:?}"
        );
        assert!(texts(&page.body, "svg.graph g.working text").iter().any(|t| t == "✓ Larmutryckning"));
        // With only the network failed, the chain shows the way there.
        let page = s.get(&format!("/outage?fail=resource:{net}&hours=24")).await.body;
        assert!(
            texts(&page, "li.outage-activity")
                .iter()
                .any(|r| r.contains("Sjuksköterskebesök → Journalsystem → Kommunens nät"))
        );
        // Failing only the mobile network takes the alarms down instead.
        let page = s.get(&format!("/outage?fail=resource:{mobile}&hours=24")).await.body;
        assert!(
            texts(&page, "li.outage-activity").iter().any(|r| r.contains("Larmutryckning") && r.contains("Stannar"))
        );
        // Ready-made scenarios are offered from the data, and each one runs.
        let page = s.get("/outage").await.body;
        let presets = texts(&page, "#presets-title + ul li");
        assert!(presets.iter().any(|p| p.starts_with("IT-attack")), "{presets:?}");
        assert!(presets.iter().any(|p| p == "Mobilnätet slutar fungera"));
        let doc = scraper::Html::parse_document(&page);
        let links: Vec<String> = doc
            .select(&scraper::Selector::parse("#presets-title + ul a").unwrap())
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect();
        for link in links {
            let r = s.get(&link).await;
            assert_eq!(r.status, StatusCode::OK, "{link}");
            assert!(r.body.contains("id=\"result-title\""), "{link} shows a result");
        }
        // Unknown or malformed choices are ignored, never an error.
        assert_eq!(s.get("/outage?fail=system:999999&fail=nonsense&hours=abc&category=x").await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_saved_scenario_is_run_again_after_the_data_changes_and_shows_what_changed() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hälso- och sjukvård", None).await.to_string();
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let net = id(&s.post("/resources/new", &[("name", "Kommunens nät"), ("kind", "network")]).await);
        let act = id(&s
            .post("/activities/new", &[("name", "Sjuksköterskebesök"), ("unit", &unit), ("criticality", "kritisk")])
            .await);
        let dep = id(&s
            .post(
                "/dependencies/new",
                &[("from", &format!("activity:{act}")), ("to", &format!("resource:{net}")), ("need", "stops")],
            )
            .await);

        // The outage page offers to save what it ran; bad input is refused with messages.
        let page = s.get(&format!("/outage?fail=resource:{net}&hours=168")).await.body;
        assert!(page.contains("Spara som scenario"));
        let fail = format!("resource:{net}");
        let r = s.post("/scenarios/new", &[("name", ""), ("hours", "5")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert_eq!(texts(&r.body, "#name-error"), ["Fyll i fältet."]);
        assert_eq!(texts(&r.body, "#fail-error"), ["Välj minst en sak som slutar fungera."]);
        assert_eq!(texts(&r.body, "#hours-error"), ["Välj ett av alternativen."]);
        let r =
            s.post("/scenarios/new", &[("name", "Nätet borta"), ("fail", "resource:999999"), ("hours", "168")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = s.post("/scenarios/new", &[("name", "Nätet borta en vecka"), ("fail", &fail), ("hours", "168")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let scenario = id(&r);

        let r = s.post(&format!("/scenarios/{scenario}/run"), &[]).await;
        assert_eq!(r.location.as_deref(), Some(format!("/outage?scenario={scenario}").as_str()));
        let first = s.get(&format!("/outage?scenario={scenario}")).await.body;
        assert!(first.contains("Scenariot har inte körts två gånger ännu"));

        // A fallback routine is written down; the next run shows the difference.
        let r = s
            .post(
                &format!("/dependencies/{dep}/edit"),
                &[
                    ("from", &format!("activity:{act}")),
                    ("to", &fail),
                    ("need", "stops"),
                    ("fallback", "Pappersjournal och utskrivna läkemedelslistor"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        s.post(&format!("/scenarios/{scenario}/run"), &[]).await;
        let second = s.get(&format!("/outage?scenario={scenario}")).await.body;
        assert_eq!(texts(&second, "ul.changes li"), ["Sjuksköterskebesök: Stannar → För hand (reservrutin)"]);
        assert!(s.get(&format!("/scenarios/{scenario}")).await.body.contains("Kommunens nät"));
    }
}

#[tokio::test]
async fn the_kalix_case_on_the_demo_municipality() {
    use beredd_domain::graph::State;
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, "demo-lösenord-123").await.unwrap();
        let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
        let model = beredd::services::continuity::outage::Model::load(&db.pool, org).await.unwrap();
        // Everything inside the municipal network fails, as in December 2021.
        let findings = model.run(model.category(beredd::services::continuity::outage::Category::InsideNetwork));
        let state = |name: &str| {
            let f = findings
                .iter()
                .find(|f| model.nodes[f.node].name == name)
                .unwrap_or_else(|| panic!("{name} is in the demo"));
            (f.state, f.fallbacks.clone())
        };
        assert_eq!(state("Trygghetslarm").0, State::Working, "{kind:?}: the safety alarms run at the supplier");
        assert_eq!(state("Digitala lås").0, State::Working);
        assert_eq!(state("Utryckning på trygghetslarm").0, State::Working);
        let (pay, fallbacks) = state("Utbetalning av ekonomiskt bistånd");
        assert_eq!(pay, State::Degraded, "payments are affected");
        assert!(
            fallbacks.iter().any(|f| f.to_lowercase().contains("bankdosa") || f.to_lowercase().contains("hand")),
            "…but covered by a manual fallback: {fallbacks:?}"
        );
        assert_eq!(state("Journalsystem kommunal hälso- och sjukvård").0, State::Down);
        // The built-in scenarios include the mobile network and e-mail with log-in, which the
        // demo records as systems that provide them.
        let presets: Vec<&str> = model.presets().iter().map(|p| p.title_id).collect();
        for wanted in ["preset-attack", "preset-power", "preset-supplier", "preset-mobile", "preset-email-identity"] {
            assert!(presets.contains(&wanted), "{kind:?}: {wanted} missing from {presets:?}");
        }
        db.close().await;
    }
}
