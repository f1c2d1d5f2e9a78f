//! `beredd kit verify FILE`: checks a copy of an offline kit against the kits this server made
//! (by the SHA-256 of the whole file and of its sealed part) and its page, style and script
//! against those this version of Beredd writes. Exits with 1 when the kit is changed or unknown.

use anyhow::{Context, bail};

use crate::platform::i18n::{Catalog, Tr};
use crate::services::continuity::kit::{self, PageCheck, Verdict};
use crate::store::kits::KitExport;

#[derive(clap::Subcommand, Debug)]
pub enum Kit {
    /// Checks a kit file: whether this server made it (which kit, for which units, when, by
    /// whom) and whether its script and page text are exactly those this version writes. The
    /// passphrase is not needed. Exits with 1 when the kit is changed or unknown.
    Verify {
        #[command(flatten)]
        db: super::DbOptions,
        /// The kit's HTML file.
        file: std::path::PathBuf,
        /// Language of the report: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
}

fn made(tr: &Tr, id: &str, k: &KitExport) -> String {
    tr.args(id, &[("at", &k.exported_at.shown_minute()), ("scope", &k.scope_name), ("by", &k.exported_by)])
}

impl Kit {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Kit::Verify { db, file, lang } => {
                let tr = Tr::new(Catalog::load(), super::export::language(&lang)?);
                let bytes = std::fs::read(&file).with_context(|| format!("kunde inte läsa {}", file.display()))?;
                let Ok(html) = String::from_utf8(bytes) else {
                    bail!("{}: {}", file.display(), tr.t("kit-verify-not-a-kit"))
                };
                let db = db.connect().await?;
                db.migrate().await?;
                let Ok(v) = kit::verify(&db.pool, &html).await? else {
                    bail!("{}: {}", file.display(), tr.t("kit-verify-not-a-kit"))
                };
                for line in report(&tr, &v) {
                    println!("{line}");
                }
                match v.verdict {
                    Verdict::Exact | Verdict::SameContentCurrentPage => Ok(()),
                    Verdict::Changed => bail!("{}", tr.t("kit-verify-failed-changed")),
                    Verdict::Unknown => bail!("{}", tr.t("kit-verify-failed-unknown")),
                }
            }
        }
    }
}

/// The lines printed for a checked file.
fn report(tr: &Tr, v: &kit::Verification) -> Vec<String> {
    let mut out = vec![
        tr.ts("kit-verify-fingerprint", "short", &kit::short(&v.fingerprint)),
        tr.ts("kit-verify-sealed", "sha", &v.fingerprint),
        tr.ts("kit-verify-file", "sha", &v.file_sha256),
    ];
    match (v.verdict, &v.kit) {
        (Verdict::Exact, Some(k)) => out.push(made(tr, "kit-verify-exact", k)),
        (Verdict::SameContentCurrentPage, Some(k)) => out.push(made(tr, "kit-verify-same-content", k)),
        (Verdict::Changed, Some(k)) => out.push(made(tr, "kit-verify-changed", k)),
        _ => out.push(tr.t("kit-verify-unknown")),
    }
    for k in &v.same_id {
        out.push(tr.args(
            "kit-verify-same-id",
            &[
                ("id", &k.kit_id),
                ("at", &k.exported_at.shown_minute()),
                ("scope", &k.scope_name),
                ("by", &k.exported_by),
            ],
        ));
    }
    if !v.plans.is_empty() {
        let plans: Vec<String> = v.plans.iter().map(|(name, version)| format!("{name}, version {version}")).collect();
        out.push(tr.ts("kit-verify-plans", "plans", &plans.join(", ")));
    }
    if v.verdict == Verdict::Exact && v.page != PageCheck::Same {
        out.push(tr.t("kit-verify-older"));
    }
    out.push(tr.t(match v.page {
        PageCheck::Same => "kit-verify-page-same",
        PageCheck::HeaderDiffers => "kit-verify-page-header",
        PageCheck::ScriptDiffers => "kit-verify-page-script",
        PageCheck::PageDiffers => "kit-verify-page-text",
    }));
    out
}
