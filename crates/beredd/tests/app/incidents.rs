//! Crisis mode over HTTP: starting an incident, the board and its live updates, the log with
//! decisions and corrections, staff reached, roles, the hash chain's tamper detection on both
//! databases, and importing a kit's log twice without duplicates.

use std::time::Duration;

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, kinds, pdf_text, texts};

fn id_of(r: &crate::harness::Reply) -> String {
    r.location.as_deref().expect("redirect").rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
}

/// A care home with a manager and an approved plan; returns the unit's id.
async fn unit_with_plan(app: &TestApp, s: &Session) -> i64 {
    let top = app.add_unit("Socialförvaltningen", None).await;
    let home = app.add_unit("Björkgårdens äldreboende", Some(top)).await;
    let manager = id_of(
        &s.post(
            "/people/new",
            &[
                ("name", "Åsa Öberg"),
                ("kind", "staff"),
                ("title", "Enhetschef"),
                ("unit", &home.to_string()),
                ("work_phone", "070-174 06 40"),
            ],
        )
        .await,
    );
    s.post(
        &format!("/units/{home}/edit"),
        &[("name", "Björkgårdens äldreboende"), ("kind", "enhet"), ("parent", &top.to_string()), ("manager", &manager)],
    )
    .await;
    s.post(
        "/activities/new",
        &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "samhallsviktig")],
    )
    .await;
    let plan = id_of(
        &s.post(
            "/plans/new",
            &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
        )
        .await,
    );
    assert_eq!(s.post(&format!("/plans/{plan}/approve"), &[("version", "1")]).await.status, StatusCode::SEE_OTHER);
    home
}

