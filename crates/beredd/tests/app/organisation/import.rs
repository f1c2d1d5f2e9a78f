//! Importing the registers from xlsx and CSV, through HTTP and the command line, on both
//! databases: a good file, the same file again, next month's file (a phone changed, one new, one
//! missing listed and kept), a broken file refused naming row and column with nothing stored,
//! Windows-1252 with semicolons, xlsx, a saved column mapping reused, the other registers with
//! references by name or key, the template, and who may import.

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, beredd, fixture, get_bytes, kinds, upload, xlsx_rows};

/// A coordinator's session in an organisation with the units Hemtjänst Norr and Björkbacken
/// (code 4410).
async fn setup(app: &TestApp) -> Session {
    app.add_user("ciso", beredd_domain::Role::Coordinator, &[]).await;
    let top = app.add_unit("Vård och omsorg", None).await;
    app.add_unit("Hemtjänst Norr", Some(top)).await;
    let b = app.add_unit("Björkbacken", Some(top)).await;
    sqlx::query("UPDATE units SET code = '4410' WHERE id = $1").bind(b).execute(&app.db.pool).await.unwrap();
    app.login("ciso").await
}

/// Uploads a file to a register's import and returns the preview page's address and body.
async fn preview(s: &Session, register: &str, name: &str, bytes: Vec<u8>) -> (String, String) {
    let r = upload(s, &format!("/{register}/import"), name, bytes).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let at = r.location.unwrap();
    let page = s.get(&at).await;
    assert_eq!(page.status, StatusCode::OK);
    (at, page.body)
}

async fn phone_of(app: &TestApp, name: &str) -> Option<String> {
    let (p,): (Option<String>,) = sqlx::query_as("SELECT work_phone FROM people WHERE name = $1")
        .bind(name)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    p
}

async fn audit_count(app: &TestApp, entity: &str, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity = $1 AND action = $2")
        .bind(entity)
        .bind(action)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn an_hr_file_is_previewed_then_stored_and_the_same_file_again_changes_nothing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let list = s.get("/people").await.body;
        assert!(list.contains("href=\"/people/import\""), "{kind:?}: the list links to the import");

        let (at, body) = preview(&s, "people", "personal.csv", fixture("import/personal-1.csv")).await;
        assert!(body.contains("3 nya") && body.contains("0 rader med fel"), "{kind:?}: {body}");
        assert!(body.contains("Anna Berg") && body.contains("Cecilia Dahl"));
        assert_eq!(app.count("people").await, 0, "a preview stores nothing");

        let r = s.post(&at, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let done = s.get(r.location.as_deref().unwrap()).await.body;
        assert!(done.contains("Importen är sparad: 3 nya, 0 ändrade."), "{done}");
        assert_eq!(app.count("people").await, 3);
        assert_eq!(audit_count(&app, "person", "create").await, 3, "one audit entry per record");
        let (unit, number): (String, String) = sqlx::query_as(
            "SELECT u.name, p.employee_number FROM people p JOIN units u ON u.id = p.unit_id WHERE p.name = 'Cecilia Dahl'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!((unit.as_str(), number.as_str()), ("Björkbacken", "1003"));
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::NOT_FOUND, "a stored upload is gone");

        let (_, body) = preview(&s, "people", "personal.csv", fixture("import/personal-1.csv")).await;
        assert!(body.contains("0 nya") && body.contains("0 ändrade") && body.contains("3 oförändrade"), "{body}");
    }
}

#[tokio::test]
async fn next_months_file_updates_a_phone_adds_a_person_and_lists_the_one_missing() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let (at, _) = preview(&s, "people", "personal.csv", fixture("import/personal-1.csv")).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);

        let (at, body) = preview(&s, "people", "personal-dec.csv", fixture("import/personal-2.csv")).await;
        assert!(
            body.contains("1 ny") && body.contains("1 ändrad") && body.contains("1 oförändrad"),
            "{kind:?}: {body}"
        );
        assert!(body.contains("070-174 06 01") && body.contains("070-174 06 99"), "before and after are shown");
        assert!(body.contains("David Falk"), "the new one, whose unit is named by its code");
        let missing = crate::harness::texts(&body, ".import-missing li");
        assert_eq!(missing, ["Bo Ek"], "the one not in the file is listed");

        let r = s.post(&at, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(phone_of(&app, "Anna Berg").await.as_deref(), Some("070-174 06 99"));
        assert_eq!(app.count("people").await, 4, "Bo Ek is kept");
        assert_eq!(audit_count(&app, "person", "update").await, 1);
        let (before, after): (String, String) = sqlx::query_as(
            "SELECT before_json, after_json FROM audit_log WHERE entity = 'person' AND action = 'update'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert!(before.contains("070-174 06 01") && after.contains("070-174 06 99"));
    }
}

