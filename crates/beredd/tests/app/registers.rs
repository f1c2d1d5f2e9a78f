//! The registers through HTTP: create, edit, delete, refusals, bad input, escaping, audit.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn a_coordinator_creates_edits_and_deletes_a_unit_and_every_change_is_audited() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("ciso", beredd_domain::Role::Coordinator, &[]).await;
        let s = app.login("ciso").await;
        let audit_before = app.count("audit_log").await;

        let r = s
            .post("/units/new", &[("name", "Socialförvaltningen"), ("kind", "forvaltning"), ("staff_count", "800")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}");
        let location = r.location.unwrap();
        assert!(location.ends_with("?msg=created"));
        let page = s.get(&location).await;
        assert_eq!(texts(&page.body, "h1"), ["Socialförvaltningen"]);
        assert!(page.body.contains("Posten är skapad"));
        let id: i64 = location.trim_start_matches("/units/").split('?').next().unwrap().parse().unwrap();

        let r = s
            .post(
                &format!("/units/{id}/edit"),
                &[
                    ("name", "Socialförvaltningen"),
                    ("kind", "forvaltning"),
                    ("staff_count", "805"),
                    ("around_the_clock", "on"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let body = s.get(&format!("/units/{id}")).await.body;
        assert!(body.contains("805"));

        let r = s.post(&format!("/units/{id}/delete"), &[]).await;
        assert_eq!(r.location.as_deref(), Some("/units?msg=deleted"));
        assert_eq!(app.count("units").await, 0);

        let entries = beredd::store::audit::list(&app.db.pool, app.org, &Default::default(), 100).await.unwrap();
        let unit_entries: Vec<_> = entries.iter().filter(|e| e.entity == "unit").collect();
        assert_eq!(unit_entries.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["delete", "update", "create"]);
        let update = unit_entries[1];
        assert_eq!(update.username, "ciso");
        assert!(update.before_json.as_deref().unwrap().contains("\"staff_count\":800"));
        assert!(update.after_json.as_deref().unwrap().contains("\"staff_count\":805"));
        assert!(update.after_json.as_deref().unwrap().contains("\"around_the_clock\":true"));
        assert!(app.count("audit_log").await >= audit_before + 3);

        // The audit page shows it, filtered by entity, and offers no way to change it.
        let page = s.get("/audit?entity=unit").await.body;
        assert!(page.contains("Socialförvaltningen") && page.contains("3 händelser"));
        assert_eq!(s.post("/audit", &[]).await.status, StatusCode::METHOD_NOT_ALLOWED);
    }
}

#[tokio::test]
async fn every_register_can_be_filled_through_its_forms() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit =
            s.post("/units/new", &[("name", "Hemtjänst Norr"), ("kind", "enhet"), ("around_the_clock", "on")]).await;
        let unit_id = unit.location.unwrap().trim_start_matches("/units/").split('?').next().unwrap().to_owned();
        let sup = s
            .post(
                "/suppliers/new",
                &[("name", "Leverantör A AB"), ("org_number", "5560160680"), ("phone", "070-174 06 40")],
            )
            .await;
        assert_eq!(sup.status, StatusCode::SEE_OTHER, "{kind:?}: {}", sup.body);
        let sup_id = sup.location.unwrap().trim_start_matches("/suppliers/").split('?').next().unwrap().to_owned();
        let person = s
            .post(
                "/people/new",
                &[
                    ("name", "Åsa Öberg"),
                    ("kind", "staff"),
                    ("unit", &unit_id),
                    ("work_phone", "070-174 06 41"),
                    ("reachable_off_hours", "on"),
                ],
            )
            .await;
        assert_eq!(person.status, StatusCode::SEE_OTHER, "{}", person.body);
        let person_id = person.location.unwrap().trim_start_matches("/people/").split('?').next().unwrap().to_owned();
        let sys = s
            .post(
                "/systems/new",
                &[
                    ("name", "Trygghetslarm"),
                    ("kind", "welfare_tech"),
                    ("hosting", "supplier_cloud"),
                    ("owner", &person_id),
                    ("supplier", &sup_id),
                    ("units", &unit_id),
                ],
            )
            .await;
        assert_eq!(sys.status, StatusCode::SEE_OTHER, "{}", sys.body);
        let act = s
            .post(
                "/activities/new",
                &[
                    ("name", "Larmbesök"),
                    ("unit", &unit_id),
                    ("criticality", "samhallsviktig"),
                    ("recipients", "Brukare med trygghetslarm"),
                ],
            )
            .await;
        assert_eq!(act.status, StatusCode::SEE_OTHER, "{}", act.body);

        let sys_page = s.get(sys.location.as_deref().unwrap()).await.body;
        assert!(
            sys_page.contains("Hos leverantör (moln)")
                && sys_page.contains("Hemtjänst Norr")
                && sys_page.contains("Leverantör A AB")
        );
        let person_page = s.get(&format!("/people/{person_id}")).await.body;
        assert!(person_page.contains("href=\"tel:0701740641\""), "phone numbers are tappable");
        let unit_page = s.get(&format!("/units/{unit_id}")).await.body;
        assert!(unit_page.contains("Larmbesök") && unit_page.contains("Åsa Öberg"));

        // Lists filter and search.
        let list = s.get("/systems?hosting=internal").await.body;
        assert!(!list.contains("Trygghetslarm"));
        let list = s.get("/systems?q=trygghet").await.body;
        assert!(list.contains("Trygghetslarm") && list.contains("1 post"));
        // An htmx request gets just the table.
        let frag = s
            .client
            .get(format!("{}/activities?q=larm", app.base))
            .header("hx-request", "true")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(frag.contains("Larmbesök") && !frag.contains("<html"));
    }
}

