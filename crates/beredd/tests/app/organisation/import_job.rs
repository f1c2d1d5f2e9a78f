//! A large register file (more than 500 rows) stored in the background over HTTP, on both
//! databases: "Spara" on the preview leads to the job's page, which ends with a link to the
//! register; every row is stored with its audit entry and the upload is let go. A large file with
//! an error row fails the job, saying how many errors and the first, and stores nothing.

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, kinds, texts, texts_attr, upload};

/// `n` staff of Hemtjänst Norr as a CSV file; the row `bad` (a file row number) names a unit that
/// does not exist.
fn staff_file(n: usize, bad: Option<usize>) -> Vec<u8> {
    let mut csv = String::from("Anställningsnummer;Namn;Enhet;Arbetstelefon\n");
    for i in 0..n {
        let unit = if bad == Some(i + 2) { "Enheten som inte finns" } else { "Hemtjänst Norr" };
        csv.push_str(&format!("{};Person {i:04};{unit};070-174 {:02} {:02}\n", 50_000 + i, i / 100, i % 100));
    }
    csv.into_bytes()
}

/// Uploads `bytes` to the people import, posts "Spara" on its preview and gives the job's page.
async fn store_in_background(s: &Session, name: &str, bytes: Vec<u8>) -> String {
    let r = upload(s, "/people/import", name, bytes).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let preview = r.location.unwrap();
    let r = s.post(&preview, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let job = r.location.unwrap();
    assert!(job.starts_with("/jobs/"), "a file of more than 500 rows is stored as a job: {job}");
    job
}

/// Follows a job's page (generously: the machine may be loaded) until it has ended; gives the page.
async fn ended(s: &Session, job: &str) -> String {
    for _ in 0..1200 {
        let page = s.get(job).await.body;
        if texts_attr(&page, "#job-status", "hx-get").is_empty() {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("the job at {job} had not ended after five minutes");
}

#[tokio::test]
async fn a_file_of_600_rows_is_stored_in_the_background_and_one_bad_row_stores_nothing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("ciso", beredd_domain::Role::Coordinator, &[]).await;
        app.add_unit("Hemtjänst Norr", None).await;
        let s = app.login("ciso").await;

        // One row in error: the job fails, saying so, and nothing is stored.
        let job = store_in_background(&s, "personal-fel.csv", staff_file(600, Some(452))).await;
        let page = ended(&s, &job).await;
        let failed = texts(&page, "#job-failed");
        assert_eq!(failed.len(), 1, "{kind:?}: {page}");
        assert!(failed[0].starts_with("Inget sparades: filen har ett fel."), "{failed:?}");
        assert!(
            failed[0].contains("Rad 452, kolumn Enhet: ”Enheten som inte finns” finns inte i registret."),
            "{failed:?}"
        );
        assert_eq!(app.count("people").await, 0, "{kind:?}: nothing stored");

        // The good file: its page says what it is, then links to the register.
        let job = store_in_background(&s, "personal-stor.csv", staff_file(600, None)).await;
        let shown = s.get(&job).await.body;
        assert_eq!(
            texts(&shown, "h1"),
            ["Inläsning av registerfil: personal-stor.csv (Personer och kontakter)"],
            "{kind:?}"
        );
        let page = ended(&s, &job).await;
        assert!(texts(&page, "#job-failed").is_empty(), "{kind:?}: {:?}", texts(&page, "#job-failed"));
        assert_eq!(texts_attr(&page, "#job-result", "href"), ["/people"], "{kind:?}: a link to the register");
        assert_eq!(app.count("people").await, 600, "{kind:?}");
        let (audited,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = 'person' AND action = 'create'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(audited, 600, "{kind:?}: one audit entry per record");
        let (step, done, total): (String, i64, i64) =
            sqlx::query_as("SELECT step, done, total FROM jobs WHERE id = $1")
                .bind(job.trim_start_matches("/jobs/").parse::<i64>().unwrap())
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(step, "finished", "{kind:?}: done {done} of {total}");
        assert_eq!(texts(&s.get("/jobs").await.body, "#jobs td span"), ["Klar", "Misslyckades"], "{kind:?}");

        // A file of 500 rows is still stored at once.
        let r = upload(&s, "/people/import", "personal-500.csv", staff_file(500, None)).await;
        let r = s.post(r.location.as_deref().unwrap(), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location.unwrap().starts_with("/people/import?msg=imported"), "{kind:?}: stored at once");
    }
}
