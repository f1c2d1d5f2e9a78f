//! User-facing text: Fluent files for Swedish (the default) and English, embedded in the binary.
//! Each language has one file per area of the application (`locales/sv/crisis.ftl`, …); all of a
//! language's files go into one bundle, so an id is looked up the same way whichever file holds it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Lang {
        if code.eq_ignore_ascii_case("en") { Lang::En } else { Lang::Sv }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// Embeds each area's file for both languages, and each language's files as one source.
macro_rules! locales {
    ($($area:literal),+ $(,)?) => {
        /// The areas the texts are split into, in the order their files are loaded.
        pub const AREAS: &[&str] = &[$($area),+];
        /// The Swedish files as (area, Fluent source).
        pub const SV_FILES: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("../../locales/sv/", $area, ".ftl")))),+];
        /// The English files as (area, Fluent source).
        pub const EN_FILES: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("../../locales/en/", $area, ".ftl")))),+];
        /// Every Swedish text as one Fluent source: the area files one after the other.
        pub const SV_FTL: &str = concat!($(include_str!(concat!("../../locales/sv/", $area, ".ftl")), "\n"),+);
        /// Every English text as one Fluent source: the area files one after the other.
        pub const EN_FTL: &str = concat!($(include_str!(concat!("../../locales/en/", $area, ".ftl")), "\n"),+);
    };
}

locales!(
    "common",
    "accounts",
    "organisation",
    "classification",
    "continuity",
    "crisis",
    "risks",
    "frameworks",
    "cycle",
    "actions",
    "governance",
    "sharing",
    "home",
    "platform",
);

/// The environment variable that turns on strict mode (`BEREDD_STRICT_I18N=1`), read once.
pub const STRICT_ENV: &str = "BEREDD_STRICT_I18N";

static STRICT: AtomicBool = AtomicBool::new(false);
static STRICT_FROM_ENV: Once = Once::new();

fn read_strict_env() {
    STRICT_FROM_ENV.call_once(|| {
        if std::env::var(STRICT_ENV).is_ok_and(|v| v.trim() == "1") {
            STRICT.store(true, Ordering::Relaxed);
        }
    });
}

/// Strict mode, for the tests: a missing message id or a message that cannot be formatted (an
/// argument it needs is not given, say) panics instead of being logged and shown as its id.
/// Process-wide; also on when `BEREDD_STRICT_I18N=1` is set.
pub fn set_strict(on: bool) {
    read_strict_env();
    STRICT.store(on, Ordering::Relaxed);
}

/// Whether strict mode is on.
pub fn strict() -> bool {
    read_strict_env();
    STRICT.load(Ordering::Relaxed)
}

pub struct Catalog {
    sv: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: &str, files: &[(&str, &str)]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they show up as odd characters in tests and
    // copy-paste, and our texts are all left-to-right.
    b.set_use_isolating(false);
    for (area, src) in files {
        let res = match FluentResource::try_new((*src).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::error!(?errors, lang, area, "errors in Fluent file");
                r
            }
        };
        if let Err(errors) = b.add_resource(res) {
            tracing::error!(?errors, lang, area, "duplicate Fluent messages");
        }
    }
    b
}

impl Catalog {
    pub fn load() -> Arc<Catalog> {
        Arc::new(Catalog { sv: bundle("sv", SV_FILES), en: bundle("en", EN_FILES) })
    }

    fn get(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// A translator bound to one language, handed to every template.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    catalog: Arc<Catalog>,
}

impl Tr {
    pub fn new(catalog: Arc<Catalog>, lang: Lang) -> Tr {
        Tr { lang, catalog }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let (text, problem) = self.render(id, args);
        if let Some(problem) = problem {
            if strict() {
                panic!("{problem}");
            }
            tracing::warn!(id, "{problem}");
        }
        text
    }

    /// The message `id` formatted with `args`, and what went wrong if anything did: a missing
    /// message is shown as its id, one that could not be formatted as far as Fluent got.
    pub(crate) fn render(&self, id: &str, args: Option<&FluentArgs>) -> (String, Option<String>) {
        let lang = self.lang.code();
        let bundle = self.catalog.get(self.lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return (id.to_owned(), Some(format!("missing Fluent message {id:?} ({lang})")));
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        let problem =
            (!errors.is_empty()).then(|| format!("Fluent message {id:?} ({lang}) could not be formatted: {errors:?}"));
        (text, problem)
    }

    /// The message `id`.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with a text argument `$name`.
    pub fn ts(&self, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_owned()));
        self.format(id, Some(&args))
    }

