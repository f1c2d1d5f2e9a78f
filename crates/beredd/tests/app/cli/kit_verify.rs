//! `beredd kit verify FILE` on a real kit made by `beredd export kit` (security review F6.1): the
//! file as written is recognised with its units, time and maker; one byte changed in the script,
//! or in the page text, makes it "changed" and the command fail; a kit this database did not
//! make is "unknown". And `beredd export kit` holds to the passphrase rule.

use std::io::Write;
use std::process::{Output, Stdio};

use crate::harness::{TestApp, beredd, fresh_db, kinds};

fn export_kit(url: &str, unit: &str, out: &std::path::Path, pass: &str) -> Output {
    let mut child = beredd()
        .args(["export", "kit", "--database", url, "--unit", unit, "--out"])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{pass}\n").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn verify(url: &str, file: &std::path::Path, extra: &[&str]) -> (bool, String, String) {
    let out = beredd().args(["kit", "verify", "--database", url]).args(extra).arg(file).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The file with the byte at `at` replaced by `by`.
fn with_byte(html: &[u8], at: usize, by: u8) -> Vec<u8> {
    let mut bytes = html.to_vec();
    assert_ne!(bytes[at], by);
    bytes[at] = by;
    bytes
}

#[tokio::test]
async fn a_kit_copy_is_verified_and_one_changed_byte_of_its_script_is_found() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        app.add_unit("Hemtjänst Norr", None).await;
        let url = app.db_url();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("krislada.html");

        // The passphrase rule holds on the command line too, and a refusal offers a suggestion.
        let out = export_kit(&url, "Hemtjänst Norr", &file, "Testkommun-2026-!!");
        assert!(!out.status.success(), "{kind:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("lösenfrasen godtas inte") && err.contains("organisationens namn"), "{kind:?}: {err}");
        let suggested = err.lines().find_map(|l| l.strip_prefix("Förslag: ")).expect("a suggestion").trim().to_owned();
        assert!(!file.exists());

        let out = export_kit(&url, "Hemtjänst Norr", &file, &suggested);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        let html = std::fs::read(&file).unwrap();
        let (fingerprint,): (String,) =
            sqlx::query_as("SELECT fingerprint FROM kit_exports").fetch_one(&app.db.pool).await.unwrap();
        let grouped = beredd::services::continuity::kit::short(&fingerprint);
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Fingeravtryck: {grouped}")), "{kind:?}");

        // The file as written: this server's kit, and the page this version writes.
        let (ok, stdout, stderr) = verify(&url, &file, &[]);
        assert!(ok, "{kind:?}: {stdout}{stderr}");
        assert!(stdout.contains(&format!("Fingeravtryck: {grouped}")), "{stdout}");
        assert!(stdout.contains(&format!("SHA-256 av den förseglade delen: {fingerprint}")), "{stdout}");
        assert!(
            stdout.contains("Filen är exakt den digitala krispärm som Beredd gjorde")
                && stdout.contains("för Hemtjänst Norr (av (kommandorad))"),
            "{kind:?}: {stdout}"
        );
        assert!(stdout.contains("Skriptet och sidans text är exakt de som den här versionen av Beredd skriver."));
        let (ok, stdout, _) = verify(&url, &file, &["--lang", "en"]);
        assert!(ok && stdout.contains("The file is exactly the kit Beredd made on"), "{kind:?}: {stdout}");

        // One byte of the script changed: the sealed part is still the kit's, but the copy is not.
        let text = String::from_utf8(html.clone()).unwrap();
        let script = text.rfind("<script>\n").unwrap();
        let at = script + text[script..].find("'use strict'").unwrap();
        let changed = dir.path().join("andrad.html");
        std::fs::write(&changed, with_byte(&html, at, b'"')).unwrap();
        let (ok, stdout, stderr) = verify(&url, &changed, &[]);
        assert!(!ok, "{kind:?}: a changed script fails");
        assert!(stdout.contains("men sidan runt den är ändrad. Skriv inte lösenfrasen i den här kopian."), "{stdout}");
        assert!(stdout.contains("Skriptet skiljer sig från det som den här versionen av Beredd skriver."), "{stdout}");
        assert!(stdout.contains(&format!("Fingeravtryck: {grouped}")), "the fingerprint alone cannot tell: {stdout}");
        assert!(stderr.contains("den digitala krispärmen är ändrad"), "{stderr}");

        // One byte of the page text (the passphrase's label) changed: found too, and told apart.
        let at = text.find("<label for=\"pass\">").unwrap() + "<label for=\"pass\">".len();
        std::fs::write(&changed, with_byte(&html, at, b'X')).unwrap();
        let (ok, stdout, _) = verify(&url, &changed, &[]);
        assert!(!ok && stdout.contains("Skriptet är detsamma, men sidans text"), "{kind:?}: {stdout}");

        // The same file checked against a database that did not make it: unknown.
        let other = fresh_db(kind).await;
        let (ok, stdout, stderr) = verify(&other.url, &file, &[]);
        assert!(!ok, "{kind:?}");
        assert!(stdout.contains("Varken filen eller dess förseglade del stämmer med en digital krispärm"), "{stdout}");
        assert!(stderr.contains("den digitala krispärmen är inte en som den här servern har gjort"), "{stderr}");

        // A file that is no kit at all.
        let page = dir.path().join("sida.html");
        std::fs::write(&page, "<!doctype html><p>Hej</p>").unwrap();
        let (ok, _, stderr) = verify(&url, &page, &[]);
        assert!(!ok && stderr.contains("filen är inte en digital krispärm från Beredd"), "{kind:?}: {stderr}");
    }
}
