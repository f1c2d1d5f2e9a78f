//! The organisation's registers through HTTP (units, people, suppliers, activities, resources,
//! dependencies, systems, assets): create, edit, delete, refusals, bad input, escaping, the
//! audit of every change, one organisation's records kept from another, and the lists' exports.

mod dependents;
mod import;
mod import_job;
mod large;
mod start_page;

use reqwest::StatusCode;

use crate::harness::{TestApp, get_bytes, id_of, kinds, texts, xlsx_rows};

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
                    ("criticality", "akut"),
                    ("society_critical", "1"),
                    ("recipients", "Brukare med trygghetslarm"),
                ],
            )
            .await;
        assert_eq!(act.status, StatusCode::SEE_OTHER, "{}", act.body);
        // How soon it must work again, and samhällsviktig in MSB's sense, are two separate answers.
        let act_page = s.get(act.location.as_deref().unwrap()).await.body;
        let facts = crate::harness::texts(&act_page, "dd");
        assert!(facts.contains(&"Akut – inom timmar".to_owned()) && facts.contains(&"Ja".to_owned()), "{facts:?}");
        let form = s.get("/activities/new").await.body;
        assert!(form.contains("Samhällsviktig verksamhet (enligt MSB:s definition)"), "{form}");
        let listed = |q: &'static str| {
            let s = &s;
            async move { s.get(&format!("/activities?{q}")).await.body.contains("Larmbesök") }
        };
        assert!(listed("society=1").await);
        let act_id =
            act.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        let edit = s.get(&format!("/activities/{act_id}/edit")).await.body;
        assert!(edit.contains("name=\"society_critical\""), "{edit}");
        let unticked = [("name", "Larmbesök"), ("unit", unit_id.as_str()), ("criticality", "kritisk")];
        let r = s.post(&format!("/activities/{act_id}/edit"), &unticked).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(!listed("society=1").await && listed("criticality=kritisk").await);

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

/// The yearly cycle, risk analyses and an incident's recovery point to people, units and systems
/// too: deleting one of those is refused with the list, not answered with a server error.
#[tokio::test]
async fn deleting_what_the_cycle_a_risk_or_a_recovery_item_points_to_is_refused_with_what_points_there() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let staff = app.add_unit("Personalenheten", None).await;
        let person = |name: &'static str| {
            let s = &s;
            async move {
                id_of(&s.post("/people/new", &[("name", name), ("kind", "staff"), ("unit", &staff.to_string())]).await)
            }
        };
        let (karin, olle) = (person("Karin Lund").await, person("Olle Berg").await);
        let cycle_unit = app.add_unit("Kommunikationsenheten", None).await;
        let recovery_unit = app.add_unit("Hemtjänst Norr", None).await;
        let sys = id_of(
            &s.post(
                "/systems/new",
                &[("name", "Verksamhetssystem vård"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await,
        );

        // Recurring work with an owner and a unit.
        let item = [
            ("title", "Genomgång av behörigheter"),
            ("kind", "other"),
            ("owner", karin.as_str()),
            ("unit", &cycle_unit.to_string()),
            ("start", "2026-12-01"),
            ("every", "12"),
        ];
        assert_eq!(s.post("/cycle", &item).await.status, StatusCode::SEE_OTHER);
        // A risk with an owner.
        let r = s
            .post(
                "/risks/analyses",
                &[
                    ("a_title", "Riskanalys IT 2026"),
                    ("a_scope_ref", &format!("unit:{staff}")),
                    ("a_scope", "Hela förvaltningen"),
                    ("a_held_on", "2026-11-20"),
                ],
            )
            .await;
        let analysis = r.location.unwrap().split('/').nth(3).unwrap().split('?').next().unwrap().to_owned();
        let risk = [
            ("threat", "Strömavbrott"),
            ("likelihood", "2"),
            ("consequence", "3"),
            ("residual_likelihood", "1"),
            ("residual_consequence", "3"),
            ("decision", "accept"),
            ("owner", olle.as_str()),
        ];
        assert_eq!(s.post(&format!("/risks/analyses/{analysis}/risks"), &risk).await.status, StatusCode::SEE_OTHER);
        let (risk,): (i64,) = sqlx::query_as("SELECT id FROM risks").fetch_one(&app.db.pool).await.unwrap();
        // Something to enter after an outage, for another unit than the incident's, in a system.
        let incident = crate::crisis::start(&s, staff).await;
        let backlog = [
            ("unit", recovery_unit.to_string()),
            ("system", sys.clone()),
            ("kind", "care_doc".into()),
            ("total", "12".into()),
            ("priority", "normal".into()),
        ];
        let backlog: Vec<(&str, &str)> = backlog.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(s.post(&format!("/incidents/{incident}/recovery"), &backlog).await.status, StatusCode::SEE_OTHER);

        let cycle = "Återkommande arbete i årshjulet: <a href=\"/cycle\">Genomgång av behörigheter</a>";
        let risk = format!("Risk: <a href=\"/risks/{risk}/edit\">Riskanalys IT 2026: Strömavbrott</a>");
        let recovery = format!(
            "Efterregistrering efter incident: <a href=\"/incidents/{incident}/recovery\">IT-systemen är utslagna</a>"
        );
        for (path, points) in [
            (format!("/people/{karin}/delete"), cycle.to_owned()),
            (format!("/units/{cycle_unit}/delete"), cycle.to_owned()),
            (format!("/people/{olle}/delete"), risk),
            (format!("/units/{recovery_unit}/delete"), recovery.clone()),
            (format!("/systems/{sys}/delete"), recovery),
        ] {
            let r = s.post(&path, &[]).await;
            assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?} {path}");
            assert!(r.body.contains(&points), "{kind:?} {path}: {}", texts(&r.body, "main li").join(" | "));
        }
        assert_eq!((app.count("people").await, app.count("units").await, app.count("systems").await), (2, 3, 1));
    }
}

