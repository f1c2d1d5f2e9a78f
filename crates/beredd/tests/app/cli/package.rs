//! The Debian package (issue 21), built by `scripts/package-deb` from the debug binary the tests
//! already have, unpacked into a temporary root with `dpkg-deb -x` (never installed): its unit
//! file is hardened and starts a binary that is in the package, its bill of materials is
//! CycloneDX, and the unit's own command, run on the packaged configuration with its paths moved
//! into the temporary root, serves Beredd that a user logs in to.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use crate::harness::{NOW, PASSWORD};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The unpacked binary, with the tests' clock and none of the harness's `BEREDD_*` settings:
/// everything else comes from the configuration file.
fn unpacked(binary: &Path) -> Command {
    let mut c = Command::new(binary);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("BEREDD_") {
            c.env_remove(key);
        }
    }
    c.env(beredd::platform::clock::ENV, NOW).env(beredd::platform::i18n::STRICT_ENV, "1").env("BEREDD_LOG", "warn");
    c
}

/// The unit file's `Key=value` lines (a key given twice keeps both).
fn unit_keys(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())))
        .collect()
}

fn have_dpkg_deb() -> bool {
    Command::new("dpkg-deb").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

#[tokio::test]
async fn the_debian_package_unpacks_to_a_hardened_unit_whose_command_serves_beredd_from_its_configuration() {
    if !have_dpkg_deb() {
        println!("skipped: dpkg-deb is not installed, so the package cannot be built here");
        return;
    }
    crate::harness::pin_clock();
    let work = tempfile::tempdir().unwrap();
    let out = Command::new(repository().join("scripts/package-deb"))
        .args(["--binary", env!("CARGO_BIN_EXE_beredd"), "--compress", "none", "--out"])
        .arg(work.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let deb = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(deb.file_name().unwrap().to_string_lossy().starts_with("beredd_"), "{deb:?}");

    let root = work.path().join("root");
    let control = work.path().join("control");
    for (flag, dir) in [("-x", &root), ("-e", &control)] {
        let status = Command::new("dpkg-deb").arg(flag).arg(&deb).arg(dir).status().unwrap();
        assert!(status.success(), "dpkg-deb {flag}");
    }
    assert_eq!(std::fs::read_to_string(control.join("conffiles")).unwrap().trim(), "/etc/beredd/beredd.toml");
    let postinst = std::fs::read_to_string(control.join("postinst")).unwrap();
    assert!(postinst.contains("useradd --system") && postinst.contains("/var/lib/beredd"), "a system user beredd");

    // The unit: its command is in the package, and it is hardened.
    let unit = std::fs::read_to_string(root.join("lib/systemd/system/beredd.service")).unwrap();
    let keys = unit_keys(&unit);
    let value = |k: &str| keys.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let exec: Vec<&str> = value("ExecStart").expect("ExecStart").split_whitespace().collect();
    assert_eq!(exec[..3], ["/usr/bin/beredd", "serve", "--config"]);
    assert!(root.join(exec[0].trim_start_matches('/')).is_file(), "ExecStart names a file in the package");
    assert!(root.join(exec[3].trim_start_matches('/')).is_file(), "the configuration it names is in the package");
    for (key, expected) in [
        ("User", "beredd"),
        ("StateDirectory", "beredd"),
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
        ("CapabilityBoundingSet", ""),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
        ("SystemCallFilter", "@system-service"),
        ("MemoryDenyWriteExecute", "yes"),
        ("RestrictSUIDSGID", "yes"),
        ("StandardOutput", "journal"),
        ("KillSignal", "SIGTERM"),
    ] {
        assert_eq!(value(key), Some(expected), "{key} in\n{unit}");
    }

    // The bill of materials: CycloneDX, the binary's dependencies with package URLs, no test-only ones.
    let sbom: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("usr/share/doc/beredd/sbom.cdx.json")).unwrap())
            .unwrap();
    assert_eq!((sbom["bomFormat"].as_str(), sbom["specVersion"].as_str()), (Some("CycloneDX"), Some("1.5")));
    assert_eq!(sbom["metadata"]["component"]["name"], "beredd");
    let components = sbom["components"].as_array().unwrap();
    let named = |n: &str| components.iter().find(|c| c["name"] == n);
    let axum = named("axum").expect("axum is in it");
    assert!(axum["purl"].as_str().unwrap().starts_with("pkg:cargo/axum@0.8."), "{axum}");
    assert!(axum["licenses"][0]["expression"].as_str().unwrap().contains("MIT"), "{axum}");
    assert_eq!(axum["hashes"][0]["alg"], "SHA-256");
    assert!(named("sqlx-core").is_some() && named("typst").is_some());
    assert!(named("criterion").is_none() && named("proptest").is_none(), "test-only crates are not shipped");
    let refs: std::collections::HashSet<&str> = components.iter().filter_map(|c| c["bom-ref"].as_str()).collect();
    for d in sbom["dependencies"].as_array().unwrap() {
        for on in d["dependsOn"].as_array().unwrap() {
            assert!(refs.contains(on.as_str().unwrap()), "{on} is a component");
        }
    }

    // The packaged configuration, its paths moved into the root and on a free port.
    let config = root.join("etc/beredd/beredd.toml");
    let port = super::free_port();
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains("database = \"sqlite:///var/lib/beredd/beredd.db\"")
            && text.contains("listen = \"127.0.0.1:8080\"")
    );
    let moved = text
        .replace("/var/lib/beredd", &root.join("var/lib/beredd").display().to_string())
        .replace("127.0.0.1:8080", &format!("127.0.0.1:{port}"));
    std::fs::write(&config, moved).unwrap();
    std::fs::create_dir_all(root.join("var/lib/beredd")).unwrap();
    let binary = root.join("usr/bin/beredd");
    let check = unpacked(&binary).args(["config", "check", "--config"]).arg(&config).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));

    // An administrator made with the command line, then the unit's command.
    let mut add = unpacked(&binary)
        .args(["user", "add", "--role", "admin", "--config"])
        .arg(&config)
        .arg("admin")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut add.stdin.take().unwrap(), format!("{PASSWORD}\n").as_bytes()).unwrap();
    let added = add.wait_with_output().unwrap();
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let args: Vec<String> = exec[1..]
        .iter()
        .map(|a| {
            if a.starts_with('/') { root.join(a.trim_start_matches('/')).display().to_string() } else { a.to_string() }
        })
        .collect();
    let mut serve = unpacked(&binary).args(&args).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut out = BufReader::new(serve.stdout.take().unwrap());
    super::wait_for_line(&mut out, &format!("Beredd kör på http://127.0.0.1:{port}/"));
    let base = format!("http://127.0.0.1:{port}");
    let (s, _) = super::shutdown::login(&base, "admin").await;
    assert_eq!(s.get("/").await.status, StatusCode::OK);
    assert!(root.join("var/lib/beredd/beredd.db").is_file(), "the data is where the configuration says");
    let _ = Command::new("kill").args(["-TERM", &serve.id().to_string()]).status();
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = serve.try_wait().unwrap() {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "serve stops on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
}
