//! Evidence uploads and the printed outputs (PDF and Excel) of the classification work.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, kinds, pdf_text_with, texts};

fn id_of(r: &crate::harness::Reply) -> String {
    r.location.as_deref().expect("redirect").rsplit('/').next().unwrap().split('?').next().unwrap().to_owned()
}

async fn upload(s: &Session, path: &str, name: &str, bytes: Vec<u8>, csrf: Option<&str>) -> crate::harness::Reply {
    let mut form = reqwest::multipart::Form::new();
    if let Some(token) = csrf {
        form = form.text("_csrf", token.to_owned());
    }
    form = form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    let resp = s.client.post(format!("{}{path}", s.base)).multipart(form).send().await.expect("upload");
    crate::harness::reply(resp).await
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
            let r = upload(&s, &path, name, bytes, Some(&s.csrf)).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{kind:?} {name}");
            let error = texts(&r.body, "#file-error");
            assert!(error.len() == 1 && error[0].starts_with(message), "{name}: {error:?}");
        }
        assert_eq!(
            upload(&s, &path, "x.pdf", b"%PDF-1.4".to_vec(), None).await.status,
            StatusCode::FORBIDDEN,
            "no CSRF token, no upload"
        );
        assert_eq!(evidence_count(&app).await, 0, "nothing refused is stored");

        // Accepted: the name loses its path, the bytes come back as they went in.
        let pdf = b"%PDF-1.4\n% test\n".to_vec();
        let r = upload(&s, &path, "../../etc/Återläsningstest 2026.pdf", pdf.clone(), Some(&s.csrf)).await;
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
        assert_eq!(
            upload(&reader, &path, "x.pdf", b"%PDF-1.4".to_vec(), Some(&reader.csrf)).await.status,
            StatusCode::FORBIDDEN
        );
        let anonymous = app.client().get(format!("{}/evidence/{file_id}", s.base)).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "no session, no file");
        let other_org = beredd::store::orgs::create(&app.db.pool, "Grannkommun", None).await.unwrap();
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
        let neighbour = app.login("granne").await;
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

fn xlsx_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a workbook calamine can open");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