#[tokio::test]
async fn bad_input_gets_a_message_at_the_field_keeps_what_was_typed_and_stores_nothing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
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
            .post(
                "/people/new",
                &[("name", "Kalle"), ("kind", "staff"), ("work_phone", "ring mig"), ("email", "kalle@")],
            )
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
}

#[tokio::test]
async fn a_unit_cannot_be_moved_under_its_own_sub_unit() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
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
}

#[tokio::test]
async fn markup_in_names_is_shown_as_text_everywhere() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
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
}

#[tokio::test]
async fn malformed_and_unknown_ids_give_not_found_never_a_server_error() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
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
}

#[tokio::test]
async fn one_organisation_never_sees_another_organisations_records() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let other_org =
            beredd::store::orgs::create(&app.db.pool, "Grannkommunen", None, "grannkommunen").await.unwrap();
        let input = beredd::store::units::UnitInput {
            parent_id: None,
            kind: beredd_domain::UnitKind::Forvaltning,
            name: "Grannens förvaltning".into(),
            manager_id: None,
            address: None,
            staff_count: None,
            around_the_clock: false,
            description: None,
            code: None,
        };
        let foreign =
            beredd::store::units::insert(&mut app.db.pool.acquire().await.unwrap(), other_org, &input).await.unwrap();
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
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let body = s.get("/").await.body;
        assert!(body.contains("Registret Enheter är tomt."));
        app.add_unit("Hemtjänst Centrum", None).await;
        let body = s.get("/").await.body;
        assert!(body.contains("Enheter utan chef:") && body.contains("Hemtjänst Centrum"));
    }
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
            .post("/activities/new", &[("name", "Utbetalning"), ("unit", &unit.to_string()), ("criticality", "akut")])
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
async fn every_list_downloads_as_excel_with_the_same_search_filters_and_order() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let top = app.add_unit("Socialförvaltningen", None).await;
        app.add_unit("Äldreboendet Björkgården", Some(top)).await;
        app.add_unit("Hemtjänst Norr", Some(top)).await;
        app.add_unit("=HYPERLINK(\"http://x\")", None).await;

        let (status, ctype, bytes) = get_bytes(&s, "/units/export?sort=name&dir=desc").await;
        assert_eq!(status, StatusCode::OK);
        assert!(ctype.contains("spreadsheetml"));
        let rows = xlsx_rows(bytes);
        assert_eq!(rows.len(), 5, "a header and the four units");
        let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            names,
            ["Äldreboendet Björkgården", "Socialförvaltningen", "Hemtjänst Norr", "=HYPERLINK(\"http://x\")"],
            "Swedish order, descending"
        );
        let (_, _, bytes) = get_bytes(&s, "/units/export?q=hemtj").await;
        assert_eq!(xlsx_rows(bytes).len(), 2, "the search applies");
        assert!(
            s.get("/units?q=hemtj").await.body.contains("/units/export?q=hemtj"),
            "the list links to its own export"
        );

        // The action plan filters by owner, unit and origin, and exports what it shows.
        let owner = s.post("/people/new", &[("name", "Anna Ek"), ("kind", "staff"), ("unit", &top.to_string())]).await;
        let owner = id_of(&owner);
        s.post(
            "/actions/new",
            &[
                ("title", "Öva reservrutinen"),
                ("owner", &owner),
                ("unit", &top.to_string()),
                ("priority", "high"),
                ("status", "planned"),
            ],
        )
        .await;
        s.post("/actions/new", &[("title", "Byt lås"), ("priority", "low"), ("status", "planned")]).await;
        assert_eq!(texts(&s.get(&format!("/actions?owner={owner}")).await.body, "table.register tbody tr").len(), 1);
        assert_eq!(texts(&s.get(&format!("/actions?unit={top}")).await.body, "table.register tbody tr").len(), 1);
        assert_eq!(texts(&s.get("/actions?origin=manual").await.body, "table.register tbody tr").len(), 2);
        assert!(texts(&s.get("/actions?origin=requirement").await.body, "table.register tbody tr").is_empty());
        let (_, _, bytes) = get_bytes(&s, &format!("/actions/export?owner={owner}")).await;
        let rows = xlsx_rows(bytes);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "Öva reservrutinen");
        assert_eq!(rows[1][1], "Anna Ek");

        let anonymous = app.client().get(format!("{}/actions/export", s.base)).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "no session, no export");
    }
}

