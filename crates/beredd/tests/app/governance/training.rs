//! Training: courses made by those who edit all content; completions recorded by them, and by a
//! unit manager for the staff of their own units only; a completion makes a person no longer due
//! and one older than the course's interval makes them due again; an exercise's participants and
//! roster count for the crisis staff's exercise; what is due shows on the start page, in the
//! yearly cycle, on a unit's page and in the Excel list.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, get_bytes, id_of, kinds, texts, xlsx_rows};

/// Socialförvaltningen with Hemtjänst Norr (Per and Eva), and Ekonomi (Olle). `chef` manages
/// Socialförvaltningen; `per` is a reader, Per Lund in the register.
struct Org {
    norr: String,
    ekonomi: String,
    per: String,
    eva: String,
    olle: String,
}

async fn org(app: &TestApp, s: &Session) -> Org {
    let soc = app.add_unit("Socialförvaltningen", None).await;
    let norr = app.add_unit("Hemtjänst Norr", Some(soc)).await.to_string();
    let ekonomi = app.add_unit("Ekonomi", None).await.to_string();
    let person = |name: &'static str, unit: String| async move {
        id_of(&s.post("/people/new", &[("name", name), ("kind", "staff"), ("unit", &unit)]).await)
    };
    let per = person("Per Lund", norr.clone()).await;
    let eva = person("Eva Berg", norr.clone()).await;
    let olle = person("Olle Ek", ekonomi.clone()).await;
    app.add_user("chef", Role::UnitManager, &[soc]).await;
    let reader = app.add_user("per", Role::Reader, &[]).await;
    beredd::store::users::set_person(&app.db.pool, reader, Some(per.parse().unwrap())).await.unwrap();
    Org { norr, ekonomi, per, eva, olle }
}

/// A course for all staff, taken again every year; returns its id.
async fn hygiene(s: &Session) -> String {
    let fields = [
        ("name", "Cyberhygien"),
        ("kind", "cyber_hygiene"),
        ("every_months", "12"),
        ("audience", "all"),
        ("description", "# Innehåll\n- Nätfiske\n- Lösenfraser"),
    ];
    let r = s.post("/governance/training/new", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id_of(&r)
}

async fn count(app: &TestApp, entity: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = $1")
        .bind(entity)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    n
}

/// The standing of `person` on a course's page.
async fn standing(s: &Session, course: &str, person: &str) -> Vec<String> {
    texts(&s.get(&format!("/governance/training/{course}")).await.body, &format!("#person-{person} .standing"))
}

#[tokio::test]
async fn courses_are_made_by_those_who_edit_all_content_and_bad_input_is_named() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;

        // A reader and a unit manager make no courses.
        for who in ["per", "chef"] {
            let other = app.login(who).await;
            assert_eq!(other.get("/governance/training/new").await.status, StatusCode::FORBIDDEN);
            let r = other
                .post("/governance/training/new", &[("name", "Egen"), ("kind", "other"), ("audience", "all")])
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);
        }

        // Bad input is named by field in Swedish and nothing is stored.
        let bad = [("name", ""), ("kind", "kurs"), ("every_months", "100"), ("audience", "units")];
        let r = s.post("/governance/training/new", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(errors[0].starts_with("Namn:"), "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("Typ:")), "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("Ska gås igen efter antal månader:")), "{errors:?}");
        assert!(errors.iter().any(|e| e == "Enheter: Fyll i fältet."), "{errors:?}");
        assert_eq!(app.count("training_courses").await, 0, "{kind:?}");

        // A course for the management names its people; changing it is audited with before and after.
        let fields = [
            ("name", "Ledningens utbildning"),
            ("kind", "management"),
            ("audience", "people"),
            ("people", o.olle.as_str()),
            ("units", o.norr.as_str()),
        ];
        let r = s.post("/governance/training/new", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = id_of(&r);
        let page = s.get(&format!("/governance/training/{id}")).await.body;
        assert!(texts(&page, "#law")[0].contains("2 kap. 4 §"), "{:?}", texts(&page, "#law"));
        assert_eq!(texts(&page, ".status tbody th"), ["Olle Ek"], "the unit is not kept for a list of people");
        assert_eq!(texts(&page, "dl.details dd")[1], "En gång räcker");
        let edit =
            [("name", "Ledningens utbildning"), ("kind", "management"), ("audience", "all"), ("every_months", "24")];
        let r = s.post(&format!("/governance/training/{id}/edit"), &edit).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = s.get(&format!("/governance/training/{id}")).await.body;
        assert_eq!(texts(&page, ".status tbody th"), ["Eva Berg", "Olle Ek", "Per Lund"]);
        assert_eq!(count(&app, "training-course").await, 2, "{kind:?}: created and changed");
        let _ = (o.per, o.eva, o.ekonomi);
    }
}

