//! A plan with many routines and checklists is edited whole: the editor used to show and read
//! back only the first 60 and drop the rest on saving, without a word (security review F11).

use beredd_domain::plan::{Checklist, RoutinePlan};
use reqwest::StatusCode;

use super::{edit_fields, post_fields, set};
use crate::harness::{TestApp, care_home, id_of, kinds, texts};

/// A fallback routine as long as a real one: eight steps in plain Swedish.
fn routine(n: usize) -> RoutinePlan {
    RoutinePlan {
        activity_id: None,
        activity: format!("Verksamhet {n}"),
        trigger: format!("Verksamhetssystemet för verksamhet {n} går inte att nå på över en timme."),
        steps: (1..=8)
            .map(|s| format!("Enhetschef: steg {s} för verksamhet {n} – skriv på pappersblanketten och ring vården"))
            .collect(),
        resources: vec!["Pappersblanketter i pärmen".into(), "Telefonlista".into()],
        switch_back: "När systemet fungerar igen förs pappren in av den som skrev dem, samma dag.".into(),
        reentry: vec!["Genomförda besök".into(), "Läkemedelshändelser".into()],
    }
}

async fn content(app: &TestApp, plan: i64) -> beredd_domain::plan::PlanContent {
    let versions = beredd::store::plans::versions(&app.db.pool, app.org, plan).await.unwrap();
    versions[0].content().unwrap()
}

#[tokio::test]
async fn a_plan_with_more_than_sixty_routines_is_edited_whole_and_a_larger_count_is_refused() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let (_, home, _) = care_home(&app, &s).await;
        let r = s
            .post(
                "/plans/new",
                &[("name", "Plan för Björkgården"), ("template", "sarskilt-boende"), ("units", &home.to_string())],
            )
            .await;
        let plan: i64 = id_of(&r).parse().unwrap();
        // A draft as the builder makes for a large organisation: 65 routines, 62 checklists.
        let mut c = content(&app, plan).await;
        c.routines = (1..=65).map(routine).collect();
        c.checklists = (1..=62)
            .map(|n| Checklist {
                title: format!("Checklista {n}"),
                items: vec!["Punkt ett".into(), "Punkt två".into()],
            })
            .collect();
        let mut conn = app.db.pool.acquire().await.unwrap();
        beredd::store::plans::save_draft(&mut conn, app.org, plan, &c, None, "test").await.unwrap();
        drop(conn);

        // Every stored routine and checklist is in the form, with one empty block after each list.
        let page = s.get(&format!("/plans/{plan}/edit")).await.body;
        let legends = texts(&page, "fieldset.block legend");
        assert_eq!(legends.iter().filter(|l| l.starts_with("Reservrutin: Verksamhet")).count(), 65, "{kind:?}");
        assert!(legends.contains(&"Reservrutin: Verksamhet 65".to_owned()));
        assert!(legends.contains(&"Checklista 62".to_owned()));
        let fields = edit_fields(&s, &plan.to_string()).await;
        let value = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        assert_eq!(value("routines").as_deref(), Some("66"));
        assert_eq!(value("checklists").as_deref(), Some("63"));

        // Saved back as the browser sends it: all kept, and a change to the last routine lands.
        let mut fields = fields.clone();
        set(&mut fields, "r64_trigger", "Ändrad: systemet har varit nere i två timmar.");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {:?}", texts(&r.body, ".error-summary li"));
        let saved = content(&app, plan).await;
        assert_eq!((saved.routines.len(), saved.checklists.len()), (65, 62), "{kind:?}: nothing dropped");
        assert_eq!(saved.routines[64].trigger, "Ändrad: systemet har varit nere i två timmar.");
        assert_eq!(saved.routines[64].steps, routine(65).steps);

        // A form that says it holds more than the editor takes is refused with a message, and
        // nothing is stored; what it holds is shown again up to the limit.
        let mut forged = fields.clone();
        set(&mut forged, "routines", "5000");
        set(&mut forged, "checklists", "101");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &forged).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        let errors = texts(&r.body, ".error-summary li");
        assert_eq!(
            errors,
            [
                "Formuläret säger att planen har 5000 reservrutiner, men redigeraren tar emot högst 200. Ingenting \
                 sparades. Dela upp planen i flera planer, eller ladda om sidan om formuläret har ändrats.",
                "Formuläret säger att planen har 101 checklistor, men redigeraren tar emot högst 100. Ingenting \
                 sparades. Dela upp planen i flera planer, eller ladda om sidan om formuläret har ändrats."
            ],
            "{kind:?}"
        );
        assert_eq!(texts(&r.body, "fieldset.block legend").iter().filter(|l| l.starts_with("Reservrutin")).count(), 65);
        let unchanged = content(&app, plan).await;
        assert_eq!(unchanged.routines.len(), 65);

        // A plan that already holds more than the usual limit keeps all of them too, though its
        // form is larger than the 256 kB a form could be before.
        let mut c = content(&app, plan).await;
        c.routines = (1..=230).map(routine).collect();
        let mut conn = app.db.pool.acquire().await.unwrap();
        beredd::store::plans::save_draft(&mut conn, app.org, plan, &c, None, "test").await.unwrap();
        drop(conn);
        let fields = edit_fields(&s, &plan.to_string()).await;
        assert_eq!(fields.iter().find(|(k, _)| k == "routines").map(|(_, v)| v.as_str()), Some("231"));
        let sent = form_urlencoded::Serializer::new(String::new()).extend_pairs(&fields).finish().len();
        assert!(sent > 256 * 1024, "{sent} bytes");
        let r = post_fields(&s, &format!("/plans/{plan}/edit"), &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {:?}", texts(&r.body, ".error-summary li"));
        assert_eq!(content(&app, plan).await.routines.len(), 230, "{kind:?}");
    }
}
