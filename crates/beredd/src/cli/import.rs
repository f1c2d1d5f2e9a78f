//! `beredd import organisation FILE`: an export (`beredd export organisation`) read into an
//! empty database; this is also how an organisation moves from SQLite to PostgreSQL. With
//! `--as-new --slug KORTNAMN [--name NAMN]`: one organisation's export read in as a new
//! organisation beside those the database has, every row with a new id.
//!
//! `beredd import REGISTER FILE [--apply]`: a register (units, people, suppliers, systems,
//! activities, resources, dependencies, assets) from
//! an xlsx or CSV file. Without `--apply` it prints what the file would do (new, changed with
//! before and after, unchanged, rows in error, records the file lacks); with it, it stores the
//! file when no row is in error, with the organisation's saved column mapping.

use std::collections::HashMap;

use anyhow::{anyhow, bail};

use crate::platform::i18n::{Catalog, Tr};
use crate::services::organisation::import::{self, Kind, Preview};
use crate::store::audit;

#[derive(clap::Args, Debug)]
pub struct Import {
    /// What to import: units, people, suppliers, systems, activities, resources, dependencies or
    /// assets; or organisation, an organisation's export into an empty database (or, with --as-new, beside others).
    register: String,
    /// The file: .xlsx or .csv (; or , between fields, UTF-8 or Windows-1252).
    file: std::path::PathBuf,
    /// Store it (without: only show what it would do).
    #[arg(long)]
    apply: bool,
    /// organisation: read it in as a new organisation beside the others (every row a new id).
    #[arg(long, requires = "slug")]
    as_new: bool,
    /// With --as-new: the new organisation's short name (its address /o/<kortnamn>).
    #[arg(long, requires = "as_new")]
    slug: Option<String>,
    /// With --as-new: the new organisation's name (otherwise the exported one's).
    #[arg(long, requires = "as_new")]
    name: Option<String>,
    /// The language of the report: sv or en.
    #[arg(long, default_value = "sv")]
    lang: String,
    #[command(flatten)]
    db: super::DbOptions,
}

impl Import {
    pub async fn run(self) -> anyhow::Result<()> {
        // The one place the register is told apart.
        if self.register == "organisation" {
            let as_new = self.slug.as_deref().map(|s| (s, self.name.as_deref()));
            return organisation(&self.db, &self.file, as_new).await;
        }
        if self.as_new {
            bail!("--as-new gäller bara import organisation");
        }
        let kind = match (self.register.as_str(), Kind::parse(&self.register)) {
            (_, Some(kind)) => kind,
            (r, None) => {
                bail!(
                    "okänt register {r:?}: välj units, people, suppliers, systems, activities, resources, dependencies eller assets"
                )
            }
        };
        let tr = Tr::new(Catalog::load(), super::export::language(&self.lang)?);
        let bytes = std::fs::read(&self.file).map_err(|e| anyhow!("kan inte läsa {}: {e}", self.file.display()))?;
        let name = self.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let db = self.db.connect().await?;
        db.migrate().await?;
        let org = super::organisation(&db).await?;
        let outcome = if self.apply {
            let actor = audit::Actor { org_id: org.id, user_id: None, username: "(kommandorad)".into() };
            // A bar on a terminal; otherwise a line on standard error as each step begins.
            let bar = super::progress::Bar::new();
            let applied = import::apply_with(&db, &actor, kind, (&name, &bytes), &HashMap::new(), &bar).await?;
            bar.finish();
            applied
        } else {
            import::preview(&db, org.id, kind, (&name, &bytes), &HashMap::new()).await?
        };
        let preview = outcome.map_err(|r| anyhow!("{}", import::refusal(&r, &tr)))?;
        print!("{}", report(&preview, &tr));
        if !preview.errors.is_empty() {
            bail!("{}", tr.t("import-nothing-stored"));
        }
        println!("{}", tr.t(if preview.stored { "import-cli-stored" } else { "import-cli-apply-hint" }));
        Ok(())
    }
}

/// The preview as lines of text.
pub fn report(p: &Preview, tr: &Tr) -> String {
    let mut out = String::new();
    let count = |id: &str, n: usize| tr.tn(id, n as i64);
    out.push_str(&format!(
        "{}\n{}\n{}\n{}\n",
        count("import-count-new", p.added.len()),
        count("import-count-changed", p.changed.len()),
        count("import-count-unchanged", p.unchanged),
        count("import-count-errors", p.errors.len()),
    ));
    for e in &p.errors {
        out.push_str(&format!("  {}\n", import::row_error_text(e, tr)));
    }
    for a in &p.added {
        out.push_str(&format!("  + {} ({})\n", a.name, tr.tn("import-row", a.row as i64)));
    }
    for c in &p.changed {
        out.push_str(&format!("  ~ {} ({})\n", c.name, tr.tn("import-row", c.row as i64)));
        for ch in &c.changes {
            out.push_str(&format!("      {}: {} → {}\n", tr.t(ch.label_id), show(&ch.before, tr), show(&ch.after, tr)));
        }
    }
    if !p.missing.is_empty() {
        out.push_str(&format!("{}\n", count("import-count-missing", p.missing.len())));
        for (_, name) in &p.missing {
            out.push_str(&format!("  ? {name}\n"));
        }
    }
    out
}

fn show(v: &str, tr: &Tr) -> String {
    if v.is_empty() { tr.t("import-empty-value") } else { v.to_owned() }
}

/// A whole organisation from an export file, into an empty database, or as a new organisation
/// (`as_new`: its short name and perhaps its name).
async fn organisation(
    db: &super::DbOptions,
    file: &std::path::Path,
    as_new: Option<(&str, Option<&str>)>,
) -> anyhow::Result<()> {
    use crate::services::archive::{self, load};
    let bytes = std::fs::read(file).map_err(|e| anyhow!("{} kunde inte läsas: {e}", file.display()))?;
    let export = archive::Export::read(&bytes)?;
    let db = db.connect().await?;
    if let Some((slug, name)) = as_new {
        let i = archive::as_new::import(&db, &export, slug, name, "(kommandorad)").await?;
        let from = i.upgraded_from.map_or(String::new(), |v| format!(" Den skrevs av schemaversion {v}."));
        println!(
            "Inläst som ny organisation: {} ({}), {} tabeller, {} rader, exporterad {}.{from} Logga in på /o/{}.",
            i.name, i.slug, i.tables, i.rows, export.manifest.exported_at, i.slug
        );
        return Ok(());
    }
    let loaded = load::into(&db, &export).await?;
    println!("{}", loaded_line(&export.manifest, &loaded));
    Ok(())
}

/// What a restore or an import of an organisation says when it is done.
pub(super) fn loaded_line(
    m: &crate::services::archive::Manifest,
    l: &crate::services::archive::load::Loaded,
) -> String {
    let from = match l.upgraded_from {
        Some(v) => format!(" Den skrevs av en äldre Beredd (schemaversion {v}) och fördes fram till den här."),
        None => String::new(),
    };
    format!(
        "Inläst: {} ({} tabeller, {} rader, exporterad {}).{from}",
        m.organisations.join(", "),
        l.tables,
        l.rows,
        m.exported_at
    )
}
