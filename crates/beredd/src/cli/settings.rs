//! The layers of Beredd's configuration: built-in defaults, then a TOML file
//! (`/etc/beredd/beredd.toml` when it exists, or `--config FILE`), then `BEREDD_*` environment
//! variables, then flags.
//!
//! Each setting is declared once, as a `clap` argument with its flag, environment variable and
//! default; clap already puts a flag before a variable and a variable before a default. The file
//! slips in between by becoming the arguments' defaults before the command line is parsed, so
//! every subcommand that takes a setting takes it from the file too. The file is checked here
//! first, against [`SETTINGS`]: an unknown key or a value of the wrong kind stops the program with
//! the file, the line and the key named, instead of a value quietly ignored.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

/// Where the configuration file is looked for when none is named.
pub const DEFAULT_FILE: &str = "/etc/beredd/beredd.toml";

/// What kind of value a setting takes in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An address with a port (`127.0.0.1:8080`).
    Address,
    Flag,
    Count,
    Texts,
    /// A list of IP addresses.
    Addresses,
    /// `text` or `json`.
    LogFormat,
}

/// How a setting's value is shown by `beredd config check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    No,
    /// The whole value is hidden.
    Whole,
    /// A URL whose password is hidden (`postgres://beredd:…@db/beredd`).
    UrlPassword,
}

/// One setting: its key in the file (`backup.every` is `every` under `[backup]`), the id of the
/// command-line argument it stands for, its kind, and whether it is a secret.
#[derive(Debug)]
pub struct Setting {
    pub key: &'static str,
    pub arg: &'static str,
    pub kind: Kind,
    pub secret: Secret,
}

const fn setting(key: &'static str, arg: &'static str, kind: Kind, secret: Secret) -> Setting {
    Setting { key, arg, kind, secret }
}

/// Every setting the file may hold. A new setting is a new argument on the command line and a
/// line here (the mail settings grow this way).
pub const SETTINGS: &[Setting] = &[
    setting("database", "url", Kind::Text, Secret::UrlPassword),
    setting("keys", "keys", Kind::Text, Secret::No),
    setting("db_connections", "connections", Kind::Count, Secret::No),
    setting("listen", "listen", Kind::Address, Secret::No),
    setting("secure_cookies", "secure_cookies", Kind::Flag, Secret::No),
    setting("trusted_proxies", "trusted_proxies", Kind::Addresses, Secret::No),
    setting("metrics_token", "metrics_token", Kind::Text, Secret::Whole),
    setting("max_live_streams", "max_live_streams", Kind::Count, Secret::No),
    setting("log_format", "log_format", Kind::LogFormat, Secret::No),
    setting("backup.dir", "backup_dir", Kind::Text, Secret::No),
    setting("backup.every", "backup_every", Kind::Text, Secret::No),
    setting("backup.keep", "backup_keep", Kind::Count, Secret::No),
    setting("backup.recipients", "backup_recipients", Kind::Texts, Secret::No),
    setting("mail.smtp", "smtp", Kind::Text, Secret::No),
    setting("mail.from", "from", Kind::Text, Secret::No),
    setting("mail.security", "smtp_security", Kind::Text, Secret::No),
    setting("mail.user", "smtp_user", Kind::Text, Secret::No),
    setting("mail.password", "smtp_password", Kind::Text, Secret::Whole),
    setting("mail.ca", "smtp_ca", Kind::Text, Secret::No),
];

/// Subcommands that never take a setting from the file: `demo` replaces its database, so it
/// is never pointed at the one in the configuration.
const NOT_FROM_FILE: &[(&str, &str)] = &[("demo", "url"), ("demo", "keys")];

/// A configuration file, read and checked: each setting it holds, as the command line would
/// spell it, with the line it is on.
#[derive(Debug)]
pub struct File {
    pub path: PathBuf,
    values: BTreeMap<&'static str, (Vec<String>, usize)>,
}

impl File {
    /// The file named by `--config FILE` among `args` or by `BEREDD_CONFIG`, else the default
    /// file when it exists. A file that is named but missing is an error; no file at all is not.
    pub fn find(args: &[OsString]) -> Result<Option<File>, String> {
        let named = named_in(args).or_else(|| std::env::var_os("BEREDD_CONFIG").filter(|v| !v.is_empty()));
        let path = match named {
            Some(p) => PathBuf::from(p),
            None if Path::new(DEFAULT_FILE).exists() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(None),
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("kan inte läsa inställningsfilen {}: {e}", path.display()))?;
        File::parse(path, &text).map(Some)
    }

