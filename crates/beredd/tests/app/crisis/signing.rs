//! The log signed with a key outside the database (security review F4): each entry's head is
//! signed where it is written; someone who rewrites the database cannot sign, whether they
//! recompute the hashes, strip the signatures or put a key of their own in the database; a key
//! read off paper checks the log with no secret; a laptop's bundle brings its key, which the
//! import checks, names in the log and keeps; a replaced key still checks what it signed.

use reqwest::StatusCode;

use super::start;
use crate::harness::{TestApp, beredd, kinds, texts, upload};

fn output(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[tokio::test]
async fn every_entry_is_signed_and_a_database_rewrite_cannot_sign() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        for text in ["Larmet tystnade 07.40", "Nattlistan är utskriven"] {
            s.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", text)]).await;
        }
        let page = s.get(&format!("/incidents/{id}/log")).await.body;
        let lines = texts(&page, "#signatures li");
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("3 poster är signerade med den här installationens nyckel"), "{lines:?}");

        // The public key, as `beredd keys show` prints it for the binder.
        let keys = app.keys_dir();
        let shown = beredd().args(["keys", "show", "--database", &app.db_url(), "--keys"]).arg(&keys).output().unwrap();
        assert!(shown.status.success(), "{}", output(&shown));
        let shown = output(&shown);
        let public = shown.lines().find_map(|l| l.strip_prefix("Offentlig nyckel (till pärmen): ")).unwrap().to_owned();
        assert_eq!(public.split(' ').count(), 16, "64 digits in groups of four: {public}");
        let key_id = shown.lines().find_map(|l| l.strip_prefix("Nyckel: ")).unwrap()[..19].to_owned();
        assert!(lines[0].contains(&key_id), "the page names the key the binder prints: {key_id} / {lines:?}");
        assert!(!std::fs::read_dir(&keys).unwrap().any(|f| {
            let seed = std::fs::read_to_string(f.unwrap().path()).unwrap();
            let seed = seed.lines().find_map(|l| l.strip_prefix("seed = ")).unwrap_or("-").to_owned();
            shown.contains(&seed)
        }));
        let verify = |extra: &[&str]| {
            beredd()
                .args(["incident", "verify", "--database", &app.db_url(), "--keys"])
                .arg(&keys)
                .arg(&id)
                .args(extra)
                .output()
                .unwrap()
        };
        let out = verify(&["--public-key", &public]);
        assert!(out.status.success(), "{}", output(&out));
        assert!(output(&out).contains("3 poster är signerade med nyckeln du angav"), "{}", output(&out));

        // Someone with the database puts a key of their own in it, rewrites entry 2 and signs
        // every head after it with that key: the key the server holds (and the binder's) says no.
        let incident: i64 = id.parse().unwrap();
        let org_uid: (String,) = sqlx::query_as("SELECT uid FROM organisations WHERE id = $1")
            .bind(app.org)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let forger = tempfile::tempdir().unwrap();
        let forged = beredd::platform::keys::Keyring::at(forger.path()).for_org(&org_uid.0).unwrap();
        let mut conn = app.db.pool.acquire().await.unwrap();
        let key = beredd::store::signing::NewKey {
            key_id: &forged.key_id(),
            public_key: &forged.public().to_hex(),
            origin: "own",
            label: "/var/lib/beredd/beredd-keys",
            made_at: "2026-11-01T08:00:00Z",
            added_by: "admin",
        };
        beredd::store::signing::record(&mut *conn, app.org, &key).await.unwrap();
        let key = beredd::store::incidents::get(&mut conn, app.org, incident).await.unwrap().unwrap().key();
        let mut rows = beredd::store::incidents::log(&mut *conn, app.org, key).await.unwrap();
        let (incident_uid,): (String,) = sqlx::query_as("SELECT uid FROM incidents WHERE id = $1")
            .bind(incident)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        rows[1].entry.text = "Ingen incident, bara ett prov".into();
        let mut prev = rows[0].hash.clone();
        for r in rows.iter_mut().skip(1) {
            r.entry.prev_hash = prev.clone();
            r.hash = r.entry.hash();
            prev = r.hash.clone();
            let sig =
                forged.sign(&beredd_domain::incident::head_message(&org_uid.0, &incident_uid, r.entry.seq, &r.hash));
            sqlx::query(
                "UPDATE incident_log SET text = $1, prev_hash = $2, hash = $3, signature = $4, key_id = $5 WHERE incident_id = $6 AND seq = $7",
            )
            .bind(&r.entry.text)
            .bind(&r.entry.prev_hash)
            .bind(&r.hash)
            .bind(&sig)
            .bind(forged.key_id())
            .bind(incident)
            .bind(r.entry.seq)
            .execute(&mut *conn)
            .await
            .unwrap();
        }
        sqlx::query("UPDATE incidents SET last_hash = $1 WHERE id = $2")
            .bind(&prev)
            .bind(incident)
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        let page = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(texts(&page, "#chain")[0].starts_with("Loggen är obruten"), "the chain holds");
        let lines = texts(&page, "#signatures li");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("2 poster är signerade med nyckeln")
                    && l.contains("som bara databasen själv anger")),
            "the forger's key is shown as known only from the database: {lines:?}"
        );
        let out = verify(&["--public-key", &public]);
        assert!(out.status.success(), "the chain and the forged signatures hold by themselves: {}", output(&out));
        assert!(output(&out).contains("En post är signerad med nyckeln du angav"), "{}", output(&out));
        assert!(output(&out).contains("som bara databasen själv anger"), "{}", output(&out));

        // Without the forger's key in the database, the same rewrite is an unknown key; with the
        // signatures stripped, they are missing.
        sqlx::query("DELETE FROM signing_keys WHERE key_id = $1")
            .bind(forged.key_id())
            .execute(&app.db.pool)
            .await
            .unwrap();
        let out = verify(&[]);
        assert!(!out.status.success());
        assert!(output(&out).contains("Post 2: den är signerad med en nyckel som varken"), "{}", output(&out));
        sqlx::query("UPDATE incident_log SET signature = NULL, key_id = NULL WHERE incident_id = $1 AND seq > 1")
            .bind(incident)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let page = s.get(&format!("/incidents/{id}/log")).await.body;
        let lines = texts(&page, "#signatures li");
        assert!(lines.iter().any(|l| l.starts_with("Post 3: signaturen saknas")), "{lines:?}");
        assert!(page.contains("class=\"error-summary\" role=\"status\""), "the check is shown as failed");
        let out = verify(&[]);
        assert!(!out.status.success());
        assert!(output(&out).contains("Loggens signaturer håller inte"), "{}", output(&out));
    }
}