#[tokio::test]
async fn a_broken_file_is_refused_naming_each_row_and_column_and_nothing_is_stored() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let audit = app.count("audit_log").await;
        let (at, body) = preview(&s, "people", "personal.csv", fixture("import/personal-fel.csv")).await;
        let errors = crate::harness::texts(&body, ".error-summary li");
        assert_eq!(
            errors,
            [
                "Rad 3, kolumn Enhet: ”Hemtjänst Söder” finns inte i registret.",
                "Rad 4, kolumn Arbetstelefon: Ange ett telefonnummer med siffror, till exempel 070-174 06 05.",
                "Rad 4, kolumn E-post: Ange en e-postadress, till exempel namn@kommun.se.",
            ],
            "{kind:?}"
        );
        assert!(!body.contains(&format!("<form method=\"post\" action=\"{at}\"")), "no Spara while rows are in error");
        let r = s.post(&at, &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Inget sparades"));
        assert_eq!(app.count("people").await, 0, "not even the good row");
        assert_eq!(app.count("audit_log").await, audit);

        // A file that is no spreadsheet is refused on the upload page.
        let r = upload(&s, "/people/import", "personal.pdf", b"%PDF-1.4".to_vec()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("varken en Excel-fil (.xlsx) eller en CSV-fil"));

        // In English for an English user.
        sqlx::query("UPDATE users SET lang = 'en' WHERE username = 'ciso'").execute(&app.db.pool).await.unwrap();
        let body = s.get(&at).await.body;
        let errors = crate::harness::texts(&body, ".error-summary li");
        assert_eq!(errors[0], "Row 3, column Enhet: \"Hemtjänst Söder\" is not in the register.");
    }
}

#[tokio::test]
async fn csv_in_windows_1252_with_semicolons_and_an_xlsx_file_are_read() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let text = "Anst.nr;Namn;Enhet;Mobil\r\n2001;Åsa Öberg;Hemtjänst Norr;070-174 06 11\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err(), "the fixture really is Windows-1252");
        let (at, body) = preview(&s, "people", "excel.csv", bytes.into_owned()).await;
        assert!(body.contains("Åsa Öberg") && body.contains("1 ny"), "{kind:?}: {body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(phone_of(&app, "Åsa Öberg").await.as_deref(), Some("070-174 06 11"));

        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in
            ["Anställningsnummer", "Namn", "Enhet", "Arbetstelefon", "Nås utanför arbetstid"].iter().enumerate()
        {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_number(1, 0, 2001).unwrap();
        sheet.write_string(1, 1, "Åsa Öberg").unwrap();
        sheet.write_string(1, 2, "4410").unwrap();
        sheet.write_string(1, 3, "070-174 06 12").unwrap();
        sheet.write_string(1, 4, "Ja").unwrap();
        let (at, body) = preview(&s, "people", "personal.xlsx", book.save_to_buffer().unwrap()).await;
        assert!(body.contains("1 ändrad") && body.contains("Björkbacken"), "{body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(phone_of(&app, "Åsa Öberg").await.as_deref(), Some("070-174 06 12"));
    }
}

#[tokio::test]
async fn a_column_mapping_chosen_once_is_used_for_the_next_raw_file_on_the_web_and_the_command_line() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let raw = "Löneid;Namn;Org;Tfn jobb\n3001;Gustav Holm;Hemtjänst Norr;070-174 06 21\n";
        let (at, body) = preview(&s, "people", "hr.csv", raw.as_bytes().to_vec()).await;
        assert!(body.contains("1 rad med fel"), "{kind:?}: the unit column is not recognised: {body}");
        let chosen = [("col0", "employee_number"), ("col2", "unit"), ("col3", "work_phone")];
        let qs: Vec<String> = chosen.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let body = s.get(&format!("{at}?{}", qs.join("&"))).await.body;
        assert!(body.contains("1 ny") && body.contains("0 rader med fel"), "{body}");
        assert_eq!(s.post(&at, &chosen).await.status, StatusCode::SEE_OTHER);
        assert_eq!(phone_of(&app, "Gustav Holm").await.as_deref(), Some("070-174 06 21"));

        let next = "Löneid;Namn;Org;Tfn jobb\n3001;Gustav Holm;Hemtjänst Norr;070-174 06 22\n";
        let (_, body) = preview(&s, "people", "hr.csv", next.as_bytes().to_vec()).await;
        assert!(body.contains("1 ändrad") && body.contains("070-174 06 22"), "{body}");

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hr.csv");
        std::fs::write(&file, next).unwrap();
        let args = ["import", "people", file.to_str().unwrap(), "--database", &app.db_url()];
        let out = beredd().args(args).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("1 ändrad") && stdout.contains("070-174 06 21 → 070-174 06 22"), "{stdout}");
        assert_eq!(phone_of(&app, "Gustav Holm").await.as_deref(), Some("070-174 06 21"), "a preview stores nothing");
        let out = beredd().args(args).arg("--apply").output().unwrap();
        assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Sparat."));
        assert_eq!(phone_of(&app, "Gustav Holm").await.as_deref(), Some("070-174 06 22"));
    }
}