    /// Checks the text of a configuration file against [`SETTINGS`]; every problem is named.
    pub fn parse(path: PathBuf, text: &str) -> Result<File, String> {
        let place = |span: Option<std::ops::Range<usize>>| {
            let line = span.map(|s| line_of(text, s.start)).unwrap_or(1);
            format!("{}, rad {line}", path.display())
        };
        let table = DeTable::parse(text)
            .map_err(|e| format!("{}: det här är inte giltig TOML: {}", place(e.span()), e.message().trim()))?;
        let mut values = BTreeMap::new();
        let mut problems = Vec::new();
        let mut unknown = false;
        let mut entries: Vec<(String, &toml::Spanned<DeValue<'_>>, usize)> = Vec::new();
        for (key, value) in table.get_ref() {
            let line = line_of(text, key.span().start);
            match value.get_ref() {
                DeValue::Table(section) if is_section(key.get_ref()) => {
                    for (inner, v) in section {
                        entries.push((
                            format!("{}.{}", key.get_ref(), inner.get_ref()),
                            v,
                            line_of(text, inner.span().start),
                        ));
                    }
                }
                _ => entries.push((key.get_ref().to_string(), value, line)),
            }
        }
        entries.sort_by_key(|e| e.2);
        for (key, value, line) in entries {
            let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else {
                problems.push(format!("{}, rad {line}: okänd inställning \"{key}\"", path.display()));
                unknown = true;
                continue;
            };
            let line = line_of(text, value.span().start).max(line);
            match spelled(setting.kind, value.get_ref()) {
                Some(v) => {
                    values.insert(setting.key, (v, line));
                }
                None => problems.push(format!(
                    "{}, rad {line}: \"{key}\" ska vara {}",
                    path.display(),
                    expected(setting.kind)
                )),
            }
        }
        if unknown {
            let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
            problems.push(format!("De inställningar som finns: {}.", known.join(", ")));
        }
        if problems.is_empty() { Ok(File { path, values }) } else { Err(problems.join("\n")) }
    }

    /// The line a setting is on, when the file holds it.
    pub fn line(&self, key: &str) -> Option<usize> {
        self.values.get(key).map(|(_, line)| *line)
    }

    /// The file's value of a setting, as the command line spells it.
    pub fn value(&self, key: &str) -> Option<&[String]> {
        self.values.get(key).map(|(v, _)| v.as_slice())
    }
}

/// `--config FILE` or `--config=FILE`, read before the command line is parsed (its defaults
/// come from the file).
fn named_in(args: &[OsString]) -> Option<OsString> {
    let mut args = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(a) = args.next() {
        if a == "--config" {
            return args.next().cloned();
        }
        if let Some(rest) = a.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(rest.into());
        }
    }
    None
}

