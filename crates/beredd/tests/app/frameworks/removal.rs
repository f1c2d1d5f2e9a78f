//! Removing a framework assessment removes its evidence files: the audit trail keeps each one's
//! name, size and SHA-256 (security review F10).

use reqwest::StatusCode;

use crate::harness::{id_of, kinds, upload};

#[tokio::test]
async fn removing_a_framework_assessment_records_each_evidence_files_fingerprint() {
    for kind in kinds() {
        let app = crate::harness::TestApp::start(kind).await;
        let s = app.login("admin").await;
        let r = s
            .post(
                "/assessments",
                &[
                    ("framework", "cybersakerhetslagen@2026.1"),
                    ("title", "Cybersäkerhetslagen 2026"),
                    ("started_on", "2026-11-23"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = id_of(&r);
        let page = s.get(&format!("/assessments/{id}")).await.body;
        assert!(page.contains("underlagsfiler") && page.contains("SHA-256"), "the page says what happens to files");
        let files = [
            ("Övningsrapport 2026.pdf", b"%PDF-1.4\n% rapport\n".to_vec()),
            ("Rutin.txt", "Rutin för återläsning\n".as_bytes().to_vec()),
        ];
        for (name, bytes) in &files {
            let path = format!("/assessments/{id}/requirements/2.3.3/evidence");
            assert_eq!(upload(&s, &path, name, bytes.clone()).await.status, StatusCode::SEE_OTHER, "{name}");
        }
        assert_eq!(s.post(&format!("/assessments/{id}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM framework_evidence").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 0, "the files are gone");
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("framework-assessment".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        let deleted = trail.iter().find(|e| e.action == "delete").expect("the deletion is recorded");
        let before: serde_json::Value = serde_json::from_str(deleted.before_json.as_deref().unwrap()).unwrap();
        let kept: Vec<(String, i64, String)> = before["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["file_name"].as_str().unwrap().to_owned(),
                    f["size"].as_i64().unwrap(),
                    f["sha256"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, i64, String)> = files
            .iter()
            .map(|(name, bytes)| {
                use sha2::Digest;
                let hash = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
                ((*name).to_owned(), bytes.len() as i64, hash)
            })
            .collect();
        assert_eq!(kept, expected, "{kind:?}");
        assert!(before["evidence"][0].get("content").is_none(), "the file itself is not in the audit trail");
    }
}
