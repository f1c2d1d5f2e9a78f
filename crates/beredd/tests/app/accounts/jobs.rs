//! Long work in the background (issue 24): the whole organisation's binder and the export of the
//! organisation are started over HTTP, followed on their job's page until done, and downloaded;
//! only the user who started a job (and an administrator) sees it; a job whose process stopped
//! is shown as failed instead of running for ever.

use beredd_domain::Role;
use beredd_domain::job::{JobKind, JobStep};
use reqwest::StatusCode;

use crate::harness::{TestApp, job_result, kinds, pdf_text, texts, texts_attr};

#[tokio::test]
async fn the_whole_binder_and_the_export_run_in_the_background_and_only_their_user_sees_them() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("redaktor", Role::Coordinator, &[]).await;
        app.add_user("granne", Role::Coordinator, &[]).await;
        let editor = app.login("redaktor").await;

        // A unit that is not an id is refused, not taken for the whole organisation.
        for bad in [("unit", "alla"), ("plan", "1; DROP TABLE plans")] {
            let refused = editor.post("/binder", &[bad]).await;
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{kind:?} {bad:?}");
        }
        let (jobs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(jobs, 0, "{kind:?}: no job was started by a refused form");
        // The plans page's binder form, for the whole organisation, answers with the job's page.
        let started = editor.post("/binder", &[("unit", "")]).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{kind:?}: {}", started.body);
        let page = started.location.clone().unwrap();
        assert!(page.starts_with("/jobs/"), "{page}");
        let shown = editor.get(&page).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert_eq!(texts(&shown.body, "h1"), ["Pärm: Hela organisationen"]);
        assert_eq!(texts_attr(&shown.body, "#job-status", "role"), ["status"]);
        assert_eq!(texts_attr(&shown.body, "#job-status", "aria-live"), ["polite"]);

        let (ctype, disposition, pdf) = job_result(&editor, &page).await;
        assert_eq!(ctype, "application/pdf");
        assert!(disposition.contains("parm-testkommun-2026-11-24.pdf"), "{disposition}");
        let text = pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Testkommun"), "{kind:?}: the organisation's binder: {text}");
        assert!(text.contains("Nycklar och var hemligheterna förvaras"), "the whole binder's page of keys: {text}");
        let (prints,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM binder_prints").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(prints, 1, "the print is recorded, once");
        // Done: the page no longer asks for its status, and the status answers htmx's "stop".
        let done = editor.get(&page).await.body;
        assert!(texts_attr(&done, "#job-status", "hx-get").is_empty(), "no more polling once done");
        assert!(texts(&done, "#job-progress").is_empty());
        let status = editor.client.get(format!("{}{page}/status", editor.base)).send().await.unwrap();
        assert_eq!(status.status().as_u16(), 286);
        // The user's own list links it.
        let mine = editor.get("/jobs").await.body;
        assert_eq!(texts_attr(&mine, "#jobs a", "href"), [page.as_str()]);
        assert_eq!(texts(&mine, "#jobs td span"), ["Klar"]);
        assert!(editor.get("/account").await.body.contains("href=\"/jobs\""), "linked from the account page");

        // Another user of the organisation sees nothing of it; an administrator does.
        let other = app.login("granne").await;
        for path in [page.clone(), format!("{page}/status"), format!("{page}/result")] {
            assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        assert_eq!(texts(&other.get("/jobs").await.body, "#jobs-none").len(), 1);
        let admin = app.login("admin").await;
        assert_eq!(admin.get(&page).await.status, StatusCode::OK);

        // The export of the organisation: administrators only, the real zip, without the jobs.
        assert_eq!(editor.post("/backups/export", &[]).await.status, StatusCode::FORBIDDEN);
        let started = admin.post("/backups/export", &[]).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER);
        let export_page = started.location.unwrap();
        assert_eq!(texts(&admin.get(&export_page).await.body, "h1"), ["Export av organisationen: Hela organisationen"]);
        let (ctype, _, zip) = job_result(&admin, &export_page).await;
        assert_eq!(ctype, "application/zip");
        let export = beredd::services::archive::Export::read(&zip).unwrap();
        assert!(export.manifest.tables.iter().any(|t| t.name == "users" && t.rows == 3), "{kind:?}");
        assert!(export.manifest.tables.iter().all(|t| t.name != "jobs"), "an export never carries earlier exports");
        assert_eq!(editor.get(&export_page).await.status, StatusCode::NOT_FOUND, "the administrator's job");
        assert_eq!(editor.get(&format!("{export_page}/result")).await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_job_whose_process_stopped_is_shown_as_failed_and_can_be_started_again() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let user = app.add_user("redaktor", Role::Coordinator, &[]).await;
        let editor = app.login("redaktor").await;
        // A job left running by a process that ended: its last word was an hour ago.
        let id = beredd::store::jobs::create(&app.db.pool, app.org, user, JobKind::Binder, "Hela organisationen")
            .await
            .unwrap();
        beredd::store::jobs::progress(&app.db.pool, id, JobStep::Typeset, 1, 3).await.unwrap();
        sqlx::query("UPDATE jobs SET updated_at = '2026-11-24T08:00:00Z' WHERE id = $1")
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let page = editor.get(&format!("/jobs/{id}")).await.body;
        let failed = texts(&page, "#job-failed");
        assert_eq!(failed.len(), 1, "{kind:?}: {page}");
        assert!(failed[0].contains("slutade svara"), "{failed:?}");
        assert!(texts_attr(&page, "#job-status", "hx-get").is_empty(), "the page stops asking");
        assert_eq!(texts(&editor.get("/jobs").await.body, "#jobs td span"), ["Misslyckades"]);

        // Printing again starts a new job, which finishes.
        let started = editor.post("/binder", &[("unit", "")]).await;
        let again = started.location.unwrap();
        assert_ne!(again, format!("/jobs/{id}"), "not the stalled job");
        let (ctype, _, _) = job_result(&editor, &again).await;
        assert_eq!(ctype, "application/pdf");
    }
}