async fn get_bytes(s: &Session, path: &str) -> (StatusCode, String, Vec<u8>) {
    let resp = s.client.get(format!("{}{path}", s.base)).send().await.unwrap();
    let status = resp.status();
    let ctype = resp.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, ctype, resp.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_procurement_specification_and_the_classification_report_print_as_pdf_and_excel() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let top = app.add_unit("Socialförvaltningen", None).await;
    let home = app.add_unit("Äldreboendet Björkgården", Some(top)).await;
    let other = app.add_unit("Tekniska förvaltningen", None).await;
    let sys = id_of(
        &s.post(
            "/systems/new",
            &[("name", "Journalsystem för äldreomsorg"), ("kind", "it_system"), ("hosting", "internal")],
        )
        .await,
    );
    let odd = "*fet* #eval(\"1+1\") <b>x</b> ÅÄÖ åäö";
    let asset = id_of(
        &s.post(
            "/assets/new",
            &[
                ("name", odd),
                ("flags", "patient_data"),
                ("flags", "secrecy_osl"),
                ("osl_reference", "25 kap. 1 §"),
                ("systems", &sys),
                ("units", &home.to_string()),
            ],
        )
        .await,
    );
    s.post(
        &format!("/assets/{asset}/classify"),
        &[
            ("level_k", "3"),
            ("level_r", "2"),
            ("level_t", "3"),
            ("level_s", "3"),
            ("why_k", "Hälsouppgifter om boende röjs"),
        ],
    )
    .await;
    s.post("/assets/new", &[("name", "Felanmälningar gator"), ("units", &other.to_string())]).await;

    let catalogue = beredd::content::catalogue::Catalogue::load().unwrap();
    let levels = beredd_domain::classification::Levels::new(3, 2, 3, 3).unwrap();
    let flags =
        [beredd_domain::classification::LegalFlag::SecrecyOsl, beredd_domain::classification::LegalFlag::PatientData];
    let derived: Vec<_> = catalogue.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).collect();

    let (status, ctype, bytes) = get_bytes(&s, &format!("/systems/{sys}/procurement/xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.contains("spreadsheetml"));
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.len(), derived.len() + 1, "a header and one row per derived requirement");
    assert_eq!(rows[0][0], "Nr");
    assert_eq!(rows[1][0], "1.1");
    let log06 = rows.iter().find(|r| r[3] == "LOG-06").expect("patient data brings LOG-06");
    assert_eq!(log06[2], catalogue.get("LOG-06").unwrap().shall_sv);

    let (status, ctype, bytes) = get_bytes(&s, &format!("/systems/{sys}/procurement/pdf")).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "application/pdf"));
    let text = pdf_text_with(&bytes, true);
    assert!(
        text.contains("Kravspecifikation för upphandling") && text.contains("Journalsystem för äldreomsorg"),
        "{text}"
    );
    assert!(text.contains("K3 R2 T3 S3") && text.contains("Sida 1 av"));
    assert!(text.contains("LOG-06"));

    // The report for the whole organisation holds both assets; for the care home only its own.
    let (_, _, bytes) = get_bytes(&s, "/reports/classification/xlsx").await;
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.len(), 3);
    let (_, _, bytes) = get_bytes(&s, &format!("/reports/classification/xlsx?unit={top}")).await;
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.len(), 2, "the unit's report covers the units under it, and nothing else");
    assert_eq!(rows[1][0], odd);
    assert_eq!(&rows[1][1..5], ["3", "2", "3", "3"]);
    let (status, _, bytes) = get_bytes(&s, &format!("/reports/classification/pdf?unit={top}")).await;
    assert_eq!(status, StatusCode::OK);
    let text = pdf_text_with(&bytes, true);
    assert!(text.contains(odd), "text that looks like markup is printed as typed: {text}");
    assert!(text.contains("Socialförvaltningen") && text.contains("Hälsouppgifter om boende röjs"));
    assert!(text.contains("Innehåller uppgifter om var kommunen är sårbar"), "protected content is marked");
    assert!(!text.contains("Felanmälningar gator"));

    assert_eq!(get_bytes(&s, "/reports/classification/docx").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get_bytes(&s, "/reports/classification/pdf?unit=999999").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get_bytes(&s, "/systems/999999/procurement/pdf").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_list_downloads_as_excel_with_the_same_search_filters_and_order() {
    let app = TestApp::start(crate::harness::Kind::Sqlite).await;
    let s = app.login("admin").await;
    let top = app.add_unit("Socialförvaltningen", None).await;
    app.add_unit("Äldreboendet Björkgården", Some(top)).await;
    app.add_unit("Hemtjänst Norr", Some(top)).await;
    app.add_unit("=HYPERLINK(\"http://x\")", None).await;

    let (status, ctype, bytes) = get_bytes(&s, "/units/export?sort=name&dir=desc").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.contains("spreadsheetml"));
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.len(), 5, "a header and the four units");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["Äldreboendet Björkgården", "Socialförvaltningen", "Hemtjänst Norr", "=HYPERLINK(\"http://x\")"],
        "Swedish order, descending"
    );
    let (_, _, bytes) = get_bytes(&s, "/units/export?q=hemtj").await;
    assert_eq!(xlsx_rows(bytes).len(), 2, "the search applies");
    assert!(s.get("/units?q=hemtj").await.body.contains("/units/export?q=hemtj"), "the list links to its own export");

    // The action plan filters by owner, unit and origin, and exports what it shows.
    let owner = s.post("/people/new", &[("name", "Anna Ek"), ("kind", "staff"), ("unit", &top.to_string())]).await;
    let owner = id_of(&owner);
    s.post(
        "/actions/new",
        &[
            ("title", "Öva reservrutinen"),
            ("owner", &owner),
            ("unit", &top.to_string()),
            ("priority", "high"),
            ("status", "planned"),
        ],
    )
    .await;
    s.post("/actions/new", &[("title", "Byt lås"), ("priority", "low"), ("status", "planned")]).await;
    assert_eq!(texts(&s.get(&format!("/actions?owner={owner}")).await.body, "table.register tbody tr").len(), 1);
    assert_eq!(texts(&s.get(&format!("/actions?unit={top}")).await.body, "table.register tbody tr").len(), 1);
    assert_eq!(texts(&s.get("/actions?origin=manual").await.body, "table.register tbody tr").len(), 2);
    assert!(texts(&s.get("/actions?origin=requirement").await.body, "table.register tbody tr").is_empty());
    let (_, _, bytes) = get_bytes(&s, &format!("/actions/export?owner={owner}")).await;
    let rows = xlsx_rows(bytes);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "Öva reservrutinen");
    assert_eq!(rows[1][1], "Anna Ek");

    let anonymous = app.client().get(format!("{}/actions/export", s.base)).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "no session, no export");
}
