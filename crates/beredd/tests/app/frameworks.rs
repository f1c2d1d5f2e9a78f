//! Frameworks and gap analysis over HTTP: the shipped frameworks, an assessment against the
//! cybersecurity act with answers, linked requirements and actions, progress and gaps, the
//! statement of applicability as xlsx and PDF, and imports (a CISO Assistant library, broken
//! files refused with their line and nothing stored).

use reqwest::StatusCode;

use crate::harness::{TestApp, fixture, kinds, pdf_text, texts, upload};

mod imported_text;
mod removal;

#[tokio::test]
async fn an_assessment_against_the_cybersecurity_act_finds_gaps_that_become_actions_and_prints_a_statement_of_applicability()
 {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;
        let list = s.get("/frameworks").await.body;
        let names = texts(&list, "table[aria-labelledby=frameworks-heading] tbody td a");
        for expected in
            ["Cybersäkerhetslagen", "Dataskyddsförordningen", "ISO/IEC 27001:2022", "Patientdatalagen", "fyra steg"]
        {
            assert!(
                names.iter().any(|n| n.to_lowercase().contains(&expected.to_lowercase())),
                "{expected} missing in {names:?}"
            );
        }
        // The cybersecurity act shows its statute text.
        let act = s.get("/frameworks/cybersakerhetslagen/2026.1").await.body;
        assert!(
            act.contains("Verksamhetsutövare ska vidta lämpliga och proportionella tekniska"),
            "statute text of 2 kap. 3 §"
        );
        assert!(texts(&act, "dd").iter().any(|d| d == "Författningens egen lydelse"));

        let bad = s.post("/assessments", &[("framework", "nope@1"), ("title", ""), ("started_on", "2026-13-01")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(texts(&bad.body, ".error-summary li").len(), 3, "{:?}", texts(&bad.body, ".error-summary li"));
        let r = s
            .post(
                "/assessments",
                &[
                    ("framework", "cybersakerhetslagen@2026.1"),
                    ("title", "Cybersäkerhetslagen 2026"),
                    ("scope", "Hela kommunen"),
                    ("started_on", "2026-11-23"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let id = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let page = s.get(&format!("/assessments/{id}")).await.body;
        let total = texts(&page, "tfoot td");
        assert_eq!(total[0], "0 / 19", "{total:?}");

        // Measure 3 (continuity): the catalogue's continuity requirements are suggested.
        let form = s.get(&format!("/assessments/{id}/requirements/2.3.3")).await.body;
        assert!(form.contains("kontinuitetshantering och krishantering"));
        let suggested = texts(&form, "fieldset#req label");
        assert!(!suggested.is_empty() && suggested.iter().all(|l| !l.is_empty()));
        let first_req = suggested[0].split(' ').next().unwrap().to_owned();

        // Bad input names the fields and saves nothing.
        let bad = s
            .post(
                &format!("/assessments/{id}/requirements/2.3.3"),
                &[("status", "kanske"), ("maturity", "7"), ("req_other", "XYZ-99"), ("action_due", "snart")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&bad.body, ".error-summary li");
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("Mognad")), "{errors:?}");
        assert_eq!(app.count("framework_answers").await, 0);

        let r = s
            .post(
                &format!("/assessments/{id}/requirements/2.3.3"),
                &[
                    ("status", "partly"),
                    ("maturity", "2"),
                    ("comment", "Planer finns för hemtjänsten men inte för IFO"),
                    ("evidence", "Kontinuitetsplaner i Beredd"),
                    ("req", &first_req),
                    ("req_other", "sty-01"),
                    ("new_action", "Ta fram kontinuitetsplan för IFO"),
                    ("action_due", "2027-02-28"),
                    ("go", "next"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location.unwrap().contains("/requirements/2.3.4"), "save and go on to the next requirement");
        s.post(&format!("/assessments/{id}/requirements/2.3.1"), &[("status", "yes"), ("maturity", "3")]).await;
        s.post(
            &format!("/assessments/{id}/requirements/2.3.8"),
            &[("status", "na"), ("comment", "Prövat: krypteringen sköts av leverantören")],
        )
        .await;
        s.post(&format!("/assessments/{id}/requirements/2.4"), &[("status", "no"), ("maturity", "0")]).await;

        let (origin, origin_ref, due): (String, String, Option<String>) =
            sqlx::query_as("SELECT origin, origin_ref, due_date FROM actions").fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(
            (origin.as_str(), origin_ref.as_str(), due.as_deref()),
            ("framework", format!("assessment:{id}:2.3.3").as_str(), Some("2027-02-28"))
        );
        let answer = s.get(&format!("/assessments/{id}/requirements/2.3.3")).await.body;
        assert!(
            texts(&answer, "ul[aria-labelledby=linked-heading] li a")
                .contains(&"Ta fram kontinuitetsplan för IFO".to_owned())
        );
        // The typed requirement is kept, ticked in the catalogue's list, which names each
        // requirement by id and title; the typed field is empty again.
        let ticked =
            |sel: &str| scraper::Html::parse_document(&answer).select(&scraper::Selector::parse(sel).unwrap()).count();
        assert_eq!(ticked("details.req-picker input#req-pick-STY-01[name=req][checked]"), 1, "STY-01 is ticked");
        assert_eq!(ticked("details.req-picker[open]"), 1, "the list is open when something in it is ticked");
        assert_eq!(ticked("details.req-picker input[checked]"), 1, "only STY-01 among the others");
        assert!(texts(&answer, "label[for=req-pick-STY-01]")[0].starts_with("STY-01 "));
        assert_eq!(ticked("input#req_other[value=\"\"]"), 1);

        let page = s.get(&format!("/assessments/{id}")).await.body;
        let total = texts(&page, "tfoot td");
        // 19 assessable, 4 answered: yes 1, partly 1, no 1, n/a 1 → (1 + 0.5) / 18 = 8 %.
        assert_eq!(&total[..5], ["4 / 19", "1", "1", "1", "1"], "{total:?}");
        assert!(total[5].ends_with("8 %"), "{total:?}");
        let gaps = texts(&page, "table[aria-labelledby=gaps-heading] tbody tr");
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(gaps.iter().any(|g| g.contains("Ingen åtgärd ännu")), "the no without an action is flagged: {gaps:?}");
        let attention = texts(&s.get("/").await.body, "ul.attention li");
        assert!(
            attention.iter().any(|a| a.starts_with("Nulägesanalyser mot ramverk")
                && a.contains("Cybersäkerhetslagen 2026: 4 av 19 besvarade · uppfyllt till 8 %")),
            "{attention:?}"
        );
        assert!(
            attention.iter().any(|a| a.starts_with("Brister i en nulägesanalys som saknar åtgärd")
                && a.contains("2 kap. 4 §")
                && !a.contains("2 kap. 3 § 3")),
            "{attention:?}"
        );
        let unanswered = texts(
            &s.get(&format!("/assessments/{id}?show=unanswered")).await.body,
            "table[aria-labelledby=answers-heading] tbody tr:not(.group)",
        );
        assert_eq!(unanswered.len(), 15);

        // A whole chapter at once: what the page shows is sent back, with one answer changed;
        // answers that did not change are not written again.
        let chapter = s.get(&format!("/assessments/{id}/chapters/1")).await.body;
        let mut fields = form_values(&chapter);
        let measure2 = scraper::Html::parse_document(&chapter)
            .select(&scraper::Selector::parse("fieldset").unwrap())
            .find(|f| f.text().collect::<String>().contains("Uppfylls 2 kap. 3 § 2?"))
            .and_then(|f| f.value().attr("id").map(str::to_owned))
            .expect("a fieldset for measure 2");
        assert!(
            fields.iter().any(|(k, v)| k.starts_with('s') && v == "partly"),
            "the saved answer to measure 3 is shown: {fields:?}"
        );
        let maturity2 = measure2.replacen('s', "m", 1);
        fields.retain(|(k, _)| *k != measure2 && *k != maturity2);
        fields.push((measure2.clone(), "yes".into()));
        fields.push((maturity2, "4".into()));
        // Meanwhile a colleague changes measure 1 on its own page: the chapter save, which still
        // shows the old answer there, must not put the old answer back.
        s.post(
            &format!("/assessments/{id}/requirements/2.3.1"),
            &[("status", "partly"), ("maturity", "2"), ("comment", "Ändrat av en kollega")],
        )
        .await;
        let audits_before = app.count("audit_log").await;
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = s.post(&format!("/assessments/{id}/chapters/1"), &pairs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(app.count("audit_log").await, audits_before + 1, "only the changed answer is written");
        let (colleague,): (Option<String>,) =
            sqlx::query_as("SELECT comment FROM framework_answers WHERE node_id = '2.3.1'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(colleague.as_deref(), Some("Ändrat av en kollega"));
        s.post(&format!("/assessments/{id}/requirements/2.3.1"), &[("status", "yes"), ("maturity", "3")]).await;
        let (status, maturity, evidence): (Option<String>, Option<i64>, Option<String>) =
            sqlx::query_as("SELECT status, maturity, evidence FROM framework_answers WHERE node_id = '2.3.2'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!((status.as_deref(), maturity), (Some("yes"), Some(4)));
        assert_eq!(evidence, None);
        let (evidence,): (Option<String>,) =
            sqlx::query_as("SELECT evidence FROM framework_answers WHERE node_id = '2.3.3'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(
            evidence.as_deref(),
            Some("Kontinuitetsplaner i Beredd"),
            "evidence given on the requirement's page stays"
        );
        let bad =
            s.post(&format!("/assessments/{id}/chapters/1"), &[(measure2.replacen('s', "m", 1).as_str(), "9")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&bad.body, ".error-summary li")[0].starts_with("Mognad 2 kap. 3 § 2"));
        s.post(&format!("/assessments/{id}/requirements/2.3.2"), &[]).await; // back to unanswered for the counts below
        assert_eq!(s.get(&format!("/assessments/{id}/chapters/9")).await.status, StatusCode::NOT_FOUND);

        // The shipped file can be downloaded, changed and imported as a new version.
        let file = s
            .client
            .get(format!("{}/frameworks/cybersakerhetslagen/2026.1/file", s.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(file.starts_with("# Cybersäkerhetslag (2025:1506)"));
        let r = upload(
            &s,
            "/frameworks/import",
            "egen.toml",
            file.replace("version = \"2026.1\"", "version = \"2026.1-kommunen\"").into_bytes(),
        )
        .await;
        assert_eq!(r.location.as_deref(), Some("/frameworks/cybersakerhetslagen/2026.1-kommunen?msg=imported"));

        // An evidence file for the continuity measure: a refused type is explained, a PDF is kept,
        // offered for download and named in the statement of applicability.
        let send = |name: &'static str, bytes: Vec<u8>| {
            let (s, id) = (&s, id.clone());
            async move {
                let form = reqwest::multipart::Form::new()
                    .text("_csrf", s.csrf.clone())
                    .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name));
                crate::harness::reply(
                    s.client
                        .post(format!("{}/assessments/{id}/requirements/2.3.3/evidence", s.base))
                        .multipart(form)
                        .send()
                        .await
                        .unwrap(),
                )
                .await
            }
        };
        let refused = send("skript.exe", b"MZ".to_vec()).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!texts(&refused.body, "#file-error").join("").is_empty());
        let pdf_bytes = b"%PDF-1.4\n% Ovningsrapport\n".to_vec();
        let r = send("Övningsrapport 2026.pdf", pdf_bytes.clone()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, "#file-error").join(""));
        let answer = s.get(&format!("/assessments/{id}/requirements/2.3.3")).await.body;
        let link = scraper::Html::parse_document(&answer)
            .select(&scraper::Selector::parse("ul.evidence a").unwrap())
            .next()
            .and_then(|a| a.value().attr("href").map(str::to_owned))
            .expect("a file link");
        let resp = s.client.get(format!("{}{link}", s.base)).send().await.unwrap();
        assert!(resp.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
        assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf_bytes);
        assert!(
            s.get("/frameworks").await.body.contains("accept=\".toml,.yaml,.yml\""),
            "the file picker offers framework files"
        );

        // The statement of applicability as a workbook and as PDF.
        let resp = s.client.get(format!("{}/assessments/{id}/soa.xlsx", s.base)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let named = resp.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert!(named.contains("tillamplighetsforklaring-"), "{named}");
        let bytes = resp.bytes().await.unwrap().to_vec();
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), ["Tillämplighet", "Brister", "Per kapitel"]);
        let soa = wb.worksheet_range("Tillämplighet").unwrap();
        assert_eq!(soa.height(), 20, "header and 19 requirements");
        let row = soa.rows().find(|r| r[0] == "2 kap. 3 § 8").expect("measure 8");
        assert_eq!((row[2].to_string(), row[3].to_string()), ("Nej".to_owned(), "Ej tillämpligt".to_owned()));
        let gap_sheet = wb.worksheet_range("Brister").unwrap();
        assert_eq!(gap_sheet.height(), 3);
        let continuity = gap_sheet.rows().find(|r| r[0] == "2 kap. 3 § 3").expect("measure 3 is a gap");
        assert!(
            continuity[7].to_string().contains("STY-01")
                && continuity[8].to_string().contains("Ta fram kontinuitetsplan för IFO"),
            "{continuity:?}"
        );
        assert!(continuity[6].to_string().contains("Filer: Övningsrapport 2026.pdf"), "{continuity:?}");
        let resp = s.client.get(format!("{}/assessments/{id}/soa.pdf", s.base)).send().await.unwrap();
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        let pdf = pdf_text(&resp.bytes().await.unwrap());
        for expected in [
            "Tillämplighetsförklaring",
            "Cybersäkerhetslagen 2026",
            "2 kap. 3 § 3",
            "Planer finns för hemtjänsten men inte för IFO",
            "Brister",
        ] {
            assert!(pdf.contains(expected), "{expected} missing in the PDF");
        }

        // The action plan: by origin, and "mine" through the person the user says they are.
        let actions = s.get("/actions?origin=framework").await.body;
        assert!(actions.contains("Ta fram kontinuitetsplan för IFO"));
        assert!(!s.get("/actions?owner=me").await.body.contains("Ta fram kontinuitetsplan för IFO"), "not mine yet");
        let me = s
            .post("/people/new", &[("name", "Cissi Samordnare"), ("kind", "external"), ("organisation", "Kommunen")])
            .await;
        let me = me.location.unwrap().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
        sqlx::query("UPDATE actions SET owner_id = $1")
            .bind(me.parse::<i64>().unwrap())
            .execute(&app.db.pool)
            .await
            .unwrap();
        s.post("/account/person", &[("person", &me)]).await;
        assert!(s.get("/actions?owner=me").await.body.contains("Ta fram kontinuitetsplan för IFO"), "mine");

        // Every change is audited.
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = 'framework-answer'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            n, 8,
            "four answers, the colleague's change and its undoing, the chapter's one change and its undoing"
        );

        let reader = app.login("lasare").await;
        assert_eq!(reader.get(&format!("/assessments/{id}")).await.status, StatusCode::OK);
        assert_eq!(
            reader.post(&format!("/assessments/{id}/requirements/2.3.5"), &[("status", "yes")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(reader.get(&format!("/assessments/{id}/chapters/1")).await.status, StatusCode::OK);
        assert!(
            texts(&reader.get(&format!("/assessments/{id}/chapters/1")).await.body, "form[method=post] textarea")
                .is_empty(),
            "a reader sees no form to fill in"
        );
        assert_eq!(reader.get(&link).await.status, StatusCode::OK, "a reader may read the evidence");
        assert_eq!(reader.post(&format!("{link}/delete"), &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(s.post(&format!("{link}/delete"), &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(
            reader
                .post("/assessments", &[("framework", "gdpr@2026.1"), ("title", "x"), ("started_on", "2026-01-01")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(s.get("/assessments/999").await.status, StatusCode::NOT_FOUND);
        assert_eq!(s.get(&format!("/assessments/{id}/requirements/finns-inte")).await.status, StatusCode::NOT_FOUND);
    }
}

/// The values a browser would send for a form: checked radios, selected options, text areas
/// and hidden inputs except the CSRF token.
fn form_values(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let mut out = Vec::new();
    for i in doc.select(&sel("main form input[type=radio][checked]")) {
        out.push((i.value().attr("name").unwrap().to_owned(), i.value().attr("value").unwrap().to_owned()));
    }
    for s in doc.select(&sel("main form select")) {
        let value = s.select(&sel("option[selected]")).next().and_then(|o| o.value().attr("value")).unwrap_or("");
        out.push((s.value().attr("name").unwrap().to_owned(), value.to_owned()));
    }
    for t in doc.select(&sel("main form textarea")) {
        out.push((t.value().attr("name").unwrap().to_owned(), t.text().collect()));
    }
    for h in doc.select(&sel("main form input[type=hidden]")).filter(|h| h.value().attr("name") != Some("_csrf")) {
        out.push((h.value().attr("name").unwrap().to_owned(), h.value().attr("value").unwrap_or("").to_owned()));
    }
    out
}

#[tokio::test]
async fn a_ciso_assistant_library_imports_and_broken_files_are_refused_with_their_line() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_user("lasare", beredd_domain::Role::Reader, &[]).await;
        let s = app.login("admin").await;

        // A broken CISO Assistant file: one node's parent does not exist.
        let yaml = String::from_utf8(fixture("ciso-assistant/nis2-directive.yaml")).unwrap();
        let broken = yaml.replacen(
            "parent_urn: urn:intuitem:risk:req_node:nis2-directive:21.2\n",
            "parent_urn: urn:intuitem:risk:req_node:nis2-directive:99\n",
            1,
        );
        assert_ne!(broken, yaml);
        let r = upload(&s, "/frameworks/import", "nis2.yaml", broken.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let message = texts(&r.body, "#file-error").join("");
        let line = broken.lines().position(|l| l.contains("nis2-directive:99")).unwrap(); // the node starts on an earlier line
        assert!(
            message.starts_with("Rad ")
                && message.contains("har överordnat krav (parent) urn:intuitem:risk:req_node:nis2-directive:99"),
            "{message}"
        );
        let named: usize = message.trim_start_matches("Rad ").split(':').next().unwrap().parse().unwrap();
        assert!(named > 0 && named <= line + 1, "line {named} for a parent on line {}", line + 1);
        // YAML that does not parse names its line too.
        let r = upload(
            &s,
            "/frameworks/import",
            "nis2.yaml",
            yaml.replacen("    requirement_nodes:\n", "    requirement_nodes: [\n", 1).into_bytes(),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, "#file-error").join("").starts_with("Rad "), "{:?}", texts(&r.body, "#file-error"));
        // Beredd's own format: an unknown key, on its line.
        let toml = "id = \"egen\"\nversion = \"1\"\ntitle_sv = \"Eget\"\nsource = \"Eget\"\ntext = \"own-words\"\n\n[[requirement]]\nid = \"1\"\ntext_sv = \"Ett krav\"\nfarg = \"blå\"\n";
        let r = upload(&s, "/frameworks/import", "eget.toml", toml.as_bytes().to_vec()).await;
        assert_eq!(texts(&r.body, "#file-error").join(""), "Rad 10: okänd nyckel farg.");
        let r = upload(&s, "/frameworks/import", "eget.txt", toml.as_bytes().to_vec()).await;
        assert!(texts(&r.body, "#file-error").join("").contains(".toml"));
        assert_eq!(app.count("frameworks").await, 0, "nothing of a refused file is stored");

        // The real file imports.
        let r = upload(&s, "/frameworks/import", "nis2-directive.yaml", yaml.clone().into_bytes()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", texts(&r.body, "#file-error").join(""));
        assert_eq!(r.location.as_deref(), Some("/frameworks/nis2-directive/3?msg=imported"));
        let page = s.get("/frameworks/nis2-directive/3?msg=imported").await.body;
        assert!(page.contains("policies on risk analysis and information system security"));
        assert!(texts(&page, ".flash").join("").starts_with("Ramverket är importerat med"));
        let r = upload(&s, "/frameworks/import", "nis2-directive.yaml", yaml.into_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, "#file-error").join("").contains("finns redan"));
        assert_eq!(app.count("frameworks").await, 1);

        // An imported framework can be assessed like a shipped one; while in use it stays.
        let r = s
            .post(
                "/assessments",
                &[("framework", "nis2-directive@3"), ("title", "NIS2 art. 21"), ("started_on", "2026-11-23")],
            )
            .await;
        let id = r.location.unwrap().split('/').nth(2).unwrap().split('?').next().unwrap().to_owned();
        let r = s
            .post(
                &format!("/assessments/{id}/requirements/urn:intuitem:risk:req_node:nis2-directive:21.2.b"),
                &[("status", "yes")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = s.post("/frameworks/nis2-directive/3/delete", &[]).await;
        assert_eq!(r.location.as_deref(), Some("/frameworks/nis2-directive/3?msg=in-use"));
        assert_eq!(app.count("frameworks").await, 1);

        let reader = app.login("lasare").await;
        assert_eq!(
            upload(&reader, "/frameworks/import", "eget.toml", toml.as_bytes().to_vec()).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(reader.post("/frameworks/nis2-directive/3/delete", &[]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            s.post("/frameworks/cybersakerhetslagen/2026.1/delete", &[]).await.status,
            StatusCode::FORBIDDEN,
            "a shipped framework cannot be deleted"
        );
        assert_eq!(reader.post(&format!("/assessments/{id}/delete"), &[]).await.status, StatusCode::FORBIDDEN);

        // Once its assessment is deleted, the imported framework can go too.
        assert_eq!(
            s.post(&format!("/assessments/{id}/delete"), &[]).await.location.as_deref(),
            Some("/frameworks?msg=deleted")
        );
        assert_eq!(app.count("framework_answers").await, 0);
        assert_eq!(
            s.post("/frameworks/nis2-directive/3/delete", &[]).await.location.as_deref(),
            Some("/frameworks?msg=deleted")
        );
        assert_eq!(app.count("frameworks").await, 0);
    }
}

/// A "billion laughs": a short string behind nine levels of ten aliases each, a few hundred
/// bytes that would expand to a billion strings. It is refused while it is read, with a message
/// that names Beredd's limit, quickly, and nothing is stored.
#[tokio::test]
async fn a_yaml_file_whose_aliases_multiply_is_refused_while_it_is_read() {
    let mut yaml =
        String::from("urn: urn:x:library:lol\nref_id: lol\nname: Lol\nversion: 1\nlols:\n  l0: &l0 \"lol\"\n");
    for level in 1..=9 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        yaml.push_str(&format!("  l{level}: &l{level} [{refs}]\n"));
    }
    yaml.push_str("objects:\n  framework:\n    ref_id: lol\n    name: Lol\n    requirement_nodes:\n    - urn: urn:x:req:lol:1\n      assessable: true\n      description: *l9\n");
    assert!(yaml.len() < 1000, "{}", yaml.len());
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let started = std::time::Instant::now();
        let r = upload(&s, "/frameworks/import", "lol.yaml", yaml.clone().into_bytes()).await;
        let took = started.elapsed();
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let message = texts(&r.body, "#file-error").join("");
        assert!(
            message.starts_with("Rad ") && message.contains("fler än 100\u{a0}000 alias"),
            "the message names the limit: {message}"
        );
        assert!(took < std::time::Duration::from_secs(3), "refused in {took:?}");
        assert_eq!(app.count("frameworks").await, 0);
    }
}
