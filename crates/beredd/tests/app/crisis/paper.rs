//! The log's head on paper (security review F4): someone with the database can rewrite an entry
//! and every hash after it so that the chain itself still holds, but the checksum printed on the
//! incident report or a meeting protocol no longer matches, on the log page and on the command line.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, kinds, texts};

#[tokio::test]
async fn a_log_rewritten_in_the_database_with_its_hashes_recomputed_is_found_against_the_paper() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        for text in ["Larmet tystnade 07.40", "Nattlistan är utskriven"] {
            let r = s.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", text)]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let page = s.get(&format!("/incidents/{id}/log")).await.body;
        let head = texts(&page, "#head strong")[0].clone();
        let (seq, hash) = head.trim_start_matches("post ").split_once(": ").expect("post N: hash");
        assert_eq!((seq, hash.len()), ("3", 19), "sixteen digits in groups of four: {head}");
        let check = |seq: String, hash: String| {
            let s = &s;
            let id = &id;
            async move {
                texts(
                    &s.get(&format!("/incidents/{id}/log?check_seq={seq}&check_hash={hash}")).await.body,
                    "#paper-result",
                )
            }
        };
        assert!(check(seq.into(), hash.into()).await[0].starts_with("Post 3 har samma kontrollsumma"));

        // Entry 2 is rewritten and every hash after it recomputed, the head too.
        let mut conn = app.db.pool.acquire().await.unwrap();
        let incident = beredd::store::incidents::get(&mut conn, app.org, id.parse().unwrap()).await.unwrap().unwrap();
        let mut rows = beredd::store::incidents::log(&mut *conn, app.org, incident.key()).await.unwrap();
        rows[1].entry.text = "Larmet fungerade hela natten".into();
        let mut prev = rows[0].hash.clone();
        for r in rows.iter_mut().skip(1) {
            r.entry.prev_hash = prev.clone();
            r.hash = r.entry.hash();
            prev = r.hash.clone();
            sqlx::query(
                "UPDATE incident_log SET text = $1, prev_hash = $2, hash = $3 WHERE incident_id = $4 AND seq = $5",
            )
            .bind(&r.entry.text)
            .bind(&r.entry.prev_hash)
            .bind(&r.hash)
            .bind(id.parse::<i64>().unwrap())
            .bind(r.entry.seq)
            .execute(&mut *conn)
            .await
            .unwrap();
        }
        sqlx::query("UPDATE incidents SET last_hash = $1 WHERE id = $2")
            .bind(&prev)
            .bind(id.parse::<i64>().unwrap())
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        let page = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(texts(&page, "#chain")[0].starts_with("Loggen är obruten"), "the chain alone cannot see it");
        // The signatures can: the key that signed each head is not in the database.
        let signatures = texts(&page, "#signatures li");
        assert!(signatures.iter().any(|l| l.starts_with("Post 2: signaturen stämmer inte")), "{signatures:?}");
        assert!(signatures.iter().any(|l| l.starts_with("Post 3: signaturen stämmer inte")), "{signatures:?}");
        assert!(signatures.iter().any(|l| l.starts_with("En post är signerad med den här installationens nyckel")));
        let found = check(seq.into(), hash.to_uppercase()).await;
        assert!(found[0].starts_with("Post 3 har en annan kontrollsumma än på papperet"), "{found:?}");
        assert!(check("9".into(), hash.into()).await[0].starts_with("Loggen har ingen post 9"));
        assert!(check("3".into(), "abc".into()).await[0].starts_with("Skriv postens nummer"));

        let out = crate::harness::beredd()
            .args(["incident", "verify", "--database", &app.db_url(), "--keys"])
            .arg(app.keys_dir())
            .args([&id, "--paper", &format!("{seq}:{hash}")])
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("annan kontrollsumma"));

        // The incident report prints the head, for the next check.
        let (status, _, pdf) = crate::harness::get_bytes(&s, &format!("/incidents/{id}/report.pdf")).await;
        assert_eq!(status, StatusCode::OK);
        let text = crate::harness::pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&format!("post 3: {}", beredd_domain::incident::paper_hash(&prev))), "{text}");
    }
}
