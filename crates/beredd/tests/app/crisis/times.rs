//! Times in crisis mode are Swedish time: what a person types is read as Swedish time and stored
//! as UTC, and shown in Swedish time. Times typed before Beredd did so (stored as typed, as if
//! UTC, some of them inside the log's hashes) are kept as they are and shown with a note, and the
//! log still verifies; bundles carry which is which.

use reqwest::StatusCode;

use super::{start, verdict};
use crate::harness::{TestApp, id_of, kinds, pdf_text, texts, upload};

const UNCERTAIN: &str = "(tidszon osäker)";

async fn one(app: &TestApp, sql: &'static str, id: &str) -> (String, i64) {
    sqlx::query_as(sql).bind(id.parse::<i64>().unwrap()).fetch_one(&app.db.pool).await.unwrap()
}

async fn versions(app: &TestApp, id: &str) -> Vec<i64> {
    sqlx::query_as::<_, (i64,)>("SELECT version FROM incident_log WHERE incident_id = $1 ORDER BY seq")
        .bind(id.parse::<i64>().unwrap())
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(v,)| v)
        .collect()
}

/// The hint under the first entry of the log page: "#1 · <when> · <kind> · <author> …".
fn entry_meta(log: &str, seq: i64) -> String {
    texts(log, &format!("#entry-{seq} > p.hint")).into_iter().next().unwrap_or_default()
}

