//! The API (issue 21): tokens an administrator makes per purpose on the API page, shown once;
//! what a token reaches (areas, read or write); JSON errors in the caller's language; entries
//! written to an incident's log; revocation; and every route of the OpenAPI document answering as
//! documented.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, fixture, kinds, texts};

/// Makes a token on the API page and returns it as the page shows it, once.
async fn make(s: &Session, name: &str, write: bool, areas: &[&str]) -> String {
    let mut fields = vec![("name", name), ("access", if write { "write" } else { "read" })];
    fields.extend(areas.iter().map(|a| ("areas", *a)));
    let r = s.post("/api-tokens", &fields).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let shown = texts(&r.body, "#new-token code");
    assert_eq!(shown.len(), 1, "the new token is shown");
    assert!(shown[0].starts_with("bd_"));
    shown[0].clone()
}

async fn call(app: &TestApp, token: &str, path: &str) -> (StatusCode, serde_json::Value) {
    let r = app.client().get(format!("{}{path}", app.base)).bearer_auth(token).send().await.unwrap();
    (r.status(), r.json().await.unwrap_or(serde_json::Value::Null))
}

async fn write(app: &TestApp, token: &str, incident: &str, body: serde_json::Value) -> (StatusCode, serde_json::Value) {
    let r = app
        .client()
        .post(format!("{}/api/v1/incidents/{incident}/log", app.base))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn a_token_reaches_its_areas_only_and_writes_to_the_log_only_when_it_may() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let admin = app.login("admin").await;
        let incident = crate::crisis::start(&admin, unit).await;

        // The form refuses what it cannot make, naming the fields, and stores nothing.
        let r = admin.post("/api-tokens", &[("name", " "), ("access", "read")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li").len(), 2, "{:?}", texts(&r.body, ".error-summary li"));
        assert!(texts(&r.body, "#new-token").is_empty());

        let reader = make(&admin, "Nattlig synk från HR-systemet", false, &["organisation"]).await;
        let (status, units) = call(&app, &reader, "/api/v1/units").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(units[0]["name"], "Hemtjänst Norr");
        assert_eq!(units[0]["kind"], "forvaltning");
        let (status, body) = call(&app, &reader, "/api/v1/incidents").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["error"], "API-nyckeln når inte det här området.");

        // Without a token, or with a wrong one: 401 in JSON, in English when asked.
        let r = app.client().get(format!("{}/api/v1/units", app.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(r.headers()["www-authenticate"], "Bearer");
        assert_eq!(
            r.json::<serde_json::Value>().await.unwrap()["error"],
            "API-nyckeln saknas, är fel eller har återkallats."
        );
        let r = app
            .client()
            .get(format!("{}/api/v1/units", app.base))
            .bearer_auth("bd_gissat")
            .header("accept-language", "en-GB,en;q=0.8")
            .send()
            .await
            .unwrap();
        assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"], "The API key is missing, wrong or revoked.");

        // A crisis token that may write: a bad entry names its field, a good one lands in the
        // chain under the token's purpose.
        let looker = make(&admin, "Läser krisläget", false, &["crisis"]).await;
        let (status, _) =
            write(&app, &looker, &incident, serde_json::json!({"kind": "information", "text": "x"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "a read token does not write");
        let writer = make(&admin, "Larmcentralen", true, &["crisis"]).await;
        let (status, body) =
            write(&app, &writer, &incident, serde_json::json!({"kind": "decision", "text": "Reservrutin"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["fields"][0]["field"], "decided_by", "{body}");
        let (status, body) = write(&app, &writer, &incident, serde_json::json!({"kind": 3})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        let (status, body) =
            write(&app, &writer, &incident, serde_json::json!({"kind": "event", "text": "Larm från trygghetslarmen"}))
                .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let seq = body["seq"].as_i64().unwrap();
        let (_, read) = call(&app, &looker, &format!("/api/v1/incidents/{incident}")).await;
        let entry = read["log"].as_array().unwrap().iter().find(|e| e["seq"] == seq).unwrap().clone();
        assert_eq!(entry["author"], "API: Larmcentralen");
        assert_eq!(entry["text"], "Larm från trygghetslarmen");
        let mut conn = app.db.pool.acquire().await.unwrap();
        let v = beredd::store::incidents::verify(&mut conn, app.org, incident.parse().unwrap()).await.unwrap().unwrap();
        assert!(matches!(v, beredd::store::incidents::Verdict::Intact { .. }), "{v:?}");
        drop(conn);
        let (status, _) = call(&app, &looker, "/api/v1/incidents/99999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // Revoked: refused from then on; the page says when it was last used.
        let page = admin.get("/api-tokens").await.body;
        let id = texts(&page, "tr[id^=token-] td:first-child").len();
        assert_eq!(id, 3);
        let token_id: (i64,) = sqlx::query_as("SELECT id FROM api_tokens WHERE name = 'Larmcentralen'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let r = admin.post(&format!("/api-tokens/{}/revoke", token_id.0), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (status, _) = write(&app, &writer, &incident, serde_json::json!({"kind": "event", "text": "igen"})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let page = admin.get("/api-tokens").await.body;
        let row = texts(&page, &format!("#token-{}", token_id.0)).join(" ");
        assert!(row.contains("Återkallad 2026-11-24"), "{row}");
        assert!(!page.contains(&writer), "a token is never shown again");
        let audit = admin.get("/audit").await.body;
        assert!(audit.contains("Återkallade") && audit.contains("API-nyckel"), "the revocation is in the audit trail");

        // Only administrators keep tokens.
        app.add_user("samordnare", Role::Coordinator, &[]).await;
        let other = app.login("samordnare").await;
        assert_eq!(other.get("/api-tokens").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            other.post("/api-tokens", &[("name", "x"), ("areas", "crisis")]).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

/// Every GET of the OpenAPI document answers 200 with the shape it documents (a list or an
/// object), for a token that reaches every area.
#[tokio::test]
async fn every_route_of_the_openapi_document_answers_as_documented() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let admin = app.login("admin").await;
        let incident = crate::crisis::start(&admin, unit).await;
        let all =
            make(&admin, "Allt", false, &["organisation", "classification", "continuity", "actions", "crisis"]).await;
        let (status, doc) = call(&app, &all, "/api/v1/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
        let paths = doc["paths"].as_object().unwrap();
        let page = admin.get("/api-tokens").await.body;
        assert_eq!(
            texts(&page, "#operations tbody tr").len(),
            paths.values().map(|p| p.as_object().unwrap().len()).sum::<usize>()
        );
        let mut checked = 0;
        for (path, item) in paths {
            let Some(get) = item.get("get") else { continue };
            let schema = &get["responses"]["200"]["content"]["application/json"]["schema"];
            let (status, body) = call(&app, &all, &path.replace("{id}", &incident)).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            if schema["type"] == "array" {
                assert!(body.is_array(), "{path}: {body}");
            } else {
                assert!(body.is_object(), "{path}: {body}");
            }
            checked += 1;
        }
        assert!(checked >= 8, "{checked}");

        // Each POST answers one of the statuses it documents, with the schema's shape, for a
        // token that may write everywhere.
        let writer =
            make(&admin, "Skriver", true, &["organisation", "classification", "continuity", "actions", "crisis"]).await;
        let r = admin.post("/actions/new", &[("title", "Byt lås"), ("priority", "low"), ("status", "planned")]).await;
        let action = crate::harness::id_of(&r);
        let mut posted = 0;
        for (path, item) in paths {
            let Some(post) = item.get("post") else { continue };
            let content = post["requestBody"]["content"].as_object().unwrap();
            let (content_type, body, id): (&str, Vec<u8>, &str) = if path.starts_with("/api/v1/actions/") {
                ("application/json", r#"{"status": "ongoing", "note": "Beställt"}"#.as_bytes().to_vec(), &action)
            } else if content.contains_key("application/json") {
                ("application/json", br#"{"kind": "event", "text": "Prov"}"#.to_vec(), &incident)
            } else {
                ("text/csv", "Namn;Enhet\r\nAnna Berg;Hemtjänst Norr\r\n".as_bytes().to_vec(), "")
            };
            let url = format!("{}{}", app.base, path.replace("{id}", id).replace("{register}", "people"));
            let r = app
                .client()
                .post(url)
                .bearer_auth(&writer)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16().to_string();
            assert!(post["responses"].get(&status).is_some(), "{path}: {status} is not documented");
            assert!(status.starts_with('2'), "{path}: {status}");
            let answer: serde_json::Value = r.json().await.unwrap();
            assert!(answer.is_object(), "{path}: {answer}");
            posted += 1;
        }
        assert_eq!(posted, 3);
    }
}

/// Sends a file to a register's import through the API; `apply` stores it.
async fn send_file(
    app: &TestApp,
    token: &str,
    register: &str,
    apply: bool,
    bytes: Vec<u8>,
) -> (StatusCode, serde_json::Value) {
    let r = app
        .client()
        .post(format!("{}/api/v1/import/{register}{}", app.base, if apply { "?apply=true" } else { "" }))
        .bearer_auth(token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(bytes)
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap_or(serde_json::Value::Null))
}

/// The nightly HR sync through the API: the file previewed (nothing stored), stored under the
/// token's purpose with an audit entry per person, next month's file changing one phone and
/// listing the one missing; a file with errors refused row by row with nothing stored; a read
/// token and a token for another area refused.
#[tokio::test]
async fn the_hr_system_syncs_the_staff_through_the_api() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let top = app.add_unit("Vård och omsorg", None).await;
        app.add_unit("Hemtjänst Norr", Some(top)).await;
        let b = app.add_unit("Björkbacken", Some(top)).await;
        sqlx::query("UPDATE units SET code = '4410' WHERE id = $1").bind(b).execute(&app.db.pool).await.unwrap();
        let admin = app.login("admin").await;
        let sync = make(&admin, "Nattlig synk från HR-systemet", true, &["organisation"]).await;
        let reader = make(&admin, "Läser registren", false, &["organisation"]).await;
        let crisis = make(&admin, "Krisläget", true, &["crisis"]).await;
        let people = || app.count("people");

        let (status, body) = send_file(&app, &sync, "people", false, fixture("import/personal-1.csv")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["stored"], false);
        assert_eq!(body["added"].as_array().unwrap().len(), 3, "{body}");
        assert_eq!(people().await, 0, "a preview stores nothing");

        let (status, body) = send_file(&app, &reader, "people", true, fixture("import/personal-1.csv")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_eq!(body["error"], "API-nyckeln får bara läsa.", "{body}");
        let (status, _) = send_file(&app, &crisis, "people", false, fixture("import/personal-1.csv")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = send_file(&app, &sync, "planets", false, fixture("import/personal-1.csv")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        let (status, body) = send_file(&app, &sync, "people", true, fixture("import/personal-1.csv")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["stored"], true);
        assert_eq!(people().await, 3);
        let (by,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'person' AND username = 'API: Nattlig synk från HR-systemet'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(by, 3, "an audit entry per person, under the token's purpose");

        let (status, body) = send_file(&app, &sync, "people", true, fixture("import/personal-2.csv")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["added"][0]["name"], "David Falk", "{body}");
        assert_eq!(body["changed"][0]["name"], "Anna Berg");
        assert_eq!(body["changed"][0]["changes"][0]["field"], "Telefon (arbete)", "{body}");
        assert_eq!(body["changed"][0]["changes"][0]["after"], "070-174 06 99");
        assert_eq!(body["missing"][0]["name"], "Bo Ek", "the one missing is listed, not deleted");
        assert_eq!(people().await, 4);

        // Errors: each named by row and column; nothing stored, not even the good rows.
        let (status, body) = send_file(&app, &sync, "people", true, fixture("import/personal-fel.csv")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["stored"], false);
        let errors = body["errors"].as_array().unwrap();
        assert!(errors.iter().any(|e| e["row"] == 3 && e["column"] == "Enhet"), "{body}");
        assert!(errors.iter().any(|e| e["row"] == 4 && e["column"] == "E-post"), "{body}");
        assert!(errors[0]["message"].as_str().unwrap().len() > 5);
        assert_eq!(people().await, 4);
        let (status, body) = send_file(&app, &sync, "people", true, b"\x00\x01 inte en fil".to_vec()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body["error"].as_str().unwrap().contains("CSV"), "{body}");
    }
}

/// A ticketing system reports progress on an action: the status changes and a dated line under
/// the key's purpose is added to the notes, audited with before and after; a wrong status names
/// its field and changes nothing; a read key, another area's key and an unknown action are refused.
#[tokio::test]
async fn another_system_reports_progress_on_an_action() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let admin = app.login("admin").await;
        let r = admin.post("/actions/new", &[("title", "Byt lås"), ("priority", "low"), ("status", "planned")]).await;
        let action = crate::harness::id_of(&r);
        let tickets = make(&admin, "Ärendesystemet", true, &["actions"]).await;
        let reader = make(&admin, "Läser planen", false, &["actions"]).await;
        let other = make(&admin, "Krisläget", true, &["crisis"]).await;
        let report = |token: String, id: String, body: serde_json::Value| {
            let app = &app;
            async move {
                let r = app
                    .client()
                    .post(format!("{}/api/v1/actions/{id}", app.base))
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                (r.status(), r.json::<serde_json::Value>().await.unwrap_or_default())
            }
        };

        let (status, body) = report(tickets.clone(), action.clone(), serde_json::json!({"status": "klar"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["fields"][0]["field"], "status");
        let (status, body) = report(tickets.clone(), action.clone(), serde_json::json!({})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, _) = report(reader, action.clone(), serde_json::json!({"status": "done"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = report(other, action.clone(), serde_json::json!({"status": "done"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = report(tickets.clone(), "99999".into(), serde_json::json!({"status": "done"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = admin.get(&format!("/actions/{action}")).await.body;
        assert!(page.contains("Planerad"), "nothing changed by the refused calls");

        let (status, body) = report(
            tickets.clone(),
            action.clone(),
            serde_json::json!({"status": "done", "note": "Låset bytt, ärende 4711"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "done");
        assert_eq!(body["notes"], "2026-11-24 API: Ärendesystemet: Låset bytt, ärende 4711");
        let (_, body) = report(tickets, action.clone(), serde_json::json!({"note": "Nycklar utlämnade"})).await;
        assert_eq!(body["status"], "done", "a note alone keeps the status");
        assert!(
            body["notes"].as_str().unwrap().ends_with("\n2026-11-24 API: Ärendesystemet: Nycklar utlämnade"),
            "{body}"
        );
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'action' AND action = 'update' AND username = 'API: Ärendesystemet'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(n, 2);
    }
}
