//! The yearly cycle: dated tasks, the overdue ones, calendar feeds, and e-mail reminders to their
//! owners.

use reqwest::StatusCode;

use crate::harness::{TestApp, id_of, kinds, texts};

#[tokio::test]
async fn the_yearly_cycle_makes_dated_tasks_shows_the_overdue_and_feeds_calendars() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let me =
            id_of(&s.post("/people/new", &[("name", "admin"), ("kind", "staff"), ("unit", &unit.to_string())]).await);
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
            &[
                ("title", "Ledningens genomgång"),
                ("kind", "management_review"),
                ("start", "2027-03-15"),
                ("every", "12"),
            ],
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
        assert_eq!(
            texts(&s.get("/cycle?year=2027").await.body, "tbody tr td:first-child"),
            ["2027-01-31", "2027-03-15"]
        );

        // The calendar feeds, read back with an iCalendar parser. The address is made on request.
        let made = s.post("/cycle/calendar", &[]).await;
        assert_eq!(made.status, StatusCode::OK, "{}", made.body);
        let feed = scraper::Html::parse_document(&made.body);
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
        let body = body.text().await.unwrap();
        assert!(body.contains("\r\nX-WR-TIMEZONE:Europe/Stockholm\r\n"), "the days are Swedish days");
        assert!(body.contains("DTSTART;VALUE=DATE:") && !body.contains("DTSTART:"), "all-day events, no times");
        let events = parse(body);
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
}

#[tokio::test]
async fn owners_are_reminded_by_email_of_due_tasks_once() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = crate::cli::mail::owner_with_a_due_task(&app).await;
        s.post("/cycle", &[("title", "Utan ägare"), ("kind", "other"), ("start", "2026-01-15"), ("every", "0")]).await;
        // Without a reachable relay the command says so and marks nothing as reminded.
        let out = crate::harness::beredd()
            .args([
                "remind",
                "--database",
                &app.db_url(),
                "--keys",
                &app.keys_arg(),
                "--smtp",
                "127.0.0.1:1",
                "--from",
                "b@x.example",
            ])
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("kunde inte nå e-postservern"));
        let server = crate::cli::mail::MailServer::start(false, false);
        let (url, smtp, ca) = (app.db_url(), server.addr.clone(), server.ca.display().to_string());
        let remind = move || {
            crate::harness::beredd()
                .args(["remind", "--database", &url, "--smtp", &smtp, "--from", "beredd@exempelkommun.example"])
                .args(["--smtp-user", crate::cli::mail::USER, "--smtp-ca", &ca])
                .env("BEREDD_SMTP_PASSWORD", crate::cli::mail::PASSWORD)
                .output()
                .unwrap()
        };
        let out = tokio::task::spawn_blocking(remind.clone()).await.unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1 påminnelser skickades (1 uppgifter).");
        let mails = server.wait_for(1);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0]["to"], serde_json::json!(["asa.oberg@exempelkommun.example"]));
        let data = crate::cli::mail::text_of(&mails[0]);
        assert!(data.contains("2026-01-15  Översyn av kontinuitetsplanen"), "{data}");
        assert!(!data.contains("Utan ägare"), "a task without an owner is nobody's to be reminded of");
        let out = tokio::task::spawn_blocking(remind).await.unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "0 påminnelser skickades (0 uppgifter).",
            "a task is reminded of once"
        );
        assert_eq!(server.mails.lock().unwrap().len(), 1);
    }
}

