//! The whole organisation out and in (issue 19): `beredd export organisation` and `beredd import
//! organisation` move every row between SQLite and PostgreSQL; `beredd backup` and `beredd
//! restore` do the same through an encrypted file, telling a wrong passphrase from a changed byte.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Output, Stdio};

use reqwest::StatusCode;

use crate::harness::{Kind, PASSWORD, TestApp, TestDb, beredd, fresh_db, kinds, upload};

/// The demo municipality, with an uploaded file (a column of bytes) and an incident of its own,
/// served on a database of `kind`.
pub async fn demo_app(kind: Kind) -> (TestApp, String) {
    let t = fresh_db(kind).await;
    let db = t.connect().await;
    db.migrate().await.unwrap();
    beredd::content::demo::load(&db, &beredd::content::demo::Source::Embedded, PASSWORD).await.unwrap();
    let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
    let app = TestApp::serve(db, org, kind, t).await;
    let s = app.login("admin").await;
    let sys: (i64,) = sqlx::query_as("SELECT id FROM systems ORDER BY id").fetch_one(&app.db.pool).await.unwrap();
    let r = upload(
        &s,
        &format!("/systems/{}/assessment/STY-01/evidence", sys.0),
        "Återläsning.pdf",
        b"%PDF-1.4\n%x\n".to_vec(),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let unit: (i64,) = sqlx::query_as("SELECT id FROM units ORDER BY id").fetch_one(&app.db.pool).await.unwrap();
    let incident = crate::crisis::start(&s, unit.0).await;
    let r = s
        .post(&format!("/incidents/{incident}/log"), &[("kind", "information"), ("text", "Papper i alla enheter")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (app, incident)
}

fn run(args: &[&str]) -> Output {
    beredd().args(args).output().unwrap()
}

fn run_with_input(args: &[&str], input: &str) -> Output {
    let mut child =
        beredd().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `beredd incident verify` finds the incident's log unbroken in the target database.
fn log_verifies(target: &TestDb, incident: &str) {
    let keys = target.keys_dir().display().to_string();
    let said = ok(&run(&["incident", "verify", "--database", &target.url, "--keys", &keys, incident]));
    assert!(said.starts_with("Loggen är obruten"), "{said}");
}

fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "should be refused: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every table of an export file, as its rows.
fn tables_of(zip_bytes: &[u8]) -> BTreeMap<String, Vec<serde_json::Value>> {
    let e = beredd::services::archive::Export::read(zip_bytes).expect("a good export");
    e.manifest
        .tables
        .iter()
        .map(|t| (t.name.clone(), e.rows(&t.name).unwrap().into_iter().map(Into::into).collect()))
        .collect()
}

/// Two exports hold the same rows, the later one's audit trail with its own export added.
fn assert_same(
    before: &BTreeMap<String, Vec<serde_json::Value>>,
    after: &BTreeMap<String, Vec<serde_json::Value>>,
    what: &str,
) {
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "{what}: the same tables");
    for (table, rows) in before {
        let theirs = &after[table];
        if table == "audit_log" {
            assert_eq!(&theirs[..rows.len()], &rows[..], "{what}: the audit trail kept");
            assert!(theirs.len() > rows.len(), "{what}: the export is in the audit trail");
        } else {
            assert_eq!(theirs, rows, "{what}: table {table}");
        }
    }
}

async fn empty_target(kind: Kind) -> TestDb {
    fresh_db(kind).await
}

#[tokio::test]
async fn the_whole_organisation_moves_between_sqlite_and_postgresql_with_every_row_and_its_logs() {
    for from in kinds() {
        let (app, incident) = demo_app(from).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("organisation.zip");
        let f = file.to_str().unwrap();
        let said =
            ok(&run(&["export", "organisation", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out", f]));
        assert!(said.contains("(exempelkommun) skrevs till") && said.contains("schemaversion"), "{said}");
        refused(&run(&["export", "organisation", "--database", &app.db_url(), "--out", f]));
        let bytes = std::fs::read(&file).unwrap();
        let exported = tables_of(&bytes);
        assert!(exported["evidence_files"].len() == 1 && exported["incident_log"].len() >= 2, "the file and the log");
        assert!(exported.keys().all(|t| t != "sessions" && t != "schema_migrations"), "no logins, no migration record");
        // Readable without Beredd: the manifest and every table are plain files in a plain zip.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert!(zip.by_name("LASMIG.txt").is_ok() && zip.by_name("tables/units.json").is_ok());
        let name = zip
            .file_names()
            .filter_map(Result::ok)
            .find(|n| n.starts_with("files/evidence_files/"))
            .unwrap()
            .into_owned();
        let mut pdf = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(&name).unwrap(), &mut pdf).unwrap();
        assert_eq!(pdf, b"%PDF-1.4\n%x\n");

        for to in kinds() {
            let target = empty_target(to).await;
            let said = ok(&run(&["import", "organisation", "--database", &target.url, f]));
            assert!(said.starts_with("Inläst: Kalix kommun") || said.starts_with("Inläst: "), "{said}");
            // Read in twice: refused, naming what is there, and nothing added.
            let again = refused(&run(&["import", "organisation", "--database", &target.url, f]));
            assert!(again.contains("databasen är inte tom"), "{again}");
            let copy = dir.path().join(format!("{from:?}-{to:?}.zip"));
            ok(&run(&["export", "organisation", "--database", &target.url, "--out", copy.to_str().unwrap()]));
            assert_same(&exported, &tables_of(&std::fs::read(&copy).unwrap()), &format!("{from:?} → {to:?}"));

            // The log still verifies there, and people log in with the passwords they had.
            log_verifies(&target, &incident);
            let db = target.connect().await;
            let org = beredd::store::orgs::first(&db.pool).await.unwrap().unwrap().id;
            let moved = TestApp::serve(db, org, to, target).await;
            let s = moved.login("admin").await;
            let page = s.get(&format!("/incidents/{incident}/log")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.body.contains("Papper i alla enheter"));
            // A new record after the move gets a new id (the counters continued).
            let r = s.post("/units/new", &[("name", "Ny enhet efter flytten"), ("kind", "enhet")]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
    }
}

#[tokio::test]
async fn a_changed_export_is_refused_before_anything_is_written() {
    let (app, _) = demo_app(Kind::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("organisation.zip");
    ok(&run(&["export", "organisation", "--database", &app.db_url(), "--out", file.to_str().unwrap()]));
    // One table's rows changed inside the zip: its checksum no longer agrees.
    let bytes = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let changed = dir.path().join("changed.zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&changed).unwrap());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut content).unwrap();
        if name == "tables/people.json" {
            content = String::from_utf8(content).unwrap().replacen("070", "071", 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap();
    for kind in kinds() {
        let target = empty_target(kind).await;
        let said = refused(&run(&["import", "organisation", "--database", &target.url, changed.to_str().unwrap()]));
        assert!(said.contains("ändrats eller skadats") && said.contains("tables/people.json"), "{said}");
        let not_zip = dir.path().join("inte.zip");
        std::fs::write(&not_zip, b"hej").unwrap();
        let said = refused(&run(&["import", "organisation", "--database", &target.url, not_zip.to_str().unwrap()]));
        assert!(said.contains("ingen export från Beredd"), "{said}");
        let db = target.connect().await;
        db.migrate().await.unwrap();
        assert_eq!(beredd::store::dump::count(&db.pool, "people").await.unwrap(), 0, "nothing written");
        db.close().await;
    }
}

#[tokio::test]
async fn a_backup_restores_into_either_database_and_a_wrong_passphrase_is_told_from_a_changed_byte() {
    for from in kinds() {
        let (app, incident) = demo_app(from).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kopia.beredd");
        let f = file.to_str().unwrap();
        let said = ok(&run_with_input(
            &["backup", "--database", &app.db_url(), "--keys", &app.keys_arg(), "--out", f],
            "rätt häst batteri häftklammer\n",
        ));
        assert!(said.contains("SHA-256 för filen: ") && said.contains("kB"), "{said}");
        let bytes = std::fs::read(&file).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("Karin Ek"), "nothing readable in the file");

        let target =
            empty_target(if matches!(from, Kind::Sqlite) { *kinds().last().unwrap() } else { Kind::Sqlite }).await;
        let wrong = refused(&run_with_input(&["restore", "--database", &target.url, f], "fel lösenfras\n"));
        assert!(wrong.contains("lösenfrasen eller nyckeln öppnar inte"), "{wrong}");
        let mut flipped = bytes.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x01;
        let changed = dir.path().join("ändrad.beredd");
        std::fs::write(&changed, &flipped).unwrap();
        let said = refused(&run_with_input(
            &["restore", "--database", &target.url, changed.to_str().unwrap()],
            "rätt häst batteri häftklammer\n",
        ));
        assert!(said.contains("har ändrats eller skadats"), "{said}");
        {
            let db = target.connect().await;
            db.migrate().await.unwrap();
            assert_eq!(beredd::store::dump::count(&db.pool, "organisations").await.unwrap(), 0, "nothing written");
            db.close().await;
        }
        let said = ok(&run_with_input(&["restore", "--database", &target.url, f], "rätt häst batteri häftklammer\n"));
        assert!(said.starts_with("Inläst: "), "{said}");
        log_verifies(&target, &incident);
    }
}

#[tokio::test]
async fn a_backup_to_a_public_key_opens_only_with_its_key_file() {
    let (app, _) = demo_app(Kind::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("nyckel.txt");
    let said = ok(&run(&["backup", "--new-key", key.to_str().unwrap()]));
    let public = said.split_whitespace().find(|w| w.starts_with("age1")).expect("the public key is printed").to_owned();
    let text = std::fs::read_to_string(&key).unwrap();
    assert!(text.contains("AGE-SECRET-KEY-1"));
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions()) & 0o077, 0);
    let file = dir.path().join("kopia.beredd");
    ok(&run(&["backup", "--database", &app.db_url(), "--recipient", &public, "--out", file.to_str().unwrap()]));
    let bad = refused(&run(&[
        "backup",
        "--database",
        &app.db_url(),
        "--recipient",
        "age1inte",
        "--out",
        dir.path().join("x").to_str().unwrap(),
    ]));
    assert!(bad.contains("ingen age-nyckel"), "{bad}");
    for kind in kinds() {
        let target = empty_target(kind).await;
        let said =
            refused(&run_with_input(&["restore", "--database", &target.url, file.to_str().unwrap()], "en lösenfras\n"));
        assert!(said.contains("öppnas med nyckelfilen"), "{said}");
        let other = dir.path().join(format!("annan-{kind:?}.txt"));
        ok(&run(&["backup", "--new-key", other.to_str().unwrap()]));
        let said = refused(&run(&[
            "restore",
            "--database",
            &target.url,
            "--identity",
            other.to_str().unwrap(),
            file.to_str().unwrap(),
        ]));
        assert!(said.contains("öppnar inte den här säkerhetskopian"), "{said}");
        ok(&run(&["restore", "--database", &target.url, "--identity", key.to_str().unwrap(), file.to_str().unwrap()]));
    }
}

/// `beredd serve --backup-dir … --backup-recipient …` writes an encrypted backup at once when
/// there is none, says so on the administrator's page, and the file restores with the key.
#[tokio::test]
async fn a_server_with_a_backup_schedule_writes_encrypted_backups_that_restore() {
    use std::io::BufReader;
    let (app, incident) = demo_app(Kind::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("nyckel.txt");
    let said = ok(&run(&["backup", "--new-key", key.to_str().unwrap()]));
    let public = said.split_whitespace().find(|w| w.starts_with("age1")).unwrap().to_owned();
    let refused_start =
        refused(&run(&["serve", "--database", &app.db_url(), "--backup-dir", dir.path().to_str().unwrap()]));
    assert!(refused_start.contains("--backup-recipient"), "{refused_start}");
    let backups = dir.path().join("kopior");
    let port = super::free_port();
    let mut child = beredd()
        .args([
            "serve",
            "--database",
            &app.db_url(),
            "--keys",
            &app.keys_arg(),
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .args([
            "--backup-dir",
            backups.to_str().unwrap(),
            "--backup-every",
            "6h",
            "--backup-keep",
            "3",
            "--backup-recipient",
            &public,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    super::wait_for_line(&mut out, "Beredd kör på");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let file = loop {
        let found: Vec<_> = std::fs::read_dir(&backups)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        if let Some(f) = found.into_iter().find(|p| p.extension().is_some_and(|e| e == "beredd")) {
            // Written whole: the page names it once it is remembered.
            let page = app.login("admin").await.get("/backups").await.body;
            if page.contains("backup-at") {
                break f;
            }
        }
        assert!(std::time::Instant::now() < deadline, "no backup was written within two minutes");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    let _ = child.kill();
    let _ = child.wait();
    let page = app.login("admin").await.get("/backups").await.body;
    let plan = crate::harness::texts(&page, "#backup-plan");
    assert!(plan[0].contains("6 timmars mellanrum") && plan[0].contains("de 3 senaste"), "{plan:?}");
    assert!(crate::harness::texts(&page, "#backup-stale").is_empty());
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions()) & 0o077, 0);
    for kind in kinds() {
        let target = empty_target(kind).await;
        ok(&run(&["restore", "--database", &target.url, "--identity", key.to_str().unwrap(), file.to_str().unwrap()]));
        log_verifies(&target, &incident);
    }
}
