//! The plan editor as an office user meets it: the form in parts, each routine's steps as rows
//! of who and what that are moved, added and removed without saving, the call list and the
//! contacts as rows with people picked from the registers, a fill from the staff register that
//! says what it did, and errors that name the list, the row and the field.

use reqwest::StatusCode;

use super::{edit_fields, form_fields, post_fields, set};
use crate::harness::{Session, TestApp, id_of, kinds, texts};

fn value(fields: &[(String, String)], name: &str) -> String {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no field {name}"))
}

/// Posts the form with a button pressed; the form comes back changed and nothing is stored.
async fn press(s: &Session, plan: &str, fields: &[(String, String)], op: &str) -> (String, Vec<(String, String)>) {
    let mut fields = fields.to_vec();
    set(&mut fields, "op", op);
    let r = post_fields(s, &format!("/plans/{plan}/edit"), &fields).await;
    assert_eq!(r.status, StatusCode::OK, "{op}: {:?}", texts(&r.body, ".error-summary li"));
    let shown = form_fields(&r.body);
    (r.body, shown)
}

async fn stored(app: &TestApp, plan: &str) -> beredd_domain::plan::PlanContent {
    beredd::store::plans::versions(&app.db.pool, app.org, plan.parse().unwrap()).await.unwrap()[0].content().unwrap()
}

fn has(html: &str, selector: &str) -> bool {
    scraper::Html::parse_document(html).select(&scraper::Selector::parse(selector).unwrap()).next().is_some()
}