#[tokio::test]
async fn a_far_back_start_makes_only_the_last_years_tasks_and_absurd_years_are_refused() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        for start in ["0026-01-01", "1899-12-31", "2201-01-01"] {
            let r = s
                .post("/cycle", &[("title", "Månadskontroll"), ("kind", "other"), ("start", start), ("every", "1")])
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{start}");
        }
        let r = s
            .post("/cycle", &[("title", "Månadskontroll"), ("kind", "other"), ("start", "1900-01-01"), ("every", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Viewing the start page and the cycle makes a month's task from a year ago to a year
        // ahead, not one for every month since 1900.
        assert_eq!(s.get("/").await.status, StatusCode::OK);
        assert_eq!(s.get("/cycle").await.status, StatusCode::OK);
        let (tasks,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM cycle_tasks").fetch_one(&app.db.pool).await.unwrap();
        assert!((24..=26).contains(&tasks), "{tasks} tasks");
    }
}

/// The feed address in a page that shows a newly made one.
fn feed_link(page: &str) -> Option<String> {
    scraper::Html::parse_document(page)
        .select(&scraper::Selector::parse("#calendar-new a[href^='/cycle/feed/']").unwrap())
        .next()
        .and_then(|a| a.value().attr("href"))
        .map(str::to_owned)
}

async fn feed_status(app: &TestApp, href: &str) -> StatusCode {
    app.client().get(format!("{}{href}", app.base)).send().await.unwrap().status()
}

async fn calendar_audit(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>("SELECT action FROM audit_log WHERE entity = 'calendar-address' ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(a,)| a)
        .collect()
}

#[tokio::test]
async fn the_calendar_address_is_made_on_request_kept_as_a_hash_replaced_and_ended_with_the_password() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let bo = app.add_user("bo", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("bo").await;
        // Looking at the page makes nothing: no address, nothing in the audit trail.
        let page = s.get("/cycle").await.body;
        assert_eq!(texts(&page, "#calendar-state p"), ["Du har ingen kalenderadress ännu."]);
        assert_eq!(texts(&page, "form[action='/cycle/calendar'] button"), ["Skapa kalenderadress"]);
        let stored = || async {
            sqlx::query_as::<_, (Option<String>, Option<String>)>(
                "SELECT calendar_token, calendar_token_hash FROM users WHERE id = $1",
            )
            .bind(bo)
            .fetch_one(&app.db.pool)
            .await
            .unwrap()
        };
        assert_eq!(stored().await, (None, None));
        assert!(calendar_audit(&app).await.is_empty());
        // Without the form's token nothing is made.
        let r = s.client.post(format!("{}/cycle/calendar", app.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        // Made on request (any role), shown once, kept only as its SHA-256.
        let r = s.post("/cycle/calendar", &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(texts(&r.body, "#calendar-new p")[1].starts_with("Gör det nu: Beredd sparar bara ett fingeravtryck"));
        let first = feed_link(&r.body).expect("the new address is shown");
        let token = first.trim_start_matches("/cycle/feed/").trim_end_matches(".ics").to_owned();
        let (clear, hash) = stored().await;
        assert_eq!(clear, None, "never in clear");
        assert_eq!(hash.as_deref(), Some(beredd::store::sessions::hash_token(&token).as_str()));
        assert_eq!(feed_status(&app, &first).await, StatusCode::OK);
        // Afterwards the page says there is one, and no longer shows it.
        let page = s.get("/cycle").await.body;
        assert!(!page.contains(&token));
        assert_eq!(texts(&page, "#calendar-state p")[0], "Du har en kalenderadress, skapad 2026-11-24.", "{kind:?}");
        assert_eq!(texts(&page, "form[action='/cycle/calendar'] button"), ["Ny kalenderadress"]);

        // "Ny kalenderadress": the old one stops working, the new one works.
        let second = feed_link(&s.post("/cycle/calendar", &[]).await.body).unwrap();
        assert_ne!(first, second);
        assert_eq!(feed_status(&app, &first).await, StatusCode::NOT_FOUND);
        assert_eq!(feed_status(&app, &second).await, StatusCode::OK);
        assert_eq!(calendar_audit(&app).await, ["create", "replace"]);
        let audit = app.login("admin").await.get("/audit?entity=calendar-address").await.body;
        assert!(audit.contains("Bytte ut") && audit.contains("Kalenderadress"), "{audit}");
        assert!(!audit.contains(&token));

        // A new password ends the address; the page says why.
        let r = s
            .post(
                "/account/password",
                &[
                    ("current", crate::harness::PASSWORD),
                    ("new", "ett annat långt lösenord"),
                    ("repeat", "ett annat långt lösenord"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(feed_status(&app, &second).await, StatusCode::NOT_FOUND);
        assert_eq!(
            texts(&s.get("/cycle").await.body, "#calendar-state p"),
            [
                "Din kalenderadress slutade fungera när du bytte lösenord. Skapa en ny och lägg in den i kalendern igen.",
                "Du har ingen kalenderadress ännu."
            ]
        );
        // So does a password an administrator sets.
        let third = feed_link(&s.post("/cycle/calendar", &[]).await.body).unwrap();
        assert_eq!(feed_status(&app, &third).await, StatusCode::OK);
        let admin = app.login("admin").await;
        let r = admin.post(&format!("/users/{bo}/password"), &[("password", "ett nytt långt lösenord")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(feed_status(&app, &third).await, StatusCode::NOT_FOUND);
        let again = app.client();
        let page = again.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        let csrf = crate::harness::hidden_csrf(&page).unwrap();
        let fields = [("_csrf", csrf.as_str()), ("username", "bo"), ("password", "ett nytt långt lösenord")];
        again.post(format!("{}/login", app.base)).form(&fields).send().await.unwrap();
        let page = again.get(format!("{}/cycle", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(texts(&page, "#calendar-state p")[0].contains("när ditt lösenord byttes av en administratör"));
    }
}

#[tokio::test]
async fn addresses_made_before_are_hashed_by_the_migration_and_keep_working() {
    for kind in kinds() {
        let t = crate::harness::fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        let org = beredd::store::orgs::create(&db.pool, "Testkommun", None, "testkommun").await.unwrap();
        // Back to how a database stood before migration 29, with an address given out in clear.
        for sql in [
            "DROP INDEX users_calendar_token_hash",
            "ALTER TABLE users DROP COLUMN calendar_token_hash",
            "ALTER TABLE users DROP COLUMN calendar_made_at",
            "ALTER TABLE users DROP COLUMN calendar_ended",
            "DELETE FROM schema_migrations WHERE version = 29",
        ] {
            sqlx::query(sql).execute(&db.pool).await.unwrap();
        }
        let app = TestApp::serve(db, org, kind, t).await;
        let id = app.add_user("anna", beredd_domain::Role::Reader, &[]).await;
        sqlx::query("UPDATE users SET calendar_token = 'gammal-nyckel-fran-forr' WHERE id = $1")
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(app.db.migrate().await.unwrap(), 1, "{kind:?}: migration 29 runs");
        let (clear, hash): (Option<String>, Option<String>) =
            sqlx::query_as("SELECT calendar_token, calendar_token_hash FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(clear, None);
        assert_eq!(hash.unwrap(), beredd::store::sessions::hash_token("gammal-nyckel-fran-forr"));
        assert_eq!(feed_status(&app, "/cycle/feed/gammal-nyckel-fran-forr.ics").await, StatusCode::OK);
        assert_eq!(feed_status(&app, "/cycle/feed/fel.ics").await, StatusCode::NOT_FOUND);
        let s = app.login("anna").await;
        assert_eq!(texts(&s.get("/cycle").await.body, "#calendar-state p")[0], "Du har en kalenderadress.");
    }
}
