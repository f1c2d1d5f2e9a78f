//! Risk analysis over HTTP: an analysis, risks rated before and after measures, the matrix and
//! its table, a treatment that becomes an action, and who may do what.

use reqwest::StatusCode;

use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn a_risk_analysis_rates_its_risks_draws_the_matrix_and_treatments_become_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let r = s.post("/risks/analyses", &[("a_title", ""), ("a_held_on", "igår")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&r.body, ".error-summary li").len(), 3);
        let r = s.post("/risks/analyses", &[("a_title", "Riskanalys hemtjänsten 2026"), ("a_scope", "Hemtjänst Norr"), ("a_held_on", "2026-11-20"), ("a_participants", "Anna\nBo")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = r.location.unwrap().split('/').nth(3).unwrap().split('?').next().unwrap().to_owned();

        let bad = s.post(&format!("/risks/analyses/{id}/risks"), &[("threat", "Utpressningsvirus"), ("likelihood", "5"), ("consequence", "4"), ("residual_likelihood", "2"), ("residual_consequence", "4"), ("decision", "treat")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&bad.body, ".error-summary li")[0].starts_with("Sannolikhet"));
        let r = s
            .post(
                &format!("/risks/analyses/{id}/risks"),
                &[("threat", "Utpressningsvirus slår ut verksamhetssystemet"), ("likelihood", "3"), ("consequence", "4"), ("measures", "Utskrivna körlistor"), ("residual_likelihood", "3"), ("residual_consequence", "3"), ("decision", "treat"), ("due", "2027-03-31")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        s.post(&format!("/risks/analyses/{id}/risks"), &[("threat", "Strömavbrott"), ("likelihood", "2"), ("consequence", "2"), ("residual_likelihood", "1"), ("residual_consequence", "2"), ("decision", "accept")]).await;

        let page = s.get(&format!("/risks/analyses/{id}")).await.body;
        let register = texts(&page, "table[aria-labelledby=register-heading] tbody tr td");
        assert_eq!(&register[..3], ["Utpressningsvirus slår ut verksamhetssystemet", "12 (kritisk)", "9"], "highest residual first: {register:?}");
        let matrix: Vec<String> = texts(&page, "details table tbody tr td");
        assert_eq!(matrix.len(), 16);
        assert_eq!(matrix[4 + 2], "1", "likelihood 3, consequence 3 (second row from the top, third column)");
        assert_eq!(matrix[12 + 1], "1", "likelihood 1, consequence 2");
        let (origin, priority, due): (String, String, Option<String>) = sqlx::query_as("SELECT origin, priority, due_date FROM actions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!((origin.as_str(), priority.as_str(), due.as_deref()), ("risk", "high", Some("2027-03-31")), "only the risk to treat becomes an action");
        assert!(s.get("/risks").await.body.contains("Riskanalys hemtjänsten 2026"));
        let attention = texts(&s.get("/").await.body, "ul.attention li");
        assert!(attention.iter().any(|a| a.starts_with("De största riskerna") && a.contains("Utpressningsvirus slår ut verksamhetssystemet (9)") && !a.contains("Strömavbrott")), "{attention:?}");

        // "My actions": the user says which person they are and sees that person's open actions.
        let me = s.post("/people/new", &[("name", "Risk Ägare"), ("kind", "external"), ("organisation", "Kommunen")]).await;
        let me = me.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        sqlx::query("UPDATE actions SET owner_id = $1").bind(me.parse::<i64>().unwrap()).execute(&app.db.pool).await.unwrap();
        s.post("/account/person", &[("person", &me)]).await;
        let home = s.get("/").await.body;
        assert!(home.contains(&format!("href=\"/actions?owner={me}\"")) && home.contains("Mina åtgärder: en öppen"), "the start page links to my actions");

        // A lesson learned can point at the risk it changes.
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let r = s.post("/incidents/new", &[("title", "Övning"), ("discovered_at", "2026-11-23 09:00"), ("units", &unit.to_string()), ("exercise", "on")]).await;
        let incident = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let risk: i64 = sqlx::query_as::<_, (i64,)>("SELECT MIN(id) FROM risks").fetch_one(&app.db.pool).await.unwrap().0;
        let r = s.post(&format!("/incidents/{incident}/lessons"), &[("kind", "less_well"), ("text", "Reservrutinen för signering var okänd"), ("target", &format!("risk:{risk}"))]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(s.get(&format!("/incidents/{incident}/lessons")).await.body.contains("Risk: Utpressningsvirus slår ut verksamhetssystemet"));

        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/risks/analyses/{id}")).await.status, StatusCode::OK);
        assert_eq!(reader.post("/risks/analyses", &[("a_title", "x"), ("a_scope", "x"), ("a_held_on", "2026-01-01")]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&format!("/risks/analyses/{id}/risks"), &[("threat", "x")]).await.status, StatusCode::FORBIDDEN);
    }
}
