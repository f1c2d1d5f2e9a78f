//! The layered configuration (issue 21): a TOML file, then `BEREDD_*` variables, then flags;
//! `beredd config check` shows each value with its layer, secrets hidden, and refuses a file
//! with an unknown key or a value of the wrong kind, naming the file, the line and the key.

use crate::harness::beredd;

fn write(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("beredd.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The line of `config check`'s table for `key`.
fn row<'a>(stdout: &'a str, key: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{key} ")))
        .unwrap_or_else(|| panic!("no line for {key} in\n{stdout}"))
}

#[test]
fn config_check_shows_each_value_with_the_layer_it_came_from_and_hides_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "# Beredd\ndatabase = \"postgres://beredd:hemligt-lösen@db.example/beredd\"\nlisten = \"127.0.0.1:9999\"\n\
         metrics_token = \"mätartoken-hemlig\"\n\n[backup]\nkeep = 3\n\n[mail]\nsmtp = \"smtp.example:25\"\n",
    );
    let out = beredd()
        .args(["config", "check", "--config", &file, "--trusted-proxy", "10.0.0.1,10.0.0.2"])
        .env("BEREDD_SECURE_COOKIES", "true")
        .env("BEREDD_LISTEN", "127.0.0.1:7777")
        .env("BEREDD_SMTP_PASSWORD", "smtp-lösen-hemligt")
        .env("BEREDD_DB_CONNECTIONS", "12")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let connections = row(&stdout, "db_connections");
    assert!(
        connections.contains("12") && connections.contains("(miljövariabel BEREDD_DB_CONNECTIONS)"),
        "{connections}"
    );
    let password = row(&stdout, "mail.password");
    assert!(password.contains("(dold)") && password.contains("BEREDD_SMTP_PASSWORD"), "{password}");
    assert!(row(&stdout, "mail.security").contains("starttls"), "encrypted mail by default");
    assert!(stdout.contains(&format!("Inställningsfil: {file}")), "{stdout}");
    let database = row(&stdout, "database");
    assert!(database.contains("postgres://beredd:(dolt)@db.example/beredd") && database.contains("(filen, rad 2)"));
    assert!(
        row(&stdout, "listen").contains("127.0.0.1:7777")
            && row(&stdout, "listen").contains("(miljövariabel BEREDD_LISTEN)")
    );
    assert!(row(&stdout, "secure_cookies").contains("true"));
    let proxies = row(&stdout, "trusted_proxies");
    assert!(proxies.contains("10.0.0.1, 10.0.0.2") && proxies.contains("(flagga --trusted-proxy)"), "{proxies}");
    assert!(
        row(&stdout, "metrics_token").contains("(dold)") && row(&stdout, "metrics_token").contains("(filen, rad 4)")
    );
    assert!(row(&stdout, "backup.keep").contains("3") && row(&stdout, "backup.keep").contains("(filen, rad 7)"));
    assert!(row(&stdout, "backup.every").contains("24h") && row(&stdout, "backup.every").contains("(standardvärde)"));
    assert!(row(&stdout, "backup.dir").contains("(inte satt)"));
    assert!(
        row(&stdout, "mail.smtp").contains("smtp.example:25") && row(&stdout, "mail.smtp").contains("(filen, rad 10)")
    );
    assert!(row(&stdout, "keys").contains("(miljövariabel BEREDD_KEYS)"), "the tests' keys come from the environment");
    assert!(row(&stdout, "log_format").contains("text"));
    assert!(
        !stdout.contains("hemligt-lösen") && !stdout.contains("mätartoken-hemlig") && !stdout.contains("smtp-lösen"),
        "{stdout}"
    );
    assert!(stdout.contains("Inställningarna är giltiga."));

    // A flag goes before the variable, and the variable before the file.
    let out = beredd()
        .args(["config", "check", "--config", &file, "--listen", "127.0.0.1:5555"])
        .env("BEREDD_LISTEN", "127.0.0.1:7777")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(row(&stdout, "listen").contains("127.0.0.1:5555") && row(&stdout, "listen").contains("(flagga --listen)"));
    let out = beredd().args(["config", "check", "--config", &file]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(row(&stdout, "listen").contains("127.0.0.1:9999") && row(&stdout, "listen").contains("(filen, rad 3)"));
}

#[test]
fn a_configuration_file_with_an_unknown_key_or_a_wrong_value_stops_beredd_with_the_line_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "listen = \"127.0.0.1:8080\"\nlissen = \"127.0.0.1:8081\"\n\n[backup]\nkeep = \"många\"\n");
    for command in [&["config", "check"][..], &["serve"][..], &["user", "add", "anna"][..]] {
        let out = beredd().args(command).args(["--config", &file]).output().unwrap();
        assert!(!out.status.success(), "{command:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{file}, rad 2: okänd inställning \"lissen\"")), "{command:?}: {stderr}");
        assert!(stderr.contains(&format!("{file}, rad 5: \"backup.keep\" ska vara ett heltal")), "{stderr}");
    }
    let file = write(&dir, "listen = 8080\n");
    let out = beredd().args(["config", "check", "--config", &file]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("rad 1: \"listen\" ska vara en adress med port"));

    // The file is valid TOML of known keys, but serve could not start with it.
    let file = write(&dir, "[backup]\ndir = \"/var/backups/beredd\"\n");
    let out = beredd().args(["config", "check", "--config", &file]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--backup-dir kräver --backup-recipient"));

    let out = beredd().args(["config", "check", "--config", "/finns/inte/beredd.toml"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan inte läsa inställningsfilen /finns/inte/beredd.toml"));
}