#[tokio::test]
async fn an_incident_takes_and_shows_swedish_time_across_both_changes_of_summer_time() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;

        // The form is filled in with now in Swedish time (the tests' clock: 09:00 UTC in
        // November is 10:00 in Sweden) and says that it is Swedish time.
        let form = s.get("/incidents/new").await.body;
        let value = scraper::Html::parse_document(&form)
            .select(&scraper::Selector::parse("input[name=discovered_at]").unwrap())
            .next()
            .and_then(|i| i.value().attr("value").map(str::to_owned))
            .unwrap();
        assert!(value.starts_with("2026-11-24 10:"), "{value}");
        assert!(form.contains("Svensk tid, ÅÅÅÅ-MM-DD TT:MM, ifyllt med nu."), "the hint names the zone");

        // 07:33 in July is summer time: 05:33 UTC.
        let r = s
            .post(
                "/incidents/new",
                &[("title", "Elavbrott"), ("discovered_at", "2026-07-14 07:33"), ("units", &unit.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = id_of(&r);
        let (stored, known) =
            one(&app, "SELECT discovered_at, times_zone_known FROM incidents WHERE id = $1", &id).await;
        assert_eq!((stored.as_str(), known), ("2026-07-14T05:33:00Z", 1));
        let board = s.get(&format!("/incidents/{id}")).await.body;
        assert_eq!(texts(&board, ".meta-line .discovered"), ["2026-07-14 07:33"]);
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(entry_meta(&log, 1).starts_with("#1 · 2026-07-14 07:33 ·"), "{}", entry_meta(&log, 1));
        assert!(!log.contains(UNCERTAIN));

        // The hour the clocks skip in March did not exist; the field is named.
        let r = s
            .post(
                "/incidents/new",
                &[("title", "Natten"), ("discovered_at", "2026-03-29 02:30"), ("units", &unit.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("Kommunen fick kännedom om incidenten (datum och klockslag, svensk tid):")
                    && e.contains("klockan ställdes fram från 02:00 till 03:00 den natten")),
            "{errors:?}"
        );

        // The hour that happens twice in October needs to say which.
        let path = format!("/incidents/{id}/log");
        let r = s.post(&path, &[("kind", "event"), ("text", "Natten"), ("occurred_at", "2026-10-25 02:30")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(
            errors.iter().any(|e| e.starts_with("När det hände:")
                && e.contains("Skriv ”02:30 sommartid” för den första gången eller ”02:30 vintertid” för den andra.")),
            "{errors:?}"
        );
        for (typed, text) in [("2026-10-25 02:30 sommartid", "Först"), ("2026-10-25 02:30 vintertid", "Sedan")] {
            let r = s.post(&path, &[("kind", "event"), ("text", text), ("occurred_at", typed)]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{typed}: {}", r.body);
        }
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT occurred_at FROM incident_log WHERE incident_id = $1 AND seq > 1 ORDER BY seq")
                .bind(id.parse::<i64>().unwrap())
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(rows, [("2026-10-25T00:30:00Z".to_owned(),), ("2026-10-25T01:30:00Z".to_owned(),)], "an hour apart");
        let log = s.get(&path).await.body;
        assert!(entry_meta(&log, 2).starts_with("#2 · 2026-10-25 02:30 sommartid ·"), "{}", entry_meta(&log, 2));
        assert!(entry_meta(&log, 3).starts_with("#3 · 2026-10-25 02:30 vintertid ·"), "{}", entry_meta(&log, 3));
        // The form is filled in with now again, in Swedish time.
        assert!(log.contains("name=\"occurred_at\"") && log.contains("value=\"2026-11-24 10:"));
        assert_eq!(versions(&app, &id).await, [2, 2, 2], "new entries are written in version 2");
        assert!(matches!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Intact { entries: 3, thinned: 0 }
        ));

        // A time in the March gap is refused in the log too, and a start with no typed time
        // is now, in Swedish time, on the incident's page.
        let r = s.post(&path, &[("kind", "event"), ("text", "x"), ("occurred_at", "2026-03-29 02:00")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let other = start(&s, unit).await;
        assert_eq!(
            texts(&s.get(&format!("/incidents/{other}")).await.body, ".meta-line .discovered"),
            ["2026-11-23 07:10"]
        );
        let (stored, _) =
            one(&app, "SELECT discovered_at, times_zone_known FROM incidents WHERE id = $1", &other).await;
        assert_eq!(stored, "2026-11-23T06:10:00Z", "winter time: UTC + 1");
    }
}

/// Writes an incident as Beredd wrote one before it read typed times as Swedish time: the rows
/// say nothing of versions or zones (the migration's defaults fill them in) and the log's hashes
/// are of the "beredd-log-v1" form. Entry 1's time was typed ("07:10", stored as if UTC); entry 2
/// was stamped by the clock when written. Returns the incident's id.
async fn old_incident(app: &TestApp, unit: i64) -> String {
    use beredd_domain::incident::{Entry, GENESIS};
    let mut entries: Vec<(Entry, String)> = Vec::new();
    for (seq, text, occurred, recorded) in [
        (1, "Incidenten startades: Gammal incident.", "2026-11-23T07:10:00Z", "2026-11-23T07:12:00Z"),
        (2, "Larmet tystnade.", "2026-11-23T07:15:00Z", "2026-11-23T07:15:00Z"),
    ] {
        let prev_hash = entries.last().map(|(_, h)| h.clone()).unwrap_or_else(|| GENESIS.to_owned());
        let e = Entry {
            version: 1,
            seq,
            uid: format!("e-old{seq}"),
            kind: if seq == 1 { "system" } else { "event" }.into(),
            text: text.into(),
            decided_by: None,
            grounds: None,
            author: "Anna".into(),
            occurred_at: occurred.into(),
            recorded_at: recorded.into(),
            recorded_by: "Anna".into(),
            corrects: None,
            source: "web".into(),
            prev_hash,
        };
        let h = e.hash();
        entries.push((e, h));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO incidents (org_id, title, discovered_at, status, exercise, started_by, started_at, log_count, last_hash, uid)
         VALUES ($1, 'Gammal incident', '2026-11-23T07:10:00Z', 'active', 0, 'Anna', '2026-11-23T07:12:00Z', 2, $2, 'i-old') RETURNING id",
    )
    .bind(app.org)
    .bind(&entries[1].1)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO incident_units (incident_id, unit_id) VALUES ($1, $2)")
        .bind(id)
        .bind(unit)
        .execute(&app.db.pool)
        .await
        .unwrap();
    for (e, h) in &entries {
        sqlx::query(
            "INSERT INTO incident_log (org_id, incident_id, seq, uid, kind, text, author, occurred_at, recorded_at, recorded_by, source, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(app.org)
        .bind(id)
        .bind(e.seq)
        .bind(&e.uid)
        .bind(&e.kind)
        .bind(&e.text)
        .bind(&e.author)
        .bind(&e.occurred_at)
        .bind(&e.recorded_at)
        .bind(&e.recorded_by)
        .bind(&e.source)
        .bind(&e.prev_hash)
        .bind(h)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    id.to_string()
}

#[tokio::test]
async fn times_typed_before_swedish_time_are_shown_as_typed_with_a_note_and_the_log_still_verifies() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = old_incident(&app, unit).await;
        let (_, known) = one(&app, "SELECT discovered_at, times_zone_known FROM incidents WHERE id = $1", &id).await;
        assert_eq!(known, 0, "an incident from before the migration: its zone is not known");
        assert_eq!(versions(&app, &id).await, [1, 1], "entries from before the migration are version 1");
        assert!(matches!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Intact { entries: 2, thinned: 0 }
        ));

        // A new entry continues the chain in version 2.
        let path = format!("/incidents/{id}/log");
        let r = s.post(&path, &[("kind", "event"), ("text", "Nytt"), ("occurred_at", "2026-11-23 09:00")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(versions(&app, &id).await, [1, 1, 2]);
        assert!(matches!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Intact { entries: 3, thinned: 0 }
        ));

        let board = s.get(&format!("/incidents/{id}")).await.body;
        assert_eq!(texts(&board, ".meta-line .discovered"), [format!("2026-11-23 07:10 {UNCERTAIN}")]);
        let log = s.get(&path).await.body;
        assert_eq!(texts(&log, "#chain")[0], "Loggen är obruten: 3 poster, kontrollerade just nu.");
        assert!(entry_meta(&log, 1).starts_with(&format!("#1 · 2026-11-23 07:10 {UNCERTAIN} ·")), "as typed");
        assert!(entry_meta(&log, 2).starts_with("#2 · 2026-11-23 08:15 ·"), "the clock's own time is UTC");
        assert!(entry_meta(&log, 3).starts_with("#3 · 2026-11-23 09:00 ·"), "{}", entry_meta(&log, 3));
        let out = crate::harness::beredd()
            .args(["incident", "verify", "--database", &app.db_url(), "--keys", &app.keys_arg(), &id])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

        // The printed report says the same, and that its times are Swedish time.
        let pdf = s.client.get(format!("{}/incidents/{id}/report.pdf", app.base)).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::OK);
        let text = pdf_text(&pdf.bytes().await.unwrap());
        assert!(text.contains(&format!("2026-11-23 07:10 {UNCERTAIN}")), "{text}");
        assert!(text.contains("Tid (svensk tid)") && text.contains("tider i svensk tid"), "{text}");

        // Tampering with an old entry's version is found like any other change.
        sqlx::query("UPDATE incident_log SET version = 2 WHERE incident_id = $1 AND seq = 1")
            .bind(id.parse::<i64>().unwrap())
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            verdict(&app, &id).await,
            beredd::store::incidents::Verdict::Broken(beredd_domain::incident::Break::Changed { seq: 1 })
        );
    }
}

#[tokio::test]
async fn bundles_and_kit_logs_carry_the_version_of_each_entry_and_an_old_bundle_is_version_1() {
    for kind in kinds() {
        // A laptop holding an incident from before, continued after.
        let laptop = TestApp::start(crate::harness::Kind::Sqlite).await;
        let l = laptop.login("admin").await;
        let unit = laptop.add_unit("Hemtjänst Norr", None).await;
        let id = old_incident(&laptop, unit).await;
        l.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", "Nytt"), ("occurred_at", "")]).await;
        let bundle =
            l.client.get(format!("{}/incidents/{id}/bundle", l.base)).send().await.unwrap().text().await.unwrap();
        let json: serde_json::Value = serde_json::from_str(&bundle).unwrap();
        assert_eq!(json["version"], 2);
        assert_eq!(json["incident"]["times_zone_known"], false);
        let carried: Vec<i64> =
            json["log"].as_array().unwrap().iter().map(|e| e["version"].as_i64().unwrap()).collect();
        assert_eq!(carried, [1, 1, 2]);

        // A bundle made before versions: no versions anywhere, so every entry is version 1.
        let mut old = json.clone();
        old["version"] = 1.into();
        old["incident"]["uid"] = "i-older".into();
        old["incident"].as_object_mut().unwrap().remove("times_zone_known");
        let log = old["log"].as_array_mut().unwrap();
        log.truncate(2);
        for e in log.iter_mut() {
            e.as_object_mut().unwrap().remove("version");
        }

        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;
        for (file, expected) in [(bundle.clone(), vec![1, 1, 2, 2]), (old.to_string(), vec![1, 1, 2])] {
            let r = upload(&m, "/incidents/import-bundle", "incident.json", file.into_bytes()).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            let new_id = r.location.unwrap().split('/').nth(2).unwrap().to_owned();
            assert_eq!(versions(&main, &new_id).await, expected, "kept, then the record of the import");
            assert!(matches!(verdict(&main, &new_id).await, beredd::store::incidents::Verdict::Intact { .. }));
            let (_, known) =
                one(&main, "SELECT discovered_at, times_zone_known FROM incidents WHERE id = $1", &new_id).await;
            assert_eq!(known, 0);
            let log = m.get(&format!("/incidents/{new_id}/log")).await.body;
            assert!(entry_meta(&log, 1).contains(UNCERTAIN), "{}", entry_meta(&log, 1));
        }

        // A kit's browser always wrote UTC: its entries are version 2 and shown in Swedish time.
        let kit = serde_json::json!({ "format": "beredd-kit-log", "version": 1, "kit_id": "k1", "entries": [
            { "id": "k1", "at": "2026-07-14T05:33:00Z", "kind": "event", "text": "Från den digitala krispärmen", "author": "Bo" }] });
        let path = format!("/incidents/{id}/import");
        assert_eq!(
            upload(&l, &path, "krislogg.json", kit.to_string().into_bytes()).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(versions(&laptop, &id).await, [1, 1, 2, 2, 2]);
        let log = l.get(&format!("/incidents/{id}/log")).await.body;
        assert!(entry_meta(&log, 4).starts_with("#4 · 2026-07-14 07:33 ·"), "{}", entry_meta(&log, 4));
    }
}