#[tokio::test]
async fn the_command_line_refuses_a_broken_file_naming_row_and_column() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let _s = setup(&app).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("fel.csv");
        std::fs::write(&file, fixture("import/personal-fel.csv")).unwrap();
        let out = beredd()
            .args(["import", "people", file.to_str().unwrap(), "--apply", "--database", &app.db_url()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{kind:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Rad 4, kolumn Arbetstelefon:"), "{stdout}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("Inget sparades"));
        assert_eq!(app.count("people").await, 0);
        let out = beredd().args(["import", "planets", "x.csv", "--database", &app.db_url()]).output().unwrap();
        assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("okänt register"));
    }
}

#[tokio::test]
async fn units_suppliers_and_systems_import_with_references_by_name_or_key() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let units = "Enhetskod;Namn;Nivå;Överordnad enhet\n5000;Barn och utbildning;Förvaltning;\n5100;Solgårdens förskola;Enhet;5000\n4410;Björkbackens särskilda boende;Enhet;Vård och omsorg\n";
        let (at, body) = preview(&s, "units", "enheter.csv", units.as_bytes().to_vec()).await;
        assert!(body.contains("2 nya") && body.contains("1 ändrad"), "{kind:?}: {body}");
        assert!(body.contains("Björkbacken") && body.contains("Björkbackens särskilda boende"), "renamed by its code");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (parent,): (String,) = sqlx::query_as(
            "SELECT p.name FROM units u JOIN units p ON p.id = u.parent_id WHERE u.name = 'Solgårdens förskola'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(parent, "Barn och utbildning", "a parent from a row above, by its code");

        let suppliers = "Organisationsnummer;Namn;Telefon\n556016-0680;Omsorgssystem AB;08-123 456 00\n";
        let (at, _) = preview(&s, "suppliers", "lev.csv", suppliers.as_bytes().to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);

        let systems = "System-id;Namn;Typ;Drift;Leverantör;Används av\nSYS-1;Omsorgsjournalen;IT-system;Hos leverantör (moln);556016-0680;\"Hemtjänst Norr; Björkbackens särskilda boende\"\nSYS-2;Skolplattformen;Tjänst;I kommunens nät;Okänd AB;\n";
        let (_, body) = preview(&s, "systems", "system.csv", systems.as_bytes().to_vec()).await;
        assert!(body.contains("Rad 3, kolumn Leverantör: ”Okänd AB” finns inte i registret."), "{body}");
        let systems = systems.replace("Okänd AB", "Omsorgssystem AB");
        let (at, body) = preview(&s, "systems", "system.csv", systems.into_bytes()).await;
        assert!(body.contains("2 nya"), "{body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (hosting, supplier, units): (String, String, i64) = sqlx::query_as(
            "SELECT s.hosting, l.name, (SELECT COUNT(*) FROM system_units su WHERE su.system_id = s.id) FROM systems s JOIN suppliers l ON l.id = s.supplier_id WHERE s.code = 'SYS-1'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!((hosting.as_str(), supplier.as_str(), units), ("supplier_cloud", "Omsorgssystem AB", 2));
        assert_eq!(audit_count(&app, "system", "create").await, 2);
    }
}

