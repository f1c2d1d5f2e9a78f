//! `beredd config check`: the configuration `beredd serve` would run with (and the mail settings
//! of `beredd remind`), each value with the layer it came from, secrets hidden; an invalid
//! configuration ends with a message and a non-zero exit.

use clap::parser::ValueSource;

use super::settings::{self, File, SETTINGS, Setting};

#[derive(clap::Subcommand, Debug)]
pub enum Config {
    /// Show the effective configuration and where each value comes from (file, environment,
    /// flag, default); takes the same flags as `beredd serve`.
    Check(Check),
}

#[derive(clap::Args, Debug)]
pub struct Check {
    #[command(flatten)]
    db: super::DbOptions,
    /// Taken so that `check` accepts the flags of `serve` (clap has checked their values).
    #[allow(dead_code)]
    #[command(flatten)]
    serve: super::ServeOptions,
    #[command(flatten)]
    backups: super::serve::BackupOptions,
}

/// Where a value came from.
enum Layer {
    Flag(String),
    Env(String),
    File(usize),
    Default,
    Unset,
}

impl Config {
    /// `matches` are this subcommand's, `all` the whole command line's (it knows the arguments of
    /// the settings this subcommand does not take, the mail settings).
    pub fn run(self, file: Option<&File>, matches: &clap::ArgMatches, all: &clap::Command) -> anyhow::Result<()> {
        let Config::Check(check) = self;
        let matches = matches.subcommand_matches("check").unwrap_or(matches);
        match file {
            Some(f) => println!("Inställningsfil: {}", f.path.display()),
            None => println!("Inställningsfil: ingen ({} finns inte)", settings::DEFAULT_FILE),
        }
        let rows: Vec<(String, String, String)> = SETTINGS
            .iter()
            .map(|s| {
                let (values, layer) = effective(s, file, matches, all);
                let value = values.iter().map(|v| settings::shown(s.secret, v)).collect::<Vec<_>>().join(", ");
                let from = match layer {
                    Layer::Flag(flag) => format!("flagga --{flag}"),
                    Layer::Env(var) => format!("miljövariabel {var}"),
                    Layer::File(line) => format!("filen, rad {line}"),
                    Layer::Default => "standardvärde".to_owned(),
                    Layer::Unset => "inte satt".to_owned(),
                };
                (s.key.to_owned(), value, from)
            })
            .collect();
        let key_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
        let value_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0).min(60);
        for (key, value, from) in rows {
            println!("  {key:<key_width$} = {value:<value_width$}  ({from})");
        }
        check.valid()?;
        println!("Inställningarna är giltiga.");
        Ok(())
    }
}

impl Check {
    /// What `beredd serve` checks before it starts.
    fn valid(&self) -> anyhow::Result<()> {
        crate::platform::db::normalise_url(&self.db.url)?;
        self.backups.schedule()?;
        Ok(())
    }
}

/// A setting's values and their layer: as clap parsed them when this subcommand takes the
/// setting, otherwise as the subcommand that takes it would (environment, file, default).
fn effective(
    s: &Setting,
    file: Option<&File>,
    matches: &clap::ArgMatches,
    all: &clap::Command,
) -> (Vec<String>, Layer) {
    let from_file = |v: Option<&[String]>| v.map(|v| v.to_vec());
    if let Ok(Some(raw)) = matches.try_get_raw(s.arg) {
        let values: Vec<String> = raw.map(|v| v.to_string_lossy().into_owned()).collect();
        let arg = find_arg(all, s.arg);
        let layer = match matches.value_source(s.arg) {
            Some(ValueSource::CommandLine) => Layer::Flag(arg.and_then(|a| a.get_long()).unwrap_or(s.arg).to_owned()),
            Some(ValueSource::EnvVariable) => Layer::Env(env_name(arg)),
            _ => match file.and_then(|f| f.line(s.key)) {
                Some(line) if file.and_then(|f| from_file(f.value(s.key))).as_deref() == Some(&values[..]) => {
                    Layer::File(line)
                }
                _ => Layer::Default,
            },
        };
        return (values, layer);
    }
    let Some(arg) = find_arg(all, s.arg) else { return (Vec::new(), Layer::Unset) };
    if let Some(v) = arg.get_env().and_then(std::env::var_os).filter(|v| !v.is_empty()) {
        return (vec![v.to_string_lossy().into_owned()], Layer::Env(env_name(Some(arg))));
    }
    if let Some(f) = file
        && let (Some(v), Some(line)) = (f.value(s.key), f.line(s.key))
    {
        return (v.to_vec(), Layer::File(line));
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if defaults.is_empty() { (defaults, Layer::Unset) } else { (defaults, Layer::Default) }
}

fn env_name(arg: Option<&clap::Arg>) -> String {
    arg.and_then(|a| a.get_env()).map(|e| e.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The argument `id` of the first subcommand that takes it.
fn find_arg<'a>(command: &'a clap::Command, id: &str) -> Option<&'a clap::Arg> {
    command
        .get_arguments()
        .find(|a| a.get_id() == id)
        .or_else(|| command.get_subcommands().find_map(|c| find_arg(c, id)))
}