#[tokio::test]
async fn deleting_something_others_point_to_is_refused_with_what_points_to_it() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let top = app.add_unit("Äldreomsorg", None).await;
        app.add_unit("Solgården", Some(top)).await;
        let s = app.login("admin").await;
        let confirm = s.get(&format!("/units/{top}/delete")).await.body;
        assert!(confirm.contains("kan inte tas bort") && confirm.contains("Solgården"));
        let r = s.post(&format!("/units/{top}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?}");
        assert!(r.body.contains("Enhet: <a href=\"/units/"));
        assert_eq!(app.count("units").await, 2);
        // A unit someone is responsible for is not removed from under them either.
        let lone = app.add_unit("Daglig verksamhet", None).await;
        app.add_user("chef", beredd_domain::Role::UnitManager, &[lone]).await;
        let r = s.post(&format!("/units/{lone}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("Användare som ansvarar för enheten: <a href=\"/users/"));
    }
}

#[tokio::test]
async fn bad_input_gets_a_message_at_the_field_keeps_what_was_typed_and_stores_nothing() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;

    let r = s.post("/units/new", &[("name", "   "), ("kind", "enhet"), ("staff_count", "många")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&r.body, "#name-error"), ["Fyll i fältet."]);
    assert!(texts(&r.body, "#staff_count-error")[0].starts_with("Ange ett heltal"));
    assert!(r.body.contains("value=\"många\""), "the typed value is kept");
    assert!(r.body.contains("aria-describedby=\"name-error\"") && r.body.contains("aria-invalid=\"true\""));

    let long = "x".repeat(201);
    let r = s.post("/units/new", &[("name", &long), ("kind", "enhet")]).await;
    assert_eq!(texts(&r.body, "#name-error"), ["Texten är för lång. Högst 200 tecken."]);

    let r = s.post("/units/new", &[("name", "Enhet"), ("kind", "påhittad")]).await;
    assert_eq!(texts(&r.body, "#kind-error"), ["Välj ett av alternativen."]);
    let r = s.post("/units/new", &[("name", "Enhet"), ("kind", "enhet"), ("parent", "999999")]).await;
    assert_eq!(texts(&r.body, "#parent-error"), ["Det valda finns inte längre. Välj igen."]);

    let r = s
        .post("/people/new", &[("name", "Kalle"), ("kind", "staff"), ("work_phone", "ring mig"), ("email", "kalle@")])
        .await;
    assert!(texts(&r.body, "#work_phone-error")[0].starts_with("Ange ett telefonnummer"));
    assert!(texts(&r.body, "#email-error")[0].starts_with("Ange en e-postadress"));
    let r = s.post("/suppliers/new", &[("name", "Lev"), ("org_number", "556016-0681")]).await;
    assert!(texts(&r.body, "#org_number-error")[0].contains("Kontrollsiffran"));

    assert_eq!(app.count("units").await, 0);
    assert_eq!(app.count("people").await, 0);
    assert_eq!(app.count("suppliers").await, 0);

    // Duplicates: a clear message, not a database error.
    assert_eq!(s.post("/suppliers/new", &[("name", "Leverantör B AB")]).await.status, StatusCode::SEE_OTHER);
    let r = s.post("/suppliers/new", &[("name", "Leverantör B AB")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&r.body, "#name-error"), ["Det namnet finns redan. Välj ett annat."]);
    assert_eq!(app.count("suppliers").await, 1);
}

#[tokio::test]
async fn a_unit_cannot_be_moved_under_its_own_sub_unit() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let top = app.add_unit("Socialförvaltningen", None).await;
    let child = app.add_unit("IFO", Some(top)).await;
    let s = app.login("admin").await;
    let r = s
        .post(
            &format!("/units/{top}/edit"),
            &[("name", "Socialförvaltningen"), ("kind", "forvaltning"), ("parent", &child.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&r.body, "#parent-error")[0].contains("under sig själv"));
}

