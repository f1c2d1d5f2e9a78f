//! `beredd publish --incident N --out DIR`: the incident's public web page (`index.html`, one
//! file with its CSS, Swedish with an English part) written to a folder, to be copied to a web
//! host outside the municipality's network. It holds the hotlines and the approved messages for
//! the public channels only (`services::crisis::publish`).

use anyhow::{Context, anyhow};

use crate::platform::i18n::Catalog;
use crate::services::crisis::publish::{self, RenderFn};
use crate::store::audit;

#[derive(clap::Args, Debug)]
pub struct Publish {
    #[command(flatten)]
    db: super::DbOptions,
    /// The incident's number (as in its address, /incidents/N).
    #[arg(long)]
    incident: i64,
    /// The folder to write index.html to (made if it does not exist).
    #[arg(long)]
    out: std::path::PathBuf,
}

impl Publish {
    pub async fn run(self, render: RenderFn) -> anyhow::Result<()> {
        let db = self.db.connect().await?;
        db.migrate().await?;
        let org = super::organisation(&db).await?;
        let actor = audit::Actor { org_id: org.id, user_id: None, username: "(kommandorad)".into() };
        let (view, html) = publish::page(&db, Catalog::load(), render, &actor, self.incident)
            .await?
            .ok_or_else(|| anyhow!("händelse {} finns inte", self.incident))?;
        std::fs::create_dir_all(&self.out).with_context(|| format!("kunde inte skapa {}", self.out.display()))?;
        let file = self.out.join(publish::FILE_NAME);
        std::fs::write(&file, html).with_context(|| format!("kunde inte skriva {}", file.display()))?;
        println!(
            "Den publika sidan{} ({} meddelanden, {} nummer, uppdaterad {}) skrevs till {}",
            if view.exercise { " för övningen" } else { "" },
            view.messages.len(),
            view.hotlines.len(),
            view.updated,
            file.display()
        );
        Ok(())
    }
}