fn is_section(key: &str) -> bool {
    SETTINGS.iter().any(|s| s.key.split_once('.').is_some_and(|(section, _)| section == key))
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// A value as the command line spells it, when it is of the setting's kind.
fn spelled(kind: Kind, value: &DeValue<'_>) -> Option<Vec<String>> {
    let texts = |check: fn(&str) -> bool| match value {
        DeValue::Array(items) => items
            .iter()
            .map(|i| match i.get_ref() {
                DeValue::String(s) if check(s) => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    match (kind, value) {
        (Kind::Text, DeValue::String(s)) => Some(vec![s.to_string()]),
        (Kind::Address, DeValue::String(s)) if s.parse::<std::net::SocketAddr>().is_ok() => Some(vec![s.to_string()]),
        (Kind::LogFormat, DeValue::String(s)) if matches!(s.as_ref(), "text" | "json") => Some(vec![s.to_string()]),
        (Kind::Flag, DeValue::Boolean(b)) => Some(vec![b.to_string()]),
        (Kind::Count, DeValue::Integer(i)) => {
            usize::from_str_radix(i.as_str(), i.radix()).ok().map(|n| vec![n.to_string()])
        }
        (Kind::Texts, _) => texts(|_| true),
        (Kind::Addresses, _) => texts(|s| s.parse::<std::net::IpAddr>().is_ok()),
        _ => None,
    }
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "en text inom citattecken",
        Kind::Address => "en adress med port inom citattecken, till exempel \"127.0.0.1:8080\"",
        Kind::Flag => "true eller false",
        Kind::Count => "ett heltal, noll eller större",
        Kind::Texts => "en lista av texter, till exempel [\"age1…\"]",
        Kind::Addresses => "en lista av IP-adresser, till exempel [\"10.0.0.1\"]",
        Kind::LogFormat => "\"text\" eller \"json\"",
    }
}

/// The command line with the file's values as its defaults, in every subcommand that takes them.
pub fn apply(mut command: clap::Command, file: Option<&File>) -> clap::Command {
    let Some(file) = file else { return command };
    let name = command.get_name().to_owned();
    for s in SETTINGS {
        let Some(values) = file.value(s.key) else { continue };
        let takes = command.get_arguments().any(|a| a.get_id() == s.arg);
        if takes && !NOT_FROM_FILE.contains(&(name.as_str(), s.arg)) {
            let values = values.to_vec();
            command = command.mut_arg(s.arg, |a| a.default_values(values));
        }
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for sub in subcommands {
        command = command.mut_subcommand(sub, |c| apply(c, Some(file)));
    }
    command
}

/// A value as `beredd config check` shows it.
pub fn shown(secret: Secret, value: &str) -> String {
    match secret {
        Secret::No => value.to_owned(),
        Secret::Whole if value.is_empty() => String::new(),
        Secret::Whole => "(dold)".to_owned(),
        Secret::UrlPassword => crate::platform::db::without_password(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<File, String> {
        File::parse(PathBuf::from("/etc/beredd/beredd.toml"), text)
    }

    #[test]
    fn a_file_gives_its_settings_as_the_command_line_spells_them() {
        let f = parse(
            "# kommentar\ndatabase = \"sqlite:///var/lib/beredd/beredd.db\"\nsecure_cookies = true\n\
             trusted_proxies = [\"10.0.0.1\", \"::1\"]\n\n[backup]\nkeep = 7\n",
        )
        .unwrap();
        assert_eq!(f.value("database").unwrap(), ["sqlite:///var/lib/beredd/beredd.db"]);
        assert_eq!(f.line("database"), Some(2));
        assert_eq!(f.value("trusted_proxies").unwrap(), ["10.0.0.1", "::1"]);
        assert_eq!(f.value("secure_cookies").unwrap(), ["true"]);
        assert_eq!(f.value("backup.keep").unwrap(), ["7"]);
        assert_eq!(f.line("backup.keep"), Some(7));
    }

    #[test]
    fn unknown_keys_and_wrong_kinds_are_named_with_their_line() {
        let e = parse("listen = \"127.0.0.1:8080\"\nlissen = \"x\"\n").unwrap_err();
        assert!(e.contains("/etc/beredd/beredd.toml, rad 2: okänd inställning \"lissen\""), "{e}");
        let e = parse("[backup]\nkeep = \"många\"\nfolder = \"/tmp\"\n").unwrap_err();
        assert!(e.contains("rad 2: \"backup.keep\" ska vara ett heltal"), "{e}");
        assert!(e.contains("rad 3: okänd inställning \"backup.folder\""), "{e}");
        let e = parse("listen = \"hemma\"\n").unwrap_err();
        assert!(e.contains("rad 1: \"listen\" ska vara en adress med port"), "{e}");
        let e = parse("\n\nlisten = \n").unwrap_err();
        assert!(e.contains("rad 3: det här är inte giltig TOML"), "{e}");
    }

    #[test]
    fn config_is_found_among_the_arguments_before_a_double_dash() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(named_in(&args(&["beredd", "serve", "--config", "/a.toml"])), Some("/a.toml".into()));
        assert_eq!(named_in(&args(&["beredd", "--config=/b.toml", "serve"])), Some("/b.toml".into()));
        assert_eq!(named_in(&args(&["beredd", "serve", "--", "--config", "/c.toml"])), None);
    }

    #[test]
    fn a_secret_is_shown_hidden() {
        assert_eq!(shown(Secret::Whole, "token"), "(dold)");
        assert_eq!(shown(Secret::UrlPassword, "postgres://b:pw@db/b"), "postgres://b:(dolt)@db/b");
    }
}
