//! The shape of the code, checked: which layer may name which, the domain crate free of I/O, and
//! no source file grown past the size where it holds two concerns. README.md, "How the code is
//! laid out", gives the rules these checks keep.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The layer of a file: its first folder under `src/` (or the file's own name at the top).
fn layer(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// Lines that name a module path (imports and paths), without comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim_start().starts_with("//"))
}

#[test]
fn each_layer_names_only_the_layers_below_it() {
    // What each layer must never name. `web` and `cli` are the top; the binary's `main.rs` wires
    // the web layer's server into the command line.
    let forbidden: &[(&str, &[&str])] = &[
        (
            "platform",
            &["crate::content", "crate::store", "crate::services", "crate::web", "crate::cli", "axum", "askama"],
        ),
        ("content", &["crate::web", "crate::cli", "axum", "askama"]),
        ("store", &["crate::services", "crate::web", "crate::cli", "crate::content", "axum", "askama"]),
        ("services", &["crate::web", "crate::cli", "axum", "askama"]),
        ("cli", &["crate::web"]),
        ("web", &["crate::cli"]),
    ];
    let mut broken = Vec::new();
    let files = sources(&src());
    assert!(files.len() > 100, "the sources were found: {}", files.len());
    for file in &files {
        let layer = layer(file);
        let Some((_, words)) = forbidden.iter().find(|(l, _)| *l == layer) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in code_lines(&text) {
            for w in *words {
                if line.contains(&format!("{w}::")) || line.contains(&format!("use {w}")) {
                    broken.push(format!("{}:{n} ({layer} names {w}): {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "layers crossed:\n{}", broken.join("\n"));
}

#[test]
fn the_web_layer_is_named_only_by_the_binarys_root() {
    let mut outside = Vec::new();
    for file in sources(&src()) {
        // `main.rs` hands the web layer's server to the command line: the one place naming both.
        if matches!(layer(&file).as_str(), "web" | "main") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            if line.contains("crate::web") || line.contains("super::web") || line.contains("beredd::web") {
                outside.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(outside.is_empty(), "outside web/, only main.rs may name the web layer:\n{}", outside.join("\n"));
}

/// A write and its audit entry belong together in one transaction, and that is a use case: the
/// service layer opens it, never a page handler.
#[test]
fn no_handler_opens_a_transaction() {
    let mut found = Vec::new();
    for file in sources(&src()).into_iter().filter(|f| layer(f) == "web") {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            if [".begin_write(", ".begin()", ".commit()"].iter().any(|t| line.contains(t)) {
                found.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "transactions belong in services/, not in web/:\n{}", found.join("\n"));
}

#[test]
fn the_domain_crate_does_no_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../beredd-domain");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let deps: Vec<&str> = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim()))
        .collect();
    assert_eq!(deps, ["thiserror", "serde", "sha2"], "the domain crate's dependencies");
    let io =
        ["std::fs", "std::net", "std::process", "std::env", "tokio", "sqlx", "reqwest", "SystemTime", "Instant::now"];
    let mut found = Vec::new();
    for file in sources(&root.join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            for w in io {
                if line.contains(w) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "I/O in the domain crate:\n{}", found.join("\n"));
}

#[test]
fn no_source_file_of_any_crate_passes_five_hundred_lines() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let long: Vec<String> = ["beredd", "beredd-domain", "beredd-render"]
        .iter()
        .flat_map(|c| sources(&crates.join(c).join("src")))
        .filter_map(|f| {
            let n = std::fs::read_to_string(&f).unwrap().lines().count();
            (n > 500).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these along their concerns: {long:?}");
}

/// The functions of a file and their lengths in lines, from `fn` to the closing brace at the
/// same indentation (rustfmt's layout); trait method declarations without a body are left out,
/// and so are tests.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        // `pub`, `pub(crate)`, `pub(super)`, `pub(in …)`: any visibility.
        let rest = match trimmed.strip_prefix("pub(") {
            Some(scoped) => scoped.split_once(") ").map_or(trimmed, |(_, rest)| rest),
            None => trimmed.strip_prefix("pub ").unwrap_or(trimmed),
        };
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let Some(name) = rest.strip_prefix("fn ") else { continue };
        let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if i > 0 && lines[i - 1].trim() == "#[test]" {
            continue;
        }
        let Some(open) =
            (i..lines.len()).find(|&j| lines[j].trim_end().ends_with('{') || lines[j].trim_end().ends_with(';'))
        else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let close = (open..lines.len())
            .find(|&j| {
                let l = lines[j];
                l.len() > indent && l[..indent].trim().is_empty() && l[indent..].starts_with('}')
            })
            .unwrap_or(lines.len() - 1);
        out.push((name, i + 1, close - i + 1));
    }
    out
}

/// Handlers only read the request, authorise, call a service and render (issue 15): no function
/// in `web/` passes 40 lines. The route table is one list by design.
#[test]
fn no_function_in_the_web_layer_passes_forty_lines() {
    const LIMIT: usize = 40;
    let web = src().join("web");
    let mut long = Vec::new();
    let mut measured = 0;
    for file in sources(&web) {
        let rel = file.strip_prefix(&web).unwrap().to_string_lossy().into_owned();
        if rel == "routes.rs" || rel == "message_ids.rs" {
            continue;
        }
        for (name, line, n) in functions(&std::fs::read_to_string(&file).unwrap()) {
            measured += 1;
            if n > LIMIT {
                long.push(format!("web/{rel}:{line} {name} ({n} lines, at most {LIMIT})"));
            }
        }
    }
    assert!(measured > 500, "the functions were found: {measured}");
    assert!(
        long.is_empty(),
        "move what is not reading, authorising and rendering into services/:\n{}",
        long.join("\n")
    );
}
