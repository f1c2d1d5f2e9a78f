//! `beredd publish`: the demo's exercise has hotlines and approved messages, so its public page
//! can be tried at once; the page holds them and nothing else.

use crate::harness::{beredd, fresh_db, kinds, texts};

#[tokio::test]
async fn publish_writes_the_demo_exercises_public_page_to_a_folder() {
    for kind in kinds() {
        let demo = fresh_db(kind).await;
        let keys = demo.keys_dir().display().to_string();
        let out = beredd()
            .args(["demo", "--no-serve", "--database", &demo.url, "--keys", &keys, "--admin-password", "demolösenord1"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("publik");
        let folder_arg = folder.display().to_string();
        let publish = |incident: &str| {
            beredd()
                .args([
                    "publish",
                    "--database",
                    &demo.url,
                    "--keys",
                    &keys,
                    "--incident",
                    incident,
                    "--out",
                    &folder_arg,
                ])
                .output()
                .unwrap()
        };
        let out = publish("1");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("för övningen (2 meddelanden, 2 nummer, uppdaterad 2026-11-24 10:00)"), "{stdout}");
        let html = std::fs::read_to_string(folder.join("index.html")).unwrap();
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1, "one file");
        assert_eq!(texts(&html, "section:not(.en) ul.hotlines a"), ["0980-319 210", "0980-319 211"]);
        let messages = texts(&html, "article .text");
        assert_eq!(messages.len(), 2);
        assert!(messages[0].starts_with("Läget kl. 10.15"), "newest first: {messages:?}");
        assert!(messages[1].starts_with("Kommunens it-system fungerar inte"));
        assert_eq!(texts(&html, "article h3 time"), ["2026-10-14 10:15", "2026-10-14 08:40"]);
        assert!(texts(&html, "body > p.exercise")[0].starts_with("ÖVNING"));
        for secret in ["Till all personal", "Utkast", "Gunilla Eriksson", "Kontaktcenter", "utpressningsvirus"] {
            assert!(!html.contains(secret), "{secret:?} is not for the public page");
        }

        let out = publish("999");
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("händelse 999 finns inte"));
    }
}
