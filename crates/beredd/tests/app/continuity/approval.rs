//! Approving a plan: a page that asks first and names the approving manager, a person of the
//! register (by default the manager of the plan's unit, or of the nearest unit above it that has
//! one), kept with the version, shown on the plan page, printed in the binder and written to the
//! audit trail; the print button leads until the approved version is printed.

use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{Session, TestApp, care_home, id_of, kinds, pdf_text, seen_on_plan_page, texts, texts_attr};

/// A care home whose manager post is empty, under a department whose head is `head`; a complete
/// draft for it. Returns (plan, head, the member of staff at the home, an outside contact).
async fn draft_under_a_head(app: &TestApp, s: &Session) -> (String, String, String, String) {
    let (top, home, staff) = care_home(app, s).await;
    let person = |name: &'static str, title: &'static str, unit: i64| {
        let unit = unit.to_string();
        async move {
            let fields = [
                ("name", name),
                ("kind", "staff"),
                ("title", title),
                ("unit", unit.as_str()),
                ("work_phone", "070-174 06 50"),
            ];
            id_of(&s.post("/people/new", &fields).await)
        }
    };
    let head = person("Göran Ståhlberg", "Socialchef", top).await;
    let r = s
        .post(
            &format!("/units/{top}/edit"),
            &[("name", "Socialförvaltningen"), ("kind", "forvaltning"), ("manager", &head)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let outside = id_of(
        &s.post(
            "/people/new",
            &[("name", "Kommunpolisen"), ("kind", "external"), ("organisation", "Polisen"), ("work_phone", "114 14")],
        )
        .await,
    );
    s.post(
        "/activities/new",
        &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "akut")],
    )
    .await;
    let home = home.to_string();
    let plan = id_of(
        &s.post("/plans/new", &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home)])
            .await,
    );
    let mut fields = edit_fields(s, &plan).await;
    set(&mut fields, "lead", "Åsa Öberg leder arbetet.");
    set(&mut fields, super::HOTLINE.0, super::HOTLINE.1);
    assert_eq!(post_fields(s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
    (plan, head, staff, outside)
}

async fn status_of(app: &TestApp, plan: &str) -> String {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM plan_versions WHERE plan_id = $1 AND number = 1")
        .bind(plan.parse::<i64>().unwrap())
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    status
}

#[tokio::test]
async fn approving_asks_first_and_names_the_manager_from_the_register() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (plan, head, staff, outside) = draft_under_a_head(&app, &s).await;

        // The plan page's button only leads to the question, a link carrying what was read.
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(
            texts_attr(&page, "form", "action").iter().all(|a| !a.ends_with("/approve")),
            "no approval from the plan page"
        );
        let seen = seen_on_plan_page(&s, &plan).await;
        assert_eq!(texts_attr(&page, "a#approve", "href"), [format!("/plans/{plan}/approve?version=1&seen={seen}")]);
        let asked = s.get(&format!("/plans/{plan}/approve?version=1&seen={seen}")).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert_eq!(status_of(&app, &plan).await, "draft", "asking approves nothing");
        assert_eq!(texts(&asked.body, "h1"), ["Godkänn Plan för Björkgården, version 1"]);
        // The home has no manager: the head of the department above is proposed.
        assert_eq!(texts_attr(&asked.body, "#approver option[selected]", "value"), std::slice::from_ref(&head));
        let offered = texts_attr(&asked.body, "#approver option", "value");
        assert!(offered.contains(&staff) && !offered.contains(&outside), "{offered:?}");
        assert_eq!(texts(&asked.body, "form#approve button"), ["Godkänn version 1"]);
        assert_eq!(texts_attr(&asked.body, "form#approve a", "href"), [format!("/plans/{plan}")], "a way back");

        // No one, or an outside contact, is refused with the field named; nothing is approved.
        for who in ["", outside.as_str(), "999999"] {
            let r = s
                .post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("seen", &seen), ("approver", who)])
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{who}");
            assert_eq!(
                texts(&r.body, ".error-summary li"),
                ["Välj den chef som godkänner planen, ur personregistret."]
            );
            assert_eq!(texts_attr(&r.body, ".error-summary a", "href"), ["#approver"]);
            assert_eq!(texts_attr(&r.body, "#approver", "aria-invalid"), ["true"]);
        }
        assert_eq!(status_of(&app, &plan).await, "draft");

        let r =
            s.post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("seen", &seen), ("approver", &head)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (by, approver, recorded): (Option<String>, Option<i64>, Option<String>) = sqlx::query_as(
            "SELECT approved_by, approver_id, approval_recorded_by FROM plan_versions WHERE plan_id = $1 AND number = 1",
        )
        .bind(plan.parse::<i64>().unwrap())
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        let (admin,): (String,) = sqlx::query_as("SELECT display_name FROM users WHERE username = 'admin'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            (by.as_deref(), approver, recorded.as_deref()),
            (Some("Göran Ståhlberg"), head.parse().ok(), Some(admin.as_str()))
        );

        // The plan page names the manager, linked to the register, and who recorded it; printing leads.
        let page = s.get(&format!("/plans/{plan}?msg=approved")).await.body;
        let shown = texts(&page, "#approver").remove(0);
        assert!(
            shown.starts_with("Göran Ståhlberg, ") && shown.ends_with(&format!("(registrerat av {admin})")),
            "{shown}"
        );
        assert_eq!(texts_attr(&page, "#approver a", "href"), [format!("/people/{head}")]);
        assert_eq!(texts(&page, ".page-head .actions .primary"), ["Skriv ut planen (PDF)"]);

        // The binder prints the manager with the approval.
        let resp = s
            .client
            .post(format!("{}/binder", s.base))
            .form(&[("_csrf", s.csrf.as_str()), ("plan", plan.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let text = pdf_text(&resp.bytes().await.unwrap());
        assert!(text.contains("Göran Ståhlberg"), "{text}");
        // Printed: the next draft leads again.
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert_eq!(texts(&page, ".page-head .actions .primary"), ["Börja ett nytt utkast"]);

        // The audit trail names the manager.
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("plan".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        let approved = trail.iter().find(|e| e.action == "approve").expect("an approval in the trail");
        assert!(approved.summary.contains("Göran Ståhlberg"), "{}", approved.summary);
    }
}

#[tokio::test]
async fn only_those_who_may_change_a_plan_are_asked_and_a_changed_draft_is_not_approved_unseen() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (plan, head, _, _) = draft_under_a_head(&app, &s).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/plans/{plan}/approve")).await.status, StatusCode::FORBIDDEN);
        let r = reader.post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("approver", &head)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        // What was read is carried to the question; a draft saved since is said to have changed,
        // and nothing can be approved from it.
        let seen = seen_on_plan_page(&s, &plan).await;
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "lead", "Göran Ståhlberg leder arbetet.");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        let asked = s.get(&format!("/plans/{plan}/approve?version=1&seen={seen}")).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert!(texts(&asked.body, "p.warning").iter().any(|w| w.contains("har ändrats eller redan godkänts")));
        assert!(texts(&asked.body, "form#approve").is_empty(), "no approval from a stale page");
        let r =
            s.post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("seen", &seen), ("approver", &head)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(status_of(&app, &plan).await, "draft");
        // Opened afresh, it asks again.
        let asked = s.get(&format!("/plans/{plan}/approve")).await;
        assert_eq!(texts(&asked.body, "form#approve button"), ["Godkänn version 1"]);
    }
}