#[tokio::test]
async fn a_laptops_bundle_brings_its_key_which_the_import_checks_names_and_keeps() {
    for kind in kinds() {
        // The laptop runs on its own database with its own key folder.
        let laptop = TestApp::start(crate::harness::Kind::Sqlite).await;
        let l = laptop.login("admin").await;
        let unit = laptop.add_unit("Hemtjänst Norr", None).await;
        let id = start(&l, unit).await;
        l.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", "Larmet tystnade 07.40")]).await;
        let bundle: serde_json::Value =
            serde_json::from_str(&l.get(&format!("/incidents/{id}/bundle")).await.body).unwrap();
        let laptop_key = bundle["keys"][0]["key_id"].as_str().unwrap().to_owned();
        assert_eq!(bundle["log"][1]["key_id"].as_str(), Some(laptop_key.as_str()));

        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;

        // One changed text, hashes recomputed, signatures kept: refused, nothing stored.
        let mut changed = bundle.clone();
        changed["log"][1]["text"] = "Ingen incident".into();
        let mut prev = beredd_domain::incident::GENESIS.to_owned();
        for e in changed["log"].as_array_mut().unwrap() {
            e["prev_hash"] = prev.clone().into();
            let entry: beredd_domain::incident::Entry = serde_json::from_value(e.clone()).unwrap();
            prev = entry.hash();
            e["hash"] = prev.clone().into();
        }
        let r = upload(&m, "/incidents/import-bundle", "incident.json", changed.to_string().into_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("post 2: signaturen stämmer inte"), "{}", r.body);
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM incidents").fetch_one(&main.db.pool).await.unwrap();
        assert_eq!(n, 0);

        let r = upload(&m, "/incidents/import-bundle", "incident.json", bundle.to_string().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let here = r.location.unwrap().split('/').nth(2).unwrap().to_owned();
        let page = m.get(&format!("/incidents/{here}/log")).await.body;
        let grouped = beredd::platform::keys::grouped(&laptop_key);
        assert!(
            page.contains(&format!("signerade med nyckeln {grouped} där de skrevs")),
            "the import names the laptop's key"
        );
        let lines = texts(&page, "#signatures li");
        assert_eq!(lines.len(), 1, "every entry here is signed by this server: {lines:?}");
        assert!(lines[0].starts_with("3 poster är signerade med den här installationens nyckel"), "{lines:?}");
        let kept: Vec<(String, String, String)> =
            sqlx::query_as("SELECT key_id, origin, added_by FROM signing_keys WHERE org_id = $1 ORDER BY id")
                .bind(main.org)
                .fetch_all(&main.db.pool)
                .await
                .unwrap();
        assert!(kept.contains(&(laptop_key.clone(), "bundle".into(), "admin".into())), "{kept:?}");
    }
}

#[tokio::test]
async fn a_replaced_key_still_checks_what_it_signed() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Norr", None).await;
        let id = start(&s, unit).await;
        let keys = app.keys_dir();
        let out = beredd().args(["keys", "rotate", "--database", &app.db_url(), "--keys"]).arg(&keys).output().unwrap();
        assert!(out.status.success(), "{}", output(&out));
        assert!(output(&out).contains("signerar inte längre"), "{}", output(&out));
        // The running server reads the new key at its next signature.
        let r = s.post(&format!("/incidents/{id}/log"), &[("kind", "event"), ("text", "Efter bytet")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let out = beredd()
            .args(["incident", "verify", "--database", &app.db_url(), "--keys"])
            .arg(&keys)
            .arg(&id)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", output(&out));
        let text = output(&out);
        assert!(text.contains("En post är signerad med en tidigare nyckel för den här installationen"), "{text}");
        assert!(text.contains("En post är signerad med den här installationens nyckel"), "{text}");
    }
}

#[tokio::test]
async fn the_whole_binder_prints_the_public_key_and_where_the_secrets_are_kept() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let kept = "Kassaskåpet i IT-enhetens serverrum, USB-minne märkt Beredd";
        let r = s
            .post(
                "/organisation",
                &[
                    ("name", "Testkommun"),
                    ("keys_kept", kept),
                    ("backup_kept", ""),
                    ("break_glass_kept", "Förseglat kuvert hos kommundirektören"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let form = s.get("/organisation").await.body;
        assert!(form.contains(kept), "the place is kept");
        let too_long = "x".repeat(1001);
        let r = s.post("/organisation", &[("name", "Testkommun"), ("keys_kept", &too_long)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(s.get("/organisation").await.body.contains(kept), "nothing stored from a refused form");

        // The whole organisation's binder is printed in the background: its job's page gives the PDF.
        let started = s.post("/binder", &[]).await;
        assert_eq!(started.status, StatusCode::SEE_OTHER);
        let (_, _, pdf) = crate::harness::job_result(&s, started.location.as_deref().unwrap()).await;
        let text = crate::harness::pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = beredd()
            .args(["keys", "show", "--database", &app.db_url(), "--keys"])
            .arg(app.keys_dir())
            .output()
            .unwrap();
        let shown = output(&shown);
        let public = shown.lines().find_map(|l| l.strip_prefix("Offentlig nyckel (till pärmen): ")).unwrap().to_owned();
        assert!(text.contains("Nycklar och var hemligheterna förvaras"), "{text}");
        assert!(text.contains(&public[..39]), "the key the key file holds: {public} / {text}");
        assert!(text.contains(kept) && text.contains("Förseglat kuvert hos kommundirektören"), "{text}");
        assert!(
            text.contains("Inte angivet. Fyll i det under Organisationen."),
            "the backup's place is missing: {text}"
        );
        let seed = std::fs::read_dir(app.keys_dir())
            .unwrap()
            .filter_map(|f| std::fs::read_to_string(f.unwrap().path()).ok())
            .find_map(|t| t.lines().find_map(|l| l.strip_prefix("seed = ").map(str::to_owned)))
            .unwrap();
        assert!(!text.contains(&seed[..16]), "never the secret");
    }
}
