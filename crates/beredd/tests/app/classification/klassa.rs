//! Classifications brought over from a KLASSA export, over HTTP on both databases: a good file
//! previewed and stored as new versions with the origin KLASSA and the file's date (an earlier
//! classification kept, an unknown asset created, the process code set, the same file again
//! storing nothing), a broken file refused naming row and column with nothing stored, headings
//! mapped by hand, the template, and who may import.

use reqwest::StatusCode;

use crate::harness::{Session, TestApp, get_bytes, kinds, texts, upload, xlsx_rows};

async fn setup(app: &TestApp) -> Session {
    app.add_user("ciso", beredd_domain::Role::Coordinator, &[]).await;
    app.login("ciso").await
}

/// Uploads a file and returns the preview's address and body.
async fn preview(s: &Session, name: &str, text: &str) -> (String, String) {
    let r = upload(s, "/assets/klassa", name, text.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let at = r.location.unwrap();
    let page = s.get(&at).await;
    assert_eq!(page.status, StatusCode::OK);
    (at, page.body)
}

/// Creates the asset "Genomförandeplaner" and classifies it on Beredd's own form (K1 R1 T1 S1).
async fn classified_asset(s: &Session) -> String {
    let r = s.post("/assets/new", &[("name", "Genomförandeplaner")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let at = r.location.unwrap();
    let id = at.trim_start_matches("/assets/").split('?').next().unwrap().to_owned();
    let form = [("level_k", "1"), ("level_r", "1"), ("level_t", "1"), ("level_s", "1"), ("reason", "")];
    let r = s.post(&format!("/assets/{id}/classify"), &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id
}

/// (version, K, origin, source date, by, reason) of an asset's classifications, oldest first.
async fn versions(app: &TestApp, asset: &str) -> Vec<(i64, i64, String, Option<String>, String, Option<String>)> {
    sqlx::query_as(
        "SELECT c.version, c.level_k, c.origin, c.source_date, c.classified_by, c.reason FROM classifications c
         JOIN assets a ON a.id = c.asset_id WHERE a.name = $1 ORDER BY c.version",
    )
    .bind(asset)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

const GOOD: &str = "Informationsmängd;Konfidentialitet;Riktighet;Tillgänglighet;Spårbarhet;Datum för klassning;Klassad av;Processkod;Motivering\n\
genomförandeplaner;3;2;K2;Nivå 2;2024-05-12;Anna Lindqvist;3.2.1;Känsliga uppgifter om hälsa\n\
Ekonomiskt bistånd, akter;4;3;2;3;2023-11-02;;5.1;\n\
Ekonomiskt bistånd, akter;3;3;2;3;2022-03-01;Bo Ek;;Första klassningen\n";

#[tokio::test]
async fn a_klassa_file_is_previewed_then_stored_as_new_versions_keeping_the_history() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        assert!(s.get("/overview").await.body.contains("href=\"/assets/klassa\""), "reachable from the overview");
        let id = classified_asset(&s).await;

        let (at, body) = preview(&s, "klassa.csv", GOOD).await;
        assert!(
            body.contains("3 klassningar att spara")
                && body.contains("1 ny informationsmängd")
                && body.contains("0 rader med fel"),
            "{kind:?}: {body}"
        );
        assert!(body.contains("K3 R2 T2 S2") && body.contains(&format!("href=\"/assets/{id}\"")));
        assert_eq!(app.count("assets").await, 1, "a preview stores nothing");
        assert_eq!(versions(&app, "Genomförandeplaner").await.len(), 1);

        let r = s.post(&at, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind:?}: {}", r.body);
        let done = s.get(r.location.as_deref().unwrap()).await.body;
        assert!(done.contains("Klassningarna är sparade: 3 klassningar, 1 ny informationsmängd."), "{done}");

        let v = versions(&app, "Genomförandeplaner").await;
        assert_eq!(v.len(), 2, "{kind:?}: the earlier version is kept");
        assert_eq!((v[0].1, v[0].2.as_str(), v[0].3.as_deref()), (1, "beredd", None));
        assert_eq!((v[1].1, v[1].2.as_str(), v[1].3.as_deref()), (3, "klassa", Some("2024-05-12")));
        assert_eq!((v[1].4.as_str(), v[1].5.as_deref()), ("Anna Lindqvist", Some("Känsliga uppgifter om hälsa")));

        let v = versions(&app, "Ekonomiskt bistånd, akter").await;
        let dates: Vec<_> = v.iter().map(|c| (c.0, c.1, c.3.clone().unwrap())).collect();
        assert_eq!(
            dates,
            [(1, 3, "2022-03-01".into()), (2, 4, "2023-11-02".into())],
            "oldest first: the newest is current"
        );
        assert_eq!(v[1].4, "ciso", "an empty 'Klassad av' names the one who imported");
        let (code,): (Option<String>,) = sqlx::query_as("SELECT process_code FROM assets WHERE name = $1")
            .bind("Ekonomiskt bistånd, akter")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(code.as_deref(), Some("5.1"));

        let page = s.get(&format!("/assets/{id}")).await.body;
        assert!(page.contains("Klassad i KLASSA 2024-05-12") && page.contains("3.2.1"), "{page}");
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'asset' AND action = 'classify' AND summary LIKE '%KLASSA%'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(n, 3, "an audit entry per version");

        let (again, body) = preview(&s, "klassa.csv", GOOD).await;
        assert!(body.contains("0 klassningar att spara") && body.contains("3 rader redan inlästa"), "{body}");
        assert!(!body.contains(&format!("<form method=\"post\" action=\"{again}\"")), "nothing to store");
    }
}

#[tokio::test]
async fn a_broken_file_is_refused_naming_row_and_column_and_nothing_is_stored() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = setup(&app).await;
        let audit = app.count("audit_log").await;
        let file = "Informationsmängd;K;R;T;S;Datum;Klassad av\n\
            Lönehandlingar;2;2;2;2;2024-01-10;Eva\n\
            Personalakter;5;2;;2;2024-01-10;Eva\n\
            Bygglov;1;1;1;1;12/5 2024;Eva\n\
            Lönehandlingar;2;2;2;2;2024-01-10;Eva\n\
            ;1;1;1;1;2027-01-01;Eva\n";
        let (at, body) = preview(&s, "klassa.csv", file).await;
        let errors = texts(&body, ".error-summary li");
        assert_eq!(
            errors,
            [
                "Rad 3, kolumn K: Ange ett heltal från 0 till och med 4.",
                "Rad 3, kolumn T: Fyll i fältet.",
                "Rad 4, kolumn Datum: Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.",
                "Rad 5, kolumn Informationsmängd: ”Lönehandlingar 2024-01-10” finns redan på rad 2 i filen.",
                "Rad 6, kolumn Informationsmängd: Fyll i fältet.",
                "Rad 6, kolumn Datum: Datumet kan inte vara senare än i dag.",
            ],
            "{kind:?}: {body}"
        );
        assert!(!body.contains(&format!("<form method=\"post\" action=\"{at}\"")), "no Spara while rows are in error");
        let r = s.post(&at, &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Inget sparades"));
        assert_eq!(app.count("assets").await, 0, "not even the good row");
        assert_eq!(app.count("classifications").await, 0);
        assert_eq!(app.count("audit_log").await, audit);

        // Headings KLASSA might use otherwise are chosen by hand.
        let raw = "Objekt;Konf;Rikt;Tillg;Spårb;När\nLönehandlingar;2;2;2;2;2024-01-10\n";
        let (at, body) = preview(&s, "export.csv", raw).await;
        assert!(body.contains("Rad 2, kolumn Konfidentialitet: Fyll i fältet."), "{body}");
        let chosen =
            [("col1", "level_k"), ("col2", "level_r"), ("col3", "level_t"), ("col4", "level_s"), ("col5", "date")];
        let qs: Vec<String> = chosen.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let body = s.get(&format!("{at}?{}", qs.join("&"))).await.body;
        assert!(body.contains("1 klassning att spara") && body.contains("0 rader med fel"), "{body}");
        assert_eq!(s.post(&at, &chosen).await.status, StatusCode::SEE_OTHER);
        assert_eq!(versions(&app, "Lönehandlingar").await[0].2, "klassa");
    }
}

#[tokio::test]
async fn the_template_downloads_and_only_those_who_edit_all_content_import() {
    let app = TestApp::start(kinds()[0]).await;
    let s = setup(&app).await;
    let page = s.get("/assets/klassa").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Importera klassningar från KLASSA") && page.body.contains("Processkod"));
    let crosswalk = texts(&page.body, ".klassa-crosswalk tbody tr");
    assert!(
        crosswalk
            .iter()
            .any(|r| r.contains("Säkerhetskopiering och återläsning")
                && r.contains("Säkerhetskopiering och återställning")),
        "{crosswalk:?}"
    );
    let (status, ctype, bytes) = get_bytes(&s, "/assets/klassa/template").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.contains("spreadsheetml"));
    let rows = xlsx_rows(bytes);
    assert_eq!(
        rows[0][..6],
        ["Informationsmängd", "Konfidentialitet", "Riktighet", "Tillgänglighet", "Spårbarhet", "Datum för klassning"]
    );
    assert_eq!(rows.len(), 2, "headings and one example row");

    let unit = app.add_unit("Hemtjänst Söder", None).await;
    for (name, role) in [("chef", beredd_domain::Role::UnitManager), ("läsare", beredd_domain::Role::Reader)] {
        app.add_user(name, role, &[unit]).await;
        let other = app.login(name).await;
        assert_eq!(other.get("/assets/klassa").await.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(other.get("/assets/klassa/template").await.status, StatusCode::FORBIDDEN);
        assert!(!other.get("/overview").await.body.contains("/assets/klassa"));
        let r = upload(&other, "/assets/klassa", "k.csv", GOOD.as_bytes().to_vec()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
    // Another user's upload is not found.
    let (at, _) = preview(&s, "klassa.csv", GOOD).await;
    app.add_user("admin2", beredd_domain::Role::Admin, &[]).await;
    let admin = app.login("admin2").await;
    assert_eq!(admin.get(&at).await.status, StatusCode::NOT_FOUND);
    assert_eq!(admin.post(&at, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("classifications").await, 0);
}