async fn start(s: &Session, unit: i64) -> String {
    let r = s
        .post(
            "/incidents/new",
            &[
                ("title", "IT-systemen är utslagna"),
                ("discovered_at", "2026-11-23 07:10"),
                ("raised_by", "IT-enheten"),
                ("units", &unit.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id_of(&r)
}

async fn verdict(app: &TestApp, id: &str) -> beredd::store::incidents::Verdict {
    let mut conn = app.db.pool.acquire().await.unwrap();
    beredd::store::incidents::verify(&mut conn, app.org, id.parse().unwrap()).await.unwrap().unwrap()
}

#[tokio::test]
async fn an_incident_runs_its_board_live_logs_every_change_and_detects_tampering() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("stab", beredd_domain::Role::CrisisStaff, &[]).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let home = unit_with_plan(&app, &s).await;

        // A saved outage scenario fills in the form: its name and the units it stops.
        let act: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM activities").fetch_one(&app.db.pool).await.unwrap().0;
        let sys = id_of(
            &s.post(
                "/systems/new",
                &[("name", "Verksamhetssystem vård"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await,
        );
        assert_eq!(
            s.post(
                "/dependencies/new",
                &[("from", &format!("activity:{act}")), ("to", &format!("system:{sys}")), ("need", "stops")]
            )
            .await
            .status,
            StatusCode::SEE_OTHER
        );
        let sc = id_of(
            &s.post(
                "/scenarios/new",
                &[("name", "Allt inom kommunens nät ligger nere"), ("category", "inside_network"), ("hours", "24")],
            )
            .await,
        );
        let form = s.get(&format!("/incidents/new?scenario={sc}")).await.body;
        assert!(form.contains("value=\"Allt inom kommunens nät ligger nere\""), "the title comes from the scenario");
        assert!(form.contains(&format!("value=\"{home}\" checked")), "the unit whose activity stops is chosen");

        // Bad input names the fields and starts nothing.
        let r = s.post("/incidents/new", &[("title", ""), ("discovered_at", "igår")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li").len(), 3, "{:?}", texts(&r.body, ".error-summary li"));
        let id = start(&s, home).await;

        // The board holds the steps of the plan's fallback routine.
        let board = s.get(&format!("/incidents/{id}")).await.body;
        assert!(texts(&board, "section.area h2").contains(&"Plan för Björkgården".to_owned()));
        let items = texts(&board, "li.board-item p.label");
        assert!(items.iter().any(|l| l.starts_with("Enhetschef:")), "{items:?}");
        let first: String = scraper::Html::parse_document(&board)
            .select(&scraper::Selector::parse("li.board-item").unwrap())
            .next()
            .unwrap()
            .value()
            .attr("id")
            .unwrap()
            .trim_start_matches("item-")
            .to_owned();

        // A second session listening to the board receives a change within two seconds.
        let stab = app.login("stab").await;
        let mut events = stab.client.get(format!("{}/incidents/{id}/events", app.base)).send().await.unwrap();
        assert_eq!(events.status(), StatusCode::OK);
        assert_eq!(events.headers()["content-type"], "text/event-stream");
        let r = s.post(&format!("/incidents/{id}/board/{first}"), &[("state", "done")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mut got = String::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
        while !got.contains("event: board") {
            let chunk = tokio::time::timeout_at(deadline, events.chunk())
                .await
                .expect("the update arrives within two seconds")
                .unwrap()
                .unwrap();
            got.push_str(&String::from_utf8_lossy(&chunk));
        }
        assert!(got.contains(&format!("\"id\":{first}")) && got.contains("\"state\":\"done\""), "{got}");
        assert!(s.get(&format!("/incidents/{id}")).await.body.contains("Klart: 1/"));

        // The log: a decision needs who decided; a correction points to what it corrects.
        let r =
            s.post(&format!("/incidents/{id}/log"), &[("kind", "decision"), ("text", "Papperssignering införs")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Beslutat av"));
        let r = s
            .post(
                &format!("/incidents/{id}/log"),
                &[
                    ("kind", "decision"),
                    ("text", "Papperssignering införs"),
                    ("decided_by", "Åsa Öberg"),
                    ("grounds", "Krisledningens mandat"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = s
            .post(
                &format!("/incidents/{id}/log"),
                &[("kind", "correction"), ("text", "Gäller bara Björkgården"), ("corrects", "3")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert_eq!(texts(&log, "#chain")[0], "Loggen är obruten: 4 poster, kontrollerade just nu.");
        assert!(texts(&log, "#entry-3 .warning")[0].contains("#4"), "the corrected entry says where it is corrected");
        assert!(texts(&log, "#entry-1 .pre")[0].starts_with("Incidenten startades: IT-systemen är utslagna."));

        // Staff reached and the roster.
        let person: i64 = sqlx::query_as::<_, (i64,)>("SELECT id FROM people").fetch_one(&app.db.pool).await.unwrap().0;
        assert_eq!(
            stab.post(&format!("/incidents/{id}/staff/{person}"), &[("reached", "1")]).await.status,
            StatusCode::SEE_OTHER
        );
        assert!(
            texts(&stab.get(&format!("/incidents/{id}/staff")).await.body, "p.hint")
                .iter()
                .any(|t| t == "Nådda: 1/1 (100 %)")
        );
        assert_eq!(
            stab.post(
                &format!("/incidents/{id}/roster"),
                &[
                    ("role", "crisis_leader"),
                    ("name", "Margareta Lindqvist"),
                    ("phone", "070-174 06 05"),
                    ("on_duty", "on")
                ]
            )
            .await
            .status,
            StatusCode::SEE_OTHER
        );
        assert!(texts(&s.get(&format!("/incidents/{id}/roster")).await.body, "td").contains(&"Krisledare".to_owned()));
        let row: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM incident_roster").fetch_one(&app.db.pool).await.unwrap().0;
        assert_eq!(
            stab.post(&format!("/incidents/{id}/roster/{row}/duty"), &[("on_duty", "0")]).await.status,
            StatusCode::SEE_OTHER
        );
        assert!(
            texts(&s.get(&format!("/incidents/{id}/roster")).await.body, "td").iter().any(|t| t.starts_with("Nej")),
            "off duty now"
        );

        // A reader reads everything and changes nothing.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/incidents/{id}/log")).await.status, StatusCode::OK);
        assert_eq!(reader.get("/incidents/new").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", "x")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            reader.post(&format!("/incidents/{id}/board/{first}"), &[("state", "problem")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            reader.post(&format!("/incidents/{id}/staff/{person}"), &[("reached", "0")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert!(
            matches!(verdict(&app, &id).await, beredd::store::incidents::Verdict::Intact { entries: 7 }),
            "{kind:?}"
        );

        // Tampering directly in the database is found, and where.
        sqlx::query("UPDATE incident_log SET text = 'Inget beslut' WHERE seq = 3").execute(&app.db.pool).await.unwrap();
        assert_eq!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Broken(beredd_domain::incident::Break::Changed { seq: 3 })
        );
        assert_eq!(
            texts(&s.get(&format!("/incidents/{id}/log")).await.body, "#chain")[0],
            "Loggen är bruten: post 3 har ändrats efter att den skrevs."
        );
        sqlx::query("UPDATE incident_log SET text = 'Papperssignering införs' WHERE seq = 3")
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert!(matches!(verdict(&app, &id).await, beredd::store::incidents::Verdict::Intact { .. }));
        sqlx::query("DELETE FROM incident_log WHERE seq = 7").execute(&app.db.pool).await.unwrap();
        assert_eq!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Truncated { found: 6, recorded: 7 },
            "{kind:?}"
        );
        sqlx::query("DELETE FROM incident_log WHERE seq = 2").execute(&app.db.pool).await.unwrap();
        assert_eq!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Broken(beredd_domain::incident::Break::Gap { expected: 2, found: 3 })
        );
    }
}

fn kit_log(entries: &[(&str, &str, &str, &str)]) -> String {
    let list: Vec<serde_json::Value> = entries.iter().map(|(id, at, text, author)| serde_json::json!({ "id": id, "at": at, "kind": "event", "text": text, "author": author })).collect();
    serde_json::json!({ "format": "beredd-kit-log", "version": 1, "org": "Testkommun", "kit_id": "abc123", "entries": list }).to_string()
}

async fn upload(s: &Session, path: &str, bytes: Vec<u8>) -> crate::harness::Reply {
    let form = reqwest::multipart::Form::new()
        .text("_csrf", s.csrf.clone())
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("krislogg.json"));
    let resp = s.client.post(format!("{}{path}", s.base)).multipart(form).send().await.unwrap();
    crate::harness::reply(resp).await
}

#[tokio::test]
async fn a_kit_log_is_imported_with_its_authors_and_times_and_never_twice() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        let path = format!("/incidents/{id}/import");

        // A bad entry refuses the whole file, naming the entry; nothing is written.
        let bad = kit_log(&[("a1", "2026-11-23T07:30:00Z", "Ok", "Bo"), ("a2", "igår", "Fel tid", "Bo")]);
        let r = upload(&s, &path, bad.into_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, "#file-error"), ["post 2: tiden (at) är inte en tid som 2026-11-23T07:10:00Z"]);
        let count = || async {
            sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM incident_log").fetch_one(&app.db.pool).await.unwrap().0
        };
        assert_eq!(count().await, 1, "only the start entry");

        let good = kit_log(&[
            ("b2", "2026-11-23T09:05:00+01:00", "Nattlistan utskriven", "Cecilia Dahl"),
            ("b1", "2026-11-23T07:45:00Z", "Larmet fungerar inte", "Bo Ek"),
        ]);
        let r = upload(&s, &path, good.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(count().await, 4, "two entries and the record of the import");

        // The same file again, from the command line: nothing new but the record of the import.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("krislogg.json");
        std::fs::write(&file, &good).unwrap();
        let out = crate::harness::beredd()
            .args(["incident", "import-kit-log", "--database", &app.db_url(), "--incident", &id])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0 nya poster lästes in, 2 fanns redan.");
        assert_eq!(count().await, 5);

        let rows: Vec<(i64, String, String, String, String)> =
            sqlx::query_as("SELECT seq, author, occurred_at, source, text FROM incident_log ORDER BY seq")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(
            (rows[1].1.as_str(), rows[1].2.as_str()),
            ("Bo Ek", "2026-11-23T07:45:00Z"),
            "oldest first, author and time kept"
        );
        assert_eq!((rows[2].1.as_str(), rows[2].2.as_str()), ("Cecilia Dahl", "2026-11-23T08:05:00Z"));
        assert_eq!(rows[1].3, "kit:abc123");
        assert!(rows[3].4.contains("2/2") && rows[4].4.contains("0/2"), "each import is in the log: {rows:?}");
        assert!(matches!(verdict(&app, &id).await, beredd::store::incidents::Verdict::Intact { entries: 5 }));
        let out =
            crate::harness::beredd().args(["incident", "verify", "--database", &app.db_url(), &id]).output().unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Loggen är obruten: 5 poster, kontrollerade just nu.");
        sqlx::query("UPDATE incident_log SET author = 'Någon annan' WHERE seq = 2")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let out =
            crate::harness::beredd().args(["incident", "verify", "--database", &app.db_url(), &id]).output().unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("post 2 har ändrats"));
    }
}

#[tokio::test]
async fn reporting_clocks_run_for_a_significant_incident_and_never_for_an_exercise() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("IT-enheten", None).await;
        let id = start(&s, unit).await;
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert!(page.contains("Inga klockor går"), "no clocks before the incident is marked");

        assert_eq!(
            s.post(&format!("/incidents/{id}/flags"), &[("significant", "on"), ("personal_data", "on")]).await.status,
            StatusCode::SEE_OTHER
        );
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        let clocks = texts(&page, "section.clock h3");
        assert_eq!(clocks.len(), 4, "{clocks:?}");
        assert!(
            texts(&page, "#clock-nis2_early_warning p").iter().any(|t| t.contains("2026-11-24 07:10")),
            "24 hours from discovery"
        );
        assert!(texts(&page, "#clock-nis2_notification p").iter().any(|t| t.contains("2026-11-26 07:10")), "72 hours");
        assert!(texts(&page, "#clock-imy_breach p").iter().any(|t| t.contains("2026-11-26 07:10")));
        let draft = texts(&page, "#body-nis2_early_warning")[0].clone();
        assert!(draft.starts_with("IT-systemen är utslagna\nUpptäckt: 2026-11-23 07:10"), "{draft}");

        let r = s
            .post(
                &format!("/incidents/{id}/reports/nis2_notification"),
                &[("body", "Anmälan enligt utkastet."), ("reference", "MSB-2026-123")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/comms")).await.body;
        assert!(texts(&page, "#clock-nis2_notification .clock-state")[0].starts_with("Skickad"));
        assert_eq!(
            s.post(&format!("/incidents/{id}/reports/nis2_notification"), &[("body", "igen")]).await.status,
            StatusCode::BAD_REQUEST,
            "reported once"
        );

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
        assert!(
            texts(&log, "li.entry .pre")
                .iter()
                .any(|t| t == "Rapport skickad: Incidentanmälan (NIS2, 72 timmar) (MSB-2026-123)")
        );

        // An exercise has no clocks, and no report can be recorded for it.
        let mut conn = app.db.pool.acquire().await.unwrap();
        let n = beredd::store::incidents::NewIncident {
            title: "Övning",
            what_happened: None,
            discovered_at: "2026-11-23T07:10:00Z",
            raised_by: None,
            exercise: true,
            started_by: "admin",
            uid: None,
            participants: None,
        };
        let ex = beredd::store::incidents::create(&mut conn, app.org, &n, &[unit]).await.unwrap();
        beredd::store::incidents::set_flags(&mut *conn, app.org, ex, true, true).await.unwrap();
        drop(conn);
        let page = s.get(&format!("/incidents/{ex}/comms")).await.body;
        assert!(page.contains("Det här är en övning") && texts(&page, "section.clock").is_empty());
        assert_eq!(
            s.post(&format!("/incidents/{ex}/reports/nis2_early_warning"), &[("body", "x")]).await.status,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn a_staff_meeting_produces_its_protocol_in_the_log_and_as_pdf_and_the_incident_prints() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let home = unit_with_plan(&app, &s).await;
    let id = start(&s, home).await;
    let item: i64 =
        sqlx::query_as::<_, (i64,)>("SELECT MIN(id) FROM board_items").fetch_one(&app.db.pool).await.unwrap().0;
    s.post(&format!("/incidents/{id}/board/{item}"), &[("state", "problem")]).await;

    let r = s.post(&format!("/incidents/{id}/meeting"), &[("decisions", "Papper i alla enheter")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&r.body, ".error-summary li")[0].starts_with("Närvarande"));
    let r = s
        .post(
            &format!("/incidents/{id}/meeting"),
            &[
                ("present", "Margareta Lindqvist\nÅsa Öberg"),
                ("area_0", "Reservmobilerna är utdelade. Läkemedelsrundan går på papper."),
                ("decisions", "Papperssignering i alla boenden\nExtra personal till natten"),
                ("tasks", "Skriv ut nya signeringslistor | Åsa Öberg | 12.00"),
                ("next_meeting", "kl. 14.00 i sal B"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let rows: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT kind, text, decided_by FROM incident_log WHERE seq > 2 ORDER BY seq")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kinds, ["meeting", "decision", "decision", "task"]);
    assert!(rows[0].1.starts_with("Krisledningsmöte nr 1.\nNärvarande: Margareta Lindqvist, Åsa Öberg"));
    assert_eq!(rows[1].2.as_deref(), Some("Krisledningsmöte nr 1"));
    assert_eq!(rows[3].1, "Skriv ut nya signeringslistor – Åsa Öberg – 12.00");

    let resp = s.client.get(format!("{}/incidents/{id}/meetings/1/pdf", s.base)).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let text = pdf_text(&resp.bytes().await.unwrap());
    for want in [
        "Protokoll från krisledningsmöte nr 1",
        "Plan för Björkgården",
        "Reservmobilerna är utdelade",
        "Extra personal till natten",
        "Skriv ut nya signeringslistor",
        "kl. 14.00 i sal B",
    ] {
        assert!(text.contains(want), "the protocol lacks {want:?}:\n{text}");
    }
    let resp = s.client.get(format!("{}/incidents/{id}/report.pdf", s.base)).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let text = pdf_text(&resp.bytes().await.unwrap());
    for want in
        ["IT-systemen är utslagna", "Loggen är obruten: 6 poster", "Papperssignering i alla boenden", "Ett problem."]
    {
        assert!(text.contains(want), "the report lacks {want:?}:\n{text}");
    }
}

#[tokio::test]
async fn an_incident_run_on_a_laptop_is_imported_into_the_main_instance_once_and_checked() {
    for kind in kinds() {
        // The laptop: a Beredd started empty while the main server was down.
        let laptop = TestApp::start(crate::harness::Kind::Sqlite).await;
        let l = laptop.login("admin").await;
        let unit = laptop.add_unit("Hemtjänst Norr", None).await;
        let id = start(&l, unit).await;
        l.post(
            &format!("/incidents/{id}/log"),
            &[("kind", "event"), ("text", "Larmet tystnade 07.40"), ("occurred_at", "2026-11-23 07:40")],
        )
        .await;
        l.post(
            &format!("/incidents/{id}/log"),
            &[("kind", "correction"), ("text", "Rätt tid: 07.45"), ("corrects", "2")],
        )
        .await;
        let bundle =
            l.client.get(format!("{}/incidents/{id}/bundle", l.base)).send().await.unwrap().text().await.unwrap();

        // The main instance (SQLite, and PostgreSQL when there is one).
        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;
        let upload = |s: &Session, bytes: Vec<u8>| {
            let form = reqwest::multipart::Form::new()
                .text("_csrf", s.csrf.clone())
                .part("file", reqwest::multipart::Part::bytes(bytes).file_name("incident.json"));
            let req = s.client.post(format!("{}/incidents/import-bundle", s.base)).multipart(form);
            async move { crate::harness::reply(req.send().await.unwrap()).await }
        };
        // A bundle changed on the way is refused and nothing is written.
        let tampered = bundle.replacen("Larmet tystnade 07.40", "Larmet tystnade aldrig", 1);
        let r = upload(&m, tampered.into_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, "#file-error"), ["paketets logg är bruten: post 2 har ändrats; ingenting lästes in"]);
        assert_eq!(
            sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM incidents").fetch_one(&main.db.pool).await.unwrap().0,
            0
        );

        let r = upload(&m, bundle.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let new_id = r.location.unwrap().split('/').nth(2).unwrap().to_owned();
        let rows: Vec<(i64, String, String, String, Option<i64>)> =
            sqlx::query_as("SELECT seq, kind, author, occurred_at, corrects FROM incident_log ORDER BY seq")
                .fetch_all(&main.db.pool)
                .await
                .unwrap();
        assert_eq!(rows.len(), 4, "three entries and the record of the import: {rows:?}");
        assert_eq!(
            (rows[1].2.as_str(), rows[1].3.as_str()),
            ("admin", "2026-11-23T07:40:00Z"),
            "author and original time kept"
        );
        assert_eq!(rows[2].4, Some(2), "the correction still points at the entry it corrects");

        // The same bundle again, from the command line: nothing duplicated.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("incident.json");
        std::fs::write(&file, &bundle).unwrap();
        let out = crate::harness::beredd()
            .args(["incident", "import-bundle", "--database", &main.db_url()])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("0 nya poster lästes in, 3 fanns redan."));
        assert_eq!(
            sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM incidents").fetch_one(&main.db.pool).await.unwrap().0,
            1
        );
        assert!(
            matches!(verdict(&main, &new_id).await, beredd::store::incidents::Verdict::Intact { entries: 5 }),
            "{kind:?}"
        );
        let log = m.get(&format!("/incidents/{new_id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre").iter().any(|t| t.starts_with("Incidentpaket inläst: 0/3 poster var nya."))
        );
    }
}

#[tokio::test]
async fn an_exercise_is_marked_keeps_its_injects_and_its_lessons_become_actions() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
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
    s.post(&format!("/incidents/{id}/flags"), &[("significant", "on")]).await;
    assert!(s.get(&format!("/incidents/{id}/comms")).await.body.contains("Det här är en övning"), "never a real clock");

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
    let r =
        s.post(&format!("/incidents/{id}/lessons"), &[("kind", "change"), ("text", "x"), ("target", "plan:999")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a target that does not exist is refused");
    let asset = id_of(&s.post("/assets/new", &[("name", "Genomförandeplaner"), ("units", &unit.to_string())]).await);
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
    let action: i64 = sqlx::query_as::<_, (i64,)>("SELECT id FROM actions").fetch_one(&app.db.pool).await.unwrap().0;
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

#[tokio::test]
async fn the_backlog_burns_down_with_a_forecast_and_restored_systems_are_logged() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        let sys = id_of(
            &s.post(
                "/systems/new",
                &[("name", "Verksamhetssystem vård"), ("kind", "it_system"), ("hosting", "internal")],
            )
            .await,
        );
        assert!(s.get(&format!("/incidents/{id}/recovery")).await.body.contains("Ingen efterregistrering är inlagd."));

        let r = s
            .post(
                &format!("/incidents/{id}/recovery"),
                &[("unit", &unit.to_string()), ("kind", "care_doc"), ("total", "0"), ("priority", "legal")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Antal"));
        let r = s
            .post(
                &format!("/incidents/{id}/recovery"),
                &[
                    ("unit", &unit.to_string()),
                    ("system", &sys),
                    ("kind", "care_doc"),
                    ("total", "120"),
                    ("assignee", "Bo Ek"),
                    ("priority", "legal"),
                    ("deadline", "2020-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let item: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM backlog_items").fetch_one(&app.db.pool).await.unwrap().0;
        s.post(
            &format!("/incidents/{id}/recovery"),
            &[("unit", &unit.to_string()), ("kind", "other"), ("total", "5"), ("priority", "normal")],
        )
        .await;
        s.post(
            &format!("/incidents/{id}/recovery"),
            &[("unit", &unit.to_string()), ("kind", "payments"), ("total", "3"), ("priority", "high")],
        )
        .await;
        let order = texts(&s.get(&format!("/incidents/{id}/recovery")).await.body, "li.board-item .label");
        assert!(
            order[0].contains("Omvårdnadsdokumentation")
                && order[1].contains("Utbetalningar")
                && order[2].contains("Annat"),
            "legal deadlines first: {order:?}"
        );
        sqlx::query("DELETE FROM backlog_items WHERE id <> $1").bind(item).execute(&app.db.pool).await.unwrap();
        // Two earlier days of progress, written as if they had happened: 120 → 90 → 60.
        sqlx::query("UPDATE backlog_progress SET day = '2026-11-20'").execute(&app.db.pool).await.unwrap();
        for (day, n) in [("2026-11-21", 30), ("2026-11-22", 30)] {
            sqlx::query(
                "INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, 0, $3, 'Bo')",
            )
            .bind(item)
            .bind(day)
            .bind(n)
            .execute(&app.db.pool)
            .await
            .unwrap();
        }
        sqlx::query("UPDATE backlog_items SET done = 60").execute(&app.db.pool).await.unwrap();
        let page = s.get(&format!("/incidents/{id}/recovery")).await.body;
        assert!(texts(&page, "li.board-item .status")[0].contains("60 / 120 (50 %)"));
        assert!(texts(&page, "li.board-item .status strong").iter().any(|t| t == "försenad"), "past its deadline");
        let series = texts(&page, "details table tbody tr td");
        assert_eq!(&series[..6], ["2026-11-20", "120", "2026-11-21", "90", "2026-11-22", "60"]);
        let forecast = texts(&page, "#forecast")[0].clone();
        assert!(forecast.starts_with("I nuvarande takt är allt infört"), "{forecast}");

        // Entering the rest finishes it.
        assert_eq!(
            s.post(&format!("/incidents/{id}/recovery/{item}"), &[("done", "120")]).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(texts(&s.get(&format!("/incidents/{id}/recovery")).await.body, "#forecast"), ["Allt är infört."]);
        assert!(
            texts(&s.get(&format!("/incidents/{id}/log")).await.body, "li.entry .pre")
                .iter()
                .any(|t| t.starts_with("Efterregistrering införd:") && t.ends_with("120 / 120")),
            "progress is in the log"
        );

        // A system back, with the routines switched back, goes into the log.
        let r = s
            .post(
                &format!("/incidents/{id}/restored"),
                &[
                    ("restored_system", &sys),
                    ("restored_at", "2026-11-24 10:30"),
                    ("switched_back", "Papperssignering"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre").iter().any(|t| t
                == "Systemet fungerar igen: Verksamhetssystem vård. Reservrutiner som avslutats: Papperssignering")
        );
    }
}

#[tokio::test]
async fn the_yearly_cycle_makes_dated_tasks_shows_the_overdue_and_feeds_calendars() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let unit = app.add_unit("Hemtjänst Norr", None).await;
    let me = id_of(&s.post("/people/new", &[("name", "admin"), ("kind", "staff"), ("unit", &unit.to_string())]).await);
    app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
    let reader = app.login("lasare").await;
    assert_eq!(
        reader
            .post("/cycle", &[("title", "x"), ("kind", "other"), ("start", "2026-01-01"), ("every", "0")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let r = s
        .post(
            "/cycle",
            &[
                ("title", "Stickprov i åtkomstloggar"),
                ("kind", "access_log_review"),
                ("start", "2026-10-31"),
                ("every", "1"),
                ("until", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "an end before the start is refused");
    assert!(texts(&r.body, ".error-summary li")[0].starts_with("Till och med"));
    let r = s
        .post(
            "/cycle",
            &[
                ("title", "Stickprov i åtkomstloggar"),
                ("kind", "access_log_review"),
                ("owner", &me),
                ("unit", &unit.to_string()),
                ("start", "2026-10-31"),
                ("every", "1"),
                ("until", "2027-01-31"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    s.post(
        "/cycle",
        &[("title", "Ledningens genomgång"), ("kind", "management_review"), ("start", "2027-03-15"), ("every", "12")],
    )
    .await;

    let page = s.get("/cycle?year=2026").await.body;
    let due: Vec<String> = texts(&page, "tbody tr td:first-child");
    assert_eq!(due, ["2026-10-31", "2026-11-30", "2026-12-31"], "the 31st falls on each month's last day");
    assert_eq!(texts(&page, "tbody tr td strong.state-down"), ["Försenad"], "October's task is overdue");
    assert!(
        texts(&s.get("/").await.body, "ul.attention li")
            .iter()
            .any(|a| a.starts_with("Uppgifter i årshjulet som är försenade") && a.contains("2026-10-31"))
    );
    let task: i64 = sqlx::query_as::<_, (i64,)>("SELECT id FROM cycle_tasks WHERE due_date = '2026-10-31'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .0;
    assert_eq!(
        reader.post(&format!("/cycle/tasks/{task}/done"), &[]).await.status,
        StatusCode::FORBIDDEN,
        "a reader ticks nothing"
    );
    assert_eq!(s.post(&format!("/cycle/tasks/{task}/done"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(texts(&s.get("/cycle?year=2026").await.body, "tbody tr td strong.state-down").is_empty());
    assert_eq!(texts(&s.get("/cycle?year=2027").await.body, "tbody tr td:first-child"), ["2027-01-31", "2027-03-15"]);

    // The calendar feeds, read back with an iCalendar parser.
    let feed = scraper::Html::parse_document(&page);
    let mine = feed
        .select(&scraper::Selector::parse("a[href^='/cycle/feed/']").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let parse = |body: String| {
        let mut cals = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
        let cal = cals.next().expect("a calendar").expect("it parses");
        cal.events
            .iter()
            .map(|e| {
                let get = |n: &str| {
                    e.properties.iter().find(|p| p.name == n).and_then(|p| p.value.clone()).unwrap_or_default()
                };
                (get("DTSTART"), get("SUMMARY"))
            })
            .collect::<Vec<_>>()
    };
    let anonymous = app.client();
    let body = anonymous.get(format!("{}{mine}", app.base)).send().await.unwrap();
    assert_eq!(body.headers()["content-type"], "text/calendar; charset=utf-8");
    let events = parse(body.text().await.unwrap());
    assert_eq!(events.len(), 4, "only the tasks owned by this user, without logging in: {events:?}");
    assert_eq!(events[0], ("20261031".to_owned(), "Stickprov i åtkomstloggar".to_owned()));
    // Saying which person one is makes "mine" follow that person, not the name.
    let other =
        id_of(&s.post("/people/new", &[("name", "Bo Ek"), ("kind", "staff"), ("unit", &unit.to_string())]).await);
    assert_eq!(s.post("/account/person", &[("person", &other)]).await.status, StatusCode::SEE_OTHER);
    let body = anonymous.get(format!("{}{mine}", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(parse(body).is_empty(), "Bo Ek owns nothing");
    assert_eq!(s.post("/account/person", &[("person", "999999")]).await.status, StatusCode::BAD_REQUEST);
    s.post("/account/person", &[("person", &me)]).await;
    let body = anonymous.get(format!("{}{mine}", app.base)).send().await.unwrap().text().await.unwrap();
    assert_eq!(parse(body).len(), 4);
    let unit_feed =
        anonymous.get(format!("{}{mine}?unit={unit}", app.base)).send().await.unwrap().text().await.unwrap();
    assert_eq!(parse(unit_feed).len(), 4);
    assert_eq!(
        anonymous.get(format!("{}/cycle/feed/fel-nyckel.ics", app.base)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_backup_of_the_database_is_what_a_laptop_serves_from() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let unit = app.add_unit("Hemtjänst Norr", None).await;
    let id = start(&s, unit).await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kopia.db");
    let out =
        crate::harness::beredd().args(["backup", "--database", &app.db_url(), "--out"]).arg(&copy).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again =
        crate::harness::beredd().args(["backup", "--database", &app.db_url(), "--out"]).arg(&copy).output().unwrap();
    assert!(!again.status.success(), "an existing file is never overwritten");
    // The copy holds the incident, and its log checks out there too.
    let url = format!("sqlite://{}", copy.display());
    let out = crate::harness::beredd().args(["incident", "verify", "--database", &url, &id]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Loggen är obruten: en post, kontrollerad just nu.");
}

/// A local SMTP server for the tests: it accepts every message and keeps (recipient, text).
async fn smtp_sink() -> (String, std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let got: std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>> = Default::default();
    let keep = got.clone();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let keep = keep.clone();
            tokio::spawn(async move {
                let (r, mut w) = stream.into_split();
                let mut r = BufReader::new(r);
                w.write_all(b"220 test\r\n").await.unwrap();
                let (mut rcpt, mut data, mut in_data) = (String::new(), String::new(), false);
                let mut line = String::new();
                while r.read_line(&mut line).await.unwrap_or(0) > 0 {
                    if in_data {
                        if line == ".\r\n" {
                            in_data = false;
                            keep.lock().unwrap().push((rcpt.clone(), data.clone()));
                            w.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                        }
                    } else if line.starts_with("EHLO") {
                        w.write_all(b"250-test\r\n250 OK\r\n").await.unwrap();
                    } else if let Some(to) = line.strip_prefix("RCPT TO:") {
                        rcpt = to.trim().trim_matches(['<', '>']).to_owned();
                        w.write_all(b"250 OK\r\n").await.unwrap();
                    } else if line.starts_with("DATA") {
                        in_data = true;
                        w.write_all(b"354 go\r\n").await.unwrap();
                    } else if line.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.unwrap();
                        break;
                    } else {
                        w.write_all(b"250 OK\r\n").await.unwrap();
                    }
                    line.clear();
                }
            });
        }
    });
    (addr, got)
}

#[tokio::test]
async fn owners_are_reminded_by_email_of_due_tasks_once() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let unit = app.add_unit("Björkgården", None).await;
    let owner = id_of(
        &s.post(
            "/people/new",
            &[
                ("name", "Åsa Öberg"),
                ("kind", "staff"),
                ("unit", &unit.to_string()),
                ("email", "asa.oberg@exempelkommun.example"),
            ],
        )
        .await,
    );
    s.post(
        "/cycle",
        &[
            ("title", "Översyn av kontinuitetsplanen"),
            ("kind", "plan_review"),
            ("owner", &owner),
            ("start", "2026-01-15"),
            ("every", "12"),
        ],
    )
    .await;
    s.post("/cycle", &[("title", "Utan ägare"), ("kind", "other"), ("start", "2026-01-15"), ("every", "0")]).await;
    // Without a reachable relay the command says so and marks nothing as reminded.
    let out = crate::harness::beredd()
        .args(["remind", "--database", &app.db_url(), "--smtp", "127.0.0.1:1", "--from", "b@x.example"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kunde inte nå e-postservern"));
    let (smtp, got) = smtp_sink().await;
    let url = app.db_url();
    let remind = move || {
        crate::harness::beredd()
            .args(["remind", "--database", &url, "--smtp", &smtp, "--from", "beredd@exempelkommun.example"])
            .output()
            .unwrap()
    };
    let out = tokio::task::spawn_blocking(remind.clone()).await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1 påminnelser skickades (1 uppgifter).");
    {
        let mails = got.lock().unwrap();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].0, "asa.oberg@exempelkommun.example");
        assert!(mails[0].1.contains("2026-01-15  Översyn av kontinuitetsplanen"), "{}", mails[0].1);
        assert!(mails[0].1.contains("Subject: =?UTF-8?B?"), "the subject is encoded");
    }
    let out = tokio::task::spawn_blocking(remind).await.unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "0 påminnelser skickades (0 uppgifter).",
        "a task is reminded of once"
    );
    assert_eq!(got.lock().unwrap().len(), 1);
}