#[tokio::test]
async fn a_plan_is_edited_as_rows_that_are_moved_added_removed_and_picked_from_the_registers() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (_, home, manager) = crate::harness::care_home(&app, &s).await;
        let other = app.add_unit("Hemtjänst Söder", None).await;
        sqlx::query("UPDATE units SET staff_count = 12, manager_id = $1 WHERE id = $2")
            .bind(manager.parse::<i64>().unwrap())
            .bind(home)
            .execute(&app.db.pool)
            .await
            .unwrap();
        beredd::store::versions::bump(&app.db.pool, app.org).await.unwrap();
        for (name, unit, phone) in [
            ("Bo Ärlig", home, Some("070-174 06 41")),
            ("Cecilia Utan", home, None),
            ("Dana Vik", other, Some("070-174 06 43")),
        ] {
            let mut f = vec![("name", name), ("kind", "staff"), ("title", "Undersköterska")];
            let unit = unit.to_string();
            f.push(("unit", &unit));
            if let Some(p) = phone {
                f.push(("work_phone", p));
            }
            assert_eq!(s.post("/people/new", &f).await.status, StatusCode::SEE_OTHER);
        }
        s.post(
            "/activities/new",
            &[("name", "Omvårdnad dygnet runt"), ("unit", &home.to_string()), ("criticality", "akut")],
        )
        .await;
        let plan = id_of(
            &s.post(
                "/plans/new",
                &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
            )
            .await,
        );
        let before = stored(&app, &plan).await;
        let page = s.get(&format!("/plans/{plan}/edit")).await.body;

        // The page: its parts linked at the top, each routine folded, rows instead of coded text.
        assert_eq!(
            texts(&page, "nav.plan-sections a"),
            [
                "Om planen",
                "Ledning under avbrott",
                "Reservrutiner (1)",
                "Ringlista (2)",
                "Externa kontakter (6)",
                "Upplysningstelefon för allmänheten",
                "Kommunikation",
                "Checklistor (5)"
            ],
            "{kind:?}"
        );
        assert!(!page.contains(" | "), "no pipe-separated text");
        assert!(has(&page, "details#r0:not([open])"), "a routine is folded until opened");
        assert_eq!(texts(&page, "details#r0 > summary"), ["Reservrutin: Omvårdnad dygnet runt 7 steg"]);
        let fields = edit_fields(&s, &plan).await;
        assert_eq!(value(&fields, "call0_name"), "Åsa Öberg");
        assert_eq!(value(&fields, "call1_phone"), "070-174 06 41");
        assert_eq!(value(&fields, "r0_s0_role"), "Enhetschef");
        assert!(
            value(&fields, "r0_s0_text").starts_with("beslutar om övergång till reservrutin"),
            "the role is a field of its own"
        );
        assert_eq!(
            texts(&page, "label[for=r0_s1_text]"),
            ["Steg 2: Vad som görs"],
            "each field is labelled with its row"
        );

        // Moving a step up shows the form again with the steps swapped, the routine open and the
        // moved step's button focused; nothing is stored.
        let (body, moved) = press(&s, &plan, &fields, "steps0:up:1").await;
        assert_eq!(value(&moved, "r0_s0_text"), value(&fields, "r0_s1_text"));
        assert_eq!(value(&moved, "r0_s1_text"), value(&fields, "r0_s0_text"));
        assert!(has(&body, "details#r0[open]") && has(&body, "#r0_s0-down[autofocus]"), "{kind:?}");
        assert_eq!(stored(&app, &plan).await, before, "a button saves nothing");
        // Down, remove and add.
        let (_, down) = press(&s, &plan, &moved, "steps0:down:0").await;
        assert_eq!(value(&down, "r0_s0_text"), value(&fields, "r0_s0_text"));
        let (_, removed) = press(&s, &plan, &down, "steps0:remove:6").await;
        assert_eq!(value(&removed, "r0_steps_n"), "6");
        let (body, added) = press(&s, &plan, &removed, "steps0:add").await;
        assert_eq!(value(&added, "r0_steps_n"), "7");
        assert!(has(&body, "#r0_s6_role[autofocus]"), "the new step gets the focus");
        // Saving keeps the order shown, a step's role and text as one line.
        let mut edited = moved.clone();
        set(&mut edited, "r0_s1_role", "Sjuksköterska");
        set(&mut edited, "r0_s1_text", "ringer läkaren.");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &edited).await.status, StatusCode::SEE_OTHER);
        let after = stored(&app, &plan).await;
        assert_eq!(after.routines[0].steps[0], before.routines[0].steps[1]);
        assert_eq!(after.routines[0].steps[1], "Sjuksköterska: ringer läkaren.");
        assert_eq!(after.routines[0].steps.len(), before.routines[0].steps.len());

        // The call list: a person picked from the register fills in name, role and phone; the
        // picker offers the plan's unit first and only people with a phone number.
        let fields = edit_fields(&s, &plan).await;
        let page = s.get(&format!("/plans/{plan}/edit")).await.body;
        let groups: Vec<String> = scraper::Html::parse_document(&page)
            .select(&scraper::Selector::parse("#call_person optgroup").unwrap())
            .map(|g| g.value().attr("label").unwrap_or("").to_owned())
            .collect();
        assert_eq!(groups, ["Björkgårdens äldreboende", "Hemtjänst Söder"]);
        let options = texts(&page, "#call_person option");
        assert!(options.contains(&"Dana Vik, Undersköterska, 070-174 06 43".to_owned()), "{options:?}");
        assert!(!options.iter().any(|o| o.contains("Cecilia")), "no one without a phone number");
        let dana: (i64,) =
            sqlx::query_as("SELECT id FROM people WHERE name = 'Dana Vik'").fetch_one(&app.db.pool).await.unwrap();
        let mut picking = fields.clone();
        set(&mut picking, "call_person", &dana.0.to_string());
        let (body, picked) = press(&s, &plan, &picking, "calls:pick").await;
        assert_eq!(
            (value(&picked, "call2_name"), value(&picked, "call2_role"), value(&picked, "call2_phone")),
            ("Dana Vik".into(), "Undersköterska".into(), "070-174 06 43".into())
        );
        assert!(has(&body, "#call2_name[autofocus]"));
        // Someone not in the register is typed in; an empty row is left out.
        let (_, typed) = press(&s, &plan, &picked, "calls:add").await;
        let (_, mut typed) = press(&s, &plan, &typed, "calls:add").await;
        set(&mut typed, "call3_name", "Vikarie Vera");
        set(&mut typed, "call3_phone", "070-174 06 99");
        // Errors name the list, the row and the field, and keep what was typed.
        let mut wrong = typed.clone();
        set(&mut wrong, "call3_phone", "");
        set(&mut wrong, "r0_s2_text", "");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &wrong).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            texts(&r.body, ".error-summary li"),
            [
                "Omvårdnad dygnet runt (Steg för steg), steg 3, vad som görs: Fyll i fältet.",
                "Ringlista, person 4, telefon: Ange ett telefonnummer med siffror, till exempel 070-174 06 05."
            ],
            "{kind:?}"
        );
        assert!(r.body.contains("value=\"Vikarie Vera\""));
        assert!(has(&r.body, "details#r0[open]"), "a routine with an error is open");
        assert_eq!(post_fields(&s, &format!("/plans/{plan}/edit"), &typed).await.status, StatusCode::SEE_OTHER);
        let names: Vec<String> = stored(&app, &plan).await.call_list.into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["Åsa Öberg", "Bo Ärlig", "Dana Vik", "Vikarie Vera"]);

        // Filling the call list from the register says what it did: the register gives the
        // manager and Bo, fewer than the unit's twelve, and Cecilia has no phone number.
        let fields = edit_fields(&s, &plan).await;
        let (body, filled) = press(&s, &plan, &fields, "calls:fill").await;
        assert_eq!(
            texts(&body, "#calls-notice"),
            ["Ringlistan är ersatt med 2 personer ur personalregistret, ordnade som ett ringträd. Granska listan och \
              spara utkastet; ingenting är sparat ännu. Enheterna har 12 medarbetare enligt enhetsregistret, men bara 2 \
              av dem finns i personalregistret med telefonnummer. Lägg in resten under Personer och kontakter, eller \
              skriv in dem här. En person i personalregistret saknar telefonnummer och kom inte med."]
        );
        assert_eq!(value(&filled, "calls_n"), "2");
        let (body, _) = press(&s, &plan, &filled, "calls:fill").await;
        assert!(
            texts(&body, "#calls-notice")[0]
                .starts_with("Ringlistan är redan densamma som personalregistret ger: 2 personer. Ingenting ändrades."),
            "{:?}",
            texts(&body, "#calls-notice")
        );
        // A unit with no staff in the register leaves the list as it was.
        let mut elsewhere: Vec<(String, String)> = fields.iter().filter(|(k, _)| k != "units").cloned().collect();
        let lonely = app.add_unit("Tom enhet", None).await;
        elsewhere.push(("units".into(), lonely.to_string()));
        let (body, kept) = press(&s, &plan, &elsewhere, "calls:fill").await;
        assert!(texts(&body, "#calls-notice")[0].starts_with("Personalregistret har ingen med telefonnummer"));
        assert_eq!(value(&kept, "calls_n"), "4", "nothing is emptied");

        // A form from before the rows, or one saying it has more rows than the editor takes, is
        // refused with a message and nothing is stored.
        let saved = stored(&app, &plan).await;
        let mut old = fields.clone();
        old.retain(|(k, _)| k != "calls_n");
        old.push(("call_list".into(), "Åsa Öberg | Enhetschef | 070-174 06 40".into()));
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &old).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Sidan kommer från en äldre version av Beredd"));
        let mut forged = fields.clone();
        set(&mut forged, "calls_n", "100000");
        set(&mut forged, "r0_steps_n", "5000");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &forged).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(
            errors[0]
                .starts_with("Formuläret säger att en reservrutin har 5000 steg, men redigeraren tar emot högst 100."),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with(
                "Formuläret säger att ringlistan har 100000 personer, men redigeraren tar emot högst 500."
            ),
            "{errors:?}"
        );
        assert_eq!(stored(&app, &plan).await, saved);
    }
}