/// Pages are sent gzip-compressed when the browser asks for it, several times smaller; the live
/// board's event stream is never compressed, so its updates are not held back.
#[tokio::test]
async fn pages_are_compressed_for_browsers_that_take_it_and_the_live_stream_is_not() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    for n in 0..40 {
        s.post("/units/new", &[("name", &format!("Enhet nummer {n}")), ("kind", "enhet")]).await;
    }
    let plain = s.client.get(format!("{}/units", s.base)).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    let packed = s.client.get(format!("{}/units", s.base)).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(packed.headers()["content-encoding"], "gzip");
    let packed = packed.bytes().await.unwrap();
    assert!(packed.len() * 4 < plain.len(), "{} compressed against {} plain", packed.len(), plain.len());
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&packed[..]), &mut unpacked).unwrap();
    assert_eq!(unpacked.len(), plain.len(), "the same page");

    let unit = app.add_unit("IT-enheten", None).await;
    let id = crate::crisis::start(&s, unit).await;
    let events = s
        .client
        .get(format!("{}/incidents/{id}/events", s.base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    assert!(events.headers().get("content-encoding").is_none(), "the live stream is sent as it is");
}

/// A long list shows fifty rows a page with links to the next and previous pages (keeping the
/// search and sort); the Excel export has every row.
#[tokio::test]
async fn a_long_list_shows_fifty_rows_a_page_and_the_export_has_them_all() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        for n in 0..61 {
            let r = s.post("/units/new", &[("name", &format!("Enhet {n:02}")), ("kind", "enhet")]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let page = s.get("/units?sort=name&dir=asc").await.body;
        assert_eq!(texts(&page, "table.register tbody tr").len(), 50);
        assert_eq!(texts(&page, ".pager p"), ["Visar 1–50 av 61"]);
        let next = scraper::Html::parse_document(&page)
            .select(&scraper::Selector::parse(".pager a[rel=next]").unwrap())
            .next()
            .and_then(|a| a.value().attr("href").map(str::to_owned))
            .expect("a next link");
        assert_eq!(next, "/units?dir=asc&sort=name&sida=2");
        let second = s.get(&next).await.body;
        assert_eq!(
            texts(&second, "table.register tbody th"),
            [
                "Enhet 50", "Enhet 51", "Enhet 52", "Enhet 53", "Enhet 54", "Enhet 55", "Enhet 56", "Enhet 57",
                "Enhet 58", "Enhet 59", "Enhet 60"
            ]
        );
        assert!(texts(&second, ".pager a[rel=next]").is_empty() && texts(&second, ".pager a[rel=prev]").len() == 1);
        let (_, _, bytes) = get_bytes(&s, "/units/export?sort=name&dir=asc").await;
        assert_eq!(xlsx_rows(bytes).len(), 62, "a heading and every unit");
    }
}