#[tokio::test]
async fn a_completion_ends_what_is_due_until_it_runs_out_and_a_unit_manager_records_only_for_their_units() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let course = hygiene(&s).await;
        let path = format!("/governance/training/{course}/completions");
        let due = texts(&s.get("/governance/training").await.body, "table.due tbody th");
        assert_eq!(due, ["Eva Berg", "Olle Ek", "Per Lund"]);

        // A reader records nothing, not even for themselves.
        let reader = app.login("per").await;
        let r = reader.post(&path, &[("completed_on", "2026-11-20"), ("people", &o.per)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(texts(&reader.get("/governance/training").await.body, "#mine li")[0].ends_with("Har inte gått den"));

        // The unit manager records for Per in their unit; not for Olle at Ekonomi, nor both at once.
        let chef = app.login("chef").await;
        let r = chef.post(&path, &[("completed_on", "2026-11-20"), ("people", &o.per), ("people", &o.olle)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(app.count("training_completions").await, 0, "{kind:?}");
        let page = chef.get(&format!("/governance/training/{course}")).await.body;
        let choices = texts(&page, "#people label");
        assert_eq!(choices, ["Eva Berg (Hemtjänst Norr)", "Per Lund (Hemtjänst Norr)"], "only the manager's own staff");

        // Bad input: a date that is no date, one in the future, a person not in the register.
        let r = chef.post(&path, &[("completed_on", "2026-13-01"), ("people", "999999")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(
            errors,
            [
                "Datum: Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.",
                "Deltagare: Det valda finns inte längre. Välj igen."
            ]
        );
        let r = chef.post(&path, &[("completed_on", "2026-11-25"), ("people", &o.per)]).await;
        assert_eq!(texts(&r.body, ".error-summary li"), ["Datum: Datumet kan inte vara senare än i dag."]);
        let r = chef.post(&path, &[("completed_on", "2026-11-20")]).await;
        assert_eq!(texts(&r.body, ".error-summary li"), ["Deltagare: Fyll i fältet."]);
        assert_eq!(app.count("training_completions").await, 0, "{kind:?}");

        let r = chef.post(&path, &[("completed_on", "2026-11-20"), ("people", &o.per), ("note", "APT")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(standing(&s, &course, &o.per).await, ["Gäller till 2027-11-20"]);
        let due = texts(&s.get("/governance/training").await.body, "table.due tbody th");
        assert_eq!(due, ["Eva Berg", "Olle Ek"], "{kind:?}");
        assert!(
            texts(&reader.get("/governance/training").await.body, "#mine li")[0].ends_with("Gäller till 2027-11-20")
        );

        // Eva took it more than a year ago: she is due again; Olle runs out within a month.
        let r = s.post(&path, &[("completed_on", "2025-11-01"), ("people", &o.eva)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(standing(&s, &course, &o.eva).await, ["Gick ut 2026-11-01"]);
        s.post(&path, &[("completed_on", "2025-12-10"), ("people", &o.olle)]).await;
        assert_eq!(standing(&s, &course, &o.olle).await, ["Går ut 2026-12-10"]);
        assert_eq!(texts(&s.get("/governance/training").await.body, "table.due tbody th"), ["Eva Berg"]);

        // Coverage per unit: Hemtjänst Norr 1 of 2, Ekonomi 1 of 1.
        let page = s.get("/governance/training").await.body;
        assert_eq!(texts(&page, "table.coverage tbody th"), ["Ekonomi", "Hemtjänst Norr"]);
        let cells: Vec<String> =
            texts(&page, "table.coverage tbody td").iter().map(|t| t.replace('\u{a0}', " ")).collect();
        assert_eq!(cells, ["1 av 1 (100 %)", "1 av 2 (50 %)"]);

        // A completion recorded by mistake is removed, and Per is due again.
        let page = s.get(&format!("/governance/training/{course}")).await.body;
        let action = crate::harness::texts(&page, "table.completions form").len();
        assert_eq!(action, 3);
        let (cid,): (i64,) = sqlx::query_as("SELECT id FROM training_completions WHERE person_id = $1")
            .bind(o.per.parse::<i64>().unwrap())
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let r = s.post(&format!("{path}/{cid}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(standing(&s, &course, &o.per).await, ["Har inte gått den"]);
        assert_eq!(count(&app, "training-completion").await, 4, "{kind:?}: three recorded, one removed");
    }
}

#[tokio::test]
async fn due_training_shows_on_the_start_page_in_the_yearly_cycle_on_a_units_page_and_in_excel() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let course = hygiene(&s).await;
        s.post(
            &format!("/governance/training/{course}/completions"),
            &[("completed_on", "2026-01-15"), ("people", &o.per)],
        )
        .await;

        // The start page: the coordinator sees all due (Eva and Olle), the unit manager their own.
        let item = |body: &str| {
            texts(body, "ul.attention > li").into_iter().find(|t| t.starts_with("Utbildningar som ska göras:"))
        };
        assert_eq!(item(&s.get("/").await.body).as_deref(), Some("Utbildningar som ska göras: Cyberhygien (2)"));
        let chef = app.login("chef").await;
        assert_eq!(item(&chef.get("/").await.body).as_deref(), Some("Utbildningar som ska göras: Cyberhygien (1)"));

        // The yearly cycle: two have never taken it; Per's runs out in January next year.
        let cycle = s.get("/cycle?year=2026").await.body;
        assert_eq!(texts(&cycle, ".training-due li"), ["Cyberhygien: 2 personer har inte gått den"]);
        let cycle = s.get("/cycle?year=2027").await.body;
        assert_eq!(texts(&cycle, ".training-due li"), ["Cyberhygien: 2027-01-15, en person"]);

        // A unit's page for those who manage it.
        let page = chef.get(&format!("/governance/training/units/{}", o.norr)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "h1"), ["Utbildningar på Hemtjänst Norr"]);
        assert_eq!(texts(&page.body, "table.status tbody th"), ["Eva Berg", "Per Lund"], "the due first");
        assert_eq!(chef.get(&format!("/governance/training/units/{}", o.ekonomi)).await.status, StatusCode::FORBIDDEN);
        let reader = app.login("per").await;
        assert_eq!(reader.get(&format!("/governance/training/units/{}", o.norr)).await.status, StatusCode::FORBIDDEN);

        // Who is due, as Excel: the unit manager's own staff only.
        let (status, content_type, bytes) = get_bytes(&chef, "/governance/training/due.xlsx").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.contains("spreadsheetml"), "{content_type}");
        let rows = xlsx_rows(bytes);
        assert_eq!(rows[0][..4], ["Person", "Enhet", "Utbildning", "Läge"]);
        assert_eq!(rows[1][..4], ["Eva Berg", "Hemtjänst Norr", "Cyberhygien", "Har inte gått den"]);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(get_bytes(&reader, "/governance/training/due.xlsx").await.0, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn an_exercises_participants_and_roster_count_for_the_crisis_staff_exercise() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let fields = [
            ("name", "Krisledningsstabens övning"),
            ("kind", "crisis_exercise"),
            ("every_months", "12"),
            ("audience", "people"),
            ("people", o.per.as_str()),
            ("people", o.eva.as_str()),
            ("people", o.olle.as_str()),
        ];
        let course = id_of(&s.post("/governance/training/new", &fields).await);

        // Per is a participant (with his role after his name); Eva is on the exercise's roster.
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Höstövning"),
                    ("discovered_at", "2026-10-14 08:00"),
                    ("units", &o.norr),
                    ("exercise", "on"),
                    ("participants", "Per Lund (samordnare)\nNågon Annan"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let exercise = id_of(&r);
        let r = s.post(&format!("/incidents/{exercise}/roster"), &[("role", "log_keeper"), ("name", "Eva Berg")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        assert_eq!(standing(&s, &course, &o.per).await, ["Gäller till 2027-10-14"]);
        assert_eq!(standing(&s, &course, &o.eva).await, ["Gäller till 2027-10-14"]);
        assert_eq!(standing(&s, &course, &o.olle).await, ["Har inte gått den"]);
        let page = s.get(&format!("/governance/training/{course}")).await.body;
        assert_eq!(texts(&page, &format!("#person-{} td a", o.per)), ["övning: Höstövning"]);
        let links: Vec<String> = texts(&page, "table.completions td a");
        assert_eq!(links, ["Övning: Höstövning", "Övning: Höstövning"]);
        assert!(page.contains(&format!("href=\"/incidents/{exercise}\"")));
        assert!(texts(&page, "table.completions form").is_empty(), "an exercise's completion is not removed here");
        assert_eq!(app.count("training_completions").await, 0, "{kind:?}: read from the exercise, not copied");

        // A real incident's staff count for nothing.
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Strömavbrott"),
                    ("discovered_at", "2026-11-20 08:00"),
                    ("units", &o.norr),
                    ("participants", "Olle Ek"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(standing(&s, &course, &o.olle).await, ["Har inte gått den"]);
    }
}

/// The management review's training section counts what is required and done, per course, with
/// last year's figures from the completions dated by then.
#[tokio::test]
async fn the_management_review_shows_how_far_the_training_has_come() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let course = hygiene(&s).await;
        let path = format!("/governance/training/{course}/completions");
        let r = s.post(&path, &[("completed_on", "2026-02-10"), ("people", &o.per)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = s.post(&path, &[("completed_on", "2026-01-15"), ("people", &o.eva)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Valid at the end of 2025, run out in March 2026.
        let r = s.post(&path, &[("completed_on", "2025-03-01"), ("people", &o.olle)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        let page = s.get("/governance/review?year=2026").await.body;
        let summary = texts(&page, "#training .review-summary").join(" ");
        assert_eq!(
            summary, "2 av 3 utbildningar som krävs är gjorda och giltiga (66 %); en fler än förra året.",
            "{kind:?}"
        );
        let items = texts(&page, "#training li").join(" | ");
        assert!(items.contains("Cyberhygien: 2 av 3 har gått den"), "{items}");
    }
}
