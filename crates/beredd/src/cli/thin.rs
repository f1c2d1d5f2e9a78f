//! `beredd gallra`: shows which closed incidents are due for thinning (gallring) under the
//! organisation's rule (set under *Uppföljning → Gallring*), and with `--apply` thins them
//! (`services::governance::retention`). Without `--apply` nothing is changed.

use anyhow::anyhow;

use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::services::governance::retention;
use crate::store::audit;

#[derive(clap::Args, Debug)]
pub struct Thin {
    #[command(flatten)]
    db: super::DbOptions,
    /// Thin them; without it, only show what would be thinned.
    #[arg(long)]
    apply: bool,
}

impl Thin {
    pub async fn run(self) -> anyhow::Result<()> {
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let db = self.db.connect().await?;
        db.migrate().await?;
        let org = super::organisation(&db).await?;
        let p = retention::proposal(&db.pool, org.id).await?;
        let rule = p.rule.retention_decision.clone().unwrap_or_else(|| tr.t("retention-no-decision"));
        println!(
            "{}",
            tr.args(
                "retention-cli-rule",
                &[
                    ("months", &p.rule.retention_months.to_string()),
                    ("cutoff", &p.cutoff.to_string()),
                    ("decision", &rule)
                ]
            )
        );
        for d in &p.due {
            println!("  {} {}  {}", d.id, d.closed_at.shown_day(), d.title);
        }
        println!(
            "{}",
            tr.args("retention-cli-due", &[("n", &p.due.len().to_string()), ("entries", &p.entries().to_string())])
        );
        if !self.apply {
            return Ok(());
        }
        let actor = audit::Actor { org_id: org.id, user_id: None, username: "(kommandorad)".into() };
        let done = retention::apply(&db, &actor, &tr).await.map_err(|e| match e {
            crate::services::Failure::Invalid(_) => anyhow!("{}", tr.t("retention-needs-decision")),
            other => anyhow!("{other}"),
        })?;
        let (n, entries) = (done.incidents.to_string(), done.entries.to_string());
        println!("{}", tr.args("retention-done", &[("n", &n), ("entries", &entries)]));
        Ok(())
    }
}