#[tokio::test]
async fn markup_in_names_is_shown_as_text_everywhere() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let evil = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let r = s.post("/units/new", &[("name", evil), ("kind", "forvaltning")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for path in ["/units", r.location.as_deref().unwrap(), "/", "/audit"] {
        let body = s.get(path).await.body;
        assert!(!body.contains("<script>alert(2)") && !body.contains("<img src=x"), "{path} must escape");
    }
    let list = s.get("/units").await.body;
    let at = list.find("img src").expect("name shown");
    assert!(list[at - 5..].starts_with("&#60;img src=x onerror=alert(1)&#62;"), "{}", &list[at - 10..at + 60]);
}

#[tokio::test]
async fn malformed_and_unknown_ids_give_not_found_never_a_server_error() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    for path in [
        "/units/abc",
        "/units/-1",
        "/units/0",
        "/units/99999999999999999999999",
        "/units/1.5",
        "/units/%00",
        "/people/123456/edit",
        "/systems/9/delete",
        "/nowhere",
    ] {
        let r = s.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.body.contains("Sidan finns inte"));
    }
    assert_eq!(s.post("/units/abc/edit", &[("name", "x"), ("kind", "enhet")]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_organisation_never_sees_another_organisations_records() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let other_org = beredd::store::orgs::create(&app.db.pool, "Grannkommunen", None).await.unwrap();
        let input = beredd::store::units::UnitInput {
            parent_id: None,
            kind: beredd_domain::UnitKind::Forvaltning,
            name: "Grannens förvaltning".into(),
            manager_id: None,
            address: None,
            staff_count: None,
            around_the_clock: false,
            description: None,
        };
        let foreign = beredd::store::units::insert(&app.db.pool, other_org, &input).await.unwrap();
        let s = app.login("admin").await;
        assert!(!s.get("/units").await.body.contains("Grannens"));
        assert_eq!(s.get(&format!("/units/{foreign}")).await.status, StatusCode::NOT_FOUND, "{kind:?}");
        assert_eq!(
            s.post(&format!("/units/{foreign}/edit"), &[("name", "x"), ("kind", "enhet")]).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(s.post(&format!("/units/{foreign}/delete"), &[]).await.status, StatusCode::NOT_FOUND);
        // Nor can it be used as a parent.
        let r = s.post("/units/new", &[("name", "Smyg"), ("kind", "enhet"), ("parent", &foreign.to_string())]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[tokio::test]
async fn the_start_page_shows_what_needs_attention() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let body = s.get("/").await.body;
    assert!(body.contains("Registret Enheter är tomt."));
    app.add_unit("Hemtjänst Centrum", None).await;
    let body = s.get("/").await.body;
    assert!(body.contains("Enheter utan chef:") && body.contains("Hemtjänst Centrum"));
}

#[tokio::test]
async fn dependencies_join_registers_and_refuse_self_edges_missing_ends_and_orphaning_deletes() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Ekonomiskt bistånd", None).await;
        let id_of = |r: &crate::harness::Reply, slug: &str| {
            r.location
                .as_deref()
                .unwrap()
                .trim_start_matches(&format!("/{slug}/"))
                .split('?')
                .next()
                .unwrap()
                .to_owned()
        };
        let net = s.post("/resources/new", &[("name", "Kommunens nät"), ("kind", "network")]).await;
        assert_eq!(net.status, StatusCode::SEE_OTHER, "{kind:?}: {}", net.body);
        let net = id_of(&net, "resources");
        let sys = s
            .post(
                "/systems/new",
                &[("name", "Verksamhetssystem socialtjänst"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await;
        let sys = id_of(&sys, "systems");
        let act = s
            .post(
                "/activities/new",
                &[("name", "Utbetalning"), ("unit", &unit.to_string()), ("criticality", "samhallsviktig")],
            )
            .await;
        let act = id_of(&act, "activities");

        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("system:{sys}")), ("to", &format!("resource:{net}")), ("need", "stops")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = s
            .post(
                "/dependencies/new",
                &[
                    ("from", &format!("activity:{act}")),
                    ("to", &format!("system:{sys}")),
                    ("need", "stops"),
                    ("fallback", "Manuell beräkning, utbetalning med bankdosa"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert_eq!(texts(&page, "h1"), ["Utbetalning → Verksamhetssystem socialtjänst"]);
        assert!(page.contains("bankdosa"));

        // Bad edges: to itself, to something that does not exist, from a resource.
        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("system:{sys}")), ("to", &format!("system:{sys}")), ("need", "stops")],
            )
            .await;
        assert_eq!(texts(&r.body, "#to-error"), ["Något kan inte vara beroende av sig självt."]);
        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("system:{sys}")), ("to", "resource:987654"), ("need", "stops")],
            )
            .await;
        assert_eq!(texts(&r.body, "#to-error"), ["Det valda finns inte längre. Välj igen."]);
        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("resource:{net}")), ("to", &format!("system:{sys}")), ("need", "stops")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("system:{sys}")), ("to", &format!("resource:{net}")), ("need", "sometimes")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = s
            .post(
                "/dependencies/new",
                &[("from", &format!("system:{sys}")), ("to", &format!("resource:{net}")), ("need", "degraded")],
            )
            .await;
        assert_eq!(
            texts(&r.body, "#to-error"),
            ["Det beroendet finns redan. Ändra det befintliga i stället."],
            "a duplicate edge is named at its field"
        );
        let (edges,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM dependencies").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(edges, 2);

        // A node that an edge names cannot be deleted; the refusal names the edge.
        for path in
            [format!("/systems/{sys}/delete"), format!("/resources/{net}/delete"), format!("/activities/{act}/delete")]
        {
            let r = s.post(&path, &[]).await;
            assert_eq!(r.status, StatusCode::CONFLICT, "{path}");
            assert!(r.body.contains("Beroende: <a href=\"/dependencies/"), "{path}");
        }
    }
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
                &[("name", "Utbetalning av ekonomiskt bistånd"), ("unit", &unit), ("criticality", "samhallsviktig")],
            )
            .await);
        let visits = id(&s
            .post("/activities/new", &[("name", "Sjuksköterskebesök"), ("unit", &unit), ("criticality", "kritisk")])
            .await);
        let response = id(&s
            .post("/activities/new", &[("name", "Larmutryckning"), ("unit", &unit), ("criticality", "samhallsviktig")])
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
        let rows = texts(&page.body, "table.register tbody tr");
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
            texts(&page, "table.register tbody tr")
                .iter()
                .any(|r| r.contains("Sjuksköterskebesök → Journalsystem → Kommunens nät"))
        );
        // Failing only the mobile network takes the alarms down instead.
        let page = s.get(&format!("/outage?fail=resource:{mobile}&hours=24")).await.body;
        assert!(
            texts(&page, "table.register tbody tr")
                .iter()
                .any(|r| r.contains("Larmutryckning") && r.contains("Stannar"))
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
async fn a_business_impact_analysis_is_kept_checked_signed_off_and_used_by_the_outage_page() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let other = app.add_unit("Solgården", None).await;
        app.add_user("chef", beredd_domain::Role::UnitManager, &[unit]).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("chef").await;
        let r = s
            .post(
                "/activities/new",
                &[("name", "Nattbesök"), ("unit", &unit.to_string()), ("criticality", "samhallsviktig")],
            )
            .await;
        let act =
            r.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Ingen konsekvensanalys är gjord ännu."));

        let path = format!("/activities/{act}/bia");
        let r = s.post(&path, &[("mtpd_hours", "4"), ("rto_hours", "4"), ("level_1h", "7")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert_eq!(
            texts(&r.body, "#rto_hours-error"),
            ["Målet för återställning måste vara kortare än det längsta tålbara avbrottet."]
        );
        assert!(!texts(&r.body, "#level_1h-error").is_empty());
        let r = s
            .post(
                &path,
                &[
                    ("mtpd_hours", "4"),
                    ("rto_hours", "2"),
                    ("rpo_hours", "24"),
                    ("level_1h", "1"),
                    ("level_1d", "3"),
                    ("text_1d", "Brukare blir utan tillsyn under natten"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/activities/{act}")).await.body;
        assert!(
            page.contains("4 timmar")
                && page.contains("Brukare blir utan tillsyn")
                && page.contains("Inte fastställd.")
        );

        let r = s.post(&format!("{path}/sign-off"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Fastställd av chef"));
        // Changing the analysis withdraws the approval.
        s.post(&path, &[("mtpd_hours", "6"), ("rto_hours", "2")]).await;
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Inte fastställd."));

        // Others may read but not change it.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&path, &[("mtpd_hours", "1")]).await.status, StatusCode::FORBIDDEN);
        let admin = app.login("admin").await;
        let r = admin
            .post("/activities/new", &[("name", "Boende"), ("unit", &other.to_string()), ("criticality", "kritisk")])
            .await;
        let theirs =
            r.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        assert_eq!(
            s.post(&format!("/activities/{theirs}/bia"), &[("mtpd_hours", "1")]).await.status,
            StatusCode::FORBIDDEN
        );

        // A day without the network, with no fallback, passes the six-hour limit: a critical gap.
        let net = admin.post("/resources/new", &[("name", "Nätet"), ("kind", "network")]).await;
        let net =
            net.location.as_deref().unwrap().trim_start_matches("/resources/").split('?').next().unwrap().to_owned();
        admin
            .post(
                "/dependencies/new",
                &[("from", &format!("activity:{act}")), ("to", &format!("resource:{net}")), ("need", "stops")],
            )
            .await;
        let rows =
            texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=24")).await.body, "table.register tbody tr");
        let row = rows.iter().find(|r| r.contains("Nattbesök")).expect("affected");
        assert!(row.contains("Överskrider längsta tålbara avbrott") && row.contains("6 timmar"), "{row}");
        let rows =
            texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=1")).await.body, "table.register tbody tr");
        assert!(!rows.iter().any(|r| r.contains("Överskrider")), "an hour is within the limit");
        // The change history holds the analysis before and after.
        let entries = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("bia".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        assert_eq!(entries.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["update", "sign-off", "update"]);
        // Deleting the activity takes its analysis along, and the trail keeps both.
        let deps: Vec<(i64,)> = sqlx::query_as("SELECT id FROM dependencies").fetch_all(&app.db.pool).await.unwrap();
        for (d,) in deps {
            admin.post(&format!("/dependencies/{d}/delete"), &[]).await;
        }
        assert_eq!(admin.post(&format!("/activities/{act}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        let gone = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("activity".into()), ..Default::default() },
            1,
        )
        .await
        .unwrap();
        assert_eq!(gone[0].action, "delete");
        assert!(
            gone[0].before_json.as_deref().unwrap().contains("\"mtpd_hours\":6"),
            "the deleted analysis is in the trail"
        );
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
async fn the_requirement_catalogue_shows_which_requirements_a_classification_yields() {
    use beredd_domain::classification::{Applies, LegalFlag, Levels};
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
    let count = |levels: Levels, flags: &[LegalFlag]| {
        catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, flags)).count()
    };

    let all = s.get("/requirements").await.body;
    assert_eq!(texts(&all, "table.register tbody tr").len(), catalogue.requirements.len());

    let base = s.get("/requirements?K=0&R=0&T=0&S=0").await.body;
    let baseline = catalogue.requirements.iter().filter(|r| r.applies == Applies::Baseline).count();
    assert_eq!(texts(&base, "table.register tbody tr").len(), baseline, "level 0 everywhere yields the baseline");

    let high = s.get("/requirements?K=3&R=2&T=3&S=2&flag=patient_data").await.body;
    let expected = count(Levels::new(3, 2, 3, 2).unwrap(), &[LegalFlag::PatientData]);
    assert_eq!(texts(&high, "table.register tbody tr").len(), expected);
    assert!(
        texts(&high, "table.register tbody th").iter().any(|id| id == "LOG-06"),
        "patient data brings the access-log follow-up"
    );
    assert!(!high.contains("utanför ordinär hantering"));
    assert!(s.get("/requirements?K=4").await.body.contains("Nivå 4 ligger utanför ordinär hantering"));

    let detail = s.get("/requirements/LOG-06").await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(detail.body.contains("Patientdatalagen") && detail.body.contains("4 kap. 3 §"));
    assert_eq!(s.get("/requirements/NOPE-99").await.status, StatusCode::NOT_FOUND);
    // Out-of-range levels are ignored, never an error.
    assert_eq!(s.get("/requirements?K=9&T=-1&flag=nonsense").await.status, StatusCode::OK);
}

#[tokio::test]
async fn information_is_classified_in_versions_and_systems_take_the_highest_level_of_what_they_hold() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let sys = id(&s
            .post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let r = s
            .post(
                "/assets/new",
                &[
                    ("name", "Patientjournal"),
                    ("flags", "patient_data"),
                    ("flags", "sensitive_personal_data"),
                    ("systems", &sys),
                    ("osl_reference", "25 kap. 1 §"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let journal = id(&r);
        let r = s.post("/assets/new", &[("name", "Signeringslistor"), ("systems", &sys)]).await;
        let lists = id(&r);
        assert!(s.get(&format!("/assets/{journal}")).await.body.contains("Informationen är inte klassad ännu."));

        let path = format!("/assets/{journal}/classify");
        let r = s.post(&path, &[("level_k", "7"), ("level_r", "2"), ("level_t", "3"), ("level_s", "2")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#level_k-error").is_empty());
        let r = s
            .post(
                &path,
                &[
                    ("level_k", "3"),
                    ("level_r", "2"),
                    ("level_t", "3"),
                    ("level_s", "2"),
                    ("why_k", "Uppgifter om hälsa"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert!(
            page.contains("Klassningen sparades som version 1.") && page.contains("krav tillkom"),
            "the change in requirements is shown"
        );
        s.post(
            &format!("/assets/{lists}/classify"),
            &[("level_k", "1"), ("level_r", "3"), ("level_t", "4"), ("level_s", "1")],
        )
        .await;

        // A re-classification needs a reason, and keeps the old version.
        let r = s.post(&path, &[("level_k", "2"), ("level_r", "2"), ("level_t", "3"), ("level_s", "2")]).await;
        assert_eq!(texts(&r.body, "#reason-error"), ["Fyll i fältet."]);
        let r = s
            .post(
                &path,
                &[
                    ("level_k", "2"),
                    ("level_r", "2"),
                    ("level_t", "3"),
                    ("level_s", "2"),
                    ("reason", "Uppgifterna är nu pseudonymiserade"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/assets/{journal}")).await.body;
        assert!(
            page.contains("Version 2: K2 R2 T3 S2") && page.contains("Version 1: K3 R2 T3 S2"),
            "both versions are kept"
        );

        // The system must meet the highest level per aspect of what it holds; level 4 is flagged.
        let system_page = s.get(&format!("/systems/{sys}")).await.body;
        assert!(system_page.contains("Krävd nivå: K2 R3 T4 S2"), "{kind:?}");
        assert!(system_page.contains("utanför ordinär hantering"));
        let doc = scraper::Html::parse_document(&system_page);
        let hrefs: Vec<String> = doc
            .select(&scraper::Selector::parse("a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert!(hrefs.iter().any(|h| h.starts_with("/requirements?K=2&R=3&T=4&S=2&flag=")), "{hrefs:?}");
        // The system cannot be deleted from under the information it holds.
        assert_eq!(s.post(&format!("/systems/{sys}/delete"), &[]).await.status, StatusCode::CONFLICT);

        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader.post(&path, &[("level_k", "0"), ("level_r", "0"), ("level_t", "0"), ("level_s", "0")]).await.status,
            StatusCode::FORBIDDEN
        );
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("asset".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(trail.iter().filter(|e| e.action == "classify").count(), 3);
    }
}

#[tokio::test]
async fn the_questionnaire_proposes_levels_and_overriding_them_needs_a_reason() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let r = s.post("/assets/new", &[("name", "Ekonomiskt bistånd – ärenden")]).await;
    let asset = r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
    let path = format!("/assets/{asset}/classify");
    let form = s.get(&path).await.body;
    assert!(form.contains("Vad händer med den enskilde") && form.contains("type=\"radio\""), "the questions are asked");

    let answers = [("q-K", "3"), ("q-T-day", "2"), ("q-T-week", "3"), ("q-S", "2")];
    let mut propose: Vec<(&str, &str)> = answers.to_vec();
    propose.push(("propose", "1"));
    let r = s.post(&path, &propose).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Förslag utifrån svaren: K3 R– T3 S2."), "{}", texts(&r.body, "p.flash").join("|"));
    let doc = scraper::Html::parse_document(&r.body);
    let selected = |name: &str| {
        doc.select(&scraper::Selector::parse(&format!("select[name={name}] option[selected]")).unwrap())
            .next()
            .and_then(|o| o.value().attr("value"))
            .map(str::to_owned)
    };
    assert_eq!(selected("level_k").as_deref(), Some("3"));
    assert_eq!(selected("level_t").as_deref(), Some("3"));
    assert_eq!(app.count("audit_log").await, 2, "proposing stores nothing (only the login and the asset)");

    let mut save: Vec<(&str, &str)> = answers.to_vec();
    save.extend([("level_k", "2"), ("level_r", "1"), ("level_t", "3"), ("level_s", "2")]);
    let r = s.post(&path, &save).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&r.body, "#reason-error"),
        ["Du har valt en annan nivå än förslaget från frågorna. Skriv varför."]
    );
    save.push(("reason", "Uppgifterna om skyddade personer ligger i ett annat system"));
    assert_eq!(s.post(&path, &save).await.status, StatusCode::SEE_OTHER);
    assert!(s.get(&format!("/assets/{asset}")).await.body.contains("Version 1: K2 R1 T3 S2"));
}

#[tokio::test]
async fn the_self_assessment_records_how_each_requirement_is_met_and_gaps_become_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let sys = id(&s
            .post("/systems/new", &[("name", "Verksamhetssystem SoL"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let asset = id(&s
            .post(
                "/assets/new",
                &[("name", "Social dokumentation"), ("flags", "social_services_documentation"), ("systems", &sys)],
            )
            .await);
        s.post(
            &format!("/assets/{asset}/classify"),
            &[("level_k", "3"), ("level_r", "3"), ("level_t", "2"), ("level_s", "2")],
        )
        .await;

        let overview = s.get(&format!("/systems/{sys}/assessment")).await;
        assert_eq!(overview.status, StatusCode::OK);
        let rows = texts(&overview.body, "table.register tbody tr");
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let levels = beredd_domain::classification::Levels::new(3, 3, 2, 2).unwrap();
        let flags = [beredd_domain::classification::LegalFlag::SocialServicesDocumentation];
        let expected = catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).count();
        assert_eq!(rows.len(), expected, "every derived requirement is listed");
        assert!(rows.iter().all(|r| r.contains("Inte bedömt")));

        let path = format!("/systems/{sys}/assessment/STY-01");
        // Not applicable needs a reason; a link must be a web address; a due date must be a date.
        let r = s.post(&path, &[("status", "not_applicable")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#not_applicable_reason-error").is_empty());
        let r = s.post(&path, &[("status", "fulfilled"), ("evidence_link", "file:///etc/passwd")]).await;
        assert_eq!(texts(&r.body, "#evidence_link-error"), ["Skriv en webbadress som börjar med https://."]);
        let r =
            s.post(&path, &[("status", "not_fulfilled"), ("action_due", "2027-13-45"), ("create_action", "on")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#action_due-error").is_empty());
        let r = s.post(&path, &[("status", "maybe")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("assessments").await, 0, "nothing is stored from bad input");
        assert_eq!(app.count("actions").await, 0);

        // A gap becomes one action, however often it is saved.
        let r = s
            .post(
                &path,
                &[
                    ("status", "not_fulfilled"),
                    ("how", "Ingen utsedd ägare"),
                    ("create_action", "on"),
                    ("action_due", "2020-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = s
            .post(
                &path,
                &[
                    ("status", "partly"),
                    ("how", "Ägare utsedd, inte dokumenterad"),
                    ("create_action", "on"),
                    ("evidence_link", "https://intranat.example/rutin"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("assessments").await, 1);
        assert_eq!(app.count("actions").await, 1);
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        assert!(
            overview.contains("Delvis uppfyllt")
                && overview.contains(
                    "Uppfyllda / delvis / inte uppfyllda / inte tillämpliga / inte bedömda: 0 / 1 / 0 / 0 / "
                ),
            "{}",
            texts(&overview, "p[role=status]").join("|")
        );
        let form = s.get(&path).await.body;
        assert!(
            form.contains("Ägare utsedd, inte dokumenterad") && form.contains("https://intranat.example/rutin"),
            "the form shows what was saved"
        );

        // The action is in the plan, overdue, and points back to the requirement.
        let overdue = s.get("/actions?status=overdue").await.body;
        let listed = texts(&overdue, "table.register tbody tr");
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(listed[0].contains("STY-01") && listed[0].contains("försenad"));
        let action = beredd::store::actions::list(&app.db.pool, app.org).await.unwrap().remove(0);
        let detail = s.get(&format!("/actions/{}", action.id)).await.body;
        assert!(detail.contains(&format!("/systems/{sys}/assessment/STY-01")));
        // Marking it done takes it off the overdue list.
        let r = s
            .post(
                &format!("/actions/{}/edit", action.id),
                &[("title", &action.title), ("priority", "high"), ("status", "done"), ("due_date", "2020-01-31")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(texts(&s.get("/actions?status=overdue").await.body, "table.register tbody tr").is_empty());

        // A reader sees the assessment but cannot change it.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/systems/{sys}/assessment")).await.status, StatusCode::OK);
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&path, &[("status", "fulfilled")]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader.post("/actions/new", &[("title", "x"), ("priority", "low"), ("status", "planned")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(s.get(&format!("/systems/{sys}/assessment/NOPE-1")).await.status, StatusCode::NOT_FOUND);
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("system".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(trail.iter().filter(|e| e.action == "assess").count(), 2, "{kind:?}");
    }
}

#[tokio::test]
async fn a_municipality_adds_its_own_requirements_and_turns_ours_off_and_the_version_says_so() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let area = catalogue.areas[0].id.clone();
        let own = [
            ("area", area.as_str()),
            ("title", "Reservrutin i pärm"),
            ("is_text", "Det finns en utskriven reservrutin."),
            ("shall_text", "Leverantören ska leverera en utskrivbar reservrutin."),
            ("applies", "T2"),
            ("refs", "Kommunens riktlinje 2026:4"),
        ];

        // Bad input: an id we already have, no "shall" text, an unknown rule.
        let mut dup = vec![("requirement_id", "sty-01")];
        dup.extend_from_slice(&own);
        let r = s.post("/requirements/new", &dup).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#requirement_id-error").is_empty());
        let r = s
            .post(
                "/requirements/new",
                &[("requirement_id", "EGEN-01"), ("area", &area), ("title", "x"), ("is_text", "x"), ("applies", "K9")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#shall_text-error").is_empty() && !texts(&r.body, "#applies-error").is_empty());

        let mut ok = vec![("requirement_id", "EGEN-01")];
        ok.extend_from_slice(&own);
        let r = s.post("/requirements/new", &ok).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let detail = s.get("/requirements/EGEN-01").await.body;
        assert!(
            detail.contains("Leverantören ska leverera en utskrivbar reservrutin.")
                && detail.contains("Kommunens riktlinje 2026:4")
        );

        // Turning one of ours off needs a reason.
        let r = s.post("/requirements/STY-01/disable", &[("reason", "  ")]).await;
        let page = s.get(r.location.as_deref().unwrap()).await.body;
        assert_eq!(texts(&page, "#reason-error"), ["Fyll i fältet."]);
        assert!(
            s.post("/requirements/STY-01/disable", &[("reason", "Styrningen ligger i kommunens ledningssystem")])
                .await
                .status
                == StatusCode::SEE_OTHER
        );
        let list = s.get("/requirements").await.body;
        let ids = texts(&list, "table.register tbody th");
        assert!(!ids.contains(&"STY-01".to_owned()) && ids.contains(&"EGEN-01".to_owned()));
        assert!(
            list.contains("Styrningen ligger i kommunens ledningssystem"),
            "turned-off requirements are listed with their reason"
        );
        assert!(s.get("/requirements?T=2").await.body.contains("Reservrutin i pärm (eget krav)"));

        // The system's assessment follows the organisation's catalogue, and the version records it.
        let sys = s
            .post("/systems/new", &[("name", "Planeringssystem"), ("kind", "it_system"), ("hosting", "internal")])
            .await;
        let sys = sys.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        let asset = s.post("/assets/new", &[("name", "Körlistor"), ("systems", &sys)]).await;
        let asset = asset.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        s.post(
            &format!("/assets/{asset}/classify"),
            &[("level_k", "1"), ("level_r", "1"), ("level_t", "2"), ("level_s", "1")],
        )
        .await;
        let rows = texts(&s.get(&format!("/systems/{sys}/assessment")).await.body, "table.register tbody th");
        assert!(rows.contains(&"EGEN-01".to_owned()) && !rows.contains(&"STY-01".to_owned()), "{rows:?}");
        let current = beredd::store::assets::list(&app.db.pool, app.org).await.unwrap().remove(0).current.unwrap();
        assert_eq!(current.catalogue_version, format!("{}+lokal.2", catalogue.version));

        // A reader changes nothing; turning it on again brings it back.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get("/requirements/new").await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post("/requirements/STY-01/enable", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post("/requirements/EGEN-01/delete", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(s.post("/requirements/STY-01/enable", &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(s.post("/requirements/EGEN-01/delete", &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(s.get("/requirements/EGEN-01").await.status, StatusCode::NOT_FOUND);
        assert!(texts(&s.get("/requirements").await.body, "table.register tbody th").contains(&"STY-01".to_owned()));
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("requirement".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(
            trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
            ["delete", "enable", "disable", "create"],
            "{kind:?}"
        );
    }
}

#[tokio::test]
async fn the_overview_ranks_systems_by_level_charts_their_fulfilment_and_lists_gaps_and_overdue_actions() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let id = |r: crate::harness::Reply| {
        r.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
    };
    assert!(s.get("/overview").await.body.contains("Inget system håller någon klassad information ännu."));
    let low =
        id(s.post("/systems/new", &[("name", "Webbplats"), ("kind", "it_system"), ("hosting", "internal")]).await);
    let high = id(s
        .post("/systems/new", &[("name", "Journal <script>"), ("kind", "it_system"), ("hosting", "internal")])
        .await);
    for (name, sys, levels) in
        [("Nyheter", &low, ["0", "1", "1", "0"]), ("Patientjournal", &high, ["3", "3", "2", "3"])]
    {
        let a = id(s.post("/assets/new", &[("name", name), ("systems", sys)]).await);
        s.post(
            &format!("/assets/{a}/classify"),
            &[("level_k", levels[0]), ("level_r", levels[1]), ("level_t", levels[2]), ("level_s", levels[3])],
        )
        .await;
    }
    for (sys, status) in [(&high, "not_fulfilled"), (&low, "partly")] {
        let r = s
            .post(
                &format!("/systems/{sys}/assessment/STY-01"),
                &[("status", status), ("create_action", "on"), ("action_due", "2021-12-16")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    s.post(&format!("/systems/{high}/assessment/STY-02"), &[("status", "fulfilled")]).await;

    let page = s.get("/overview").await;
    assert_eq!(page.status, StatusCode::OK);
    let systems = texts(&page.body, "caption#table-title ~ tbody th");
    assert_eq!(systems, ["Journal <script>", "Webbplats"], "the highest level first");
    let doc = scraper::Html::parse_document(&page.body);
    let cells = |row: usize| -> Vec<String> {
        let sel = scraper::Selector::parse("caption#table-title ~ tbody tr").unwrap();
        let tr = doc.select(&sel).nth(row).unwrap();
        tr.select(&scraper::Selector::parse("td").unwrap()).map(|c| c.text().collect()).collect()
    };
    let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
    let derived = catalogue
        .requirements
        .iter()
        .filter(|r| r.applies.holds(&beredd_domain::classification::Levels::new(3, 3, 2, 3).unwrap(), &[]))
        .count();
    let high_row = cells(0);
    assert_eq!(high_row[0], "K3 R3 T2 S3");
    assert_eq!(&high_row[2..7], ["1", "0", "1", "0", &(derived - 2).to_string()], "{high_row:?}");
    // The chart draws the same figures: one bar per system, one segment per non-empty state.
    let rects: Vec<_> = doc.select(&scraper::Selector::parse("svg.chart rect").unwrap()).collect();
    assert_eq!(rects.len(), 3 + 2, "three states for the journal, two for the web site");
    assert!(rects.iter().any(|r| r.text().collect::<String>() == "Journal <script>: Inte uppfyllt 1"));
    assert!(!page.body.contains("<script>:"), "names are escaped in the SVG");
    // The requirement unmet in most systems heads the gap list; both actions are overdue.
    assert_eq!(texts(&page.body, "#gaps-heading ~ div tbody th"), ["STY-01"]);
    assert_eq!(texts(&page.body, "ul.overdue li").len(), 2);
    let home = s.get("/").await.body;
    assert!(
        home.contains("Åtgärder i handlingsplanen som är försenade:"),
        "the coordinator's start page names overdue actions"
    );
}

#[tokio::test]
async fn the_continuity_plan_templates_can_be_read_step_by_step() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
    let s = app.login("lasare").await;
    let list = s.get("/plan-templates").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(texts(&list.body, "ul.template-list h2").len(), beredd::content::plan_templates::load().unwrap().len());
    let page = s.get("/plan-templates/ifo-ekonomiskt-bistand").await.body;
    let steps = texts(&page, "ol.steps li");
    assert!(steps.iter().any(|st| st.starts_with("Ekonomihandläggare:") && st.contains("bankdosan")), "{steps:?}");
    assert!(page.contains("Utbetalning av ekonomiskt bistånd"));
    assert!(page.contains("href=\"tel:"), "external numbers can be called from a phone");
    assert_eq!(s.get("/plan-templates/nope").await.status, StatusCode::NOT_FOUND);
}
