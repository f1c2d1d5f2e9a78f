//! `beredd import organisation FILE`: an export (`beredd export organisation`) read into an
//! empty database; this is also how an organisation moves from SQLite to PostgreSQL.

use anyhow::Context;

use crate::services::archive::{self, Manifest, load};

#[derive(clap::Subcommand, Debug)]
pub enum Import {
    /// A whole organisation from an export file, into an empty database.
    Organisation {
        #[command(flatten)]
        db: super::DbOptions,
        /// The zip file from `beredd export organisation`.
        file: std::path::PathBuf,
    },
}

impl Import {
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            Import::Organisation { db, file } => {
                let bytes = std::fs::read(&file).with_context(|| format!("{} kunde inte läsas", file.display()))?;
                let export = archive::Export::read(&bytes)?;
                let db = db.connect().await?;
                let loaded = load::into(&db, &export).await?;
                println!("{}", loaded_line(&export.manifest, &loaded));
                Ok(())
            }
        }
    }
}

/// What a restore or an import says when it is done.
pub(super) fn loaded_line(m: &Manifest, l: &load::Loaded) -> String {
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
