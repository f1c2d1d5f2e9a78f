//! What an incident bundle may bring in (security review F5): nothing into a closed incident,
//! nothing that Beredd's own forms would refuse (every entry and the incident's fields are checked
//! as a kit's log is, and the message names the entry), and the bundle is made only for those who
//! work with incidents.

use beredd_domain::incident::{Entry, GENESIS};
use reqwest::StatusCode;

use super::start;
use crate::harness::{Session, TestApp, kinds, texts, upload};

/// A laptop's incident with a log entry and a roster row, and its bundle as JSON.
async fn laptop_bundle() -> (TestApp, Session, String, serde_json::Value) {
    let laptop = TestApp::start(crate::harness::Kind::Sqlite).await;
    let l = laptop.login("admin").await;
    let unit = laptop.add_unit("Hemtjänst Norr", None).await;
    let id = start(&l, unit).await;
    l.post(
        &format!("/incidents/{id}/log"),
        &[("kind", "event"), ("text", "Larmet tystnade 07.40"), ("occurred_at", "2026-11-23 07:40")],
    )
    .await;
    let r = l
        .post(
            &format!("/incidents/{id}/roster"),
            &[("role", "crisis_leader"), ("name", "Margareta Lindqvist"), ("phone", "070-174 06 05")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let bundle = l.get(&format!("/incidents/{id}/bundle")).await.body;
    let json = serde_json::from_str(&bundle).unwrap();
    (laptop, l, id, json)
}

/// Makes the log's hashes fit its entries again, as someone editing a bundle by hand would; the
/// signatures, which no longer hold, are taken out (an unsigned bundle is read, and its import
/// says that it was not signed).
fn rechain(b: &mut serde_json::Value) {
    let mut prev = GENESIS.to_owned();
    for e in b["log"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("signature");
        e.as_object_mut().unwrap().remove("key_id");
        e["prev_hash"] = prev.clone().into();
        let entry: Entry = serde_json::from_value(e.clone()).unwrap();
        prev = entry.hash();
        e["hash"] = prev.clone().into();
    }
}

async fn incidents(app: &TestApp) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM incidents").fetch_one(&app.db.pool).await.unwrap().0
}

#[tokio::test]
async fn a_bundle_is_not_read_into_a_closed_incident() {
    for kind in kinds() {
        let (_laptop, l, id, first) = laptop_bundle().await;
        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;
        let r = upload(&m, "/incidents/import-bundle", "incident.json", first.to_string().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let here = r.location.unwrap().split('/').nth(2).unwrap().to_owned();
        assert_eq!(m.post(&format!("/incidents/{here}/close"), &[]).await.status, StatusCode::SEE_OTHER);
        let entries = main.count("incident_log").await;

        // The laptop went on; its later bundle, and one with a forged decision added (the
        // review's attack), are refused by the closed incident, from the web and the command line.
        l.post(&format!("/incidents/{id}/log"), &[("kind", "information"), ("text", "Senare på laptopen")]).await;
        let later = l.get(&format!("/incidents/{id}/bundle")).await.body;
        let mut forged: serde_json::Value = serde_json::from_str(&later).unwrap();
        let mut decision = forged["log"][1].clone();
        decision["seq"] = (forged["log"].as_array().unwrap().len() as i64 + 1).into();
        decision["uid"] = "e-forfalskad".into();
        decision["kind"] = "decision".into();
        decision["text"] = "Beslut: ingen anmälan till IMY".into();
        decision["author"] = "Kommundirektör".into();
        decision["decided_by"] = "Kommundirektör".into();
        forged["log"].as_array_mut().unwrap().push(decision);
        rechain(&mut forged);
        for file in [later.clone(), forged.to_string()] {
            let r = upload(&m, "/incidents/import-bundle", "incident.json", file.into_bytes()).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
            assert_eq!(
                texts(&r.body, "#file-error"),
                ["Incidenten ”IT-systemen är utslagna” är avslutad. En avslutad incidents logg tar inte emot fler \
                     poster, så ingenting lästes in."],
                "{kind:?}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("incident.json");
        std::fs::write(&file, &later).unwrap();
        let out = crate::harness::beredd()
            .args(["incident", "import-bundle", "--database", &main.db_url(), "--keys", &main.keys_arg()])
            .arg(&file)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{kind:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("är avslutad"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(main.count("incident_log").await, entries, "{kind:?}: nothing was added");
    }
}

#[tokio::test]
async fn every_entry_and_field_of_a_bundle_is_checked_and_the_message_names_it() {
    for kind in kinds() {
        let (_laptop, _l, _id, good) = laptop_bundle().await;
        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;
        type Change = fn(&mut serde_json::Value);
        let cases: Vec<(Change, &str)> = vec![
            (
                |b| b["log"][1]["text"] = "Larmet \u{1b}[31mtystnade".into(),
                "post 2: texten är för lång eller har otillåtna tecken",
            ),
            (|b| b["log"][1]["text"] = "  ".into(), "post 2: texten saknas"),
            (
                |b| b["log"][1]["text"] = "x".repeat(100_001).into(),
                "post 2: texten är för lång eller har otillåtna tecken",
            ),
            (
                |b| b["log"][1]["author"] = "x".repeat(201).into(),
                "post 2: namnet är för långt eller har otillåtna tecken",
            ),
            (
                |b| b["log"][1]["author"] = "Maja\nKommundirektör".into(),
                "post 2: namnet är för långt eller har otillåtna tecken",
            ),
            (
                |b| b["log"][1]["grounds"] = "g".repeat(4001).into(),
                "post 2: underlaget är för långt eller har otillåtna tecken",
            ),
            (
                |b| b["log"][1]["occurred_at"] = "igår".into(),
                "post 2: tiden (occurred_at) är inte en tid som 2026-11-23T07:10:00Z",
            ),
            (
                |b| b["log"][1]["occurred_at"] = "2026-02-30T07:40:00Z".into(),
                "post 2: tiden (occurred_at) är inte en tid som 2026-11-23T07:10:00Z",
            ),
            (
                |b| b["log"][1]["occurred_at"] = "2030-01-01T00:00:00Z".into(),
                "post 2: tiden (occurred_at) (2030-01-01T00:00:00Z) ligger efter nu",
            ),
            (
                |b| b["log"][1]["recorded_at"] = "2026-11-23 07:40".into(),
                "post 2: när den skrevs (recorded_at) är inte en tid som 2026-11-23T07:10:00Z",
            ),
            (|b| b["log"][1]["kind"] = "hemlig".into(), "post 2: slaget (kind) \"hemlig\" finns inte"),
            (|b| b["log"][1]["uid"] = "<script>".into(), "post 2: id (uid) saknas eller har fel form"),
            (|b| b["log"][1]["corrects"] = 5.into(), "post 2: den rättar post 5, som inte finns före den"),
            (|b| b["log"][1]["source"] = "".into(), "post 2: varifrån den kom (source) saknas"),
            (
                |b| b["incident"]["discovered_at"] = "2099-01-01T00:00:00Z".into(),
                "incidenten: kännedom (discovered_at) (2099-01-01T00:00:00Z) ligger efter nu",
            ),
            (
                |b| b["incident"]["discovered_at"] = "".into(),
                "incidenten: kännedom (discovered_at) är inte en tid som 2026-11-23T07:10:00Z",
            ),
            (
                |b| b["incident"]["title"] = "Rubrik\u{0}".into(),
                "incidenten: rubriken (title) saknas, är för lång eller har otillåtna tecken",
            ),
            (
                |b| b["incident"]["what_happened"] = "w".repeat(4001).into(),
                "incidenten: vad som hänt (what_happened) är för långt eller har otillåtna tecken",
            ),
            (|b| b["incident"]["uid"] = "../x".into(), "incidenten: dess id (uid) saknas eller har fel form"),
            (
                |b| b["roster"][0]["role"] = "diktator".into(),
                "krisledningen, rad 1: rollen (role) \"diktator\" finns inte",
            ),
            (
                |b| b["roster"][0]["phone"] = "ring mig".into(),
                "krisledningen, rad 1: telefonnumret (phone) är inte ett telefonnummer",
            ),
            (|b| b["instance"] = "".into(), "avsändaren (instance) saknas"),
        ];
        for (change, message) in cases {
            let mut b = good.clone();
            change(&mut b);
            rechain(&mut b);
            let r = upload(&m, "/incidents/import-bundle", "incident.json", b.to_string().into_bytes()).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}: {message}");
            assert_eq!(texts(&r.body, "#file-error"), [format!("{message}; ingenting lästes in")], "{kind:?}");
        }
        assert_eq!(incidents(&main).await, 0, "{kind:?}: nothing was stored");

        // The bundle as it came from the laptop is read in, its times as UTC.
        let r = upload(&m, "/incidents/import-bundle", "incident.json", good.to_string().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let (at,): (String,) = sqlx::query_as("SELECT occurred_at FROM incident_log WHERE seq = 2")
            .fetch_one(&main.db.pool)
            .await
            .unwrap();
        assert_eq!(at, "2026-11-23T06:40:00Z");
    }
}

#[tokio::test]
async fn only_those_who_work_with_incidents_download_the_bundle() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        app.add_user("stab", beredd_domain::Role::CrisisStaff, &[]).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        let bundle = format!("/incidents/{id}/bundle");
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&bundle).await.status, StatusCode::FORBIDDEN, "{kind:?}");
        let board = reader.get(&format!("/incidents/{id}")).await;
        assert_eq!(board.status, StatusCode::OK, "a reader reads the incident");
        assert!(!board.body.contains(&bundle), "and is offered no bundle");
        assert_eq!(reader.get(&format!("/incidents/{id}/log")).await.status, StatusCode::OK);
        let stab = app.login("stab").await;
        assert!(stab.get(&format!("/incidents/{id}")).await.body.contains(&bundle));
        assert_eq!(stab.get(&bundle).await.status, StatusCode::OK);
        // Also once it is closed, as a copy to keep.
        assert_eq!(s.post(&format!("/incidents/{id}/close"), &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(stab.get(&bundle).await.status, StatusCode::OK);
        assert_eq!(reader.get(&bundle).await.status, StatusCode::FORBIDDEN);
    }
}