#[tokio::test]
async fn a_draft_without_the_hotline_number_is_not_complete_and_says_the_number_is_missing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (plan, head, _, _) = draft_under_a_head(&app, &s).await;
        // The number is emptied, as the template leaves it; everything else is filled in.
        let mut fields = edit_fields(&s, &plan).await;
        set(&mut fields, "hotline_number", "");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(!page.contains("Utkastet är komplett"), "{kind:?}: not complete without the number");
        assert_eq!(texts(&page, "ul.gap li"), ["Upplysningstelefonen har inget telefonnummer."], "{kind:?}");
        assert!(texts_attr(&page, "a#approve", "href").is_empty(), "no approval offered");
        // Posted anyway, the approval is refused with the same words, and the draft stays one.
        let r = s.post(&format!("/plans/{plan}/approve"), &[("version", "1"), ("approver", &head)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            texts(&r.body, ".error-summary li").iter().any(|e| e == "Upplysningstelefonen har inget telefonnummer."),
            "{:?}",
            texts(&r.body, ".error-summary li")
        );
        assert_eq!(status_of(&app, &plan).await, "draft");
        // With the number the draft is complete.
        super::fill_in(&s, &plan, &[("hotline_number", "0980-319 207")]).await;
        let page = s.get(&format!("/plans/{plan}")).await.body;
        assert!(page.contains("Utkastet är komplett"), "{kind:?}");
        assert!(texts(&page, "ul.gap li").is_empty());
    }
}
