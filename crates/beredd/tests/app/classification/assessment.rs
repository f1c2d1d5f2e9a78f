//! The self-assessment of a system against its requirements: how each is met, gaps that become
//! actions, and evidence files uploaded, checked, stored and served.

use reqwest::StatusCode;

use crate::harness::{TestApp, id_of, kinds, texts, upload, upload_without_csrf};

#[tokio::test]
async fn the_self_assessment_records_how_each_requirement_is_met_and_gaps_become_actions() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let id = |r: &crate::harness::Reply| {
            r.location.as_deref().unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
        };
        let sys = id(&s
            .post("/systems/new", &[("name", "Verksamhetssystem SoL"), ("kind", "it_system"), ("hosting", "internal")])
            .await);
        let asset = id(&s
            .post(
                "/assets/new",
                &[("name", "Social dokumentation"), ("flags", "social_services_documentation"), ("systems", &sys)],
            )
            .await);
        crate::harness::classify(&s, &asset.to_string(), ["3", "3", "2", "2"]).await;

        let overview = s.get(&format!("/systems/{sys}/assessment")).await;
        assert_eq!(overview.status, StatusCode::OK);
        let rows = texts(&overview.body, "table.register tbody tr");
        let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
        let levels = beredd_domain::classification::Levels::new(3, 3, 2, 2).unwrap();
        let flags = [beredd_domain::classification::LegalFlag::SocialServicesDocumentation];
        let expected = catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).count();
        assert_eq!(rows.len(), expected, "every derived requirement is listed");
        assert!(rows.iter().all(|r| r.contains("Inte bedömt")));

        let path = format!("/systems/{sys}/assessment/STY-01");
        // The answer starts unanswered, never "Uppfyllt", and cannot be saved unanswered.
        let form = s.get(&path).await.body;
        assert_eq!(texts(&form, "#status option[selected]"), ["Välj svar"], "nothing answered beforehand");
        let r = s.post(&path, &[("status", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            texts(&r.body, ".error-summary li")[0].ends_with("Fyll i fältet."),
            "{:?}",
            texts(&r.body, ".error-summary li")
        );
        // Not applicable needs a reason; a link must be a web address; a due date must be a date.
        let r = s.post(&path, &[("status", "not_applicable")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#not_applicable_reason-error").is_empty());
        let r = s.post(&path, &[("status", "fulfilled"), ("evidence_link", "file:///etc/passwd")]).await;
        assert_eq!(texts(&r.body, "#evidence_link-error"), ["Skriv en webbadress som börjar med https://."]);
        let r =
            s.post(&path, &[("status", "not_fulfilled"), ("action_due", "2027-13-45"), ("create_action", "on")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#action_due-error").is_empty());
        let r = s.post(&path, &[("status", "maybe")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("assessments").await, 0, "nothing is stored from bad input");
        assert_eq!(app.count("actions").await, 0);

        // Only the municipality's own staff are offered as the action's owner, here and on the
        // action form; an external contact is refused by the server too.
        let unit = app.add_unit("Socialförvaltningen", None).await;
        s.post("/people/new", &[("name", "Stina Personal"), ("kind", "staff"), ("unit", &unit.to_string())]).await;
        let outside = id_of(
            &s.post(
                "/people/new",
                &[("name", "Ulf Utomstående"), ("kind", "external"), ("organisation", "Leverantören AB")],
            )
            .await,
        );
        for page in [s.get(&path).await.body, s.get("/actions/new").await.body] {
            let offered = texts(&page, "select#action_owner option, select#owner option");
            assert!(offered.iter().any(|o| o.starts_with("Stina Personal")), "{offered:?}");
            assert!(!offered.iter().any(|o| o.starts_with("Ulf Utomstående")), "{offered:?}");
        }
        let r =
            s.post(&path, &[("status", "not_fulfilled"), ("create_action", "on"), ("action_owner", &outside)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#action_owner-error").is_empty());
        let r = s
            .post("/actions/new", &[("title", "x"), ("priority", "low"), ("status", "planned"), ("owner", &outside)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&r.body, "#owner-error").is_empty());

        // A gap becomes one action, however often it is saved.
        let r = s
            .post(
                &path,
                &[
                    ("status", "not_fulfilled"),
                    ("how", "Ingen utsedd ägare"),
                    ("create_action", "on"),
                    ("action_due", "2020-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = s
            .post(
                &path,
                &[
                    ("status", "partly"),
                    ("how", "Ägare utsedd, inte dokumenterad"),
                    ("create_action", "on"),
                    ("evidence_link", "https://intranat.example/rutin"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("assessments").await, 1);
        assert_eq!(app.count("actions").await, 1);
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        assert!(
            overview.contains("Delvis uppfyllt")
                && overview.contains(
                    "Uppfyllda / delvis / inte uppfyllda / inte tillämpliga / inte bedömda: 0 / 1 / 0 / 0 / "
                ),
            "{}",
            texts(&overview, "p[role=status]").join("|")
        );
        let form = s.get(&path).await.body;
        assert!(
            form.contains("Ägare utsedd, inte dokumenterad") && form.contains("https://intranat.example/rutin"),
            "the form shows what was saved"
        );

        // The action is in the plan, overdue, and points back to the requirement.
        let overdue = s.get("/actions?status=overdue").await.body;
        let listed = texts(&overdue, "table.register tbody tr");
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(listed[0].contains("STY-01") && listed[0].contains("försenad"));
        // In the filter the choice stands alone, so it starts with a capital.
        assert_eq!(texts(&overdue, "select#filter-status option[selected]"), ["Försenad"]);
        let action = beredd::store::actions::list(&app.db.pool, app.org).await.unwrap().remove(0);
        let detail = s.get(&format!("/actions/{}", action.id)).await.body;
        assert!(detail.contains(&format!("/systems/{sys}/assessment/STY-01")));
        // Marking it done takes it off the overdue list.
        let r = s
            .post(
                &format!("/actions/{}/edit", action.id),
                &[("title", &action.title), ("priority", "high"), ("status", "done"), ("due_date", "2020-01-31")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(texts(&s.get("/actions?status=overdue").await.body, "table.register tbody tr").is_empty());

        // A reader sees the assessment but cannot change it.
        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/systems/{sys}/assessment")).await.status, StatusCode::OK);
        assert_eq!(reader.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(reader.post(&path, &[("status", "fulfilled")]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            reader.post("/actions/new", &[("title", "x"), ("priority", "low"), ("status", "planned")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(s.get(&format!("/systems/{sys}/assessment/NOPE-1")).await.status, StatusCode::NOT_FOUND);
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("system".into()), ..Default::default() },
            20,
        )
        .await
        .unwrap();
        assert_eq!(trail.iter().filter(|e| e.action == "assess").count(), 2, "{kind:?}");
    }
}

async fn evidence_count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM evidence_files").fetch_one(&app.db.pool).await.unwrap();
    n
}

#[tokio::test]
async fn evidence_is_uploaded_checked_stored_in_the_database_and_served_only_to_its_organisation() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let sys = id_of(
            &s.post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")]).await,
        );
        let form = format!("/systems/{sys}/assessment/STY-01");
        let path = format!("{form}/evidence");

        // Refused: a kind we do not take, bytes that are not what the name says, too large, empty.
        for (name, bytes, message) in [
            ("sida.html", b"<html><script>alert(1)</script></html>".to_vec(), "Den sortens fil tas inte emot."),
            ("rapport.pdf", b"<html>not a pdf</html>".to_vec(), "Den sortens fil tas inte emot."),
            (
                "stor.txt",
                vec![b'a'; beredd_domain::upload::MAX_BYTES + 1],
                "Filen är för stor. Den får vara högst 10 MB.",
            ),
            ("tom.pdf", Vec::new(), "Filen är tom."),
        ] {
            let r = upload(&s, &path, name, bytes).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?} {name}");
            let error = texts(&r.body, "#file-error");
            assert!(error.len() == 1 && error[0].starts_with(message), "{name}: {error:?}");
        }
        assert_eq!(
            upload_without_csrf(&s, &path, "x.pdf", b"%PDF-1.4".to_vec()).await.status,
            StatusCode::FORBIDDEN,
            "no CSRF token, no upload"
        );
        assert_eq!(evidence_count(&app).await, 0, "nothing refused is stored");

        // Accepted: the name loses its path, the bytes come back as they went in.
        let pdf = b"%PDF-1.4\n% test\n".to_vec();
        let r = upload(&s, &path, "../../etc/Återläsningstest 2026.pdf", pdf.clone()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = s.get(&form).await.body;
        let link = texts(&page, "ul.evidence a");
        assert_eq!(link, ["Återläsningstest 2026.pdf"]);
        let file_id: i64 =
            sqlx::query_as::<_, (i64,)>("SELECT id FROM evidence_files").fetch_one(&app.db.pool).await.unwrap().0;
        let resp = s.client.get(format!("{}/evidence/{file_id}", s.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        let disposition = resp.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert!(
            disposition.starts_with("attachment;")
                && disposition.contains("filename*=UTF-8''%C3%85terl%C3%A4sningstest%202026.pdf"),
            "{disposition}"
        );
        assert!(resp.headers()["content-security-policy"].to_str().unwrap().contains("sandbox"));
        assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf);

        // A reader may read it but not delete it; nobody outside the organisation sees it.
        let reader = app.login("lasare").await;
        assert_eq!(
            reader.client.get(format!("{}/evidence/{file_id}", s.base)).send().await.unwrap().status(),
            StatusCode::OK
        );
        assert_eq!(reader.post(&format!("/evidence/{file_id}/delete"), &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(upload(&reader, &path, "x.pdf", b"%PDF-1.4".to_vec()).await.status, StatusCode::FORBIDDEN);
        let anonymous = app.client().get(format!("{}/evidence/{file_id}", s.base)).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "no session, no file");
        let other_org = beredd::store::orgs::create(&app.db.pool, "Grannkommun", None, "grannkommun").await.unwrap();
        let hash = beredd::platform::passwords::hash(crate::harness::PASSWORD).unwrap();
        let nu = beredd::store::users::NewUser {
            org_id: other_org,
            username: "granne",
            display_name: "Granne",
            password_hash: &hash,
            role: beredd_domain::Role::Admin,
            lang: "sv",
        };
        beredd::store::users::insert(&app.db.pool, &nu).await.unwrap();
        let neighbour = app.login_to(other_org, "granne").await;
        assert_eq!(
            neighbour.client.get(format!("{}/evidence/{file_id}", s.base)).send().await.unwrap().status(),
            StatusCode::NOT_FOUND
        );

        let r = s.post(&format!("/evidence/{file_id}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(evidence_count(&app).await, 0);
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("evidence".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        assert_eq!(trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["delete", "upload"], "{kind:?}");
    }
}

/// The page says files up to 10 MB are taken: a 9 MB file is, an 11 MB one is refused with the
/// form's message (not cut off at a smaller limit of the web framework's own).
#[tokio::test]
async fn an_evidence_file_up_to_ten_megabytes_is_taken_and_a_larger_one_refused_with_the_forms_message() {
    const MB: usize = 1024 * 1024;
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let sys = id_of(
            &s.post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")]).await,
        );
        let path = format!("/systems/{sys}/assessment/STY-01/evidence");
        let pdf = |size: usize| {
            let mut bytes = b"%PDF-1.4\n".to_vec();
            bytes.resize(size, b'%');
            bytes
        };
        let r = upload(&s, &path, "stor.pdf", pdf(11 * MB)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?}");
        assert_eq!(texts(&r.body, "#file-error"), ["Filen är för stor. Den får vara högst 10 MB."], "{kind:?}");
        assert_eq!(evidence_count(&app).await, 0);
        let r = upload(&s, &path, "skannad-rutin.pdf", pdf(9 * MB)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {:?}", texts(&r.body, "#file-error"));
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM evidence_files WHERE size = $1")
            .bind((9 * MB) as i64)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 1, "{kind:?}: stored whole");
    }
}

/// The SHA-256 of some bytes, in lower-case hex.
fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Deleting a system used to take its self-assessment and evidence files with it, unseen and for
/// good (security review F10). They now keep it, like anything else that points at it, until
/// the self-assessment is removed on purpose, which the audit trail records file by file.
#[tokio::test]
async fn a_system_with_a_self_assessment_is_deleted_only_after_that_is_removed_on_purpose() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let sys = id_of(
            &s.post("/systems/new", &[("name", "Journalsystem"), ("kind", "it_system"), ("hosting", "internal")]).await,
        );
        let asset = id_of(&s.post("/assets/new", &[("name", "Journaler"), ("systems", &sys)]).await);
        crate::harness::classify(&s, &asset.to_string(), ["3", "3", "2", "2"]).await;
        let r =
            s.post(&format!("/systems/{sys}/assessment/STY-01"), &[("status", "fulfilled"), ("how", "Ägare")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let pdf = b"%PDF-1.4\n% underlag\n".to_vec();
        let path = format!("/systems/{sys}/assessment/STY-01/evidence");
        assert_eq!(upload(&s, &path, "Återläsningstest.pdf", pdf.clone()).await.status, StatusCode::SEE_OTHER);
        // The asset no longer names the system (it moved elsewhere): nothing else points at it.
        let r = s.post(&format!("/assets/{asset}/edit"), &[("name", "Journaler")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // Refused, naming what points at it, on the confirmation page and when posted.
        let confirm = s.get(&format!("/systems/{sys}/delete")).await.body;
        let r = s.post(&format!("/systems/{sys}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?}");
        for page in [&confirm, &r.body] {
            assert_eq!(
                texts(page, ".error-summary li"),
                [
                    "Självskattning med bedömda krav: STY-01",
                    "Underlagsfil i självskattningen: STY-01: Återläsningstest.pdf"
                ],
                "{kind:?}"
            );
        }
        assert_eq!(app.count("systems").await, 1);
        assert_eq!(evidence_count(&app).await, 1);

        // The self-assessment page offers to remove it all, saying what is kept and what is not.
        let overview = s.get(&format!("/systems/{sys}/assessment")).await.body;
        let hint = texts(&overview, "#remove p");
        assert!(hint[0].starts_with("Tar bort systemets alla bedömningar (1 st.) och underlagsfiler (1 st.)."));
        assert!(
            texts(&app.login("lasare").await.get(&format!("/systems/{sys}/assessment")).await.body, "#remove")
                .is_empty()
        );
        let reader = app.login("lasare").await;
        let removal = format!("/systems/{sys}/assessment-removal");
        assert_eq!(reader.post(&removal, &[]).await.status, StatusCode::FORBIDDEN);
        let r = s.client.post(format!("{}{removal}", app.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "no CSRF token, nothing removed");
        assert_eq!(app.count("assessments").await, 1);

        let r = s.post(&removal, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!((app.count("assessments").await, evidence_count(&app).await), (0, 0));
        let trail = beredd::store::audit::list(
            &app.db.pool,
            app.org,
            &beredd::store::audit::Filter { entity: Some("self-assessment".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        assert_eq!(trail.len(), 1);
        let before: serde_json::Value = serde_json::from_str(trail[0].before_json.as_deref().unwrap()).unwrap();
        assert_eq!(before["assessments"][0]["requirement_id"], "STY-01");
        assert_eq!(before["assessments"][0]["how"], "Ägare");
        let file = &before["evidence"][0];
        assert_eq!(file["file_name"], "Återläsningstest.pdf");
        assert_eq!(file["size"], pdf.len() as i64);
        assert_eq!(file["sha256"], sha256(&pdf), "{kind:?}");
        assert!(s.get("/audit?entity=self-assessment").await.body.contains("Självskattning"));

        // Now the system goes.
        assert_eq!(s.post(&format!("/systems/{sys}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("systems").await, 0);
    }
}
