//! Business impact analyses: kept, checked, signed off, and used by the outage analysis.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn a_business_impact_analysis_is_kept_checked_signed_off_and_used_by_the_outage_page() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let other = app.add_unit("Solgården", None).await;
        app.add_user("chef", beredd_domain::Role::UnitManager, &[unit]).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("chef").await;
        let r = s
            .post(
                "/activities/new",
                &[("name", "Nattbesök"), ("unit", &unit.to_string()), ("criticality", "samhallsviktig")],
            )
            .await;
        let act =
            r.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Ingen konsekvensanalys är gjord ännu."));

        let path = format!("/activities/{act}/bia");
        let r = s.post(&path, &[("mtpd_hours", "4"), ("rto_hours", "4"), ("level_1h", "7")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert_eq!(
            texts(&r.body, "#rto_hours-error"),
            ["Målet för återställning måste vara kortare än det längsta tålbara avbrottet."]
        );
        assert!(!texts(&r.body, "#level_1h-error").is_empty());
        let r = s
            .post(
                &path,
                &[
                    ("mtpd_hours", "4"),
                    ("rto_hours", "2"),
                    ("rpo_hours", "24"),
                    ("level_1h", "1"),
                    ("level_1d", "3"),
                    ("text_1d", "Brukare blir utan tillsyn under natten"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/activities/{act}")).await.body;
        assert!(
            page.contains("4 timmar")
                && page.contains("Brukare blir utan tillsyn")
                && page.contains("Inte fastställd.")
        );

        let r = s.post(&format!("{path}/sign-off"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Fastställd av chef"));
        // Changing the analysis withdraws the approval.
        s.post(&path, &[("mtpd_hours", "6"), ("rto_hours", "2")]).await;
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Inte fastställd."));

        // Others may read but not change it.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&path, &[("mtpd_hours", "1")]).await.status, StatusCode::FORBIDDEN);
        let admin = app.login("admin").await;
        let r = admin
            .post("/activities/new", &[("name", "Boende"), ("unit", &other.to_string()), ("criticality", "kritisk")])
            .await;
        let theirs =
            r.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        assert_eq!(
            s.post(&format!("/activities/{theirs}/bia"), &[("mtpd_hours", "1")]).await.status,
            StatusCode::FORBIDDEN
        );

        // A day without the network, with no fallback, passes the six-hour limit: a critical gap.
        let net = admin.post("/resources/new", &[("name", "Nätet"), ("kind", "network")]).await;
        let net =
            net.location.as_deref().unwrap().trim_start_matches("/resources/").split('?').next().unwrap().to_owned();
        admin
            .post(
                "/dependencies/new",
                &[("from", &format!("activity:{act}")), ("to", &format!("resource:{net}")), ("need", "stops")],
            )
            .await;
        let rows =
            texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=24")).await.body, "table.register tbody tr");
        let row = rows.iter().find(|r| r.contains("Nattbesök")).expect("affected");
        assert!(row.contains("Överskrider längsta tålbara avbrott") && row.contains("6 timmar"), "{row}");
        let rows =
            texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=1")).await.body, "table.register tbody tr");
        assert!(!rows.iter().any(|r| r.contains("Överskrider")), "an hour is within the limit");
        // The change history holds the analysis before and after.
        let entries = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("bia".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        assert_eq!(entries.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["update", "sign-off", "update"]);
        // Deleting the activity takes its analysis along, and the trail keeps both.
        let deps: Vec<(i64,)> = sqlx::query_as("SELECT id FROM dependencies").fetch_all(&app.db.pool).await.unwrap();
        for (d,) in deps {
            admin.post(&format!("/dependencies/{d}/delete"), &[]).await;
        }
        assert_eq!(admin.post(&format!("/activities/{act}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        let gone = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("activity".into()), ..Default::default() },
            1,
        )
        .await
        .unwrap();
        assert_eq!(gone[0].action, "delete");
        assert!(
            gone[0].before_json.as_deref().unwrap().contains("\"mtpd_hours\":6"),
            "the deleted analysis is in the trail"
        );
    }
}
