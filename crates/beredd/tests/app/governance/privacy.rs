//! Beredd's own personal data (issue 23): a person with protected personal data is left out of
//! the binder, the kit, the Excel list and the API and shown only to administrators,
//! coordinators and their own unit's manager; closed incidents are thinned (gallrade) after the
//! organisation's months, with the log still verifying; the kit's impact assessment lists who
//! received each kit and when the passphrase must be changed.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, get_bytes, id_of, kinds, pdf_text, texts, xlsx_rows};

const PASS: &str = "blå traktor sjunger i snön";

/// Björkgården (managed by Åsa Öberg) with Kim Skyddad and Bo Öppen on its staff, and Hemtjänst
/// Syd beside it; a plan for Björkgården drafted while Kim was not yet protected (so the plan's
/// call list names Kim), then Kim marked protected and the plan approved. Returns (Björkgården,
/// Syd, Kim's id, the plan's id).
async fn with_protected_person(app: &TestApp, s: &Session) -> (i64, i64, String, String) {
    let (top, home, manager) = crate::harness::care_home(app, s).await;
    let syd = app.add_unit("Hemtjänst Syd", Some(top)).await;
    let r = s
        .post(
            &format!("/units/{home}/edit"),
            &[
                ("name", "Björkgårdens äldreboende"),
                ("kind", "enhet"),
                ("parent", &top.to_string()),
                ("manager", &manager),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let home_s = home.to_string();
    let person = |name: &'static str, phone: &'static str| {
        let home_s = home_s.clone();
        async move {
            let fields = [
                ("name", name),
                ("kind", "staff"),
                ("title", "Undersköterska"),
                ("unit", home_s.as_str()),
                ("work_phone", phone),
                ("private_phone", "070-999 88 77"),
                ("employee_number", if name.starts_with("Kim") { "K-1" } else { "B-2" }),
            ];
            id_of(&s.post("/people/new", &fields).await)
        }
    };
    let kim = person("Kim Skyddad", "070-174 06 41").await;
    person("Bo Öppen", "070-174 06 42").await;
    let plan = id_of(
        &s.post("/plans/new", &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home_s)])
            .await,
    );
    crate::continuity::fill_in(s, &plan, &[crate::continuity::HOTLINE]).await;
    let r = s.post(&format!("/people/{kim}/protect"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(crate::harness::approve(s, &plan, "1").await.status, StatusCode::SEE_OTHER);
    (home, syd, kim, plan)
}

#[tokio::test]
async fn a_protected_person_is_left_out_of_what_is_handed_out_and_seen_only_by_those_who_must_reach_them() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let admin = app.login("admin").await;
        let (home, syd, kim, plan) = with_protected_person(&app, &admin).await;
        app.add_user("chef", Role::UnitManager, &[home]).await;
        app.add_user("annan", Role::UnitManager, &[syd]).await;
        app.add_user("stab", Role::CrisisStaff, &[]).await;

        // The binder: a stand-in that says whom to contact, never Kim's name or numbers.
        let resp = admin
            .client
            .post(format!("{}/binder", admin.base))
            .form(&[("_csrf", admin.csrf.as_str()), ("plan", plan.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap()).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Bo Öppen"), "{kind:?}: {text}");
        assert!(!text.contains("Kim") && !text.contains("06 41"), "{kind:?}: {text}");
        assert!(text.contains("Skyddad person") && text.contains("Kontakta via Åsa Öberg"), "{kind:?}: {text}");

        // The kit: the same.
        let home_id = home.to_string();
        let fields = [
            ("units", home_id.as_str()),
            ("passphrase", PASS),
            ("passphrase2", PASS),
            ("max_age_days", "30"),
            ("recipients", "Åsa Öberg\nBo Öppen"),
        ];
        let (_, html) = crate::harness::make_kit(&admin, &fields).await;
        let kit = beredd::services::continuity::kit::open(&html, PASS).unwrap();
        let kit = kit.to_string();
        assert!(kit.contains("Bo Öppen") && kit.contains("Skyddad person"), "{kit}");
        assert!(!kit.contains("Kim") && !kit.contains("06 41"), "{kit}");

        // The Excel list of people leaves Kim out, even for the administrator.
        let (status, _, bytes) = get_bytes(&admin, "/people/export").await;
        assert_eq!(status, StatusCode::OK);
        let rows = xlsx_rows(bytes);
        assert!(rows.iter().any(|r| r[0] == "Bo Öppen"), "{rows:?}");
        assert!(!rows.iter().flatten().any(|c| c.contains("Kim") || c.contains("Skyddad")), "{rows:?}");

        // The API leaves Kim out.
        let r = admin.post("/api-tokens", &[("name", "HR-synk"), ("access", "read"), ("areas", "organisation")]).await;
        let token = texts(&r.body, "#new-token code")[0].clone();
        let resp = app.client().get(format!("{}/api/v1/people", app.base)).bearer_auth(&token).send().await.unwrap();
        let people: serde_json::Value = resp.json().await.unwrap();
        let names: Vec<&str> = people.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert!(names.contains(&"Bo Öppen") && !names.contains(&"Kim Skyddad"), "{names:?}");

        // Seen by the administrator and the manager of Kim's unit; not by another unit's manager
        // or the crisis staff, who see "Skyddad person" and no number.
        for (who, sees) in [("admin", true), ("chef", true), ("annan", false), ("stab", false)] {
            let s = app.login(who).await;
            let page = s.get(&format!("/people/{kim}")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert_eq!(page.body.contains("Kim Skyddad"), sees, "{kind:?} {who}");
            assert_eq!(page.body.contains("070-174 06 41"), sees, "{kind:?} {who}");
            assert!(!page.body.contains("070-999 88 77") || sees, "{kind:?} {who}");
            let list = s.get("/people").await.body;
            assert_eq!(list.contains("Kim Skyddad"), sees, "{kind:?} {who}");
            assert!(sees || list.contains("Skyddad person"), "{kind:?} {who}");
        }

        // Only an administrator or coordinator marks or unmarks; a unit manager of Kim's unit may not.
        let chef = app.login("chef").await;
        assert_eq!(chef.post(&format!("/people/{kim}/unprotect"), &[]).await.status, StatusCode::FORBIDDEN);
        assert!(!chef.get(&format!("/people/{kim}")).await.body.contains(&format!("/people/{kim}/unprotect")));
        // An edit of the person (here by the manager) keeps the mark, and so does an import.
        let fields = [
            ("name", "Kim Skyddad"),
            ("kind", "staff"),
            ("unit", &home.to_string()),
            ("work_phone", "070-174 06 43"),
            ("employee_number", "K-1"),
        ];
        assert_eq!(chef.post(&format!("/people/{kim}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        let csv = "Anställningsnummer,Namn,Titel,Enhet,Arbetstelefon\nK-1,Kim Skyddad,Undersköterska,Björkgårdens äldreboende,070-174 06 44\n";
        let r = crate::harness::upload(&admin, "/people/import", "personal.csv", csv.as_bytes().to_vec()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = admin.post(r.location.as_deref().unwrap(), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let mut conn = app.db.pool.acquire().await.unwrap();
        let stored = beredd::store::people::get(&mut *conn, app.org, kim.parse().unwrap()).await.unwrap().unwrap();
        assert!(stored.protected.get(), "{kind:?}: an edit and an import keep the mark");
        assert_eq!(stored.work_phone.as_deref(), Some("070-174 06 44"), "{kind:?}: the import did change the number");

        // Marking is in the audit trail.
        let audit = admin.get("/audit").await.body;
        assert!(audit.contains("Markerade skyddade personuppgifter"), "{kind:?}");
        let r = admin.post(&format!("/people/{kim}/unprotect"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(app.login("annan").await.get(&format!("/people/{kim}")).await.body.contains("Kim Skyddad"));
    }
}

/// Starts an incident for `unit` with an entry naming a client, a roster phone number and a
/// person reached, closes it and moves its closing back to `closed_at`. Returns its id.
async fn closed_incident(app: &TestApp, s: &Session, unit: i64, person: &str, closed_at: &str) -> String {
    let id = crate::crisis::start(s, unit).await;
    let r = s
        .post(
            &format!("/incidents/{id}/log"),
            &[("kind", "event"), ("text", "Ringde brukaren Karin Ek på Björkgården.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .post(
            &format!("/incidents/{id}/roster"),
            &[("role", "crisis_leader"), ("name", "Eva Ström"), ("phone", "070-555 44 33")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s.post(&format!("/incidents/{id}/staff/{person}"), &[("reached", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(s.post(&format!("/incidents/{id}/close"), &[]).await.status, StatusCode::SEE_OTHER);
    sqlx::query("UPDATE incidents SET closed_at = $1 WHERE id = $2")
        .bind(closed_at)
        .bind(id.parse::<i64>().unwrap())
        .execute(&app.db.pool)
        .await
        .unwrap();
    id
}

async fn verdict(app: &TestApp, id: &str) -> beredd::store::incidents::Verdict {
    let mut conn = app.db.pool.acquire().await.unwrap();
    beredd::store::incidents::verify(&mut conn, app.org, id.parse().unwrap()).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_closed_incident_is_thinned_after_the_months_and_its_log_still_verifies() {
    use beredd::store::incidents::Verdict;
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("ciso", Role::Coordinator, &[]).await;
        app.add_user("chef", Role::UnitManager, &[]).await;
        let admin = app.login("admin").await;
        let (_, home, manager) = crate::harness::care_home(&app, &admin).await;
        let old = closed_incident(&app, &admin, home, &manager, "2024-06-01T10:00:00Z").await;
        let recent = closed_incident(&app, &admin, home, &manager, "2026-10-01T10:00:00Z").await;
        let open = crate::crisis::start(&admin, home).await;
        sqlx::query("UPDATE incidents SET started_at = '2023-01-01T10:00:00Z' WHERE id = $1")
            .bind(open.parse::<i64>().unwrap())
            .execute(&app.db.pool)
            .await
            .unwrap();

        // Roles: the coordinator sees what would be thinned, only the administrator thins;
        // a unit manager sees nothing.
        let chef = app.login("chef").await;
        assert_eq!(chef.get("/governance/retention").await.status, StatusCode::FORBIDDEN);
        let ciso = app.login("ciso").await;
        let page = ciso.get("/governance/retention").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "tbody td a"), ["IT-systemen är utslagna"], "only the old one is due");
        assert_eq!(ciso.post("/governance/retention/apply", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            ciso.post("/governance/retention", &[("retention_months", "12")]).await.status,
            StatusCode::FORBIDDEN
        );

        // Without a decision nothing is thinned, and the message names the field.
        let r = admin.post("/governance/retention/apply", &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(errors[0].starts_with("Beslut om gallring"), "{errors:?}");
        // Bad input names the field.
        let r = admin
            .post("/governance/retention", &[("retention_months", "0"), ("retention_decision", "KS 2026/12")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Gallra efter (månader)"), "{}", r.body);
        let r = admin
            .post("/governance/retention", &[("retention_months", "24"), ("retention_decision", "KS 2026/12")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let r = admin.post("/governance/retention/apply", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = admin.get(r.location.as_deref().unwrap()).await.body;
        assert!(page.contains("loggposter gallrades"), "{page}");

        // The old log: every text replaced by the marker, the chain intact.
        let log = admin.get(&format!("/incidents/{old}/log")).await.body;
        assert!(!log.contains("Karin Ek") && !log.contains("Åsa Öberg nådd"), "{kind:?}");
        assert!(log.contains("Gallrad 2026-11-24 enligt beslut KS 2026/12"), "{kind:?}");
        let v = verdict(&app, &old).await;
        assert!(
            matches!(v, Verdict::Intact { thinned, entries } if thinned == entries && entries > 2),
            "{kind:?}: {v:?}"
        );
        assert!(log.contains("gallrade"), "the log page says the thinned entries were checked");
        let roster = admin.get(&format!("/incidents/{old}/roster")).await.body;
        assert!(!roster.contains("070-555 44 33"), "{kind:?}");
        // The recent and the open ones are untouched.
        assert!(admin.get(&format!("/incidents/{recent}/log")).await.body.contains("Karin Ek"));
        assert!(matches!(verdict(&app, &recent).await, Verdict::Intact { thinned: 0, .. }));
        assert!(matches!(verdict(&app, &open).await, Verdict::Intact { thinned: 0, .. }));
        // In the audit trail, with how many entries.
        let audit = admin.get("/audit").await.body;
        assert!(audit.contains("Gallrade"), "{kind:?}");

        // Altering a thinned entry, or its marker's hash, breaks the chain.
        let old_id: i64 = old.parse().unwrap();
        sqlx::query("UPDATE incident_log SET text = 'Gallrad 2026-11-24 enligt beslut KS 2099/1' WHERE incident_id = $1 AND seq = 2")
            .bind(old_id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(verdict(&app, &old).await, Verdict::Broken(beredd_domain::incident::Break::Changed { seq: 2 }));
        sqlx::query("UPDATE incident_log SET text = 'Gallrad 2026-11-24 enligt beslut KS 2026/12', thinned_hash = $1 WHERE incident_id = $2 AND seq = 2")
            .bind("0".repeat(64))
            .bind(old_id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(verdict(&app, &old).await, Verdict::Broken(beredd_domain::incident::Break::Changed { seq: 2 }));
    }
}

#[tokio::test]
async fn the_kits_impact_assessment_lists_recipients_and_the_kits_to_replace_when_one_leaves() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("chef", Role::UnitManager, &[]).await;
        let admin = app.login("admin").await;
        let (_, home, _) = crate::harness::care_home(&app, &admin).await;
        let bo = id_of(
            &admin.post("/people/new", &[("name", "Bo Öppen"), ("kind", "staff"), ("unit", &home.to_string())]).await,
        );
        let fields = [
            ("units", home.to_string()),
            ("passphrase", PASS.to_owned()),
            ("passphrase2", PASS.to_owned()),
            ("max_age_days", "30".to_owned()),
            ("recipients", "Åsa Öberg\nBo Öppen".to_owned()),
        ];
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        crate::harness::make_kit(&admin, &pairs).await;

        assert_eq!(app.login("chef").await.get("/governance/kit-dpia").await.status, StatusCode::FORBIDDEN);
        let page = admin.get("/governance/kit-dpia").await.body;
        assert_eq!(texts(&page, "tbody td")[3], "Åsa Öberg, Bo Öppen");
        assert_eq!(texts(&page, "tbody td")[4], "Aktuell");
        assert!(texts(&page, "#kit-alert").is_empty());

        // Bo leaves: the page says to change the passphrase and marks the kit to be replaced.
        assert_eq!(admin.post(&format!("/people/{bo}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        let page = admin.get("/governance/kit-dpia").await.body;
        assert!(texts(&page, "#kit-alert")[0].starts_with("Bo Öppen fick en digital krispärm"), "{page}");
        assert_eq!(texts(&page, "tbody td")[4], "Ska ersättas");

        // A date in the future, or none, is refused naming the field.
        let r = admin.post("/governance/kit-dpia/passphrase", &[("changed_on", "2027-01-01")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Lösenfrasen byttes den"), "{}", r.body);
        let r = admin.post("/governance/kit-dpia/passphrase", &[("changed_on", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = admin.post("/governance/kit-dpia/passphrase", &[("changed_on", "2026-11-24")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = admin.get("/governance/kit-dpia").await.body;
        assert!(texts(&page, "#kit-alert").is_empty(), "the change is confirmed");
        assert!(page.contains("Lösenfrasen byttes senast 2026-11-24"));

        // Beredd's own entry in the register says how long and what about protected people.
        let register = admin.get("/governance/processing").await.body;
        assert!(register.contains("24 månader") && register.contains("skyddade personuppgifter"), "{kind:?}");
    }
}
