//! The administrator's page of backups and the export of the whole organisation: who may see and
//! download it, what it says before and after a backup, the warning when backups stop.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{TestApp, beredd, job_result, kinds, texts};

#[tokio::test]
async fn the_administrator_sees_the_last_backup_and_downloads_the_whole_organisation() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("redaktor", Role::Coordinator, &[]).await;
        let admin = app.login("admin").await;
        let page = admin.get("/backups").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "#backup-none").len(), 1, "no backup yet, said so");
        assert!(texts(&page.body, "nav a").iter().any(|a| a == "Säkerhetskopior"));
        // No schedule: the start page does not nag, the page says how IT starts one.
        assert!(
            texts(&page.body, "#backup-plan")[0].contains("inga schemalagda"),
            "{:?}",
            texts(&page.body, "#backup-plan")
        );

        let editor = app.login("redaktor").await;
        assert_eq!(editor.get("/backups").await.status, StatusCode::FORBIDDEN);
        assert_eq!(editor.post("/backups/export", &[]).await.status, StatusCode::FORBIDDEN);
        let no_csrf = admin.client.post(format!("{}/backups/export", admin.base)).send().await.unwrap();
        assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);

        // The export runs in the background; its job's page offers the file when it is done.
        let started = admin.post("/backups/export", &[]).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER);
        let (ctype, disposition, zip) = job_result(&admin, started.location.as_deref().unwrap()).await;
        assert_eq!(ctype, "application/zip");
        assert!(disposition.contains("beredd-organisation-2026-11-24.zip"), "{disposition}");
        let export = beredd::services::archive::Export::read(&zip).unwrap();
        assert!(export.manifest.tables.iter().any(|t| t.name == "users" && t.rows == 2));
        let audit = admin.get("/audit").await.body;
        assert!(audit.contains("Exporterade"), "the download is in the audit trail");

        // A backup from the command line is what the page shows next.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kopia.beredd");
        let mut child = beredd()
            .args(["backup", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out", file.to_str().unwrap()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"en lang losenfras for kopian\n").unwrap();
        assert!(child.wait_with_output().unwrap().status.success());
        let page = admin.get("/backups").await.body;
        assert!(texts(&page, "#backup-at")[0].starts_with("2026-11-24 "), "{:?}", texts(&page, "#backup-at"));
        assert!(texts(&page, "#backup-stale").is_empty() && texts(&page, "#backup-none").is_empty());
        assert!(page.contains("kopia.beredd"));

        // Two days and more later the start page warns the administrator, and only them.
        sqlx::query("UPDATE meta SET value = REPLACE(value, '\"at\":\"2026-11-24', '\"at\":\"2026-11-20') WHERE key = 'backup_last'")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let home = admin.get("/").await.body;
        assert!(home.contains("äldre än två dagar"), "the administrator is warned");
        assert!(!editor.get("/").await.body.contains("äldre än två dagar"), "not everyone");
        assert_eq!(texts(&admin.get("/backups").await.body, "#backup-stale").len(), 1);
    }
}
