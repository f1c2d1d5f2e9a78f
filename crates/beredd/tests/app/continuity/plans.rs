//! Plan templates and continuity plans: a draft from a template, editing with bad and good input,
//! approval, new versions and the diff, the overdue review, the printed binder and its stale
//! warning, and who may do what.

use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{TestApp, care_home, id_of, kinds, pdf_text, texts};

async fn stored_content(app: &TestApp, plan: &str, number: i64) -> (String, String) {
    sqlx::query_as("SELECT status, content FROM plan_versions WHERE plan_id = $1 AND number = $2")
        .bind(plan.parse::<i64>().unwrap())
        .bind(number)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_plan_is_drafted_from_a_template_edited_approved_revised_compared_and_printed() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (top, home, manager) = care_home(&app, &s).await;
        s.post(
            "/people/new",
            &[
                ("name", "Bo Ärlig"),
                ("kind", "staff"),
                ("title", "Undersköterska"),
                ("unit", &home.to_string()),
                ("work_phone", "070-174 06 41"),
            ],
        )
        .await;
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
        s.post(
            "/activities/new",
            &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "akut")],
        )
        .await;
        s.post("/activities/new", &[("name", "Fotvård"), ("unit", &home.to_string()), ("criticality", "ovrig")]).await;

        // A unit with a critical activity and no plan is on the start page, linked to a new plan for it.
        let attention = texts(&s.get("/").await.body, "ul.attention li");
        assert!(
            attention.iter().any(|a| a.starts_with("Enheter med kritiska verksamheter men utan kontinuitetsplan")
                && a.contains("Björkgårdens äldreboende")),
            "{attention:?}"
        );
        let form = s.get(&format!("/plans/new?unit={home}")).await.body;
        assert!(
            form.contains(&format!("value=\"{home}\" checked"))
                && form.contains("value=\"Kontinuitetsplan Björkgårdens äldreboende\""),
            "the unit and a name are filled in"
        );

        // A new plan with nothing filled in names every field it needs.
        let r = s.post("/plans/new", &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with("Planens namn") && errors[1].starts_with("Mall") && errors[2].starts_with("Enheter"),
            "{errors:?}"
        );

        let r = s
            .post(
                "/plans/new",
                &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let plan = id_of(&r);
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(
            !texts(&s.get("/").await.body, "ul.attention li").iter().any(|a| a.starts_with("Enheter med kritiska")),
            "the unit has a plan now"
        );
        let routines = texts(&page, "section.routine h3");
        assert_eq!(routines, ["Omvårdnad dygnet runt"], "one routine per critical activity, named after it");
        assert!(texts(&page, "ol.steps li").iter().any(|s| s.starts_with("Enhetschef:")), "the template's steps");
        let call = texts(&page, "table tbody tr td");
        assert!(
            call.contains(&"Åsa Öberg".to_owned()) && call.contains(&"070-174 06 41".to_owned()),
            "the manager first, then the staff: {call:?}"
        );
        assert!(page.contains("tel:0701740640"), "phone numbers are tappable");
        // The template leaves the hotline's number to the unit: the one thing the draft lacks.
        assert_eq!(texts(&page, "ul.gap li"), ["Upplysningstelefonen har inget telefonnummer."]);

        // Bad input: the error names the field and the line, and nothing stored changes.
        let before = stored_content(&app, &plan, 1).await;
        let mut fields = edit_fields(&s, &plan).await;
        let value =
            |fields: &[(String, String)], name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        assert_eq!(value(&fields, "call1_name").as_deref(), Some("Bo Ärlig"), "the call list is rows");
        set(&mut fields, "call1_phone", "ring mig");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(
            errors,
            ["Ringlista, person 2, telefon: Ange ett telefonnummer med siffror, till exempel 070-174 06 05."],
            "{kind:?}"
        );
        assert_eq!(
            texts(&r.body, "#call1_phone-error"),
            ["Ange ett telefonnummer med siffror, till exempel 070-174 06 05."]
        );
        assert!(r.body.contains("ring mig"), "what the user typed is kept in the form");
        assert_eq!(stored_content(&app, &plan, 1).await, before);

        // Good input: the draft changes in place; text that looks like markup is kept as typed.
        let odd = "*fet* #eval(\"1+1\") <b>x</b> leder med ÅÄÖ";
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "lead", odd);
        set(&mut fields, "hotline_number", "0980-319 201");
        set(&mut fields, "change_note", "Första utkastet");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (status, content) = stored_content(&app, &plan, 1).await;
        assert_eq!(status, "draft");
        assert!(content.contains("leder med ÅÄÖ"));
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert_eq!(texts(&page, "p.pre").first().map(String::as_str), Some(odd), "shown as typed");
        assert!(!page.contains("<b>x</b>"), "never as markup");

        // Approving needs the version the user saw, and the content: a draft changed in place
        // after the page was read is not approved unseen.
        let seen = crate::harness::seen_on_plan_page(&s, &plan).await;
        // Someone else saves the draft meanwhile (written here straight to the database).
        sqlx::query("UPDATE plan_versions SET content = content || ' ' WHERE plan_id = $1 AND number = 1")
            .bind(plan.parse::<i64>().unwrap())
            .execute(&app.db.pool)
            .await
            .unwrap();
        let r = s.post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("seen", &seen)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("har ändrats eller redan godkänts"));
        let (status, _) = stored_content(&app, &plan, 1).await;
        assert_eq!(status, "draft");
        let r = crate::harness::approve(&s, &plan, "7").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("har ändrats eller redan godkänts"));
        let r = crate::harness::approve(&s, &plan, "1").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (status, _) = stored_content(&app, &plan, 1).await;
        assert_eq!(status, "approved");
        let today = beredd::platform::clock::today();
        let (due,): (Option<String>,) = sqlx::query_as("SELECT review_due FROM plans WHERE id = $1")
            .bind(plan.parse::<i64>().unwrap())
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            due.as_deref(),
            Some(beredd::services::continuity::plans::one_year_after(today).to_string().as_str()),
            "the next review is a year ahead"
        );
        assert_eq!(
            crate::harness::approve(&s, &plan, "1").await.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing left to approve"
        );

        // The binder of the plan: a real PDF with the plan's text, version and date on it.
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("plan", plan.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        let text = pdf_text(&resp.bytes().await.unwrap());
        for want in [
            "Kontinuitetspärm",
            "Plan för Björkgården",
            "Omvårdnad dygnet runt",
            "Åsa Öberg",
            "version 1",
            &format!("utskriven {today}"),
            odd,
            "Beslutslogg",
            "Samtal till upplysningstelefonen",
        ] {
            assert!(text.contains(want), "{kind:?}: the binder lacks {want:?}:\n{text}");
        }
        // Who to call comes before the routines, in the contents and in the plan itself.
        let at = |heading: &str| text.match_indices(heading).map(|(i, _)| i).collect::<Vec<_>>();
        let (calls, routines) = (at("Ringlista"), at("Reservrutiner"));
        assert!(calls.len() >= 2 && calls.len() == routines.len(), "{kind:?}: {calls:?} {routines:?}");
        assert!(calls.iter().zip(&routines).all(|(c, r)| c < r), "{kind:?}: the call list comes first:\n{text}");
        assert!(
            text.contains("Innehåller personuppgifter och kan innehålla uppgifter"),
            "the call list makes it personal data"
        );
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(!page.contains("Pärmen har version") && !page.contains("Aldrig utskriven"), "the binder is current");

        // Editing an approved plan starts version 2; version 1 stays as approved.
        let v1 = stored_content(&app, &plan, 1).await;
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "lead", "Åsa Öberg leder. Ersättare: sjuksköterskan i tjänst.");
        set(&mut fields, "change_note", "Ny ersättare");
        set(&mut fields, "r1_activity", "Läkemedel på delegering");
        set(&mut fields, "r1_trigger", "Signeringslistan i appen går inte att öppna.");
        set(&mut fields, "r1_steps_n", "2");
        set(&mut fields, "r1_s0_role", "Sjuksköterska");
        set(&mut fields, "r1_s0_text", "skriver ut signeringslistor.");
        set(&mut fields, "r1_s1_role", "Undersköterska");
        set(&mut fields, "r1_s1_text", "signerar på papper.");
        set(&mut fields, "r1_switch_back", "När appen fungerar.");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(stored_content(&app, &plan, 1).await, v1, "an approved version never changes");
        assert_eq!(stored_content(&app, &plan, 2).await.0, "draft");

        // The diff between the versions says what changed, labelled by section.
        let diff = s.get(&format!("/plans/{plan}/diff?from=1&to=2")).await;
        assert_eq!(diff.status, StatusCode::OK);
        let added = texts(&diff.body, "li.diff-added");
        let removed = texts(&diff.body, "li.diff-removed");
        assert!(added.iter().any(|l| l.contains("Ledning: Åsa Öberg leder. Ersättare")), "{added:?}");
        assert!(added.iter().any(|l| l.contains("Reservrutin: Läkemedel på delegering")), "{added:?}");
        assert!(
            added.iter().any(|l| l.contains("Steg: 2. Undersköterska: signerar på papper.")),
            "a step's role and text are stored as one line: {added:?}"
        );
        assert!(removed.iter().any(|l| l.contains("Ledning: *fet*")), "{removed:?}");
        assert!(texts(&diff.body, "#diff-summary")[0].contains("rader tillagda"));
        assert_eq!(s.get(&format!("/plans/{plan}/diff?from=1&to=9")).await.status, StatusCode::NOT_FOUND);

        // Approving version 2 makes the printed binder (version 1) stale, on the plan and the start page.
        assert_eq!(crate::harness::approve(&s, &plan, "2").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(
            texts(&page, "p.warning").iter().any(|w| w.contains("Pärmen har version 1")),
            "{:?}",
            texts(&page, "p.warning")
        );
        let home_page = s.get("/").await.body;
        let attention = texts(&home_page, "ul.attention li");
        assert!(
            attention.iter().any(|a| a.starts_with("Pärmar som är äldre") && a.contains("Plan för Björkgården")),
            "{attention:?}"
        );

        // The binder for the unit's parent holds the plan; printing it clears the warning.
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("unit", &top.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        assert!(
            text.contains("Plan för Björkgården")
                && text.contains("version 2")
                && text.contains("Läkemedel på delegering")
        );
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(!texts(&page, "p.warning").iter().any(|w| w.contains("Pärmen")), "printed: no longer stale");
        let (prints,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM binder_prints").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(prints, 2, "each print is recorded");

        // A review date in the past puts the plan on the start page as overdue.
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "review_due", "2020-01-31");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        let attention = texts(&s.get("/").await.body, "ul.attention li");
        assert!(
            attention
                .iter()
                .any(|a| a.starts_with("Kontinuitetsplaner som skulle ha setts över")
                    && a.contains("Plan för Björkgården")),
            "{attention:?}"
        );
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(texts(&page, "p.warning").iter().any(|w| w.contains("2020-01-31")));

        // Every step is in the audit trail.
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("plan".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["update", "approve", "update", "approve", "update", "create"], "{kind:?}");
    }
}