    /// The message `id` with a number argument `$n`.
    pub fn tn(&self, id: &str, n: i64) -> String {
        let mut args = FluentArgs::new();
        args.set("n", FluentValue::from(n));
        self.format(id, Some(&args))
    }

    /// The message `id` with several arguments; a value that parses as a whole number is passed as
    /// a number (so that Fluent's plural rules and number formatting apply to it).
    pub fn args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            match value.parse::<i64>() {
                Ok(n) => a.set(name.to_string(), FluentValue::from(n)),
                Err(_) => a.set(name.to_string(), FluentValue::from(value.to_string())),
            }
        }
        self.format(id, Some(&a))
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }
}

/// Message ids defined in a Fluent source, for the test that both languages say everything.
pub fn message_ids(src: &str) -> Vec<String> {
    src.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_loaded_in_both_languages() {
        for (lang, files) in [("sv", SV_FILES), ("en", EN_FILES)] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
            let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
                .expect("the locales folder")
                .map(|e| e.expect("a directory entry").file_name().to_string_lossy().into_owned())
                .collect();
            on_disk.sort();
            let mut loaded: Vec<String> = files.iter().map(|(area, _)| format!("{area}.ftl")).collect();
            loaded.sort();
            assert_eq!(on_disk, loaded, "locales/{lang} holds other files than the catalogue loads (AREAS)");
        }
        assert_eq!(SV_FILES.iter().map(|(a, _)| *a).collect::<Vec<_>>(), AREAS);
        assert_eq!(EN_FILES.iter().map(|(a, _)| *a).collect::<Vec<_>>(), AREAS);
    }

    #[test]
    fn each_file_defines_the_same_ids_in_swedish_and_english() {
        for ((area, sv), (_, en)) in SV_FILES.iter().zip(EN_FILES) {
            let (sv, en) = (message_ids(sv), message_ids(en));
            let only_sv: Vec<_> = sv.iter().filter(|k| !en.contains(k)).collect();
            let only_en: Vec<_> = en.iter().filter(|k| !sv.contains(k)).collect();
            assert!(
                only_sv.is_empty() && only_en.is_empty(),
                "{area}.ftl: only in sv: {only_sv:?}; only in en: {only_en:?}"
            );
            assert_eq!(sv, en, "{area}.ftl: Swedish and English list the same ids in a different order");
        }
    }

    #[test]
    fn no_id_is_defined_twice() {
        for (lang, files) in [("sv", SV_FILES), ("en", EN_FILES)] {
            let mut first: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
            let mut twice = Vec::new();
            for (area, src) in files {
                for id in message_ids(src) {
                    if let Some(earlier) = first.insert(id.clone(), area) {
                        twice.push(format!("{id} ({earlier}.ftl and {area}.ftl)"));
                    }
                }
            }
            assert!(twice.is_empty(), "{lang}: defined twice: {twice:?}");
            // The bundle agrees: adding every file in turn reports no duplicate.
            let mut b = FluentBundle::new_concurrent(vec![unic_langid::langid!("sv")]);
            for (area, src) in files {
                let res = FluentResource::try_new((*src).to_owned()).unwrap_or_else(|(r, _)| r);
                assert!(b.add_resource(res).is_ok(), "{lang}/{area}.ftl defines an id an earlier file already has");
            }
        }
    }

    #[test]
    fn every_file_parses_without_errors() {
        for (lang, files) in [("sv", SV_FILES), ("en", EN_FILES)] {
            for (area, src) in files {
                if let Err((_, errors)) = FluentResource::try_new((*src).to_owned()) {
                    panic!("{lang}/{area}.ftl: {errors:?}");
                }
                assert!(!message_ids(src).is_empty(), "{lang}/{area}.ftl defines no message");
            }
        }
    }

    #[test]
    fn a_missing_id_or_argument_is_a_problem_strict_mode_panics_on() {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let (text, problem) = tr.render("no-such-message", None);
        assert_eq!(text, "no-such-message", "a missing message is shown as its id");
        assert!(problem.is_some_and(|p| p.contains("missing")));
        assert!(tr.render("err-too-long", None).1.is_some(), "a message without the argument it needs");
        let mut args = FluentArgs::new();
        args.set("n", FluentValue::from(200));
        assert_eq!(tr.render("err-too-long", Some(&args)), ("Texten är för lång. Högst 200 tecken.".to_owned(), None));
    }

    #[test]
    fn arguments_are_filled_in() {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        assert!(tr.tn("err-too-long", 200).contains("200"));
    }
}