#[tokio::test]
async fn each_register_has_a_template_and_only_a_coordinator_may_import() {
    let app = TestApp::start(kinds()[0]).await;
    let s = setup(&app).await;
    for (register, first) in [
        ("people", "Anställningsnummer"),
        ("units", "Enhetskod"),
        ("systems", "System-id"),
        ("suppliers", "Organisationsnummer"),
    ] {
        let (status, ctype, bytes) = get_bytes(&s, &format!("/{register}/import/template")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(ctype.contains("spreadsheetml"));
        let rows = xlsx_rows(bytes);
        assert_eq!(rows[0][0], first);
        assert_eq!(rows.len(), 2, "headings and one example row");
    }
    let unit = app.add_unit("Hemtjänst Söder", None).await;
    app.add_user("chef", beredd_domain::Role::UnitManager, &[unit]).await;
    let chef = app.login("chef").await;
    assert_eq!(chef.get("/people/import").await.status, StatusCode::FORBIDDEN);
    assert!(!chef.get("/people").await.body.contains("/people/import"));
    let r = upload(&chef, "/people/import", "p.csv", fixture("import/personal-1.csv")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn activities_are_known_by_unit_and_name_and_resources_by_name() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let file = "Enhet;Namn;Samhällsviktighet;För vem\nHemtjänst Norr;Nattbemanning;Samhällsviktig;Brukare\n4410;Nattbemanning;Kritisk;Boende\nBjörkbacken;Tvätt;Övrig;\n";
        let (at, body) = preview(&s, "activities", "verksamheter.csv", file.as_bytes().to_vec()).await;
        assert!(body.contains("3 nya") && body.contains("0 rader med fel"), "{kind:?}: {body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(app.count("activities").await, 3);
        // A file from before "samhällsviktig" became a flag of its own reads as the migration did.
        let flagged = "SELECT criticality, society_critical FROM activities WHERE name = 'Nattbemanning' ORDER BY id";
        let rows: Vec<(String, i64)> = sqlx::query_as(flagged).fetch_all(&app.db.pool).await.unwrap();
        assert_eq!(rows, [("akut".to_owned(), 1), ("kritisk".to_owned(), 0)], "{kind:?}");
        let now = "Enhet;Namn;Hur kritisk;Samhällsviktig\n4410;Nattbemanning;Kritisk – inom ett dygn;Ja\n";
        let (at, body) = preview(&s, "activities", "v.csv", now.as_bytes().to_vec()).await;
        assert!(body.contains("1 ändrad"), "{kind:?}: {body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let rows: Vec<(String, i64)> = sqlx::query_as(flagged).fetch_all(&app.db.pool).await.unwrap();
        assert_eq!(rows, [("akut".to_owned(), 1), ("kritisk".to_owned(), 1)], "{kind:?}");
        let next = "Enhet;Namn;Samhällsviktighet\nBjörkbacken;Nattbemanning;Samhällsviktig\nBjörkbacken;Nattbemanning;Viktig\nOkänd enhet;Städning;Viktig\n";
        let (_, body) = preview(&s, "activities", "verksamheter.csv", next.as_bytes().to_vec()).await;
        let errors = crate::harness::texts(&body, ".error-summary li");
        assert_eq!(
            errors,
            [
                "Rad 3, kolumn Namn: ”Nattbemanning” finns redan på rad 2 i filen.",
                "Rad 4, kolumn Enhet: ”Okänd enhet” finns inte i registret.",
            ],
            "{body}"
        );
        assert!(body.contains("1 ändrad") && body.contains("Kritisk") && body.contains("Samhällsviktig"));

        let file = "Namn;Slag;Beskrivning\nReservkraft Björkbacken;El;Dieselaggregat\nStadsnätet;Kommunens nät;\nVattnet;Luft;\n";
        let (_, body) = preview(&s, "resources", "resurser.csv", file.as_bytes().to_vec()).await;
        assert!(body.contains("Rad 4, kolumn Slag:"), "the column as the file names it: {body}");
        let (at, _) = preview(&s, "resources", "resurser.csv", file.replace("Luft", "Vatten").into_bytes()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (kind_code,): (String,) = sqlx::query_as("SELECT kind FROM resources WHERE name = 'Stadsnätet'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(kind_code, "network");
    }
}

#[tokio::test]
async fn information_assets_name_their_systems_units_and_laws() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let (at, _) = preview(&s, "systems", "s.csv", b"System-id;Namn\nSYS-9;Omsorgsjournalen\n".to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let file = "Namn;Personuppgifter;Känsliga personuppgifter;System;Används av\nGenomförandeplaner;Ja;x;SYS-9;Hemtjänst Norr; 4410\nLöner;Kanske;Nej;Lönesystemet;\n";
        let file = file.replace("Hemtjänst Norr; 4410", "\"Hemtjänst Norr; 4410\"");
        let (_, body) = preview(&s, "assets", "info.csv", file.as_bytes().to_vec()).await;
        let errors = crate::harness::texts(&body, ".error-summary li");
        assert_eq!(errors.len(), 2, "{kind:?}: {errors:?}");
        assert!(errors[0].starts_with("Rad 3, kolumn Personuppgifter:"), "{errors:?}");
        assert_eq!(errors[1], "Rad 3, kolumn System: ”Lönesystemet” finns inte i registret.");
        let file = file.replace("Kanske", "Ja").replace("Lönesystemet", "");
        let (at, _) = preview(&s, "assets", "info.csv", file.into_bytes()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (flags, units): (String, i64) = sqlx::query_as(
            "SELECT flags, (SELECT COUNT(*) FROM asset_units l WHERE l.asset_id = a.id) FROM assets a WHERE name = 'Genomförandeplaner'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert!(flags.contains("personal_data") && flags.contains("sensitive_personal_data"), "{flags}");
        assert_eq!(units, 2);
        assert_eq!(audit_count(&app, "asset", "create").await, 2);
        // The file has no columns for the record of processing (GDPR art. 30): a changed asset
        // keeps its entry.
        sqlx::query("UPDATE assets SET gdpr_purpose = 'Planera insatser' WHERE name = 'Genomförandeplaner'")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let changed = "Namn;Personuppgifter;Känsliga personuppgifter\nGenomförandeplaner;Ja;Nej\n";
        let (at, _) = preview(&s, "assets", "info2.csv", changed.as_bytes().to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (flags, purpose): (String, Option<String>) =
            sqlx::query_as("SELECT flags, gdpr_purpose FROM assets WHERE name = 'Genomförandeplaner'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert!(!flags.contains("sensitive_personal_data"), "{kind:?}: the file's change stored: {flags}");
        assert_eq!(purpose.as_deref(), Some("Planera insatser"), "{kind:?}: the art. 30 entry kept");
    }
}

#[tokio::test]
async fn dependencies_are_known_by_their_two_ends() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let (at, _) = preview(&s, "systems", "s.csv", b"System-id;Namn\nSYS-9;Omsorgsjournalen\n".to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let acts =
            "Enhet;Namn;Samhällsviktighet\nHemtjänst Norr;Nattbemanning;Samhällsviktig\n4410;Nattbemanning;Kritisk\n";
        let (at, _) = preview(&s, "activities", "a.csv", acts.as_bytes().to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (at, _) = preview(&s, "resources", "r.csv", "Namn;Slag\nEl i Björkbacken;El\n".as_bytes().to_vec()).await;
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);

        let file = "Vad som beror (typ);Vad som beror;Beror på (typ);Beror på;Utan det;Reservrutin\nVerksamhet;Nattbemanning;System;SYS-9;Stannar;Papperslistor\nVerksamhet;Björkbacken / Nattbemanning;Resurs;El i Björkbacken;Försämras;\nSystem;Omsorgsjournalen;Verksamhet;Björkbacken / Nattbemanning;Stannar;\n";
        let (_, body) = preview(&s, "dependencies", "d.csv", file.as_bytes().to_vec()).await;
        let errors = crate::harness::texts(&body, ".error-summary li");
        assert_eq!(errors.len(), 2, "{kind:?}: {errors:?}");
        assert!(errors[0].starts_with("Rad 2, kolumn Vad som beror: Flera poster heter ”Nattbemanning”"), "{errors:?}");
        assert!(errors[1].starts_with("Rad 4, kolumn Beror på (typ):"), "an activity is not depended on: {errors:?}");
        let file = file.replace(";Nattbemanning;System", ";Hemtjänst Norr / Nattbemanning;System");
        let file = file.lines().take(3).collect::<Vec<_>>().join("\n");
        let (at, body) = preview(&s, "dependencies", "d.csv", file.as_bytes().to_vec()).await;
        assert!(body.contains("2 nya"), "{body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (at, body) =
            preview(&s, "dependencies", "d.csv", file.replace("Papperslistor", "Ringlista").into_bytes()).await;
        assert!(body.contains("1 ändrad") && body.contains("1 oförändrad") && body.contains("Ringlista"), "{body}");
        assert_eq!(s.post(&at, &[]).await.status, StatusCode::SEE_OTHER);
        let (fallback,): (String,) = sqlx::query_as("SELECT fallback FROM dependencies WHERE need = 'stops'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(fallback, "Ringlista");
        assert_eq!(audit_count(&app, "dependency", "update").await, 1);
    }
}
