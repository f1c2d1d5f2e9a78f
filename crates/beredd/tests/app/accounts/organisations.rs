//! Several organisations in one installation (issue 22): the platform administrator adds,
//! lists, suspends and resumes them with `beredd org`; every data command takes `--org`; the
//! login page finds the organisation from its address or asks; log-in names are unique per
//! organisation; a suspended organisation's sessions stop at once.

use std::io::Write;
use std::process::{Output, Stdio};

use reqwest::StatusCode;

use crate::harness::{TestApp, beredd, fresh_db, hidden_csrf, kinds, texts, texts_attr};

fn said(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn run(url: &str, args: &[&str]) -> Output {
    beredd().args(args).args(["--database", url]).output().unwrap()
}

/// `beredd [--org ORG] user add --role admin NAME`, the password on standard input.
fn add_admin(url: &str, org: Option<&str>, name: &str) -> Output {
    let mut cmd = beredd();
    if let Some(o) = org {
        cmd.args(["--org", o]);
    }
    let mut child = cmd
        .args(["user", "add", "--role", "admin", "--database", url, name])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(crate::harness::PASSWORD.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn the_platform_administrator_adds_organisations_and_each_logs_in_to_its_own() {
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let url = t.url.clone();
        let out = run(&url, &["org", "add", "Kalix kommun", "--address", "https://beredd.example.se"]);
        assert!(out.status.success(), "{kind:?}: {}", said(&out));
        let text = said(&out);
        assert!(text.contains("kortnamnet kalix-kommun"), "{text}");
        assert!(text.contains("https://beredd.example.se/o/kalix-kommun"), "{text}");
        assert!(text.contains("https://beredd.example.se/setup/"), "{text}");
        let out = run(&url, &["org", "add", "Luleå kommun", "--slug", "lulea", "--org-number", "212000-2171"]);
        assert!(out.status.success(), "{kind:?}: {}", said(&out));
        // A short name taken, or not a short name at all: refused, naming the field.
        let out = run(&url, &["org", "add", "Luleå igen", "--slug", "lulea"]);
        assert!(!out.status.success());
        assert!(said(&out).contains("slug: Det namnet finns redan"), "{}", said(&out));
        let out = run(&url, &["org", "add", "Piteå", "--slug", "Piteå kommun"]);
        assert!(said(&out).contains("slug: Kortnamnet får bara innehålla"), "{}", said(&out));
        let list = said(&run(&url, &["org", "list"]));
        assert!(list.contains("kalix-kommun") && list.contains("lulea") && !list.contains("pitea"), "{list}");

        // With two organisations a command must be told which.
        let out = add_admin(&url, None, "anna");
        assert!(!out.status.success());
        assert!(said(&out).contains("ange vilken med --org (kalix-kommun, lulea)"), "{}", said(&out));
        let out = add_admin(&url, Some("nowhere"), "anna");
        assert!(said(&out).contains("ingen organisation med kortnamnet"), "{}", said(&out));
        // The same log-in name in both.
        for org in ["lulea", "kalix-kommun"] {
            let out = add_admin(&url, Some(org), "anna");
            assert!(out.status.success(), "{kind:?} {org}: {}", said(&out));
        }
        let out = add_admin(&url, Some("lulea"), "anna");
        assert!(said(&out).contains("finns redan"), "{}", said(&out));

        let db = t.connect().await;
        let lulea = beredd::store::orgs::by_slug(&db.pool, "lulea").await.unwrap().unwrap();
        let app = TestApp::serve(db.clone(), lulea.id, kind, t).await;
        let client = app.client();
        // The login page asks which organisation, offering both.
        let page = client.get(format!("{}/login", app.base)).send().await.unwrap().text().await.unwrap();
        assert_eq!(texts_attr(&page, "select#org option", "value"), ["", "kalix-kommun", "lulea"]);
        assert!(texts(&page, "label[for=org]").iter().any(|l| l == "Organisation"));
        // Without one, the login is refused with that message, and the name is kept.
        let csrf = hidden_csrf(&page).unwrap();
        let form = [("_csrf", csrf.as_str()), ("username", "anna"), ("password", crate::harness::PASSWORD)];
        let r = client.post(format!("{}/login", app.base)).form(&form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let body = r.text().await.unwrap();
        assert!(body.contains("Välj vilken organisation du loggar in i."), "{body}");
        // The organisation's own address leads to its own login page.
        let r = client.get(format!("{}/o/lulea", app.base)).send().await.unwrap();
        assert_eq!(r.headers()["location"], "/login?org=lulea");
        let page = client.get(format!("{}/login?org=lulea", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(texts(&page, "select#org").is_empty(), "no choice on an organisation's own page");
        assert_eq!(texts_attr(&page, "input[name=org]", "value"), ["lulea"]);

        let s = app.login_to(lulea.id, "anna").await;
        let settings = s.get("/organisation").await;
        assert!(settings.body.contains("Luleå kommun"), "{kind:?}: the organisation is Luleå");
        assert!(!settings.body.contains("Kalix kommun"), "{kind:?}");

        // Suspended: the open session ends at once, the login page no longer knows it.
        let out = run(&url, &["org", "suspend", "lulea"]);
        assert!(out.status.success(), "{}", said(&out));
        let r = s.get("/").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: the session ended");
        let page = client.get(format!("{}/login?org=lulea", app.base)).send().await.unwrap().text().await.unwrap();
        assert_eq!(texts_attr(&page, "select#org option", "value"), ["", "kalix-kommun"], "{kind:?}");
        assert!(said(&run(&url, &["org", "list"])).contains("avstängd sedan"));
        let out = run(&url, &["org", "resume", "lulea"]);
        assert!(out.status.success(), "{}", said(&out));
        let again = app.login_to(lulea.id, "anna").await;
        assert_eq!(again.get("/").await.status, StatusCode::OK);
        // What the platform administrator did is in Luleå's own audit trail, not Kalix's.
        let trail: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT org_id, action, username FROM audit_log WHERE username = 'plattformsadministratör' ORDER BY id",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap();
        let lulea_actions: Vec<&str> = trail.iter().filter(|e| e.0 == lulea.id).map(|e| e.1.as_str()).collect();
        assert_eq!(lulea_actions, ["create", "suspend", "resume"], "{kind:?}");
        assert_eq!(trail.iter().filter(|e| e.0 != lulea.id).count(), 1, "{kind:?}: Kalix's creation only");
        let audit = again.get("/audit").await.body;
        assert!(audit.contains("plattformsadministratör"), "{kind:?}: the trail page shows it");
        // The export offered to one organisation's administrator holds that organisation only.
        let backups = again.get("/backups").await.body;
        assert!(backups.contains("bara den här organisationens uppgifter"), "{kind:?}");
        assert_eq!(texts_attr(&backups, "form[action='/backups/export']", "action").len(), 1, "{kind:?}");
    }
}

#[tokio::test]
async fn a_scheduled_job_is_claimed_by_one_process_at_a_time() {
    use beredd::store::orgs::claim;
    for kind in kinds() {
        let t = fresh_db(kind).await;
        let db = t.connect().await;
        db.migrate().await.unwrap();
        assert!(claim(&db.pool, "backup", "process-a", 600).await.unwrap(), "{kind:?}: the first claims it");
        assert!(!claim(&db.pool, "backup", "process-b", 600).await.unwrap(), "{kind:?}: the second waits");
        assert!(claim(&db.pool, "backup", "process-a", 600).await.unwrap(), "{kind:?}: the holder renews");
        assert!(claim(&db.pool, "reminders", "process-b", 600).await.unwrap(), "{kind:?}: another job is free");
        // A claim that has run out (its process died) is taken over.
        assert!(claim(&db.pool, "export", "process-a", -1).await.unwrap());
        assert!(claim(&db.pool, "export", "process-b", 600).await.unwrap(), "{kind:?}: taken over");
        assert!(!claim(&db.pool, "export", "process-a", 600).await.unwrap(), "{kind:?}");
        db.close().await;
    }
}
