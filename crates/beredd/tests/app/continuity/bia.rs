//! Business impact analyses: kept, checked, signed off, and used by the outage analysis.

use reqwest::StatusCode;

use crate::harness::{TestApp, id_of, kinds, texts};

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
            .post("/activities/new", &[("name", "Nattbesök"), ("unit", &unit.to_string()), ("criticality", "akut")])
            .await;
        let act =
            r.location.as_deref().unwrap().trim_start_matches("/activities/").split('?').next().unwrap().to_owned();
        assert!(s.get(&format!("/activities/{act}")).await.body.contains("Ingen konsekvensanalys är gjord ännu."));

        let path = format!("/activities/{act}/bia");
        let r = s.post(&path, &[("mtpd_hours", "4"), ("rto_hours", "4"), ("level_1h", "7")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert_eq!(
            texts(&r.body, "#rto_hours-error"),
            ["Återställningstiden måste vara kortare än den acceptabla avbrottstiden."]
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
        let rows = texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=24")).await.body, "li.outage-activity");
        let row = rows.iter().find(|r| r.contains("Nattbesök")).expect("affected");
        assert!(row.contains("Överskrider den acceptabla avbrottstiden") && row.contains("6 timmar"), "{row}");
        let rows = texts(&admin.get(&format!("/outage?fail=resource:{net}&hours=1")).await.body, "li.outage-activity");
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

#[tokio::test]
async fn the_analysis_states_the_consequence_after_a_shift_and_after_three_days() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Solgården", None).await;
        let s = app.login("admin").await;
        let r = s
            .post("/activities/new", &[("name", "Omvårdnad"), ("unit", &unit.to_string()), ("criticality", "kritisk")])
            .await;
        let act = id_of(&r);
        let path = format!("/activities/{act}/bia");
        let form = s.get(&path).await.body;
        let labels = texts(&form, "label");
        for label in ["Konsekvens efter fyra timmar (ett arbetspass)", "Konsekvens efter tre dygn (72 timmar)"] {
            assert!(labels.iter().any(|l| l.starts_with(label)), "{kind:?}: {label} in {labels:?}");
        }
        let r = s
            .post(
                &path,
                &[
                    ("mtpd_hours", "72"),
                    ("rto_hours", "24"),
                    ("level_1h", "0"),
                    ("level_4h", "1"),
                    ("text_4h", "Nattens pass lämnar över på papper"),
                    ("level_1d", "1"),
                    ("text_3d", "Pappershögarna växer"),
                    ("level_1w", "3"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}");
        let page = s.get(&format!("/activities/{act}")).await.body;
        assert!(page.contains("Nattens pass lämnar över på papper") && page.contains("Pappershögarna växer"));
        let selected = |html: &str, name: &str| texts(html, &format!("select[name={name}] option[selected]"));
        let form = s.get(&path).await.body;
        assert_eq!(selected(&form, "level_4h"), ["1 – Måttlig"]);
        assert_eq!(selected(&form, "level_3d"), ["– inte bedömd"]);
        assert_eq!(s.post(&path, &[("level_3d", "5")]).await.status, StatusCode::UNPROCESSABLE_ENTITY);

        // The outage page offers the same moments, and an empty three-day level is the day's.
        let net = id_of(&s.post("/resources/new", &[("name", "Nätet"), ("kind", "network")]).await);
        s.post(
            "/dependencies/new",
            &[("from", &format!("activity:{act}")), ("to", &format!("resource:{net}")), ("need", "stops")],
        )
        .await;
        let row = |hours: u32| {
            let s = &s;
            let net = &net;
            async move {
                let rows = texts(
                    &s.get(&format!("/outage?fail=resource:{net}&hours={hours}")).await.body,
                    "li.outage-activity",
                );
                rows.into_iter().find(|r| r.contains("Omvårdnad")).expect("affected")
            }
        };
        assert!(row(4).await.contains("1 – Måttlig"), "{kind:?}");
        let three_days = row(72).await;
        assert!(three_days.contains("1 – Måttlig") && !three_days.contains("Överskrider"), "{three_days}");
        let week = row(168).await;
        assert!(week.contains("3 – Allvarlig") && week.contains("Överskrider"), "{week}");
        let outage = s.get(&format!("/outage?fail=resource:{net}&hours=4")).await.body;
        assert!(outage.contains("Fyra timmar (ett arbetspass)") && outage.contains("Tre dygn"));
    }
}

#[tokio::test]
async fn an_analysis_made_before_migration_0027_keeps_its_values_and_its_consequences() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let s = app.login("admin").await;
        let r = s
            .post("/activities/new", &[("name", "Besök"), ("unit", &unit.to_string()), ("criticality", "kritisk")])
            .await;
        let act: i64 = id_of(&r).parse().unwrap();
        s.post(
            &format!("/activities/{act}/bia"),
            &[
                ("mtpd_hours", "4"),
                ("level_1h", "1"),
                ("level_1d", "2"),
                ("text_1d", "Besök uteblir"),
                ("level_1w", "3"),
                ("level_1m", "3"),
            ],
        )
        .await;
        // The database as it was before 0027: no columns for four hours and three days.
        for column in ["level_4h", "text_4h", "level_3d", "text_3d"] {
            sqlx::query(sqlx::AssertSqlSafe(format!("ALTER TABLE bia DROP COLUMN {column}")))
                .execute(&app.db.pool)
                .await
                .unwrap();
        }
        sqlx::query("DELETE FROM schema_migrations WHERE version = 27").execute(&app.db.pool).await.unwrap();

        assert_eq!(app.db.migrate().await.unwrap(), 1, "{kind:?}");
        let b = beredd::store::bia::get(&app.db.pool, app.org, act).await.unwrap().unwrap();
        assert_eq!(b.levels(), [Some(1), None, Some(2), None, Some(3), Some(3)], "{kind:?}");
        assert_eq!(b.texts()[2], Some("Besök uteblir"));
        assert_eq!(b.mtpd_hours, Some(4));
        let at = |hours| beredd_domain::bia::consequence_at(hours, b.levels());
        assert_eq!((at(1), at(4), at(24), at(72), at(168)), (Some(1), Some(1), Some(2), Some(2), Some(3)));
    }
}
