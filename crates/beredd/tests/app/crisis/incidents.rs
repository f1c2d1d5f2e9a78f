//! Incidents: starting one, the board and its live updates, the log with decisions and
//! corrections, staff reached, the roster, the hash chain's tamper detection, and importing a
//! kit's log and a laptop's incident bundle once only.

use std::time::Duration;

use reqwest::StatusCode;

use super::{start, unit_with_plan, verdict};
use crate::harness::{Session, TestApp, id_of, kinds, texts, upload};

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
        assert!(texts(&board, "details.area h2").contains(&"Plan för Björkgården".to_owned()));
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
        assert!(
            texts(&s.get(&format!("/incidents/{id}")).await.body, ".board-totals .count-done")[0]
                .starts_with("Klart 1/")
        );

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
        assert!(
            texts(&s.get(&format!("/incidents/{id}/roster")).await.body, "td").contains(&"Krisledningschef".to_owned())
        );
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
            matches!(verdict(&app, &id).await, beredd::store::incidents::Verdict::Intact { entries: 7, thinned: 0 }),
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
        let r = upload(&s, &path, "krislogg.json", bad.into_bytes()).await;
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
        let r = upload(&s, &path, "krislogg.json", good.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(count().await, 4, "two entries and the record of the import");

        // The same file again, from the command line: nothing new but the record of the import.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("krislogg.json");
        std::fs::write(&file, &good).unwrap();
        let out = crate::harness::beredd()
            .args([
                "incident",
                "import-kit-log",
                "--database",
                &app.db_url(),
                "--keys",
                &app.keys_arg(),
                "--incident",
                &id,
            ])
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
        assert!(matches!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Intact { entries: 5, thinned: 0 }
        ));
        let out = crate::harness::beredd()
            .args(["incident", "verify", "--database", &app.db_url(), "--keys", &app.keys_arg(), &id])
            .output()
            .unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut lines = stdout.lines();
        assert_eq!(lines.next(), Some("Loggen är obruten: 5 poster, kontrollerade just nu."));
        assert!(
            lines.next().unwrap().starts_with("5 poster är signerade med den här installationens nyckel"),
            "{stdout}"
        );
        sqlx::query("UPDATE incident_log SET author = 'Någon annan' WHERE seq = 2")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let out = crate::harness::beredd()
            .args(["incident", "verify", "--database", &app.db_url(), "--keys", &app.keys_arg(), &id])
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("post 2 har ändrats"));
    }
}

#[tokio::test]
async fn an_incident_run_on_a_laptop_is_imported_into_the_main_instance_once_and_checked() {
    for kind in kinds() {
        // The laptop: a Beredd started empty while the main server was down (always SQLite, the
        // one file a laptop serves from; the main instance runs on every backend).
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
            ("admin", "2026-11-23T06:40:00Z"),
            "author and original time kept (07:40 Swedish winter time is 06:40 UTC)"
        );
        assert_eq!(rows[2].4, Some(2), "the correction still points at the entry it corrects");

        // The same bundle again, from the command line: nothing duplicated.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("incident.json");
        std::fs::write(&file, &bundle).unwrap();
        let out = crate::harness::beredd()
            .args(["incident", "import-bundle", "--database", &main.db_url(), "--keys", &main.keys_arg()])
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
            matches!(
                verdict(&main, &new_id).await,
                beredd::store::incidents::Verdict::Intact { entries: 5, thinned: 0 }
            ),
            "{kind:?}"
        );
        let log = m.get(&format!("/incidents/{new_id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre").iter().any(|t| t.starts_with("Incidentpaket inläst: 0/3 poster var nya."))
        );
    }
}

/// Fifty people write to one incident at the same moment, half to its log and half on its board:
/// every write succeeds, every one lands in the log, and the chain holds. (On PostgreSQL two
/// writers used to take the same place in the chain: one got an error and its change was lost.)
#[tokio::test]
async fn fifty_concurrent_writes_to_one_incident_all_land_in_its_log() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let home = unit_with_plan(&app, &s).await;
        let id = start(&s, home).await;
        let board = s.get(&format!("/incidents/{id}")).await.body;
        let items: Vec<String> = scraper::Html::parse_document(&board)
            .select(&scraper::Selector::parse("li.board-item").unwrap())
            .map(|li| li.value().attr("id").unwrap().trim_start_matches("item-").to_owned())
            .collect();
        assert!(items.len() >= 2, "{items:?}");
        let before = app.count("incident_log").await;

        let states = ["under_way", "done", "problem", "not_started"];
        let writes = (0..50).map(|i| {
            let s = &s;
            let (item, state) = (items[i % items.len()].clone(), states[i % states.len()]);
            let id = id.clone();
            async move {
                if i % 2 == 0 {
                    let text = format!("Lägesrapport {i}");
                    s.post(&format!("/incidents/{id}/log"), &[("kind", "information"), ("text", &text)]).await
                } else {
                    s.post(&format!("/incidents/{id}/board/{item}"), &[("state", state)]).await
                }
            }
        });
        let replies = futures_util::future::join_all(writes).await;
        let failed: Vec<_> = replies.iter().filter(|r| r.status != StatusCode::SEE_OTHER).map(|r| r.status).collect();
        assert!(failed.is_empty(), "{kind:?}: {} of 50 writes failed: {failed:?}", failed.len());
        assert_eq!(app.count("incident_log").await, before + 50, "{kind:?}");
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        for i in (0..50).step_by(2) {
            assert!(log.contains(&format!("Lägesrapport {i}<")), "{kind:?}: entry {i} is in the log");
        }
        let entries = (before + 50) as usize;
        assert_eq!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Intact { entries, thinned: 0 },
            "{kind:?}"
        );
    }
}

/// Reads a live stream until it ends; panics if it is still open after `secs` seconds.
async fn ends_within(mut events: reqwest::Response, secs: u64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        match tokio::time::timeout_at(deadline, events.chunk()).await {
            Err(_) => panic!("the stream is still open after {secs} s"),
            Ok(Ok(Some(_))) => continue,
            Ok(Ok(None)) | Ok(Err(_)) => return,
        }
    }
}

#[tokio::test]
async fn a_live_stream_ends_with_its_session_and_streams_are_capped() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("stab", beredd_domain::Role::CrisisStaff, &[]).await;
        let s = app.login("admin").await;
        let home = unit_with_plan(&app, &s).await;
        let id = start(&s, home).await;
        let stab = app.login("stab").await;
        let url = format!("{}/incidents/{id}/events", app.base);

        // One user holds at most a handful of streams; the next is refused with a message.
        let mut open = Vec::new();
        for _ in 0..5 {
            let events = stab.client.get(&url).send().await.unwrap();
            assert_eq!(events.status(), StatusCode::OK);
            open.push(events);
        }
        let refused = stab.client.get(&url).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.text().await.unwrap().contains("För många"));

        // After logout, the next event ends every stream of that session instead of reaching it.
        assert_eq!(stab.post("/logout", &[]).await.status, StatusCode::SEE_OTHER);
        let r = s.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", "Strömmen bröts")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        for events in open {
            ends_within(events, 3).await;
        }
    }
}