#[tokio::test]
async fn readers_read_plans_and_unit_managers_change_only_their_own() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let top = app.add_unit("Socialförvaltningen", None).await;
        let mine = app.add_unit("Hemtjänst Norr", Some(top)).await;
        let other = app.add_unit("Hemtjänst Syd", Some(top)).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        app.add_user("chef", beredd_domain::Role::UnitManager, &[mine]).await;
        let admin = app.login("admin").await;
        let theirs = id_of(
            &admin
                .post("/plans/new", &[("name", "Plan Syd"), ("template", "hemtjanst"), ("units", &other.to_string())])
                .await,
        );

        let reader = app.login("lasare").await;
        assert_eq!(reader.get("/plans").await.status, StatusCode::OK);
        assert_eq!(reader.get(&format!("/plans/{theirs}")).await.status, StatusCode::OK);
        assert_eq!(reader.get("/plans/new").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader
                .post("/plans/new", &[("name", "X"), ("template", "hemtjanst"), ("units", &other.to_string())])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(reader.get(&format!("/plans/{theirs}/edit")).await.status, StatusCode::FORBIDDEN);
        assert_eq!(crate::harness::approve(&reader, &theirs, "1").await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&format!("/plans/{theirs}/delete"), &[]).await.status, StatusCode::FORBIDDEN);

        let chef = app.login("chef").await;
        assert_eq!(
            chef.post(
                "/plans/new",
                &[("name", "Plan Syd 2"), ("template", "hemtjanst"), ("units", &other.to_string())]
            )
            .await
            .status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not their unit"
        );
        let own = chef
            .post("/plans/new", &[("name", "Plan Norr"), ("template", "hemtjanst"), ("units", &mine.to_string())])
            .await;
        assert_eq!(own.status, StatusCode::SEE_OTHER, "{}", own.body);
        let own = id_of(&own);
        assert_eq!(chef.get(&format!("/plans/{own}/edit")).await.status, StatusCode::OK);
        assert_eq!(chef.get(&format!("/plans/{theirs}/edit")).await.status, StatusCode::FORBIDDEN);
        assert_eq!(crate::harness::approve(&chef, &theirs, "1").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            chef.post(&format!("/plans/{own}/delete"), &[]).await.status,
            StatusCode::FORBIDDEN,
            "only coordinators delete plans"
        );

        // A draft with an empty call list cannot be approved, and the page says why.
        let r = crate::harness::approve(&chef, &own, "1").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            texts(&r.body, ".error-summary li").iter().any(|e| e == "Ringlistan är tom."),
            "{:?}",
            texts(&r.body, ".error-summary li")
        );
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM plan_versions WHERE status = 'approved'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 0);

        let kept: Vec<(String,)> = sqlx::query_as("SELECT content FROM plan_versions WHERE plan_id = $1")
            .bind(theirs.parse::<i64>().unwrap())
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        let r = admin.post(&format!("/plans/{theirs}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(admin.get(&format!("/plans/{theirs}")).await.status, StatusCode::NOT_FOUND);
        // The audit trail keeps every version it had (security review F10).
        let (before,): (String,) =
            sqlx::query_as("SELECT before_json FROM audit_log WHERE entity = 'plan' AND action = 'delete'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        let before: serde_json::Value = serde_json::from_str(&before).unwrap();
        let versions = before["versions"].as_array().unwrap();
        assert!(!kept.is_empty() && versions.len() == kept.len(), "{kind:?}: {before}");
        for (content,) in &kept {
            assert!(versions.iter().any(|v| v["content"].as_str() == Some(content.as_str())), "{kind:?}");
        }
    }
}

#[tokio::test]
async fn the_continuity_plan_templates_can_be_read_step_by_step() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("lasare").await;
        let list = s.get("/plan-templates").await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(
            texts(&list.body, "ul.template-list h2").len(),
            beredd::content::plan_templates::load().unwrap().len()
        );
        let page = s.get("/plan-templates/ifo-ekonomiskt-bistand").await.body;
        let steps = texts(&page, "ol.steps li");
        assert!(steps.iter().any(|st| st.starts_with("Ekonomihandläggare:") && st.contains("bankdosan")), "{steps:?}");
        assert!(page.contains("Utbetalning av ekonomiskt bistånd"));
        assert!(page.contains("href=\"tel:"), "external numbers can be called from a phone");
        assert_eq!(s.get("/plan-templates/nope").await.status, StatusCode::NOT_FOUND);
    }
}
